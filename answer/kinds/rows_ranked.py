"""Rows of one table ranked: the rows under a named row, or every row of a level (answer.rows_ranked)."""
from __future__ import annotations

name = "rows_ranked"


def claims(question) -> bool:
    from ..rows_ranked import asks

    return asks(question)


def answer(question, context, out) -> bool:
    from ..rows_ranked import rank_rows

    return rank_rows(question, context.catalog, out)
