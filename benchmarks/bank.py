"""The outside question bank (../shared/questions/bank.jsonl), split once and for all into a
development part and a held-out part, each scored with the bank's own scorer.

    python benchmarks/bank.py --index var/index [--part dev|held|both] [--show 40]
    python benchmarks/bank.py --index var/index --latency     # warm time per question, all 320
    python benchmarks/bank.py --index var/index --questions unseen   # the later sets: unseen, unseen2 … unseen12

A question is held out when sha1(its id) % 3 == 0 (107 of the 320).  Work on failures reads only
the development part: the held-out part prints its table and summary, never its failures, so
that it keeps measuring questions nobody fitted rules to.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT.parent / "shared" / "questions"


# the question sets: the outside bank, and benchmarks/unseen_questions.jsonl (90 questions on the same
# eight reports written later by someone who saw neither the code nor the bank); each split once
# and for all into a development part and a held-out part by sha1 of the question's id
# benchmarks/unseen_questions_2.jsonl (80 more, written the same way; scored once unseen, then
# worked on: development whole), benchmarks/unseen_questions_3.jsonl (70 more: scored once held out
# whole, 71.4 % with 3 wrong figures, then worked on: development whole) and
# benchmarks/unseen_questions_4.jsonl (90 more, nearly half on the Jiangsu budgets: scored once held
# out whole, 57.8 % with 10 wrong figures, then worked on: development whole) and
# benchmarks/unseen_questions_5.jsonl (90 more, written the same way: scored once held out whole,
# 73.3 % with 6 wrong figures, then worked on: development whole) and
# benchmarks/unseen_questions_6.jsonl (90 more, written the same way: scored once held out whole,
# 65.6 % with 4 wrong figures, then worked on: development whole).  The next set written blind is
# the held-out one.
SETS = {"bank": (BANK / "bank.jsonl", 3), "unseen": (ROOT / "benchmarks" / "unseen_questions.jsonl", 2),
        "unseen2": (ROOT / "benchmarks" / "unseen_questions_2.jsonl", 0),
        "unseen3": (ROOT / "benchmarks" / "unseen_questions_3.jsonl", 0),
        "unseen4": (ROOT / "benchmarks" / "unseen_questions_4.jsonl", 0),
        "unseen5": (ROOT / "benchmarks" / "unseen_questions_5.jsonl", 0),
        "unseen6": (ROOT / "benchmarks" / "unseen_questions_6.jsonl", 0),
        "unseen7": (ROOT / "benchmarks" / "unseen_questions_7.jsonl", 0),  # development whole: its held half
        # was scored unread (64.7 %, 2 wrong figures) and released to development on 2026-12-02
        "unseen8": (ROOT / "benchmarks" / "unseen_questions_8.jsonl", 2),  # half held out
        "unseen9": (ROOT / "benchmarks" / "unseen_questions_9.jsonl", 2),  # half held out (scored whole once, unread: 73.3 %)
        # 60 more, written blind on 2026-12-03 (20 text reports, 14 Shanghai, 26 Jiangsu budgets): half held out
        "unseen10": (ROOT / "benchmarks" / "unseen_questions_10.jsonl", 2),
        # 60 more, written blind on 2026-12-04 the same way (20 text, 14 Shanghai, 26 Jiangsu): half held out
        "unseen11": (ROOT / "benchmarks" / "unseen_questions_11.jsonl", 2),
        # 60 more, written blind on 2026-12-04 (more paraphrases and lists, the weak kinds): half held out
        "unseen12": (ROOT / "benchmarks" / "unseen_questions_12.jsonl", 2),
        # 60 more, written blind on 2026-12-06 (20 text, 14 Shanghai, 26 Jiangsu; lesser-read tables): half held out
        "unseen13": (ROOT / "benchmarks" / "unseen_questions_13.jsonl", 2),
        # 60 more, written blind on 2026-12-06 as each kind of user asks (context first, claims to check,
        # plain speech, table codes, search-box terms): half held out
        "unseen14": (ROOT / "benchmarks" / "unseen_questions_14.jsonl", 2)}


def held_out(question_id: str, modulus: int = 3) -> bool:
    if modulus in (0, 1):  # development whole (0) or held out whole (1)
        return modulus == 1
    return int(hashlib.sha1(question_id.encode("utf-8")).hexdigest(), 16) % modulus == (0 if modulus == 3 else 1)


def part(name: str, questions: str = "bank") -> list[str]:
    path, modulus = SETS[questions]
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [l for l in lines if held_out(json.loads(l)["id"], modulus) == (name == "held")]


def score(name: str, index: Path, show: int, out: Path | None, questions: str = "bank") -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        f.write("\n".join(part(name, questions)) + "\n")
    cmd = [sys.executable, str(BANK / "score.py"), "--index", str(index), "--bank", f.name,
           "--python", sys.executable, "--show", str(show if name == "dev" else 0)]
    if out:
        cmd += ["--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    Path(f.name).unlink()
    if done.returncode:
        sys.exit(done.stdout + done.stderr)
    return done.stdout


def latency(index: Path) -> None:
    """Warm answer time over every question of the bank, in one process (as the app asks)."""
    import statistics
    import time

    sys.path.insert(0, str(ROOT))
    from answer import Answerer

    questions = [json.loads(l)["question"] for l in part("dev") + part("held")]
    answerer = Answerer(index)
    answerer.warm()
    for q in questions:  # warm: every document's facts read once
        answerer.ask(q)
    times = []
    for q in questions:
        start = time.perf_counter()
        answerer.ask(q)
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    print(f"{len(times)} questions, warm: p50 {statistics.median(times):.0f} ms, "
          f"p95 {times[int(0.95 * len(times)) - 1]:.0f} ms, max {times[-1]:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "index")
    parser.add_argument("--part", choices=("dev", "held", "both"), default="both")
    parser.add_argument("--show", type=int, default=40, help="development failures to print")
    parser.add_argument("--json", type=Path, help="write the development part's answers here")
    parser.add_argument("--latency", action="store_true", help="warm time per question instead of the scores")
    parser.add_argument("--questions", choices=tuple(SETS), default="bank",
                        help="the outside bank, or the later unseen set (benchmarks/unseen_questions.jsonl)")
    args = parser.parse_args()
    if args.latency:
        latency(args.index)
        return
    whole = {0: ("dev",), 1: ("held",)}.get(SETS[args.questions][1])
    parts = whole or (("dev", "held") if args.part == "both" else (args.part,))
    for name in parts:
        print(f"== {args.questions} {name} ({len(part(name, args.questions))} questions)")
        print(score(name, args.index, args.show, args.json if name == "dev" else None, args.questions))


if __name__ == "__main__":
    main()
