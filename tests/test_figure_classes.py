"""Classes of figure question, each varied over departments and phrasings on the real reports:
a table printed empty, a column asked inside a named table, a heading that prints no amount, a
count printed on a row of its own, everyday words, amounts asked in 元, counts told apart by the
question's words, and department names that must not be read where they are not asked."""
import pytest
from outcomes import main_figure as _main


# --- a table printed with no amount: 0 only with the report's words for it --------------------------

@pytest.mark.parametrize("question, says", [
    ("晋城大数据局2023年政府性基金预算财政拨款收支是多少？", "本表无数据"),
    ("晋城市大数据应用局国有资本经营预算财政拨款支出多少", "本表无数据"),
    ("晋城大数据局财政拨款“三公”经费支出决算表里的决算数合计是多少？", "本表无数据"),
    ("晋城大数据局公开09表的合计是多少", "本表无数据"),
    ("普陀财政局2024年国有资本经营预算支出多少", "故本表无数据"),
    ("浔阳数经中心2023年政府性基金预算财政拨款支出是多少", "当此表数据为零时"),
    ("九江市浔阳区数字经济发展中心国有资本经营预算财政拨款支出", "国有资本经营"),
    ("浔阳数经中心2023年三公经费是多少", "三公"),
    ("社工部2024年政府性基金支出多少", "没有政府性基金"),
])
def test_a_table_printed_empty_is_zero_with_the_sentence_that_says_so(reports_ask, question, says):
    result = reports_ask(question)
    fig = _main(result)
    assert fig["value"] == "0" and says in result["answer"] and (fig["source"]["page"] or fig["source"]["line"])


def test_a_table_that_prints_amounts_is_not_read_as_empty(reports_ask):
    fig = _main(reports_ask("泉州数字办2023年政府性基金支出多少"))
    assert fig["value"] == "2000.00" and fig["table"] != "情况说明"


