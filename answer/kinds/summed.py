"""Several named items of one department added up (or the one printed figure they all are)."""
from __future__ import annotations

name = "summed"


def claims(question) -> bool:
    from ..aggregate import asks_sum

    return asks_sum(question)


def answer(question, context, out) -> bool:
    from ..aggregate import answer_sum

    return answer_sum(question, context.catalog, out)
