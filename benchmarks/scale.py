"""Issue 16 at size: a generated corpus of varied reports, ingested with 1 and N workers into SQLite
or PostgreSQL; index size, peak memory and warm answer latency at each size.

    .venv/bin/python benchmarks/scale.py [--sizes 13,200,1000] [--workers 1,2] [--ray ADDRESS]
                                         [--backend sqlite|postgresql --dsn postgresql://…]
                                         [--no-search] [--no-search-above N] [--work DIR] [--seed 16] [--json]

Each size N is the five text reports of `../shared/corpus/text` and N − 5 reports of
`tests/generated_reports.py` (distinct departments, years 2019–2025, 决算 and 预算, varied layouts).
For every workers count the index is built afresh (a new folder; on PostgreSQL a new database
`scale_<N>_w<W>` on the server of `--dsn`, dropped first) with `ingest.ingest_paths(workers=W)`:
ingest seconds, seconds per report, facts. On the last build the search index is built with the
`hashing` embedder (unless `--no-search`, or N > `--no-search-above`), the size on disk (SQLite
files; on PostgreSQL `pg_database_size` plus the local search files) is taken, and the questions
of `benchmarks/answer_scale.py` plus four about generated reports (their 三公 total, a subject
row, a 元 report, a 预算) are asked through `answer.Answerer(folder).ask`, the path the command
line uses: once to warm, then timed; p50 / p95 / max of the warm pass. Peak memory is the
maximum RSS of the measuring process and (separately) of its worker processes. Each (size,
workers) runs in a process of its own (`--_one`), so that no cache or memory carries over.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import answer_scale  # noqa: E402  (the questions about the real reports and the timing helpers)


def _generated_questions(seed: int, count: int) -> list[tuple[str, str, str, str | None]]:
    """Questions about generated reports, with the figure the generator printed."""
    from generated_reports import figures, spec

    if count <= 0:
        return []
    picks, wanted = [], {"元": None, "预算": None, "last": count - 1, "first": 0}
    for i in range(count):
        s = spec(i, seed)
        if s.unit == "元" and wanted["元"] is None:
            wanted["元"] = i
        if s.kind == "预算" and wanted["预算"] is None and s.unit == "万元":
            wanted["预算"] = i
    for name, i in wanted.items():
        if i is None:
            continue
        s = spec(i, seed)
        f = figures(s)
        kind = "预算" if s.kind == "预算" else ""
        if 7 in s.omit_tables or "五" in s.omit_sections:
            q, value = f"{s.department}{s.year}年{kind}本年支出合计是多少？", f["本年支出合计"]
        else:
            q, value = f"{s.department}{s.year}年{kind}三公经费是多少？", f["三公经费合计"]
        printed = f"{value:,.2f}" if s.thousands else f"{value:.2f}"
        picks.append((f"generated ({name})", q, "answered", printed))
    return picks


# --- the backends ---------------------------------------------------------------------------

def _database(dsn: str, name: str) -> str:
    """A fresh database `name` on the server of dsn (dropped first); its URL."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = dsn.partition("?")
    head = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
    return f"{head}/{name}" + (f"?{query}" if query else "")


