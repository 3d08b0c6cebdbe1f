"""Issue 14's rules: words against numbers (wording-*), the two classifications (class-economic,
basic-table-total), project forms (project-*, and performance-grade for a ticked grade) and counts
(count-*).  Each fires on a generated report with one planted error, citing where; the consistent
report — the synthetic one, and the same with the sentences, columns and boxes these rules read
added consistently — gives none; the real reports give the findings reviewed by hand."""
from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import TEXTS, ingested
from synthetic_report import report_text

MINE = {"wording-comparison", "wording-change", "wording-reason", "class-economic", "basic-table-total",
        "project-sources", "project-rate", "project-overspend", "project-balance", "count-repeat", "count-parts"}

# The consistent report with what the new rules read written into it as a report would write it:
# a 决算数小于预算数 sentence with both figures, a 小于全年预算数 one for the 三公 (92.72 % of its budget),
# staff and vehicles stated twice, a 资金结(转)余 column in the form and its grade ticked among options.
CONSISTENT = (
    ("纳入2023年度部门决算编制范围的单位共1个，即示例市数据管理局本级。",
     "纳入2023年度部门决算编制范围的单位共1个，即示例市数据管理局本级。本部门年末在职人员12人。"),
    ("当年决算数大于上年决算数的主要原因是：更新一辆到期报废的公务用车。",
     "当年决算数小于全年预算数的主要原因是：严格控制公务接待。当年决算数大于上年决算数的主要原因是：更新一辆到期报废的公务用车。"),
    ("公务用车运行维护费支出3.40万元。", "公务用车运行维护费支出3.40万元。年末公务用车保有量1辆。"),
    ("（一）2010499-其他发展与改革事务支出35.00万元。",
     "（一）2010499-其他发展与改革事务支出。年初预算为40.00万元，支出决算为35.00万元。决算数小于预算数的主要原因：项目延期。"),
    ("（一）政府采购情况", "（一）国有资产占用情况\n\n截至2023年12月31日，本部门共有车辆1辆，其中：机要通信用车1辆、"
                     "其他用车0辆。年末在职人员12人。\n\n（二）政府采购情况"),
    ("评价等级\t\t优 (S≥90)", "评价等级\t\t☑优 (S≥90) □良 (90>S≥80) □中 (80>S≥60) □差 (S<60)"),
)

# one planted error each: (substitutions on the consistent text, printed cells, the rule, its severity)
PLANTED = {
    "wording-comparison": ((("决算数小于预算数的主要原因：项目延期", "决算数大于预算数的主要原因：项目延期"),), {},
                           "wording-comparison", "error"),
    "wording-comparison-equal": ((("决算数小于预算数的主要原因：项目延期", "决算数等于预算数的主要原因：项目延期"),), {},
                                 "wording-comparison", "error"),
    "wording-comparison-rate": ((("当年决算数小于全年预算数", "当年决算数大于全年预算数"),), {}, "wording-comparison", "error"),
    "wording-comparison-year": ((("当年决算数大于上年决算数", "当年决算数小于上年决算数"),), {}, "wording-comparison", "error"),
    "wording-change": ((("较上年增加3.13万元，增长15.61%", "较上年增加3.13万元，下降15.61%"),), {}, "wording-change", "error"),
    "wording-reason": ((("主要原因是：更新一辆到期报废的公务用车。", "主要原因是：XX。"),), {}, "wording-reason", "notice"),
    "class-economic": ((("机关事业单位基本养老保险缴费\t38.40", "机关事业单位基本养老保险缴费\t17.25"),
                        ("职工基本医疗保险缴费\t17.25", "职工基本医疗保险缴费\t38.40")), {}, "class-economic", "error"),
    "basic-table-total": ((), {"03:合计:基本支出": "408.98"}, "basic-table-total", "error"),
    "basic-table-total-equal": ((), {"03:合计:基本支出": "428.98", "03:合计:项目支出": "787.30"},
                                "basic-table-total", "error"),
    "project-sources": ((), {"form:年初预算数": "640.00"}, "project-sources", "error"),
    "project-rate": ((), {"form:执行率": "96.32"}, "project-rate", "error"),
    "project-overspend": ((("\t660.00\t642.30\t", "\t660.00\t670.00\t"), ("97.32", "101.52"), ("\t17.70", "\t-10.00")), {},
                          "project-overspend", "error"),
    "project-overspend-explained": ((("\t660.00\t642.30\t", "\t660.00\t670.00\t"), ("97.32", "101.52"),
                                     ("\t17.70", "\t-10.00"), ("明显增长。", "明显增长，年中追加接入任务。")), {},
                                    "project-overspend", "notice"),
    "project-balance": ((("\t17.70", "\t27.70"),), {}, "project-balance", "error"),
    "performance-grade-ticked": ((("☑优 (S≥90) □良 (90>S≥80)", "□优 (S≥90) ☑良 (90>S≥80)"),), {},
                                 "performance-grade", "error"),
    "count-repeat": ((("其他用车0辆。年末在职人员12人。", "其他用车0辆。年末在职人员13人。"),), {}, "count-repeat", "error"),
    "count-repeat-vehicles": ((("年末公务用车保有量1辆", "年末公务用车保有量2辆"),), {}, "count-repeat", "error"),
    "count-parts": ((("其他用车0辆。", "其他用车1辆。"),), {}, "count-parts", "error"),
}


