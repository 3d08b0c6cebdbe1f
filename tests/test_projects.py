"""A project's funds as its 绩效自评表 prints them (issue 12): the project named without its
department (the one report whose forms name it), what is left or overspent against the 全年预算数
(never the 年初预算数 beside it), a name that begins with its department's, in several phrasings."""
from decimal import Decimal

import pytest



@pytest.fixture(scope="module")
def ask(text_ask):
    return text_ask


@pytest.mark.parametrize("question", [
    "泉州数字办“泉州市政府网站及网站群费用”项目还剩多少没执行",
    "“泉州市政府网站及网站群费用”项目2023年预算和执行数差了多少",  # no department: the forms name it
    "泉州市政府网站及网站群费用还有多少预算没有执行？",
])
def test_what_is_left_is_the_full_year_budget_less_what_was_spent(ask, question):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "project", result["answer"]
    main = result["figures"][0]
    assert main["computed"] and main["formula"] == "75.00 − 60.20" and main["value"] == "14.80"


def test_the_full_year_budget_not_the_one_at_the_start_of_the_year(ask):
    # 智慧福州's form prints 年初预算数 0.00 … beside 全年预算数 200.00
    result = ask("智慧福州中心日常工作经费（全年预算200万元那项）还剩多少没执行？")
    assert result["status"] == "answered", result["answer"]
    assert result["figures"][0]["formula"] == "200.00 − 134.73" and result["figures"][0]["value"] == "65.27"


def test_a_project_without_its_department_s_name_is_found_in_its_form(ask):
    result = ask("泉州市政府网站及网站群费用项目2023年的执行率是多少")
    assert result["status"] == "answered" and result["figures"][0]["value"] == "80.27"


def test_overspending_is_spent_less_budget(ask):
    result = ask("“泉州市政府网站及网站群费用”项目实际支出比预算多了多少")
    assert result["status"] == "answered"
    main = result["figures"][0]
    assert main["formula"] == "60.20 − 75.00" and Decimal(main["value"]) == Decimal("-14.80")


def test_a_project_no_report_names_is_not_answered(ask):
    result = ask("“某某市智慧停车平台建设”项目还剩多少没执行")
    assert result["status"] != "answered" and not result["figures"]


def test_what_is_left_of_the_budget_set_at_the_start_of_the_year(reports_ask):
    # the form prints 预算编制数 400 beside 全年预算数 317.025: 年初预算 asks the first
    result = reports_ask("晋城电子政务外网提速扩能试点项目，年初预算400万，实际执行317.025万，差了多少")
    fig = result["figures"][0]
    assert fig["computed"] and fig["value"] == "82.98" and "400" in fig["formula"]


# --- a project's performance indicator: what was achieved, its target or its score, as printed ---

def _indicator_cases(folder, limit_per_document=12):
    """Indicators whose name is printed once in their report, of projects whose name is printed
    on one form, with the cells the questions ask: (department, year, project, indicator)."""
    from answer.indicators import indicators, read_value
    from answer.projects import projects
    from index.store import Store

    cases = []
    with Store(folder) as store:
        for d in store.documents():
            facts = list(store.facts(d["name"]))
            forms = projects(facts)
            names = [p.name for p in forms]
            found = indicators(facts)
            counts = {}
            for i in found:
                counts[i.name] = counts.get(i.name, 0) + 1
            taken = 0
            for i in found:
                project = next((p.name for p in forms if p.table_index == i.table_index), None)
                if (project is None or names.count(project) != 1 or counts[i.name] != 1 or len(i.name) < 4
                        or i.achieved is None or read_value(i.achieved["value_text"]) is None):
                    continue
                cases.append((d["department"], d["year"], project, i))
                taken += 1
                if taken == limit_per_document:
                    break
    return cases


@pytest.mark.parametrize("phrasing, cell", [
    ("{d}{y}年“{p}”项目的{n}实际完成值是多少", "achieved"),
    ("{y}年{d}{p}的{n}完成了多少", "achieved"),
    ("{d}{p}项目{n}的目标是多少", "target"),
    ("{d}{y}年{p}项目中{n}这项指标得了几分", "score"),
])
def test_an_indicator_of_a_named_project_is_its_printed_cell(reports_ask, reports_folder, phrasing, cell):
    from answer.indicators import read_value

    cases = _indicator_cases(reports_folder)
    assert len({c[0] for c in cases}) >= 3 and len(cases) >= 30
    wrong = []
    for department, year, project, ind in cases:
        result = reports_ask(phrasing.format(d=department, y=year, p=project, n=ind.name))
        if cell == "score":
            expected = next((c["value_text"] for c in ind.scores if "得分" in c["column"]), None)
        else:
            printed = (ind.achieved if cell == "achieved" else ind.target or {}).get("value_text") or ""
            expected = read_value(printed)[0] if read_value(printed) else None
        got = result["figures"][0]["value"] if result["status"] == "answered" and result["figures"] else None
        if expected is None:
            continue
        if got != expected:
            wrong.append((result["question"], expected, result["answer"][:120]))
    assert not wrong, wrong[:5]


def test_an_indicator_cell_that_prints_words_is_never_answered_with_another_column(reports_folder):
    # the lookup alone (the kind of answer that reads indicators aside): 实际完成值 asked of an
    # indicator's row finds a cell of words, so it states nothing, never the row's 分值 or 得分
    from answer import Answerer
    from answer.lookup import lookup

    answerer = Answerer(reports_folder, search=False)
    try:
        cases = _indicator_cases(reports_folder, 4)
        assert len(cases) >= 8
        for department, year, project, ind in cases:
            result = lookup(f"{department}{year}年“{project}”{ind.name}的实际完成值是多少", answerer.catalog)
            assert not any(f["column"] in ("分值", "得分") for f in result.facts[:1]), (ind.name, result.facts[:1])
    finally:
        answerer.close()


@pytest.mark.parametrize("phrasing", ["{d}“{p}”项目的钱花出去百分之几", "{y}年{d}{p}用掉了预算的百分之多少",
                                      "{d}{y}年{p}的钱执行了百分之几？"])
def test_a_share_of_the_budget_spent_in_everyday_words_is_the_printed_rate(reports_ask, reports_folder, phrasing):
    from answer.projects import projects
    from index.store import Store

    cases = []
    with Store(reports_folder) as store:
        for d in store.documents():
            forms = projects(list(store.facts(d["name"])))
            names = [p.name for p in forms]
            cases += [(d["department"], d["year"], p.name, p.rate["value_text"]) for p in forms
                      if p.rate is not None and names.count(p.name) == 1 and len(p.name) >= 6][:6]
    assert len({c[0] for c in cases}) >= 2 and len(cases) >= 8
    wrong = []
    for department, year, project, rate in cases:
        result = reports_ask(phrasing.format(d=department, y=year, p=project))
        got = result["figures"][0]["value"] if result["status"] == "answered" and result["figures"] else None
        if got != rate:
            wrong.append((result["question"], rate, result["answer"][:100]))
    assert not wrong, wrong[:4]
