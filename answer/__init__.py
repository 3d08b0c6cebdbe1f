"""Answers: a question in everyday Chinese → the exact printed figure with its citation, or an
honest not_found / ambiguous.  `Answerer` holds the store, the catalog and the search index,
loaded once; the command line and the app call the same `Answerer.ask`."""
from __future__ import annotations

from pathlib import Path


class Answerer:
    def __init__(self, folder: Path | str, search: bool = True):
        from index.store import Store

        from .lookup import Catalog

        self.store = Store(folder, readonly=True)
        self.catalog = Catalog(self.store)
        self.searcher = None
        if search and (Path(folder) / "search.sqlite").exists():
            from index.search import open_for_search

            self.searcher = open_for_search(folder)

    def ask(self, question: str) -> dict:
        from .respond import respond

        return respond(question, self.catalog, self.searcher)

    def close(self) -> None:
        self.store.close()
        if self.searcher:
            self.searcher.close()
