"""The app under load in a real browser: time from asking to the answer's figure on screen with
several people asking at once, and whether a long conversation slows answers down.

    .venv/bin/python benchmarks/load.py [--index var/index] [--sessions 10] [--questions 5]
                                        [--long 40] [--timeout 30] [--json]

Starts `streamlit run app.py` on a free 127.0.0.1 port over an existing index (build it first with
`NO_APP=1 scripts/run.sh`; exit 2 when it is missing), with no report folder (nothing ingested),
and opens the page once so that the answerer and its model are loaded.  Then:

- part 1: --sessions browser contexts (one Debian Chromium, `scripts/install_chromium.sh`; no
  browser is downloaded) ask --questions questions each, all at once: p50 / p95 / max of the time
  from Enter to the new assistant message showing its figure (or its answer text, for a question
  answered "not found"), the time until the run has finished, and the errors (no answer within
  --timeout seconds, a Streamlit exception on the page, a crashed page);
- part 2: one session asks --long questions in a row; the answer times of the first 5 and the
  last 5 (the same five questions) and their ratio, mean(last 5) / mean(first 5) — aim ≤ 1.5.

Server memory is the VmRSS of the streamlit process and its children (/proc), after the warm-up
and after each part, with the main process's peak (VmHWM).  Chromium resolves only 127.0.0.1.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
QUESTIONS = ("泉州数字办2023年三公经费是多少？", "晋城大数据局差旅费是多少？", "普陀财政局2024年基本工资是多少？",
             "智慧福州中心2022年办公费是多少？", "浔阳数经中心2023年本年支出合计是多少？", "哪个单位的公务接待费最多？",
             "普陀财政局2024年本年收入合计是多少？", "晋江经信有哪些下属单位", "普陀规划资源局离退休一共花了多少？",
             "泉州数字办2023年公务接待费是多少？", "智慧福州中心三公经费为什么比上年增加？",
             "浔阳数经中心2022年的本年收入合计是多少？", "普陀规划资源局2024年项目支出是多少？")
# 'shown' once the last exchange on the page is this question's and its assistant message has its
# figure (st.metric) or, failing one, its text, not faded as stale (the app draws a bounded number
# of exchanges, so counting messages would not do); 'exception' when Streamlit shows one anywhere.
SHOWN = """q => { if (document.querySelector('[data-testid="stException"]')) return 'exception';
  const m = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (m.length < 2) return false;
  const user = m[m.length - 2], reply = m[m.length - 1];
  return user.innerText.includes(q) && !reply.closest('[data-stale="true"]') && !user.closest('[data-stale="true"]')
    && !!reply.querySelector('[data-testid="stMetricValue"], [data-testid="stMarkdownContainer"]') && 'shown'; }"""
# the run has finished: no running-status widget and no stale (faded) elements left
IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && !document.querySelector('[data-stale="true"]')"""


def status_kb(pid: int, field: str) -> int:
    try:
        return int(next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines()
                        if x.startswith(field + ":")).split()[1])
    except (OSError, StopIteration):
        return 0


def tree_rss_mb(pid: int) -> float:
    """VmRSS of pid and all its descendants, in MB."""
    pids, todo = set(), [pid]
    while todo:
        p = todo.pop()
        pids.add(p)
        try:  # Linux ≥ 3.5 lists each thread's children
            todo += [int(c) for t in Path(f"/proc/{p}/task").iterdir() for c in (t / "children").read_text().split()]
        except OSError:
            pass
    return sum(status_kb(p, "VmRSS") for p in pids) / 1024


def cpu_seconds(pid: int | None = None) -> float:
    """CPU seconds used so far by one process (user + system, all its threads) or, without a pid,
    by the whole machine (every core, from /proc/stat)."""
    if pid is None:
        fields = Path("/proc/stat").read_text().split("\n")[0].split()[1:]
        return (sum(map(int, fields)) - int(fields[3]) - int(fields[4])) / os.sysconf("SC_CLK_TCK")
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def spread(values: list[float]) -> dict:
    """p50 / p95 (nearest rank) / max, None when there are none."""
    v = sorted(values)
    return {k: v[max(0, math.ceil(q * len(v)) - 1)] if v else None for k, q in (("p50", .5), ("p95", .95), ("max", 1))}


