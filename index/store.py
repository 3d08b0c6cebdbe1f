"""The store: documents, tables, facts, passages, warnings and the manifest, on one of two
backends behind one interface.

`Store(folder)` is the embedded default, one SQLite file under the index folder
(`index.store_sqlite`); `Store("postgresql://…")`, or a folder that `index_target` made for such a
URL, is a PostgreSQL database (`index.store_postgres`).  Every query is issued here (and in the
backends' schemas): no other module speaks SQL to the store.

A document is written in one transaction that first deletes whatever the store held under the
same document name, so re-ingesting replaces and an ingest killed midway leaves the previous
contents intact.  Which name a file gets (its own, a distinct one when another report already has
it, or the existing one when its content is already indexed) is decided by `ingest.run`, from the
file's sha256 and path.  Readers open the store read-only.
Facts keep their printed text; numbers are stored as decimal text so that 0.10 stays 0.10.

An index on PostgreSQL still has a local folder, for what is rebuilt from the database alone
(`dense.faiss`, the manifests, the app's report marks): `index_target` keys it by the URL, under
$BUDGET_QA_CACHE (default ~/.cache/budget-qa)/postgres/, and writes the URL into it (URL_FILE), so
that every function that takes an index folder opens the database through it.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from ingest.model import Fact, IngestedDocument

SCHEMA_VERSION = 2
STORE_FILE = "store.sqlite"
MANIFEST_FILE = "manifest.json"
URL_FILE = "store.url"  # in the local folder of an index kept in PostgreSQL: the database's URL
_SCHEMES = ("postgresql://", "postgres://")


def is_url(target) -> bool:
    return isinstance(target, str) and target.startswith(_SCHEMES)


def index_target(target: str | Path) -> Path:
    """The index folder an --index argument names: a folder as given, or for a PostgreSQL URL the
    local folder kept for it (made, with the URL written in it)."""
    if not is_url(str(target)):
        return Path(target)
    url = str(target)
    root = Path(os.environ.get("BUDGET_QA_CACHE") or Path.home() / ".cache" / "budget-qa").expanduser()
    folder = root / "postgres" / hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / URL_FILE
    if not marker.exists() or marker.read_text(encoding="utf-8") != url:
        tmp = folder / (URL_FILE + ".tmp")
        tmp.write_text(url, encoding="utf-8")
        tmp.chmod(0o600)  # the URL may hold a password
        tmp.replace(marker)
    return folder


def database_url(folder: str | Path) -> str | None:
    """The PostgreSQL URL an index folder stands for, None for a SQLite index."""
    if is_url(str(folder)):
        return str(folder)
    marker = Path(folder) / URL_FILE
    return marker.read_text(encoding="utf-8").strip() if marker.exists() else None


def has_store(folder: str | Path) -> bool:
    """Whether the index holds a store: store.sqlite in the folder, or the tables in its database."""
    if database_url(folder) is None:
        return (Path(folder) / STORE_FILE).exists()
    try:
        Store(folder, readonly=True).close()
    except StoreError:
        return False
    return True


class StoreError(Exception):
    """The index folder cannot be used; the message says why and how to fix it."""


class Store:
    """The interface, and what both backends share.  A backend sets `db` (sqlite3's interface:
    `?` placeholders, rows by name, `with db:` one transaction), `folder` (local files),
    `location` (what the user typed, for messages) and `readonly`, and creates the schema."""

    def __new__(cls, folder=None, readonly: bool = False):
        if cls is Store:
            if database_url(folder if folder is not None else "."):
                from .store_postgres import PostgresStore as cls
            else:
                from .store_sqlite import SqliteStore as cls
        return object.__new__(cls)

    backend = ""
    place = "索引目录"  # what location is, in messages
    location: str
    folder: Path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _missing(self) -> StoreError:
        return StoreError(f"{self.place} {self.location} 中没有索引，请先运行：python -m ingest --index {self.location} 报告文件或目录")

    def _check_schema(self) -> None:
        row = self.db.execute("SELECT value FROM manifest WHERE key='schema_version'").fetchone()
        if row is None:
            if not self.readonly:
                with self.db:
                    self.db.execute("INSERT INTO manifest VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
                                    (str(SCHEMA_VERSION),))
                    self.db.execute("INSERT INTO manifest VALUES ('created_at', ?) ON CONFLICT (key) DO NOTHING",
                                    (str(time.time()),))
            return
        if int(row[0]) != SCHEMA_VERSION:
            raise StoreError(f"索引 {self.location} 由另一版本（结构 {row[0]}，当前 {SCHEMA_VERSION}）建立，"
                             f"请删除该目录后重建：python -m ingest --index {self.location} 报告目录")

    # --- writing --------------------------------------------------------------------------

    def put(self, doc: IngestedDocument) -> None:
        """Replace everything stored under doc.name with doc, atomically."""
        with self.db:
            self.db.execute("DELETE FROM documents WHERE name=?", (doc.name,))
            self.db.execute("DELETE FROM documents_version WHERE name=?", (doc.name,))
            cur = self.db.execute(
                "INSERT INTO documents (name, path, sha256, source, pages, department, year, report_kind, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                (doc.name, doc.path, doc.sha256, doc.source, doc.pages, doc.meta.department, doc.meta.year,
                 doc.meta.report_kind, time.time()))
            doc_id = cur.fetchone()[0]
            self.db.executemany(
                "INSERT INTO tables VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(doc_id, t.index, t.code, t.kind, t.title, t.unit, t.page, t.line, t.header_rows,
                  json.dumps([asdict(c) for c in t.columns], ensure_ascii=False),
                  json.dumps([[_cell(c) for c in row] for row in t.grid], ensure_ascii=False))
                 for t in doc.tables])
            self.db.executemany(
                "INSERT INTO facts (doc_id, table_idx, table_code, table_kind, table_title, row_index, row_group,"
                " row_label, row_code, row_level, row_parent, row_section, column_path, value_text, value_state, number,"
                " unit, page, line, bbox, department, year, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(doc_id, f.table_index, f.table_code, f.table_kind, f.table_title, f.row_index, f.row_group,
                  f.row_label, f.row_code, f.row_level, f.row_parent, f.row_section, f.column, f.value_text, f.value_state,
                  None if f.number is None else str(f.number), f.unit, f.page, f.line,
                  json.dumps(f.bbox) if f.bbox else None, f.department, f.year, f.confidence) for f in doc.facts])
            self.db.executemany(
                "INSERT INTO passages (doc_id, section, text, page, line, end_line) VALUES (?,?,?,?,?,?)",
                [(doc_id, p.section, p.text, p.page, p.line, p.end_line) for p in doc.passages])
            self.db.executemany(
                "INSERT INTO warnings (doc_id, message, page, line, table_ref) VALUES (?,?,?,?,?)",
                [(doc_id, w.message, w.page, w.line, w.table) for w in doc.warnings])
            self.db.execute("INSERT INTO manifest VALUES ('updated_at', ?)"
                            " ON CONFLICT (key) DO UPDATE SET value=excluded.value", (str(time.time()),))
            self.db.execute("INSERT INTO documents_version VALUES (?, ?)"
                            " ON CONFLICT (name) DO UPDATE SET ingest_version=excluded.ingest_version",
                            (doc.name, _ingest_version()))
        self.write_manifest()

    def rename(self, name: str, new_name: str) -> None:
        """Give document `name` the name `new_name`, replacing whatever was stored under it (the
        user asked for a new file to take an indexed report's place)."""
        with self.db:
            self.db.execute("DELETE FROM documents WHERE name=?", (new_name,))
            self.db.execute("DELETE FROM documents_version WHERE name=?", (new_name,))
            self.db.execute("UPDATE documents SET name=?, ingested_at=? WHERE name=?", (new_name, time.time(), name))
            self.db.execute("UPDATE documents_version SET name=? WHERE name=?", (new_name, name))
        self.write_manifest()

    def remove(self, name: str) -> bool:
        with self.db:
            n = self.db.execute("DELETE FROM documents WHERE name=?", (name,)).rowcount
            self.db.execute("DELETE FROM documents_version WHERE name=?", (name,))
        self.write_manifest()
        return n > 0

    def write_manifest(self) -> None:
        """manifest.json beside the store: how it was built and from which files."""
        from ingest import INGEST_VERSION

        data = {
            "schema_version": SCHEMA_VERSION,
            "ingest_version": INGEST_VERSION,
            "documents": [{"name": d["name"], "sha256": d["sha256"], "source": d["source"], "pages": d["pages"]}
                          for d in self.documents()],
        }
        tmp = self.folder / (MANIFEST_FILE + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.folder / MANIFEST_FILE)

    # --- reading --------------------------------------------------------------------------

    def documents(self) -> list[dict]:
        rows = self.db.execute(
            "SELECT d.*, (SELECT COUNT(*) FROM tables t WHERE t.doc_id=d.id) AS n_tables,"
            " (SELECT COUNT(*) FROM facts f WHERE f.doc_id=d.id) AS n_facts,"
            " (SELECT COUNT(*) FROM facts f WHERE f.doc_id=d.id AND f.number IS NOT NULL) AS n_amounts,"
            " (SELECT COUNT(*) FROM passages p WHERE p.doc_id=d.id) AS n_passages,"
            " (SELECT COUNT(*) FROM warnings w WHERE w.doc_id=d.id) AS n_warnings"
            " FROM documents d ORDER BY d.name").fetchall()
        return [dict(r) for r in rows]

    def reports(self) -> list[dict]:
        """One entry per report: the documents of one department (by `index.aliases.department_key`),
        year and kind.  A report published as two files (a 公开文件 with the narrative and a
        公开表 with the tables) is one report of both; two files that each print tables are two
        editions, each its own report (the narrative-only files join the first).  An entry is the
        document row of its table file (the first by name when none prints tables) with `name`
        the documents' names joined by " + " (a single document's own name), `documents` the
        member names, table file first, `printed` each member's department as printed, and the
        counts summed."""
        from .aliases import department_key

        groups: dict[tuple, list[dict]] = {}
        for d in self.documents():
            groups.setdefault((department_key(d["department"]), d["year"], d["report_kind"]), []).append(d)
        out = []
        for (key, year, _), docs in groups.items():
            if key is None or year is None:
                out += [_report([d]) for d in docs]
                continue
            tabled = [d for d in docs if d["n_amounts"]]
            narrative = [d for d in docs if not d["n_amounts"]]
            if not tabled:
                out.append(_report(narrative))
                continue
            out.append(_report(tabled[:1] + narrative))
            out += [_report([d]) for d in tabled[1:]]
        return sorted(out, key=lambda r: r["name"])

    def members(self, name: str) -> list[str]:
        """The documents a name stands for: a document itself, or the documents of a report
        (`reports`); [] when it is neither."""
        if self.db.execute("SELECT 1 FROM documents WHERE name=?", (name,)).fetchone():
            return [name]
        if _REPORT_JOIN not in name:
            return []
        return next((r["documents"] for r in self.reports() if r["name"] == name), [])

    def document(self, name: str | None = None, sha256: str | None = None) -> dict | None:
        """The stored document of that name, or the one whose file has that content, with
        `current` saying whether it was read by this ingest version; None when there is none."""
        column, value = ("name", name) if name is not None else ("sha256", sha256)
        row = self.db.execute(
            f"SELECT d.*, v.ingest_version FROM documents d LEFT JOIN documents_version v ON v.name=d.name"
            f" WHERE d.{column}=? ORDER BY d.id LIMIT 1", (value,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["current"] = out.pop("ingest_version") == _ingest_version()
        return out

    def sha_of(self, name: str) -> str | None:
        """The stored file hash, or None when absent or ingested by another ingest version (the
        document must then be ingested again)."""
        row = self.db.execute("SELECT d.sha256, v.ingest_version FROM documents d LEFT JOIN documents_version v"
                              " ON v.name=d.name WHERE d.name=?", (name,)).fetchone()
        return row[0] if row and row[1] == _ingest_version() else None

    # A report's name (`reports`) reads as the union of its documents: each fact, passage, warning
    # and table keeps the name of the file that prints it; tables are numbered on across the
    # files (the second file's first table follows the first file's last) so that facts and
    # tables of one report never share a table index.

    def facts(self, document: str | None = None) -> Iterator[dict]:
        if document and _REPORT_JOIN in document and not self._is_document(document):
            offset = 0
            for name in self.members(document):
                for fact in self.facts(name):
                    yield {**fact, "table_index": fact["table_index"] + offset}
                offset += self._table_count(name)
            return
        sql = ("SELECT d.name AS document, f.* FROM facts f JOIN documents d ON d.id=f.doc_id"
               + (" WHERE d.name=?" if document else "") + " ORDER BY d.name, f.id")
        for row in self.db.execute(sql, (document,) if document else ()):
            yield _fact_dict(row)

    def passages(self, document: str | None = None) -> list[dict]:
        if document and _REPORT_JOIN in document and not self._is_document(document):
            return [p for name in self.members(document) for p in self.passages(name)]
        sql = ("SELECT d.name AS document, p.section, p.text, p.page, p.line, p.end_line FROM passages p"
               " JOIN documents d ON d.id=p.doc_id" + (" WHERE d.name=?" if document else "") + " ORDER BY d.name, p.id")
        return [dict(r) for r in self.db.execute(sql, (document,) if document else ())]

    def warnings(self, document: str | None = None) -> list[dict]:
        if document and _REPORT_JOIN in document and not self._is_document(document):
            return [w for name in self.members(document) for w in self.warnings(name)]
        sql = ("SELECT d.name AS document, w.message, w.page, w.line, w.table_ref FROM warnings w"
               " JOIN documents d ON d.id=w.doc_id" + (" WHERE d.name=?" if document else "") + " ORDER BY d.name, w.rowid")
        return [dict(r) for r in self.db.execute(sql, (document,) if document else ())]

    def tables(self, document: str) -> list[dict]:
        if _REPORT_JOIN in document and not self._is_document(document):
            out, offset = [], 0
            for name in self.members(document):
                tables = self.tables(name)
                out += [{**t, "idx": t["idx"] + offset} for t in tables]
                offset += len(tables)
            return out
        rows = self.db.execute(
            "SELECT d.name AS document, t.* FROM tables t JOIN documents d ON d.id=t.doc_id WHERE d.name=? ORDER BY t.idx",
            (document,))
        out = []
        for r in rows:
            item = dict(r)
            item["columns"] = json.loads(item.pop("columns_json"))
            item["grid"] = json.loads(item.pop("grid_json"))
            out.append(item)
        return out

    def _is_document(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE name=?", (name,)).fetchone() is not None

    def _table_count(self, name: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM tables t JOIN documents d ON d.id=t.doc_id WHERE d.name=?",
                               (name,)).fetchone()[0]

    def stats(self) -> dict:
        docs = self.documents()
        kinds = self.db.execute("SELECT kind, COUNT(*) AS n FROM tables GROUP BY kind ORDER BY n DESC, kind").fetchall()
        manifest = {r["key"]: r["value"] for r in self.db.execute("SELECT key, value FROM manifest")}
        return {
            "index": self.location,
            "documents": len(docs),
            "pages": sum(d["pages"] or 0 for d in docs),
            "tables": sum(d["n_tables"] for d in docs),
            "facts": sum(d["n_facts"] for d in docs),
            "passages": sum(d["n_passages"] for d in docs),
            "warnings": sum(d["n_warnings"] for d in docs),
            "table_kinds": {r["kind"]: r["n"] for r in kinds},
            "per_document": [{k: d[k] for k in ("name", "department", "year", "report_kind", "source", "pages",
                                                "n_tables", "n_facts", "n_passages", "n_warnings")} for d in docs],
            "manifest": manifest,
        }


    # --- what the answerer, the search and the app read beyond documents and facts ------------

    def row_labels(self) -> list[str]:
        """Every row label the facts print, once each, sorted."""
        return sorted(r[0] for r in self.db.execute("SELECT DISTINCT row_label FROM facts") if r[0])

    def labels_by_department(self) -> list[tuple[str, str]]:
        """(row label, department of its document), once each."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT DISTINCT f.row_label, d.department FROM facts f JOIN documents d ON d.id = f.doc_id")]

    def project_names(self) -> list[tuple[str, str, int]]:
        """(project name, department, year) that the 绩效 self-evaluation forms print."""
        return [(r[0], r[1], r[2]) for r in self.db.execute(
            "SELECT DISTINCT f.value_text, d.department, d.year FROM facts f JOIN documents d ON d.id=f.doc_id"
            " WHERE f.table_kind='项目支出绩效自评表' AND f.row_label IN ('项目名称','专项名称','项目名')")]

    def cited(self, document: str, row: str | None = None, column: str | None = None, value=None,
              page: int | None = None, line: int | None = None) -> dict | None:
        """Where a cited figure sits in document: its file (`path`, `source`), for a table cell
        (row, column and printed value at page/line) its `bbox` and the whole printed row
        (`row`: (column, value, unit) each), and `texts`: the passages of the cited page (a PDF)
        or the passage that holds the cited line (a text file).  None when there is no such document."""
        doc = self.db.execute("SELECT id, path, source FROM documents WHERE name=?", (document,)).fetchone()
        if doc is None:
            return None
        out = {"path": doc["path"], "source": doc["source"], "bbox": None, "row": None}
        if row is not None:
            fact = self.db.execute(
                "SELECT bbox, table_idx, row_index, row_group FROM facts WHERE doc_id=? AND row_label=? AND column_path=?"
                " AND value_text=? AND (page=? OR (page IS NULL AND CAST(? AS INTEGER) IS NULL))"
                " AND (line=? OR (line IS NULL AND CAST(? AS INTEGER) IS NULL))",
                (doc["id"], row, column, value, page, page, line, line)).fetchone()
            if fact and fact["bbox"]:
                out["bbox"] = tuple(json.loads(fact["bbox"]))
            if fact:
                cells = self.db.execute(
                    "SELECT column_path, value_text, unit FROM facts WHERE doc_id=? AND table_idx=? AND row_index=?"
                    " AND row_group=? ORDER BY id", (doc["id"], fact["table_idx"], fact["row_index"], fact["row_group"]))
                out["row"] = [(c["column_path"], c["value_text"], c["unit"]) for c in cells]
        if page:
            rows = self.db.execute("SELECT text FROM passages WHERE doc_id=? AND page=? ORDER BY id", (doc["id"], page))
        else:
            rows = self.db.execute("SELECT text FROM passages WHERE doc_id=? AND line<=? AND end_line>=? ORDER BY id",
                                   (doc["id"], line, line))
        out["texts"] = [r["text"] for r in rows]
        return out

_REPORT_JOIN = " + "  # between the names of a report's documents
_SUMMED = ("pages", "n_tables", "n_facts", "n_amounts", "n_passages", "n_warnings")


def _report(docs: list[dict]) -> dict:
    """One report's entry from its documents, the first of them giving the row (see reports)."""
    out = dict(docs[0])
    out["name"] = _REPORT_JOIN.join(d["name"] for d in docs)
    out["documents"] = [d["name"] for d in docs]
    out["printed"] = {d["name"]: d["department"] for d in docs}
    for key in _SUMMED:
        out[key] = sum(d[key] or 0 for d in docs)
    return out


def _ingest_version() -> str:
    from ingest import INGEST_VERSION

    return INGEST_VERSION


def _cell(cell) -> dict:
    """A grid cell as stored: text None (merged) and "" (blank) stay distinct."""
    out = {"text": cell.text}
    if cell.page is not None:
        out["page"] = cell.page
    if cell.line is not None:
        out["line"] = cell.line
    if cell.bbox is not None:
        out["bbox"] = list(cell.bbox)
    if cell.confidence is not None:  # read by OCR
        out["confidence"] = cell.confidence
    return out


def _fact_dict(row) -> dict:
    number = row["number"]
    return {
        "document": row["document"], "page": row["page"], "line": row["line"],
        "department": row["department"], "year": row["year"], "table_code": row["table_code"],
        "table_kind": row["table_kind"], "table_title": row["table_title"], "row_label": row["row_label"],
        "row_code": row["row_code"], "column": row["column_path"], "value_text": row["value_text"],
        "number": None if number is None else Decimal(number), "unit": row["unit"],
        # beyond the public keys: where on the page, and how the row sits in the table
        "bbox": json.loads(row["bbox"]) if row["bbox"] else None, "value_state": row["value_state"],
        "table_index": row["table_idx"], "row_index": row["row_index"], "row_group": row["row_group"],
        "row_level": row["row_level"], "row_parent": row["row_parent"], "row_section": row["row_section"],
        # read by OCR: the engine's confidence (None from a text layer, or in an index built before it)
        "confidence": row["confidence"] if "confidence" in row.keys() else None,
    }


def public_fact(fact: dict) -> dict:
    """The keys `python -m index facts` prints, in order."""
    return {key: fact[key] for key in Fact.PUBLIC_KEYS}

