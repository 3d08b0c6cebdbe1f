"""The Streamlit app through streamlit.testing: each page on an index the app builds itself from
real reports (the hashing embedder keeps the test free of the model), as a user would use it."""
import os

import pytest
from streamlit.testing.v1 import AppTest

from conftest import REAL_REPORTS, ROOT, TEXTS

PUTUO = next(p for p in REAL_REPORTS if "财政局" in p.name)


@pytest.fixture(scope="module")
def app_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("app") / "index"
    env = {"BUDGET_QA_INDEX": str(folder), "BUDGET_QA_REPORTS": os.pathsep.join(map(str, [TEXTS[0], TEXTS[2], PUTUO])),
           "BUDGET_QA_MODEL": "hashing"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield folder
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _app():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_first_start_ingests_the_report_folder_then_answers_with_the_figure_and_its_source(app_env):
    at = _app()
    assert (app_env / "store.sqlite").exists() and (app_env / "search.sqlite").exists()
    at.chat_input[0].set_value("泉州数字办2023年三公经费是多少？").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["6.18万元"]
    cards = [e.label.replace("\\", "") for e in at.expander]  # labels are markdown-escaped document text
    assert any(TEXTS[0].name in c and "第366行" in c and "合计" in c and "决算数" in c for c in cards)
    # the passage is shown as text with the figure marked, not as HTML
    assert any("**6\\.18**" in m.value for m in at.markdown)


def test_example_questions_and_ambiguous_options_are_clickable(app_env):
    at = _app()
    assert at.button and at.button[0].label.endswith("？")
    at.button[0].click().run()
    assert at.metric, "an example question is answered"
    at = _app()
    at.chat_input[0].set_value("三公经费是多少？").run()
    options = [b for b in at.button if "泉州" in b.label]
    assert options, [b.label for b in at.button]
    options[0].click().run()
    assert "6.18万元" in [m.value for m in at.metric]


def test_junk_gets_not_understood_with_example_questions_to_click(app_env):
    at = _app()
    at.chat_input[0].set_value("SELECT * FROM facts; 😀").run()
    assert not at.exception
    assert any("没有看懂" in m.value for m in at.markdown)
    assert not [b for b in at.button if "泉州市数字泉州建设办公室" == b.label]  # no department buttons
    examples = [b for b in at.button if b.label.endswith("？") and b.key and b.key.startswith("ex-")]
    assert 2 <= len(examples) <= 3
    examples[0].click().run()
    assert at.metric, "the example is answered"


def test_earlier_answers_are_drawn_cheaply_and_open_on_request(app_env):
    at = _app()
    for question in ("泉州数字办2023年三公经费是多少？", "智慧福州中心2022年办公费是多少？", "泉州数字办2023年差旅费是多少？"):
        at.chat_input[0].set_value(question).run()
        assert not at.exception
    assert len(at.metric) == 1  # only the latest answer is drawn in full
    cards = [e for e in at.expander if e.label.startswith("出处")]
    assert cards and all("000_d038eb9fb139e057" in c.label.replace("\\", "") for c in cards)
    assert any("6\\.18" in m.value for m in at.markdown)  # the first answer's figure is still shown
    toggles = [t for t in at.toggle if t.label == "显示出处和详情"]
    assert len(toggles) == 2
    toggles[0].set_value(True).run()
    assert len(at.metric) == 2 and "6.18万元" in [m.value for m in at.metric]


def test_a_comparison_is_shown_as_a_table(app_env):
    at = _app()
    at.chat_input[0].set_value("哪个单位的公务接待费最多？").run()
    assert not at.exception
    assert at.dataframe and len(at.dataframe[0].value) >= 2


def test_items_of_one_department_ranked_are_tabled_by_item(app_env):
    at = _app()
    at.chat_input[0].set_value("泉州数字办基本支出里的差旅费、培训费、会议费，按金额从高到低排一下").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "项目" in table.columns and len(set(table["项目"])) == len(table) >= 2


def test_browser_page_shows_key_figures_and_the_printed_tables(app_env):
    at = _app()
    at.sidebar.radio[0].set_value("部门浏览").run()
    assert not at.exception, [e.value for e in at.exception]
    department = at.selectbox[0].value
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) >= {"收入合计", "支出合计", "基本支出", "项目支出", "三公经费", "政府采购", "在职人员"}
    assert sum(v != "—" for v in metrics.values()) >= 4, (department, metrics)
    assert len(at.dataframe) >= 5
    labels = [b.label for b in at.get("download_button")]
    assert "下载全部表格（Excel）" in labels and labels.count("下载 CSV") >= 5
    # several departments side by side, with a chart
    tables = len(at.dataframe)
    names = at.multiselect[0].options
    at.multiselect[0].set_value(names[:2]).run()
    assert not at.exception
    side = at.dataframe[tables].value
    assert list(side.columns) == sorted(names[:2]) and "收入合计" in side.index
    assert at.get("arrow_bar_chart") or at.get("vega_lite_chart")


