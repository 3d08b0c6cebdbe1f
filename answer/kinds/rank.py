"""Comparisons and rankings: the same quantity for each department named (all, when none is)."""
from __future__ import annotations

name = "rank"


def claims(question) -> bool:
    return question.operation == "rank"


def answer(question, context, out) -> bool:
    from ..ranking import compare

    compare(question.text, context.catalog, out)
    return True