# --- a column of a named table: its total row -------------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("2023年泉州数字办收入决算表里“其他收入”一共多少？", "250.00"),
    ("普陀财政局收入决算表中其他收入是多少", "6.20"),
    ("晋城大数据局收入决算表里财政拨款收入是多少", "7,176.23"),
])
def test_a_column_asked_inside_a_named_table_is_its_total_row(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert (fig["value"], fig["row"], fig["table_title"]) == (value, "合计", "收入决算表")


# --- the department's own name does not name a project called after it ------------------------------

@pytest.mark.parametrize("question, value", [
    ("晋城市大数据应用局2023年本年收入合计多少万元？", "7,176.23"),
    ("晋城市大数据应用局本年支出合计是多少", "7,176.23"),
    ("2023年晋城市大数据应用局的基本支出", None),
])
def test_a_project_named_after_its_department_is_not_what_the_department_name_asks(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert fig["table_title"] != "项目支出绩效自评表"
    assert value is None or fig["value"] == value


# --- a heading that prints a dash: the total printed under it ----------------------------------------

@pytest.mark.parametrize("question", ["晋江经信2018年“三公”经费支出合计是多少？", "晋江经信2018年三公经费多少",
                                      "2018年晋江市经信部门的三公经费是多少万元"])
def test_a_heading_printing_a_dash_is_answered_with_the_total_under_it(reports_ask, question):
    fig = _main(reports_ask(question))
    assert fig["value"] == "4.18" and "合计" in fig["row"]


# --- a count on a row of its own beside the amount ---------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("2018年晋江经信国内公务接待了多少人次？", "261"),
    ("晋江经信2018年国内公务接待多少批次", "14"),
    ("晋江经信2018年因公出国团组数是多少", "2"),
])
def test_a_count_printed_on_its_own_row_is_not_the_amount_beside_it(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert fig["value"] == value and fig["unit"] != "万元"


# --- everyday words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("晋江经信2018年补贴给企业的钱有多少？", "14,282.39"),
    ("晋江经信2018年给企业的补助是多少", "14,282.39"),
    ("普陀财政局2024年请中介机构做审计和绩效评价花了多少？", "449.52"),
    ("晋城大数据局2023年请客吃饭（公务接待）花了多少钱？", "0"),
    ("浔阳数经中心2023年请客招待花了多少？", "0.00"),
    ("普陀财政局2024年请客吃饭花了多少？", "0.00"),
    ("泉州数字办2023年请客吃饭花了多少？", "2.04"),
])
def test_everyday_words_find_the_printed_row_or_sentence(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


def test_a_qualified_quantity_is_not_answered_with_its_everyday_words_alone(reports_ask):
    result = reports_ask("泉州数字办政府采购授予中小企业的合同金额是多少")
    assert not any(f["value"] == "1836.89" for f in result["figures"])


# --- amounts in 元 -------------------------------------------------------------------------------------

def test_an_amount_asked_in_yuan_is_the_one_printed_in_yuan(reports_ask):
    fig = _main(reports_ask("浔阳数经中心2023年末资产总额是多少元？"))
    assert (fig["value"], fig["unit"]) == ("307,521.79", "元")
    for question in ("泉州数字办2023年差旅费是多少元", "浔阳数经中心2023年差旅费多少元"):
        result = reports_ask(question)  # printed in 万元 only: no 万元 figure passed off as 元
        assert not any(f["unit"] == "万元" and not f["computed"] for f in result["figures"][:1])


# --- counts in prose told apart by the question's own words -------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("普陀规划资源局2024年有多少个项目做了绩效自评？", "39"),
    ("普陀财政局2024年有多少个项目做了绩效自评", "4"),
    ("社工部绩效自评的项目有几个", "1"),
])
def test_a_count_is_the_sentence_that_names_what_is_asked(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


def test_counts_that_differ_only_in_the_topic_are_still_refused(reports_ask):
    result = reports_ask("浔阳数经中心有多少在职人员？")
    assert result["status"] == "not_found" and not result["figures"]
    assert _main(reports_ask("浔阳数经中心年末在职人员有几个？"))["value"] == "7"


# --- a party organ's prefix names no department ------------------------------------------------------

@pytest.mark.parametrize("question", ["“第二十届中国（晋江）国际鞋业博览会”专项的自评得分是多少？",
                                      "中国的三公经费是多少", "中共的决算"])
def test_the_party_prefix_alone_does_not_name_a_party_organ(question):
    from domain.normalize import compact
    from index.departments import match_departments

    names = ["中国共产党江苏省委员会办公厅", "中共上海市普陀区委社会工作部", "晋江市经信部门"]
    matched = {m.name for m in match_departments(compact(question), names)}
    assert not matched & {"中国共产党江苏省委员会办公厅", "中共上海市普陀区委社会工作部"}
    assert {m.name for m in match_departments("中共普陀区委社工部2024年支出", names)} == {"中共上海市普陀区委社会工作部"}


# --- funds words: a qualifier beside a row, or part of the row's own name -----------------------------

@pytest.mark.parametrize("question, value", [
    ("晋江经信财政拨款收入支出决算总表里年末财政拨款结转和结余是多少？", "16,408.51"),
    ("晋江经信2018年一般公共预算财政拨款支出里，商品和服务支出（经济分类302）是多少？", "1,179.52"),
    ("泉州数字办2023年一般公共预算财政拨款支出多少", "4075.85"),
    ("普陀财政局一般公共预算财政拨款支出多少", "2,940.05"),
])
def test_funds_words_qualify_a_row_or_name_it(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question", ["智慧福州中心2022年人员经费是多少万元", "晋城大数据局人员经费是多少",
                                      "普陀财政局2024年人员经费多少"])
def test_an_amount_of_staff_costs_is_not_read_as_a_count_of_staff(reports_ask, question):
    fig = _main(reports_ask(question))
    assert fig["unit"] == "万元"


