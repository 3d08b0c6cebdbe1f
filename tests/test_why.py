"""Answers in words: why a figure is what it is, changed or stayed under its budget (the report's
own sentence, quoted whole, from its 情况说明 or a 绩效 form's 偏差原因 cells); what money was used
for; a count only a sentence states (the number first, with its sentence).  Varied over the five
text reports and the three Shanghai PDFs, with phrasings that give a rounded figure, a rate, a
zero, a project without the word 项目; and the refusals — in words, never a figure — where the
report does not say it."""
import re

import pytest

from conftest import TEXTS
from test_lists_text import FINANCE, PLANNING, SOCIAL, _quoted, _refused, ask, folder  # noqa: F401 - fixtures

QUANZHOU, JINCHENG, FUZHOU, JINJIANG, XUNYANG = (p.name for p in TEXTS)


# --- why: the sentence about the asked subject that gives a reason ---------------------------------

@pytest.mark.parametrize("question, printed, document, line, page", [
    # a figure asked rounded (515 for 515.05, 308 for 307.82, 185 for 184.65): the sentence printing it
    ("智慧福州中心2022年为什么会有515万元的政府性基金支出？", "主要原因是部分城市信息化项目使用政府性基金预算财政拨款支出。",
     FUZHOU, 490, None),
    ("社工部2024年为什么会有308万元的收入支出？", "收入支出总计增加307.82万元,增长100.00%。主要原因:单位于2024年成立。",
     SOCIAL, None, 17),
    ("普陀财政局2024年机关运行经费为什么是185万元？", "主要原因是优化办公环境、提升照明效率", FINANCE, None, 24),
    # a rate asked (100% for 100.00%, 1.4% for 1.40%), with the direction it says
    ("晋江经信2018年公务用车费用为什么下降100%？", "公务用车购置费和运行费分别下降100%,主要是:公车改革。", JINJIANG, 684, None),
    ("社工部2024年收支为什么比上年增长100%？", "主要原因:单位于2024年成立。", SOCIAL, None, 17),
    ("普陀财政局2024年机关运行经费为什么增加了1.4%？", "导致相关支出略有增加。", FINANCE, None, 24),
    ("晋江经信2018年公务接待费为什么增长32.25%？", "公务接待费支出增长32.25%,主要是:接待人数及批次增加。", JINJIANG, 686, None),
    # the second reason of one sentence (the first is for 支出总计's fall)
    ("浔阳数经中心年末为什么没有结转结余？", "现将单位结转预算资金予以收回统筹,故年末无结转结余。", XUNYANG, 394, None),
    ("浔阳数经中心2023年结转结余为什么是0？", "收回统筹", XUNYANG, 394, None),
])
def test_a_reason_is_quoted_whole_from_the_narrative(ask, question, printed, document, line, page):
    result = ask(question)
    assert result["kind"] == "why"
    assert "原因" in result["answer"] and not [f for f in result["figures"] if f.get("number") is not None]
    _quoted(result, printed, document=document, line=line, page=page)


@pytest.mark.parametrize("question, printed, document, line", [
    # a scanned form: its project named over split cells, the reason in a sentence that says 由于
    ("浔阳数经中心的网络安全和等级保护建设经费为什么没执行？", "挂网公示期中,进度较缓慢", XUNYANG, 695),
    # a cell under the form's 偏差原因 column is the reason even without 原因 in it
    ("浔阳数经中心的区政府大楼等保费为什么没执行？", "待到合付款时间再支付", XUNYANG, 748),
    ("浔阳数经中心的浔政问策导航器建设经费为什么没执行完？", "合同付款时间", XUNYANG, 673),
    # a sentence that says 原因 beats a bare 偏差原因 cell of the same form
    ("晋城大数据局应用系统适配改造及资源租用项目为什么没执行？", "存在偏差的原因为签订合同时间迟(12月19日)", JINCHENG, 957),
])
def test_a_projects_reason_comes_from_its_form(ask, question, printed, document, line):
    result = ask(question)
    assert result["kind"] == "why"
    _quoted(result, printed, document=document, line=line)


