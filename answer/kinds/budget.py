"""Budget against what was spent for one row: the difference, what is left, the completion rate."""
from __future__ import annotations

name = "budget"


def claims(question) -> bool:
    from ..budgeted import intent

    return intent(question.compact) is not None


def answer(question, context, out) -> bool:
    from ..budgeted import answer as budget_answer

    return budget_answer(question, context.catalog, out)
