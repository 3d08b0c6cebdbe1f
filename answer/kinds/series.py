"""One department's quantity over several years, one printed figure per year, each cited and
lined up by row (answer.series)."""
from __future__ import annotations

name = "series"


def claims(question) -> bool:
    from ..series import asks_series

    return asks_series(question)


def answer(question, context, out) -> bool:
    from ..series import answer_series

    return answer_series(question, context.catalog, out)
