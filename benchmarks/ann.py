"""The vector index by size, on this corpus's real vectors: for each size and kind (flat, HNSW,
IVF-PQ as index/ann.py chooses and tunes them), build and train time, index size, query time
p50/p95 (one query at a time), recall@10 against exact search; and Milvus Lite against FAISS on
the same vectors.

    .venv/bin/python benchmarks/ann.py [--index var/index] [--sizes 10000,100000,1000000] [--milvus 8816,100000]

Vectors: the e5-small vectors cached in the index's search.sqlite (read-only).  200 of them are
held out as the queries (real passage vectors, not indexed); the others are indexed, and sizes
past them are reached with perturbations of real vectors: a real vector moved a random 0–50 %
of the way towards one of its 20 nearest real neighbours, plus Gaussian noise of 0.3 × each
dimension's spread, normalised (never purely random vectors).  Machine load is printed: the
2 cores are shared.
"""
from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.ann import ANN, Tiers  # noqa: E402

HELD = 200


def real_vectors(folder: Path) -> np.ndarray:
    db = sqlite3.connect(f"file:{folder / 'search.sqlite'}?mode=ro", uri=True)
    rows = db.execute("SELECT vector FROM embeddings ORDER BY content_hash").fetchall()
    db.close()
    return np.vstack([np.frombuffer(r[0], dtype=np.float32) for r in rows])


def grow(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """`n` perturbations of the real vectors (see the module's doc)."""
    near = np.empty((len(real), 20), dtype=np.int64)
    for start in range(0, len(real), 1000):
        s = real[start:start + 1000] @ real.T
        s[np.arange(len(s)), np.arange(start, start + len(s))] = -np.inf
        near[start:start + len(s)] = np.argpartition(-s, 20, axis=1)[:, :20]
    spread = real.std(axis=0)
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        i = rng.integers(0, len(real), m)
        j = near[i, rng.integers(0, 20, m)]
        a = rng.uniform(0, 0.5, (m, 1)).astype(np.float32)
        y = real[i] + a * (real[j] - real[i]) + 0.3 * spread * rng.standard_normal((m, real.shape[1]), dtype=np.float32)
        out[start:start + m] = y / np.linalg.norm(y, axis=1, keepdims=True)
    return out


def exact(data: np.ndarray, queries: np.ndarray, k: int) -> list[set]:
    import faiss

    flat = faiss.IndexFlatIP(data.shape[1])
    flat.add(data)
    return [set(row) for row in flat.search(queries, k)[1]]


def timed_queries(ann, queries: np.ndarray, k: int = 10) -> tuple[list[set], float, float]:
    found, times = [], []
    for q in queries:
        t = time.perf_counter()
        hits = ann.search(q, k)
        times.append((time.perf_counter() - t) * 1000)
        found.append({i for i, _ in hits})
    return found, float(np.percentile(times, 50)), float(np.percentile(times, 95))


def recall(found: list[set], truth: list[set]) -> float:
    return float(np.mean([len(f & t) / len(t) for f, t in zip(found, truth)]))


def index_bytes(ann: ANN) -> int:
    import faiss

    return len(faiss.serialize_index(ann.index))


def bench_kind(kind: str, data: np.ndarray, queries: np.ndarray, truth: list[set]) -> str:
    tiers = {"flat": Tiers(hnsw=10**12), "hnsw": Tiers(hnsw=1, pq=10**12), "ivfpq": Tiers(hnsw=1, pq=1)}[kind]
    t = time.perf_counter()
    ann = ANN(data.shape[1], len(data), tiers)
    ann.add(np.arange(len(data)), data)
    build = time.perf_counter() - t
    found, p50, p95 = timed_queries(ann, queries)
    params = ",".join(f"{k}={v:g}" for k, v in ann.params.items()) or "-"
    tuned = ann.tuning.get("recall_at_10")
    line = (f"{len(data):>9} {kind:>6} {ann.factory:>30} {params:>22} {build:>8.1f} {index_bytes(ann) / 2**20:>9.1f}"
            f" {p50:>7.2f} {p95:>7.2f} {recall(found, truth):>8.3f} {tuned if tuned is not None else '-':>7}")
    del ann
    return line


def bench_milvus(data: np.ndarray, queries: np.ndarray, truth: list[set]) -> str:
    from index.milvus import MilvusANN

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        milvus = MilvusANN.create(os.path.join(tmp, "v.db"), data.shape[1])
        milvus.add(np.arange(len(data)), data)
        load = time.perf_counter() - t
        milvus.search(queries[0], 10)  # the first search loads the collection
        found, p50, p95 = timed_queries(milvus, queries)
        milvus.close()
    flat = ANN(data.shape[1])
    flat.add(np.arange(len(data)), data)
    f_found, f50, f95 = timed_queries(flat, queries)
    return (f"{len(data):>9} milvus-lite FLAT: insert {load:.1f} s, query p50 {p50:.2f} ms p95 {p95:.2f} ms,"
            f" recall@10 {recall(found, truth):.3f} | faiss Flat: p50 {f50:.2f} ms p95 {f95:.2f} ms, recall@10 {recall(f_found, truth):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", default="var/index")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--kinds", default="flat,hnsw,ivfpq")
    parser.add_argument("--milvus", default="8616,100000", help="sizes for Milvus Lite vs FAISS; empty for none")
    args = parser.parse_args()
    import faiss

    print(f"faiss {faiss.__version__}, threads {faiss.omp_get_max_threads()}, load {os.getloadavg()}")
    real = real_vectors(Path(args.index))
    rng = np.random.default_rng(0)
    order = rng.permutation(len(real))
    queries, base = real[order[:HELD]], real[order[HELD:]]
    print(f"real vectors {len(real)} ({HELD} held out as queries, {len(base)} indexed)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    largest = grow(base, max(sizes + [len(base)]) - len(base), rng)
    print(f"{'vectors':>9} {'kind':>6} {'factory':>30} {'params':>22} {'build s':>8} {'index MB':>9}"
          f" {'p50 ms':>7} {'p95 ms':>7} {'recall':>8} {'tuned':>7}")
    for n in sizes:
        data = np.vstack([base, largest[:n - len(base)]]) if n > len(base) else base[:n]
        truth = exact(data, queries, 10)
        for kind in args.kinds.split(","):
            print(bench_kind(kind, data, queries, truth), f"load {os.getloadavg()[0]:.2f}", flush=True)
        print(f"  peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GB", flush=True)
    for n in (int(s) for s in args.milvus.split(",") if s):
        data = np.vstack([base, largest[:n - len(base)]]) if n > len(base) else base[:n]
        print(bench_milvus(data, queries, exact(data, queries, 10)), f"load {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