def _substituted(text: str, substitutions) -> str:
    for old, new in substitutions:
        assert old in text, f"the synthetic report no longer prints {old!r}"
        text = text.replace(old, new)
    return text


# the form's money block with a 资金结(转)余 column: its last (empty) column, 660.00 − 642.30
BALANCE = {"项目资金(万元)": "资金结(转)余", "年度资金总额": "17.70", "其中：当年财政拨款": "17.70"}


def consistent_text(cells: dict | None = None) -> str:
    lines = []
    for line in _substituted(report_text(cells=cells or None), CONSISTENT).split("\n"):
        fields = line.split("\t")
        label = next((f for f in fields[:2] if f in BALANCE), None)
        if label and fields[-1] == "":
            fields[-1] = BALANCE[label]
        lines.append("\t".join(fields))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """One store: the synthetic report, its consistent version with what these rules read, and each plant."""
    from index.store import Store
    from ingest import ingest_file

    folder = tmp_path_factory.mktemp("planted_wording")
    texts = {"synthetic.txt": report_text(), "consistent.txt": consistent_text()}
    for name, (substitutions, cells, _, _) in PLANTED.items():
        texts[f"{name}.txt"] = _substituted(consistent_text(cells), substitutions)
    with Store(folder / "index") as store:
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
            store.put(ingest_file(folder / name))
    return folder / "index"


def _findings(index, name):
    from checks import check_index

    return check_index(index, name)[name]


def test_rules_are_registered_and_documented():
    from checks.rules import RULES

    ids = {r.id for r in RULES}
    assert MINE <= ids
    assert all(r.title and len(r.description) > 20 for r in RULES if r.id in MINE)


@pytest.mark.parametrize("name", ["synthetic.txt", "consistent.txt"])
def test_consistent_reports_give_nothing(planted, name):
    found = _findings(planted, name)
    assert not [f.message for f in found if f.rule in MINE | {"performance-grade"}]


@pytest.mark.parametrize("plant", list(PLANTED))
def test_each_plant_fires_its_rule_citing_where(planted, plant):
    _, _, rule, severity = PLANTED[plant]
    found = _findings(planted, f"{plant}.txt")
    mine = [f for f in found if f.rule == rule]
    assert mine, [(f.rule, f.message) for f in found]
    assert severity in {f.severity for f in mine}
    for f in mine:
        assert f.cells and all(c.document == f"{plant}.txt" and c.line for c in f.cells)
        assert f.expected != f.printed


def _one(planted, plant, rule):
    [f] = [f for f in _findings(planted, f"{plant}.txt") if f.rule == rule]
    return f


def test_comparison_names_the_figures(planted):
    f = _one(planted, "wording-comparison", "wording-comparison")
    assert f.printed == "大于预算数" and f.expected == "小于"
    values = [c.value for c in f.cells]
    assert values[0] == "大于预算数" and {"35.00", "40.00"} & set(values)
    assert "决算 35.00万元、预算 40.00万元" in f.message
    equal = _one(planted, "wording-comparison-equal", "wording-comparison")
    assert equal.severity == "error" and "相差 -5.00" in equal.message
    rate = _one(planted, "wording-comparison-rate", "wording-comparison")
    assert "23.18" in rate.message and "25.00" in rate.message  # the budget from the sentence after
    year = _one(planted, "wording-comparison-year", "wording-comparison")
    assert "比上年增加 3.13万元" in year.message


def test_change_words_that_disagree(planted):
    f = _one(planted, "wording-change", "wording-change")
    assert f.printed == "增加3.13万元,下降15.61%" and f.cells[0].table is None