@pytest.mark.parametrize("question, value, label", [
    ("智慧福州2022年购房补贴是多少", "42.91", "购房补贴"),  # 房补 inside the printed label is not the everyday 房补
    ("智慧福州有多少人在岗", "25", None),
    ("普陀财政局2024年津贴这块发了多少", "1,238.58", "津贴补贴"),
])
def test_everyday_words_and_printed_labels(reports_ask, question, value, label):
    result = reports_ask(question)
    fig = _main(result)
    assert fig["value"] == value and len(result["figures"]) >= 1 and (label is None or fig["label"] == label)
    assert not fig["computed"]


@pytest.mark.parametrize("question, value", [
    ("规划资源局2024年初结转和结余", "112.88"),  # the 年 of 年初 is the row's
    ("普陀规划资源局2024年初结转和结余是多少", "112.88"),
    ("浔阳数字经济中心2023年给退休人员花了多少钱", "6.56"),  # 退休 covers 行政单位离退休
])
def test_rows_whose_words_touch_the_year_or_an_everyday_word(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question", ["泉州市大数据服务中心2023年自己单独花了多少钱", "泉州市大数据服务中心的经费是多少"])
def test_money_asked_is_never_answered_with_a_count(reports_ask, question):
    result = reports_ask(question)
    assert not any(f["unit"] in ("人", "个", "辆") for f in result["figures"])


@pytest.mark.parametrize("question, value, label", [
    ("智慧福州中心2022年租房子/租东西花了多少", "2.73", "租赁费"),  # renting premises, not the staff's 提租补贴
    ("普陀规划资源局2024年退休工资发了多少", "67.96", "退休费"),  # not 工资福利支出
    ("浔阳区数字经济发展中心给职工交的医保是多少", "2.52", "职工基本医疗保险缴费"),
])
def test_everyday_compounds_name_one_row(reports_ask, question, value, label):
    fig = _main(reports_ask(question))
    assert (fig["value"], fig["label"]) == (value, label)


@pytest.mark.parametrize("question, value", [
    ("2023年晋城市大数据应用局因公出国（境）花了多少钱", "0"),  # full-width brackets as the narrative prints them
    ("2023年浔阳区数字经济发展中心公务接待费决算是多少", "0.00"),  # 决算 is how it is asked, not what it is
    ("截至2023年底晋城市大数据应用局一共有几辆车", "1"),  # 年底 is no part of a name
])
def test_asking_words_around_a_stated_amount(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question", ["九江浔阳数字经济发展中心 新冠疫情防控资金 项目自评总分",
                                      "浔阳数经中心政务公开工作经费自评得了几分"])
def test_a_score_is_never_read_from_a_table_that_is_no_self_assessment_form(reports_ask, question):
    result = reports_ask(question)
    assert not any(f["table_title"] in ("未命名表格",) or (f["table"] or "") == "其他表" for f in result["figures"])