@pytest.mark.parametrize("question", [
    "智慧福州中心12345综合服务大厅场地改造及设施采购经费为什么没执行？",  # its form says how much, not why
    "普陀财政局2024年年末为什么没有结转结余？",  # it has none to explain: no sentence says why
    "泉州数字办2023年为什么没有结转结余？",
    "晋江经信2018年公务用车费用为什么增加？",  # the report says it fell
    "泉州数字办2023年为什么会有515万元的政府性基金支出？",  # 000 prints no 515
    "普陀规划资源局2024年为什么没有结转结余？",
])
def test_a_reason_not_given_is_refused_in_words_with_the_nearest_passages(ask, question):
    result = ask(question)
    _refused(result)
    assert result["kind"] == "why" and not result["figures"]
    assert "报告没有写明原因" in result["answer"]
    assert result["passages"], "the nearest passages come with the refusal"


# --- what money was used for --------------------------------------------------------------------

@pytest.mark.parametrize("question, printed, document, line, page", [
    ("晋江经信2018年因公出国（境）的钱用在了什么地方？",
     "主要用于郭浪滔赴台湾开展创意设计资源对接活动、黄金发赴香港开展创意设计资源对接活动。", JINJIANG, 682, None),
    ("晋江经信2018年公务接待费的钱花在了什么地方？", "主要用于省、泉州及其他地区政府、企业、协会来晋考察等方面的接待活动", JINJIANG, 686, None),
    ("普陀规划资源局2024年公务接待费的钱用在了什么地方？", "主要用于接待上级部门及外省市单位调研学习及考察", PLANNING, None, 26),
    ("社工部2024年事业运行的钱用在了什么地方？", "主要用于:事业单位人员支出。", SOCIAL, None, 18),
])
def test_what_money_was_used_for_is_quoted_not_its_amount(ask, question, printed, document, line, page):
    result = ask(question)
    assert result["kind"] == "text" and not result["figures"]
    _quoted(result, printed, document=document, line=line, page=page)
    assert "反映" not in result["answer"]  # never the glossary's definition of the term


@pytest.mark.parametrize("question", [
    "泉州数字办2023年公务用车运行维护费用在了什么地方？",  # named only inside 公用经费's 主要包括 list and the glossary
    "普陀财政局2024年因公出国（境）费用在了什么地方？",  # 0.00, no use said; the glossary says what the term means
])
def test_a_use_not_said_is_refused_in_words_not_answered_with_a_figure(ask, question):
    result = ask(question)
    _refused(result)
    assert result["kind"] == "text" and not result["figures"]
    assert "报告没有写明用途" in result["answer"]


# --- a count only a sentence states ------------------------------------------------------------

@pytest.mark.parametrize("question, value, unit, printed, document, line", [
    ("智慧福州中心2022年把多少条热线归并进了12345？", "32", "条", "完成国家、省要求的32条热线", FUZHOU, 84),
    ("智慧福州中心2022年e福州上线了多少项便民惠企应用？", "30", "项", "30项便民惠企应用服务", FUZHOU, 76),
    ("晋江经信2018年淘汰了多少家陶瓷企业？", "12", "家", "淘汰12家陶瓷企业", JINJIANG, 117),  # its passage opens at 117
    ("晋江经信2018年有多少所台湾院校参赛？", "19", "所", "19所台湾院校", JINJIANG, 708),
    ("晋城大数据局2023年完成了多少家网站迁移？", "50", "家", "50家网站迁移", JINCHENG, 944),  # a form's cell
])
def test_a_count_only_prose_states_leads_with_the_number_and_quotes_its_sentence(ask, question, value, unit, printed,
                                                                                 document, line):
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "text", result["answer"]
    fig = result["figures"][0]
    assert (fig["value"], fig["unit"], fig["computed"]) == (value, unit, False)
    assert (fig["source"]["document"], fig["source"]["line"]) == (document, line)
    assert result["answer"].startswith(value + unit) and printed in result["answer"]


