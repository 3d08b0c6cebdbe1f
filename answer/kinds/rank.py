"""Rankings: the same quantity for each department named (all, when none is), or for the items
one department's report prints (差旅费、培训费、会议费; projects by 自评总分), in order."""
from __future__ import annotations

name = "rank"


def claims(question) -> bool:
    return question.operation == "rank"


def answer(question, context, out) -> bool:
    from ..ranking import compare

    compare(question, context.catalog, out)
    return True