def test_classification_mismatch_cites_both_tables(planted):
    found = [f for f in _findings(planted, "class-economic.txt") if f.rule == "class-economic"]
    pension = next(f for f in found if "2080505" in f.message)
    assert pension.severity == "error" and (pension.expected, pension.printed) == ("17.25", "38.40")
    assert {c.row.split()[0] for c in pension.cells} == {"2080505", "30108"}
    medical = next(f for f in found if "2101101" in f.message)
    assert medical.severity == "notice" and "并非一一对应" in medical.message


def test_project_figures(planted):
    rate = _one(planted, "project-rate", "project-rate")
    assert (rate.expected, rate.printed) == ("97.32", "96.32")
    sources = _one(planted, "project-sources", "project-sources")
    assert (sources.expected, sources.printed) == ("650.00", "640.00") and "当年财政拨款" in sources.message
    balance = [f for f in _findings(planted, "project-balance.txt") if f.rule == "project-balance"]
    assert len(balance) == 2 and {f.expected for f in balance} == {"17.70"}
    over = [f for f in _findings(planted, "project-overspend.txt") if f.rule == "project-overspend"]
    assert len(over) == 2 and all(f.printed == "670.00" and "没有说明原因" in f.message for f in over)  # 总额 and 其中
    explained = [f for f in _findings(planted, "project-overspend-explained.txt") if f.rule == "project-overspend"]
    assert explained and {f.severity for f in explained} == {"notice"}


def test_ticked_grade_against_its_band(planted):
    f = _one(planted, "performance-grade-ticked", "performance-grade")
    assert f.printed.startswith("良") and f.expected == "优" and "勾选" in f.message


def test_counts(planted):
    staff = _one(planted, "count-repeat", "count-repeat")
    assert {staff.expected, staff.printed} == {"12", "13"} and staff.cells[0].line != staff.cells[1].line
    cars = _one(planted, "count-repeat-vehicles", "count-repeat")
    assert cars.severity == "error" and "不能更多" in cars.message
    parts = _one(planted, "count-parts", "count-parts")
    assert (parts.expected, parts.printed) == ("2", "1") and len(parts.cells) == 3


# --- the sentences the issue names, read as the narrative prints them -----------------------------

def _report(*paragraphs: str):
    from checks.report import Report

    passages = [{"document": "r.pdf", "section": "五、一般公共预算财政拨款支出决算情况说明", "text": text, "page": 22,
                 "line": None, "end_line": None} for text in paragraphs]
    return Report("r.pdf", "上海市普陀区财政局", 2024, [], passages)


@pytest.mark.parametrize("sentence, word", [
    ("1、一般公共服务支出(类)财政事务(款)行政运行(项)。主要用于:局本部人员经费及公用经费等的基本支出。"
     "年初预算为1560.05万元,支出决算为1511.89万元。决算数大于预算数的主要原因:人员进出及退休变化。", "大于预算数"),
    ("9、卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)。主要用于:在职人员基本医疗保险费。"
     "年初预算为62.29万元,支出决算为60.99万元。决算数等于预算数的主要原因:预算按周全保障测算。", "等于预算数"),
])
def test_the_shanghai_sentences_planted(sentence, word):
    from checks.wording import wording_comparison

    [f] = wording_comparison(_report(sentence))
    assert f.severity == "error" and f.printed == word and f.cells[0].page == 22
    assert not wording_comparison(_report(sentence.replace(word, "小于预算数")))


def test_a_comparison_after_a_page_break_goes_on_from_the_paragraph_before():
    from checks.wording import wording_comparison

    head = "2、一般公共服务支出(类)财政事务(款)一般行政管理事务(项)。年初预算为10.00万元,支出决算为9.00万元。"
    [f] = wording_comparison(_report(head, "决算数与预算数基本持平。"))
    assert f.severity == "notice" and "基本持平" in f.message
    assert not wording_comparison(_report(head.replace("9.00", "10.00"), "决算数与预算数基本持平。"))


def test_a_reason_that_goes_on_in_the_next_paragraph_is_given():
    from checks.wording import wording_reason

    head = "4、社会保障和就业支出(类)。年初预算为226.25万元,支出决算为225.12万元。决算数小于预算数的主要原因："
    assert not wording_reason(_report(head, "年中社会保险缴费基数变更导致。"))
    [f] = wording_reason(_report(head, "5、社会保障和就业支出(类)。年初预算为0.88万元,支出决算为0.88万元。"))
    assert f.severity == "notice"


