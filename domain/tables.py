"""The catalogue of standard tables: canonical kinds and how titles name them.

Final accounts (决算) and budgets (预算) print different tables: a 决算 report's 收入支出决算总表
is a budget's 收支预算总表, and its columns are 本年预算/上年预算/比上年增减 or 金额 rather than
决算数.  Each has kinds of its own (`KINDS` for 决算, `BUDGET_KINDS` for 预算), so a budget figure
is never taken for a final one.  Numbering differs between reports (公开07表 is 三公 in one and
政府性基金 in another), so a table is known by its title; the printed code is kept as printed
(公开07表, 公开表七, 表七 all read 公开07表).  Order matters: the more specific title is tried first.
"""
from __future__ import annotations

import re

from .normalize import compact

# (canonical kind, pattern over the compacted title)
KINDS: tuple[tuple[str, str], ...] = (
    ("财政拨款收入支出决算总表", r"财政拨款收入?支出?决算总表|财政拨款收支决算总表"),
    ("收入支出决算总表", r"收入支出决算总表|收支决算总表"),
    ("收入决算表", r"^(?!.*财政拨款).*收入决算表$"),
    ("基本支出决算表", r"基本支出决算(明细)?表"),
    ("三公经费支出决算表", r"三公.*经费"),
    ("一般公共预算财政拨款支出决算表", r"一般公共预算财政拨款(项目)?支出决算(明细)?表|公共财政拨款支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", r"政府性基金"),
    ("国有资本经营预算财政拨款支出决算表", r"国有资本经营"),
    ("支出决算表", r"^(?!.*财政拨款).*支出决算表$"),
    ("项目支出绩效自评表", r"绩效自评表|绩效自评价表|绩效目标自评表"),
    ("政府采购情况表", r"政府采购"),
    ("国有资产占用情况表", r"国有资产占用|资产占用情况"),
    ("相关信息统计表", r"相关信息统计表|机关运行经费|车辆"),
)

# Budget tables, as provincial budgets print them (收支预算总表, 财政拨款支出预算表（功能科目）,
# “三公”经费、会议费、培训费支出预算表 …).  A budget title ends in 预算表 or 预算总表 (a classification
# in brackets after it is not part of the name: （功能科目）, （经济分类）), a 决算 title in 决算表, so
# the two catalogues never claim one another's tables.
BUDGET_KINDS: tuple[tuple[str, str], ...] = (
    ("财政拨款收支预算总表", r"财政拨款收支预算总表$|财政拨款收入支出预算总表$"),
    ("收支预算总表", r"收支预算总表$|收入支出预算总表$"),
    ("收入预算总表", r"^(?!.*(?:财政拨款|一般公共预算|政府性基金)).*收入预算(?:总)?表$"),
    ("支出预算总表", r"^(?!.*(?:财政拨款|一般公共预算|政府性基金|国有资本|三公|机关运行|政府采购|项目)).*支出预算(?:总)?表$"),
    ("三公经费支出预算表", r"三公.*经费.*预算表$"),
    ("机关运行经费支出预算表", r"机关运行经费.*预算表$"),
    ("政府性基金预算支出表", r"政府性基金.*预算表$"),
    ("国有资本经营预算支出表", r"国有资本经营.*预算表$"),
    ("一般公共预算基本支出预算表", r"一般公共预算(?:财政拨款)?基本支出预算表$"),
    ("财政拨款基本支出预算表", r"财政拨款基本支出预算表$"),
    ("一般公共预算支出预算表", r"一般公共预算(?:财政拨款)?(?:当年)?支出预算表$"),
    ("财政拨款支出预算表", r"财政拨款(?:当年)?支出预算表$"),
    ("政府采购预算表", r"政府采购.*预算表$"),
    ("项目支出预算表", r"项目支出预算表$"),
    ("项目支出绩效目标表", r"绩效目标表$|绩效目标申报表$"),
)
BUDGET = frozenset(kind for kind, _ in BUDGET_KINDS)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in BUDGET_KINDS + KINDS)
# a classification printed after a title: 财政拨款支出预算表（功能科目）, …(按经济分类)

OTHER = "其他表"

# The column labels the standard tables print (the national template), as one cell reads them.
STANDARD_COLUMNS = frozenset((
    "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
    "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出",
    "年初结转和结余", "年末结转和结余", "人员经费", "公用经费", "合计", "小计", "决算数", "预算数",
    "全年预算数", "年初预算数", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
))

# Funds that have a table of their own: a question about them is answered from it first.
FUNDS_TABLES = {"政府性基金": "政府性基金预算财政拨款收入支出决算表", "国有资本经营": "国有资本经营预算财政拨款支出决算表"}

# What a question calls a table when it names its contents without "决算表": the stem of its title
# (一般公共预算财政拨款支出 is the 一般公共预算财政拨款支出决算表), longest first.
TABLE_STEMS = (
    ("政府性基金预算财政拨款收入支出", "政府性基金预算财政拨款收入支出决算表"),
    ("国有资本经营预算财政拨款支出", "国有资本经营预算财政拨款支出决算表"),
    ("一般公共预算财政拨款基本支出", "基本支出决算表"),
    ("一般公共预算财政拨款支出", "一般公共预算财政拨款支出决算表"),
)

