"""Search quality and speed on the hand-written dev set (benchmarks/search_dev.json).

    .venv/bin/python benchmarks/search.py [--model NAME] [--index DIR] [--filtered]

Builds (or reuses) an index of the five text reports and the three Shanghai PDFs, then prints
recall@5 and MRR@10 for BM25, dense and hybrid search, query latency p50/p95 (warm), and the
build figures: cold ingest with embeddings, unchanged re-ingest, peak memory.  A result answers a
query when it comes from the expected document and its text contains every `must_contain`
string (spaces ignored).  --filtered passes each query's department and year as filters, as the
answer layer does.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _relevant(result, query) -> bool:
    from domain.normalize import compact

    text = compact(result.text)
    return result.document == query["document"] and all(compact(s) in text for s in query["must_contain"])


def evaluate(index, queries, mode: str, filtered: bool) -> dict:
    recall5 = mrr10 = 0.0
    misses = []
    for q in queries:
        kwargs = {"department": q.get("department"), "year": q.get("year")} if filtered else {}
        results = index.search(q["query"], k=10, mode=mode, **kwargs)
        rank = next((i for i, r in enumerate(results, 1) if _relevant(r, q)), None)
        recall5 += 1 if rank and rank <= 5 else 0
        mrr10 += 1 / rank if rank else 0
        if not rank or rank > 5:
            misses.append(q["id"])
    n = len(queries)
    return {"recall@5": recall5 / n, "hits": int(recall5), "mrr@10": mrr10 / n, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None, help="embedding model (default: the offline e5-small)")
    parser.add_argument("--index", type=Path, help="reuse this index folder instead of building one")
    parser.add_argument("--filtered", action="store_true")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()

    from index.indexing import refresh_search
    from index.search import open_for_search
    from index.store import Store
    from ingest import ingest_paths

    queries = json.loads((ROOT / "benchmarks" / "search_dev.json").read_text(encoding="utf-8"))["queries"]
    files = sorted((args.corpus / "text").glob("*.txt")) + sorted(
        p for p in (args.corpus / "real").glob("*.pdf") if "模板" not in p.name)
    folder = args.index
    tmp = None
    if folder is None:
        tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
        folder = tmp / "index"
        texts = [f for f in files if f.suffix == ".txt"]
        with Store(folder) as store:
            ingest_paths(texts, store)
        start = time.perf_counter()
        stats = refresh_search(folder, args.model)
        cold = time.perf_counter() - start
        print(f"cold search build, five text reports: {stats['units']} units, {stats['units_embedded']} embedded "
              f"in {cold:.1f} s ({stats['units_embedded'] / cold:.1f} units/s)")
        start = time.perf_counter()
        with Store(folder) as store:
            ingest_paths(texts, store)
        again = refresh_search(folder, args.model)
        print(f"unchanged re-ingest + refresh: {time.perf_counter() - start:.2f} s, {again['units_embedded']} embedded")
        with Store(folder) as store:
            ingest_paths([f for f in files if f.suffix == ".pdf"], store)
        stats = refresh_search(folder, args.model)
        print(f"with the Shanghai PDFs: {stats['units']} units")

    with open_for_search(folder, args.model) as index:
        index.search("预热", k=1)
        print(f"dev set: {len(queries)} queries ({'filtered by department and year' if args.filtered else 'no filters'})")
        for mode in ("bm25", "dense", "hybrid"):
            r = evaluate(index, queries, mode, args.filtered)
            print(f"  {mode:6s} recall@5 {r['recall@5']:.4f} ({r['hits']}/{len(queries)})  MRR@10 {r['mrr@10']:.3f}  misses: {' '.join(r['misses'][:30])}")
        times = []
        for q in queries:
            t = time.perf_counter()
            index.search(q["query"], k=10)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"  hybrid query latency (warm): p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