@pytest.mark.parametrize("question", [
    "晋江经信2018年有多少家企业获评？",  # one sentence says 6家企业获评 and 8家企业获评
    "浔阳数经中心2023年招商引资引进了几家企业？",  # the report gives no number
    "晋江经信2018年工业设计大赛有多少所大陆院校参加？",  # the sentence says 参赛, not 参加: not taken as said
])
def test_a_count_prose_does_not_state_once_is_not_given(ask, question):
    result = ask(question)
    assert result["status"] != "answered" or result["kind"] != "text", result["answer"]


def test_a_count_a_table_or_the_lookup_gives_is_left_to_it(ask):
    result = ask("普陀规划资源局2024年有多少个项目做了绩效自评？")
    assert result["status"] == "answered" and result["kind"] == "figure"
    assert result["figures"][0]["number"] == 39


@pytest.mark.parametrize("question, quoted", [
    ("浔阳区数字经济发展中心2023年收入为啥下降了40%多", "5G+智能税务官"),
    ("晋城大数据局2023年收入为什么少了1200多万", "1,264.10"),
])
def test_a_number_given_roughly_finds_the_sentence_that_prints_it(reports_ask, question, quoted):
    result = reports_ask(question)
    assert result["status"] == "answered" and quoted in result["answer"].replace(" ", "")


def test_a_rough_number_the_report_does_not_print_finds_no_reason(reports_ask):
    result = reports_ask("晋城大数据局2023年收入为什么少了1300多万")
    assert result["status"] == "not_found" and not result["figures"]


def test_not_spending_the_whole_budget_asked_in_everyday_words(reports_ask):
    result = reports_ask("普陀财政局2024年信息化建设为什么没花满预算")
    assert result["status"] == "answered" and "产业政策扶持资金管理系统" in result["answer"]


@pytest.mark.parametrize("question, quoted", [
    ("社工部2024年收支比上年增长100%，怎么解释的", "成立"),
    ("泉州数字办2023年三公经费比上年多了，报告里说的原因是什么", "招商引资"),
])
def test_how_the_report_explains_it_is_a_why_question(reports_ask, question, quoted):
    result = reports_ask(question)
    assert result["status"] == "answered" and quoted in result["answer"]


# --- how people say it: numerals in words, everyday verbs of change, a lead before the name -------

@pytest.mark.parametrize("question, quoted", [
    ("为何晋城大数据局2023年收入少了一千二百多万", "特定目标类项目"),  # an amount in Chinese numerals
    ("浔阳区数字经济发展中心2023年收入为啥下降了百分之四十多", "5G+智能税务官"),
    ("请问泉州数字办2023年三公经费为什么比上年多", "招商引资"),  # a word before the department's name
    ("为什么省检察院2018年社会保障和就业支出反而比2017年少了", "社保中心"),
    ("江苏省政协办公厅2019年公务接待费为什么降了", "厉行节约"),  # 降了, 涨了: the direction asked
    ("省政协办公厅2019年会议费多了398.4万元，钱加到哪儿了", "主会场变更"),  # where the increase went
    ("2018年人大办公厅项目支出增加了四百八十万元，主要新增了哪些专项", "立法研究所"),
    ("2019年省委办公厅预算涨了三千多万，文件里给的理由是什么", "移动办公平台"),
    ("普陀区财政局2024年一般公共预算财政拨款支出只完成了年初预算的98%，为什么？", "中介机构服务调减"),
    ("普陀规划资源局城乡社区规划与管理支出执行率才88%，原因是什么", "政府采购流程"),
])
def test_a_reason_asked_the_way_people_say_it(reports_ask, jiangsu_ask, question, quoted):
    ask = jiangsu_ask if re.search(r"省|人大", question) and "普陀" not in question else reports_ask
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "why", result["answer"]
    assert quoted in result["answer"].replace(" ", "")


