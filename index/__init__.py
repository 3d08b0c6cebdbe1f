"""The index: the SQLite store of documents, tables, facts and passages (`store`), and the
search over it (added by the search issue)."""
