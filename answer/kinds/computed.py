"""A share, sum or difference of two printed figures of one department, computed and labelled."""
from __future__ import annotations

name = "computed"


def claims(question) -> bool:
    return question.department is not None


def answer(question, context, out) -> bool:
    from ..derived import computed

    return computed(question.text, context.catalog, out)