@pytest.mark.parametrize("question", [
    "晋城大数据局2023年收入为什么少了一千三百多万",  # a rough amount the report does not print
    "江苏省政协办公厅2019年公务接待费为什么涨了",  # it fell
])
def test_a_reason_for_what_the_report_does_not_say_is_refused(reports_ask, jiangsu_ask, question):
    result = (jiangsu_ask if "江苏" in question else reports_ask)(question)
    assert result["status"] == "not_found" and not result["figures"], result["answer"]


@pytest.mark.parametrize("question, quoted", [
    ("请问泉州数字办2023年三公经费为何不降反升", "招商引资"),
    ("泉州数字办2023年三公经费比上年多出来的钱用在哪了", "招商引资"),
    ("省人大常委会办公厅2019年项目支出为啥不降反升？钱主要多花在哪些专项上？", "办公用房租赁"),
    ("2018年江苏省委办公厅的“财政专户管理资金”收入怎么变成0了？", "上缴国库"),
    ("普陀财政局2024年三公经费怎么成了0", "三公"),
    ("浔阳区数字经济发展中心2023年收入为啥降了四成多", "5G+智能税务官"),  # 四成: 40%
    ("泉州数字办2023年“一般行政管理事务”支出一下降了八成多，怎么回事？", "功能科目调整"),
    ("浔阳数字经济中心2023年卫生健康支出年初一分预算都没有，为什么决算有25.09万元？", "新冠疫情"),
    ("浔阳数字经济中心2023年卫生健康支出年初预算为0，为什么决算有25.09万元", "新冠疫情"),
    ("江苏省委办公厅2018年怎么没有财政专户管理资金收入了？", "上缴国库"),
    ("人大常委会办公厅2018年项目支出增加了480万元，新增的钱主要用在哪些地方？", "立法研究所"),
    # an item the class's sentence lists among its uses: the item's own reason, not the class's
    ("省政协2019年政协会议那一项预算为啥涨了这么多？", "主会场变更"),
    ("2019年江苏省政协的“政协会议”经费为什么一下涨了57%？", "主会场变更"),
    ("省人大常委会办公厅2019年人大会议支出为什么增加了", "二次会议专项经费"),
])
def test_a_reason_asked_in_everyday_turns_of_phrase(reports_ask, jiangsu_ask, question, quoted):
    ask = jiangsu_ask if re.search(r"江苏|人大|省委|省政协|省法院|省高院|省检察院", question) else reports_ask
    result = ask(question)
    assert result["status"] == "answered" and result["kind"] == "why", result["answer"]
    assert quoted in result["answer"].replace(" ", "")


@pytest.mark.parametrize("question, quoted", [
    # the subject as a table names it; the narrative prints its level marks inside (检察(款)检察监督(项)支出),
    # and the amount is asked with its unit (多了480万, 少了1311.6万)
    ("省人大办公厅2018年其他人大事务支出为什么比上年多了480万", "立法研究所"),
    ("江苏省人大办公厅18年“其他人大事务支出”为啥一下多了480万", "内网等改造"),
    ("省检察院2019年检察监督支出为什么减少了709.4万？", "省纪委监委"),
    ("江苏省人民检察院2019年“一般行政管理事务支出”为啥少了1311.6万", "厉行节约"),
    ("省检察院2018年一般行政管理事务支出为何多了21.8万元", "办公办案设备"),
])
def test_a_reason_for_a_subject_printed_with_its_level_marks(jiangsu_ask, question, quoted):
    result = jiangsu_ask(question)
    assert result["status"] == "answered" and quoted in result["answer"], result["answer"]


