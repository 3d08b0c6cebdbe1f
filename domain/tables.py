"""The catalogue of standard final-accounts tables: canonical kinds and how titles name them.

Numbering differs between reports (公开07表 is 三公 in one and 政府性基金 in another), so a
table is known by its title; the printed code is kept as printed.  Order matters: the more
specific title is tried first.
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
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in KINDS)

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

# Where a row label is looked for first: the table a reader would cite for it.
KIND_ORDER = (
    "三公经费支出决算表", "收入支出决算总表", "基本支出决算表", "支出决算表", "收入决算表",
    "一般公共预算财政拨款支出决算表", "财政拨款收入支出决算总表", "相关信息统计表", "政府采购情况表",
    "国有资产占用情况表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
    "项目支出绩效自评表", OTHER,
)

# A line that names a table: ends in 表 and is not a sentence.
# a title may close with its year in brackets: …项目支出绩效自评表（2023年度）
_TITLE = re.compile(r"^#*(?:[一二三四五六七八九十\d]+[、.．])?\s*(.{2,40}?表)(?:[（(]\d{4}年度?[）)])?$")
_CODE = re.compile(r"公[开井]\s*(\d{1,2})\s*表")


def kind_of(title: str) -> str:
    text = compact(title)
    for kind, pattern in _COMPILED:
        if pattern.search(text):
            return kind
    return OTHER


def title_in(text: str) -> str | None:
    """The table title a line prints, without its list number ("三、支出决算表" -> "支出决算表")."""
    text = compact(text).replace('"', "“")
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
    """The printed table code, normalised to 公开NN表."""
    m = _CODE.search(compact(text))
    return f"公开{int(m.group(1)):02d}表" if m else None
