"""Where an approximate FAISS index starts to pay: query time of exact inner product (flat) and
HNSW at growing sizes, 384-dimensional normalised random vectors, one query at a time.

    .venv/bin/python benchmarks/ann.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.ann import ANN  # noqa: E402


def main() -> None:
    rng = np.random.default_rng(0)
    dim, queries = 384, 200
    print(f"{'vectors':>8} {'flat ms':>8} {'hnsw ms':>8} {'hnsw build s':>13} {'hnsw recall@10':>15}")
    for n in (5_000, 20_000, 50_000, 100_000, 200_000):
        data = rng.normal(size=(n, dim)).astype(np.float32)
        data /= np.linalg.norm(data, axis=1, keepdims=True)
        qs = data[rng.choice(n, queries, replace=False)] + 0.05 * rng.normal(size=(queries, dim)).astype(np.float32)
        flat, hnsw = ANN(dim), ANN(dim, expected=10**9)
        flat.add(np.arange(n), data)
        t = time.perf_counter()
        hnsw.add(np.arange(n), data)
        build = time.perf_counter() - t
        timings = {}
        results = {}
        for name, ann in (("flat", flat), ("hnsw", hnsw)):
            t = time.perf_counter()
            results[name] = [[i for i, _ in ann.search(q, 10)] for q in qs]
            timings[name] = (time.perf_counter() - t) * 1000 / queries
        recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(results["flat"], results["hnsw"])])
        print(f"{n:>8} {timings['flat']:>8.2f} {timings['hnsw']:>8.2f} {build:>13.1f} {recall:>15.3f}")


if __name__ == "__main__":
    main()
