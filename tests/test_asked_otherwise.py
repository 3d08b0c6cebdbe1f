"""Classes of question read on a later unseen set, each varied over departments, layouts and
phrasings on the real reports: a year in Chinese numerals, a relative year named beside its year,
a grand total in everyday words beside an item no row names, an everyday word inside a longer
printed name, spending described only by its use, a kind of staff counted in a sentence that
counts several, per person of the retired, a budget 安排 or 多出 said otherwise, income sources asked
as 渠道, departments named by their level, and subjects listed by how their final amount stands
against their budget."""
import pytest
from outcomes import main_figure as _main, refused as _refused


# --- a year written in Chinese numerals -------------------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("二〇二三年晋城市大数据应用局的一般公共服务支出，年初预算安排了多少万元？", "9663.99"),
    ("晋城市大数据应用局二零二三年度一般公共服务支出年初预算是多少", "9663.99"),
    ("二〇二三年泉州数字办三公经费是多少", "6.18"),
    ("晋江经信二〇一八年三公经费是多少", "4.18"),
])
def test_a_year_in_chinese_numerals_is_the_year(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


def test_a_year_in_chinese_numerals_not_held_is_refused(reports_ask):
    _refused(reports_ask("二〇一九年泉州数字办三公经费是多少"))


# --- 去年（2023年）: the year named is the question's year, not the year before ----------------------

@pytest.mark.parametrize("question, value", [
    ("泉州数字办去年（2023年）三公经费是多少", "6.18"),
    ("泉州数字办2023年（也就是去年）的三公经费是多少", "6.18"),
    ("晋江经信去年即2018年三公经费是多少", "4.18"),
])
def test_a_relative_year_named_beside_its_year(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- 一共花了多少 beside an item no row names: never the department's whole spending -----------------

@pytest.mark.parametrize("question", [
    "泉州数字办2023年在扶贫帮困上一共花了多少钱？",
    "晋江经信2018年在节能宣传上一共花了多少钱",
    "九江市浔阳区数字经济发展中心2023年在人才引进上总共花了多少",
])
def test_a_grand_total_word_beside_an_unnamed_item_is_not_the_total(reports_ask, question):
    result = reports_ask(question)
    assert not any(f["row"] in ("本年支出合计", "合计") or "本年支出合计" in (f.get("column") or "")
                   for f in result["figures"]), result["answer"]


@pytest.mark.parametrize("question, value", [
    ("泉州数字办2023年一共花了多少钱？", "6325.85"),
    ("泉州数字办2023年整个单位一年总共花了多少钱", "6325.85"),
])
def test_a_grand_total_word_alone_is_the_total(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question, value", [
    ("泉州数字办去年（2023年）在扶持中小企业发展上一共花了多少钱？", "900.00"),
    ("泉州数字办2023年扶持中小企业花了多少", "900.00"),
])
def test_small_firms_supported_in_everyday_words(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- an everyday word inside a longer printed name is that name's ----------------------------------

@pytest.mark.parametrize("question, value", [
    ("省检察院2017年公务用车购置预算是多少", "50.00"),
    ("省检察院2017年打算花多少钱买新车？", "50.00"),
    ("省检察院2017年公务用车运行预算是多少", "267.80"),
])
def test_a_car_word_inside_a_printed_name(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_a_part_a_budget_does_not_print_is_not_the_part_beside_it(jiangsu_ask):
    # 省高院's 2019 三公 table prints no 公务用车购置费 column: neither its 运行维护费 nor the car total
    _refused(jiangsu_ask("省高院2019年公务用车购置预算是多少"))


# --- spending described by its use alone: the subject its everyday words name ----------------------

@pytest.mark.parametrize("question, value", [
    ("省人大办公厅2017年预算里，专门用于处理群众来信来访的钱是多少？", "47.50"),
    ("省人大2017年信访的预算", "47.50"),
    ("江苏省政协办公厅2017年预算里，发给职工的独生子女奖励有多少？", "0.50"),
])
def test_subjects_in_everyday_words_of_budgets(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_a_subject_the_department_does_not_print_is_refused(jiangsu_ask):
    _refused(jiangsu_ask("省政协2018年群众来访方面预算多少"))


# --- a kind of staff counted where a sentence counts several ---------------------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏省人大常委会办公厅2017年离退休人员有多少人", "150"),
    ("江苏省人大常委会办公厅2017年在职人员有多少人", "274"),
])
def test_the_count_of_the_kind_of_staff_asked(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_per_retired_person_divides_by_the_retired(jiangsu_ask):
    result = jiangsu_ask("2017年江苏省人大常委会办公厅有离退休人员150名，按“未归口管理的行政单位离退休”预算摊下来，每人大约多少万元？")
    main = _main(result)
    assert main["value"] == "10.72" and main["computed"] and "1,608.51 ÷ 150" in main["formula"]


def test_a_premise_that_disagrees_with_the_report_is_said(jiangsu_ask):
    result = jiangsu_ask("2017年江苏省人大常委会办公厅有离退休人员160名，按未归口管理的行政单位离退休预算平均每人多少万元")
    assert _main(result)["value"] == "10.72"
    assert any("160" in w and "150" in w for w in result["warnings"]), result["warnings"]


# --- a budget 安排, or 多出, said otherwise ---------------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("社工部“事业单位医疗”这一项，全年预算比实际支出多出多少万元？", "1.80"),
    ("社工部事业单位医疗这一项全年预算比实际支出多了多少", "1.80"),
    ("普陀区财政局2024年行政运行这个科目年初预算比决算多出来多少", "48.16"),
])
def test_a_budget_difference_said_otherwise(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- income sources asked as 渠道 ---------------------------------------------------------------------

@pytest.mark.parametrize("question, rows", [
    ("智慧福州中心2022年的钱是从哪几个渠道来的？", ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入")),
    ("泉州数字办2023年资金是从什么渠道来的", ("一般公共预算财政拨款收入",)),
])
def test_income_sources_asked_as_channels(reports_ask, question, rows):
    result = reports_ask(question)
    assert result["status"] == "answered" and all(r in result["answer"] for r in rows), result["answer"]


# --- departments named by their level are no unknown organisation ----------------------------------

def test_departments_named_by_their_level_are_ranked(jiangsu_ask):
    result = jiangsu_ask("2019年这五家省级部门——省委办公厅、省人大常委会办公厅、省政协办公厅、省检察院、省高院——各有多少辆车？按车辆数从多到少排。")
    assert result["status"] == "answered", result["answer"]
    order = [result["answer"].find(n) for n in ("省委办公厅", "高级人民法院", "人民检察院", "人大常委会办公厅", "政协办公厅")]
    assert -1 not in order and order == sorted(order), result["answer"]


# --- subjects listed by how the final amount stands against the budget -----------------------------

def test_subjects_whose_final_equals_the_budget(reports_ask):
    result = reports_ask("普陀规划资源局2024年有哪些支出项目的决算和年初预算持平？")
    assert result["status"] == "answered", result["answer"]
    for label in ("行政单位离退休", "事业单位离退休", "住房公积金", "购房补贴"):
        assert label in result["answer"]
    assert "行政运行" not in result["answer"]  # 1115.48 against 1092.80


def test_subjects_below_the_budget_are_the_others(reports_ask):
    equal = reports_ask("普陀规划资源局2024年哪些科目决算数同预算数持平")
    below = reports_ask("普陀规划资源局2024年哪些科目决算小于预算")
    assert "6 项" in equal["answer"] and "7 项" in below["answer"], (equal["answer"], below["answer"])
    assert "行政运行" in below["answer"] and "住房公积金" not in below["answer"]


def test_none_above_the_budget_is_said(reports_ask):
    result = reports_ask("普陀财政局2024年哪些科目超过了年初预算")
    assert result["status"] == "answered" and "没有" in result["answer"], result["answer"]


def test_a_report_without_such_pairs_gives_no_list(reports_ask):
    _refused(reports_ask("晋城市大数据应用局2023年哪几项支出没用完年初预算"))


# --- a claim restated before the question asks: the premise, not what is asked ---------------------

@pytest.mark.parametrize("question, value", [
    ("报告说浔阳数经中心2023年商品和服务支出大幅下降，比上年少了多少万元？", "67.64"),
    ("报告说省政协2018年“压缩会议规模和人数，节俭办会”，会议费预算比上年少了多少万元？", "210.46"),
    ("省政协2019年说培训任务和参训人数增多，培训费预算比上年增加了多少？", "184.17"),
    ("普陀规划资源局说2024年落实八项规定、压缩了培训费，机关运行经费比2023年少了多少？", "13.52"),
])
def test_a_restated_claim_is_the_premise(jiangsu_ask, reports_ask, question, value):
    ask = jiangsu_ask if "省政协" in question else reports_ask
    assert _main(ask(question))["value"] == value


def test_a_quoted_name_is_no_claim(reports_ask):
    from answer.question import without_claim

    assert without_claim("泉州数字办“信息化建设”项目花了多少") == "泉州数字办“信息化建设”项目花了多少"
    assert without_claim("报告里是怎么说的") == "报告里是怎么说的"


# --- 那几个项目 points back at things: no count is asked --------------------------------------------

def test_those_projects_ask_their_money_not_their_number(jiangsu_ask):
    result = jiangsu_ask("省检察院2018年实行绩效目标管理的那几个项目，一共涉及多少财政性资金？")
    assert _main(result)["value"] == "5,086" and len(result["figures"]) == 1


def test_how_many_projects_is_still_a_count(jiangsu_ask):
    assert _main(jiangsu_ask("省检察院2018年有几个项目实行绩效目标管理"))["value"] == "5"


# --- the words that named the department begin a row's name -----------------------------------------

@pytest.mark.parametrize("question", [
    "省法院 2017 江苏法院云平台 租赁费 采购预算",
    "省法院2017年江苏法院云平台租赁费是多少",
])
def test_a_department_named_again_inside_a_rows_name(jiangsu_ask, question):
    assert _main(jiangsu_ask(question))["value"] == "1,000.00"


def test_a_department_named_only_inside_a_rows_name_is_not_its_whole_spending(jiangsu_ask):
    result = jiangsu_ask("江苏法院云平台租赁费2017年是多少")
    assert not any(f["value"] == "23,513.11" for f in result["figures"]), result["answer"]


# --- pay and rewards in everyday words ----------------------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("浔阳数字经济发展中心一年给员工的饭补是多少钱？", "2.55"),
    ("泉州数字办2023年餐补多少", "1.18"),
    ("晋江经信那边2018年给个人发的奖励一共多少钱？", "572.21"),
])
def test_pay_in_everyday_words(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- a table named by a title that lists several things (“三公”经费、会议费、培训费支出预算表) -----------

@pytest.mark.parametrize("question", [
    "省委办公厅2017年“三公”经费、会议费、培训费支出预算表里，会议费栏是多少？",
    "省高院2019年“三公”经费、会议费、培训费支出预算表里培训费是多少",
])
def test_a_column_of_a_table_named_by_its_listing_title_is_never_its_three_public_total(jiangsu_ask, question):
    result = jiangsu_ask(question)
    assert not any(f["value"] in ("509.20", "513.75") for f in result["figures"]), result["answer"]
    assert "三公" not in "".join(f.get("column") or "" for f in result["figures"][:1]), result["answer"]
