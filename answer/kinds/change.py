"""A quantity's change on the previous year, as the report's narrative prints it (or its rate
computed from the printed amount and change), with the sentence."""
from __future__ import annotations

name = "change"


def claims(question) -> bool:
    from ..previous import asks_change

    return question.department is not None and asks_change(question)


def answer(question, context, out) -> bool:
    from ..previous import answer_change

    return answer_change(question, context.catalog, out)