@pytest.mark.parametrize("question, value", [
    ("“市政务云平台购买云资源费用（政务外网、政务信息网）”这个项目2023年绩效自评总分几分？泉州数字办的", "97"),
    ("晋城大数据局智库合作项目自评得了多少分", "98.5"),
])
def test_a_named_projects_score_is_its_forms_total_score(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert fig["value"] == value and fig["unit"] == "分"


def test_a_departments_words_run_on_into_what_its_report_prints_name_no_other_organisation(reports_ask):
    result = reports_ask("晋江经信 智慧城市运营管理中心及智慧城市数据中心专项 自评得了多少分")
    assert "索引中没有" not in result["answer"] and result["interpretation"]["departments"] == ["晋江市经信部门"]
    assert "索引中没有" in reports_ask("北京市教育局2023年差旅费是多少")["answer"]


@pytest.mark.parametrize("question", ["泉州数字办收入支出决算总表里的基本支出是多少", "普陀财政局收入决算表中项目支出是多少",
                                      "晋城大数据局收入支出决算总表的人员经费"])
def test_a_named_column_a_table_does_not_print_is_never_another_column(reports_ask, question):
    result = reports_ask(question)
    column = next(w for w in ("基本支出", "项目支出", "人员经费") if w in question)
    assert all(column in (f["column"] or "") + (f["label"] or "") for f in result["figures"] if not f["computed"])


# --- an everyday word for a whole printed as parts (水电费 = 水费 + 电费): the parts' sum, never one ---

def _water_and_power(folder):
    """Per report (department, year): the 水费 and 电费 amounts of each table that prints both, and
    whether the report prints either."""
    from index.store import Store

    found: dict[tuple, dict] = {}
    with Store(folder) as store:
        for d in store.documents():
            rows: dict[int, dict] = {}
            for f in store.facts(d["name"]):
                if f["row_label"] in ("水费", "电费") and f["number"] is not None:
                    rows.setdefault(f["table_index"], {}).setdefault(f["row_label"], set()).add(f["value_text"])
            if d["department"] and d["year"] and rows:
                found[(d["department"], d["year"])] = rows
    return found


@pytest.mark.parametrize("phrasing", ["{d}{y}年水电费是多少", "{y}年{d}的水电费用多少", "{d}{y}年度“水电费”多少"])
@pytest.mark.parametrize("corpus", ["reports", "jiangsu"])
def test_a_word_for_a_whole_printed_in_parts_is_their_sum_never_one_part(
        corpus, phrasing, reports_folder, reports_ask, jiangsu_ingested, jiangsu_ask):
    folder, ask = (reports_folder, reports_ask) if corpus == "reports" else (jiangsu_ingested[0], jiangsu_ask)
    reports = _water_and_power(folder)
    assert len(reports) >= (3 if corpus == "reports" else 10)
    for (department, year), tables in reports.items():
        result = ask(phrasing.format(d=department, y=year))
        both = {(a, b) for t in tables.values() for a in t.get("水费", ()) for b in t.get("电费", ())}
        parts = {v for t in tables.values() for vs in t.values() for v in vs}
        if not both:  # one part printed alone is never stated as the whole
            assert not any(f["value"] in parts and not f["computed"] for f in result["figures"][:1]), result["answer"]
            continue
        fig = _main(result)
        assert fig["computed"] and fig["formula"] in {f"{a} + {b}" for a, b in both}, result["answer"]
        assert [f["row"] for f in result["figures"][1:]] == ["水费", "电费"]


# --- an amount the 政府采购 说明 states, asked with the table's word before it and in everyday words ---

@pytest.mark.parametrize("phrasing, firms", [
    ("{d}{y}年政府采购授予中小企业合同金额是多少", "中小企业"),
    ("{d}{y}年政府采购里有多少钱给了中小企业？", "中小企业"),
    ("{y}年{d}政府采购中小企业拿到多少", "中小企业"),
    ("{d}{y}年政府采购给了小微企业多少", "小微企业"),
])
def test_an_amount_the_procurement_note_states_is_its_sentence(reports_ask, reports_folder, phrasing, firms):
    import re

    from domain.normalize import compact
    from index.store import Store

    stated = {}
    with Store(reports_folder) as store:
        for d in store.documents():
            amounts = {m for p in store.passages(d["name"])
                       for m in re.findall(rf"授予{firms}合同金额(\d[\d,]*(?:\.\d+)?)万元", compact(p["text"] or ""))}
            if len(amounts) == 1 and d["department"]:
                stated[(d["department"], d["year"])] = amounts.pop()
    assert len(stated) >= 3
    for (department, year), value in stated.items():
        result = reports_ask(phrasing.format(d=department, y=year))
        fig = _main(result)
        assert fig["value"] == value and f"授予{firms}合同金额" in result["answer"], result["answer"]


# --- spending asked by the uses the narrative lists for its subject: the subject's amount, all uses only ---

def _uses_paragraphs(folder):
    """(department, year, uses, amount): paragraphs that name a subject, say what it was mainly
    used for (two uses or more, no amounts among them) and state one 支出决算."""
    import re

    from domain.normalize import compact
    from index.store import Store

    found = []
    with Store(folder) as store:
        for d in store.documents():
            for p in store.passages(d["name"]):
                text = compact(p["text"] or "")
                uses = re.search(r"主要用于[:：]([^。；;\d]{4,120})。", text)
                spent = re.findall(r"支出决算为(\d[\d,]*\.\d+)万元", text)
                if uses and len(spent) == 1 and "、" in uses.group(1) and d["department"]:
                    found.append((d["department"], d["year"], uses.group(1), spent[0]))
    return found


@pytest.mark.parametrize("phrasing", ["{d}{y}年{u}花了多少？", "{y}年{d}用于{u}的钱是多少"])
def test_spending_asked_by_its_listed_uses_is_the_subjects_amount(reports_ask, reports_folder, phrasing):
    import re

    cases = _uses_paragraphs(reports_folder)
    assert len(cases) >= 3
    for department, year, uses, spent in cases:
        listed = re.sub(r"(?:项目)?支出$", "", uses).replace("、", "和")
        result = reports_ask(phrasing.format(d=department, y=year, u=listed))
        fig = _main(result)
        # (a table row that prints the subject, 住房公积金, answers it as well)
        assert fig["value"] == spent and ("没有按用途分列" in result["answer"] or fig["table"]), result["answer"]
        # one use of several is not the subject's amount
        one = re.split(r"、", uses)[0]
        alone = reports_ask(phrasing.format(d=department, y=year, u=one))
        assert not any(f["value"] == spent for f in alone["figures"][:1] if len(one) >= 4), (one, alone["answer"])


# --- a sibling part named by the words that set it apart (行政单位 of 行政单位离退休): that part alone ---

def test_a_sibling_part_named_by_what_sets_it_apart_is_that_part(reports_ask, reports_folder):
    from index.store import Store

    pairs = []
    with Store(reports_folder) as store:
        for d in store.documents():
            cells = {f["row_label"]: f for f in store.facts(d["name"])
                     if f["row_label"] in ("行政单位离退休", "事业单位离退休") and f["number"] is not None
                     and f["column"] in ("合计", "本年支出合计", "支出合计", "决算数")}
            if len(cells) == 2 and d["department"]:
                pairs.append((d["department"], d["year"], cells))
    assert pairs
    for department, year, cells in pairs:
        for part in ("行政单位", "事业单位"):
            result = reports_ask(f"{department}{year}年{part}退休人员的支出是多少")
            fig = _main(result)
            assert not fig["computed"] and fig["row"] == f"{part}离退休", result["answer"]
        whole = reports_ask(f"{department}{year}年离退休一共花了多少")
        assert _main(whole)["computed"]


def test_a_budget_asked_by_its_listed_uses_is_the_subjects_amount(jiangsu_ask, jiangsu_ingested):
    # a budget's note: "(5)物业管理费(款)支出446万元。用于单位办公大楼设备维修保养、会场服务、取暖燃油费等支出。"
    import re

    from domain.normalize import compact
    from index.store import Store

    cases = []
    with Store(jiangsu_ingested[0]) as store:
        for d in store.documents():
            for p in store.passages(d["name"]):
                m = re.match(r"[（(]?[\d一二三四五六七八九十]+[)）、.．][^。]{2,30}?(\d[\d,]*(?:\.\d+)?)万元。(?:主要)?用于([^。\d]{4,120})。",
                             compact(p["text"] or ""))
                if m and "、" in m.group(2) and d["department"]:
                    cases.append((d["department"], d["year"], m.group(2), m.group(1)))
    cases = list(dict.fromkeys(cases))
    assert len(cases) >= 10
    stated = {}
    for department, year, uses, amount in cases:
        listed = re.sub(r"等?(?:项目)?(?:支出|费用)$", "", uses)
        result = jiangsu_ask(f"{department}{year}年机关运行经费中，用于{listed}的那笔费用是多少？")
        if result["status"] == "answered":
            stated[(department, year, uses)] = (result["figures"][0]["value"], amount)
    # most are answered; none with another figure (two subjects the same uses fit are refused)
    assert len(stated) >= 0.6 * len(cases) and all(got == want for got, want in stated.values()), stated
