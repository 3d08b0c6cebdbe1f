"""Ingestion speed and memory on the corpus: pages per second and peak memory for the PDFs
(the five twins and the three Shanghai reports), reports per second for the five text files;
with --budgets, the same for the Jiangsu budget PDFs (budget/jiangsu).

    .venv/bin/python benchmarks/ingest.py [--corpus ../shared/corpus] [--budgets]

Each group runs in a fresh subprocess so that its peak RSS is its own.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from ingest import ingest_file
files = [Path(p) for p in sys.argv[2:]]
start = time.perf_counter()
pages = facts = 0
per_file = []
for f in files:
    t = time.perf_counter()
    doc = ingest_file(f)
    pages += doc.pages
    facts += len(doc.facts)
    per_file.append({"file": f.name, "pages": doc.pages, "facts": len(doc.facts), "seconds": round(time.perf_counter() - t, 2)})
seconds = time.perf_counter() - start
print(json.dumps({"files": len(files), "pages": pages, "facts": facts, "seconds": seconds,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "per_file": per_file}))
"""


def run(files: list[Path]) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), *map(str, files)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--budgets", action="store_true", help="the budget PDFs of budget/jiangsu instead")
    args = parser.parse_args()
    if args.budgets:
        b = run(sorted((args.corpus / "budget" / "jiangsu").rglob("*.pdf")))
        print(f"budget pdf: {b['files']} files, {b['pages']} pages in {b['seconds']:.1f} s = "
              f"{b['pages'] / b['seconds']:.1f} pages/s, {b['facts']} facts, peak RSS {b['peak_rss_mb']:.0f} MB")
        return
    texts = sorted((args.corpus / "text").glob("*.txt"))
    pdfs = sorted((args.corpus / "pdf").glob("0*.pdf")) + sorted(p for p in (args.corpus / "real").glob("*.pdf")
                                                                if "模板" not in p.name)
    t = run(texts)
    print(f"text: {t['files']} reports in {t['seconds']:.2f} s = {t['files'] / t['seconds']:.1f} reports/s, "
          f"{t['facts']} facts, peak RSS {t['peak_rss_mb']:.0f} MB")
    p = run(pdfs)
    print(f"pdf:  {p['files']} files, {p['pages']} pages in {p['seconds']:.1f} s = {p['pages'] / p['seconds']:.1f} pages/s, "
          f"{p['facts']} facts, peak RSS {p['peak_rss_mb']:.0f} MB")
    for row in p["per_file"]:
        print(f"      {row['file']}: {row['pages']} pages, {row['facts']} facts, {row['seconds']} s")


if __name__ == "__main__":
    main()