@pytest.mark.parametrize("question, quoted", [
    # a rough amount with its unit before 多 (700万多, 300万多元) and how suddenly it came (突然, 一下子)
    ("省政协办公厅2019年政协会议经费为什么突然多了400万多元", "主会场变更"),
    ("省检察院2019年检察监督支出为什么减少了700万多？", "省纪委监委"),
    ("社工部2024年收支为什么一下子涨了300万多？", "单位于2024年成立"),
])
def test_a_rough_amount_said_with_its_unit_first(reports_ask, jiangsu_ask, question, quoted):
    result = (reports_ask if "社工部" in question else jiangsu_ask)(question)
    assert result["status"] == "answered" and result["kind"] == "why", result["answer"]
    assert quoted in result["answer"].replace(" ", "")


def test_a_rough_amount_with_its_unit_the_report_does_not_print_finds_no_reason(jiangsu_ask):
    result = jiangsu_ask("省检察院2019年检察监督支出为什么减少了800万多？")
    assert result["status"] == "not_found" and not result["figures"], result["answer"]


@pytest.mark.parametrize("question, quoted", [
    # a whole (政府性基金支出) whose breakdown (具体情况如下:) is one item: the item's reason is the whole's
    ("智慧福州中心2022年为什么会有政府性基金支出？", "部分城市信息化项目使用政府性基金"),
    ("智慧福州中心2022年政府性基金支出为什么增加了？", "部分城市信息化项目使用政府性基金"),
    ("泉州数字办2023年为什么会有政府性基金支出？", "新增专项基础设施"),
    ("泉州数字办2023年政府性基金支出为啥多了2000万？", "新增专项基础设施"),
])
def test_a_wholes_reason_given_under_its_only_item(reports_ask, question, quoted):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "why", result["answer"]
    assert quoted in result["answer"].replace(" ", "")


@pytest.mark.parametrize("question", [
    "晋江经信2018年政府性基金支出为什么下降了？",  # its one item rose: the item's reason is for a rise
    "智慧福州中心2022年一般公共预算财政拨款支出为什么减少？",  # a breakdown of nine items, each its own reason
])
def test_a_wholes_reason_is_not_taken_from_an_item_that_does_not_stand_for_it(reports_ask, question):
    result = reports_ask(question)
    assert result["status"] == "not_found" and not result["figures"], result["answer"]


@pytest.mark.parametrize("question, quoted", [
    # where the money went, asked as where it "went" (去了哪里, 去哪儿了): the use the report states
    ("晋江经信部门2018年的出国（境）经费是去了哪里、干什么用的？", "郭浪滔赴台湾"),
    ("晋江经信2018年出国的钱去哪儿了", "黄金发赴香港"),
    ("普陀规划资源局2024年公务接待费去哪儿了", "主要用于接待上级部门"),
])
def test_where_money_went_is_its_use(reports_ask, question, quoted):
    result = reports_ask(question)
    assert result["status"] == "answered" and quoted in result["answer"], result["answer"]
    assert not [f for f in result["figures"] if f.get("number") is not None]


def test_where_money_went_that_the_report_does_not_say_is_refused_in_words(reports_ask):
    result = reports_ask("泉州数字办2023年因公出国（境）费去了哪里？")  # it says why, not where or on what
    assert result["status"] == "not_found" and not result["figures"], result["answer"]


@pytest.mark.parametrize("question, quoted", [
    # a shortfall said with 把 (没把年初预算用完, 没有把全年预算花完, 没把预算用光): below the budget
    ("普陀财政局2024年一般公共预算财政拨款支出为什么没把年初预算用完？", "中介机构服务调减"),
    ("普陀规划资源局城乡社区规划与管理支出为什么没有把全年预算花完", "决算数小于预算数的主要原因"),
    ("社工部2024年事业单位医疗为啥没把预算用光", "决算数小于全年预算数的主要"),
])
def test_a_shortfall_said_with_ba_is_below_the_budget(reports_ask, question, quoted):
    result = reports_ask(question)
    assert result["status"] == "answered" and result["kind"] == "why", result["answer"]
    assert quoted in result["answer"].replace(" ", "")
