"""Answers: a question in everyday Chinese → the exact printed figure with its citation, or an
honest not_found / ambiguous.  `Answerer` holds the store, the catalog and the search index,
loaded once; the command line and the app call the same `Answerer.ask`.  A figure that a
reconciliation check finds the report contradicting comes with that finding as a warning."""
from __future__ import annotations

from pathlib import Path


class Answerer:
    def __init__(self, folder: Path | str, search: bool = True):
        from index.store import Store

        from .lookup import Catalog

        self.store = Store(folder, readonly=True)
        self.catalog = Catalog(self.store)
        self.searcher = None
        self.search_problem: str | None = None  # why answers come without passages, if they do
        self._findings: dict[str, list] = {}
        from index.search import has_search

        if search and has_search(folder):
            from index.search import SearchIndexMismatch, open_for_search

            try:
                self.searcher = open_for_search(folder)
            except SearchIndexMismatch as err:  # figures do not need the search index; passages do
                self.search_problem = str(err)

    def warm(self) -> None:
        """Load now what the first question would otherwise wait for: the word segmenter and
        dictionary, the catalog's word lists, the embedding model's first call."""
        self.catalog.fiscal_words, self.catalog.units  # noqa: B018 - cached properties, computed here
        if self.searcher is not None:
            self.searcher.search("三公经费", k=1)

    def ask(self, question: str) -> dict:
        from .flags import flag, read_by_ocr
        from .respond import respond

        result = respond(question, self.catalog, self.searcher)
        flag(result, self.findings)
        read_by_ocr(result)
        return result

    def findings(self, document: str) -> list:
        """The reconciliation findings of one document, worked out once."""
        if document not in self._findings:
            from checks import check_document

            try:
                self._findings[document] = check_document(self.store, document)
            except KeyError:
                self._findings[document] = []
        return self._findings[document]

    def close(self) -> None:
        self.store.close()
        if self.searcher:
            self.searcher.close()
