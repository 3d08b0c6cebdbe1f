"""A question parsed once: what every kind of answer reads instead of working it out again.

`parse(text, catalog)` finds, in this order:

* the years (2023年, 2023年度, 2023) and then the departments, matched against the names the
  reports print and the in-order short forms of them (`index.departments`) on the question with
  its years, 度, quotes and punctuation masked, so that a span never swallows its neighbours
  ("2022年度青岚市数字经济发展中心" names 青岚市数字经济发展中心, not "年度青岚市…");
* an organisation the question names that the index does not hold (place + organisation word);
* the table it names by title or code (财政拨款收入支出决算总表 is that kind and no other;
  公开04表), a subject code (2010350, "201 06 01"), the funds and the measure asked for;
* the operation (lookup, rank, change, share, sum, difference, per person, list, text, why) and
  the unit an answer must carry.

The patterns below are the documented vocabulary of how questions ask; they name kinds of
request, never one question's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.names import arabic_years, without_place
from domain.normalize import arabic_amounts, compact, held_stretch
from domain.tables import OTHER, kind_of
from domain.vocabulary import SPENT_SHARE, TABLE_WORDS, WHERE_TO

# "2024年初结转和结余": the 年 of 年初 (年末, 年底) is the row's, not the year's
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度|年(?![初末底])|度)?")
# what may stand beside a department's name without being part of it
_MASK = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年(?![初末底])|度)?|年度|年[初末底]|[“”\"'‘’「」『』《》〈〉【】()（）,，.。:：;；!！?？、\s]")
ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:省|市|区|县)[\u4e00-\u9fff]{0,10}?"
                          r"(?:局|办公室|办|厅|委员会|委|中心|院|所|部|大队|站|馆)")
# an organisation named without its place, by a kind of name no department's row or project takes
# (东郊国宾馆, 第一人民医院, 某某有限公司)
BARE_ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:国宾馆|宾馆|饭店|酒店|医院|卫生院|大学|学院|中学|小学|幼儿园|有限公司|公司|集团"
                               r"|博物馆|图书馆|纪念馆|美术馆|档案馆|文化馆|科技馆)")
# departments named by their level (省级部门, 市级单位): a kind of organisation, not one
_LEVEL_GROUP = re.compile(r"(?:省|市|区|县)级(?:部门?|单位?|机关)$")
_CONJUNCTION = re.compile(r"^(?:以及|还有|和|与|及|或|跟|同)")
_QUOTED = re.compile(r"[“\"'‘「『][^”\"'’」』]{2,40}[”\"'’」』]")
_TABLE = re.compile(r"([\u4e00-\u9fff“”\"、]{2,30}?表)")  # (、 of “三公”经费、会议费、培训费支出预算表)
_TABLE_CODE = re.compile(r"公开\s*(\d{1,2})\s*表")
_SUBJECT_CODE = re.compile(r"(?<!\d)(\d{3})\s?(\d{2})?\s?(\d{2})?(?!\d)")

# operations, tried in order; the first that matches is the question's
OPERATIONS: tuple[tuple[str, re.Pattern], ...] = (
    ("why", re.compile(r"为什么|为何|何故|原因|缘故|理由|怎么回事|为啥|什么导致|怎么解释|如何解释|作何解释|" + WHERE_TO)),
    ("rank", re.compile(r"哪个单位|哪家|哪个部门|哪一家|谁的|谁最|哪个.{0,6}[多少高低大小]|谁.{0,4}[多少高低]|从高到低|从低到高|从多到少|从少到多|由高到低|由低到高|从大到小|从小到大|由大到小|由小到大"
                        r"|排个?序|排名|排一下|排列|怎么排|比大小|比较大小|比一比|谁大谁小|谁高谁低|哪个大|哪个最|哪项最|谁多|最多|最高|最少|最低")),
    ("per_person", re.compile(r"人均|每人|每个人|平均每人|平均每个人|主任|局长|书记|科长|处长")),
    ("average", re.compile(r"平均")),
    ("completion", re.compile(r"完成.{0,6}预算|预算.{0,4}完成|完成率|" + SPENT_SHARE)),
    ("ratio", re.compile(r"(?:几|多少)倍|倍数")),
    ("share", re.compile(r"比例|比重|占比|占.{0,10}(?:多少|几|百分)|百分之几(?!.{0,4}(?:增长|下降|减少|增加))")),
    ("change", re.compile(r"比上年|较上年|与上年|和上年|同上年|比去年|较去年|上年相比|[比较与和同跟](?:上一|前一)年|增加还是减少|多还是少|是增是减|增还是减"
                          r"|变化|增减|增长|下降|增幅|降幅|涨幅|增速")),
    ("difference", re.compile(r"相差|差了?多少|差距|差额|(?:多|少|高|低|大|小|超)(?:出来?)?了?(?:多少|几)|还剩|剩下|没执行|未执行|没有执行|没花|没付|没支出|未支出|结余多少")),
    ("sum", re.compile(r"加起来|加在一起|相加|一共.{0,6}(?:和|与|(?<![涉以普])及|加)|(?:和|与|(?<![涉以普])及|、).{1,12}一共|合起来")),
    ("list", re.compile(r"哪些|哪几|都(?:是|有)(?:些)?什么|什么类型|什么种类|哪[两二三四五六七八九十\d]+(?:个|项|家|类|种|所|处|条|大)|有哪|列出|包括什么|包含哪|分别是")),
    ("text", re.compile(r"什么性质|性质|职责|职能|成立|干什么|做什么|用途|用在哪|用于哪|花在哪|去了?哪(?:里|儿)|是什么|什么内容|主要做|负责")),
)
# what a question sets aside: 除了X(以外), X以外的, X之外的
EXCEPT = re.compile(r"除了?[^，,。；;？?！!]{2,16}?(?:以外|之外)的?|除了?[^，,。；;？?！!]{2,16}?(?=[，,。；;？?！!]|$)"
                    r"|(?:(?<=[有是的在了和与及，,。|])|^)[\u4e00-\u9fff]{2,10}?(?:以外|之外)的"
                    # 别把会议费和培训费算进去, 不含培训费, 扣除会议费
                    r"|(?:别|不要|不)把[^，,。；;？?！!]{2,16}?(?:算进去|算在内|算进来|计入|算上|加进去|包括进去)"
                    r"|(?:不算|不含|不包括|不包含|不计|扣除|去掉|刨去|刨除)[^，,。；;？?！!]{2,16}?(?=[，,。；;？?！!]|$|的|在内|是|有|为|多少|一共|共)"
                    r"|(?:(?<=[，,。；;？?！!|])|^)[^，,。；;？?！!]{2,16}?(?:不算在内|不算进去|不计入在内|不计入|除外)")
_ASIDE_WORDS = re.compile(r"^(?:除了?|(?:别|不要|不)把|不算|不含|不包括|不包含|不计|扣除|去掉|刨去|刨除)|"
                          r"(?:以外|之外|算进去|算在内|算进来|计入|算上|加进去|包括进去|不算在内|不算进去|不计入在内|不计入|除外)?的?$")


def set_aside(text: str) -> list[str]:
    """What the question sets aside (除了财政拨款 → 财政拨款; 财政拨款以外的 → 财政拨款)."""
    return [w for m in EXCEPT.finditer(compact(text)) if (w := _ASIDE_WORDS.sub("", m.group(0)))]


# the funds a question asks about, by their words; what it sets aside (除了财政拨款) is not asked
_FUNDS = (("政府性基金", "政府性基金"), ("国有资本经营", "国有资本经营"), ("一般公共预算", "一般公共预算"),
          ("财政拨款", "财政拨款"))
# clauses before the question that say who asks and why: 我是做预算研究的，想确认一下：
_PREFACE = re.compile(r"^(?:[^，,：:。？?！!]*(?:我|想|请问|麻烦|帮我|请帮|您好|你好)[^，,：:。？?！!]*[，,：:])+(?=.{6})")
# how the question wants a figure worked out (（按执行数/预算数算）, 按四舍五入来算): not what is asked
_METHOD = re.compile(r"[（(]?按[^，,。？?！!（）()]{1,24}?(?:来算|计算|(?<![预决核结清概估])算)(?:的话)?[）)]?")
# a remark in brackets after the question that names the year or the year's report (？（看2017年预算）,
# （2023年的）, （按2018年度部门决算）): the year, read as part of the question
_REMARK = re.compile(r"[?？]?[（(](?:看|查|按|据|以|参考|参照)?((?:19|20)?\d{2}年)(?:度)?(?:的)?(?:部门)?(?:预算|决算)?"
                     r"(?:报告|公开)?(?:的|为准|来看|里|中)?[)）][?？]?$")
# a year said relative to now and named beside it (去年（2023年）, 今年即2024年, 2023年（也就是去年）): the
# named year is the question's year; the relative word is the asker's clock, not the report's 上年
_RELATIVE = r"(?:去年|今年|前年|明年)"
_NAMED_RELATIVE = re.compile(
    _RELATIVE + r"[（(]?(?:即|也就是|就是)?((?:19|20)\d{2}年度?)[)）]?"
    r"|((?:19|20)\d{2}年度?)[（(](?:即|也就是|就是)?" + _RELATIVE + r"[)）]")
# a claim the question restates before it asks (报告说…大幅下降，比上年少了多少; 省政协说培训任务增多，培训费
# …增加了多少; 报告说“压缩会议规模和人数”，会议费…): what it says is the premise, not what is asked — the
# attribution and a claim followed by the clause that asks are set aside (a year in the claim stays)
_SAYS = r"(?:报告|文件|材料|说明里|报告里|报告中)?(?:说(?!明)|称|提到|写道|写着|表示|介绍)了?[:：]?"
_SAID_FIRST = re.compile(r"^(?:报告|文件|材料)(?:里|中)?(?:说(?!明)|称|提到|写道|写着|表示)了?[:：]?(?=.{6})")
_CLAIM = re.compile(_SAYS + r"(“[^”]{2,60}”|[^，,。；;？?！!“”]{2,40})[，,](?=[^，,。；;]*(?:多少|几|哪|什么))")
# how much a change was, in degree words (大幅下降, 明显增加): the change itself is asked
_DEGREE = re.compile(r"(?:大幅度?|小幅度?|明显|显著|有所|略有|略微|稍有|大大)(?=增|减|下降|上升|提高|降低|下滑|压|缩|削|涨|跌)")


# a sentence quoted (its quote holds a comma: no row or project is named so) before the clause that asks
_QUOTED_SENTENCE = re.compile(r"“[^”]{0,60}[，,；;。][^”]{0,60}”[，,]?(?=[^“”]*(?:多少|几|哪|什么))")


_ASKING_WORD = re.compile(r"多少|几|哪|什么|吗|为什么|为何")


def without_claim(text: str) -> str:
    """The question without the claim it restates before asking, and without degree words."""
    def claim(m: re.Match) -> str:  # a clause that itself asks is no claim; a year in a claim stays
        if _ASKING_WORD.search(m.group(1)):
            return m.group(0)
        return "".join(y.group(0) for y in YEAR.finditer(m.group(1))) or "，"

    return _DEGREE.sub("", _CLAIM.sub(claim, _QUOTED_SENTENCE.sub("，", _SAID_FIRST.sub("", text))))
# a year written with two digits (24年收支总计, 23年度): 2024, 2023 — never a span of years (近10年,
# 12年来, 第15年) nor a digit of a larger number
_SHORT_YEAR = re.compile(r"(?<![\d.\-近前后每第这那几多满隔])([12]\d)(?=年(?!来|间|内|以来|前|后|多|左右))")
# a plan in everyday words (本来打算花, 原计划支出, 预计要用) is the budget
PLANNED = r"(?:本来|原来|原先|原本|原)?(?:打算|计划|准备|预计)要?(?:花|用|支出|安排|开支)"
_MEASURES = (("年初预算", re.compile(r"年初预算|年初.{0,3}" + PLANNED)), ("全年预算", re.compile(r"全年预算|调整后?预算")),
             ("预算数", re.compile(r"预算数|预算(?:是|为|有|多少|安排|下达)|" + PLANNED)), ("决算数", re.compile(r"决算数|实际(?:支出|执行)?")),
             ("上年", re.compile(r"上年|上一年|去年")))
# the unit an answer must carry
UNITS = (("分", re.compile(r"几分|多少分|得分|评分|打分|总分")),
         ("人", re.compile(r"多少人|几个人|几人|人次|人数|编制数|人员编制|多少.{0,6}人员|几.{0,4}人员|(?:人员|职工|员工)(?:有|是|为|共)?(?:几|多少)个?"
                               r"|编制(?:有|是|为|共)?(?:几|多少)|(?:几|多少)个?编制")),
         ("辆", re.compile(r"几辆|多少辆|车辆总?数|(?<![公用])车辆?的?(?:总数|总量|数量|数目|最多|最少|更多|更少|多还是少|多不多|[多少](?![少钱]))")),
         ("%", re.compile(r"百分之|百分比|%|率是多少|率为|比例|占比|比重")),
         ("元", re.compile(r"(?:多少|几)元|(?<!万)元[?？]?$")),
         ("count", re.compile(r"多少个|(?<![那这哪])几个|个数(?:是|为|有)?(?:多少|几)|几批|多少批|批次|团组数?|几次|多少次|几台|多少台|几套|多少套|几条|多少条")))


@dataclass(frozen=True)
class Question:
    text: str  # as asked, stripped
    compact: str  # normalised (domain.normalize.compact)
    departments: tuple[str, ...] = ()  # the strongest matches; several = ambiguous
    span: str = ""  # the stretch of the question that named departments[0]
    named: tuple[str, ...] = ()  # every department a comparison names
    unknown: str | None = None  # an organisation named that the index does not hold
    years: tuple[int, ...] = ()
    year_text: str = ""  # the first year as written (2023年度)
    table_kind: str | None = None
    table_title: str | None = None  # the table words as asked
    # a table phrase that names no kind (一般公共预算支出表, asked without its report's 预算): the
    # answer looks for it among the printed titles of the report it reads
    table_asked: str | None = None
    table_code: str | None = None  # 公开NN表
    table_words: tuple[str, ...] = ()  # words that name a whole table (三公, 政府采购; domain.vocabulary)
    subject_code: str | None = None
    funds: str | None = None
    measure: str | None = None
    operation: str = "lookup"
    unit: str | None = None
    rest: str = ""  # the question without its department and year: what is asked about them
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def department(self) -> str | None:
        return self.departments[0] if len(self.departments) == 1 else None

    @property
    def year(self) -> int | None:
        return self.years[0] if self.years else None

    def interpretation(self) -> dict:
        """How the question was read, for the answer object."""
        keys = ("departments", "years", "table_kind", "table_code", "subject_code", "funds", "measure",
                "operation", "unit")
        return {k: (list(v) if isinstance(v, tuple) else v) for k in keys if (v := getattr(self, k))}


# words a question or a clause opens with that never begin a name (为什么省检察院…, 请问泉州数字办…)
_LEADS = re.compile(r"(?:^|(?<=\|))(?:为什么|为何|为啥|请问|想问一下|想问|问一下|请帮我查一下|帮我查一下|帮我查|查一下|查查|看看"
                    r"|关于|对于|我想知道|想知道|如何|怎么)")


def masked(text: str) -> str:
    """The question with years, 度, quotes and punctuation replaced by a separator, and the words a
    clause opens with (为什么, 请问 …) too."""
    return _LEADS.sub("|", _MASK.sub("|", text))


def parse(question: str, catalog) -> Question:
    """The question read once against what the catalog holds (see the module docstring)."""
    from index.departments import match_departments

    # (the year words read once, for the kinds that read the text again: 二〇二三年, 去年（2023年） → 2023年)
    text = without_claim(_NAMED_RELATIVE.sub(lambda m: m.group(1) or m.group(2), arabic_years((question or "").strip())))
    # "我是做预算研究的，想确认一下：" says who asks, not what; 一千二百多万 is 1200多万
    c = re.sub(r"[,，;；]+(?=[?？]?$)", "", _METHOD.sub("", arabic_amounts(_PREFACE.sub("", compact(text)))))
    c = _SHORT_YEAR.sub(r"20\1", c)
    c = _REMARK.sub(lambda m: "," + m.group(1), c)
    years = tuple(dict.fromkeys(int(m.group(1)) for m in YEAR.finditer(c)))
    first_year = YEAR.search(c)
    plain = masked(c)
    names = catalog.departments
    matches = match_departments(plain, names, catalog.fiscal_words)
    if matches and (held := _label_stretch(plain, matches[0].span, getattr(catalog, "labels", ()))):
        # the words that named the department begin a row's printed name (江苏法院 of 江苏法院云平台
        # 租赁费): where the question names the department elsewhere too (省法院…), that is its name
        again = match_departments(plain.replace(held, "|", 1), names, catalog.fiscal_words)
        if again and {m.name for m in again} == {m.name for m in matches}:
            matches = again
    c_named = c  # the question as its departments are read from it
    if forms := _unit_forms(c, catalog):
        # a unit the department's report lists, named beside the department (晋江经信…下面的节能监测中心):
        # its name names no other department; the department is the one named outside it
        inside = match_departments(_mask_forms(plain, forms), names, catalog.fiscal_words)
        if inside and all(any(d == m.name for m in inside) for d, _ in forms):
            matches, c_named = inside, _mask_forms(c, forms)
    departments = tuple(m.name for m in matches)
    span = matches[0].span if matches else ""
    if len(departments) > 1 and (bracket := _bracket_after(c, span)):  # 数字经济发展中心（青岚市）: that one
        departments = tuple(d for d in departments if bracket[1] in d) or departments
    if len(departments) == 1 and (whole := _printed_whole(c, departments[0])) and span and span in whole:
        span = whole  # the name printed whole with its quotes (福州市“智慧福州”管理服务中心), not its last piece
    if len(departments) == 1 and span:
        span = _with_bracketed_place(c, _with_place(c, span, departments[0]), departments[0])
    named = _named(c_named, masked(c_named), catalog) if len(names) > 1 else tuple(names)
    # a name in quotes is a project's or a row's (“泉州市政府网站及网站群费用”), not an organisation's
    owner = departments[0] if len(departments) == 1 else None
    unknown = _unknown_organisation(masked(_QUOTED.sub("|", c)), departments, catalog, span, owner)
    anywhere = _unknown_organisation(plain, (), catalog, span, owner)
    if anywhere and (not departments or (span and span in anywhere)):
        # the stretch that seemed to name a department is part of another organisation's name
        # (北京市教育局 is not …青秀区教育局): the question names that one
        departments, span, unknown = (), "", anywhere
    if not departments and not unknown and (bare := BARE_ORGANISATION.search(masked(_QUOTED.sub("|", c)))) \
            and not any(bare.group(0) in u or u in bare.group(0) for units in catalog.units.values() for u in units):
        unknown = bare.group(0)  # a unit no report of the index lists
    if not departments and hasattr(catalog, "project_owners"):
        # no department named: a project that one department's 绩效 forms name is that department's
        owners = {d for d, _ in catalog.project_owners(c, years[0] if years else None)}
        if len(owners) == 1:
            departments, span, unknown = (owners.pop(),), "", None
    table_kind, table_title = _table(c)
    code = _TABLE_CODE.search(c)
    rest = c
    if span:
        rest = rest.replace(span, "", 1)
    if first_year:
        rest = rest.replace(first_year.group(0), "", 1)
    return Question(
        text=text, compact=c, departments=departments, span=span, named=named, unknown=unknown, years=years,
        year_text=first_year.group(0) if first_year else "", table_kind=table_kind, table_title=table_title,
        table_asked=None if table_kind else _table_asked(c),
        table_code=f"公开{int(code.group(1)):02d}表" if code else None, subject_code=_subject_code(c),
        table_words=tuple(w for w in TABLE_WORDS if w in c),
        funds=next((f for w, f in _FUNDS if w in EXCEPT.sub("|", rest)), None),
        measure=next((m for m, p in _MEASURES if p.search(c)), None),
        operation=_operation(c, named, unknown),
        unit=next((u for u, p in UNITS if p.search(c)), None), rest=rest)


# what is left of a balance (结转和结余还剩多少) is the balance itself, printed; nothing to subtract
_REMAINDER = re.compile(r"还剩|剩下|剩余|没执行|未执行|没有执行|没花|没付|没支出|未支出|结余多少")
_BALANCE = re.compile(r"结转|结余")


# several departments' figure asked as one whole: 泉州数字办和晋江经信三公经费一共多少
_ALTOGETHER = re.compile(r"一共|总共|共计|合起来|加起来|总和|之和|合计(?:是|为|有)?(?:多少|几)")


# a clause that asks something (多少, 几, 什么, 哪, 吗, 为什么); the others of a question are its premise
_ASKS = re.compile(r"多少|几|什么|哪|吗|呢|为何|为啥|怎么|如何|[?？]")


def _operation(c: str, named: tuple[str, ...] = (), unknown: str | None = None) -> str:
    op = next((op for op, p in OPERATIONS if p.search(c)), "lookup")
    *premise, last = re.split(r"[，,；;]", c) if re.search(r"[，,；;]", c) else [c]
    if op in ("text", "list") and premise and re.search(r"多少|几", last) and not any(_ASKS.search(p) for p in premise):
        # what a premise says (新成立没有年初预算，那它的全年预算是多少) is not what is asked: an amount is
        op = next((op for op, p in OPERATIONS if p.search(last)), "lookup")
    if op == "lookup" and len(named) >= 2 and not unknown and _ALTOGETHER.search(c):
        return "sum"
    if op == "difference" and _BALANCE.search(c) and all(
            _REMAINDER.fullmatch(m.group(0)) for m in dict(OPERATIONS)["difference"].finditer(c)):
        return "lookup"
    return op


def _with_place(c: str, span: str, name: str) -> str:
    """The span with the place written before it that the department's name begins with (江苏的省检察院
    for 江苏省人民检察院): the place, with or without 的, names the same department."""
    at = c.find(span)
    before = c[:at] if at > 0 else ""
    if name.startswith(span) or not before:
        return span
    bare = before[:-1] if before.endswith("的") else before
    places = [n for n in range(2, min(len(bare), 6) + 1) if name.startswith(bare[-n:])]
    return before[len(bare) - max(places):] + span if places else span


_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{1,8})[）)]")


def _bracket_after(c: str, span: str) -> tuple[str, str] | None:
    """(the bracket just after the span as written, its words without a last 省/市/区/县): （普陀区）, 普陀."""
    at = c.find(span) if span else -1
    after = _BRACKETED.match(c, at + len(span)) if at >= 0 else None
    return (after.group(0), re.sub(r"(?<=..)[省市区县]$", "", after.group(1))) if after else None


def _with_bracketed_place(c: str, span: str, name: str) -> str:
    """The span with the place written after it in brackets that the department's name holds
    (规划资源局（普陀） for 上海市普陀区规划和自然资源局, 法院(江苏省)): the bracket names where, not what."""
    bracket = _bracket_after(c, span)
    return span + bracket[0] if bracket and bracket[1] in name else span


def _unit_forms(c: str, catalog) -> list[tuple[str, str]]:
    """(department, name) for each unit a department's report lists that the question names, whole
    or without the place it begins with (节能监测中心 of 晋江市节能监测中心); never a unit that is a
    department of the index itself."""
    units = getattr(catalog, "units", None) or {}
    names = set(catalog.departments)
    return [(d, form) for d, listed in units.items() for u in listed if u not in names
            for form in (u, *without_place(u)) if len(form) >= 5 and form in c]


def _mask_forms(text: str, forms: list[tuple[str, str]]) -> str:
    for _, form in sorted(forms, key=lambda f: -len(f[1])):
        text = text.replace(form, "|")
    return text


def _named(c: str, plain: str, catalog) -> tuple[str, ...]:
    """Every department the question names, as a comparison reads them (answer.ranking.named_in:
    a list of names and short names, 普陀三家); the index's reading where the catalog has no labels."""
    from index.departments import departments_named

    if hasattr(catalog, "labels"):
        from .ranking import named_in

        return tuple(named_in(c, catalog.departments, catalog.fiscal_words, catalog.labels).departments)
    return tuple(departments_named(plain, catalog.departments, catalog.fiscal_words))


