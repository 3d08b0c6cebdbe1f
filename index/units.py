"""Search units: what the search returns.  Narrative passages as ingested, and one line per
table row: department, year, table title, section, row label, subject code and every value with
its column, so that a row is found by any of the words a user may use for it; the row's search
text also carries the everyday words of its label (see `vocabulary`).

CHUNKER_VERSION changes whenever the text of units would change; the search manifest records it,
searching refuses an index built with another version, and a refresh rebuilds the units (the
embedding cache keeps every vector whose text did not change).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from domain.vocabulary import EVERYDAY_TERMS, everyday_words

# the everyday words are part of a row's text: editing their table changes the version too
CHUNKER_VERSION = "3." + hashlib.sha256(repr(sorted(EVERYDAY_TERMS.items())).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Unit:
    uid: str
    document: str
    kind: str  # passage | row
    text: str  # what a result shows
    index_text: str  # what is searched and embedded: text with its department, year and place
    page: int | None
    line: int | None
    department: str | None
    year: int | None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.index_text.encode("utf-8")).hexdigest()


def units_of(store, document: str) -> list[Unit]:
    doc = next(d for d in store.documents() if d["name"] == document)
    dept, year = doc["department"] or "", doc["year"]
    where = f"{dept} {year or ''}".strip()
    out: list[Unit] = []
    for i, p in enumerate(store.passages(document)):
        head = f"{where} {p['section']}".strip()
        out.append(Unit(f"{document}|p|{i}", document, "passage", p["text"], f"{head}\n{p['text']}",
                        p["page"], p["line"], doc["department"], year))
    rows: dict[tuple[int, int, int], list[dict]] = {}
    project: dict[int, str] = {}  # a 绩效自评表 is about one project: its rows name it
    for f in store.facts(document):
        rows.setdefault((f["table_index"], f["row_index"], f["row_group"]), []).append(f)
        if f["row_label"] in _PROJECT_LABELS and f["table_index"] not in project:
            project[f["table_index"]] = f["value_text"]
    for (table, row, group), facts in rows.items():
        first = facts[0]
        name = " ".join(x for x in (first["row_section"], first["row_label"], first["row_code"]) if x)
        values = "；".join(f"{f['column'] or '数值'}：{f['value_text']}{_unit(f)}" for f in facts)
        title = first["table_title"] + (f"（{first['table_code']}）" if first["table_code"] else "")
        if table in project and first["row_label"] not in _PROJECT_LABELS:
            title += f" {project[table]}"
        text = f"{title} | {name} | {values}"
        aliases = " ".join(everyday_words(first["row_label"] or ""))
        out.append(Unit(f"{document}|r|{table}|{row}|{group}", document, "row", text,
                        f"{where} {text} {aliases}".rstrip(),
                        first["page"], first["line"], doc["department"], year))
    return out


_PROJECT_LABELS = {"专项名称", "项目名称", "项目名"}


def _unit(fact: dict) -> str:
    return fact["unit"] if fact["number"] is not None and fact["unit"] else ""
