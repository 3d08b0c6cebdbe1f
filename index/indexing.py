"""Bring the search index of an index folder in line with its store: the one function that the
ingest command, `python -m index build` and the app call after documents change."""
from __future__ import annotations

from pathlib import Path

from .search import SearchIndex
from .store import Store


def chosen_model(folder: Path | str, model: str | None) -> str | None:
    """The model asked for, else the one the folder's search index was built with, else None
    (the default model)."""
    if model:
        return model
    return SearchIndex(folder).manifest.get("model") if (Path(folder) / "search.sqlite").exists() else None


def refresh_search(folder: Path | str, model: str | None = None, rebuild: bool = False, progress=None) -> dict:
    from .embed import get_embedder

    name = chosen_model(folder, model)
    with Store(folder) as store, SearchIndex(folder, get_embedder(name)) as index:
        return index.refresh(store, rebuild=rebuild, progress=progress)