def test_words_read():
    from domain.comparisons import change_pairs, comparisons, falls_from_nothing, normalised
    from domain.counts import counts

    [c] = comparisons(normalised("本年数小于上年预算数的主要原因是严格控制公务接待支出"))
    assert (c.relation, c.against) == (-1, "上年")
    assert not comparisons(normalised("本年数小于上年预算数40.05万元"))  # the change itself, not a comparison
    assert not comparisons(normalised("按与上年统计口径一致相比,本年比上年减少161.96万元"))
    [pair] = change_pairs(normalised("与上年相比减少134万元,降幅0.66%"))
    assert (pair.amount_word, pair.rate_word) == ("减少", "降幅")
    [pair] = change_pairs(normalised("与上年决算数相比，各增加744.11万元、1611.23万元，下降18.04%、35.76%"))
    assert (pair.amount_word, pair.amount, pair.rate_word) == ("增加", "744.11", "下降")
    assert not change_pairs(normalised("比2017年增加144家，实现产值增长15.1%"))  # a count, and another thing's rate
    assert falls_from_nothing(normalised("137.87万元，较上年决算数减少137.87万元，（去年没有此项支出）。")) == [
        ("减少137.87万元", 15, "去年没有此项支出")]
    found = counts(normalised("编制338名,其中行政编制200名、行政附属编制104名、事业编制34名。实际在编在职人员274名。"))
    assert [(c.counted, c.number, c.part_of) for c in found] == [
        ("编制数", 338, None), ("行政编制", 200, "编制数"), ("行政附属编制", 104, "编制数"), ("事业编制", 34, "编制数"),
        ("在职人数", 274, None)]


# --- the real reports: what the new rules find, reviewed by hand (benchmarks/checks.py --list) ---------

@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    from index.store import Store

    folder = tmp_path_factory.mktemp("texts_wording") / "index"
    with Store(folder) as store:
        for path in TEXTS:
            store.put(ingested(path))
    return folder


def _mine(index, severity=None):
    from checks import check_index

    return {name: [f for f in found if f.rule in MINE | {"performance-grade"} and (severity is None or f.severity == severity)]
            for name, found in check_index(index).items()}


def test_real_text_reports(texts):
    errors = {name: sorted((f.rule, f.printed) for f in found) for name, found in _mine(texts, "error").items()}
    assert errors == {
        # 2080505 / 30108 and 2210201 / 30113 printed apart
        "000_d038eb9fb139e057.txt": [("class-economic", "54.90"), ("class-economic", "56.17")],
        "001_c1fbac8e898f5dfc.txt": [("class-economic", "19.69")],  # 2210201 19.69, 30113 84.09
        "002_5604d886435013c4.txt": [("class-economic", "39.55")],  # 2080505 39.55, 30108 35.22
        # 90.00 ticked 良好 (90>S≥75) with 优秀 from 90
        "003_6af2a6315bf8f1d0.txt": [("performance-grade", "良好（90>S≥75）")],
        "004_5522c362a8f8a79d.txt": [],
    }
    notices = _mine(texts, "notice")
    assert [f.rule for f in notices["004_5522c362a8f8a79d.txt"]] == ["count-repeat"]  # 年末在职人员7人 / 在职人数:6人
    assert {f.rule for f in notices["001_c1fbac8e898f5dfc.txt"]} == {"class-economic", "count-repeat"}
    # 003's 一般公共预算 table prints its figures a row below their codes: a notice, with 支出决算表 agreeing
    shifted = [f for f in notices["003_6af2a6315bf8f1d0.txt"] if "2080505" in f.message]
    assert shifted and "支出决算表该项基本支出印为 62.92" in shifted[0].message


def test_no_new_error_on_the_shanghai_reports_and_the_jiangsu_budgets(reports_folder, jiangsu_ingested):
    for index in (reports_folder, jiangsu_ingested[0]):
        for name, found in _mine(index, "error").items():
            if name.endswith(".pdf"):
                assert not [f.message for f in found], name


def test_score_band_of_a_ticked_grade_is_the_option_printed():
    from checks.grades import _band, _options

    options = _options('<input type="checkbox"/>优秀（S≥90） <input checked="" type="checkbox"/>良好（90>S≥75） '
                       '<input type="checkbox"/>合格（75>S≥60）')
    assert [t for t, _ in options] == [False, True, False]
    assert _band(options[1][1], "良好") == (Decimal(75), Decimal(90))
    assert _options("□优秀（S≧90） ✓良好（90>S≧75） □合格") == [(False, "优秀（S≧90）"), (True, "良好（90>S≧75）"), (False, "合格")]
    assert _options("优（S≥90）") is None
