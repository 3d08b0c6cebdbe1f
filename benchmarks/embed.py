"""Embedding throughput of the default model on its runtimes, on the real search units.

    .venv/bin/python benchmarks/embed.py [--index DIR] [--sample N] [--repeat R] [--only NAME ...]

Reads the units (table rows and passages) of a built search index (default var/index), prints
their token-length distribution, then embeds a fixed random sample of them as passages with:
torch fp32 (sentence-transformers, batch 8: the embedder before issue 16), ONNX fp32 and ONNX int8
(index/embed_onnx.py, batch 32), torch with bfloat16 matrix products (batch 8 and 16), each with the texts sorted by token count (length batching) and
in the sample's random order (no sorting), and int8 on one thread.  Each run is repeated R times;
the median units/s is printed with the load average seen before each run.  Vectors are compared
with the torch vectors of the same run (cosine per unit, min and mean) and with the vectors cached
in the index.  Last, the time the first `scripts/run.sh` on the index's units would spend
embedding: distinct units / units/s.
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_units(folder: Path, model: str) -> tuple[list[str], dict[str, np.ndarray]]:
    """Distinct unit texts of the index and their cached vectors (by text) for `model`."""
    db = sqlite3.connect(f"file:{folder / 'search.sqlite'}?mode=ro", uri=True)
    texts = [r[0] for r in db.execute("SELECT index_text FROM units GROUP BY content_hash ORDER BY content_hash")]
    cached = {r[0]: np.frombuffer(r[1], dtype=np.float32) for r in db.execute(
        "SELECT u.index_text, e.vector FROM units u JOIN embeddings e ON e.content_hash=u.content_hash"
        " AND e.model=? GROUP BY u.content_hash", (model,))}
    db.close()
    return texts, cached


def unsorted_encode(embedder, texts: list[str], batch: int) -> np.ndarray:
    """Batches in the given order: no sorting by length across the whole list."""
    return np.vstack([embedder.encode(texts[i:i + batch], "passage") for i in range(0, len(texts), batch)])


def cosines(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    c = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return float(c.min()), float(c.mean())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "index")
    parser.add_argument("--sample", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="run only these configurations (names as printed)")
    args = parser.parse_args()

    from index.embed import SentenceTransformerEmbedder
    from index.embed_onnx import OnnxEmbedder, cpu_threads
    from index.embedding_model import DEFAULT_MODEL

    texts, cached = load_units(args.index, DEFAULT_MODEL)
    sample = random.Random(16).sample(texts, min(args.sample, len(texts)))
    print(f"{len(texts)} distinct units in {args.index / 'search.sqlite'}; {len(cached)} with cached vectors of "
          f"{DEFAULT_MODEL}; sample {len(sample)}; {cpu_threads()} cores; torch threads {_torch_threads()}")

    int8 = OnnxEmbedder("int8")
    lengths = np.array([len(ids) for ids in int8.token_ids(texts, "passage")])
    cut = int((lengths >= OnnxEmbedder.MAX_TOKENS).sum())
    pct = np.percentile(lengths, [50, 90, 99, 100]).astype(int)
    print(f"token lengths with 'passage: ' (cut at {OnnxEmbedder.MAX_TOKENS}): median {pct[0]}, p90 {pct[1]}, "
          f"p99 {pct[2]}, max {pct[3]}; {cut} units ({cut / len(texts):.2%}) reach the cut; "
          f"mean {lengths.mean():.1f} tokens")

    configs = {
        "torch-fp32 sorted": lambda: _torch(SentenceTransformerEmbedder, True),
        "torch-fp32 unsorted": lambda: _torch(SentenceTransformerEmbedder, False),
        "torch-bf16 sorted": lambda: _torch(SentenceTransformerEmbedder, True, bf16=True),
        "torch-bf16 sorted batch 16": lambda: _torch(SentenceTransformerEmbedder, True, bf16=True, batch_size=16),
        "onnx-fp32 sorted": lambda: (OnnxEmbedder("fp32"), None),
        "onnx-fp32 unsorted": lambda: (OnnxEmbedder("fp32", sort_by_length=False), OnnxEmbedder.BATCH_SIZE),
        "onnx-int8 sorted": lambda: (int8, None),
        "onnx-int8 unsorted": lambda: (OnnxEmbedder("int8", sort_by_length=False), OnnxEmbedder.BATCH_SIZE),
        "onnx-int8 sorted 1 thread": lambda: (OnnxEmbedder("int8", threads=1), None),
    }
    reference = None
    rows = []
    for name, make in configs.items():
        if args.only and name not in args.only:
            continue
        embedder, chunk = make()
        embedder.encode(sample[:8], "passage")  # warm-up
        speeds, loads = [], []
        for _ in range(args.repeat):
            loads.append(os.getloadavg()[0])
            start = time.perf_counter()
            vectors = unsorted_encode(embedder, sample, chunk) if chunk else embedder.encode(sample, "passage")
            speeds.append(len(sample) / (time.perf_counter() - start))
        if reference is None and name.startswith("torch"):
            reference = vectors
        to_torch = cosines(vectors, reference) if reference is not None else (float("nan"),) * 2
        have = [i for i, t in enumerate(sample) if t in cached]
        to_cache = cosines(vectors[have], np.vstack([cached[sample[i]] for i in have])) if have else (float("nan"),) * 2
        rows.append((name, statistics.median(speeds)))
        print(f"{name:26s} {statistics.median(speeds):6.1f} units/s (runs {' '.join(f'{s:.1f}' for s in speeds)}; "
              f"load {' '.join(f'{x:.2f}' for x in loads)})  cosine to torch min {to_torch[0]:.4f} mean {to_torch[1]:.4f}"
              f"  to the cached vectors min {to_cache[0]:.4f} mean {to_cache[1]:.4f}", flush=True)
    for name, speed in rows:
        print(f"whole index, {len(texts)} units, {name}: {len(texts) / speed:.0f} s of embedding")


def _torch(cls, sort: bool, **options):
    """The torch embedder; unsorted: fed one batch at a time (sentence-transformers sorts within a
    call), so batches keep the sample's order."""
    embedder = cls(None, **options)
    return embedder, (None if sort else embedder.batch_size)


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()


if __name__ == "__main__":
    main()
