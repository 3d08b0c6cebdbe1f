"""The embedded backend: one SQLite file (`store.sqlite`) under the index folder, in WAL mode;
readers open it read-only (one connection shared by the app's threads)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .store import STORE_FILE, Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, path TEXT, sha256 TEXT, source TEXT,
    pages INTEGER, department TEXT, year INTEGER, report_kind TEXT, ingested_at REAL
);
CREATE TABLE IF NOT EXISTS tables (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    code TEXT, kind TEXT, title TEXT, unit TEXT, page INTEGER, line INTEGER, header_rows INTEGER,
    columns_json TEXT, grid_json TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    table_idx INTEGER, table_code TEXT, table_kind TEXT, table_title TEXT,
    row_index INTEGER, row_group INTEGER, row_label TEXT, row_code TEXT, row_level TEXT, row_parent TEXT,
    row_section TEXT,
    column_path TEXT, value_text TEXT, value_state TEXT, number TEXT, unit TEXT,
    page INTEGER, line INTEGER, bbox TEXT, department TEXT, year INTEGER,
    confidence REAL  -- OCR engine's confidence for a cell read from a page image; NULL from a text layer
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id, table_idx, row_index);
CREATE INDEX IF NOT EXISTS facts_label ON facts(row_label);
CREATE INDEX IF NOT EXISTS facts_code ON facts(row_code);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section TEXT, text TEXT, page INTEGER, line INTEGER, end_line INTEGER
);
CREATE TABLE IF NOT EXISTS warnings (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    message TEXT, page INTEGER, line INTEGER, table_ref TEXT
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE INDEX IF NOT EXISTS warnings_doc ON warnings(doc_id);
CREATE INDEX IF NOT EXISTS tables_doc ON tables(doc_id);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents_version (name TEXT PRIMARY KEY, ingest_version TEXT);
"""


class SqliteStore(Store):
    backend = "sqlite"

    def __init__(self, folder: Path | str, readonly: bool = False):
        self.folder = Path(folder)
        self.location = str(self.folder)
        self.path = self.folder / STORE_FILE
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise self._missing()
            # read-only connections are shared by the app's sessions (threads); sqlite serialises them
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
            _add_confidence(self.db)
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.row_factory = sqlite3.Row
        self._check_schema()


def _add_confidence(db: sqlite3.Connection) -> None:
    """An index written before facts kept their OCR confidence gets the (nullable) column; its
    facts read as from a text layer until their documents are ingested again."""
    if not any(r[1] == "confidence" for r in db.execute("PRAGMA table_info(facts)")):
        with db:
            db.execute("ALTER TABLE facts ADD COLUMN confidence REAL")
