"""Ingest many files into a store: collect the files, ingest each, write each in its own
transaction, and report per file.  The command line and the app both call `ingest_paths`."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import IngestError
from .pipeline import SUFFIXES, ingest_file


@dataclass(frozen=True)
class FileResult:
    path: str
    name: str
    ok: bool
    skipped: bool = False  # unchanged since the last ingest
    message: str = ""
    department: str | None = None
    year: int | None = None
    pages: int = 0
    tables: int = 0
    facts: int = 0
    passages: int = 0
    warnings: int = 0
    seconds: float = 0.0


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly, and report files found (recursively) in folders named, in order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def ingest_paths(paths: Iterable[Path | str], store, department: str | None = None, year: int | None = None,
                 force: bool = False, progress: Callable[[int, int, FileResult], None] | None = None) -> list[FileResult]:
    """Ingest every file; a file that fails is reported and leaves the store as it was."""
    import hashlib

    files = collect_files(paths)
    results = []
    for i, path in enumerate(files, start=1):
        start = time.perf_counter()
        try:
            if not path.exists():
                raise IngestError(str(path), f"{path.name}：文件不存在（{path}）")
            if not force and store.sha_of(path.name) == hashlib.sha256(path.read_bytes()).hexdigest():
                doc = next(d for d in store.documents() if d["name"] == path.name)
                result = FileResult(str(path), path.name, True, True, "未变化，跳过", doc["department"], doc["year"],
                                    doc["pages"] or 0, doc["n_tables"], doc["n_facts"], doc["n_passages"], doc["n_warnings"],
                                    time.perf_counter() - start)
            else:
                doc = ingest_file(path, department, year)
                store.put(doc)
                result = FileResult(str(path), doc.name, True, False, "", doc.meta.department, doc.meta.year, doc.pages,
                                    len(doc.tables), len(doc.facts), len(doc.passages), len(doc.warnings),
                                    time.perf_counter() - start)
        except IngestError as exc:
            result = FileResult(str(path), path.name, False, message=str(exc), seconds=time.perf_counter() - start)
        except OSError as exc:
            result = FileResult(str(path), path.name, False, message=f"{path.name}：无法读取文件（{exc.strerror or exc}）",
                                seconds=time.perf_counter() - start)
        results.append(result)
        if progress:
            progress(i, len(files), result)
    return results
