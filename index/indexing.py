"""Bring the search index of an index folder in line with its store: the one function that the
ingest command, `python -m index build` and the app call after documents change."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .search import SearchIndex, has_search
from .store import Store


def chosen_model(folder: Path | str, model: str | None) -> str | None:
    """The model asked for, else the one the folder's search index was built with (or, when a
    first build was interrupted, the one its embedding cache holds), else None (the default)."""
    if model:
        return model
    if not has_search(folder):
        return None
    with SearchIndex(folder) as index:
        return index.built_with()


def refresh_search(folder: Path | str, model: str | None = None, rebuild: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> dict:
    """Refresh the folder's search index (see `SearchIndex.refresh`); the counts it returns
    include `repairs`, what was found broken and repaired, for the command line to print."""
    from .embed import get_embedder

    name = chosen_model(folder, model)
    with Store(folder) as store, SearchIndex(folder, get_embedder(name)) as index:
        return index.refresh(store, rebuild=rebuild, progress=progress)
