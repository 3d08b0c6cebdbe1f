"""A small interface in front of a vector index: add, search, count, save, load; and how an
index folder's files are written to disk (`write_atomic`, `remove_stale`).

The FAISS index is chosen by size through `faiss.index_factory` (`Tiers`, `factory_for`):
exact inner product ("Flat") below `Tiers.hnsw` vectors, "HNSW32" up to `Tiers.pq`, and an
inverted file with product-quantised codes re-ranked on 8-bit scalar codes
("IVF{nlist},PQ{m}x8,Refine(SQ8)") above, where memory decides.  A trained kind is trained once,
on the first vectors added, and its search parameters (nprobe and the re-ranking factor,
efSearch) are tuned then on those same vectors: the cheapest that reaches `Tiers.recall`
(recall@10 against exact search, queries drawn from the vectors themselves, each one's own id
left out).  What was chosen and measured is `ANN.describe()`, which `index/search.py` writes as
the manifest's "ann"; `ANN.load` reads the trained index back as saved (no retraining) and sets
the manifest's parameters on it.  Vectors are normalised, so inner product is cosine.  Ids are
the search units' integer row ids.

`new_index` and `load_index` also give a Milvus collection (`index/milvus.py`) behind the same
interface when BUDGET_QA_VECTORS=milvus:PATH_OR_URI is set: a local file path is Milvus Lite, an
http(s):// URI a Milvus server or cluster, with the same client code.

A file is written whole or not at all: into `NAME.tmp` beside it, flushed and fsynced, renamed
over `NAME`, and the folder fsynced.  Writers of one folder take turns through an flock on the
folder, which the kernel releases when a writer dies (kill -9 included); a `.tmp` found while
nobody holds that lock is what an interrupted write left, never a valid file.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

VECTORS_ENV = "BUDGET_QA_VECTORS"


@dataclass(frozen=True)
class Tiers:
    """Where each kind of index starts (vector counts) and the recall@10 its tuning must reach.
    Exact search stays under ~45 ms a query up to 200,000 384-d vectors on 2 cores; HNSW holds
    the vectors whole plus its graph (≈ 1.7 KB a 384-d vector), so past 2,000,000 (≈ 3.5 GB) the
    compressed IVF-PQ kind (≈ 0.45 KB a vector) is used (benchmarks/ann.py, RESULTS.md)."""
    hnsw: int = 200_000
    pq: int = 2_000_000
    recall: float = 0.95
    # tuned to recall + margin on its own vectors: queries unlike any indexed vector (held-out real
    # vectors at 100k) found 0.943 where the tuning sample said 0.985 with margin 0.01
    margin: float = 0.04
    queries: int = 200  # tuning queries, drawn from the vectors added


TIERS = Tiers()
TIERS_ENV = "BUDGET_QA_ANN_TIERS"  # e.g. "hnsw=300,pq=600" (vector counts), "recall=0.97"


def tiers_from_env() -> Tiers:
    """TIERS with the fields BUDGET_QA_ANN_TIERS sets (for tests and trials at small sizes)."""
    text = os.environ.get(TIERS_ENV, "").strip()
    if not text:
        return TIERS
    given = dict(part.split("=", 1) for part in text.split(",") if "=" in part)
    try:
        return Tiers(**{k: type(getattr(TIERS, k))(float(v)) for k, v in given.items()})
    except (TypeError, AttributeError, ValueError):
        raise ValueError(f"{TIERS_ENV}={text} 无法识别：应为 hnsw=数量,pq=数量,recall=0.95 的形式") from None


def kind_for(n: int, tiers: Tiers = TIERS) -> str:
    return "flat" if n < tiers.hnsw else "hnsw" if n < tiers.pq else "ivfpq"


def factory_for(kind: str, n: int, dim: int) -> str:
    """The `faiss.index_factory` string of `kind` for `n` vectors of `dim` dimensions."""
    if kind == "flat":
        return "Flat"
    if kind == "hnsw":
        return "HNSW32"
    # about 2·√n lists, a power of two, with ≥ 39 training vectors each; 8 dimensions a PQ code byte
    nlist = min(65536, 2 ** round(np.log2(2 * np.sqrt(max(n, 1)))))
    while nlist > 16 and nlist * 39 > n:
        nlist //= 2
    m = dim // 8 if dim % 8 == 0 else dim // 4 if dim % 4 == 0 else 1
    return f"IVF{nlist},PQ{m}x8,Refine(SQ8)"


# search parameters tried in order of cost when tuning; the first that reaches the recall is kept
_NPROBE = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
_K_FACTOR = (1, 2, 4, 8, 16, 32)
_EF_SEARCH = (32, 64, 128, 256, 512)


class ANN:
    def __init__(self, dim: int, expected: int = 0, tiers: Tiers = TIERS):
        self.dim, self.tiers = dim, tiers
        self.kind = kind_for(expected, tiers)
        self.factory: str | None = None  # set when the index is made (a trained kind: at the first add)
        self.params: dict = {}
        self.tuning: dict = {}
        self.index = None
        if self.kind != "ivfpq":  # the IVF lists are sized by the vectors first added
            self._make(factory_for(self.kind, expected, dim))

    def _make(self, factory: str) -> None:
        import faiss

        base = faiss.index_factory(self.dim, factory, faiss.METRIC_INNER_PRODUCT)
        if self.kind == "hnsw":
            faiss.downcast_index(base).hnsw.efConstruction = 80
        self.factory, self.index = factory, faiss.IndexIDMap2(base)
        if self.kind == "hnsw":
            self._set({"efSearch": 128})

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if not len(ids):
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        ids = np.asarray(ids, dtype=np.int64)
        first = self.index is None or self.index.ntotal == 0 and not self.tuning
        if self.index is None:
            self._make(factory_for(self.kind, len(vectors), self.dim))
        if not self.index.is_trained:
            self._train(vectors)
        self.index.add_with_ids(vectors, ids)
        if first and self.kind != "flat":
            self._tune(ids, vectors)

    def _train(self, vectors: np.ndarray) -> None:
        import faiss

        nlist = faiss.extract_index_ivf(self.index.index).nlist
        rng = np.random.default_rng(0)
        sample = vectors if len(vectors) <= 64 * nlist else vectors[rng.choice(len(vectors), 64 * nlist, replace=False)]
        self.index.train(sample)

    def _tune(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """The cheapest search parameters reaching tiers.recall + margin on queries drawn from
        `vectors`, against exact search over them; the measured recall is kept in `tuning`."""
        rng = np.random.default_rng(1)
        pick = rng.choice(len(vectors), min(self.tiers.queries, len(vectors)), replace=False)
        queries = vectors[pick]
        truth = [set(t) for t in _exact_top(vectors, queries, ids, pick, 10)]
        want = self.tiers.recall + self.tiers.margin
        if self.kind == "hnsw":
            ladder = [{"efSearch": e} for e in _EF_SEARCH]
        else:
            nlist = self._ivf().nlist
            ladder = [{"nprobe": p, "k_factor": k} for p in _NPROBE if p <= nlist for k in _K_FACTOR]
        best = None
        for params in ladder:
            self._set(params)
            got = recall_at(self._search_many(queries, 11), truth, ids[pick], 10)
            best = (params, got)
            if got >= want:
                break
        self._set(best[0])
        self.tuning = {"recall_at_10": round(best[1], 4), "queries": len(pick), "vectors": len(vectors),
                       "target": self.tiers.recall}

    def _ivf(self):
        import faiss

        return faiss.extract_index_ivf(self.index.index)

    def _set(self, params: dict) -> None:
        import faiss

        base = faiss.downcast_index(self.index.index)
        if "efSearch" in params:
            base.hnsw.efSearch = int(params["efSearch"])
        if "nprobe" in params:
            self._ivf().nprobe = int(params["nprobe"])
        if "k_factor" in params:
            base.k_factor = float(params["k_factor"])
        self.params = {k: params[k] for k in ("efSearch", "nprobe", "k_factor") if k in params}

    def _search_many(self, queries: np.ndarray, k: int) -> np.ndarray:
        return self.index.search(np.ascontiguousarray(queries, dtype=np.float32), min(k, self.count))[1]

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.count == 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), min(k, self.count))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i != -1]

    @property
    def count(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    def describe(self) -> dict:
        """What the manifest records: the kind, its factory string, search parameters and the
        recall measured when it was tuned."""
        return {"backend": "faiss", "kind": self.kind, "factory": self.factory, "params": dict(self.params),
                "tuning": dict(self.tuning)}

    def save(self, path: Path, wait: bool = True, only_if: Callable[[], bool] | None = None) -> bool:
        """Write the index atomically (see `write_atomic`); False if it was not written."""
        import faiss

        if self.index is None:
            self._make(factory_for(self.kind, 0, self.dim))
        return write_atomic(path, faiss.serialize_index(self.index).tobytes(), wait, only_if)

    @classmethod
    def load(cls, path: Path, dim: int, described: dict | None = None) -> "ANN":
        """The index saved at `path`, trained as it was saved, with the search parameters of
        `described` (the manifest's "ann") when it describes this file's kind; raises
        (RuntimeError from FAISS, ValueError) when the file is truncated, foreign or of another
        dimension."""
        import faiss

        ann = cls.__new__(cls)
        ann.dim, ann.tiers = dim, TIERS
        ann.index = faiss.read_index(str(path))
        if ann.index.d != dim:
            raise ValueError(f"{path} holds {ann.index.d}-d vectors, not {dim}-d")
        name = type(faiss.downcast_index(ann.index.index)).__name__
        ann.kind = "hnsw" if "HNSW" in name else "ivfpq" if "Refine" in name or "IVF" in name else "flat"
        ann.factory, ann.params, ann.tuning = None, {}, {}
        if isinstance(described, dict) and described.get("kind") == ann.kind:
            ann.factory, ann.tuning = described.get("factory"), dict(described.get("tuning") or {})
            ann._set(described.get("params") or {})
        return ann


def _exact_top(vectors: np.ndarray, queries: np.ndarray, ids: np.ndarray, pick: np.ndarray, k: int) -> list[list[int]]:
    """Each query's k nearest ids by exact inner product, the query's own row left out."""
    out = []
    for start in range(0, len(queries), 50):
        scores = queries[start:start + 50] @ vectors.T
        scores[np.arange(len(scores)), pick[start:start + 50]] = -np.inf
        top = np.argpartition(-scores, min(k, scores.shape[1] - 1), axis=1)[:, :k]
        out += [list(ids[row]) for row in top]
    return out


def recall_at(found: np.ndarray, truth: list[set], own: np.ndarray, k: int) -> float:
    """Mean share of each query's exact top-k found in its first k results other than `own`."""
    hits = [len(set([i for i in row if i != o and i != -1][:k]) & t) / max(1, len(t)) for row, t, o in zip(found, truth, own)]
    return float(np.mean(hits))


def new_index(dim: int, expected: int = 0, tiers: Tiers | None = None):
    """An empty vector index: a Milvus collection when BUDGET_QA_VECTORS=milvus:…, else FAISS
    of the kind `expected` vectors call for (tiers: BUDGET_QA_ANN_TIERS's, else TIERS)."""
    target = os.environ.get(VECTORS_ENV, "")
    if target.startswith("milvus:"):
        from .milvus import MilvusANN

        return MilvusANN.create(target[len("milvus:"):], dim)
    return ANN(dim, expected, tiers or tiers_from_env())


def load_index(path: Path, dim: int, described: dict | None = None):
    """The index saved at `path`: a FAISS file, or the pointer a Milvus collection saved there."""
    with open(path, "rb") as f:
        head = f.read(1)
    if head == b"{":
        from .milvus import MilvusANN

        return MilvusANN.load(path, dim)
    return ANN.load(path, dim, described)


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