def test_checks_page_gives_each_document_a_badge_and_lists_its_findings(app_env):
    at = _app()
    at.sidebar.radio[0].set_value("勾稽核对").run()
    assert not at.exception, [e.value for e in at.exception]
    badges = at.dataframe[0].value
    assert sorted(badges["文件"]) == sorted([TEXTS[0].name, TEXTS[2].name, PUTUO.name])
    row = badges[badges["文件"] == TEXTS[0].name].iloc[0]
    assert row["不一致"] >= 1 and row["尾数差异"] >= 1
    at.selectbox[0].set_value(TEXTS[0].name).run()
    labels = [e.label.replace("\\", "") for e in at.expander]
    assert any("不一致" in label and "5139" in label for label in labels), labels
    cells = [d.value for d in at.dataframe[1:]]
    assert any({"5139.69", "4639.69"} <= set(frame["印出的数字"]) for frame in cells)


def test_an_answer_whose_figure_is_involved_carries_the_finding(app_env):
    at = _app()
    at.chat_input[0].set_value("泉州数字办2023年本年支出合计是多少？").run()
    assert not at.exception
    assert any("尾数差异" in w.value for w in at.warning)
    assert any("尾数差异" in e.label for e in at.expander)


def test_library_lists_documents_and_removes_one_only_after_confirmation_and_can_undo(app_env):
    at = _app()
    at.sidebar.radio[0].set_value("文档库").run()
    assert not at.exception
    names = list(at.dataframe[0].value["文件"])
    assert sorted(names) == sorted([TEXTS[0].name, TEXTS[2].name, PUTUO.name])
    at.selectbox[0].set_value(TEXTS[2].name)
    next(b for b in at.button if b.label == "删除").click().run()
    assert not at.exception
    assert any("确定删除" in w.value for w in at.warning)  # asked first: nothing removed yet
    assert TEXTS[2].name in list(at.dataframe[0].value["文件"])
    next(b for b in at.button if b.label == "取消").click().run()
    assert not any("确定删除" in w.value for w in at.warning)
    assert TEXTS[2].name in list(at.dataframe[0].value["文件"])
    next(b for b in at.button if b.label == "删除").click().run()
    next(b for b in at.button if b.label == "确定").click().run()
    assert not at.exception
    assert TEXTS[2].name not in list(at.dataframe[0].value["文件"])
    assert any("已删除" in s.value for s in at.success)
    # the removal is undone from the list of removed reports
    at = _app()
    at.sidebar.radio[0].set_value("文档库").run()
    assert TEXTS[2].name not in list(at.dataframe[0].value["文件"])
    next(b for b in at.button if b.label == "恢复").click().run()
    assert not at.exception
    assert TEXTS[2].name in list(at.dataframe[0].value["文件"])
    at.selectbox[0].set_value(TEXTS[2].name)
    next(b for b in at.button if b.label == "删除").click().run()  # removed again for the tests after this one
    next(b for b in at.button if b.label == "确定").click().run()
    assert TEXTS[2].name not in list(at.dataframe[0].value["文件"])


def test_uploads_are_checked_and_a_broken_file_loses_nothing(app_env, tmp_path):
    from fixtures import truncated_pdf
    from index.library import check_upload, documents, ingest_files, save_upload

    assert "只接受" in check_upload("报告.docx", 100)
    assert "空的" in check_upload("报告.pdf", 0)
    assert "太大" in check_upload("报告.pdf", 60 * 1024 * 1024)
    assert check_upload("报告.pdf", 1000) is None
    before = {d["name"] for d in documents(app_env)}
    broken = save_upload(app_env, "坏文件.pdf", truncated_pdf(tmp_path).read_bytes())
    results = ingest_files(app_env, [broken], model="hashing")
    assert not results[0].ok and "坏文件.pdf" in results[0].message
    assert {d["name"] for d in documents(app_env)} == before


def test_a_long_conversation_draws_a_bounded_number_of_exchanges(app_env):
    import re

    shown = int(re.search(r"^SHOWN_EXCHANGES = (\d+)", (ROOT / "app.py").read_text(encoding="utf-8"), re.M).group(1))
    at = _app()
    for i in range(shown + 2):
        at.chat_input[0].set_value(f"泉州数字办2023年{('三公经费', '差旅费', '办公费')[i % 3]}是多少？").run()
        assert not at.exception
    assert len(at.chat_message) == 2 * shown  # a question and its answer each
    older = next(t for t in at.toggle if t.label == "显示更早的 2 条对话")
    older.set_value(True).run()
    assert len(at.chat_message) == 2 * (shown + 2)


def test_browser_history_view_tables_each_year_with_sources_and_a_line_chart(app_env):
    """部门浏览's 历年 tab: the key figures per year (one column per year and kind held), each cell's
    source, and a line chart of the figure chosen; no 预算 against 决算 table where no year has both."""
    at = _app()
    at.sidebar.radio[0].set_value("部门浏览").run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.label for t in at.tabs] == ["当年", "历年", "多个部门对比"]
    department, year = at.selectbox[0].value, at.selectbox[1].value
    metrics = {m.label: m.value for m in at.metric}
    history = next(d.value for d in at.dataframe if "项目" == d.value.index.name)
    assert list(history.columns) == [f"{year}年决算"]
    shown = {k: v for k, v in history[f"{year}年决算"].items() if not v.startswith("（")}
    assert len(shown) >= 3, history
    for name, value in shown.items():  # a table row's figure, the same the year's key figures show
        if name in metrics:
            assert metrics[name].startswith(value), (department, name)
    assert "财政拨款支出" in history.index
    sources = next(d.value for d in at.dataframe if "出处" in getattr(d.value, "columns", []))
    assert all(sources["出处"]) and department in set(sources["部门（报告所印）"]) | {department}
    assert not at.table  # no year with both a 预算 and a 决算
    assert at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")
