"""What the narrative says about a quantity: a reason, a change on the previous year, a
completion rate, the previous year's amount."""
from __future__ import annotations

name = "narrated"


def claims(question) -> bool:
    from ..previous import asks_change

    # a change on the year before is the change kind's (its question parsed once, not re-read here)
    return question.department is not None and not asks_change(question)


def answer(question, context, out) -> bool:
    from ..narrated import explained

    return explained(question.text, context.catalog, out)
