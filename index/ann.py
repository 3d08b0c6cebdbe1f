"""A small interface in front of FAISS: add, search, save, load, count.

Exact inner product (IndexFlatIP) below HNSW_THRESHOLD vectors, HNSW above it; vectors are
normalised, so inner product is cosine.  Ids are the search units' integer row ids.
"""
from __future__ import annotations

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

    def save(self, path: Path) -> None:
        import faiss

        tmp = path.with_suffix(path.suffix + ".tmp")
        faiss.write_index(self.index, str(tmp))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, dim: int) -> "ANN":
        import faiss

        ann = cls.__new__(cls)
        ann.dim = dim
        ann.index = faiss.read_index(str(path))
        ann.kind = "hnsw" if "HNSW" in type(faiss.downcast_index(ann.index.index)).__name__ else "flat"
        return ann
