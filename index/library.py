"""The document library behind the app: what is indexed, whether the configured report folder
is in it, adding uploaded files and removing documents, each followed by a search refresh.

The app calls these and nothing else to change the index; `python -m ingest` and
`python -m index` call the same ingest and refresh functions.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Callable

from .store import Store, has_store

UPLOAD_TYPES = (".pdf", ".txt", ".md")
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
UPLOAD_DIR = "uploads"


def documents(folder: Path | str) -> list[dict]:
    """The indexed documents with their pages, tables, facts, passages and warnings."""
    if not has_store(folder):
        return []
    with Store(folder, readonly=True) as store:
        return store.documents()


def stale_files(folder: Path | str, sources: list[Path]) -> list[Path]:
    """Report files of the configured folder whose content the index lacks or read with an
    older ingest; [] when the index is up to date.  Files are known by content, so a renamed
    copy of an indexed report is not stale, and neither is a file that was refused or removed
    while it is unchanged."""
    from ingest import collect_files

    files = collect_files(sources) if sources else []
    if not files:
        return []
    if not has_store(folder):
        return files
    passed = {info.get("sha256") for info in refused_files(folder).values()} | set(_removed(folder).values())
    with Store(folder, readonly=True) as store:
        out = []
        for p in files:
            sha = hashlib.sha256(p.read_bytes()).hexdigest()
            known = store.document(sha256=sha)
            if not (known and known["current"]) and sha not in passed:
                out.append(p)
        return out


REFUSED_FILE = "refused.json"
REMOVED_FILE = "removed.json"


def _read(folder: Path | str, name: str) -> dict:
    import json

    path = Path(folder) / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _write(folder: Path | str, name: str, data: dict) -> None:
    import json

    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def removed_files(folder: Path | str) -> list[str]:
    """Documents the user removed; the report folder's copy is not ingested again unchanged."""
    return sorted(_read(folder, REMOVED_FILE))


def _removed(folder: Path | str) -> dict[str, str]:
    """Removed documents: name → the sha256 of the removed file."""
    return {name: (v.get("sha256") if isinstance(v, dict) else v) for name, v in _read(folder, REMOVED_FILE).items()}


def restorable(folder: Path | str, name: str) -> Path | None:
    """The file a removed document was read from, when it is still there unchanged (so that the
    removal can be undone)."""
    info = _read(folder, REMOVED_FILE).get(name)
    path = Path(info["path"]) if isinstance(info, dict) and info.get("path") else None
    if path is None or not path.exists():
        return None
    return path if hashlib.sha256(path.read_bytes()).hexdigest() == info.get("sha256") else None


def restore_document(folder: Path | str, name: str, model: str | None = None) -> list:
    """Undo a removal: ingest the removed document's file again under its own name."""
    path = restorable(folder, name)
    if path is None:
        return []
    return ingest_files(folder, [path], model=model, replace=[name] if path.name == name else ())


def refused_files(folder: Path | str) -> dict[str, dict]:
    """Files that could not be ingested, by name: {sha256, message}; not tried again unchanged."""
    return _read(folder, REFUSED_FILE)


def _remember_refused(folder: Path | str, results: list) -> None:
    refused, removed = refused_files(folder), _read(folder, REMOVED_FILE)
    for r in results:
        removed.pop(r.name, None)  # ingested on purpose: no longer a removed document
        removed.pop(Path(r.path).name, None)
        if r.ok:
            refused.pop(r.name, None)
        elif Path(r.path).exists():
            refused[r.name] = {"sha256": hashlib.sha256(Path(r.path).read_bytes()).hexdigest(), "message": r.message}
    _write(folder, REFUSED_FILE, refused)
    _write(folder, REMOVED_FILE, removed)


def search_is_current(folder: Path | str) -> bool:
    from .search import SearchIndex, SearchIndexMismatch, has_search

    if not has_search(folder):
        return False
    index = SearchIndex(folder, readonly=True)
    try:
        index.check(None)
        return True
    except SearchIndexMismatch:
        return False
    finally:
        index.close()


