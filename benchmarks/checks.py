"""Reconciliation checks measured: what each rule finds in the indexed reports, how long it
takes, whether a PDF twin gives the same findings as its text, and whether each planted error in
the generated report is caught with nothing found on its consistent version.

    .venv/bin/python benchmarks/checks.py [--index var/index] [--list]

--list prints every error and notice (not the rounding differences) for review by hand.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def indexed(folder: Path, show: bool) -> None:
    from checks import check_document, counts
    from index.store import Store

    with Store(folder, readonly=True) as store:
        names = [d["name"] for d in store.documents()]
        results, seconds = {}, {}
        for name in names:
            start = time.perf_counter()
            results[name] = check_document(store, name)
            seconds[name] = time.perf_counter() - start
    print(f"{'document':<46} {'error':>5} {'round':>5} {'notice':>6} {'ms':>6}")
    for name in names:
        c = counts(results[name])
        print(f"{name[:46]:<46} {c['error']:>5} {c['rounding']:>5} {c['notice']:>6} {seconds[name] * 1000:>6.0f}")
    by_rule = Counter((f.rule, f.severity) for found in results.values() for f in found)
    print("\nby rule:", ", ".join(f"{rule}/{sev} {n}" for (rule, sev), n in sorted(by_rule.items())))
    total = sum(seconds.values())
    print(f"all documents: {total:.2f} s, {total / len(names) * 1000:.0f} ms per document")
    twins = [(n, n[:-4] + ".pdf") for n in names if n.endswith(".txt") and n[:-4] + ".pdf" in results]
    for text, pdf in twins:
        a = Counter((f.rule, f.severity, f.printed, f.expected) for f in results[text])
        b = Counter((f.rule, f.severity, f.printed, f.expected) for f in results[pdf])
        same = sum((a & b).values())
        print(f"twin {text[:3]}: text {sum(a.values())}, pdf {sum(b.values())}, same {same}")
    if show:
        print("\nerrors and notices:")
        for name in names:
            for f in results[name]:
                if f.severity != "rounding":
                    print(f"- {name} [{f.severity}] {f.rule}: {f.message}")


def planted() -> None:
    from synthetic_report import PLANTS, write_report

    from checks import check_index
    from checks.rules import RULES
    from index.store import Store
    from ingest import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store(folder / "index") as store:
            for plant in [None, *PLANTS]:
                store.put(ingest_file(write_report(folder, plant)))
        results = check_index(folder / "index")
    clean = results["synthetic_consistent.txt"]
    caught = [r.id for r in RULES if any(f.rule == r.id and f.severity == "error"
                                         for f in results[f"synthetic_{r.id}.txt"])]
    print(f"\nplanted errors caught by their rule: {len(caught)}/{len(RULES)}"
          f"{'' if len(caught) == len(RULES) else ' — missed: ' + ', '.join(r.id for r in RULES if r.id not in caught)}")
    print(f"findings on the consistent report: {len(clean)}")
    rounding = results["synthetic_rounding.txt"]
    print(f"a cent off: {len(rounding)} findings, severities {sorted({f.severity for f in rounding})}")
    for r in RULES:
        other = sorted({f.rule for f in results[f"synthetic_{r.id}.txt"]} - {r.id})
        print(f"  {r.id}: also {', '.join(other) or '—'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", default=str(ROOT / "var" / "index"))
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    indexed(Path(args.index), args.list)
    planted()


if __name__ == "__main__":
    main()
