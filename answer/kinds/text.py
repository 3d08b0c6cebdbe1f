"""What the report says in words, quoted whole with where it is printed: the reason a figure
changed or a project under-spent, what money or a vehicle is used for, a unit's duties, when it
was founded, what kind of unit it is, a list printed only in prose."""
from __future__ import annotations

name = "text"


def claims(question) -> bool:
    return question.operation in ("text", "why", "list")


def answer(question, context, out) -> bool:
    from ..narrated import quoted

    return quoted(question, context.catalog, context.searcher, out)