# Where a row label is looked for first: the table a reader would cite for it.  A report is a
# 决算 or a 预算, so the two orders never compete within one document.
FINAL_ORDER = (
    "三公经费支出决算表", "收入支出决算总表", "基本支出决算表", "支出决算表", "收入决算表",
    "一般公共预算财政拨款支出决算表", "财政拨款收入支出决算总表", "相关信息统计表", "政府采购情况表",
    "国有资产占用情况表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
    "项目支出绩效自评表",
)
BUDGET_ORDER = (
    "三公经费支出预算表", "收支预算总表", "一般公共预算基本支出预算表", "支出预算总表", "收入预算总表",
    "一般公共预算支出预算表", "财政拨款收支预算总表", "财政拨款支出预算表", "财政拨款基本支出预算表",
    "机关运行经费支出预算表", "政府采购预算表", "政府性基金预算支出表", "国有资本经营预算支出表",
    "项目支出预算表", "项目支出绩效目标表",
)
KIND_ORDER = FINAL_ORDER + BUDGET_ORDER + (OTHER,)
# the standard tables whose rows are subjects and totals: a row name is matched inside their labels
SUBJECT_TABLES = frozenset(FINAL_ORDER[:9] + BUDGET_ORDER[:9])
# the standard tables that print the same named row as another (住房公积金 as 2210201 and 30113)
# (of a budget, its tables of coded subjects: its summary tables print other quantities' totals)
CROSS_PRINTED = frozenset(FINAL_ORDER[:7] + ("一般公共预算基本支出预算表", "一般公共预算支出预算表",
                                             "财政拨款支出预算表", "财政拨款基本支出预算表"))

# A line that names a table: ends in 表 and is not a sentence.
# a title may close with its year in brackets: …项目支出绩效自评表（2023年度）
# or with the classification its rows follow: …支出预算表（功能科目）
# or the funds it is of: “三公”经费…支出预算表(一般公共预算)
_QUALIFIER = r"[（(](?:按)?(?:(?:功能|经济|支出功能|支出经济)?(?:科目|分类)(?:分类)?|一般公共预算|政府性基金预算|财政拨款)[）)]"
_TITLE = re.compile(rf"^#*(?:[一二三四五六七八九十\d]+[、.．])?\s*(.{{2,40}}?表(?:{_QUALIFIER})?)(?:[（(]\d{{4}}年度?[）)])?$")
# a code printed before the title on its line: 公开01表：收支预算总表, 表：支出预算总表
_CODE_BEFORE = re.compile(r"^(?:公[开井]\d{1,2}表|(?:公开)?表[一二三四五六七八九十\d]{1,3}(?=[:：])|表(?=[:：]))[:：]?")
_CODE = re.compile(r"公[开井]\s*(\d{1,2})\s*表")
# 公开表七, 表七, 表 7 (a code in numerals after 表), alone on its line or cell
_CODE_AFTER = re.compile(r"^(?:公[开井])?(?:部门预算)?表\s*([一二三四五六七八九十]{1,3}|\d{1,2})$")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


_CLASSIFIED = re.compile(rf"{_QUALIFIER}$")


# A line that says the table above goes on here: 续表, 续上表, 接上表, （续）, 公开01表（续）,
# 收入支出决算总表（续表）.  It neither ends the table nor is a row of it.
_CONTINUED = re.compile(r"^(?:续表|续上表|接上表|[（(]续[）)]|(?:公开\d{1,2}表|[^。；，,]{2,40}表)[（(]续表?[）)])$")


def continued_mark(text: str) -> bool:
    """Whether a line only says that the table of the page before goes on."""
    return bool(_CONTINUED.match(compact(text)))


def bare_title(title: str) -> str:
    """The title without the classification printed after it (…支出预算表（功能科目） → …支出预算表)."""
    return _CLASSIFIED.sub("", compact(title))


def kind_of(title: str) -> str:
    text = bare_title(title)
    for kind, pattern in _COMPILED:
        if pattern.search(text):
            return kind
    return OTHER


def title_in(text: str) -> str | None:
    """The table title a line prints, without its list number ("三、支出决算表" -> "支出决算表")."""
    text = _CODE_BEFORE.sub("", compact(text).replace('"', "“"))
    if len(text) > 44 or text.startswith("注"):
        return None
    m = _TITLE.match(text)
    if not m:
        return None
    title = m.group(1)
    if len(re.findall(r"[\u4e00-\u9fff]", title)) < 4 or _CODE.search(title) or title.startswith(("见", "详见", "附")):
        return None
    return title


def code_in(text: str) -> str | None:
    """The printed table code, normalised to 公开NN表 (公开07表, 公开表七 and 表七 alike)."""
    text = compact(text)
    m = _CODE.search(text)
    if m:
        return f"公开{int(m.group(1)):02d}表"
    m = _CODE_AFTER.match(re.sub(r"\s", "", text))
    return f"公开{_number(m.group(1)):02d}表" if m else None


def _number(numeral: str) -> int:
    """7, 七, 十二 → the number."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return _NUMERALS[numeral]
    tens, _, units = numeral.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


def is_budget(kind: str | None) -> bool:
    """Whether the kind is a budget (预算) table's."""
    return kind in BUDGET
