"""Everyday words and the report terms they mean — the documented bridge between how people ask
("出差花了多少钱", "公车") and what reports print (差旅费, 公务用车运行维护费).

Both layers use it.  The answer layer picks table rows with it: every everyday word found in a
question (as a substring) adds its report terms to the terms the question names directly.  The
search index adds to each table row the everyday words of its label, so that "出差" finds the
差旅费 row by keyword as well.  Extend the table here; nothing else holds such words.
"""
from __future__ import annotations

import re

# how people say an amount rose or fell on the year before (涨了, 多花, 压缩): what a question asks
# about the direction of a change, whichever of these words it uses
RISE = re.compile(r"不降反升|不减反增|反升|反增|增加|增长|多了|上升|提高|上涨|涨|多花|追加|增了|多出|变多"
                  r"|(?:比|较)(?:上年|去年|上一年)多")
FALL = re.compile(r"减少|下降|少了|降低|下滑|跌|降了|压缩|缩减|削减|减了|节约|节省|少花|少出|变少|砍|压减|减掉|缩水"
                  r"|(?:比|较)(?:上年|去年|上一年)少")

# a why asked as where a change went or how it came to be (多了150万，钱加在哪儿了; 主要新增了哪些专项;
# 多出来的钱用在哪; 怎么变成0了): the question's operation (answer.question) and the words a quoted
# reason need not hold (answer.explain)
WHERE_TO = (r"新增了?(?:哪些|什么)(?:专项|项目|内容|经费)?|(?:钱)?(?:主要)?(?:加|增|多|涨)(?:花|用)?(?:在|到)了?哪(?:儿|里|些方面|些地方|些专项|些项目)?(?:上)?了?"
            r"|怎么(?:会|就)?(?:变成|成了|变为|降为|降到|只有|没有|没了)"
            r"|(?:多(?:出来|出)|新增|增加|多花)的(?:钱|部分|资金|经费)?(?:主要)?(?:用|花)(?:在|到|于)了?哪(?:儿|里|些方面|些地方)?了?")

# words that only press the question (到底多少, 最后是多少): they name nothing asked
EMPHASIS = r"到底|究竟|最后|最终"

# what share of its budget was spent, in everyday words (钱花出去百分之几, 用掉了几成): an execution
# rate (执行率), printed or worked out from 全年预算数 and 全年执行数 — not a share of another total
SPENT_SHARE = r"(?:花|用|支|执行)(?:出去|出|掉|了)*(?:.{0,4}预算的?)?(?:百分之|多少%|几成)"