def _database_bytes(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def _target(args, n: int, workers: int) -> tuple[Path, str | None]:
    """The index folder for one build (emptied), and the database URL on PostgreSQL."""
    from index.store import URL_FILE, index_target

    if args.backend == "postgresql":
        url = _database(args.dsn, f"scale_{n}_w{workers}")
        folder = index_target(url)
        for p in folder.iterdir():  # the local search files of an earlier run of that database
            if p.is_file() and p.name != URL_FILE:
                p.unlink()
        return folder, url
    folder = args.work / f"sqlite_n{n}_w{workers}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder, None


# --- one build, in its own process ----------------------------------------------------------

def _peak_mb() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def measure_one(args, n: int, workers: int, last: bool) -> dict:
    from generated_reports import write_corpus

    from index.store import Store
    from ingest import ingest_paths

    real = answer_scale.real_reports()
    paths = real + write_corpus(args.work / "generated", n - len(real), args.seed)
    folder, url = _target(args, n, workers)
    out = {"documents": n, "workers": workers, "backend": args.backend, "ray": args.ray}
    start = time.perf_counter()

    def progress(i: int, total: int, result) -> None:
        if i % 100 == 0 or i == total:
            print(f"  [{args.backend} {n} w{workers}] ingested {i}/{total}, {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
    with Store(url or folder) as store:
        results = ingest_paths(paths, store, progress=progress, workers=workers, ray=args.ray)
        documents = len(store.documents())
        stats = store.stats()
    out["ingest_s"] = time.perf_counter() - start
    failed = [r.message for r in results if not r.ok or r.skipped]
    if failed or documents != n:
        raise SystemExit(f"{n} files gave {documents} documents: " + "; ".join(failed[:5]))
    out["facts"], out["passages"] = stats["facts"], stats["passages"]
    out["ingest_rss_mb"], out["workers_rss_mb"] = _peak_mb()
    if not last:
        return out
    search = not args.no_search and n <= args.no_search_above
    out["search"] = search
    if search:
        from index.indexing import refresh_search

        start = time.perf_counter()
        out["units"] = refresh_search(folder, "hashing")["units"]
        out["search_s"] = time.perf_counter() - start
    local = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    out["disk_bytes"] = local + (_database_bytes(url) if url else 0)
    out["database_bytes"] = _database_bytes(url) if url else 0

    from answer import Answerer

    questions = answer_scale.QUESTIONS + tuple(_generated_questions(args.seed, n - len(real)))
    questions = tuple(q for q in questions if q[0] not in args.skip_kind)
    start = time.perf_counter()
    answerer = Answerer(folder, search=search)
    answerer.warm()
    out["load_s"] = time.perf_counter() - start
    first, _, _ = answer_scale._pass(answerer, questions)
    times, answers, _ = answer_scale._pass(answerer, questions)
    answerer.close()
    out["first"], out["warm"] = answer_scale._latency(first), answer_scale._latency(times)
    out["questions"] = [{"kind": k, "question": q, "warm_ms": t, "status": r["status"], "answer": r["answer"][:100],
                         "correct": answer_scale._correct(r, status, value)}
                        for (k, q, status, value), t, r in zip(questions, times, answers)]
    out["rss_mb"], _ = _peak_mb()
    return out


# --- the report -----------------------------------------------------------------------------

def _row(r: dict, one: dict | None) -> str:
    per = r["ingest_s"] / r["documents"]
    speedup = f"{one['ingest_s'] / r['ingest_s']:.2f}×" if one and one is not r else "—"
    line = (f"| {r['backend']} | {r['documents']:,} | {r['workers']} | {r['ingest_s']:.1f} s | {per * 1000:.0f} ms | "
            f"{speedup} | {r['facts']:,} | {r['ingest_rss_mb']:.0f} / {r['workers_rss_mb']:.0f} MB |")
    if "warm" not in r:
        return line + " | | | |"
    correct = sum(q["correct"] for q in r["questions"])
    search = f"{r['search_s']:.0f} s" if r.get("search") else "off"
    return line + (f" {r['disk_bytes'] / 1e6:.0f} MB | {search} | {r['warm']['p50_ms']:.0f} / {r['warm']['p95_ms']:.0f} / "
                   f"{r['warm']['max_ms']:.0f} ms ({correct}/{len(r['questions'])} as expected) | {r['rss_mb']:.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="13,200,1000")
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}", help="workers counts, comma-separated")
    parser.add_argument("--ray", help="parse on a Ray cluster (an address, or auto)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--dsn", help="PostgreSQL server URL whose user may create databases (postgresql://…)")
    parser.add_argument("--no-search", action="store_true", help="no search index: answers without passages")
    parser.add_argument("--no-search-above", type=int, default=10**9, help="no search index above this size")
    parser.add_argument("--skip-kind", action="append", default=[], metavar="KIND")
    parser.add_argument("--work", type=Path, help="the generated reports and SQLite indexes (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--_one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend == "postgresql" and not args.dsn:
        parser.error("--backend postgresql needs --dsn postgresql://…")
    if args._one:
        n, workers, last = (int(x) for x in args._one.split(":"))
        print(json.dumps(measure_one(args, n, workers, bool(last)), ensure_ascii=False))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    counts = [int(w) for w in args.workers.split(",") if w.strip()]
    keep = args.work is not None
    args.work = (args.work or Path(tempfile.mkdtemp(prefix="scale_"))).resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"scale: {args.backend}, sizes {sizes}, workers {counts}{', ray ' + args.ray if args.ray else ''}, "
          f"{os.cpu_count()} cores, seed {args.seed}; work folder {args.work}", flush=True)
    results = []
    try:
        for n in sizes:
            one = None
            for k, w in enumerate(counts):
                cmd = [sys.executable, str(Path(__file__).resolve()), "--_one", f"{n}:{w}:{int(k == len(counts) - 1)}",
                       "--work", str(args.work), "--backend", args.backend, "--seed", str(args.seed),
                       "--no-search-above", str(args.no_search_above)]
                cmd += (["--dsn", args.dsn] if args.dsn else []) + (["--ray", args.ray] if args.ray else [])
                cmd += (["--no-search"] if args.no_search else []) + [f"--skip-kind={s}" for s in args.skip_kind]
                proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
                if proc.returncode != 0:
                    raise SystemExit(f"size {n}, {w} workers failed (exit {proc.returncode})")
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                one = one or r
                results.append(r)
                print(_row(r, one), flush=True)
                for q in r.get("questions", []):
                    if not q["correct"]:
                        print(f"    not as expected: [{q['kind']}] {q['question']} → {q['status']}: {q['answer'][:80]}")
        print("\n| backend | reports | workers | ingest | per report | speed-up | facts | peak RSS writer / workers "
              "| on disk | search build | warm p50 / p95 / max | peak RSS answering |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in results:
            one = next(x for x in results if x["documents"] == r["documents"])
            print(_row(r, one))
        if args.json:
            print(json.dumps(results, ensure_ascii=False, indent=1))
    finally:
        if not keep:
            shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
