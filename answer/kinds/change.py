"""A quantity's change on the previous year, as the report's narrative prints it (or its rate
computed from the printed amount and change), with the sentence; else, where both years' reports
are ingested, the difference of the two printed figures (answer/across_years.py), computed."""
from __future__ import annotations

name = "change"


def claims(question) -> bool:
    from ..previous import asks_change

    return question.department is not None and asks_change(question)


def answer(question, context, out) -> bool:
    from ..across_years import answer_across
    from ..previous import answer_change

    return answer_change(question, context.catalog, out) or answer_across(question, context.catalog, out)
