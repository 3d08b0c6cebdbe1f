"""A column's share of its table's total, both printed in the table's total row, computed."""
from __future__ import annotations

name = "table_share"


def claims(question) -> bool:
    return question.department is not None and question.operation == "share"


def answer(question, context, out) -> bool:
    from ..within import table_share

    return table_share(question, context.catalog, out)