def ingest_files(folder: Path | str, paths: list[Path], progress: Callable[[float, str], None] | None = None,
                 model: str | None = None, replace=(), workers: int | None = None) -> list:
    """Ingest the files (a file that fails is reported, the rest go on), then refresh the search;
    `workers` files are parsed at a time (default: the machine's cores; see `ingest.parallel`).
    progress(fraction, message) is called after each file, for each page a scan's OCR reads, and
    during embedding.  A file with an
    indexed report's name but other content is kept beside it under a distinct name, unless its
    name is in `replace` (see `ingest.run.ingest_paths`)."""
    from ingest import ingest_paths

    from .indexing import refresh_search

    def on_file(i: int, n: int, result) -> None:
        if progress:
            progress(0.6 * i / n, f"{i}/{n} {result.name}")

    def on_page(i: int, n: int, name: str, done: int, total: int, left: float) -> None:
        progress(0.6 * (i - 1 + done / total) / n, f"{i}/{n} {name}：文字识别（OCR）{done}/{total} 页，约剩 {left:.0f} 秒")

    with Store(folder) as store:
        results = ingest_paths(paths, store, progress=on_file, replace=replace, ocr_progress=on_page if progress else None,
                               workers=workers or os.cpu_count() or 1)
    _remember_refused(folder, results)
    refresh_search(folder, model, progress=(lambda done, total: progress(0.6 + 0.4 * done / max(total, 1),
                                                                         f"检索索引 {done}/{total}"))
                   if progress else None)
    return results


def check_upload(name: str, size: int) -> str | None:
    """Why an uploaded file is refused, in the user's language; None when it may be ingested."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        return f"{name}：只接受 PDF、TXT 或 Markdown 文件，不接受 {suffix or '无扩展名'} 文件。"
    if size == 0:
        return f"{name}：文件是空的。"
    if size > MAX_UPLOAD_BYTES:
        return f"{name}：文件太大（{size / 1024 / 1024:.1f} MB），上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB。"
    return None


def save_upload(folder: Path | str, name: str, data: bytes) -> Path:
    """Keep an uploaded file beside the index under a safe name, so that it can be cited: in a
    folder named by its content's hash, so that an upload never overwrites the file of another
    report that happens to have the same name."""
    target = Path(folder) / UPLOAD_DIR / hashlib.sha256(data).hexdigest()[:16]
    target.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "_", Path(name).name) or "upload"
    path = target / safe
    path.write_bytes(data)
    return path


def replace_document(folder: Path | str, new_name: str, old_name: str, model: str | None = None) -> None:
    """The user confirmed that the report ingested as `new_name` takes the place of `old_name`:
    the old report's facts, passages and vectors go, the new one is renamed to it."""
    from .indexing import refresh_search

    with Store(folder) as store:
        store.rename(new_name, old_name)
    refresh_search(folder, model)


def remove_document(folder: Path | str, name: str, model: str | None = None) -> bool:
    """Remove a document, its facts and passages, and its search vectors."""
    from .indexing import refresh_search

    with Store(folder) as store:
        doc = store.document(name=name)
        removed = store.remove(name)
    if removed:
        marks = _read(folder, REMOVED_FILE)
        marks[name] = {"sha256": doc["sha256"], "path": doc["path"]}  # not ingested again while unchanged
        _write(folder, REMOVED_FILE, marks)
        refresh_search(folder, model)
    return removed


def source_of(folder: Path | str, figure: dict) -> dict:
    """Where a cited figure sits: the file's path and kind, and for a table cell of a PDF its box
    on the page; for a narrative figure, the passage text it was quoted from."""
    src = figure.get("source") or {}
    out = {"path": None, "source": None, "bbox": None, "text": None, "row": None}
    cell = figure.get("row") and figure.get("column") is not None and not figure.get("computed")
    with Store(folder, readonly=True) as store:
        cited = store.cited(src.get("document"), figure["row"] if cell else None, figure.get("column"),
                            figure.get("value"), src.get("page"), src.get("line"))
    if cited is None:
        return out
    out.update(path=cited["path"], source=cited["source"], bbox=cited["bbox"], row=cited["row"])
    value = str(figure.get("value") or "")
    texts = cited["texts"]
    out["text"] = next((t for t in texts if value and value in t), texts[0] if texts else None)
    return out
