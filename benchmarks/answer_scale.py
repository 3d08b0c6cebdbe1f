"""Does the cost of a question grow with the corpus?  The same questions on indexes of 13, 200
and 1,000 documents.

    .venv/bin/python benchmarks/answer_scale.py [--sizes 13,200,1000] [--work DIR] [--no-search]
                                                [--profile] [--json] [--skip-kind KIND] [--corpus DIR]

Each index holds the five text reports of `../shared/corpus/text` and N − 5 generated reports:
the consistent synthetic report (`tests/synthetic_report.py`) with its department renamed
(f"{city}市{thing}局", every one distinct), its year set to one of 2019–2024 and its project
renamed, so that every file is a distinct document (distinct sha256, department and year; the
store keeps one document per content).  Ingested with `ingest.ingest_paths`, the search index
built with the `hashing` embedder (no model) unless `--no-search`.

A fixed list of questions about the five real reports (figures, everyday words, the narrative,
computations, lists, comparisons across all departments, not found, ambiguous) is asked through
`answer.Answerer(folder).ask` once as a warm-up, then again, timed.  Printed per size: ingest and
search build time, size on disk, Answerer load time, latency p50 / p95 / max of the first and the
warm pass, median per kind, the slowest three questions, peak memory, and how many answers differ
from the smallest index's.  Each size runs in its own process (`--_one`), so that caches and
memory of one size do not reach the next.  `--profile` profiles a third pass of every size and
prints the slowest size's top 15 functions by cumulative (and by own) time: the scans that grow
with the number of documents.  `--work DIR` keeps the indexes (and reuses a store that already
holds N documents, refreshing its search index); otherwise they live in a temporary folder.
Ingest and search build print their progress on stderr.

The first asking of a question works out the reconciliation findings of each document its figures
cite, once per process; a comparison across all departments does so for every document, which at
1,000 documents can take far longer than the rest of the run (`--skip-kind "compare all"` leaves
it out).  `--corpus DIR` names another folder of real text reports, e.g. when this file is run
from a snapshot of the project (`git archive HEAD`) while the working tree is being edited.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CORPUS_TEXT = ROOT.parent / "shared" / "corpus" / "text"
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
# Made-up places and neutral kinds of bureau: no character run that names a real report's
# department (泉州, 晋城, 福州, 晋江, 浔阳, 数字, 大数据, 经信) and no word that names a row or a table
# (教育, 卫生健康, 住房, 交通运输, 社会保障 …), so the real questions keep their answers as the corpus grows.
CITIES = ("青岚", "云溪", "白鹭", "松涛", "枫林", "桐川", "柳湾", "梅岭", "竹溪", "兰亭", "荷塘", "杏坛", "桃源", "石门",
          "金沙", "银滩", "玉屏", "翠峰", "碧水", "丹霞", "紫荆", "黛山", "墨河", "雪松", "霞浦", "雁栖", "鹤鸣", "鹿原",
          "龙湾", "凤岗", "苍梧", "沅陵", "澧兰", "汨水", "湘滨", "岷川", "渭南", "泾河", "涟源", "嵩岳")
THINGS = ("水利", "林业", "体育", "商务", "档案", "气象", "审计", "民政", "司法", "信访", "园林", "人民防空", "地震",
          "侨务", "民族宗教事务", "外事", "粮食", "邮政管理", "港航", "口岸", "文物", "测绘", "机关事务管理", "城市管理",
          "应急管理", "市场监督管理", "生态环境", "退役军人事务", "乡村振兴", "知识产权")

# (kind, question, expected status, expected first figure as printed, or None when any answer will do)
QUESTIONS: tuple[tuple[str, str, str, str | None], ...] = (
    ("figure", "泉州数字办2023年一般公共预算财政拨款收入是多少？", "answered", "4074.90"),
    ("figure", "泉州数字办的项目支出是多少？", "answered", "5635.89"),
    ("figure", "泉州数字办行政运行（2150501）支出是多少？", "answered", "300.37"),
    ("figure", "晋城大数据局2023年本年收入合计是多少？", "answered", "7,176.23"),
    ("figure", "晋城大数据局基本工资是多少？", "answered", "73.44"),
    ("figure", "晋城大数据局其他交通费用多少？", "answered", "10.65"),
    ("figure", "晋城大数据局公开10表里政府采购合计多少？", "answered", "207.70"),
    ("figure", "智慧福州中心2022年事业收入多少？", "answered", "487.00"),
    ("figure", "智慧福州中心发了多少奖金", "answered", "273.20"),
    ("figure", "智慧福州中心年末结转和结余是多少？", "answered", "518.37"),
    ("figure", "晋江经信2018年财政拨款收入多少？", "answered", "32,071.59"),
    ("figure", "晋江经信奖励金发了多少？", "answered", "572.21"),
    ("figure", "浔阳数经中心一般公共服务支出多少？", "answered", "261.26"),
    ("figure", "浔阳数经中心项目支出多少", "answered", "191.53"),
    ("everyday", "泉州数字办一年出差花了多少钱？", "answered", "4.64"),
    ("everyday", "晋城大数据局出差费用是多少？", "answered", "0.65"),
    ("everyday", "智慧福州中心公车开支一年多少？", "answered", "2.42"),
    ("everyday", "晋江经信请客接待用了多少钱", "answered", "2.05"),
    ("everyday", "智慧福州中心一年采购花了多少钱？", "answered", "4655.28"),
    ("narrative", "泉州数字办三公经费完成了全年预算的百分之几？", "answered", "69.44"),
    ("narrative", "泉州数字办2023年一共接待了多少批次？", "answered", "19"),
    ("narrative", "智慧福州中心三公经费为什么比上年增加？", "answered", None),
    ("narrative", "晋江市经济和信息化局在职多少人？", "answered", "12"),
    ("compute", "泉州数字办因公出国费占三公经费的比例是多少？", "answered", "66.99"),
    ("compute", "泉州数字办2022年的三公经费是多少？", "answered", "1.65"),
    ("list", "晋城大数据局自评为“差”的项目有哪些？", "answered", None),
    ("list", "泉州数字办的决算包括哪些单位？", "answered", None),
    ("compare", "2023年泉州数字办和晋城大数据局谁的本年支出合计更多？", "answered", "7,176.23"),
    ("compare", "这五个单位（泉州数字办、晋城大数据局、智慧福州中心、晋江经信、浔阳数经中心）哪个政府采购支出最多？",
     "answered", "4655.28"),
    ("compare all", "哪个单位的差旅费最高", "answered", "8.48"),
    ("not found", "泉州数字办2021年的三公经费是多少？", "not_found", None),
    ("not found", "厦门市大数据管理局2023年三公经费是多少？", "not_found", None),
    ("not found", "泉州数字办主任一年工资多少？", "not_found", None),
    ("not found", "泉州数字办2023年年底的政府债务余额？", "not_found", None),
    ("ambiguous", "2023年的三公经费是多少？", "ambiguous", None),
)


# --- the corpus ---------------------------------------------------------------------------

def generated_department(i: int) -> tuple[str, int]:
    """The i-th generated report's department and year: every department distinct."""
    if i >= len(CITIES) * len(THINGS):
        raise ValueError(f"only {len(CITIES) * len(THINGS)} distinct generated departments, asked for the {i + 1}th")
    city, thing = CITIES[i % len(CITIES)], THINGS[i // len(CITIES)]
    return f"{city}市{thing}局", YEARS[i % len(YEARS)]


def generated_text(i: int) -> str:
    """The synthetic report under the i-th department, year and project name (post-processed:
    tests/synthetic_report.py prints one department, 2023 and one project)."""
    from synthetic_report import DEPARTMENT, YEAR, report_text

    department, year = generated_department(i)
    thing = department.split("市", 1)[1].removesuffix("局")
    text = report_text().replace(DEPARTMENT, department).replace("数据资源平台运维项目", f"{thing}业务平台运维项目")
    return re.sub(rf"{YEAR}(?=\s*年)", str(year), text)


def write_generated(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"gen_{i:04d}.txt"
        if not path.exists():
            path.write_text(generated_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def real_reports() -> list[Path]:
    found = sorted(CORPUS_TEXT.glob("*.txt"))
    if not found:
        raise SystemExit(f"no text reports in {CORPUS_TEXT} (--corpus)")
    return found


def disk_bytes(folder: Path) -> dict[str, int]:
    files = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
    return {"store": sum(v for k, v in files.items() if k.startswith("store.sqlite")),
            "search": sum(v for k, v in files.items() if k.startswith(("search.sqlite", "dense.faiss"))),
            "total": sum(files.values())}


def build(folder: Path, reports: Path, n: int, search: bool) -> dict:
    """The index of n documents in folder; a store that already holds them is reused, and its
    search index refreshed (a no-op when it is up to date, the rest of an interrupted build)."""
    from index.store import Store

    real = real_reports()
    if n < len(real):
        raise SystemExit(f"--sizes: at least {len(real)} documents (the real text reports)")
    out: dict = {"reused": False}
    if (folder / "store.sqlite").exists():
        with Store(folder, readonly=True) as store:
            have = len(store.documents())
        if have == n:
            out["reused"] = True
        else:
            shutil.rmtree(folder)
    if not out["reused"]:
        start = time.perf_counter()
        paths = real + write_generated(reports, n - len(real))
        out["generate_s"] = time.perf_counter() - start

        from ingest import ingest_paths

        start = time.perf_counter()

        def progress(i: int, total: int, result) -> None:
            if i % 100 == 0 or i == total:
                print(f"  [{n}] ingested {i}/{total} files, {time.perf_counter() - start:.0f} s", file=sys.stderr,
                      flush=True)
        with Store(folder) as store:
            results = ingest_paths(paths, store, progress=progress)
            documents = len(store.documents())
        out["ingest_s"] = time.perf_counter() - start
        failed = [r.message for r in results if not r.ok or r.skipped]
        if failed or documents != n:
            raise SystemExit(f"{n} files gave {documents} documents: " + "; ".join(failed[:5]))
    if search:
        from index.indexing import refresh_search

        start = time.perf_counter()
        print(f"  [{n}] building the search index (hashing embedder)", file=sys.stderr, flush=True)
        stats = refresh_search(folder, "hashing")
        out["search_s"] = time.perf_counter() - start
        out["units"] = stats["units"]
    return out


# --- one size, in its own process -----------------------------------------------------------

def _signature(result: dict) -> tuple:
    """What must not change when the corpus grows: status, kind and the first figure."""
    fig = (result.get("figures") or [{}])[0]
    return (result["status"], result.get("kind"), fig.get("value"), (fig.get("source") or {}).get("document"))


def _correct(result: dict, status: str, value: str | None) -> bool:
    if result["status"] != status:
        return False
    if status != "answered":
        return not result.get("figures") or status == "ambiguous"
    if value is None:  # any answer: a quoted reason may come without a figure
        return True
    return bool(result.get("figures")) and result["figures"][0]["value"] == value


class _Stopwatch:
    """Time spent inside one callable, added up until read (`take`)."""

    def __init__(self, fn):
        self.fn, self.ms = fn, 0.0

    def __call__(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.ms += (time.perf_counter() - start) * 1000

    def take(self) -> float:
        ms, self.ms = self.ms, 0.0
        return ms


def _watch(answerer) -> dict[str, _Stopwatch]:
    """Stopwatches on the answerer's passage search and its reconciliation findings (instance
    attributes over the methods: `ask` reads both through `self`)."""
    watches = {"checks": _Stopwatch(answerer.findings)}
    answerer.findings = watches["checks"]
    if answerer.searcher is not None:
        watches["search"] = _Stopwatch(answerer.searcher.search)
        answerer.searcher.search = watches["search"]
    return watches


def _pass(answerer, questions, watches=None) -> tuple[list[float], list[dict], list[dict]]:
    times, results, parts = [], [], []
    for _, question, _, _ in questions:
        for w in (watches or {}).values():
            w.take()
        start = time.perf_counter()
        results.append(answerer.ask(question))
        times.append((time.perf_counter() - start) * 1000)
        parts.append({name: w.take() for name, w in (watches or {}).items()})
    return times, results, parts


def _latency(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"p50_ms": statistics.median(ordered), "p95_ms": ordered[round(0.95 * (len(ordered) - 1))],
            "max_ms": ordered[-1], "sum_ms": sum(ordered)}


def measure_one(n: int, folder: Path, reports: Path, search: bool, profile: bool, questions=QUESTIONS) -> dict:
    import gc

    out = {"documents": n}
    out.update(build(folder, reports, n, search))
    out["disk"] = disk_bytes(folder)
    from index.store import Store

    with Store(folder, readonly=True) as store:
        stats = store.stats()
        out["facts"], out["passages"] = stats["facts"], stats["passages"]

    from answer import Answerer

    start = time.perf_counter()
    answerer = Answerer(folder, search=search)
    out["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    answerer.warm()
    out["warm_s"] = time.perf_counter() - start
    out["search_problem"] = answerer.search_problem

    watches = _watch(answerer)
    first, _, first_parts = _pass(answerer, questions, watches)  # the warm-up pass: each question's first asking
    gc.collect()
    times, results, parts = _pass(answerer, questions, watches)
    out["first"] = _latency(first)
    out["warm"] = _latency(times)
    out["warm_without_search"] = _latency([t - p.get("search", 0.0) for t, p in zip(times, parts)])
    out["questions"] = [{"kind": k, "question": q, "first_ms": f, "warm_ms": t, "first_parts_ms": fp,
                         "warm_parts_ms": wp, "status": r["status"], "answer": r["answer"][:120],
                         "correct": _correct(r, status, value), "signature": list(_signature(r))}
                        for (k, q, status, value), f, t, fp, wp, r
                        in zip(questions, first, times, first_parts, parts, results)]
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        _pass(answerer, questions)
        profiler.disable()
        out["profile"] = str(folder / f"answer_loop{'' if search else '_nosearch'}.pstats")
        profiler.dump_stats(out["profile"])
    answerer.close()
    return out


# --- the report -----------------------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def print_size(r: dict, baseline: dict | None) -> None:
    build_ = "store reused" if r["reused"] else f"ingested in {r['ingest_s']:.1f} s"
    print(f"\n{r['documents']} documents — {r['facts']:,} facts, {r['passages']:,} passages; {build_}")
    print(f"  on disk: store {_mb(r['disk']['store'])}, search {_mb(r['disk']['search'])}, "
          f"total {_mb(r['disk']['total'])}")
    if r.get("search_s"):
        print(f"  search index: {r['units']:,} units, {'refreshed' if r['reused'] else 'built'} in {r['search_s']:.1f} s")
    print(f"  Answerer: load {r['load_s']:.2f} s, warm() {r['warm_s']:.2f} s; peak RSS {r['rss_mb']:.0f} MB"
          + (f"; search off: {r['search_problem']}" if r["search_problem"] else ""))
    rows = [("first pass", r["first"]), ("warm pass", r["warm"])]
    if any(q["warm_parts_ms"].get("search") for q in r["questions"]):
        rows.append(("warm, less search", r["warm_without_search"]))
    for name, lat in rows:
        print(f"  {name:17s} p50 {lat['p50_ms']:7.1f} ms  p95 {lat['p95_ms']:7.1f} ms  "
              f"max {lat['max_ms']:8.1f} ms  ({len(r['questions'])} questions, {lat['sum_ms'] / 1000:.2f} s)")
    kinds: dict[str, list[float]] = {}
    for q in r["questions"]:
        kinds.setdefault(q["kind"], []).append(q["warm_ms"])
    print("  warm median per kind: " + ", ".join(f"{k} {statistics.median(v):.0f} ms" for k, v in kinds.items()))
    search_ms = [q["warm_parts_ms"].get("search", 0.0) for q in r["questions"]]
    checks_ms = [q["first_parts_ms"].get("checks", 0.0) for q in r["questions"]]
    print(f"  passage search: {sum(search_ms) / max(1, sum(q['warm_ms'] for q in r['questions'])):.0%} of the warm "
          f"pass (median {statistics.median(search_ms):.0f} ms a question); reconciliation findings worked out in "
          f"the first pass: {sum(checks_ms) / 1000:.1f} s")

    def parts(q, key):
        p = {k: v for k, v in q[key].items() if v >= 1}
        return (" (" + ", ".join(f"{k} {v:.0f}" for k, v in p.items()) + ")") if p else ""
    for name, key in (("first", "first_ms"), ("warm", "warm_ms")):
        slow = sorted(r["questions"], key=lambda q: -q[key])[:3]
        print(f"  slowest ({name}): " + "; ".join(f"{q[key]:.0f} ms{parts(q, key.replace('_ms', '_parts_ms'))} "
                                                  f"{q['question']}" for q in slow))
    correct = sum(q["correct"] for q in r["questions"])
    print(f"  as expected: {correct}/{len(r['questions'])}")
    for q in r["questions"]:
        if not q["correct"]:
            print(f"    not as expected: [{q['kind']}] {q['question']} → {q['status']}: {q['answer'][:80]}")
    if baseline is not None and baseline is not r:
        before = {q["question"]: q for q in baseline["questions"]}
        changed = [(before[q["question"]], q) for q in r["questions"]
                   if q["question"] in before and before[q["question"]]["signature"] != q["signature"]]
        print(f"  answers that differ from {baseline['documents']} documents: {len(changed)}")
        for b, q in changed:
            print(f"    {q['question']}: {b['signature'][:3]} → {q['signature'][:3]}")


def print_profile(path: str, documents: int) -> None:
    import io
    import pstats

    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(path, stream=buf).sort_stats(key).print_stats(15)
        text = buf.getvalue().replace(str(ROOT) + "/", "")
        for prefix in sorted({p for p in sys.path if p.endswith("-packages")}, key=len, reverse=True):
            text = text.replace(prefix + "/", "")
        body = text[text.find("   ncalls"):] if "   ncalls" in text else text
        print(f"\nprofile of the question loop at {documents} documents, top 15 by {key} time:")
        print(body.rstrip())


def main() -> None:
    global CORPUS_TEXT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="13,200,1000", help="numbers of documents, comma-separated")
    parser.add_argument("--work", type=Path, help="keep the indexes here (reused when they hold N documents)")
    parser.add_argument("--no-search", action="store_true", help="no search index: answers without passages")
    parser.add_argument("--profile", action="store_true", help="cProfile the question loop of the slowest size")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    parser.add_argument("--skip-kind", action="append", default=[], metavar="KIND",
                        help="leave out the questions of this kind (e.g. 'compare all'); repeatable")
    parser.add_argument("--corpus", type=Path, default=CORPUS_TEXT, help="the folder of the real text reports")
    parser.add_argument("--_one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    search = not args.no_search
    kinds = {k for k, *_ in QUESTIONS}
    if set(args.skip_kind) - kinds:
        parser.error(f"--skip-kind: unknown {sorted(set(args.skip_kind) - kinds)}; the kinds are {sorted(kinds)}")
    questions = tuple(q for q in QUESTIONS if q[0] not in args.skip_kind)
    CORPUS_TEXT = args.corpus.resolve()

    if args._one is not None:  # one size, in a process of its own; the result as JSON on the last line
        folder = args.work / f"n{args._one}"
        result = measure_one(args._one, folder, args.work / "generated", search, args.profile, questions)
        print(json.dumps(result, ensure_ascii=False))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="answer_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"answer latency against corpus size: {len(questions)} questions, sizes {sizes}, "
          f"search {'hashing' if search else 'off'}, {os.cpu_count()} cores; work folder {work}")
    results = []
    try:
        for n in sizes:
            cmd = [sys.executable, str(Path(__file__).resolve()), "--_one", str(n), "--work", str(work),
                   "--corpus", str(CORPUS_TEXT)]
            cmd += (["--no-search"] if not search else []) + (["--profile"] if args.profile else [])
            cmd += [f"--skip-kind={k}" for k in args.skip_kind]
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"size {n} failed (exit {proc.returncode})")
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result["wall_s"] = time.perf_counter() - start
            results.append(result)
            print_size(result, results[0])
            print(f"  wall time for this size: {result['wall_s']:.0f} s")
            sys.stdout.flush()
        print("\nsummary (warm pass):")
        print("| documents | ingest s | search build s | disk MB | load s | p50 ms | p95 ms | max ms | p50 / p95 less search |")
        print("|---|---|---|---|---|---|---|---|---|")

        def secs(r, key):
            return f"{r[key]:.1f}" if key in r else "—"
        for r in results:
            print(f"| {r['documents']:,} | {secs(r, 'ingest_s')} | {secs(r, 'search_s')} | "
                  f"{r['disk']['total'] / 1e6:.0f} | {r['load_s']:.2f} | {r['warm']['p50_ms']:.0f} | "
                  f"{r['warm']['p95_ms']:.0f} | {r['warm']['max_ms']:.0f} | "
                  f"{r['warm_without_search']['p50_ms']:.0f} / {r['warm_without_search']['p95_ms']:.0f} |")
        if args.profile:
            slowest = max(results, key=lambda r: r["warm"]["sum_ms"])
            print_profile(slowest["profile"], slowest["documents"])
        if args.json:
            print(json.dumps(results, ensure_ascii=False, indent=1))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
