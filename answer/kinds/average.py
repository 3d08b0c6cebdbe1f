"""A department's mean 绩效 self-assessment score: printed, or computed over its forms."""
from __future__ import annotations

name = "average"


def claims(question) -> bool:
    return question.operation == "average" and question.department is not None


def answer(question, context, out) -> bool:
    from ..aggregate import answer_average

    return answer_average(question, context.catalog, out)
