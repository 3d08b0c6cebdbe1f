"""Rankings: the same quantity for each department named (all, when none is), or for the items
one department's report prints (差旅费、培训费、会议费; projects by 自评总分), in order; and a
figure asked of several departments at once, each one's."""
from __future__ import annotations

import re

name = "rank"
_LISTED = re.compile(r"[和与及、跟]|以及")


def claims(question) -> bool:
    # a figure asked of several departments (A和B的三公经费是多少): each one's, in order, never one of them
    # (named in a list: one place several departments share, 上海普陀, asks which of them)
    return question.operation == "rank" or (question.operation == "lookup" and len(question.named) >= 2
                                            and not question.unknown and bool(_LISTED.search(question.compact)))


def answer(question, context, out) -> bool:
    from ..ranking import compare

    compare(question, context.catalog, out)
    return True
