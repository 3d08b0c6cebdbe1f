"""Answer quality and speed on the hand-written dev set (benchmarks/answers_dev.json).

    .venv/bin/python benchmarks/answers.py --index DIR [--no-search]

DIR must hold the corpus (`NO_APP=1 scripts/run.sh` builds var/index).  Prints accuracy per kind, citation
accuracy, how many unanswerable questions were refused, the wrong figures stated as exact (the
number that must be zero), and warm latency per question through `python -m answer --jsonl`.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def judge(result: dict, expected: dict, kind: str = "") -> tuple[bool, bool | None, bool]:
    """(correct, citation correct or None when not applicable, wrong figure stated as exact)."""
    status = expected["status"]
    if kind == "list" and status == "answered":
        if result["status"] != "answered":
            return False, None, False
        from domain.normalize import compact

        want = {compact(x) for x in re.split(r"[；;]", expected.get("value") or "") if x.strip()}
        got = {compact(f["label"]) for f in result["figures"]}
        return got == want, None, got != want
    if status != "answered":
        wrong = result["status"] == "answered" and bool(result["figures"])
        return result["status"] == status or (status == "not_found" and result["status"] == "ambiguous"
                                              and not result["figures"]), None, wrong
    if result["status"] != "answered" or not result["figures"]:
        return False, None, False
    fig = result["figures"][0]
    want = expected.get("value") or ""
    if re.fullmatch(r"[\d,.]+", want) or not want:
        correct = fig["value"] == want
    else:  # a reason or other words: the printed words must be quoted
        from domain.normalize import compact

        correct = bool(fig["value"]) and compact(want) in compact(fig["value"])
    wrong = not correct and not fig["computed"]
    cite = None
    if correct:
        src = fig["source"]
        docs = expected.get("documents") or []
        same_doc = not docs or src["document"] in docs
        place = True
        if expected.get("page") and src["page"]:
            place = src["page"] == expected["page"]
        elif expected.get("line") and src["line"]:
            place = src["line"] == expected["line"]
        cite = same_doc and place
    return correct, cite, wrong


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "index")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    questions = json.loads((ROOT / "benchmarks" / "answers_dev.json").read_text(encoding="utf-8"))["questions"]
    cmd = [sys.executable, "-m", "answer", "--index", str(args.index), "--jsonl"] + (["--no-search"] if args.no_search else [])
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    proc.stdin.write("预热\n")  # the first question loads the catalog and the model
    proc.stdout.readline()
    per_kind: dict[str, list[bool]] = defaultdict(list)
    cites, wrongs, times, refused = [], [], [], []
    for q in questions:
        start = time.perf_counter()
        proc.stdin.write(q["question"].replace("\n", " ") + "\n")
        result = json.loads(proc.stdout.readline())
        times.append((time.perf_counter() - start) * 1000)
        correct, cite, wrong = judge(result, q["expected"], q["kind"])
        per_kind[q["kind"]].append(correct)
        if cite is not None:
            cites.append(cite)
        if wrong:
            shown = "；".join(f["label"] for f in result["figures"]) if q["kind"] == "list" else result["figures"][0]["value"]
            wrongs.append((q["id"], q["question"], shown, q["expected"].get("value")))
        if q["expected"]["status"] == "not_found":
            refused.append(result["status"] != "answered")
        if args.show and not correct:
            print(f"  miss {q['id']} [{q['kind']}] {q['question']} → {result['status']}: {result['answer'][:100]}")
    proc.stdin.close()
    proc.wait(timeout=60)
    total = [c for v in per_kind.values() for c in v]
    print(f"answers dev set: {len(questions)} questions")
    for kind, values in sorted(per_kind.items()):
        print(f"  {kind:12s} {sum(values):3d}/{len(values):3d} = {sum(values) / len(values):.2f}")
    print(f"  overall      {sum(total)}/{len(total)} = {sum(total) / len(total):.2f}")
    if cites:
        print(f"  citation accuracy of correct figures: {sum(cites)}/{len(cites)} = {sum(cites) / len(cites):.2f}")
    if refused:
        print(f"  unanswerable refused: {sum(refused)}/{len(refused)} = {sum(refused) / len(refused):.2f}")
    print(f"  wrong figures stated as exact: {len(wrongs)}")
    for w in wrongs:
        print(f"    {w[0]} {w[1]} → {w[2]} (expected {w[3]})")
    times.sort()
    print(f"  warm latency per question (--jsonl): p50 {statistics.median(times):.0f} ms, "
          f"p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms")


if __name__ == "__main__":
    main()
