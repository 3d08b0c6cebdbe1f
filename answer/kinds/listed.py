"""Lists the reports give row by row: projects by their 绩效 grade, the units a department covers."""
from __future__ import annotations

name = "list"


def claims(question) -> bool:
    return question.department is not None


def answer(question, context, out) -> bool:
    from ..listed import listed

    return listed(question.text, context.catalog, out)
