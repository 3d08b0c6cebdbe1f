"""Classes of question read on the later unseen sets, each varied over departments, layouts and
phrasings on the real reports: a year written without 年, a total asked as …总额, a project's score
only the narrative states, a budget asked in everyday words or stated only in the narrative, a
final account's row that prints only its budget, differences and their sign, labels asked without
their 和, balances and what is left, parts of a total that a 其中 breaks down, 三公 parts of a
budget's 三公 table, changes asked with other verbs or against a named year (and from two years'
reports), count columns, category rows, what a question sets aside, and department lists."""
import re

import pytest
from outcomes import main_figure as _main, refused as _refused


# --- the year written bare, before or after the item ------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("九江市浔阳区数字经济发展中心机关运行经费2023", "8.29"),
    ("浔阳区数字经济发展中心2023政府采购总额", "0.39"),
    ("泉州数字办三公经费2023", "6.18"),
    ("2023泉州数字办基本支出", "689.96"),
    ("晋江经信2018三公经费是多少", "4.18"),
])
def test_a_year_written_without_nian_is_still_the_year(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- a total asked as …总额 is the total a sentence states, whatever it calls the amount -------------

@pytest.mark.parametrize("question, value", [
    ("浔阳区数字经济发展中心2023年政府采购总额", "0.39"),  # 政府采购支出总额
    ("泉州数字办2023年政府采购总额", "1836.89"),
    ("普陀区财政局2024年政府采购总额", "251.25"),  # 政府采购金额(以合同签订为准)
])
def test_a_total_asked_as_zonge_is_the_stated_total(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- a named project's score the narrative states ---------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("浔阳数字经济中心的“赣服通5.0版九江市县分厅建设经费”项目绩效评价得了多少分", "93.81"),
    ("浔阳数字经济中心信息系统通信、运维费项目得分", "94.49"),  # the other project of the same sentence
    ("晋江经信2018年经济发展鼓励扶持政策资金专项自评多少分", "94.6"),
])
def test_a_projects_score_stated_in_the_narrative(reports_ask, question, value):
    result = reports_ask(question)
    assert _main(result)["value"] == value and result["figures"][0]["unit"] == "分"


def test_a_score_of_no_project_named_is_not_a_projects_score(reports_ask):
    _refused(reports_ask("泉州数字办2023年项目绩效自评得分"))


# --- a bare 合计 glued to a quantity's words is that quantity's total ------------------------------