def _label_stretch(plain: str, span: str, labels) -> str | None:
    """The stretch of the question around `span` that a printed row label holds, three or more
    characters longer than the span (江苏法院云平台租赁费 around 江苏法院); None if there is none."""
    at = plain.find(span) if span else -1
    if at < 0:
        return None
    stretch = held_stretch(plain, at, at + len(span), labels)
    return stretch if len(stretch) - len(span) >= 3 else None


def _unknown_organisation(plain: str, departments: tuple[str, ...], catalog, span: str = "",
                          owner: str | None = None) -> str | None:
    """An organisation the question names that is neither a matched department (or in order a
    short form of one) nor a unit a department's report lists, nor the department's words run on
    into what its report prints (晋江经信智慧城市运营管理中心: 晋江经信, then its 智慧城市运营管理中心)."""
    from index.departments import _subsequence

    for piece in plain.split("|"):
        for m in ORGANISATION.finditer(piece):
            org = _CONJUNCTION.sub("", m.group(0))  # "和浔阳区…中心" in a list is 浔阳区…中心
            # a name never runs across 的 or 是 (省高院的收支预算总计是省检察院: the name is 省检察院)
            cut = re.sub(r"^.*(?:的|是)", "", org)
            if cut != org:
                if not ORGANISATION.fullmatch(cut):
                    continue
                org = cut
            tail = re.sub(r"^.*?(?:以及|和|与|及)", "", org)
            if tail != org and ORGANISATION.fullmatch(tail):  # "泉州数字办和九江市…中心": the last of a list
                org = tail
            if any(_subsequence(org, d) or org in d for d in departments):
                continue
            if _LEVEL_GROUP.search(org):  # 这五家省级部门, 各市级单位: a level of government, no name
                continue
            parts = [p for p in re.split(r"以及|和|与|及|、", org) if p]
            if len(parts) > 1 and all(any(_subsequence(p, d) for d in catalog.departments) for p in parts):
                continue  # a list of departments (省检察院和省法院), each one the index holds
            if any(org in u or u in org for units in catalog.units.values() for u in units):
                continue
            if any(_subsequence(org, d) for d in catalog.departments):
                continue
            rest = org[len(span):] if span and org.startswith(span) else ""
            if owner and len(rest) >= 4 and hasattr(catalog, "mentions") and catalog.mentions(owner, rest):
                continue
            return org
    return None


