"""A table the report prints with no amount in it, and what the report says about it.

An empty table is not a missing table and not a table of zeros: it is answered 0 only where the
report says in words that there is nothing to show ("说明：本表无数据" printed with the table, or
"本年度无此项支出" under the narrative heading of the same funds or table), and the answer quotes
that sentence.  Without such words the answer says the table is printed empty.
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.normalize import compact
# NO_DATA: a note that says the table has nothing in it ("当此表数据为空时，即本部门无…支出" says what
# the table's emptiness means: it is empty here); NONE: a sentence naming the table's funds or
# words that says there are none of them
from domain.report_text import NO_DATA, NONE
from domain.tables import FUNDS_TABLES
from domain.vocabulary import TABLE_WORDS


def printed_empty(catalog, document: str, kinds: tuple[str, ...] = (), code: str | None = None) -> list[dict]:
    """The tables of these kinds (or with this code) the document prints without a single amount."""
    tables = [t for t in catalog.store.tables(document)
              if (code and t["code"] == code) or (not code and t["kind"] in kinds)]
    if not tables:
        return []
    # the store's own facts: a caller may narrow what the catalog shows (answer.ranking reads the narrative alone)
    numbered = {f["table_index"] for f in catalog.store.facts(document) if f["number"] is not None}
    return [t for t in tables if t["idx"] not in numbered]


def _words_for(kind: str) -> list[str]:
    """The words a narrative heading or sentence uses for a table of this kind (政府性基金, 三公)."""
    return [f for f, k in FUNDS_TABLES.items() if k == kind] + [w for w, kinds in TABLE_WORDS.items() if kind in kinds]


def _within(passage: dict, table: dict, following: dict | None) -> bool:
    """Whether the passage is printed after the table and before the next one."""
    if passage["line"] is not None and table["line"] is not None:
        return passage["line"] > table["line"] and (following is None or following["line"] is None
                                                      or passage["line"] < following["line"])
    if passage["page"] is None or table["page"] is None:
        return False
    last = table["page"] if following is None or following["page"] is None else max(table["page"], following["page"])
    return table["page"] <= passage["page"] <= last


def none_note(catalog, document: str, table: dict) -> dict | None:
    """The passage that says the empty table has nothing: its own note, or the narrative
    section about its funds or table saying there is no such spending."""
    tables = catalog.store.tables(document)
    following = next((t for t in tables if t["idx"] > table["idx"]), None)
    words = _words_for(table["kind"])
    others = [w for w in list(FUNDS_TABLES) + list(TABLE_WORDS) if w not in words]
    found: list[tuple[int, dict]] = []
    for p in catalog.store.passages(document):
        text = compact(p["text"])
        beside = _within(p, table, following) and "情况说明" not in (p["section"] or "")
        headed = any(w in (p["section"] or "").rsplit("/", 1)[-1] for w in words)
        if not (beside or headed):
            continue
        # a note that names another table's funds or words is that table's (two tables on a page)
        if beside and not headed and not any(w in text for w in words) and any(w in text for w in others):
            continue
        for sentence in re.split(r"(?<=[。；;])", text):
            said = NO_DATA.search(sentence) or (any(w in sentence for w in words) and NONE.search(sentence))
            # a template's instruction ("无…的，仍保留该表格式，并在本表下方作下述说明：") says nothing of this report
            if not said or re.search(r"\d[\d,]*\.\d+\s*万元", sentence) or re.search(r"[:：]$|仍保留|下述说明", sentence):
                continue
            found.append((0 if NO_DATA.search(sentence) else 1, {"passage": p, "sentence": sentence.strip()}))
    # "本表无数据" first, then a sentence that says there are none of the table's funds
    return min(found, key=lambda item: item[0])[1] if found else None


def empty_fact(note: dict, table: dict, department: str, year: int) -> dict:
    """0 as the report says it, cited to the sentence and naming the empty table."""
    p = note["passage"]
    return {"row_label": note["sentence"], "value_text": "0", "number": Decimal(0), "unit": table["unit"] or "万元",
            "department": department, "year": year, "table_code": table["code"], "table_kind": "情况说明",
            "table_title": table["title"], "column": "", "document": p["document"], "page": p["page"],
            "line": p["line"], "value_state": "number", "row_code": None, "row_section": None,
            "sentence": note["sentence"], "none": True, "empty_table": table["title"]}