@pytest.mark.parametrize("question, value", [
    ("浔阳数字经济中心2023年人员经费合计", "93.08"),  # printed "人员经费合计 93.08" in one cell
    ("泉州数字办2023年人员经费合计", "613.83"),
])
def test_a_quantitys_total_is_not_another_tables_total(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert fig["value"] == value and fig["table"] == "公开06表"


def test_per_person_from_the_staff_count_the_narrative_states(reports_ask):
    result = reports_ask("浔阳数字经济中心人均人员经费大概多少")
    fig = _main(result)
    assert fig["value"] == "13.30" and fig["computed"] and "93.08 ÷ 7" in result["answer"]
    assert any("6人" in w for w in result["warnings"])  # the other count the report states is shown


# --- a budget asked in everyday words, stated only in the narrative --------------------------------

@pytest.mark.parametrize("question, value", [
    ("浔阳数字经济中心2023年财政拨款年初本来打算花多少钱？", "529.32"),
    ("浔阳数字经济中心2023年财政拨款年初预算数", "529.32"),
    ("社工部2024年调整后的全年预算是多少", "321.02"),
    ("晋江经信2018年经济发展鼓励扶持政策资金专项全年预算数", "5479"),
])
def test_a_budget_stated_only_in_the_narrative(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


def test_a_budget_asked_is_never_the_spending_beside_it(reports_ask):
    _refused(reports_ask("泉州数字办2023年三公经费预算数"))  # its 三公 table prints 决算数 only


# --- a final account's row that prints only its budget ---------------------------------------------

@pytest.mark.parametrize("question", [
    "普陀财政局2024年度三公经费实际支出多少",
    "普陀财政局2024年三公经费决算数",
    "普陀财政局2024年公务接待费是多少",
])
def test_a_rows_budget_is_not_what_was_spent(reports_ask, question):
    result = reports_ask(question)
    fig = _main(result)
    assert fig["value"] in ("0", "0.00") and "0.95" not in fig["value"]


def test_the_budget_of_that_row_is_still_its_budget(reports_ask):
    assert _main(reports_ask("普陀财政局2024年三公经费预算数"))["value"] == "0.95"


# --- differences: the words, the sign, the second named by what sets it apart ----------------------

@pytest.mark.parametrize("question, value", [
    ("晋江经信2018年末结转结余比年初多出多少？", "15195.32"),
    ("泉州数字办2023年基本支出比项目支出少多少", "4945.93"),  # A 比 B 少: B − A
    ("泉州数字办2023年基本支出比项目少多少", "4945.93"),
    ("晋城大数据局2023年收入比支出高出多少", "0.00"),
])
def test_a_difference_of_two_printed_rows(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert fig["value"] == value and fig["computed"]


@pytest.mark.parametrize("question", [
    "泉州市数字泉州建设办公室2023年对中小企业的补助（其他支持中小企业发展和管理支出）比上年多了多少？",
    "泉州数字办2023年其他支持中小企业发展和管理支出比上年多了多少",
])
def test_more_than_the_year_before_is_the_change_not_a_difference_of_one_row(reports_ask, question):
    result = reports_ask(question)
    assert _main(result)["value"] == "811.66" and result["kind"] == "change"


# --- a label asked without its 和, a balance and what is left of it --------------------------------

@pytest.mark.parametrize("question, value", [
    ("晋江经信2018年年初结转结余是多少", "1,244.57"),
    ("泉州数字办2023年年初结转结余", "10.17"),
    ("普陀规划资源局2024年末结转和结余还剩多少", "100.00"),
    ("泉州数字办2023年年末结转和结余还剩下多少", "9.23"),
    ("普陀区规划资源局2024年初结转和结余多少？", "112.88"),
    ("智慧福州中心2022年底还有多少钱没花完留到下年（年末结转和结余）？", "518.37"),
])
def test_balances_asked_in_other_words(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


def test_what_is_left_of_a_budget_is_still_a_difference(reports_ask):
    result = reports_ask("泉州数字办2023年项目支出预算还剩多少没花")
    assert result["kind"] != "figure" or result["status"] != "answered"


# --- a share whose part its own table prints -------------------------------------------------------

@pytest.mark.parametrize("question, value, part", [
    ("普陀区财政局2024年基本支出里人员经费占了多少比例", "92.10", "2,152.26"),
    ("泉州数字办2023年基本支出中公用经费占多少比例", "11.04", "76.14"),
])
def test_a_share_across_two_tables_is_computed_and_says_so(reports_ask, question, value, part):
    result = reports_ask(question)
    assert _main(result)["value"] == value and part in result["answer"]
    assert any("不同地方" in w for w in result["warnings"])


# --- two items set against each other --------------------------------------------------------------

@pytest.mark.parametrize("question, first, second", [
    ("社会工作部2024年基本支出和项目支出哪个多？", "项目支出", "基本支出"),  # two columns of one row
    ("泉州数字办2023年基本支出与项目支出谁多", "项目支出", "基本支出"),
    ("普陀区财政局2024年政府采购里货物和服务哪个多", "服务", "货物"),  # parts of one sentence
    ("泉州数字办2023年政府采购中货物和服务谁多", "服务", "货物"),
])
def test_two_items_against_each_other(reports_ask, question, first, second):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "rank", result["answer"]
    text = result["answer"]
    assert text.index(first) < text.index(second)


# --- a part of a total a 其中 breaks down, in the total's words ------------------------------------

@pytest.mark.parametrize("question, value", [
    ("普陀区财政局2024年政府采购货物支出是多少", "4.79"),  # printed 货物采购金额 under 政府采购金额
    ("普陀区财政局2024年政府采购里服务是多少", "246.47"),
    ("普陀区财政局2024年服务采购是多少", "246.47"),
    ("泉州数字办2023年政府采购服务支出", "1832.28"),
])
def test_a_part_of_a_stated_total(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- changes asked with other verbs, against a named year ------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("泉州数字办机关运行经费2023年比上年涨了多少？", "61.98"),  # only the rate is printed
    ("普陀区规划和自然资源局2024年三公经费比2023年少花了多少？", "0.15"),
])
def test_changes_asked_with_everyday_verbs(reports_ask, question, value):
    result = reports_ask(question)
    assert _main(result)["value"] == value and result["kind"] == "change"


def test_a_change_and_its_reason_lead_with_the_change(jiangsu_ask):
    result = jiangsu_ask("2019年江苏省人大常委会办公厅住房保障支出比上年多了多少？什么原因？")
    assert result["answer"].startswith("1178.82万元") and "主要原因" in result["answer"]


@pytest.mark.parametrize("question, value", [
    ("省法院2019年的公务接待费比上一年预算压缩了多少？", "97"),  # 比上年预算减少97万元
    ("2019年检察院的检察监督支出比2018年减了多少？", "709.4"),
    ("江苏省人大常委会办公厅2017年会议费比上年少了多少？钱去哪了？", "403.75"),  # 本年数小于上年预算数
    ("省政协2019年会议费预算比上年增加了多少？", "398.4"),
])
def test_budget_changes_the_narrative_prints(jiangsu_ask, question, value):
    result = jiangsu_ask(question)
    assert _main(result)["value"] == value and result["kind"] == "change"


@pytest.mark.parametrize("question, value", [
    ("江苏省政协办公厅2019年的收支预算总计比2017年多出多少？", "4230.32"),
    ("省政协办公厅2018年机关运行经费比2017年少了2000多万，到底少了多少？", "2233.13"),
])
def test_a_change_from_two_years_reports(jiangsu_ask, question, value):
    result = jiangsu_ask(question)
    fig = _main(result)
    assert fig["value"] == value and fig["computed"] and len(result["figures"]) == 3


@pytest.mark.parametrize("question", [
    "江苏省政协办公厅2016年的收支预算总计比2015年多出多少？",  # neither year ingested
    "2019年检察院的检察监督支出比2010年减了多少？",
])
def test_a_change_against_a_year_not_ingested_states_no_level(jiangsu_ask, question):
    _refused(jiangsu_ask(question))


# --- budgets: 三公 parts from the 三公 table, categories, the funds of a part -----------------------

@pytest.mark.parametrize("question, value", [
    ("江苏高院2019年预算里招待客人（公务接待）准备花多少钱？", "86.95"),  # not 基本支出's 41.95
    ("省检察院2018年公务用车运行维护费预算", "267.80"),
    ("省检察院2018年因公出国费预算", "100.00"),
])
def test_a_sangong_part_of_a_budget_is_its_sangong_tables(jiangsu_ask, question, value):
    fig = _main(jiangsu_ask(question))
    assert fig["value"] == value and fig["unit"] == "万元"


@pytest.mark.parametrize("question, value", [
    ("江苏省高级人民法院2019年政府采购预算里工程类有多少？", "530.00"),
    ("江苏省高级人民法院2019年政府采购预算中货物是多少", "1,637.72"),
])
def test_a_category_row_printed_with_its_letter(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


@pytest.mark.parametrize("question, value", [
    ("政协办公厅2019年财政拨款里的基本支出是多少？", "6,442.75"),
    ("2017年省委办公厅财政拨款安排的项目支出是多少？", "10,541.46"),  # not the 10,688.66 of all funds
])
def test_the_funds_of_a_part_are_its_funds(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_a_funds_part_not_printed_is_not_the_all_funds_figure(reports_ask):
    _refused(reports_ask("泉州数字办2023年财政拨款项目支出"))


# --- counts: a count's column, a count a sentence states ------------------------------------------

@pytest.mark.parametrize("question", ["上海市普陀区财政局2024年人员编制数是多少？", "晋城大数据局2023年人员编制数"])
def test_a_count_not_printed_is_no_amount(reports_ask, question):
    result = reports_ask(question)
    assert not (result["status"] == "answered" and result["figures"][0]["unit"] == "万元"), result["answer"]


def test_a_count_of_named_things_a_sentence_states(jiangsu_ask):
    result = jiangsu_ask("2019年江苏省人大常委会下面有几个专门委员会？")
    assert _main(result)["value"] == "4" and "4个专门委员会" in result["answer"]


# --- what a question sets aside is not its answer --------------------------------------------------

@pytest.mark.parametrize("question", [
    "省委办公厅2017年除了财政拨款，还有别的钱进来吗？财政专户那块有多少？",
    "2018年省检察院有财政拨款以外的收入吗？多少，从哪来？",
])
def test_what_is_set_aside_is_not_stated(jiangsu_ask, question):
    result = jiangsu_ask(question)
    assert not (result["status"] == "answered" and "财政拨款" in (result["figures"][0].get("row") or "")), result["answer"]


def test_a_part_asked_beside_what_is_set_aside(reports_ask):
    assert _main(reports_ask("泉州数字办2023年除基本支出以外的项目支出是多少"))["value"] == "5635.89"


# --- departments in a list -------------------------------------------------------------------------

def test_a_list_item_that_ends_one_printed_name_is_that_department(jiangsu_ask):
    result = jiangsu_ask("2018年五个省级机关（法院、检察院、省委办公厅、人大办公厅、政协办公厅）的机关运行经费预算谁高谁低？")
    assert result["status"] == "answered" and "共比较 5 个部门" in result["answer"], result["answer"]
    assert result["answer"].index("江苏省高级人民法院 3,407.38") < result["answer"].index("江苏省人民检察院 2,722.57")


def test_three_departments_ranked_by_a_row_are_not_one_departments_rows(reports_ask):
    result = reports_ask("2023年晋城市大数据应用局、泉州市数字泉州建设办公室、浔阳区数字经济发展中心，哪家的本年支出最多？排个序。")
    assert result["kind"] == "rank" and "共比较 3 个部门" in result["answer"], result["answer"]


# --- a subject's name shared with the other side ---------------------------------------------------

@pytest.mark.parametrize("question", [
    "“智慧福州”中心2022年用土地出让收入安排的钱花了多少？",
    "智慧福州2022年土地出让金支出",
])
def test_a_subject_whose_name_says_income_is_still_spending(reports_ask, question):
    assert _main(reports_ask(question))["value"] == "515.05"


# --- lists: where the income comes from, the classes spent under --------------------------------

@pytest.mark.parametrize("question, members", [
    ("泉州数字办2023年的收入都来自哪些渠道？", ("一般公共预算财政拨款收入 4074.90", "政府性基金预算财政拨款收入 2000.00",
                                         "其他收入 250.00")),
    ("晋城大数据局2023年收入来源有哪些", ("一般公共预算财政拨款收入",)),
])
def test_income_sources_listed_with_their_amounts(reports_ask, question, members):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "list", result["answer"]
    assert all(m in result["answer"] for m in members) and not re.search(r"(?<![\d.,])0\.00万元", result["answer"])


def test_income_sources_without_what_is_set_aside(jiangsu_ask):
    result = jiangsu_ask("2018年省检察院有财政拨款以外的收入吗？多少，从哪来？")
    assert _main(result)["value"] == "14.39" and "21,940.96" not in result["answer"]


@pytest.mark.parametrize("question, members", [
    ("晋城大数据局2023年一般公共预算财政拨款支出主要花在哪几类上？", ("一般公共服务支出", "社会保障和就业支出", "卫生健康支出")),
    ("泉州数字办2023年支出都花在哪些类上", ("资源勘探工业信息等支出", "住房保障支出")),
])
def test_classes_spent_under_asked_in_other_words(reports_ask, question, members):
    result = reports_ask(question)
    assert result["status"] == "answered" and all(m in result["answer"] for m in members), result["answer"]


# --- a share the report prints, a count in 名 ------------------------------------------------------

def test_a_share_the_narrative_prints_is_quoted(jiangsu_ask):
    result = jiangsu_ask("2017年省人大办公厅预算说明里，因公出国（境）费占“三公”经费的比例是怎么写的？")
    assert _main(result)["value"] == "8.75" and "占“三公”经费的8.75%" in result["answer"]


def test_a_count_printed_in_ming(jiangsu_ask):
    result = jiangsu_ask("省人大办公厅2017年实际在编在职的有多少人？")
    assert _main(result)["value"] == "274"


# --- a budget asked bare: the whole budget, and its change on the year before ----------------------

@pytest.mark.parametrize("question, value", [
    ("省检察院2018年预算是多少", "21,955.35"),
    ("江苏省人大常委会办公厅2019年预算总额是多少", "18,330.37"),
    ("省法院2019年部门预算盘子有多大", "37,188.34"),
])
def test_a_budget_asked_bare_is_the_whole_budget(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


@pytest.mark.parametrize("question, value", [
    ("省检察院2018年预算和上年比增加了多少", "3,958.67"),
    ("省检察院2018年预算比上年增长了百分之几", "21.95"),
])
def test_a_budgets_change_asked_bare_is_the_whole_budgets(jiangsu_ask, question, value):
    result = jiangsu_ask(question)
    assert _main(result)["value"] == value and result["kind"] == "change"


def test_a_final_accounts_bare_budget_is_not_guessed(reports_ask):
    _refused(reports_ask("泉州数字办2023年预算是多少"))


# --- a count of one named kind in a sentence that counts several -----------------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏省人民检察院2019年有几辆执法执勤用车？", "40"),  # 共有车辆55辆,其中…执法执勤用车40辆
    ("江苏省高级人民法院2019年预算里有几辆特种专业技术用车？", "15"),
    ("江苏省高级人民法院2019年有多少辆车", "66"),  # the total when no kind is named
    ("江苏省政协办公厅2017年部门预算里包含了近代史遗址博物馆管理建设办公室几名在职人员的经费？", "10"),
])
def test_a_count_of_the_kind_named(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


# --- 会议费 and 培训费 of the table whose title names them -------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏高院2017年培训费预算是多少？", "1,701.25"),  # not the 基本支出 table's 60.37
    ("江苏省政协办公厅2019年会议费预算是多少", "1,282.56"),
])
def test_meeting_and_training_of_the_table_that_names_them(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_a_sum_of_the_two(jiangsu_ask):
    assert _main(jiangsu_ask("江苏省政协办公厅2019年会议费和培训费加起来预算多少？"))["value"] == "1564.33"


def test_a_rate_between_two_years_reports(jiangsu_ask):
    result = jiangsu_ask("江苏省高级人民法院2019年的部门预算总额比2017年增长了百分之几？")
    fig = _main(result)
    assert (fig["value"], fig["unit"]) == ("28.91", "%") and fig["computed"]


@pytest.mark.parametrize("question", [
    "晋江市经信部门2018年政府采购授予中小企业的合同金额是多少？",  # the table prints no such column
])
def test_more_asked_than_the_table_named_is_not_its_total(reports_ask, question):
    result = reports_ask(question)
    assert not (result["status"] == "answered" and result["figures"][0]["value"] == "122.67"), result["answer"]


@pytest.mark.parametrize("question, value", [
    ("晋城大数据局2023年政府采购统计数合计是多少？", "207.70"),  # words of the table's own columns
    ("晋江经信2018年政府采购实际采购金额合计多少？", "122.67"),
])
def test_a_tables_own_words_are_not_more_than_the_table(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- set 5's classes: a part stated in the narrative, totals without a name, what was executed --------

@pytest.mark.parametrize("question, value", [
    ("江苏省委办公厅2019年财政拨款基本支出里，人员经费占多大比例？", "80.92"),  # 人员经费 stated, 基本支出 tabled
    ("江苏省高级人民法院2019年基本支出中人员经费占多大比重？", "83.70"),
])
def test_a_share_whose_part_the_narrative_states(jiangsu_ask, question, value):
    result = jiangsu_ask(question)
    assert _main(result)["value"] == value and any("不同地方" in w for w in result["warnings"])


def test_a_column_of_a_named_table_whose_total_row_has_no_name(jiangsu_ask):
    assert _main(jiangsu_ask("江苏省政协办公厅2019年支出预算总表里的基本支出是多少？"))["value"] == "6,522.75"


@pytest.mark.parametrize("question, value", [
    ("晋江“经济发展鼓励扶持政策资金”2018年实际执行了多少？", "3100.64"),
    ("晋江经信2018年经济发展鼓励扶持政策资金专项执行数", "3100.64"),
])
def test_what_was_executed_stated_beside_the_budget(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question, value", [
    ("晋城市大数据应用局2023年一般公共预算支出只完成了年初预算的多少？", "73.86"),
    ("区委社会工作部2024年事业单位医疗只花了全年预算的百分之几？", "21.40"),  # not its budget 2.29
])
def test_a_completion_asked_in_other_words(reports_ask, question, value):
    fig = _main(reports_ask(question))
    assert (fig["value"], fig["unit"]) == (value, "%")


@pytest.mark.parametrize("question, value", [
    ("普陀规划资源局2024年工程类政府采购多少钱？", "1387.72"),
    ("江苏省高级人民法院2018年实行绩效目标管理的项目一共涉及多少财政资金？", "4481.3"),
    ("数字泉州办2023年的政府采购合同里，给中小企业的有多少金额？", "391.29"),
])
def test_an_amount_one_sentence_holds_with_every_word_asked(reports_ask, jiangsu_ask, question, value):
    ask = jiangsu_ask if "江苏" in question else reports_ask
    assert _main(ask(question))["value"] == value


def test_a_quantitys_total_asked_with_he_ji_is_not_another_tables(reports_ask):
    fig = _main(reports_ask("泉州数字办2023年财政拨款支出合计决算数"))
    assert fig["value"] != "6.18" and fig["table"] != "公开07表"


def test_classes_ranked_asked_as_big_classes(reports_ask):
    result = reports_ask("普陀规划资源局2024年一般公共预算支出按功能大类从多到少排是什么顺序？")
    text = result["answer"]
    assert result["kind"] == "rows_ranked" and text.index("自然资源海洋气象等支出") < text.index("城乡社区支出") \
        < text.index("社会保障和就业支出")


# --- the report's kind in words, the year before ------------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("省检察院2018年部门预算基本支出", "13,994.31"),
    ("省检察院2018年政府采购支出预算数", "3,096.24"),  # 预算数 names no column of a budget
])
def test_the_reports_kind_in_words_names_no_row(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_the_final_accounts_kind_in_words_names_no_row(reports_ask):
    assert _main(reports_ask("泉州数字办2023年部门决算里的政府采购支出"))["value"] == "1836.89"


def test_the_year_before_worked_back_from_the_next_years_report(reports_ask):
    result = reports_ask("浔阳区数字经济发展中心2022年的机关运行经费大概是多少？（用2023年决算倒推）")
    fig = _main(result)
    assert fig["value"] == "406.90" and fig["computed"] and "8.29 + 398.61" in result["answer"]


@pytest.mark.parametrize("question", ["泉州数字办上年机关运行经费是多少", "泉州数字办2019年三公经费"])
def test_the_year_before_is_never_the_years_own_figure(reports_ask, question):
    result = reports_ask(question)
    assert not (result["status"] == "answered" and result["figures"][0]["value"] in ("57.21", "6.18")), result["answer"]


# --- units listed in prose, per person over staff, the whole's word said again -------------------

@pytest.mark.parametrize("question, members", [
    ("2019年江苏省人民检察院的部门预算是由哪几家单位汇总的？", ("南京铁路运输检察院", "徐州铁路运输检察院")),
    ("省委办公厅2019年部门预算包括哪些单位？东郊国宾馆算不算？", ("省委机要局", "机关后勤服务中心", "机关文印中心")),
])
def test_units_a_budget_lists_in_prose(jiangsu_ask, question, members):
    result = jiangsu_ask(question)
    assert result["status"] == "answered" and all(m in result["answer"] for m in members), result["answer"]


def test_per_person_asked_as_averaged_over_staff(reports_ask):
    assert _main(reports_ask("泉州数字办2023年人员经费按在职人数平均下来每人大概多少万元"))["value"] == "21.17"


@pytest.mark.parametrize("question, value", [
    ("泉州市数字泉州建设办公室2023年度政府采购里，服务类采购支出是多少万元？", "1832.28"),
    ("泉州数字办2023年政府采购里货物采购是多少", "4.61"),
])
def test_a_part_asked_with_its_wholes_word_again(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


# --- set 6's classes --------------------------------------------------------------------------------

def test_a_bare_total_with_no_table_named_is_the_total_of_the_words_before_it(jiangsu_ask):
    result = jiangsu_ask("省法院2018年实行绩效目标管理的项目涉及财政资金合计多少？")
    assert _main(result)["value"] == "4481.3"  # not the 基本支出 table's 合计 18,570.82


def test_a_growth_asked_as_zengfu_is_the_change(jiangsu_ask):
    result = jiangsu_ask("省人大常委会办公厅2018年的单位预留机动经费增幅有多大？")
    fig = _main(result)
    assert (fig["value"], fig["unit"]) == ("1312.56", "%") and result["kind"] == "change"


def test_an_item_described_by_its_use_is_not_a_row_its_words_name(jiangsu_ask):
    result = jiangsu_ask("省政协办公厅2017年机关运行经费中，用于办公大楼设备维修保养、会场服务和取暖燃油的那笔费用是多少？")
    assert not (result["status"] == "answered" and result["figures"][0]["value"] == "100.00"), result["answer"]


def test_a_completion_and_its_reason_lead_with_the_completion(reports_ask):
    result = reports_ask("浔阳区数字经济发展中心2023年社会保障和就业支出完成了年初预算的多少？为什么超了？")
    assert result["answer"].startswith("119.07%") and "退休人员绩效增加" in result["answer"]


@pytest.mark.parametrize("question, value", [("省高院2019年基本支出", "21,968.00"), ("高院2018年三公经费预算", "620.75")])
def test_a_conventional_short_form_of_an_organ(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


# --- reasons: which comparison a reason explains ------------------------------------------------

def test_the_reason_for_the_change_not_the_one_for_the_budget(reports_ask):
    result = reports_ask("数字泉州办2023年三公经费比上年涨了274%，报告说主要是什么原因？")
    assert result["status"] == "answered" and "招商引资" in result["answer"].split("原文")[0], result["answer"]


def test_the_reason_for_the_budget_not_the_one_for_the_change(reports_ask):
    result = reports_ask("泉州数字办2023年三公经费为什么没有用完预算")
    assert result["status"] == "answered" and "减少预算内公务接待" in result["answer"], result["answer"]


# --- chatty questions, glosses beside a column's word, names with verbs in them --------------------

def test_a_preface_saying_who_asks_is_no_part_of_the_question(jiangsu_ask):
    result = jiangsu_ask("我是做预算研究的，想确认一下：2017年中共江苏省委办公厅用财政拨款安排的项目支出到底是多少？")
    assert _main(result)["value"] == "10,541.46"


def test_a_gloss_inside_a_columns_context(jiangsu_ask):
    assert _main(jiangsu_ask("省检察院2017年基本支出里花在人身上的钱（人员经费）是多少？"))["value"] == "9710.42"


def test_more_than_a_named_year_said_as_duo_chu_lai(jiangsu_ask):
    result = jiangsu_ask("人大常委会办公厅2017年机关运行经费比2016年多出来多少？")
    assert _main(result)["value"] == "4032.99" and result["kind"] == "change"  # never the level 5619.31


def test_a_subject_whose_name_holds_a_verb_of_the_question(jiangsu_ask):
    result = jiangsu_ask("省高院2018年“案件执行”这项支出比上年降了百分之几？")
    assert "案件执行" in result["answer"] and "案件审判" not in result["answer"], result["answer"]


# --- what is set aside, however it is said (别把X算进去, 不含X, X不算在内) --------------------------

@pytest.mark.parametrize("question, value", [
    ("省人大常委会办公厅2017年的“三公”经费预算到底是多少？别把会议费和培训费算进去。", "833.60"),
    ("省人大常委会办公厅2017年除了会议费和培训费以外的三公经费预算是多少", "833.60"),
    ("江苏省政协办公厅2018年三公经费预算，不含会议费和培训费，是多少", "675.10"),
    ("江苏省检察院2019年三公经费预算是多少，会议费培训费不算在内", "418.26"),
])
def test_a_part_set_aside_is_neither_the_answer_nor_its_column(jiangsu_ask, question, value):
    figure = _main(jiangsu_ask(question))
    assert figure["value"] == value and "会议费" not in (figure["column"] or "")


# --- a name the question quotes is where its figure is printed ----------------------------------

@pytest.mark.parametrize("question", [
    "江苏省检察院2019年“智慧检务平台”在政府采购预算里是多少",
    "省政协办公厅2018年“委员履职平台”政府采购预算是多少",
    "泉州数字办2023年“城市大脑”项目的政府采购金额",
])
def test_a_quoted_name_no_row_prints_gets_no_total(jiangsu_ask, reports_ask, question):
    _refused((reports_ask if "泉州" in question else jiangsu_ask)(question))


def test_a_quoted_name_of_the_department_or_a_printed_row_still_answers(reports_ask):
    assert _main(reports_ask("泉州数字办2023年“三公”经费是多少"))["value"] == "6.18"
    assert _main(reports_ask("“智慧福州”中心2022年基本支出是多少"))["value"] == "710.50"


# --- a count asked in its counter (多少台) is never a count in another (13个) -----------------------

@pytest.mark.parametrize("question", [
    "晋城大数据局的城市云平台运维服务项目，要运维多少台服务器？",
    "普陀规划资源局2024年绩效自评涉及多少台设备？",
])
def test_a_count_in_another_counter_is_not_stated(reports_ask, question):
    result = reports_ask(question)
    assert not (result["status"] == "answered" and result["figures"]
                and result["figures"][0]["value"] in ("13", "39")), result["answer"]


# --- a budget asked with a yes-or-no about spending: both, each from its column ------------------

@pytest.mark.parametrize("question, values", [
    ("普陀规划资源局2024年三公经费年初预算是多少，实际花了吗", ["2.85", "0.39"]),
    ("上海市普陀区财政局2024年“三公”经费年初预算是多少？最后花了吗？", ["0.95", "0"]),
])
def test_a_budget_and_whether_it_was_spent(reports_ask, question, values):
    result = reports_ask(question)
    # (a zero is the table's 0.00 or the sentence's 0: both are printed)
    assert result["status"] == "answered" and [float(f["value"]) for f in result["figures"][:2]] == [float(v) for v in values]


def test_nothing_spent_is_not_a_budget_of_nothing(reports_ask):
    assert _main(reports_ask("上海市普陀区财政局2024年“三公”经费年初预算是多少？"))["value"] == "0.95"


# --- a share whose part is named by its own table's title; a balance column only when asked -------

@pytest.mark.parametrize("question, value", [
    ("泉州数字泉州建设办公室2023年的收入里，政府性基金拨款占了百分之几？", "31.62"),
    ("泉州数字办2023年政府性基金拨款占收入的百分之几", "31.62"),
])
def test_a_part_named_by_its_tables_title(reports_ask, question, value):
    assert _main(reports_ask(question))["value"] == value


@pytest.mark.parametrize("question, value, column", [
    ("泉州数字办2023年政府性基金拨款是多少", "2000.00", "本年收入"),
    ("泉州数字办2023年政府性基金年初结转和结余是多少", "0.00", "年初结转和结余"),
])
def test_a_balance_carried_over_answers_only_a_balance_asked(reports_ask, question, value, column):
    figure = _main(reports_ask(question))
    assert (figure["value"], figure["column"]) == (value, column)


# --- a budget's two-sided totals: the side asked -------------------------------------------------

@pytest.mark.parametrize("question, side", [
    ("江苏省检察院2018年支出总计是多少", "支出"),
    ("江苏省检察院2018年收入总计是多少", "收入"),
    ("省政协办公厅2019年支出合计是多少", "支出"),
])
def test_a_budget_total_is_cited_on_the_side_asked(jiangsu_ask, question, side):
    figure = _main(jiangsu_ask(question))
    assert side in figure["row"] + (figure["column"] or "")


# --- how the answer is wanted, in brackets, is no part of the quantity ----------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏省政协办公厅2019年收支预算总计比上年增长了多少（百分比）？", "31.79"),
    ("江苏省政协办公厅2019年收入总计比上年增长了多少(百分比)", "31.79"),
])
def test_a_bracket_saying_how_the_answer_is_wanted(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


# --- each department with its own year, a name its quotes cut in two ------------------------------

@pytest.mark.parametrize("question, order", [
    ("泉州数字泉州办（2023年）、晋江经信部门（2018年）、“智慧福州”中心（2022年）三家，谁的“三公”经费决算最高？从高到低排。",
     [("泉州市数字泉州建设办公室", 2023), ("晋江市经信部门", 2018), ("福州市“智慧福州”管理服务中心", 2022)]),
    ("“智慧福州”中心（2022年）和晋江经信（2018年）三公经费谁高",
     [("晋江市经信部门", 2018), ("福州市“智慧福州”管理服务中心", 2022)]),
    ("泉州数字办（2023年）、“智慧福州”中心（2022年）谁的基本支出多",
     [("福州市“智慧福州”管理服务中心", 2022), ("泉州市数字泉州建设办公室", 2023)]),
])
def test_each_department_compared_in_its_own_year(reports_ask, question, order):
    result = reports_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert [(c["department"], c["year"]) for c in result["comparison"]] == order


# --- several departments' figure added up: each cited, the total computed ------------------------

@pytest.mark.parametrize("question, total, count", [
    ("2019年省人大常委会办公厅、省检察院、省委办公厅、省政协办公厅、省高院五家的部门预算收支总计加起来是多少？", "120729.78", 5),
    ("省检察院和省法院2019年三公经费预算合计多少", "932.01", 2),
])
def test_the_same_figure_of_several_departments_added_up(jiangsu_ask, question, total, count):
    result = jiangsu_ask(question)
    main = _main(result)
    assert main["value"] == total and main["computed"] and len(result["figures"]) == count + 1


def test_two_departments_with_their_own_years_added_up(reports_ask):
    result = reports_ask("泉州数字办（2023年）和晋江经信（2018年）三公经费一共多少")
    assert _main(result)["value"] == "10.36" and result["kind"] == "across_sum"


# --- 三公经费合计 of the table that adds 会议费 and 培训费 is the 三公's total -------------------------

@pytest.mark.parametrize("question, value", [
    ("省检察院2019年三公经费合计是多少", "418.26"),
    ("省检察院2019年三公经费预算合计多少", "418.26"),
    ("省人大常委会办公厅2017年三公经费合计", "833.60"),
    ("江苏省政协办公厅2018年三公经费合计多少", "675.10"),
])
def test_a_sangong_total_is_not_the_total_with_meetings_and_training(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


# --- a department's projects ranked by their self-assessment scores -------------------------------

@pytest.mark.parametrize("question, first, value", [
    ("数字泉州办2023年做绩效自评的项目里，分数最低的那个得了几分？", "数字泉州发展专项资金", "80"),
    ("数字泉州办2023年哪个自评项目得分最低", "数字泉州发展专项资金", "80"),
    ("数字泉州办2023年绩效自评得分最高的项目是哪个", "泉州市政务数据汇聚与共享应用平台监理费用", "99.4"),
    # the total row's one number beside its grade (总分 … 98.5 优) is the score, whatever column it falls in
    ("晋城大数据局2023年哪个项目自评得分最高", "智库合作项目", "98.5"),
])
def test_projects_ranked_by_their_self_assessment_score(reports_ask, question, first, value):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "rank", result["answer"]
    assert (result["comparison"][0]["item"], result["comparison"][0]["value"]) == (first, value)


@pytest.mark.parametrize("question", ["浔阳数字经济中心2023年自评总分最低的项目"])  # 13 assessed, 2 forms read
def test_a_ranking_of_scores_with_a_form_unread_is_refused(reports_ask, question):
    _refused(reports_ask(question))


# --- a quoted name printed in one row's label only is that row ----------------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏高院2017年“江苏法院云平台”租赁费在政府采购预算里是多少？", "1,000.00"),
    ("省政协办公厅2018年“交通运输和仓储服务”政府采购预算", "40.00"),
    ("江苏高院2019年“案件执行”这一块预算多少？", "775.00"),  # printed as the quote itself, beside longer labels
])
def test_a_quoted_name_printed_in_one_rows_label_is_that_row(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_a_quoted_name_printed_on_two_rows_of_one_table_is_asked_back(jiangsu_ask):
    # 专业技能培训服务 is bought for 培训费 (70.00) and for 检察教育培训经费 (630.00): neither alone
    result = jiangsu_ask("江苏省检察院2019年“专业技能培训服务”的政府采购预算是多少")
    assert result["status"] == "ambiguous" and not result["figures"]
    assert "70.00" in result["answer"] and "630.00" in result["answer"]


# --- a budget table named without its second 预算 (一般公共预算支出表) is that table ---------------------

def _short_title_cases(folder):
    """For every Jiangsu budget that prints a 一般公共预算支出预算表 with a 201 row: (department,
    year, the row's label, its amount, the table's title) — the question names the table short."""
    from index.store import Store

    cases = []
    with Store(folder, readonly=True) as store:
        for d in store.documents():
            rows = [f for f in store.facts(d["name"]) if f["table_kind"] == "一般公共预算支出预算表"
                    and f["row_code"] == "201" and f["number"] is not None]
            if len({f["value_text"] for f in rows}) == 1:
                cases.append((d["department"], d["year"], rows[0]["row_label"], rows[0]["value_text"],
                              rows[0]["table_title"]))
    return cases


@pytest.mark.parametrize("form", ["{d}{y}年一般公共预算支出表里，{row}是多少？",
                                  "{y}年{d}一般公共预算支出表（功能科目）中{row}多少"])
def test_a_budget_table_asked_without_its_yusuan_is_that_table(jiangsu_ingested, jiangsu_ask, form):
    cases = _short_title_cases(jiangsu_ingested[0])
    assert len(cases) >= 5, cases  # the test varies over departments and years
    for department, year, row, value, title in cases:
        result = jiangsu_ask(form.format(d=department, y=year, row=re.sub(r"^[一二三四五六七八九十]+、", "", row)))
        main = _main(result)
        assert (main["value"], main["table_title"]) == (value, title), (department, year, result["answer"])


def test_a_short_title_that_two_kinds_of_table_hold_as_closely_names_none(jiangsu_ingested):
    from answer.lookup import printed_title

    facts = [{"table_title": t, "table_kind": k} for t, k in
             (("财政拨款支出预算表（功能科目）", "财政拨款支出预算表"), ("一般公共预算支出预算表（功能科目）", "一般公共预算支出预算表"))]
    assert printed_title("一般公共预算支出表", facts) == ("一般公共预算支出预算表", "一般公共预算支出表")
    assert printed_title("支出表", facts) is None  # too short to be a title
    facts.append({"table_title": "一般公共预算项目支出预算表", "table_kind": "项目支出预算表"})
    facts.append({"table_title": "一般公共预算基本支出预算表", "table_kind": "一般公共预算基本支出预算表"})
    assert printed_title("一般公共预算支出表", facts) == ("一般公共预算支出预算表", "一般公共预算支出表")
    facts = facts[2:]  # only the 项目 and 基本 tables: each as close, of different kinds
    assert printed_title("一般公共预算支出表", facts) is None


# --- a quoted name the narrative prints, the table another ---------------------------------------------

@pytest.mark.parametrize("question, value", [
    ("江苏省委办公厅2019年“公务用车购置及运行费”预算？", "411.20"),  # the table: 购置及运行维护费
    ("省委办公厅2019年“公务用车购置及运行费”预算是多少", "411.20"),
])
def test_a_quoted_name_the_narrative_prints_is_its_statement(jiangsu_ask, question, value):
    result = jiangsu_ask(question)
    assert _main(result)["value"] == value
    assert "公务用车购置及运行费" in result["answer"]


def test_a_quoted_name_nothing_prints_is_still_refused(jiangsu_ask):
    _refused(jiangsu_ask("江苏省委办公厅2019年“公务用车保养费”预算？"))


# --- how the question wants it worked out says nothing of what is asked --------------------------------

@pytest.mark.parametrize("question", [
    "晋江经信部门经济发展鼓励扶持政策资金专项的预算执行率是多少（按执行数/预算数算）？",
    "晋江经信部门经济发展鼓励扶持政策资金专项的预算执行率是多少",
    "晋江经信部门经济发展鼓励扶持政策资金专项预算执行率多少，按执行数除以预算数来算",
])
def test_a_method_clause_does_not_change_the_question(reports_ask, question):
    assert _main(reports_ask(question))["value"] in ("56.6", "56.59")


def test_a_method_clause_is_taken_out_but_budget_words_stay():
    from answer.question import _METHOD

    assert _METHOD.sub("", "预算执行率是多少(按执行数/预算数算)?") == "预算执行率是多少?"
    assert _METHOD.sub("", "执行率,按决算数除以预算数计算") == "执行率,"
    assert _METHOD.sub("", "按经济分类的工资福利支出") == "按经济分类的工资福利支出"  # no 算: a qualifier


# --- the kinds a count is made of, listed --------------------------------------------------------------

@pytest.mark.parametrize("question, present, absent", [
    ("智慧福州中心2022年底的车辆是哪几种用车？", ("机要通信用车1辆", "应急保障用车1辆"), ("执法执勤用车",)),
    ("福州市智慧福州管理服务中心2022年有哪些车", ("机要通信用车1辆", "应急保障用车1辆"), ("其他用车",)),
    ("智慧福州中心的车都是什么类型的", ("机要通信用车1辆", "应急保障用车1辆"), ("其他用车",)),
    ("晋城大数据局2023年车辆都有哪几类", ("其他用车1辆",), ("一般公共服务支出",)),
])
def test_the_kinds_of_a_count_are_listed_with_their_counts(reports_ask, question, present, absent):
    result = reports_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert all(p in result["answer"] for p in present) and not any(a in result["answer"] for a in absent), result["answer"]


# --- a list the narrative writes out in one sentence ------------------------------------------------------

@pytest.mark.parametrize("question", [
    "浔阳区数字经济发展中心2023年做了部门评价的是哪两个项目？",
    "九江市浔阳区数字经济发展中心2023年哪些项目开展了部门评价",
])
def test_a_list_the_narrative_writes_out(reports_ask, question):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "list", result["answer"]
    assert [f["value"] for f in result["figures"]] == ["信息系统通信、运维费", "赣服通5.0版九江市县分厅建设经费"]


def test_a_list_of_another_length_than_asked_is_not_given(reports_ask):
    result = reports_ask("浔阳区数字经济发展中心2023年做了部门评价的是哪三个项目？")
    assert not (result["kind"] == "list" and result["status"] == "answered"), result["answer"]


def test_prose_list_reads_quoted_members_and_refuses_two_lists():
    from answer.lists import prose_list

    one = [{"text": "组织对2个项目开展了部门评价,分别为:“甲、乙费”、“丙经费”。涉及资金1万元。"}]
    assert prose_list(one, ["部门评价"], 2)[0] == ["甲、乙费", "丙经费"]
    assert prose_list(one, ["部门评价"], 3) is None
    two = one + [{"text": "另对项目开展了部门评价,分别为:丁、戊。"}]
    assert prose_list(two, ["部门评价"]) is None  # two different lists: which one is not decided here


@pytest.mark.parametrize("question", ["省检察院2017年有哪些派出机构？", "江苏省人民检察院2017年的派出机构都有哪几个"])
def test_a_list_printed_as_numbered_paragraphs_under_its_heading(jiangsu_ask, question):
    result = jiangsu_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert [f["value"] for f in result["figures"]] == ["南京铁路运输检察院", "徐州铁路运输检察院"]


@pytest.mark.parametrize("question, members", [
    ("泉州市数字泉州建设办公室2023年工作总结里说要推动构建哪五大园区？", 5),
    ("泉州数字办2023年报告提到要构建哪几个园区", 5),
])
def test_words_saying_where_a_list_is_written_name_nothing(reports_ask, question, members):
    result = reports_ask(question)
    assert result["status"] == "answered" and len(result["figures"]) == members, result["answer"]
    assert result["figures"][0]["value"] == "集成电路产业园区"


@pytest.mark.parametrize("question", ["江苏省人民检察院2017年的下属事业单位和派出机构都有哪些？",
                                      "省检察院2017年派出机构以及下属事业单位分别是哪些"])
def test_two_lists_asked_together_each_under_its_heading(jiangsu_ask, question):
    result = jiangsu_ask(question)
    assert result["status"] == "answered", result["answer"]
    by_heading = {}
    for f in result["figures"]:
        by_heading.setdefault(f["table_title"], []).append(f["value"])
    assert by_heading == {"（二）下属事业单位": ["清风苑杂志社", "国家检察官学院江苏分院"],
                          "（三）派出机构": ["南京铁路运输检察院", "徐州铁路运输检察院"]}


@pytest.mark.parametrize("question, printed", [
    ("省委办公厅2019年部门汇总预算包括哪几个预算单位？", "机关文印中心"),
    ("江苏省委办公厅2018年有哪些预算单位", "仅包括江苏省委办公厅厅机关本级"),
    ("江苏省政协办公厅2019年部门预算包括哪些单位？", "共计1家,即省政协办公厅本级"),  # counted, not listed with 、
    ("省人大常委会办公厅2019年的预算单位有哪些", "江苏省人大常委会办公厅部门本级"),
])
def test_the_units_a_budget_covers_are_quoted_from_its_sentence(jiangsu_ask, question, printed):
    result = jiangsu_ask(question)
    assert result["status"] == "answered" and printed in result["answer"], result["answer"]
    assert "编制范围" in result["answer"]  # the sentence that says which units, not another that lists things


def test_heading_list_needs_numbered_names_only():
    from answer.lists import heading_list

    section = "部门概况 / （三）派出机构"
    items = [{"section": section, "text": "1.甲检察院"}, {"section": section, "text": "2.乙检察院"}]
    assert heading_list(items, ["派出机构"])[0] == ["甲检察院", "乙检察院"]
    assert heading_list(items, ["派出机构"], 3) is None
    prose = items + [{"section": section, "text": "派出机构的经费由本级预算安排，具体见下表。"}]
    assert heading_list(prose, ["派出机构"]) is None  # a paragraph of prose: not a list of names


# --- what a named 类 or 款 is broken down into ----------------------------------------------------------

@pytest.mark.parametrize("form", ["{d}{y}年{p}下面有哪些科目", "{y}年{d}“{p}”这一款（类）下面列了哪些项？"])
def test_the_subjects_under_a_named_class_or_kuan(reports_folder, reports_ask, form):
    from index.store import Store

    asked = 0
    with Store(reports_folder, readonly=True) as store:
        for d in store.documents():
            facts = [f for f in store.facts(d["name"]) if f["table_kind"] == "支出决算表" and f["row_code"]]
            parents = {f["row_code"]: f["row_label"] for f in facts if len(f["row_code"]) == 3}
            for code, label in list(parents.items())[:2]:
                under = {f["row_code"] for f in facts if f["row_code"].startswith(code) and len(f["row_code"]) == 5}
                if not under or not label or label.startswith(("一", "二")):
                    continue
                result = reports_ask(form.format(d=d["department"], y=d["year"], p=label))
                assert result["status"] == "answered", (label, result["answer"])
                assert all(c in result["answer"] for c in under), (label, under, result["answer"])
                assert all(re.search(rf"（{code}\d\d）", result["answer"]) for _ in result["figures"])
                asked += 1
    assert asked >= 6


def test_a_breakdown_of_nothing_named_is_not_a_breakdown(reports_ask):
    result = reports_ask("泉州数字办2023年下面有哪些科目")
    assert "下一级列了" not in result["answer"]


# --- a count of projects by grade is the count its own clause grades so --------------------------------

@pytest.mark.parametrize("department, counts", [
    ("浔阳区数字经济发展中心2023年", {"优": "6", "良": "2", "中": "4", "差": "1"}),
    ("晋城大数据局2023年", {"优": "6", "良": "1", "中": "3", "差": "3"}),
])
@pytest.mark.parametrize("form", ["{d}有几个项目被评为“{g}”？", "{d}自评等级为{g}的项目有多少个", "{d}绩效自评结果是“{g}”的项目几个"])
def test_a_count_of_projects_by_grade(reports_ask, department, counts, form):
    for grade, value in counts.items():
        result = reports_ask(form.format(d=department, g=grade))
        assert _main(result)["value"] == value, (grade, result["answer"])


def test_a_count_asked_as_geshu_is_a_count_not_an_amount(reports_ask):
    main = _main(reports_ask("晋城大数据局2023年二级项目绩效自评个数是多少"))
    assert (main["value"], main["unit"]) == ("13", "个")


# --- what a project's form leaves unspent: its funds row's 全年预算数 − 全年执行数 -------------------------

def test_what_a_projects_form_leaves_unspent(reports_folder, reports_ask):
    from decimal import ROUND_HALF_UP, Decimal

    from answer.lists import form_funds
    from index.store import Store

    asked = 0
    with Store(reports_folder, readonly=True) as store:
        for d in store.documents():
            if not d["name"].endswith(".txt"):
                continue
            for ff in form_funds(list(store.facts(d["name"])), store.tables(d["name"]))[:4]:
                if ff.problem or not (ff.budget and ff.spent) or "全年" not in ff.budget["column"]:
                    continue
                name = ff.name["value_text"]
                left = Decimal(ff.budget["value_text"].replace(",", "")) - Decimal(ff.spent["value_text"].replace(",", ""))
                result = reports_ask(f"{d['department']}{d['year']}年“{name}”还有多少钱没花出去？")
                if result["status"] == "ambiguous":  # two projects of one name: not this class
                    continue
                main = _main(result)
                assert Decimal(main["value"]) == left.quantize(Decimal("0.01"), ROUND_HALF_UP) and main["computed"], \
                    (name, result["answer"])
                asked += 1
    assert asked >= 6


# --- a department printed whole with its quotes names nothing of what is asked ----------------------------

@pytest.mark.parametrize("asked", ["2022年突发公共卫生事件应急处理支出比上年增长了百分之多少？", "2022年有哪些车",
                                   "2022年“12345政务服务便民热线座席服务外包经费”还有多少钱没花出去？"])
def test_a_name_printed_with_its_quotes_is_the_name_whole(reports_ask, asked):
    whole = reports_ask("福州市“智慧福州”管理服务中心" + asked)
    short = reports_ask("智慧福州中心" + asked)
    assert whole["status"] == short["status"] == "answered", (whole["answer"], short["answer"])
    assert [f["value"] for f in whole["figures"]] == [f["value"] for f in short["figures"]]


# --- how many times one department's figure is another's ----------------------------------------------

@pytest.mark.parametrize("pair", [("泉州数字办", "晋城大数据局"), ("晋城大数据局", "泉州数字办"), ("浔阳区数字经济发展中心", "泉州数字办")])
@pytest.mark.parametrize("form", ["{a}2023年的基本支出是{b}的几倍", "2023年{a}基本支出是{b}的多少倍？"])
def test_how_many_times_one_departments_figure_is_anothers(reports_ask, pair, form):
    from decimal import ROUND_HALF_UP, Decimal

    a, b = (_main(reports_ask(f"{d}2023年基本支出是多少")) for d in pair)
    result = reports_ask(form.format(a=pair[0], b=pair[1]))
    main = _main(result)
    expected = (Decimal(a["value"].replace(",", "")) / Decimal(b["value"].replace(",", ""))).quantize(
        Decimal("0.01"), ROUND_HALF_UP)
    assert (Decimal(main["value"]), main["computed"], main["unit"]) == (expected, True, "倍"), result["answer"]
    assert [f["value"] for f in result["figures"][1:]] == [a["value"], b["value"]]  # the first named ÷ the second


def test_a_ratio_asked_of_one_department_is_not_its_figure(reports_ask):
    result = reports_ask("泉州数字办2023年的三公经费是基本支出的几倍")
    assert not (result["status"] == "answered" and not result["figures"][0]["computed"]), result["answer"]


def test_a_ratio_against_a_figure_of_nothing_is_refused(reports_ask):
    _refused(reports_ask("泉州数字办2023年的三公经费是晋城大数据局的几倍"))  # 晋城's 三公 table prints nothing


@pytest.mark.parametrize("question", ["2019年江苏省高院的预算盘子是省检察院的几倍？", "2019年省法院的收支预算总计是省检察院的几倍"])
def test_a_name_never_runs_across_de_or_shi(jiangsu_ask, question):
    result = jiangsu_ask(question)  # (…的收支预算总计是省检察院 was read as one unknown organisation)
    main = _main(result)
    assert main["computed"] and main["value"] == "1.54", result["answer"]


# --- one department's figure over several years, added up ----------------------------------------------

@pytest.mark.parametrize("department", ["江苏省人民检察院", "江苏省高级人民法院", "江苏省政协办公厅", "省人大常委会办公厅"])
@pytest.mark.parametrize("item, form", [("基本支出", "{d}2017到2019年{i}加起来是多少"),
                                        ("培训费预算", "{d}2017至2019三年的{i}一共多少？")])
def test_years_added_up_are_the_series_figures_added(jiangsu_ask, department, item, form):
    from decimal import Decimal

    each = jiangsu_ask(f"{department}2017到2019年{item}分别是多少")
    result = jiangsu_ask(form.format(d=department, i=item))
    if each["status"] != "answered" or len(each["series"]) != 3 or any(p["value"] is None for p in each["series"]):
        assert result["status"] != "answered" or not result["figures"][0]["computed"], result["answer"]
        return  # a year missing: no sum of part of them
    main = _main(result)
    total = sum(Decimal(p["value"].replace(",", "")) for p in each["series"])
    assert main["computed"] and Decimal(main["value"]) == total, result["answer"]


# --- an amount per 人次 (or per trip, per vehicle) is not an amount per person in post ----------------

@pytest.mark.parametrize("department", ["泉州数字办2023年", "晋江经信2018年", "普陀区财政局2024年"])
@pytest.mark.parametrize("asked", ["公务接待平均每人次花了多少钱", "每次公务接待花多少钱", "每辆公车的运行维护费是多少"])
def test_an_amount_per_other_count_is_not_per_staff(reports_ask, department, asked):
    result = reports_ask(department + asked)
    assert "在职人数" not in result["answer"] or result["status"] != "answered", result["answer"]


# --- a unit the department's report lists, named without the place its name begins with ----------

@pytest.mark.parametrize("question, label, value", [
    ("泉州数字办2023年下属的大数据服务中心在职人数是多少", "泉州市大数据服务中心", "14"),
    ("2023年泉州数字办大数据服务中心有多少在职人员", "泉州市大数据服务中心", "14"),
    ("晋江经信部门下面的节能监测中心，2018年在职人员是几个？", "晋江市节能监测中心", "6"),
    ("晋江经信2018年节能监测中心有几个编制", "晋江市节能监测中心", "7"),
    ("晋江经信2018年经济和信息化行政执法大队编制几个", "晋江市经济和信息化行政执法大队", "11"),
    # (数字晋江建设办公室 is close to another department's name, 泉州市数字泉州建设办公室: it is 晋江经信's unit)
    ("晋江经信2018年所属数字晋江建设办公室的人员编制数", "晋江市数字晋江建设办公室", "9"),
])
def test_a_unit_named_without_its_place_is_its_row(reports_ask, question, label, value):
    main = _main(reports_ask(question))
    assert (main["row"], main["value"]) == (label, value)


@pytest.mark.parametrize("question", ["晋江经信2018年人员编制是多少人", "泉州数字办2023年人员编制是多少",
                                      "普陀区财政局2024年编制有多少人"])
def test_a_count_of_posts_is_never_a_count_of_other_people(reports_ask, question):
    # no report sentence says 编制 for the department, and no table row adds its units' 编制
    # (晋江经信's narrative says 辞职安置人员50人: people, not posts)
    _refused(reports_ask(question))


def test_a_count_of_posts_the_narrative_states_is_answered(reports_ask):
    result = reports_ask("浔阳区数字经济发展中心2023年编制数是多少")
    assert _main(result)["value"] == "16" and "人员编制数16人" in result["answer"]


# --- a short row label inside longer words of the question that one longer label prints ------------

@pytest.mark.parametrize("question, label, value", [
    ("江苏高院2017年法院云平台的租金预算是多少？", "江苏法院云平台租赁费租赁费", "1,000.00"),
    ("省法院2017年预算里法院云平台租赁费是多少", "江苏法院云平台租赁费租赁费", "1,000.00"),
    ("江苏高院2017年法院支出预算是多少", "法院", "23,513.11"),  # the short label alone is still its row
])
def test_a_short_label_inside_longer_words_is_the_longer_row(jiangsu_ask, question, label, value):
    main = _main(jiangsu_ask(question))
    assert (main["row"], main["value"]) == (label, value)


# --- an amount per 人次 or per 批次 of reception: the printed amount ÷ the printed count, in 元 -------

@pytest.mark.parametrize("question, value, formula", [
    ("晋江市经信部门2018年国内公务接待，平均每接待一人花了多少元？", "78.54", "2.05万元 × 10000 ÷ 261人次"),
    ("晋江经信2018年公务接待平均每人次花了多少钱", "78.54", "2.05万元 × 10000 ÷ 261人次"),  # counts in a table
    ("晋江经信2018年公务接待平均每批次花多少钱", "1464.29", "2.05万元 × 10000 ÷ 14批次"),
    ("泉州数字办2023年公务接待每人次多少钱", "97.14", "2.04万元 × 10000 ÷ 210人次"),  # counts in a sentence
    ("2023年泉州数字办每次公务接待花多少钱", "1073.68", "2.04万元 × 10000 ÷ 19批次"),
])
def test_an_amount_per_reception_is_computed_from_the_printed_count(reports_ask, question, value, formula):
    result = reports_ask(question)
    main = _main(result)
    assert (main["value"], main["formula"], main["computed"]) == (value, formula, True)
    assert main["unit"].startswith("元/") and len(result["figures"]) == 3  # the result and both inputs, cited
    assert all(f["source"]["document"] for f in result["figures"][1:])


@pytest.mark.parametrize("question, reason", [
    ("浔阳区数字经济发展中心2023年公务接待平均每人次花了多少", "为 0"),  # 累计接待0人次: nothing to divide by
    ("普陀区财政局2024年公务接待平均每人次花了多少钱", "没有印出人次数"),
    ("泉州数字办2023年每辆公车的运行维护费是多少", "为 0"),  # 公务用车保有量为0辆
])
def test_an_amount_per_count_without_a_count_to_divide_by_is_refused(reports_ask, question, reason):
    result = reports_ask(question)
    _refused(result)
    assert reason in result["answer"]


def test_per_capita_reception_stays_per_staff_in_post(reports_ask):
    # 人均 divides by the staff in post (answer.kinds.per_person), never by the guests received
    result = reports_ask("晋江经信2018年人均公务接待费")
    assert result["kind"] == "per_person" and "在职人数" in _main(result)["formula"]


# --- an amount whose sentence lists what it covers is not the amount of an item listed ------------

_COVERING = {"泉州数字办2023年": ("613.83", "76.14"), "浔阳区数字经济发展中心2023年": ("258.05", "35.11"),
             "福州智慧办2022年": ("680.3", "30.2"), "晋江经信2018年": ("1295.66", "647.42")}


@pytest.mark.parametrize("department", list(_COVERING))
@pytest.mark.parametrize("item", ["公务用车运行维护费", "公务员医疗补助缴费", "其他社会保障缴费", "机关事业单位基本养老保险缴费",
                                  "其他商品和服务支出"])
def test_an_item_a_sentence_lists_is_not_given_the_sentences_amount(reports_ask, department, item):
    # "(二)公用经费647.42万元,主要包括:办公费、…、公务用车运行维护费、…": 647.42 is the 公用经费's
    result = reports_ask(f"{department}{item}是多少")
    assert not (result["status"] == "answered" and result["figures"][0]["value"] in _COVERING[department]), \
        result["answer"]


# --- 三公 parts of a budget that prints them across, asked and ranked ---------------------------------

@pytest.mark.parametrize("question, value", [
    ("省委办公厅2017年三公经费里的因公出国（境）费", "70.00"),
    ("省检察院2019年公车预算多少", "237"),
    ("省法院2018年三公经费中的公务接待费预算是多少", "183.95"),
])
def test_a_sangong_part_of_a_budget_printed_across(jiangsu_ask, question, value):
    assert _main(jiangsu_ask(question))["value"] == value


def test_an_everyday_part_inside_the_tables_word_is_refused_not_guessed(jiangsu_ask):
    # "三公经费里出国": the words after the table's word are not all explained by a printed name, so
    # the lookup refuses (explaining them by the everyday word stated a wrong figure on a held-out set)
    result = jiangsu_ask("省委办公厅2017年三公经费里出国预算是多少")
    assert result["status"] != "answered" or result["figures"][0]["value"] == "70.00", result["answer"]


@pytest.mark.parametrize("question, order", [
    ("省委办公厅2017年出国、公车、接待三块哪块预算最多？排一下", ["公务用车", "因公出国", "公务接待"]),
    ("省检察院2018年出国、公车、接待哪一块预算最多", ["公务用车", "公务接待", "因公出国"]),
])
def test_the_sangong_parts_ranked(jiangsu_ask, question, order):
    result = jiangsu_ask(question)
    assert result["status"] == "answered", result["answer"]
    shown = result["answer"].split("。")[0]
    assert [shown.index(w) for w in order] == sorted(shown.index(w) for w in order), shown


@pytest.mark.parametrize("question", ["晋江经信2018年三公经费里公车花了多少", "晋江经信2018年三公经费里公务用车运行维护费是多少",
                                      "晋江经信2018年三公经费中出国、公车、接待三项哪项花得最多"])
def test_a_part_printed_blank_is_never_its_tables_total(reports_ask, question):
    # 晋江经信 prints 公务用车购置及运行维护费 blank; the 三公 table's (一)支出合计 is 4.18
    result = reports_ask(question)
    assert "4.18" not in result["answer"] or result["status"] != "answered", result["answer"]


# --- a remark in brackets after the question says part of it ---------------------------------------

@pytest.mark.parametrize("department, year", [("泉州数字办", 2023), ("晋江经信", 2018), ("普陀区财政局", 2024)])
@pytest.mark.parametrize("item", ["基本支出", "三公经费", "项目支出"])
@pytest.mark.parametrize("remark", ["？（{y}年的）", "（看{y}年决算）", "？（按{y}年度部门决算）", "(参考{y}年)"])
def test_a_remark_after_the_question_is_read_as_part_of_it(reports_ask, department, year, item, remark):
    inline = reports_ask(f"{department}{year}年{item}是多少")
    remarked = reports_ask(f"{department}{item}是多少" + remark.format(y=year))
    assert (remarked["status"], [f["value"] for f in remarked["figures"]][:1]) == \
        (inline["status"], [f["value"] for f in inline["figures"]][:1]), remarked["answer"]


def test_a_list_asked_with_a_remark_naming_the_years_budget(jiangsu_ask):
    result = jiangsu_ask("江苏省委办公厅有哪些直属事业单位？（看2017年预算）")
    assert result["status"] == "answered" and "东郊国宾馆" in result["answer"] and "西康宾馆" in result["answer"]


# --- a year written with two digits ------------------------------------------------------------------

@pytest.mark.parametrize("department, year", [("泉州数字办", 2023), ("晋江经信", 2018), ("普陀区财政局", 2024),
                                              ("浔阳区数字经济发展中心", 2023)])
@pytest.mark.parametrize("form", ["{d}{yy}年{i}是多少", "{yy}年度{d}的{i}", "{d}{i}（{yy}年）"])
@pytest.mark.parametrize("item", ["基本支出", "三公经费"])
def test_a_year_written_with_two_digits_is_that_year(reports_ask, department, year, form, item):
    inline = reports_ask(f"{department}{year}年{item}是多少")
    short = reports_ask(form.format(d=department, yy=str(year)[2:], i=item))
    assert short["figures"][:1] == inline["figures"][:1] and short["status"] == inline["status"], short["answer"]


@pytest.mark.parametrize("text, years", [("泉州数字办近10年的基本支出", ()), ("晋江经信12年来三公经费", ()),
                                         ("普陀区财政局第15年的基本支出", ()), ("晋江经信18年底的结余", (2018,))])
def test_a_span_of_years_is_not_a_year(reports_folder, text, years):
    from answer import Answerer

    answerer = Answerer(reports_folder, search=False)
    try:
        assert answerer.catalog.parse(text).years == years
    finally:
        answerer.close()


# --- items ranked are shown as printed, and never read again as another row ---------------------------

def test_ranked_items_asked_in_everyday_words_are_shown_as_printed(jiangsu_ask):
    result = jiangsu_ask("省委办公厅2017年出国、公车、接待三块哪块预算最多？排一下")
    chain = result["answer"].split("。")[0]
    assert "公务用车购置及运行维护费（公车） 411.20万元 > 因公出国（境）费 70.00万元 > 公务接待费 28.00万元" in chain


@pytest.mark.parametrize("question", ["智慧福州中心2022年公用经费里 工会经费、租赁费、公车运维费、其他商品和服务支出 哪个最多？排个序",
                                      "智慧福州中心2022年工会经费、公车运维费哪个多"])
def test_an_item_read_again_from_another_table_is_never_that_tables_total(reports_ask, question):
    # 公车运维费 is 2.42 in the 三公 table; read again from the 基本支出 table it must not become 公用经费合计 30.20
    result = reports_ask(question)
    assert "30.20" not in result["answer"] and "公用经费合计" not in result["answer"], result["answer"]


# --- a whole the question defines by its parts (“三公”经费（出国+公车+接待三项）) ------------------------

@pytest.mark.parametrize("question, value", [
    ("省人大办公厅2017年因公出国（境）费占“三公”经费（出国+公车+接待三项）的比重是多少？", "26.69"),
    ("省检察院2018年公务接待费占“三公”经费（出国+公车+接待）的比例", "24.06"),  # the report prints 24 %
])
def test_a_share_of_a_whole_defined_by_its_parts(jiangsu_ask, question, value):
    # the report's own "占“三公”经费的8.75%" is of a whole that adds 会议费 and 培训费: not what is asked
    main = _main(jiangsu_ask(question))
    assert main["value"] == value and main["computed"]


def test_a_share_with_a_glossed_whole_on_a_final_account(reports_ask):
    main = _main(reports_ask("晋江经信2018年公务接待费占三公经费（出国、公车、接待）的比重"))
    assert main["value"] == "49.04" and main["formula"].startswith("2.05 ÷ 4.18")


# --- the place written before a department's name, and both extremes asked ----------------------------

@pytest.mark.parametrize("department, place", [("省检察院", "江苏的"), ("省法院", "江苏的"), ("省政协办公厅", "江苏")])
@pytest.mark.parametrize("item", ["收支预算总计", "基本支出预算"])
def test_the_place_written_before_a_name_names_the_same_department(jiangsu_ask, department, place, item):
    plain = jiangsu_ask(f"{department}2018年{item}")
    placed = jiangsu_ask(f"2018年{place}{department}{item}")
    assert placed["status"] == plain["status"] == "answered", placed["answer"]
    assert placed["figures"][0]["value"] == plain["figures"][0]["value"]


def test_departments_ranked_after_a_place_they_share_with_both_extremes_asked(jiangsu_ask):
    result = jiangsu_ask("2017年江苏的人大常委会办公厅、省检察院、省委办公厅、省政协办公厅和省高院，收支预算总计哪家最大哪家最小？请排个序。")
    assert result["status"] == "answered", result["answer"]
    values = [f["number"] for f in result["figures"]]
    assert len(values) == 5 and values == sorted(values, reverse=True)  # 最大 asked first: from the highest


def test_the_lowest_asked_alone_ranks_from_the_lowest(reports_ask):
    result = reports_ask("泉州数字办、晋江经信哪家基本支出最少")
    values = [f["number"] for f in result["figures"]]
    assert result["status"] == "answered" and values == sorted(values)


@pytest.mark.parametrize("question, n", [
    ("2018年五家单位的“三公”经费预算谁最多？把人大办公厅、检察院、省委办公厅、政协、高院从高到低排。", 5),
    ("2019年基本支出预算，检察院、高院从低到高排一下", 2),
    ("2017年基本支出预算，把政协办公厅、省委办公厅、高院由高到低排", 3),
])
def test_a_name_never_runs_into_the_rankings_words(jiangsu_ask, question, n):
    result = jiangsu_ask(question)
    assert result["status"] == "answered" and len(result["figures"]) == n, result["answer"]
    assert "江苏省高级人民法院" in result["answer"]


# --- funds named (财政拨款, 一般公共预算): never a figure of a table of all funds ------------------------

_FUNCTIONS = [("省委办公厅", "一般公共服务支出"), ("省人大常委会办公厅", "一般公共服务支出"),
              ("省政协办公厅", "一般公共服务支出"), ("省法院", "公共安全支出"), ("省检察院", "公共安全支出")]


@pytest.mark.parametrize("department, subject", _FUNCTIONS)
@pytest.mark.parametrize("year", [2017, 2018, 2019])
@pytest.mark.parametrize("form", ["{d}{y}年的{s}，财政拨款安排了多少？", "{y}年{d}{s}里一般公共预算拨款是多少"])
def test_funds_named_are_never_answered_from_a_table_of_all_funds(jiangsu_ask, department, subject, year, form):
    from domain.quantities import ALL_FUNDS_KINDS
    from domain.tables import kind_of

    # 收支预算总表 prints all funds (the unit's other income with them): 6,543.55 against the
    # 财政拨款 table's 6,463.55 for 省政协 2017
    main = _main(jiangsu_ask(form.format(d=department, y=year, s=subject)))
    assert kind_of(main["table_title"]) not in ALL_FUNDS_KINDS, main
    assert main["row"] == subject


def test_a_figure_of_all_funds_is_refused_for_funds_named():
    from types import SimpleNamespace

    from answer.lookup import mismatch
    from answer.question import parse

    catalog = SimpleNamespace(departments=["江苏省政协办公厅"], fiscal_words=["一般公共服务支出", "财政拨款"],
                              units={}, labels=[])
    q = parse("2017年江苏省政协办公厅的一般公共服务支出，财政拨款安排了多少？", catalog)
    assert q.funds == "财政拨款"
    whole = {"table_kind": "收支预算总表", "table_title": "收支预算总表", "row_label": "一、一般公共服务支出",
             "row_section": None, "column": "支出/功能分类/金额", "number": 6543.55, "value_text": "6,543.55", "unit": "万元"}
    assert mismatch(whole, q) and "全部资金" in mismatch(whole, q)
    # a row that names the funds is theirs, in whatever table (收支预算总表's 一般公共预算拨款收入)
    assert not mismatch(dict(whole, row_label="一般公共预算拨款收入", column="收入/金额"), q)


# --- a table named in a bracket after the item asked: the item is a row of it, never its total -------

@pytest.mark.parametrize("question, total", [
    ("省法院2018年租办公房要花多少钱（政府采购预算）？", "4,641.62"),
    ("省法院2018年给法院云平台交的租金（政府采购）是多少？", "4,641.62"),
    ("省政协办公厅2018年买家具要多少（政府采购预算）", None),
])
def test_an_item_asked_before_a_bracketed_table_is_not_the_tables_total(jiangsu_ask, question, total):
    result = jiangsu_ask(question)
    if result["status"] == "answered":
        main = result["figures"][0]
        assert "合计" not in main["row"] and "总" not in main["row"] and main["value"] != total, main
    else:
        assert "政府采购" in result["answer"]


# --- funds a question sets aside (除了财政拨款, 财政拨款以外的) are not the funds it asks about ------------

@pytest.mark.parametrize("department", ["江苏省政协办公厅", "江苏省高级人民法院", "江苏省人大常委会办公厅"])
@pytest.mark.parametrize("form, funds", [
    ("{d}2018年除了财政拨款，还有多少其他收入？", None),
    ("{d}2018年财政拨款以外的收入是多少", None),
    ("{d}2018年不算一般公共预算拨款，收入一共多少", None),
    ("{d}2018年除了政府性基金以外的财政拨款是多少", "财政拨款"),
    ("{d}2018年一般公共预算拨款是多少", "一般公共预算"),
])
def test_funds_set_aside_are_not_the_funds_asked(department, form, funds):
    from types import SimpleNamespace

    from answer.question import parse

    catalog = SimpleNamespace(departments=[department], fiscal_words=["财政拨款"], units={}, labels=[])
    assert parse(form.format(d=department), catalog).funds == funds


# --- "how is it" words (怎样, 怎么样, 如何) ask the figure, they never name a row ---------------------

_HOW_BASES = ["泉州数字办2023年政府采购支出总额", "晋江经信2018年三公经费", "浔阳区数字经济发展中心2023年机关运行经费",
              "智慧福州中心2022年基本支出", "晋城大数据局2023年政府采购支出总额"]


@pytest.mark.parametrize("base", _HOW_BASES)
@pytest.mark.parametrize("tail", ["是怎样的？", "怎么样", "情况如何？", "如何"])
def test_how_words_ask_the_same_figure_as_how_much(reports_ask, base, tail):
    asked = _main(reports_ask(base + "是多少？"))
    assert _main(reports_ask(base + tail))["value"] == asked["value"]


# --- a count stated only in a sentence (本部门共有车辆66辆), compared across departments ---------------

_JIANGSU_2019 = ["省委办公厅", "省人大常委会办公厅", "省政协办公厅", "省法院", "省检察院"]


@pytest.mark.parametrize("names", [_JIANGSU_2019, _JIANGSU_2019[1:4], [_JIANGSU_2019[0], _JIANGSU_2019[4]]],
                         ids=["five", "three", "two"])
@pytest.mark.parametrize("form", ["2019年{names}各有多少辆车？按多到少排一下", "2019年{names}谁的车辆多",
                                  "2019年{names}，谁家的车最多？"])
def test_counts_stated_in_sentences_are_ranked_as_each_report_states_them(jiangsu_ask, names, form):
    single = {d: _main(jiangsu_ask(f"2019年{d}有多少辆车？")) for d in names}
    result = jiangsu_ask(form.format(names="、".join(names)))
    assert result["status"] == "answered" and len(result["figures"]) == len(names), result["answer"]
    values = [int(f["value"]) for f in result["figures"]]
    assert sorted(values, reverse=True) == values == sorted((int(f["value"]) for f in single.values()), reverse=True)
    assert all(f["unit"] == "辆" for f in result["figures"])


def test_counts_are_compared_only_when_each_sentence_counts_the_same_thing():
    from answer.ranking import counted_thing

    def fact(sentence, value, unit="辆"):
        return {"row_label": sentence, "value_text": value, "unit": unit}

    assert counted_thing(fact("本部门共有车辆66辆,其中,一般公务用车13辆。", "66")) == "车辆（辆）"
    assert counted_thing(fact("截至2019年底，本单位共有车辆 46 辆。", "46")) == "车辆（辆）"
    assert counted_thing(fact("本部门共有车辆66辆,其中,一般公务用车13辆、执法执勤用车38辆。", "38")) == "执法执勤用车（辆）"
    # (a qualifier is part of what is counted: 年末实有人员 is compared only with 年末实有人员)
    assert counted_thing(fact("年末实有人员38人。", "38", "人")) == "年末实有人员（人）"
    assert counted_thing(fact("公用经费647.42万元。", "647.42", "万元")) is None
    assert counted_thing(fact("共66辆。", "66")) is None  # a clause that names nothing counted


# --- a count of a kind of people (在职, 退休, 编制): only a sentence or column that says that kind ---------

@pytest.mark.parametrize("department", ["泉州数字办2023年", "晋城大数据局2023年", "智慧福州中心2022年", "晋江经信2018年",
                                        "浔阳区数字经济发展中心2023年", "普陀区财政局2024年", "普陀区委社会工作部2024年"])
@pytest.mark.parametrize("kind, form", [("在职", "{d}在职人员有多少人"), ("退休", "{d}退休人员有多少人"),
                                        ("编制", "{d}编制有多少人")])
def test_a_count_of_a_kind_of_people_is_never_another_count_of_people(reports_ask, department, kind, form):
    result = reports_ask(form.format(d=department))
    if result["status"] == "answered":
        main = result["figures"][0]
        assert kind in (main["row"] or "") + (main.get("column") or "") + result["answer"], result["answer"]


# --- an item of a list table (政府采购) named by a word of its printed label: that one row, or nothing ---

def _procurement_rows(folder):
    """(department, year, word, row label, value) for each 政府采购 row of the Jiangsu budgets whose
    label's first word (two characters or more) is printed in no other row of its report."""
    from collections import Counter

    from index.store import Store
    from index.tokens import engine

    out = []
    with Store(folder) as store:
        for doc in store.reports():
            facts = [f for f in store.facts(doc["name"]) if "政府采购" in (f["table_title"] or "")]
            labels = Counter(f["row_label"] for f in facts if f["number"] is not None)
            for label in sorted(labels):
                word = next((w for w in engine().lcut(re.sub(r"^[一二三四五六七八九十、（）()\d.]+", "", label))), "")
                if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word in ("合计", "政府", "采购"):
                    continue
                # (a label is also named without its 、/和/及/与: 办公、办案设备… holds 办公办案设备)
                holding = [f for f in facts if word in re.sub(r"[、和及与]", "", f["row_label"]) and f["number"] is not None]
                if len({f["row_label"] for f in holding}) == 1 and labels[label] == 1 and not re.search(r"[A-Z]$", label):
                    out.append((doc["department"], doc["year"], word, label, holding[0]["value_text"]))
    return out


def test_an_item_named_by_a_word_of_one_printed_row_is_that_row(jiangsu_ingested, jiangsu_ask):
    rows = _procurement_rows(jiangsu_ingested[0])
    assert len(rows) >= 10, rows
    for department, year, word, label, value in rows[::max(1, len(rows) // 12)]:
        result = jiangsu_ask(f"{department}{year}年政府采购预算里，买{word}准备花多少？")
        main = _main(result)
        assert (main["row"], main["value"]) == (label, value), result["answer"]


@pytest.mark.parametrize("department", ["省政协办公厅", "省法院", "省检察院", "省人大常委会办公厅", "省委办公厅"])
@pytest.mark.parametrize("year", [2018, 2019])
@pytest.mark.parametrize("item", ["住宿服务", "餐饮服务", "会议服务", "印刷服务"])
def test_an_items_name_ending_in_a_category_is_never_the_category_row(jiangsu_ask, department, year, item):
    result = jiangsu_ask(f"{department}{year}年政府采购里{item}是多少")
    if result["status"] == "answered":
        assert not re.search(r"[A-Z]$", result["figures"][0]["row"]), result["answer"]


# --- funds said after the quantity they pay part of (基本支出里靠财政拨款安排的) ---------------------------

@pytest.mark.parametrize("department", ["省政协办公厅", "省法院", "省检察院", "省人大常委会办公厅", "省委办公厅"])
@pytest.mark.parametrize("year", [2017, 2018, 2019])
@pytest.mark.parametrize("part, funds, form", [
    ("基本支出", "财政拨款", "{y}年{d}的{p}里，靠{f}安排的有多少？"),
    ("项目支出", "一般公共预算", "{d}{y}年{p}中{f}安排的是多少"),
    ("基本支出", "一般公共预算", "{d}{y}年{p}当中用{f}拨款的部分有多少"),
])
def test_funds_said_after_the_part_ask_what_funds_said_before_it_ask(jiangsu_ask, department, year, part, funds, form):
    before = jiangsu_ask(f"{department}{year}年{funds}{part}是多少")
    after = jiangsu_ask(form.format(d=department, y=year, p=part, f=funds))
    assert after["status"] == before["status"], (before["answer"], after["answer"])
    assert [f["value"] for f in after["figures"][:1]] == [f["value"] for f in before["figures"][:1]]


# --- a number asked, then why (…少了多少？为什么差这么多？): the number, and the reason or a note -------

@pytest.mark.parametrize("base", ["晋江经信2018年机关运行经费", "泉州数字办2023年三公经费", "浔阳区数字经济发展中心2023年机关运行经费",
                                  "普陀区财政局2024年一般公共预算财政拨款支出", "智慧福州中心2022年三公经费"])
@pytest.mark.parametrize("tail", ["是多少？为什么？", "是多少，原因是什么？", "有多少？为什么会这样？"])
def test_a_number_then_why_answers_the_number_and_the_reason(reports_ask, base, tail):
    number = _main(reports_ask(base + "是多少？"))
    why = reports_ask(base + "为什么？")
    result = reports_ask(base + tail)
    assert _main(result)["value"] == number["value"], result["answer"]
    if why["status"] == "answered":  # the reason, quoted as the why alone quotes it
        assert why["answer"].split("\n")[0][:40] in result["answer"], (why["answer"], result["answer"])
    else:  # or a note that the report gives none, beside the number
        assert any("原因" in w for w in result["warnings"]), result


@pytest.mark.parametrize("question", [
    "2018年省人大办公厅的机关运行经费比2017年少了多少？为什么差这么多？",
    "省人大常委会办公厅2018年机关运行经费比2017年减少了多少，原因是什么？",
    "2018年省人大办公厅的机关运行经费为什么比2017年差了这么多？",
])
def test_the_year_compared_with_names_no_word_of_the_reason(jiangsu_ask, question):
    result = jiangsu_ask(question)
    assert result["status"] == "answered" and "口径" in result["answer"], result["answer"]


@pytest.mark.parametrize("question, value, unit", [
    # a count of things one sentence states, asked with no word of money: its number, in its unit
    ("福州市“智慧福州”管理服务中心的决算里说，2022年12345热线一共受理了多少群众诉求？", "226.83", "万件"),
    ("智慧福州中心2022年数字城管系统共受理了多少有效案件？", "94.17", "万件"),
    ("晋江经信2018年海峡杯工业设计大赛收到多少有效作品？", "12351", "件"),
    ("江苏省人大常委会2019年与新华日报社联办了多少期法制专刊？", "12", "期"),
])
def test_a_count_one_sentence_states_with_every_word_asked(reports_ask, jiangsu_ask, question, value, unit):
    result = (jiangsu_ask if "江苏" in question else reports_ask)(question)
    assert result["status"] == "answered", result["answer"]
    assert (_main(result)["value"], _main(result)["unit"]) == (value, unit)


def test_a_count_sentences_give_differently_is_not_stated(reports_ask):
    result = reports_ask("晋江经信2018年策划举办了多少场对接活动？")  # 7场, 9场 in different sentences
    assert result["status"] != "answered" and not result["figures"], result["answer"]


@pytest.mark.parametrize("question, members", [
    # units asked by the name a budget's prose lists them under (下属单位, printed also 下属事业单位)
    ("江苏省人大常委会2019年预算公开里提到的下属单位有哪些？", ["江苏议事园", "江苏省人大干部培训中心"]),
    ("省政协办公厅2019年的下属单位有哪些", ["江苏省政协联谊俱乐部", "江苏省政协文史资料编辑部"]),
    ("江苏省委办公厅2018年下属单位有哪些", ["东郊国宾馆", "西康宾馆"]),
    ("省检察院2019年下属单位有哪些？", ["江苏检察官学院", "清风苑杂志社"]),
    # the units the budget covers, asked as such or with no name: the budget's scope sentence
    ("江苏省人大常委会2019年预算单位有哪些？", ["编制范围的预算单位共计一家"]),
    ("江苏省人大常委会2019年包括哪些单位", ["编制范围的预算单位共计一家"]),
])
def test_units_asked_by_the_name_the_prose_lists_them_under(jiangsu_ask, question, members):
    result = jiangsu_ask(question)
    assert result["status"] == "answered", result["answer"]
    assert all(m in result["answer"] for m in members), result["answer"]


@pytest.mark.parametrize("question", [
    # 在职 (a column word of the units table) inside the words of an amount asked: never a headcount
    "2018年晋江经信给在职去世人员家属的抚恤金和遗属补助，一共列支了多少？",
    "晋江经信2018年在职人员的津贴补贴加起来列支了多少",
    "泉州数字办2023年在职职工的住房公积金一共花了多少钱？",
])
def test_a_count_column_never_answers_an_amount(reports_ask, question):
    result = reports_ask(question)
    assert not [f for f in result["figures"] if f["unit"] == "人"], result["answer"]


@pytest.mark.parametrize("question, code", [
    # the level a breakdown is asked at (项级科目 under a 类): the rows of that level, not the next one
    ("普陀规划资源局2024年社会保障和就业支出下面，有钱花出去的项级科目有哪些？", "208"),
    ("社工部（普陀区委社会工作部）2024年的一般公共服务支出，都落在了哪几个项级科目上？", "201"),
    ("泉州数字办2023年社会保障和就业支出下面有哪些项级科目", "208"),
    ("普陀财政局2024年一般公共服务支出下面有哪几个项级科目？", "201"),
])
def test_a_breakdown_asked_at_a_level_lists_that_level(reports_ask, question, code):
    result = reports_ask(question)
    assert result["status"] == "answered" and len(result["figures"]) >= 1, result["answer"]
    codes = re.findall(r"（(\d+)）", result["answer"])[1:]  # (the first is the class asked)
    assert len(codes) == len(result["figures"]) and all(len(c) == 7 and c.startswith(code) for c in codes), \
        result["answer"]
    if "有钱花" in question:
        assert all(f["number"] for f in result["figures"])


@pytest.mark.parametrize("question, value", [
    # a count of vehicles asked as 车辆总数 / 车辆总量: the 辆 the report states
    ("江苏省委办公厅2019年车辆总数是多少", "127"),
    ("省检察院2019年的车辆总量有多少", "55"),
    ("普陀财政局2024年车辆总数", "0"),
])
def test_vehicles_asked_as_a_total_count(reports_ask, jiangsu_ask, question, value):
    fig = _main((reports_ask if "普陀" in question else jiangsu_ask)(question))
    assert (fig["value"], fig["unit"]) == (value, "辆")


def test_vehicles_ranked_asked_as_total_counts(jiangsu_ask):
    result = jiangsu_ask("江苏省委办公厅、省人大常委会办公厅、省政协办公厅、省检察院、省高院，2019年预算公开里各自报的车辆总数，从多到少排一排。")
    text = result["answer"]
    assert result["status"] == "answered"
    assert text.index("127辆") < text.index("66辆") < text.index("55辆") < text.index("54辆") < text.index("46辆")
