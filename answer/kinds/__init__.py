"""The kinds of answer, one module each, tried in the order of `KINDS`.

Each kind has a `name`, `claims(question)` — whether it is the kind of request this is, read
from the parsed `Question` alone — and `answer(question, context, out)`, which fills the answer
object and returns True, or returns False to let the next kind that claims it try.  The answer
object records the kind that answered and how the question was read.  Adding a kind is one
module and one line here; `tests/test_kinds.py` checks the registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..question import Question
from . import across_sum, average, budget, change, computed, figure, indicator, listed, narrated, outcome, per_count, per_person, project, rank, rows_ranked, series, several, summed, table_share, text, units_total, why


@dataclass(frozen=True)
class Context:
    catalog: object  # answer.lookup.Catalog
    searcher: object | None = None  # index.search.SearchIndex


class Kind(Protocol):
    name: str

    def claims(self, question: Question) -> bool: ...

    def answer(self, question: Question, context: Context, out: dict) -> bool: ...


KINDS: tuple = (several, series, rows_ranked, rank, across_sum, why, outcome, project, budget, narrated, indicator, change, average, per_count, per_person, table_share, computed, listed, units_total, summed, text, figure)


def answer(question: Question, context: Context, out: dict) -> dict:
    for kind in KINDS:
        if kind.claims(question) and kind.answer(question, context, out):
            out["kind"] = kind.name
            break
    out["interpretation"] = question.interpretation()
    return out
