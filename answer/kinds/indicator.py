"""A project's performance indicator as its 绩效 form prints it: what was achieved, or the target
asked (answer.indicators)."""
from __future__ import annotations

name = "indicator"


def claims(question) -> bool:
    return question.operation == "lookup"


def answer(question, context, out) -> bool:
    from ..indicators import answer_indicator

    return answer_indicator(question, context.catalog, out)
