"""Parallel ingestion (issue 16): wall time and peak memory of `python -m ingest` with 1 and N
workers and on a local Ray cluster, each into a fresh store (--no-search: parsing and writing only).

    .venv/bin/python benchmarks/parallel_ingest.py [--corpus ../shared/corpus] [--workers 2] [--sets budgets,real]

Sets: "budgets" = the five text reports + the Jiangsu budget PDFs (budget/jiangsu); "real" = the
real reports (real/, the blank template included: it is refused, as a user's would be).  Peak memory
is the largest sum of resident memory over the ingest's whole process tree (writer, workers, Ray's
processes), sampled every 0.2 s; CPU seconds are those of the ingest and the workers it joined.  The machine's load (`uptime`) is printed before and after each
run: other work on the machine slows every figure.  The OCR cache is whatever it holds (a scan
read once is read from it).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of the process and all its descendants, MB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, parent in parents.items() if parent == p and c not in tree]
        tree.update(kids)
        frontier += kids
    total = 0
    for p in tree:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def load() -> str:
    return os.getloadavg().__repr__()


def run(files: list[Path], options: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="parallel-bench-") as folder:
        before = load()
        cpu = _children_cpu()
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "ingest", "--index", folder, "--no-search", "--json", *options,
                                    *map(str, files)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        cpu = _children_cpu() - cpu
        rows = [json.loads(line) for line in process.stdout.read().splitlines() if line.startswith("{")]
    return {"options": " ".join(options), "seconds": round(seconds, 1), "cpu": round(cpu, 1), "peak_mb": round(peak),
            "files": len(rows), "ok": sum(r["ok"] for r in rows), "pages": sum(r["pages"] for r in rows),
            "facts": sum(r["facts"] for r in rows), "load_before": before, "load_after": load()}


def _children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for descendants: the ingest and the workers it
    joined (Ray's own processes are not all counted)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sets", default="budgets,real")
    args = parser.parse_args()
    sets = {"budgets": sorted((args.corpus / "text").glob("*.txt")) + sorted((args.corpus / "budget" / "jiangsu").rglob("*.pdf")),
            "real": sorted((args.corpus / "real").glob("*.pdf"))}
    modes = [["--workers", "1"], ["--workers", str(args.workers)], ["--ray", "auto", "--workers", str(args.workers)]]
    for name in args.sets.split(","):
        for options in modes:
            r = run(sets[name], options)
            print(f"{name}: {r['files']} files ({r['ok']} ingested, {r['pages']} pages, {r['facts']} facts) "
                  f"{r['options']}: {r['seconds']} s ({r['cpu']} CPU s), peak {r['peak_mb']} MB, load {r['load_before']} → {r['load_after']}",
                  flush=True)


if __name__ == "__main__":
    main()
