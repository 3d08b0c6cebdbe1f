"""Lists the reports give row by row: projects by their 绩效 grade or a printed funds figure (执行率,
全年执行数), the 类-level subjects a table shows spending under, the units a department covers."""
from __future__ import annotations

name = "list"


def claims(question) -> bool:
    return question.department is not None


def answer(question, context, out) -> bool:
    from ..listed import listed

    return listed(question.text, context.catalog, out)
