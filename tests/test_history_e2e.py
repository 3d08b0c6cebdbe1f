"""The 历年 view in a real browser: `streamlit run app.py` over 江苏省人民检察院's real 2018 and 2019
budget PDFs and the synthetic 2018 决算 of tests/test_history.py, Debian's Chromium driven by
Playwright (tests/test_e2e.py's server and browser).  部门浏览 → the department → 历年: the budget's
and the final account's figures of one year side by side, each with its source, and the line
chart drawn."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_e2e import browser_page, serve
from test_history import BUDGET_2018, BUDGET_2019, DEPARTMENT, FINAL_NAME, write_final


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    return write_final(tmp_path_factory.mktemp("history_final"))


@pytest.fixture(scope="module")
def page(tmp_path_factory, final):
    with serve(tmp_path_factory.mktemp("history_e2e") / "index", [BUDGET_2018, BUDGET_2019, final]) as url:
        with browser_page(url) as page:
            yield page


def _line_of(path, *cells: str) -> int:
    """The line of the text report whose tab-separated cells include all of `cells`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if set(cells) <= set(line.split("\t")))


def test_the_history_tab_shows_budget_and_final_side_by_side_with_their_sources_and_a_chart(page, final):
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=180_000)  # the first start ingests
    page.get_by_test_id("stSidebar").get_by_text("部门浏览", exact=True).click()
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stChatInput")).to_have_count(0, timeout=60_000)  # the page's run is over
    chooser = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("部门", exact=True))
    chooser.get_by_role("button", name="Open").click()
    page.get_by_role("option", name=DEPARTMENT).first.click()
    expect(chooser.get_by_role("combobox")).to_have_value(DEPARTMENT)
    page.get_by_role("tab", name="历年").click()

    table = page.get_by_test_id("stTable")
    expect(table).to_be_visible(timeout=60_000)
    # 支出合计 of 2018: the budget's figure on its page, the final account's on its line
    row = table.locator("tr").filter(has_text="支出合计").filter(has_text="2018").first
    expect(row).to_contain_text("21,955.35")
    expect(row).to_contain_text(f"{BUDGET_2018.name}，收支预算总表（公开01表），第14页")
    expect(row).to_contain_text("1216.28")
    expect(row).to_contain_text(f"{FINAL_NAME}，收入支出决算总表（公开01表），第{_line_of(final, '本年支出合计', '1216.28')}行")
    # 2019 has only its budget: the 决算 side says so, no figure
    later = table.locator("tr").filter(has_text="支出合计").filter(has_text="2019").first
    expect(later).to_contain_text("24,169.74")
    expect(later).to_contain_text(BUDGET_2019.name)
    expect(later).to_contain_text("（无决算）")
    # a blank cell, a printed 0.00 and a table not printed, each as what it is
    expect(table.locator("tr").filter(has_text="项目支出").filter(has_text="2018").first).to_contain_text("（空白）")
    expect(table.locator("tr").filter(has_text="三公经费").filter(has_text="2018").first).to_contain_text("0.00")
    expect(table.locator("tr").filter(has_text="政府采购").filter(has_text="2018").first).to_contain_text("（未印此表）")

    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible(timeout=60_000)
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)


def test_a_year_with_both_offers_the_final_accounts_own_figures_and_tables(page):
    page.get_by_role("tab", name="当年").click()
    year = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("年度", exact=True))
    year.get_by_role("button", name="Open").click()
    page.get_by_role("option", name="2018").first.click()
    report = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("报告", exact=True))
    expect(report.get_by_role("combobox")).to_have_value(f"部门预算（{BUDGET_2018.name}）", timeout=60_000)
    report.get_by_role("button", name="Open").click()
    page.get_by_role("option", name=f"部门决算（{FINAL_NAME}）").first.click()
    expect(page.get_by_text(f"标准表格（{FINAL_NAME}）")).to_be_visible(timeout=60_000)
    total = page.get_by_test_id("stMetric").filter(has_text="支出合计")
    expect(total).to_contain_text("1216.28万元")
