"""Classes of figure question, each varied over departments and phrasings on the real reports:
a table printed empty, a column asked inside a named table, a heading that prints no amount, a
count printed on a row of its own, everyday words, amounts asked in 元, counts told apart by the
question's words, and department names that must not be read where they are not asked."""
import pytest


def _main(result):
    assert result["status"] == "answered", result["answer"]
    return result["figures"][0]


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
