"""A PostgreSQL connection that speaks the small part of sqlite3's interface the stores use.

`execute`/`executemany` take SQL written with `?` placeholders (translated to psycopg's `%s`);
rows read both by name and by position, like `sqlite3.Row`; `with db:` is one transaction
(nested blocks are savepoints), and outside one each statement commits by itself, so that a
reader never holds a transaction open.  Where the local files of a PostgreSQL index live (the
vector file, the search manifest) is `index.store.index_target`.
"""
from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\?")


class Row(dict):
    """A row by column name, or by position as sqlite3.Row allows."""

    def __getitem__(self, key):
        if isinstance(key, int):
            return list(self.values())[key]
        return dict.__getitem__(self, key)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    return lambda values: Row(zip(names, values))


def translate(sql: str) -> str:
    """`?` placeholders to psycopg's, a literal % kept."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class Database:
    dialect = "postgresql"

    def __init__(self, url: str, readonly: bool = False):
        import psycopg

        options = "-c default_transaction_read_only=on" if readonly else None
        self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory, options=options,
                                    connect_timeout=10)
        self._blocks: list = []

    def execute(self, sql: str, params=()):
        return self.conn.execute(translate(sql), tuple(params))

    def executemany(self, sql: str, rows) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(translate(sql), rows)

    def executescript(self, script: str) -> None:
        self.conn.execute(script)

    def __enter__(self):
        block = self.conn.transaction()
        block.__enter__()
        self._blocks.append(block)
        return self

    def __exit__(self, *exc):
        return self._blocks.pop().__exit__(*exc)

    def close(self) -> None:
        self.conn.close()


def connect_error(url: str, error: Exception) -> str:
    """The user's message for a server that cannot be reached (the password left out)."""
    shown = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)
    return f"无法连接 PostgreSQL 数据库 {shown}：{str(error).strip().splitlines()[0] if str(error).strip() else error}"
