"""One indexed document as the checks read it: its facts table by table, its passages, and how
to cite a cell or a sentence of it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from domain.normalize import compact

from .model import CellRef

MONEY = ("万元", "元", "亿元")
_LEVELS = {"类": 0, "款": 1, "项": 2}


def money(fact: dict) -> bool:
    """A printed amount of money (not a 行次, a count, a rate or a dash)."""
    return fact["number"] is not None and fact["unit"] in MONEY


@dataclass
class Report:
    document: str
    department: str | None
    year: int | None
    facts: list[dict]
    passages: list[dict] = field(default_factory=list)
    path: str | None = None  # the text report read, to cite a sentence by its own line
    source: str | None = None

    @classmethod
    def load(cls, store, name: str) -> "Report":
        doc = next((d for d in store.documents() if d["name"] == name), None)
        if doc is None:
            raise KeyError(name)
        return cls(name, doc["department"], doc["year"], list(store.facts(name)), store.passages(name),
                   doc["path"], doc["source"])

    @cached_property
    def lines(self) -> list[str]:
        """The text report's lines as compared (spaces removed), when its file is still there."""
        if self.source != "text" or not self.path:
            return []
        try:
            return [compact(line) for line in Path(self.path).read_text(encoding="utf-8").split("\n")]
        except (OSError, UnicodeDecodeError):
            return []

    @cached_property
    def statements(self) -> tuple:
        """What its narrative says (answer.statements), read once."""
        from domain.statements import statements

        return tuple(statements(self.passages, [self.department] if self.department else []))

    @cached_property
    def _passages_at(self) -> dict[tuple, list[dict]]:
        out: dict[tuple, list[dict]] = defaultdict(list)
        for p in self.passages:
            out[(p["page"], p["line"])].append(p)
        return dict(out)

    def passage_of(self, statement) -> dict | None:
        """The passage a narrative statement was read from."""
        head = compact(statement.sentence)[:20]
        return next((p for p in self._passages_at.get((statement.page, statement.line), ())
                     if head in compact(p["text"])), None)

    @cached_property
    def tables(self) -> dict[int, list[dict]]:
        """Facts by table, in printed order."""
        out: dict[int, list[dict]] = defaultdict(list)
        for f in self.facts:
            out[f["table_index"]].append(f)
        return dict(out)

    def of_kind(self, *kinds: str) -> list[list[dict]]:
        return [facts for facts in self.tables.values() if facts[0]["table_kind"] in kinds]

    @cached_property
    def unread_tables(self) -> set[int]:
        """Tables with a row of numbers whose subject code or name could not be read."""
        return {i for i, facts in self.tables.items() if any(r["unread"] for g in grouped_rows(facts) for r in g)}

    def cell(self, fact: dict) -> CellRef:
        table = fact["table_title"] + (f"（{fact['table_code']}）" if fact["table_code"] else "")
        row = fact["row_label"]
        if fact["row_code"] and not row.startswith(fact["row_code"]):
            row = f"{fact['row_code']} {row}".strip()
        return CellRef(self.document, fact["page"], fact["line"], table, row, fact["column"], fact["value_text"],
                       label=fact["row_label"])

    def sentence(self, statement, value: str) -> CellRef:
        """A figure printed in the narrative: the sentence stands for the row.  In a text report the
        line is the one of the paragraph's lines that prints the figure (with its subject, if several do)."""
        line = statement.line
        passage = self.passage_of(statement) if self.lines and line else None
        if passage:
            span = range(line, min(passage["end_line"] or line, len(self.lines)) + 1)
            printing = [n for n in span if value in self.lines[n - 1]]
            named = [n for n in printing if compact(statement.subject)[-4:] in self.lines[n - 1]]
            line = (named or printing or [line])[0]
        return CellRef(self.document, statement.page, line, None, statement.sentence, None, value,
                       label=statement.subject)


def grouped_rows(facts: list[dict]) -> list[list[dict]]:
    """The table's rows per side-by-side group, in printed order: code, level (0 类, 1 款, 2 项,
    None otherwise), parent code, label, numeric cells by column, and whether a row with numbers
    carries neither a readable code nor a name."""
    rows: dict[tuple[int, int], dict] = {}
    for f in facts:
        key = (f["row_group"], f["row_index"])
        row = rows.setdefault(key, {"code": f["row_code"], "level": _LEVELS.get(f["row_level"] or ""),
                                    "parent": f["row_parent"], "label": f["row_label"], "cells": {}, "index": key})
        if money(f):
            row["cells"].setdefault(f["column"], f)
    by_group: dict[int, list[dict]] = defaultdict(list)
    for key in sorted(rows):
        row = rows[key]
        label = compact(row["label"]).strip("_-")
        row["unread"] = bool(row["cells"]) and row["level"] is None and (
            row["code"] is not None or not label or label.startswith("（无名称"))
        by_group[key[0]].append(row)
    return list(by_group.values())
