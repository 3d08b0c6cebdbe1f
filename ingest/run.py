"""Ingest many files into a store: collect the files, ingest each, write each in its own
transaction, and report per file.  The command line and the app both call `ingest_paths`."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import IngestError
from .model import IngestedDocument
from .pipeline import SUFFIXES, ingest_file


@dataclass(frozen=True)
class FileResult:
    path: str
    name: str  # the document's name in the store
    ok: bool
    skipped: bool = False  # unchanged since the last ingest, or already indexed under another name
    message: str = ""
    department: str | None = None
    year: int | None = None
    pages: int = 0
    tables: int = 0
    facts: int = 0
    passages: int = 0
    warnings: int = 0
    seconds: float = 0.0
    duplicate_of: str | None = None  # the same content is indexed as this document
    name_taken_by: str | None = None  # another report had the file's name; this one got `name`


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly, and report files found (recursively) in folders named, in order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def distinct_name(name: str, sha256: str) -> str:
    """The name a report gets when another report already has its file name: the name with a
    short hash of its content, e.g. 000_d038.txt → 000_d038（3f2a9c1b）.txt."""
    path = Path(name)
    return f"{path.stem}（{sha256[:8]}）{path.suffix}"


def _same_file(stored: str | None, path: Path) -> bool:
    if not stored:
        return False
    try:
        return Path(stored).resolve() == path.resolve()
    except OSError:
        return False


def ingest_paths(paths: Iterable[Path | str], store, department: str | None = None, year: int | None = None,
                 force: bool = False, progress: Callable[[int, int, FileResult], None] | None = None,
                 replace: Iterable[str] = (),
                 ocr_progress: Callable[[int, int, str, int, int, float], None] | None = None,
                 workers: int = 1, ray: str | None = None) -> list[FileResult]:
    """Ingest every file; a file that fails is reported and leaves the store as it was.

    A document is known by its content and its path, never by its base name alone: a file whose
    content is already indexed is not ingested again (under whatever name); a different file
    with an indexed report's name gets a distinct name, unless its name is in `replace` (the
    user asked for it to take that report's place).  A file at the path of an indexed document
    whose content changed replaces it (the report was updated).  ocr_progress(file i, files,
    file name, pages done, pages to read, seconds left) is called while a scan's pages are OCR'd.

    With workers > 1 the files are parsed in that many processes (`ingest.parallel`), with `ray`
    (a cluster's address, or "auto" for a local one) as Ray tasks (`ingest.ray_tasks`); either
    way this process alone writes, file after file in their order, one transaction each, so the
    store comes out as a serial ingest makes it."""
    files = collect_files(paths)
    replace = set(replace)
    ahead = _parsed(files, store, department, year, force, workers, ray, ocr_progress)
    results = []
    try:
        for i, path in enumerate(files, start=1):
            start = time.perf_counter()
            try:
                pages = (lambda done, total, left, i=i, name=path.name: ocr_progress(i, len(files), name, done, total, left)
                         ) if ocr_progress else None
                parse = ahead.parser(i, path, lambda path=path, pages=pages: ingest_file(path, department, year, pages))
                result = _ingest_one(path, store, replace, force, start, parse)
            except IngestError as exc:
                result = FileResult(str(path), path.name, False, message=str(exc), seconds=time.perf_counter() - start)
            except OSError as exc:
                result = FileResult(str(path), path.name, False, message=f"{path.name}：无法读取文件（{exc.strerror or exc}）",
                                    seconds=time.perf_counter() - start)
            results.append(result)
            if progress:
                progress(i, len(files), result)
    finally:
        ahead.close()
    return results


class _Ahead:
    """The documents a parallel ingest parses ahead of the writer: for each file not already
    indexed as it is, parse(position) gives its document or raises its IngestError.  The writer
    asks in the files' order; an outcome it never asks for (the file turned out a duplicate of one
    written before it) is passed over."""

    def __init__(self, outcomes=None, positions=()):
        self._outcomes, self._positions = outcomes, set(positions)

    def parser(self, i: int, path: Path, serial: Callable) -> Callable:
        return (lambda: self._take(i, path)) if i in self._positions else serial

    def _take(self, i: int, path: Path):
        for position, outcome in self._outcomes:
            if position == i:
                if isinstance(outcome, IngestedDocument):
                    return outcome
                raise IngestError(str(path), outcome.message)
        raise RuntimeError(f"no outcome for file {i}")  # pragma: no cover - every job yields one

    def close(self) -> None:
        if self._outcomes is not None:
            self._outcomes.close()


def _parsed(files: list[Path], store, department, year, force: bool, workers: int, ray: str | None,
            ocr_progress) -> _Ahead:
    """The parallel parsing of the files a serial ingest would parse; nothing for a serial
    ingest, whose writer parses each file itself."""
    if not ray and workers <= 1:
        return _Ahead()
    jobs = [(i, path) for i, path in enumerate(files, start=1) if _needs_parsing(path, store, force)]
    if not jobs or (not ray and len(jobs) == 1):  # one file: parsed here, its OCR on every core
        return _Ahead()
    if ray:
        from .ray_tasks import parsed_in_order

        return _Ahead(parsed_in_order(jobs, department, year, ray, workers), [i for i, _ in jobs])
    from .parallel import parsed_in_order

    pages = (lambda i, done, total, left: ocr_progress(i, len(files), files[i - 1].name, done, total, left)
             ) if ocr_progress else None
    return _Ahead(parsed_in_order(jobs, department, year, workers, pages), [i for i, _ in jobs])


def _needs_parsing(path: Path, store, force: bool) -> bool:
    """Whether the writer will want this file's document: it exists and its content is not
    indexed as it is (unless forced).  What it then becomes (a new name, a duplicate found
    earlier in the batch) the writer decides when its turn comes."""
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False
    same = store.document(sha256=sha)
    return force or not (same and same["current"])


def _ingest_one(path: Path, store, replace: set[str], force: bool, start: float, parse: Callable) -> FileResult:
    if not path.exists():
        raise IngestError(str(path), f"{path.name}：文件不存在（{path}）")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    same = store.document(sha256=sha)
    if same and same["current"] and not force:
        if path.name in replace and same["name"] != path.name:  # the indexed copy takes the asked name
            store.rename(same["name"], path.name)
            return _stored_result(store, path.name, path, f"{path.name}：已替换原报告（这份内容原以 {same['name']} 导入）",
                                  start, duplicate_of=None)
        duplicate = not _same_file(same["path"], path)
        message = f"{path.name}：内容与已导入的 {same['name']} 相同，已在索引中，未重复导入" if duplicate else "未变化，跳过"
        return _stored_result(store, same["name"], path, message, start, duplicate_of=same["name"] if duplicate else None)
    taken_by = None
    if path.name in replace:
        name = path.name
    elif same:  # the same content read by an older ingest (or --force): read again in its place
        name = same["name"]
    else:
        name = path.name
        other = store.document(name=name)
        if other and not _same_file(other["path"], path):
            name, taken_by = distinct_name(path.name, sha), name
    doc = parse()
    if doc.name != name:
        doc = doc.named(name)
    store.put(doc)
    if same and same["name"] != name:  # one content, one document
        store.remove(same["name"])
    message = (f"{path.name}：已有同名报告（{taken_by}，来自 {store.document(name=taken_by)['path']}），"
               f"这份内容不同的报告以 {name} 导入；如要替换原报告，请用 --replace {taken_by}") if taken_by else ""
    return FileResult(str(path), doc.name, True, False, message, doc.meta.department, doc.meta.year, doc.pages,
                      len(doc.tables), len(doc.facts), len(doc.passages), len(doc.warnings),
                      time.perf_counter() - start, name_taken_by=taken_by)


def _stored_result(store, name: str, path: Path, message: str, start: float, duplicate_of: str | None) -> FileResult:
    doc = next(d for d in store.documents() if d["name"] == name)
    return FileResult(str(path), name, True, True, message, doc["department"], doc["year"], doc["pages"] or 0,
                      doc["n_tables"], doc["n_facts"], doc["n_passages"], doc["n_warnings"],
                      time.perf_counter() - start, duplicate_of=duplicate_of)
