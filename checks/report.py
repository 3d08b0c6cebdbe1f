"""One indexed document as the checks read it — or one report of several files (a 公开表 with the
tables and a 公开文件 with the narrative, `Store.reports`), read as one with each file's own Report
beside it — its facts table by table, its passages, the cells its tables print blank, and how to
cite a cell or a sentence of it, each in the file that prints it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from domain.normalize import clean_label, compact

from .model import CellRef

MONEY = ("万元", "元", "亿元")
_WORDS = re.compile(r"[\u4e00-\u9fff]")  # a printed label holds words, not only a code or a number
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
    grids: list[dict] = field(default_factory=list)  # the stored tables (Store.tables): columns and grid as printed
    parts: tuple["Report", ...] = ()  # a report of several files: each file read alone, table file first
    # one file of a report of several: the passages of all its files (a 公开表's empty table is
    # explained in the 公开文件's narrative); None for a report of one file
    report_passages: list[dict] | None = None

    @classmethod
    def load(cls, store, name: str) -> "Report":
        """A document by its name, or a report of several documents by its joined name (A + B);
        KeyError when the store has neither."""
        members = store.members(name)
        if len(members) > 1:
            passages = store.passages(name)
            parts = tuple(replace(cls.load(store, m), report_passages=passages) for m in members)
            return cls(name, parts[0].department, parts[0].year, list(store.facts(name)), passages,
                       grids=store.tables(name), parts=parts)
        doc = store.document(name) if members else None
        if doc is None:
            raise KeyError(name)
        return cls(name, doc["department"], doc["year"], list(store.facts(name)), store.passages(name),
                   doc["path"], doc["source"], store.tables(name))

    def part(self, document: str) -> "Report":
        """The file's own Report, for a report of several files; itself otherwise."""
        return next((p for p in self.parts if p.document == document), self)

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

        names = [r.department for r in self.parts or (self,) if r.department]
        return tuple(statements(self.passages, list(dict.fromkeys(names))))

    @cached_property
    def _passages_at(self) -> dict[tuple, list[dict]]:
        out: dict[tuple, list[dict]] = defaultdict(list)
        for p in self.passages:
            out[(p["document"], p["page"], p["line"])].append(p)
        return dict(out)

    def passage_of(self, statement) -> dict | None:
        """The passage a narrative statement was read from."""
        head = compact(statement.sentence)[:20]
        return next((p for p in self._passages_at.get((statement.document, statement.page, statement.line), ())
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

    @cached_property
    def blank_cells(self) -> list[dict]:
        """The cells the tables print blank, shaped as facts with no value (value_text "", number
        None): a blank cell makes no fact, but the stored grid keeps it.  Its column is the printed
        column's header path; its row label the nearest label printed to its left in the same grid
        row ("" where the row prints none, as in a table whose header names each item); it carries
        no subject code (the grid row is not tied to the interpreted rows)."""
        out = []
        for t in self.grids:
            columns = {c["index"]: c for c in t["columns"]}
            for row in t["grid"][t["header_rows"]:]:
                label = None
                for i, cell in enumerate(row):
                    column = columns.get(i)
                    text = cell.get("text")
                    if column is None:
                        if text == "":
                            label = None  # an empty label cell: the values after it are another group's
                        elif text and _WORDS.search(text):
                            label = cell
                        continue
                    if text != "":
                        continue
                    where = cell if cell.get("page") or cell.get("line") else (label or {})
                    out.append({
                        "document": t.get("document", self.document), "page": where.get("page", t["page"]),
                        "line": where.get("line", t["line"]), "bbox": cell.get("bbox"), "table_index": t["idx"],
                        "table_code": t["code"], "table_kind": t["kind"], "table_title": t["title"],
                        "row_label": clean_label(label["text"]) if label else "", "row_code": None, "row_level": None,
                        "row_parent": None, "row_section": None, "row_index": None, "row_group": column["group"],
                        "column": column["path"], "value_text": "", "value_state": "blank", "number": None, "unit": ""})
        return out

    def cell(self, fact: dict) -> CellRef:
        table = fact["table_title"] + (f"（{fact['table_code']}）" if fact["table_code"] else "")
        row = fact["row_label"]
        if fact["row_code"] and not row.startswith(fact["row_code"]):
            row = f"{fact['row_code']} {row}".strip()
        return CellRef(fact.get("document") or self.document, fact["page"], fact["line"], table, row, fact["column"],
                       fact["value_text"], label=fact["row_label"])

    def sentence(self, statement, value: str) -> CellRef:
        """A figure printed in the narrative: the sentence stands for the row.  In a text report the
        line is the one of the paragraph's lines that prints the figure (with its subject, if several do)."""
        if self.part(statement.document) is not self:
            return self.part(statement.document).sentence(statement, value)
        line = statement.line
        passage = self.passage_of(statement) if self.lines and line else None
        if passage:
            span = range(line, min(passage["end_line"] or line, len(self.lines)) + 1)
            printing = [n for n in span if value in self.lines[n - 1]]
            named = [n for n in printing if compact(statement.subject)[-4:] in self.lines[n - 1]]
            line = (named or printing or [line])[0]
        return CellRef(statement.document, statement.page, line, None, statement.sentence, None, value,
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