EVERYDAY_TERMS: dict[str, tuple[str, ...]] = {
    "出差": ("差旅费",),
    "土地出让": ("国有土地使用权出让收入安排的支出",),  # 土地出让金, 土地出让收入 (212 08)
    "差旅": ("差旅费",),
    "招待": ("公务接待费",),
    "请客": ("公务接待费",),
    "宴请": ("公务接待费",),
    "请客吃饭": ("公务接待费",),
    "接待": ("公务接待费",),
    "公车": ("公务用车购置及运行维护费", "公务用车运行维护费"),
    "公车运维": ("公务用车运行维护费",),
    "公车运行": ("公务用车运行维护费",),
    "辆车": ("车辆数合计", "车辆数"),
    "用车": ("公务用车购置及运行维护费", "公务用车运行维护费"),
    "买车": ("公务用车购置费",),
    "新车": ("公务用车购置费",),  # 买新车, 换新车: a car bought
    "购车": ("公务用车购置费",),
    "养车": ("公务用车运行维护费",),
    "修车": ("公务用车运行维护费",),
    "出国": ("因公出国（境）费",),
    "出境": ("因公出国（境）费",),
    "工资": ("工资福利支出", "基本工资"),
    "退休工资": ("退休费",),
    "退休金": ("退休费",),
    "薪水": ("工资福利支出", "基本工资"),
    "奖金": ("奖金",),
    "津贴": ("津贴补贴",),
    "离退休": ("行政单位离退休", "事业单位离退休", "离退休"),
    "退休": ("退休费", "行政单位离退休", "事业单位离退休", "离退休"),
    "公积金": ("住房公积金",),
    "房补": ("提租补贴", "购房补贴"),
    "租房": ("租赁费",),  # renting premises; the staff's housing subsidy is 租房补贴
    "租东西": ("租赁费",),
    "租用": ("租赁费",),
    "租房补贴": ("提租补贴",),
    "养老保险": ("机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费支出"),
    "职业年金": ("机关事业单位职业年金缴费", "机关事业单位职业年金缴费支出"),
    "医保": ("行政单位医疗", "事业单位医疗", "职工基本医疗保险缴费"),
    "医疗保险": ("行政单位医疗", "事业单位医疗"),
    "交通费": ("其他交通费用", "交通费"),
    "交通补贴": ("其他交通费用",),  # 公务交通补贴 is paid from 30239 其他交通费用 since the 车改
    "车补": ("其他交通费用",),
    "办公设备": ("办公设备购置",),
    "水电费": ("水费", "电费"),
    "水电": ("水费", "电费"),
    "买设备": ("办公设备购置", "专用设备购置"),
    "办公用品": ("办公费",),
    "开会": ("会议费",),
    "培训": ("培训费",),
    "总收入": ("本年收入合计",),
    "收入合计": ("本年收入合计",),
    "总支出": ("本年支出合计",),
    "本年支出": ("本年支出合计",),
    "本年收入": ("本年收入合计",),
    "支出合计": ("本年支出合计",),
    "一共花": ("本年支出合计",),
    "总共花": ("本年支出合计",),
    "财政拨款": ("财政拨款收入",),
    "人员经费": ("人员经费合计", "人员经费"),
    "公用经费": ("公用经费合计", "公用经费"),
    "政府采购": ("政府采购",),
    "采购": ("政府采购",),
    "机关运行": ("机关运行经费",),
    "结余": ("年末结转和结余",),
    "疫情": ("突发公共卫生事件应急处理", "重大公共卫生服务"),
    "防疫": ("突发公共卫生事件应急处理", "重大公共卫生服务"),
    "上级补助": ("上级补助收入",),
    # the economic classification (政府支出经济分类科目) in everyday words: each word → the
    # subjects every report prints under their national names
    "底薪": ("基本工资",),
    "年终奖": ("奖金",),
    "奖励": ("奖励金",),  # paid to persons (30309 奖励金); a bonus of pay is 奖金, 绩效 pay 绩效工资
    "绩效奖励": ("绩效工资",),
    "饭补": ("伙食补助费",),
    "餐补": ("伙食补助费",),
    "伙食补贴": ("伙食补助费",),
    "午餐补贴": ("伙食补助费",),
    "工会": ("工会经费",),
    "福利": ("福利费",),
    "职工医保": ("职工基本医疗保险缴费",),
    # 医保 paid (交/缴): the contribution the unit pays, an economic subject (30110)
    "交的医保": ("职工基本医疗保险缴费",),
    "缴的医保": ("职工基本医疗保险缴费",),
    "交医保": ("职工基本医疗保险缴费",),
    "缴医保": ("职工基本医疗保险缴费",),
    "医保缴费": ("职工基本医疗保险缴费",),
    "职工基本医疗保险": ("职工基本医疗保险缴费",),
    "打印": ("印刷费",),
    "复印": ("印刷费",),
    "咨询": ("咨询费",),
    "电话费": ("邮电费",),
    "话费": ("邮电费",),
    "网费": ("邮电费",),
    "宽带": ("邮电费",),
    "邮费": ("邮电费",),
    "快递": ("邮电费",),
    "通讯费": ("邮电费",),
    "通信费": ("邮电费",),
    "暖气": ("取暖费",),
    "取暖": ("取暖费",),
    "供暖": ("取暖费",),
    "采暖": ("取暖费",),
    "物业": ("物业管理费",),
    "维修": ("维修（护）费",),
    "修理": ("维修（护）费",),
    "房租": ("租赁费",),
    "租金": ("租赁费",),
    "劳务": ("劳务费",),
    "外包": ("委托业务费",),
    "日常运转": ("机关运行经费",),
    "机关运转": ("机关运行经费",),
    "中介机构": ("委托业务费", "财政委托业务支出"),
    "委托中介": ("委托业务费", "财政委托业务支出"),
    "补贴给企业": ("对企业补助",),
    "补贴企业": ("对企业补助",),
    "企业补贴": ("对企业补助",),
    "补助企业": ("对企业补助",),
    "给企业的补助": ("对企业补助",),
    "油费": ("公务用车运行维护费",),
    "加油": ("公务用车运行维护费",),
    "电脑": ("办公设备购置",),
    "打印机": ("办公设备购置",),
    "软件": ("信息网络及软件购置更新",),
    "网络设备": ("信息网络及软件购置更新",),
    "抚恤": ("抚恤金",),
    # the share of the 政府采购 awarded to small firms, which every 决算's 政府采购 说明 states
    "给中小企业": ("授予中小企业合同金额",),
    "给了中小企业": ("授予中小企业合同金额",),
    "中小企业拿到": ("授予中小企业合同金额",),
    "给小微企业": ("授予小微企业合同金额",),
    "给了小微企业": ("授予小微企业合同金额",),
    "小微企业拿到": ("授予小微企业合同金额",),
    # the 独生子女父母奖励 is paid from 30309 奖励金 (政府支出经济分类科目's definition of it)
    "独生子女": ("奖励金",),
    # functional subjects (政府收支分类 功能分类) in everyday words
    "低保": ("最低生活保障",),
    # the national subjects of 信访 (2010109 人大信访工作, 2010308 信访事务, 20123 信访业务 …)
    "来信来访": ("人大信访工作", "信访事务", "信访业务"),
    "群众来访": ("人大信访工作", "信访事务", "信访业务"),
    "上访": ("人大信访工作", "信访事务", "信访业务"),
    "信访": ("人大信访工作", "信访事务", "信访业务"),
    "扶持中小企业": ("支持中小企业发展和管理支出",),
    "帮扶中小企业": ("支持中小企业发展和管理支出",),
    "得分": ("总分",),
    "多少分": ("总分",),
    "打分": ("总分",),
}
# everyday words whose report terms are the parts of one whole, printed apart (水电费: 水费 30205 and
# 电费 30206): answered by their computed sum, never by one part alone (the other terms of a word
# are alternatives: 公车 is whichever of its rows the report prints)
TOGETHER: frozenset[str] = frozenset({"水电费", "水电"})

