"""The app in a real browser: time from `streamlit run` to a page ready for questions (existing
index), time from asking to the answer's figure on screen, and a screenshot of each page for the
README (docs/).

    .venv/bin/python benchmarks/app.py [--index var/index] [--no-shots]

Drives Debian's Chromium through Playwright (scripts/install_chromium.sh installs it).
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# (question, text that shows its answer is on screen)
QUESTIONS = (
    ("泉州数字办2023年三公经费是多少？", "6.18万元"),
    ("普陀财政局2024年本年收入合计是多少？", "2,946.25万元"),
    ("晋城大数据局出差花了多少钱？", "万元"),
    ("智慧福州中心三公经费为什么比上年增加？", "公务用车支出增加"),
    ("哪个单位的公务接待费最多？", "共比较"),
    ("浔阳数经中心2022年的本年收入合计是多少？", "492.83万元"),
    ("晋江经信有哪些下属单位", "晋江市节能监测中心"),
    ("普陀规划资源局离退休一共花了多少？", "82.64万元"),
)


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "index")
    parser.add_argument("--no-shots", action="store_true")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, BUDGET_QA_INDEX=str(args.index), BUDGET_QA_REPORTS="")
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                               "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
                               "--server.fileWatcherType", "none"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1360, "height": 1100})
            page.goto(url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=180_000)
            page.get_by_text("可以这样问").wait_for(timeout=180_000)
            ready = time.perf_counter() - start
            print(f"app ready (server start to chat box): {ready:.1f} s")
            if not args.no_shots:
                page.screenshot(path=str(ROOT / "docs" / "chat-empty.png"))
            times = []
            messages = page.get_by_test_id("stChatMessage")
            for i, (question, shown) in enumerate(QUESTIONS):
                t = time.perf_counter()
                box.fill(question)
                box.press("Enter")
                deadline = time.time() + 60
                # the answer is on screen when the new assistant message shows its figure or words
                while time.time() < deadline and not (messages.count() >= 2 * (i + 1)
                                                      and shown in messages.nth(2 * i + 1).inner_text()):
                    page.wait_for_timeout(20)
                times.append(time.perf_counter() - t)
                print(f"  {times[-1]:.2f} s  {question}")
            times.sort()
            print(f"answer on screen: p50 {statistics.median(times):.2f} s, max {times[-1]:.2f} s ({len(times)} questions)")
            if not args.no_shots:
                page.get_by_test_id("stExpander").filter(has_text="第6页").first.get_by_text("出处：").click()
                page.wait_for_timeout(500)
                card = page.get_by_test_id("stExpander").filter(has_text="第6页").first
                card.get_by_text("显示原页").click()
                card.locator("img").wait_for(timeout=60_000)
                card.scroll_into_view_if_needed()
                page.screenshot(path=str(ROOT / "docs" / "chat-citation.png"))
                for name, label, marker in (("browser", "部门浏览", "标准表格"), ("checks", "勾稽核对", "核对规则"),
                                            ("library", "文档库", "上传报告")):
                    page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click()
                    page.get_by_text(marker).first.wait_for(timeout=120_000)
                    if name == "checks":  # one finding opened, with its cells
                        page.get_by_test_id("stExpander").filter(has_text="不一致").first.get_by_text("不一致").first.click()
                    page.wait_for_timeout(2500)  # the page finishes drawing
                    page.screenshot(path=str(ROOT / "docs" / f"{name}.png"), full_page=False)
                print("screenshots: docs/chat-empty.png, docs/chat-citation.png, docs/browser.png, docs/checks.png, "
                      "docs/library.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
