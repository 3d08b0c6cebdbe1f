"""A small interface in front of FAISS: add, search, save, load, count; and how an index
folder's files are written to disk (`write_atomic`, `remove_stale`).

Exact inner product (IndexFlatIP) below HNSW_THRESHOLD vectors, HNSW above it; vectors are
normalised, so inner product is cosine.  Ids are the search units' integer row ids.

A file is written whole or not at all: into `NAME.tmp` beside it, flushed and fsynced, renamed
over `NAME`, and the folder fsynced.  Writers of one folder take turns through an flock on the
folder, which the kernel releases when a writer dies (kill -9 included); a `.tmp` found while
nobody holds that lock is what an interrupted write left, never a valid file.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

# Exact search stays under ~45 ms a query up to 200,000 384-d vectors on 2 cores
# (benchmarks/ann.py, benchmarks/RESULTS.md); above that, HNSW.
HNSW_THRESHOLD = 200_000


class ANN:
    def __init__(self, dim: int, expected: int = 0):
        import faiss

        self.dim = dim
        if expected >= HNSW_THRESHOLD:
            base = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            base.hnsw.efConstruction = 80
            base.hnsw.efSearch = 128
        else:
            base = faiss.IndexFlatIP(dim)
        self.kind = "hnsw" if expected >= HNSW_THRESHOLD else "flat"
        self.index = faiss.IndexIDMap2(base)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.count == 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), min(k, self.count))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]

    @property
    def count(self) -> int:
        return int(self.index.ntotal)

    def save(self, path: Path, wait: bool = True, only_if: Callable[[], bool] | None = None) -> bool:
        """Write the index atomically (see `write_atomic`); False if it was not written."""
        import faiss

        return write_atomic(path, faiss.serialize_index(self.index).tobytes(), wait, only_if)

    @classmethod
    def load(cls, path: Path, dim: int) -> "ANN":
        """The index saved at `path`; raises (RuntimeError from FAISS, ValueError) when the file is
        truncated, foreign or of another dimension."""
        import faiss

        ann = cls.__new__(cls)
        ann.dim = dim
        ann.index = faiss.read_index(str(path))
        if ann.index.d != dim:
            raise ValueError(f"{path} holds {ann.index.d}-d vectors, not {dim}-d")
        ann.kind = "hnsw" if "HNSW" in type(faiss.downcast_index(ann.index.index)).__name__ else "flat"
        return ann


def temp_path(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def write_atomic(path: Path, data: bytes, wait: bool = True, only_if: Callable[[], bool] | None = None) -> bool:
    """Replace `path` by `data` so that a reader finds the old file or the new one, never a part.
    Waits for another writer of the folder unless `wait` is False; writes nothing and returns
    False when it would have to wait (wait=False) or `only_if()`, asked under the lock, says no."""
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        if only_if is not None and not only_if():
            return False
        tmp = temp_path(path)
        _write_synced(tmp, data)
        os.replace(tmp, path)
        os.fsync(folder)  # the rename itself reaches the disk
        return True
    finally:
        os.close(folder)  # releases the lock


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def remove_stale(path: Path) -> bool:
    """Remove the `.tmp` an interrupted write of `path` left; True if there was one.  A `.tmp`
    that a live writer is writing (the folder's lock is held) is left alone."""
    tmp = temp_path(path)
    if not tmp.exists():
        return False
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        tmp.unlink()
        return True
    except OSError:  # a writer holds the lock, or the folder is read-only
        return False
    finally:
        os.close(folder)