# Words that name a whole table: asked alone, they mean the table's total (合计) row.
# (a 决算's table and a 预算's: one report is either, so a word names one table of it)
TABLE_WORDS: dict[str, tuple[str, ...]] = {
    "三公": ("三公经费支出决算表", "三公经费支出预算表"),
    "政府采购": ("相关信息统计表", "政府采购情况表", "政府采购预算表"),
    "机关运行经费": ("相关信息统计表", "机关运行经费支出预算表"),
    "政府性基金": ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出表"),
    "国有资本经营": ("国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出表"),
}

# Words that pick a column rather than a row.
COLUMN_WORDS: dict[str, str] = {
    "在职": "在职人数",
    "在岗": "在职人数",
    "编制数": "编制数",  # 人员编制数 of the units table
    "基本支出": "基本支出",
    "项目支出": "项目支出",
    "预算数": "预算数",
    "决算数": "决算数",
}


def _said_round(word: str, question: str) -> bool:
    """Whether the question says a word of two parts the other way round, the second part first
    with at most a few characters between (补贴职工租房 for 租房补贴, 补贴给企业 for 企业补贴):
    a verb before its object means what the noun phrase names."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if re.search(re.escape(tail) + r"[\u4e00-\u9fff]{0,3}?" + re.escape(head), question):
            return True
    return False


def report_terms(question: str) -> list[str]:
    """The report terms of every everyday word the question contains, in table order."""
    present = [w for w in EVERYDAY_TERMS if w in question or (len(w) >= 4 and _said_round(w, question))]
    # the longest everyday word wins: 离退休 is not read as 退休
    present = [w for w in present if not any(w != o and w in o for o in present)]
    out: list[str] = []
    for word in present:
        out.extend(t for t in EVERYDAY_TERMS[word] if t not in out)
    return out


def everyday_words(label: str) -> list[str]:
    """The everyday words whose report terms the label contains (差旅费 → 出差, 差旅); a word that
    holds a shorter one of them (请客吃饭 beside 请客) adds nothing a keyword search needs."""
    words = [w for w, terms in EVERYDAY_TERMS.items() if w not in label and any(t in label for t in terms)]
    return [w for w in words if not any(o != w and o in w for o in words)]
