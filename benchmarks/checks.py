"""Reconciliation checks measured: what each rule finds in the indexed reports, how long it
takes, whether a PDF twin gives the same findings as its text, and whether each planted error in
the generated report is caught with nothing found on its consistent version.

    .venv/bin/python benchmarks/checks.py [--index var/index] [--list] [--typos 40 [--seed 7]]

--list prints every error and notice (not the rounding differences) for review by hand.
--typos N plants N single-figure changes in each real text report, one at a time: a table cell
of a standard table or an amount in the narrative, printed 1.00 higher; a change is caught when
an error cites the changed figure (or, for a rate, the sentence printing it) where it is printed.
--words N plants N single-word changes of each kind in each real text report, one at a time: 大于↔小于
where the narrative compares a figure with its budget or the year before (决算数小于全年预算数),
增加↔减少 before an amount other than zero (较上年增加4.53万元); a change is caught when an error the unchanged report
does not have cites the changed paragraph.  --seed picks the words changed (7 is the one the rules
were looked at with; report another as held out).
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
    RULES = tuple(r for r in RULES if r.id in PLANTS)  # the others are planted by their own tests (planted_issue14)
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


def planted_issue14() -> None:
    """The plants of tests/test_checks_wording.py (words against numbers, classifications, project
    forms, counts): each caught by its rule at its severity, nothing on their consistent report."""
    from test_checks_wording import PLANTED, consistent_text, _substituted

    from checks import check_index
    from index.store import Store
    from ingest import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = {"consistent.txt": consistent_text()}
        texts.update({f"{name}.txt": _substituted(consistent_text(cells), subs)
                      for name, (subs, cells, _, _) in PLANTED.items()})
        with Store(folder / "index") as store:
            for name, text in texts.items():
                (folder / name).write_text(text, encoding="utf-8")
                store.put(ingest_file(folder / name))
        results = check_index(folder / "index")
    caught = [name for name, (_, _, rule, severity) in PLANTED.items()
              if any(f.rule == rule and f.severity == severity for f in results[f"{name}.txt"])]
    missed = [name for name in PLANTED if name not in caught]
    print(f"issue-14 plants caught by their rule: {len(caught)}/{len(PLANTED)}"
          + (f" — missed: {', '.join(missed)}" if missed else ""))
    print(f"findings on their consistent report: {len(results['consistent.txt'])}")


STANDARD = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
            "基本支出决算表", "三公经费支出决算表", "政府性基金预算财政拨款收入支出决算表"}


def _bump(printed: str) -> str:
    """The printed amount 1.00 higher, written the same way (thousands separators, decimals)."""
    from decimal import Decimal

    places = len(printed.split(".")[1]) if "." in printed else 0
    value = Decimal(printed.replace(",", "")) + 1
    text = f"{value:,.{places}f}" if "," in printed else f"{value:.{places}f}"
    return text


def typos(corpus: Path, per_report: int, show: bool = False, seed: int = 7) -> None:
    import random
    import re
    from collections import defaultdict

    from checks import check_document
    from checks.report import money
    from index.store import Store
    from ingest import ingest_file

    rng = random.Random(seed)
    totals = defaultdict(lambda: [0, 0])
    by_rule: Counter = Counter()
    missed_kinds: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            doc = ingest_file(path)
            cells = [f for f in doc.facts if f.table_kind in STANDARD and f.line and f.number is not None
                     and money({"number": f.number, "unit": f.unit}) and f.number >= 1
                     and lines[f.line - 1].split("\t").count(f.value_text) == 1]
            sentences = [(i + 1, m) for i, line in enumerate(lines) if "\t" not in line
                         for m in re.finditer(r"(?<![\d.,])\d[\d,]*\.\d{2}(?=\s*万元)", line)]
            plan = [("table", c.line, c.value_text, c.table_kind) for c in rng.sample(cells, min(per_report, len(cells)))]
            plan += [("narrative", n, m.group(0), "说明") for n, m in rng.sample(sentences, min(per_report, len(sentences)))]
            with Store(Path(tmp) / path.stem) as store:
                for where, line_no, printed, kind in plan:
                    changed = list(lines)
                    new = _bump(printed)
                    if where == "table":
                        fields = changed[line_no - 1].split("\t")
                        fields[fields.index(printed)] = new
                        changed[line_no - 1] = "\t".join(fields)
                    else:
                        changed[line_no - 1] = changed[line_no - 1].replace(printed, new, 1)
                    copy = Path(tmp) / path.name
                    copy.write_text("\n".join(changed), encoding="utf-8")
                    store.put(ingest_file(copy))
                    errors = [f for f in check_document(store, path.name) if f.severity == "error"
                              and any(c.line == line_no and (c.value == new or new in c.row) for c in f.cells)]
                    totals[(path.name[:3], where)][0] += 1
                    if errors:
                        totals[(path.name[:3], where)][1] += 1
                        by_rule.update({f.rule for f in errors})
                    else:
                        missed_kinds[kind] += 1
                        if show:
                            print(f"  missed {path.name[:3]} line {line_no} {kind}: {printed} → {new} "
                                  f"| {lines[line_no - 1][:90]}")
    print(f"\nsingle figures printed 1.00 higher in the real text reports ({per_report} table cells and "
          f"{per_report} narrative amounts each):")
    for where in ("table", "narrative"):
        tried = sum(v[0] for k, v in totals.items() if k[1] == where)
        caught = sum(v[1] for k, v in totals.items() if k[1] == where)
        per = ", ".join(f"{k[0]} {v[1]}/{v[0]}" for k, v in sorted(totals.items()) if k[1] == where)
        print(f"  {where}: caught {caught}/{tried} = {caught / tried:.2f} ({per})")
    print("  caught by:", ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))
    print("  missed, by where printed:", ", ".join(f"{k} {n}" for k, n in missed_kinds.most_common()))


_WORD_SWAPS = {
    "大于↔小于": (r"(大于|小于)(?=(?:全年|年初)?预算|上年)", {"大于": "小于", "小于": "大于"}),
    # before an amount that is not nothing (增加0.00万元 reads the same either way) and not a year
    "增加↔减少": (r"(增加|减少)(?=了?\s*(?!0(?:\.0+)?\s*(?:万元|%|元))(?!(?:19|20)\d{2}\s*年)\d)", {"增加": "减少", "减少": "增加"}),
}


def words(corpus: Path, per_report: int, show: bool = False, seed: int = 7) -> None:
    import random
    import re
    from collections import defaultdict

    from checks import check_document
    from index.store import Store
    from ingest import ingest_file

    rng = random.Random(seed)
    totals = defaultdict(lambda: [0, 0])
    by_rule: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            doc = ingest_file(path)
            spans = [(p.line, p.end_line or p.line) for p in doc.passages if p.line]
            plan = []
            for kind, (pattern, _) in _WORD_SWAPS.items():
                sites = [(i + 1, m.start(), m.group(1)) for i, line in enumerate(lines) if "\t" not in line
                         for m in re.finditer(pattern, line)]
                plan += [(kind, *site) for site in rng.sample(sites, min(per_report, len(sites)))]
            with Store(Path(tmp) / path.stem) as store:
                store.put(doc)
                before = {(f.rule, f.message) for f in check_document(store, path.name) if f.severity == "error"}
                for kind, line_no, at, word in plan:
                    changed = list(lines)
                    new = _WORD_SWAPS[kind][1][word]
                    changed[line_no - 1] = changed[line_no - 1][:at] + new + changed[line_no - 1][at + len(word):]
                    copy = Path(tmp) / path.name
                    copy.write_text("\n".join(changed), encoding="utf-8")
                    store.put(ingest_file(copy))
                    low, high = next(((a, b) for a, b in spans if a <= line_no <= b), (line_no, line_no))
                    errors = [f for f in check_document(store, path.name) if f.severity == "error"
                              and (f.rule, f.message) not in before and any(c.line and low <= c.line <= high for c in f.cells)]
                    totals[(path.name[:3], kind)][0] += 1
                    if errors:
                        totals[(path.name[:3], kind)][1] += 1
                        by_rule.update({f.rule for f in errors})
                    elif show:
                        print(f"  missed {path.name[:3]} line {line_no} {word} → {new} | {lines[line_no - 1][max(0, at - 40):at + 30]}")
    print(f"\nsingle words changed in the real text reports (up to {per_report} of each kind each, seed {seed}):")
    for kind in _WORD_SWAPS:
        tried = sum(v[0] for k, v in totals.items() if k[1] == kind)
        caught = sum(v[1] for k, v in totals.items() if k[1] == kind)
        per = ", ".join(f"{k[0]} {v[1]}/{v[0]}" for k, v in sorted(totals.items()) if k[1] == kind)
        print(f"  {kind}: caught {caught}/{tried} = {caught / tried if tried else 0:.2f} ({per})")
    print("  caught by:", ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", default=str(ROOT / "var" / "index"))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--typos", type=int, default=0)
    parser.add_argument("--words", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7, help="which random cells --typos and words --words changes")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    indexed(Path(args.index), args.list)
    planted()
    planted_issue14()
    if args.typos:
        typos(Path(args.corpus), args.typos, args.list, args.seed)
    if args.words:
        words(Path(args.corpus), args.words, args.list, args.seed)


if __name__ == "__main__":
    main()
