"""What the narrative says about a quantity: a reason, a change on the previous year, a
completion rate, the previous year's amount."""
from __future__ import annotations

name = "narrated"


def claims(question) -> bool:
    return question.department is not None


def answer(question, context, out) -> bool:
    from ..narrated import explained

    return explained(question.text, context.catalog, out)