class Session:
    """One browser context with the chat page open; asks and times questions."""

    def __init__(self, browser, url: str, timeout: float):
        self.browser, self.url, self.timeout, self.broken, self.page = browser, url, timeout, False, None

    async def open(self) -> None:
        if self.page is not None:
            await self.page.context.close()
        context = await self.browser.new_context(viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(self.timeout * 1000)
        self.page, self.asked, self.crashed = await context.new_page(), 0, False
        self.page.on("crash", lambda _: setattr(self, "crashed", True))
        await self.page.goto(self.url, timeout=180_000)
        await self.page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
        await self.page.wait_for_function(IDLE, timeout=180_000, polling=100)

    async def ask(self, question: str) -> tuple[float | None, float | None, str | None]:
        """(seconds to the figure, seconds to the run's end, error or None)."""
        if self.broken:
            return None, None, "abandoned"
        try:
            box = self.page.get_by_test_id("stChatInputTextArea")
            await box.fill(question)
            start = time.perf_counter()
            await box.press("Enter")
            self.asked += 1
            state = await (await self.page.wait_for_function(SHOWN, arg=question, timeout=self.timeout * 1000,
                                                             polling=25)).json_value()
            shown = time.perf_counter() - start
            if state != "exception":  # then the run's end, within the same timeout
                await self.page.wait_for_function(IDLE, timeout=max(1.0, self.timeout - shown) * 1000, polling=25)
            if state == "exception" or await self.page.locator('[data-testid="stException"]').count():
                kind = "exception"
            else:
                return shown, time.perf_counter() - start, None
        except Exception as e:  # noqa: BLE001 - a benchmark counts errors, it does not stop at one
            kind = "crash" if self.crashed else "timeout" if "Timeout" in type(e).__name__ else type(e).__name__
        try:  # a fresh session for the next question
            await self.open()
        except Exception:  # noqa: BLE001
            self.broken, kind = True, kind + "+reopen-failed"
        return None, None, kind


async def run(url: str, args, pid: int) -> dict:
    from playwright.async_api import async_playwright

    memory = {"at start": tree_rss_mb(pid)}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        await (warm := Session(browser, url, 180)).open()  # the first page load loads the store and the model
        await warm.page.context.close()
        memory["after warm-up"] = tree_rss_mb(pid)

        sessions = [Session(browser, url, args.timeout) for _ in range(args.sessions)]
        barrier = asyncio.Barrier(max(1, len(sessions)))

        async def one(n: int, session: Session) -> list[tuple]:
            try:
                await session.open()
            except Exception:  # noqa: BLE001 - counted: its questions are "abandoned"
                session.broken = True
            await barrier.wait()  # all start asking together
            cpu.setdefault("start", (time.perf_counter(), cpu_seconds(pid), cpu_seconds()))
            return [await session.ask(QUESTIONS[(n * args.questions + j) % len(QUESTIONS)])
                    for j in range(args.questions)]

        cpu: dict = {}
        results = [r for rs in await asyncio.gather(*(one(n, s) for n, s in enumerate(sessions))) for r in rs]
        wall, server, machine = (b - a for a, b in zip(cpu["start"], (time.perf_counter(), cpu_seconds(pid),
                                                                       cpu_seconds())))
        for s in sessions:
            if s.page is not None:
                await s.page.context.close()
        memory["after part 1"] = tree_rss_mb(pid)

        long = Session(browser, url, args.timeout)
        await long.open()
        order = [QUESTIONS[i % len(QUESTIONS)] for i in range(max(0, args.long - 5))] + \
            list(QUESTIONS[:min(5, args.long)])  # the last five are the first five again
        series = [await long.ask(q) for q in order]
        await long.page.context.close()
        memory["after part 2"] = tree_rss_mb(pid)
        await browser.close()
    memory["peak (main process VmHWM)"] = status_kb(pid, "VmHWM") / 1024

    def ratio(times: list) -> float | None:
        first, last = times[:5], times[-5:]
        return statistics.mean(last) / statistics.mean(first) if times and None not in first + last else None

    ok = [r for r in results if r[2] is None]
    return {
        "sessions": args.sessions, "questions_per_session": args.questions, "answers": len(ok),
        "errors": len(results) - len(ok), "error_kinds": dict(Counter(r[2] for r in results if r[2])),
        "figure_s": spread([r[0] for r in ok]), "run_done_s": spread([r[1] for r in ok]), "memory_mb": memory,
        "part1_cpu_s": {"wall": round(wall, 1), "server": round(server, 1), "machine": round(machine, 1)},
        "long": {"questions": len(series), "errors": sum(1 for r in series if r[2]),
                 "error_kinds": dict(Counter(r[2] for r in series if r[2])),
                 "first5_s": [r[0] for r in series[:5]], "last5_s": [r[0] for r in series[-5:]],
                 "ratio": ratio([r[0] for r in series]), "run_done_ratio": ratio([r[1] for r in series])},
    }


def report(r: dict) -> None:
    lg = r["long"]
    s = lambda t: "—" if t is None else f"{t:.2f}"  # noqa: E731
    spread_ = lambda d: ", ".join(f"{k} {s(v)} s" for k, v in d.items())  # noqa: E731
    print(f"part 1: {r['sessions']} sessions × {r['questions_per_session']} questions at once, {r['answers']} answers")
    print(f"  time to figure: {spread_(r['figure_s'])}\n  time to run end: {spread_(r['run_done_s'])}")
    print(f"  errors: {r['errors']}" + (f" {r['error_kinds']}" if r["error_kinds"] else ""))
    c = r["part1_cpu_s"]
    print(f"  CPU over {c['wall']} s: server {c['server']} s, whole machine {c['machine']} s (2 cores: at most {2 * c['wall']:.0f} s)")
    print(f"part 2: one session, {lg['questions']} questions in a row, errors: {lg['errors']}"
          + (f" {lg['error_kinds']}" if lg["error_kinds"] else ""))
    print(f"  first 5: {', '.join(map(s, lg['first5_s']))} s; last 5: {', '.join(map(s, lg['last5_s']))} s")
    print(f"  ratio last/first: {s(lg['ratio'])} (aim ≤ 1.5); to run end: {s(lg['run_done_ratio'])}")
    print("server memory (streamlit + children): " + "; ".join(f"{k} {v:.0f} MB" for k, v in r["memory_mb"].items()))


def _healthy(opener, url: str) -> bool:
    try:
        return opener.open(url + "/_stcore/health", timeout=2).read() == b"ok"
    except OSError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "index")
    for flag, default in (("--sessions", 10), ("--questions", 5), ("--long", 40)):
        parser.add_argument(flag, type=int, default=default)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for one answer")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    args.index = args.index.resolve()
    if not ((args.index / "store.sqlite").exists() and (args.index / "search_manifest.json").exists()):
        print(f"no built index at {args.index}; build it with: NO_APP=1 scripts/run.sh", file=sys.stderr)
        return 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tempfile.TemporaryFile()
    env = dict(os.environ, BUDGET_QA_INDEX=str(args.index), BUDGET_QA_REPORTS="")
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                               "true", "--server.port", str(port), "--server.address", "127.0.0.1",
                               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url, local = f"http://127.0.0.1:{port}", urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        deadline = time.time() + 120
        while not _healthy(local, url):
            if time.time() > deadline or server.poll() is not None:
                log.seek(0)
                print("the server did not start:\n" + log.read().decode("utf-8", "replace")[-2000:], file=sys.stderr)
                return 1
            time.sleep(0.3)
        print(f"server at {url}", flush=True)
        result = asyncio.run(run(url, args, server.pid))
        report(result)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