def _table(c: str) -> tuple[str | None, str | None]:
    """The table the question names by its title: the kind of the longest 表 phrase that the
    catalogue knows, and the shortest end of that phrase that is still that kind (the title as
    asked, without the words before it: 年一般公共预算…表 → 一般公共预算…表)."""
    best: tuple[str | None, str | None] = (None, None)
    for m in _TABLE.finditer(c.replace("”", "").replace("“", "").replace('"', "")):
        title = m.group(1)
        kind = next((k for start in range(len(title) - 2) if (k := kind_of(title[start:])) != OTHER), None)
        if kind is None:
            continue
        start = max(i for i in range(len(title) - 2) if kind_of(title[i:]) == kind)
        if best[1] is None or len(title) - start > len(best[1]):
            best = (kind, title[start:])
    return best


_QUOTE_CHARS = "“”\"'"


def _printed_whole(c: str, name: str) -> str | None:
    """The stretch of the question that prints the department's name whole, quotes and all, when
    the name holds quotes (福州市“智慧福州”管理服务中心); None otherwise."""
    bare = "".join(ch for ch in compact(name) if ch not in _QUOTE_CHARS)
    if bare == compact(name):
        return None
    m = re.search(f"[{_QUOTE_CHARS}]?".join(map(re.escape, bare)), c)
    return m.group(0) if m else None


def _table_asked(c: str) -> str | None:
    """The last 表 phrase of the question that names no kind the catalogue knows (一般公共预算支出表,
    asked without its report's 预算): for the answer to find among the report's printed titles."""
    phrases = [m.group(1) for m in _TABLE.finditer(c.replace("”", "").replace("“", "").replace('"', ""))]
    return phrases[-1] if phrases else None


def _subject_code(c: str) -> str | None:
    """A subject code the question prints: functional 201 (类), 20106 (款), 2010601 (项), with
    or without spaces between its parts, or economic 302 (类), 30201 (款); a three-digit code
    only beside 类, 科目 or 分类; years are not codes."""
    for m in _SUBJECT_CODE.finditer(c):
        code = "".join(g for g in m.groups() if g)
        # functional (2xx) and economic (3xx) codes; 12345 (a hotline) is no subject
        if code[0] in "23" and (len(code) in (5, 7) or (len(code) == 3 and not YEAR.match(c[m.start():]))):
            if len(code) == 3 and not re.search(r"类|科目", c):
                continue
            return code
    return None
