"""Answers on the real reports: the printed figure with its citation, everyday words, short
department names, refusals.  No number is ever stated that the report does not print."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, TEXTS
from index.store import Store

KEYS = {"question", "status", "answer", "figures", "passages", "warnings"}
OPTIONAL_FIGURE_KEYS = {"direction"}  # a change's 增加/减少, as printed
FIGURE_KEYS = {"label", "value", "number", "unit", "computed", "formula", "department", "year", "table",
               "table_title", "row", "column", "source"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory, reports_folder):
    # a copy of the session's store of the text reports and real PDFs: a test here adds a search index to it
    import shutil

    folder = tmp_path_factory.mktemp("answers") / "index"
    shutil.copytree(reports_folder, folder)
    return folder


@pytest.fixture(scope="module")
def ask(folder):
    from answer import Answerer

    answerer = Answerer(folder, search=False)
    yield answerer.ask
    answerer.close()


def _main(result):
    assert result["status"] == "answered", result["answer"]
    assert set(result) >= KEYS
    fig = result["figures"][0]
    assert FIGURE_KEYS <= set(fig) <= FIGURE_KEYS | OPTIONAL_FIGURE_KEYS and fig["computed"] is False
    assert fig["value"] in result["answer"]
    return fig


def test_short_name_and_year_give_the_printed_total_with_its_citation(ask):
    fig = _main(ask("泉州数字办2023年三公经费是多少？"))
    assert (fig["value"], fig["unit"], fig["table"]) == ("6.18", "万元", "公开07表")
    assert fig["source"] == {"document": TEXTS[0].name, "page": None, "line": 366}
    assert fig["department"] == "泉州市数字泉州建设办公室" and fig["year"] == 2023


def test_everyday_word_reaches_the_report_term(ask):
    fig = _main(ask("晋城大数据局出差花了多少钱"))
    assert "差旅费" in fig["row"] and fig["table_title"].endswith("基本支出决算明细表")
    result = ask("泉州数字办招待费")
    assert "公务接待费" in _main(result)["row"] and _main(result)["value"] == "2.04"


def test_latest_year_is_used_and_said(ask):
    result = ask("浔阳数经中心本年收入合计")
    assert _main(result)["value"] == "292.90"
    assert any("最新的2023年度" in w for w in result["warnings"])


def test_a_column_word_picks_the_column(ask):
    fig = _main(ask("晋江经信2018年基本支出"))
    assert (fig["value"], fig["column"]) == ("1,961.82", "基本支出")


def test_the_same_row_printed_differently_is_cited_twice(ask):
    result = ask("泉州数字办住房公积金")
    values = {f["value"] for f in result["figures"]}
    assert {"55.71", "54.90"} <= values
    assert any("54.90" in w and "不同" in w for w in result["warnings"])


def test_pdf_figures_cite_their_page(ask):
    fig = _main(ask("普陀财政局2024年基本工资"))
    assert fig["value"] == "262.33" and fig["source"]["page"] == 16


@pytest.mark.parametrize("question, words", [
    ("泉州数字办2019年三公经费", "2019"),
    ("北京市教育局差旅费是多少", "北京市教育局"),
    ("泉州数字办买了几架飞机", "科目"),
    ("", "问题是空的"),
])
def test_what_the_reports_do_not_give_is_refused_without_a_number(ask, question, words):
    result = ask(question)
    assert result["status"] == "not_found" and words in result["answer"] and result["figures"] == []


def test_a_question_without_a_department_asks_which(ask):
    result = ask("出差花了多少钱？")
    assert result["status"] == "ambiguous" and "泉州市数字泉州建设办公室" in result["options"]
    assert result["figures"] == []
    both = ask("上海普陀2024年基本工资")
    assert both["status"] == "ambiguous" and len(both["options"]) == 3


def test_command_line_json_and_jsonl(folder):
    one = subprocess.run([sys.executable, "-m", "answer", "--index", str(folder), "--no-search", "--json",
                          "晋城大数据局差旅费"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["status"] == "answered"
    questions = "泉州数字办三公经费\n\n北京市教育局差旅费\n"
    many = subprocess.run([sys.executable, "-m", "answer", "--index", str(folder), "--no-search", "--jsonl"],
                          input=questions, cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = [json.loads(l) for l in many.stdout.splitlines()]
    assert [l["status"] for l in lines] == ["answered", "not_found", "not_found"]
    assert [l["question"] for l in lines] == ["泉州数字办三公经费", "", "北京市教育局差旅费"]


def test_a_comparison_ranks_the_same_printed_row_across_departments(ask):
    result = ask("哪个单位的差旅费最高？")
    assert result["status"] == "answered"
    ranked = result["comparison"]
    assert len(ranked) >= 5 and ranked[0]["number"] == max(r["number"] for r in ranked)
    assert all(f["row"].endswith("差旅费") for f in result["figures"])
    assert result["figures"][0]["value"] == ranked[0]["value"] and ranked[0]["value"] in result["answer"]
    assert any("年度不同" in w for w in result["warnings"])
    two = ask("普陀三家单位2024年谁的本年支出最多？")
    assert two["status"] == "answered" and {r["department"] for r in two["comparison"]} == {
        "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部"}


def test_counts_stated_in_the_narrative_are_quoted_with_their_sentence(ask):
    result = ask("泉州数字办2023年一共接待了多少批次？")
    fig = _main(result)
    assert (fig["value"], fig["unit"], fig["table"]) == ("19", "批次", None)
    assert "累计接待19批次" in result["answer"] and fig["source"]["line"]
    cars = ask("智慧福州中心2022年底有几辆公务用车？")
    assert _main(cars)["value"] == "2" and "保有量" in cars["answer"]


def test_a_count_the_narrative_states_twice_differently_is_not_answered(ask):
    result = ask("浔阳数经中心有多少在职人员？")
    assert result["status"] == "not_found" and "不一致" in result["answer"] and not result["figures"]
    # asked for 年末, the sentence that says 年末 answers, and the other figure is shown
    year_end = _main(ask("浔阳数经中心年末有多少在职人员？"))
    assert year_end["value"] == "7"
    assert any("6人" in w for w in ask("浔阳数经中心年末有多少在职人员？")["warnings"])


def test_a_computed_share_or_sum_says_so_and_cites_its_printed_inputs(ask):
    share = ask("泉州数字办因公出国费占三公经费的比例是多少？")
    assert share["status"] == "answered"
    main, *inputs = share["figures"]
    assert (main["value"], main["unit"], main["computed"]) == ("66.99", "%", True)
    assert main["formula"] == "4.14 ÷ 6.18 × 100%"
    assert [f["value"] for f in inputs] == ["4.14", "6.18"] and not any(f["computed"] for f in inputs)
    assert "计算" in share["answer"] and any("计算" in w for w in share["warnings"])
    total = ask("普陀财政局基本工资加津贴补贴一共多少？")
    assert total["figures"][0]["value"] == "1500.91" and total["figures"][0]["formula"] == "262.33 + 1,238.58"


def test_projects_with_a_grade_are_listed_with_their_printed_grade(ask):
    result = ask("泉州数字办哪些项目绩效自评是“优”？")
    assert result["status"] == "answered"
    projects = [f["label"] for f in result["figures"]]
    assert "泉州市政府网站及网站群费用" in projects and "数字泉州发展专项资金" not in projects
    assert all(f["value"].startswith("优") and f["source"]["line"] for f in result["figures"])
    good = ask("泉州数字办哪个项目只评了“良”？")
    assert [f["label"] for f in good["figures"]] == ["数字泉州发展专项资金"]
    # 003's forms print grades as ticked boxes: the list is the grade its narrative states in words
    boxes = ask("晋江经信2018年自评等次为“良好”的项目有哪些？")
    assert boxes["status"] == "answered" and len(boxes["figures"]) == 3
    assert all(f["table_title"] == "情况说明" and f["value"] == "良好" for f in boxes["figures"])


def test_grades_printed_in_the_total_row_list_every_form_once(ask):
    """001 prints each form's grade as the word in its 总分 row, some on the form's next page;
    the report says 13 projects were self-assessed."""
    listed = {g: [f["label"] for f in ask(f"晋城大数据局自评为“{g}”的项目有哪些？")["figures"]] for g in "优良中差"}
    every = [name for names in listed.values() for name in names]
    assert len(every) == len(set(every)) == 13
    assert listed["中"] == ["大数据应用平台运维服务费", "晋城市智慧人大建设项目费用", "重点课题研究经费"]


# --- what the narrative says: reasons, changes, completion, the previous year ---------------

def test_a_why_question_quotes_the_reports_own_reason(ask):
    result = ask("晋城大数据局收入总计减少的原因是什么")
    assert result["status"] == "answered", result["answer"]
    fig = result["figures"][0]
    assert "特定目标类项目较上年预算减少" in fig["value"] and fig["number"] is None
    assert fig["source"]["document"] == TEXTS[1].name and fig["source"]["line"] == 422


def test_a_change_is_given_as_printed_in_amount_or_rate(ask):
    amount = _main(ask("泉州数字办公务接待费比上年增加了多少"))
    assert (amount["value"], amount["unit"]) == ("0.39", "万元")
    rate = _main(ask("泉州数字办公务接待费比上年增长了百分之多少"))
    assert (rate["value"], rate["unit"]) == ("23.64", "%")


def test_the_previous_year_is_worked_out_from_the_printed_change(ask):
    result = ask("智慧福州中心2021年支出是多少")
    assert result["status"] == "answered", result["answer"]
    fig = result["figures"][0]
    assert fig["computed"] is True and fig["value"] == "4505.53" and fig["year"] == 2021
    assert fig["formula"] == "2894.3 + 1611.23" and "1611.23" in result["answer"]
    inputs = result["figures"][1:]  # both printed inputs, cited, for the year they belong to
    assert [(f["value"], f["computed"], f["year"]) for f in inputs] == [("2894.3", False, 2022), ("1611.23", False, 2022)]
    assert all(f["source"] == fig["source"] for f in inputs)
    assert any("计算" in w for w in result["warnings"])


def test_a_completion_rate_is_the_printed_one(ask):
    fig = _main(ask("智慧福州中心三公经费完成全年预算的多少"))
    assert (fig["value"], fig["unit"]) == ("16.13", "%")


def test_a_word_printed_as_sibling_rows_is_their_computed_sum(ask):
    result = ask("普陀规划资源局离退休一共花了多少")
    fig = result["figures"][0]
    assert fig["computed"] is True and fig["value"] == "82.64" and fig["formula"] == "54.53 + 28.11"
    assert [f["row"] for f in result["figures"][1:]] == ["行政单位离退休", "事业单位离退休"]


def test_an_amount_only_the_narrative_states_is_quoted_with_its_sentence(ask):
    fig = _main(ask("智慧福州中心政府采购花了多少钱"))
    assert (fig["value"], fig["unit"]) == ("4655.28", "万元")
    assert fig["source"] == {"document": TEXTS[2].name, "page": None, "line": 534}


def test_a_part_of_a_stated_total_is_not_answered_with_the_total(ask):
    result = ask("泉州数字办政府采购授予中小企业的合同金额是多少")
    assert not any(f["value"] == "1836.89" for f in result["figures"])


def test_another_organisation_is_not_read_as_a_similar_department(ask):
    result = ask("福州市大数据委2022年部门决算收入多少？")
    assert result["status"] == "not_found" and not result["figures"]


def test_a_statement_answers_only_for_the_quantity_asked(ask):
    # 000 gives no reason for 一般公共预算拨款支出; the reason it gives for 机关运行经费支出 is not one
    result = ask("泉州数字办一般公共预算拨款支出为什么增加？")
    assert result["status"] == "not_found" and not result["figures"]
    part = _main(ask("泉州数字办政府采购货物花了多少？"))
    assert (part["label"], part["value"]) == ("政府采购货物支出", "4.61")
    spent = ask("浔阳数经中心2022年本年支出合计多少？")["figures"][0]
    assert spent["row"] == "本年支出合计" and spent["value"] == "492.83" and spent["computed"] is True


def test_staff_counts_come_from_the_units_table_and_units_name_their_department(ask):
    fuzhou = _main(ask("智慧福州中心有多少在职人员？"))
    assert (fuzhou["value"], fuzhou["unit"], fuzhou["column"]) == ("25", "名", "在职人数")
    unit = _main(ask("晋江市经济和信息化局在职多少人？"))
    assert (unit["value"], unit["department"], unit["row"]) == ("12", "晋江市经信部门", "晋江市经济和信息化局")


def test_the_units_a_department_covers_are_listed_from_its_units_table(ask):
    result = ask("普陀规划资源局的部门决算包括哪些单位？")
    assert result["status"] == "answered"
    names = [f["value"] for f in result["figures"]]
    assert names[0] == "上海市普陀区规划和自然资源局（本级）" and len(names) == 5
    assert "上海市普陀区规划和自然资源管理事务中心" in names  # its kind, printed after a line break, is not its name
    assert all(f["source"]["page"] == 6 for f in result["figures"])
    jinjiang = ask("晋江经信有哪些下属单位")
    assert [f["value"] for f in jinjiang["figures"]][-1] == "晋江市数字晋江建设办公室"


def test_a_projects_funds_come_from_its_self_assessment_form(ask):
    left = ask("智慧福州12345政务服务便民热线座席外包经费还有多少没执行？")
    fig = left["figures"][0]
    assert left["status"] == "answered" and fig["computed"] is True
    assert (fig["value"], fig["formula"], fig["label"]) == ("687.88", "1100.00 − 412.12", "12345政务服务便民热线座席服务外包经费")
    rate = _main(ask("智慧福州中心12345热线座席服务外包经费执行率多少"))
    assert (rate["value"], rate["unit"]) == ("37.47", "%")
    zero = ask("智慧福州中心哪些项目执行率是0？")
    assert len(zero["figures"]) == 3 and all(f["number"] == 0 for f in zero["figures"])


def test_two_numbers_asked_at_once_are_both_answered(ask):
    result = ask("普陀财政局2024年机关运行经费多少，比上年增长多少？")
    assert result["status"] == "answered"
    assert [(f["value"], f["unit"]) for f in result["figures"][:2]] == [("184.65", "万元"), ("1.40", "%")]
    half = ask("普陀社工部有几个项目做了绩效自评，涉及多少钱？")
    assert half["status"] != "answered" and not half["figures"]


def test_a_question_naming_no_row_gets_the_closest_rows_to_ask_again_never_a_number(folder):
    from answer import Answerer
    from index.embed import HashingEmbedder
    from index.search import SearchIndex

    with Store(folder) as store, SearchIndex(folder, HashingEmbedder()) as index:
        index.refresh(store)
    answerer = Answerer(folder)
    try:
        result = answerer.ask("普陀财政局交通补助花了多少")
    finally:
        answerer.close()
    assert result["status"] == "not_found" and not result["figures"]
    assert result["suggestions"] and "其他交通费用" in result["suggestions"]
    assert all(s in result["answer"] for s in result["suggestions"])


@pytest.mark.parametrize("question", ["泉州数字办2023年财政拨款“三公”经费决算是多少？", "泉州数字办2023年财政拨款三公经费是多少",
                                      "智慧福州中心2022年财政拨款“三公”经费支出多少"])
def test_a_table_named_by_its_word_is_answered_from_that_table(ask, question):
    # 财政拨款 beside 三公 qualifies the table; it never means the summary table's 财政拨款收入
    fig = _main(ask(question))
    assert "三公" in fig["table_title"] and fig["row"] == "合计"


def test_an_empty_table_explained_by_its_note_is_zero_with_the_note(ask):
    result = ask("浔阳数经中心2023年财政拨款“三公”经费决算是多少？")
    fig = _main(result)
    assert fig["number"] == 0 and "三公" in result["answer"] and "无" in result["answer"]
