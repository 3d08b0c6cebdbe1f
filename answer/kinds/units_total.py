"""A column of the units table added up over the units it lists, computed."""
from __future__ import annotations

name = "units_total"


def claims(question) -> bool:
    return question.department is not None


def answer(question, context, out) -> bool:
    from ..derived import units_total

    return units_total(question.text, context.catalog, out)
