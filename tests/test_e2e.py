"""End to end in a real browser: `streamlit run app.py` on a free localhost port, Debian's
Chromium driven by Playwright (no browser download), a question asked, the figure and its
citation checked on the page, and a PDF citation opened on its page picture."""
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import REAL_REPORTS, ROOT, TEXTS

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PUTUO = next(p for p in REAL_REPORTS if "财政局" in p.name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(index: Path, reports: list[Path]):
    """`streamlit run app.py` on a free localhost port over that index and report folder, with the
    hashing embedder; yields its URL once it answers, stops it after."""
    port = _free_port()
    env = dict(os.environ, BUDGET_QA_INDEX=str(index), BUDGET_QA_REPORTS=os.pathsep.join(map(str, reports)),
               BUDGET_QA_MODEL="hashing")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise AssertionError(proc.stdout.read().decode("utf-8", "replace")[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@contextlib.contextmanager
def browser_page(url: str):
    """Debian's Chromium (never a downloaded browser) on the app's URL."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(url)
            yield page
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("e2e") / "index", [TEXTS[0], PUTUO]) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with browser_page(server) as page:
        yield page


def test_a_question_asked_in_the_browser_shows_the_figure_and_its_citation(page):
    box = page.get_by_test_id("stChatInputTextArea")
    expect(box).to_be_visible(timeout=120_000)  # the first start ingests the two reports
    box.fill("泉州数字办2023年三公经费是多少？")
    box.press("Enter")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("6.18万元", timeout=60_000)
    card = page.get_by_text("出处：000_d038eb9fb139e057.txt · 第366行", exact=False).first
    expect(card).to_be_visible()
    card.click()
    expect(page.get_by_text("6.18", exact=False).last).to_be_visible()


def test_a_pdf_citation_opens_its_page_with_the_cell_marked(page):
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("普陀财政局2024年本年收入合计是多少？")
    box.press("Enter")
    expect(page.get_by_text("2,946.25万元").first).to_be_visible(timeout=60_000)
    card = page.get_by_test_id("stExpander").filter(has_text="上海市普陀区财政局2024年度部门决算.pdf · 第6页").first
    card.get_by_text("出处：").click()
    toggle = card.locator("label").filter(has_text="显示原页")
    expect(toggle).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)  # the card has finished opening
    toggle.click()
    expect(card.get_by_role("switch", name="显示原页")).to_be_checked()
    expect(card.get_by_text("红框为所引单元格", exact=False)).to_be_visible(timeout=60_000)
    expect(card.locator("img")).to_be_visible()


def test_a_report_uploaded_in_the_library_is_ingested_and_listed(page):
    page.get_by_test_id("stSidebar").get_by_text("文档库", exact=True).click()
    expect(page.get_by_text("上传报告")).to_be_visible(timeout=60_000)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(TEXTS[4]))
    expect(page.get_by_test_id("stFileChip").first).to_be_visible(timeout=60_000)  # uploaded
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_text(f"已导入：{TEXTS[4].name}（九江市浔阳区数字经济发展中心 2023）")).to_be_visible(
        timeout=120_000)
    # and it is answered from at once
    page.get_by_test_id("stSidebar").get_by_text("对话", exact=True).click()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("浔阳数经中心2023年本年收入合计是多少？")
    box.press("Enter")
    expect(page.get_by_text("292.90万元").first).to_be_visible(timeout=60_000)


def _upload(page, path):
    page.get_by_test_id("stSidebar").get_by_text("文档库", exact=True).click()
    expect(page.get_by_text("上传报告")).to_be_visible(timeout=60_000)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    expect(page.get_by_test_id("stFileChip").first).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="导入").click()


def test_upload_states_the_real_limit_and_refuses_other_types_in_words(page, tmp_path):
    page.get_by_test_id("stSidebar").get_by_text("文档库", exact=True).click()
    expect(page.get_by_text("上传报告")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stFileUploaderDropzone")).to_contain_text("50")
    expect(page.get_by_test_id("stFileUploaderDropzone")).not_to_contain_text("200")
    docx = tmp_path / "报告.docx"
    docx.write_bytes(b"PK\x03\x04 not a report")
    _upload(page, docx)
    expect(page.get_by_text("只接受 PDF、TXT 或 Markdown 文件，不接受 .docx 文件", exact=False)).to_be_visible(timeout=60_000)


def test_an_upload_with_an_indexed_name_is_kept_beside_it_and_replaces_it_only_when_confirmed(page, tmp_path):
    same_name = tmp_path / TEXTS[0].name
    same_name.write_bytes(TEXTS[1].read_bytes())  # another department's report under 000's name
    _upload(page, same_name)
    expect(page.get_by_text("已有同名报告", exact=False).first).to_be_visible(timeout=120_000)
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    page.get_by_role("button", name=f"用新上传的").first.click()
    expect(page.get_by_text(f"确定用", exact=False).first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.get_by_text(f"已替换：{TEXTS[0].name}", exact=False)).to_be_visible(timeout=120_000)


def test_an_imported_line_shows_document_text_as_printed(page, tmp_path):
    marked = tmp_path / "__粗体__.txt"
    marked.write_bytes(TEXTS[3].read_bytes())
    _upload(page, marked)
    expect(page.get_by_text("已导入：__粗体__.txt", exact=False)).to_be_visible(timeout=120_000)
