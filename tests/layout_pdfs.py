"""Synthetic PDFs of layouts real reports print and the corpus lacks (issue 13), made by code.

Each layout is an HTML page (tables ruled with CSS borders, or unruled, Chinese text, the titles,
codes and 编制单位：/单位： lines reports print, a cover with the department and year, page
numbers in the footer) printed to PDF by Debian's Chromium through Playwright (no browser is
downloaded).  Every figure is built from a few leaf amounts, so totals are the sums of their
rows and the two sides of a summary table balance: the checks find nothing to report.

    python tests/layout_pdfs.py OUT_FOLDER     # writes every layout's PDF there

The layouts (`LAYOUTS`, file name → builder):

- university.pdf: a university's four-table 决算 (收入支出决算总表, 收入决算表, 支出决算表,
  财政拨款收入支出决算总表; no 三公 table).
- two_sided_overflow.pdf: a two-sided 收入支出决算总表 whose rows run onto the next page with
  no header printed again; two_sided_split.pdf: the same printed as two tables on consecutive
  pages, the second without header rows; two_sided_continued.pdf: the same with 续表 above the
  second.
- wrapped_subject.pdf: a subject name wrapped over three lines in its cell, its code and amounts
  centred on the middle line; ruled (类 | 款 | 项 codes) and unruled (one code column).
- tables_at_end.pdf: the nine standard tables only after 40 pages of narrative and 绩效 forms
  (the 政府性基金 and 国有资本经营 tables printed empty, with no 栏次 row).
- two_year_columns.pdf: a 29-column budget table comparing 上年 and 本年 under a three-row header.
- sangong_training.pdf: a budget's “三公”经费、会议费、培训费支出预算表 printed across, as the Jiangsu
  budgets print it: a three-row merged header (合计 | “三公”经费 over 小计 | 出国 | 用车 (小计 | 购置 |
  运行) | 接待 | 会议费 | 培训费), amounts as the budget prints them (287.5 beside whole numbers,
  900, 516), the 公务用车购置费 cell blank and the same 185 under two columns;
  sangong_training_whole.pdf: the same table in whole numbers only.
"""
from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

D = Decimal
ZERO = Decimal("0")

# --- HTML ---------------------------------------------------------------------------------------

CSS = """
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; margin: 0; color: #000; }
.page { page-break-before: always; }
.cover { text-align: center; padding-top: 150pt; }
.cover .name { font-size: 28pt; letter-spacing: 2pt; }
.cover .kind { font-size: 24pt; margin-top: 24pt; }
.cover .date { font-size: 14pt; margin-top: 150pt; }
h1 { font-size: 16pt; font-weight: normal; text-align: center; margin: 0 0 14pt; }
h2 { font-size: 13pt; font-weight: normal; margin: 10pt 0 6pt; }
h3 { font-size: 11pt; font-weight: normal; margin: 8pt 0 4pt; }
p { text-indent: 2em; line-height: 1.7; margin: 0 0 5pt; }
.toc div { display: flex; justify-content: space-between; line-height: 1.9; }
.code { text-align: right; font-size: 9pt; }
.title { text-align: center; font-size: 15pt; margin: 2pt 0 8pt; }
.meta { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 3pt; }
.note { font-size: 8.5pt; text-indent: 0; margin-top: 4pt; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; }
table.grid td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; }
table.unruled td { border: none; }
table.grid tr { break-inside: avoid; }
table.narrow td { padding: 1.5pt 1pt; }
td.n { text-align: right; }
td.c { text-align: center; }
"""

FOOTER = '<div style="font-size:9px; width:100%; text-align:center;"><span class="pageNumber"></span></div>'


@dataclass(frozen=True)
class C:
    """A table cell: text, spans, and how it is set (n: a right-aligned number, c: centred)."""

    text: str = ""
    cs: int = 1
    rs: int = 1
    cls: str = ""
    style: str = ""


Row = list  # list[C | str]


def _td(cell: C | str) -> str:
    if not isinstance(cell, C):
        cell = C(cell, cls="n" if _is_number(cell) else "")
    attrs = ""
    if cell.cs > 1:
        attrs += f' colspan="{cell.cs}"'
    if cell.rs > 1:
        attrs += f' rowspan="{cell.rs}"'
    if cell.cls:
        attrs += f' class="{cell.cls}"'
    if cell.style:
        attrs += f' style="{cell.style}"'
    return f"<td{attrs}>{html.escape(cell.text).replace(chr(10), '<br>')}</td>"


def _is_number(text: str) -> bool:
    return bool(text) and text.replace(",", "").replace(".", "").replace("-", "").isdigit()


def grid(rows: list[Row], widths: list[float] | None = None, cls: str = "grid", style: str = "",
         row_style: str = "") -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in widths) if widths else ""
    body = "".join(f'<tr style="{row_style}">' + "".join(_td(c) for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}" style="{style}"><colgroup>{cols}</colgroup>{body}</table>'


def document(pages: list[str]) -> str:
    body = "".join(f'<div class="{"page" if i else ""}">{page}</div>' for i, page in enumerate(pages))
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{CSS}</style></head><body>{body}</body></html>'


def cover(name: str, kind: str, date: str) -> str:
    return f'<div class="cover"><div class="name">{name}</div><div class="kind">{kind}</div><div class="date">{date}</div></div>'


def toc(entries: list[tuple[str, int | None]]) -> str:
    lines = "".join(f"<div><span>{html.escape(t)}</span><span>{'' if p is None else p}</span></div>" for t, p in entries)
    return f'<h1>目  录</h1><div class="toc">{lines}</div>'


def table_page(code: str, title: str, department: str, table: str, note: str = "", heading: str = "",
               unit: str = "单位：万元") -> str:
    head = f"<h1>{heading}</h1>" if heading else ""
    foot = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return (f'{head}<div class="code">{code}</div><div class="title">{title}</div>'
            f'<div class="meta"><span>编制单位：{department}</span><span>{unit}</span></div>{table}{foot}')


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{html.escape(t)}</p>" for t in texts)


# --- figures ------------------------------------------------------------------------------------


def money(value: Decimal | None) -> str:
    """An amount as reports print it (1,234.56); None or zero prints blank."""
    if value is None or value == 0:
        return ""
    return f"{value:,.2f}"


def money0(value: Decimal) -> str:
    """An amount printed even when zero (0.00)."""
    return f"{value:,.2f}"


CLASS_ORDINALS = {
    "201": "一、一般公共服务支出", "202": "二、外交支出", "203": "三、国防支出", "204": "四、公共安全支出",
    "205": "五、教育支出", "206": "六、科学技术支出", "207": "七、文化旅游体育与传媒支出",
    "208": "八、社会保障和就业支出", "210": "九、卫生健康支出", "211": "十、节能环保支出", "212": "十一、城乡社区支出",
    "213": "十二、农林水支出", "214": "十三、交通运输支出", "215": "十四、资源勘探工业信息等支出",
    "216": "十五、商业服务业等支出", "217": "十六、金融支出", "219": "十七、援助其他地区支出",
    "220": "十八、自然资源海洋气象等支出", "221": "十九、住房保障支出", "222": "二十、粮油物资储备支出",
    "223": "二十一、国有资本经营预算支出", "224": "二十二、灾害防治及应急管理支出", "229": "二十三、其他支出",
    "231": "二十四、债务还本支出", "232": "二十五、债务付息支出", "234": "二十六、抗疫特别国债安排的支出",
}
INCOME_ITEMS = ("一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
                "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入")


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    values: dict[str, Decimal]


def subject_tree(leaves: list[tuple[str, str, dict[str, Decimal]]], names: dict[str, str]) -> list[Subject]:
    """类, 款 and 项 rows in printed order, each 类 and 款 the sum of the rows under it."""
    sums: dict[str, dict[str, Decimal]] = {}
    order: list[str] = []
    leaf_names = {code: name for code, name, _ in leaves}
    for code, _, values in leaves:
        for key in (code[:3], code[:5], code):
            if key not in sums:
                sums[key] = {k: ZERO for k in values}
                order.append(key)
            for k, v in values.items():
                sums[key][k] += v
    return [Subject(c, leaf_names.get(c) or names[c], sums[c]) for c in order]


def column_totals(subjects: list[Subject]) -> dict[str, Decimal]:
    classes = [s for s in subjects if len(s.code) == 3]
    return {k: sum((s.values[k] for s in classes), ZERO) for k in classes[0].values}


# --- layout 1: a university's four-table 决算 ---------------------------------------------------

UNIVERSITY = "示例大学"
UNIVERSITY_NAMES = {
    "205": "教育支出", "20502": "普通教育", "20509": "教育费附加安排的支出",
    "206": "科学技术支出", "20603": "应用研究",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗",
    "221": "住房保障支出", "22102": "住房改革支出",
}
# 项: code, name, 基本支出, 项目支出, 财政拨款收入, 事业收入, 其他收入, 一般公共预算财政拨款支出
_UNIVERSITY_ITEMS = (
    ("2050205", "高等教育", "12500.00", "4000.00", "8700.00", "7300.00", "400.00", "9800.00"),
    ("2050999", "其他教育费附加安排的支出", "0", "1500.00", "1000.00", "500.00", "0", "0"),
    ("2060301", "机构运行", "500.00", "0", "300.00", "200.00", "0", "300.00"),
    ("2060302", "社会公益研究", "0", "1000.00", "400.00", "500.00", "100.00", "400.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "600.00", "0", "600.00", "0", "0", "600.00"),
    ("2080506", "机关事业单位职业年金缴费支出", "300.00", "0", "300.00", "0", "0", "300.00"),
    ("2101102", "事业单位医疗", "300.00", "0", "300.00", "0", "0", "300.00"),
    ("2210201", "住房公积金", "400.00", "0", "400.00", "0", "0", "400.00"),
    ("2210203", "购房补贴", "200.00", "0", "0", "0", "0", "0"),
)
UNIVERSITY_OPENING = D("1200.00")  # 年初结转和结余
UNIVERSITY_FINANCE_OPENING = D("300.00")  # 年初财政拨款结转和结余 (一般公共预算)


def _university_subjects():
    spend = subject_tree([(c, n, {"basic": D(b), "project": D(p), "total": D(b) + D(p)})
                          for c, n, b, p, *_ in _UNIVERSITY_ITEMS], UNIVERSITY_NAMES)
    income = subject_tree([(c, n, {"fin": D(f), "shiye": D(s), "other": D(o), "total": D(f) + D(s) + D(o)})
                           for c, n, _, _, f, s, o, _ in _UNIVERSITY_ITEMS if D(f) + D(s) + D(o)], UNIVERSITY_NAMES)
    finance = {c[:3]: ZERO for c, *_ in _UNIVERSITY_ITEMS}
    for c, *_, g in _UNIVERSITY_ITEMS:
        finance[c[:3]] += D(g)
    return spend, income, finance


def summary_table(income: dict[str, Decimal], spend_by_class: dict[str, Decimal], opening: Decimal,
                  closing: Decimal, *, row_style: str = "", split_after: int | None = None,
                  classes: tuple[str, ...] = tuple(CLASS_ORDINALS), marker: str = "") -> str:
    """收入支出决算总表: 收入 | 决算数 on the left, 支出 | 决算数 on the right, the 26 classes of
    spending beside the eight sources of income, then the totals.  With `split_after`, the body
    rows after that many are printed as a second table on the next page, without header rows
    (under a `marker` such as 续表, where one is given)."""
    income_total = sum(income.values(), ZERO)
    spend_total = sum(spend_by_class.values(), ZERO)
    assert income_total + opening == spend_total + closing, "the two sides must balance"
    header = [[C("收入", cs=2, cls="c"), C("支出", cs=2, cls="c")],
              [C("项目", cls="c"), C("决算数", cls="c"), C("项目", cls="c"), C("决算数", cls="c")]]
    body = []
    for i, code in enumerate(classes):
        left = INCOME_ITEMS[i] if i < len(INCOME_ITEMS) else ""
        body.append([left, money(income.get(left)), CLASS_ORDINALS[code], money(spend_by_class.get(code))])
    body += [["本年收入合计", money0(income_total), "本年支出合计", money0(spend_total)],
             ["使用非财政拨款结余（含专用结余）", "", "结余分配", ""],
             ["年初结转和结余", money(opening), "年末结转和结余", money(closing)],
             ["总计", money0(income_total + opening), "总计", money0(spend_total + closing)]]
    widths = [30, 20, 30, 20]
    if split_after is None:
        return grid(header + body, widths, row_style=row_style)
    return (grid(header + body[:split_after], widths, row_style=row_style)
            + f'<div class="page code">{marker}</div>' + grid(body[split_after:], widths, row_style=row_style))


def income_table(subjects: list[Subject]) -> str:
    """收入决算表: 科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 | … | 其他收入."""
    totals = column_totals(subjects)
    header = [[C("项目", cs=2, cls="c"), C("本年收入合计", rs=2, cls="c"), C("财政拨款收入", rs=2, cls="c"),
               C("上级补助收入", rs=2, cls="c"), C("事业收入", rs=2, cls="c"), C("经营收入", rs=2, cls="c"),
               C("附属单位上缴收入", rs=2, cls="c"), C("其他收入", rs=2, cls="c")],
              [C("科目编码", cls="c"), C("科目名称", cls="c")]]
    rows = [[C("合计", cs=2, cls="c"), money0(totals["total"]), money(totals["fin"]), "", money(totals["shiye"]), "", "",
             money(totals["other"])]]
    rows += [[s.code, s.name, money0(s.values["total"]), money(s.values["fin"]), "", money(s.values["shiye"]), "", "",
              money(s.values["other"])] for s in subjects]
    return grid(header + rows, [10, 26, 9, 9, 8, 8, 8, 13, 9])


def spending_table(subjects: list[Subject]) -> str:
    """支出决算表: 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出."""
    totals = column_totals(subjects)
    header = [[C("项目", cs=2, cls="c"), C("本年支出合计", rs=2, cls="c"), C("基本支出", rs=2, cls="c"),
               C("项目支出", rs=2, cls="c"), C("上缴上级支出", rs=2, cls="c"), C("经营支出", rs=2, cls="c"),
               C("对附属单位补助支出", rs=2, cls="c")],
              [C("科目编码", cls="c"), C("科目名称", cls="c")]]
    rows = [[C("合计", cs=2, cls="c"), money0(totals["total"]), money(totals["basic"]), money(totals["project"]), "", "", ""]]
    rows += [[s.code, s.name, money0(s.values["total"]), money(s.values["basic"]), money(s.values["project"]), "", "", ""]
             for s in subjects]
    return grid(header + rows, [10, 28, 10, 10, 10, 10, 9, 13])


def finance_summary_table(income: Decimal, spend_by_class: dict[str, Decimal], opening: Decimal,
                          closing: Decimal) -> str:
    """财政拨款收入支出决算总表: 收入 | 决算数 | 支出 | 合计 | 一般公共预算财政拨款 | 政府性基金… | 国有资本经营…"""
    spend_total = sum(spend_by_class.values(), ZERO)
    assert income + opening == spend_total + closing
    header = [[C("收入", cs=2, cls="c"), C("支出", cs=5, cls="c")],
              [C("项目", cls="c"), C("决算数", cls="c"), C("项目", cls="c"), C("合计", cls="c"),
               C("一般公共预算财政拨款", cls="c"), C("政府性基金预算财政拨款", cls="c"), C("国有资本经营预算财政拨款", cls="c")]]
    left = [("一、一般公共预算财政拨款", money(income)), ("二、政府性基金预算财政拨款", ""), ("三、国有资本经营预算财政拨款", "")]
    body = []
    for i, code in enumerate(CLASS_ORDINALS):
        name, value = left[i] if i < len(left) else ("", "")
        amount = money(spend_by_class.get(code))
        body.append([name, value, CLASS_ORDINALS[code], amount, amount, "", ""])
    body += [["本年收入合计", money0(income), "本年支出合计", money0(spend_total), money0(spend_total), "", ""],
             ["年初财政拨款结转和结余", money(opening), "年末财政拨款结转和结余", money(closing), money(closing), "", ""],
             ["一般公共预算财政拨款", money(opening), "一般公共预算财政拨款", money(closing), money(closing), "", ""],
             ["政府性基金预算财政拨款", "", "政府性基金预算财政拨款", "", "", "", ""],
             ["国有资本经营预算财政拨款", "", "国有资本经营预算财政拨款", "", "", "", ""],
             ["总计", money0(income + opening), "总计", money0(spend_total + closing), money0(spend_total + closing), "", ""]]
    return grid(header + body, [21, 10, 25, 10, 12, 11, 11], style="font-size:7.5pt")


def university() -> str:
    spend, income, finance = _university_subjects()
    spend_totals, income_totals = column_totals(spend), column_totals(income)
    spend_by_class = {s.code: s.values["total"] for s in spend if len(s.code) == 3}
    sources = {"一、一般公共预算财政拨款收入": income_totals["fin"], "五、事业收入": income_totals["shiye"],
               "八、其他收入": income_totals["other"]}
    closing = income_totals["total"] + UNIVERSITY_OPENING - spend_totals["total"]
    finance_total = sum(finance.values(), ZERO)
    finance_closing = income_totals["fin"] + UNIVERSITY_FINANCE_OPENING - finance_total
    dept = UNIVERSITY
    pages = [
        cover(dept, "2023年度部门决算", "二〇二四年八月"),
        toc([("第一部分 示例大学概况", 3), ("第二部分 示例大学2023年度部门决算表", 4), ("一、收入支出决算总表", 4),
             ("二、收入决算表", 5), ("三、支出决算表", 6), ("四、财政拨款收入支出决算总表", 7),
             ("第三部分 示例大学2023年度部门决算情况说明", 8)]),
        "<h1>第一部分 示例大学概况</h1><h2>一、主要职能</h2>"
        + paragraphs("示例大学是省属全日制普通高等学校，主要承担本科生和研究生培养、科学研究、社会服务和文化传承创新等职能。")
        + "<h2>二、机构设置</h2>"
        + paragraphs("学校设有十二个学院和两个研究院，纳入本部门2023年度决算编制范围的单位为示例大学本级。"),
        table_page("公开01表", "收入支出决算总表", dept, summary_table(sources, spend_by_class, UNIVERSITY_OPENING, closing),
                   heading="第二部分 示例大学2023年度部门决算表"),
        table_page("公开02表", "收入决算表", dept, income_table(income), note="注：本表反映部门本年度取得的各项收入情况。"),
        table_page("公开03表", "支出决算表", dept, spending_table(spend), note="注：本表反映部门本年度各项支出情况。"),
        table_page("公开04表", "财政拨款收入支出决算总表", dept,
                   finance_summary_table(income_totals["fin"], finance, UNIVERSITY_FINANCE_OPENING, finance_closing)),
        "<h1>第三部分 示例大学2023年度部门决算情况说明</h1><h2>一、收入支出决算总体情况说明</h2>"
        + paragraphs(f"2023年度收入总计{money(income_totals['total'] + UNIVERSITY_OPENING)}万元，"
                     f"支出总计{money(spend_totals['total'] + closing)}万元。",
                     f"本年收入合计{money(income_totals['total'])}万元，其中：财政拨款收入{money(income_totals['fin'])}万元，"
                     f"事业收入{money(income_totals['shiye'])}万元，其他收入{money(income_totals['other'])}万元。",
                     f"本年支出合计{money(spend_totals['total'])}万元，其中：基本支出{money(spend_totals['basic'])}万元，"
                     f"项目支出{money(spend_totals['project'])}万元。")
        + "<h2>二、其他重要事项的情况说明</h2>"
        + paragraphs("本单位为高等学校，按规定公开收入支出决算总表、收入决算表、支出决算表和财政拨款收入支出决算总表四张报表，"
                     "“三公”经费等其他报表不在本次公开范围内。"),
    ]
    return document(pages)


# --- layout 2: a two-sided summary table over two pages -------------------------------------------

LIBRARY = "示例市图书馆"
_LIBRARY_INCOME = {"一、一般公共预算财政拨款收入": D("1862.40"), "五、事业收入": D("95.30"), "八、其他收入": D("12.06")}
_LIBRARY_SPEND = {"207": D("1540.28"), "208": D("186.52"), "210": D("64.70"), "221": D("118.90"),
                  "229": D("35.00"), "224": D("8.60")}
_LIBRARY_OPENING = D("210.34")


def two_sided(split: bool, marker: str = "") -> Callable[[], str]:
    def build() -> str:
        income_total = sum(_LIBRARY_INCOME.values(), ZERO)
        closing = income_total + _LIBRARY_OPENING - sum(_LIBRARY_SPEND.values(), ZERO)
        # tall rows: the table does not fit its page and runs on to the next one; printed as
        # two tables, the second begins with the same row on a page of its own
        table = summary_table(_LIBRARY_INCOME, _LIBRARY_SPEND, _LIBRARY_OPENING, closing,
                              row_style="height:28pt", split_after=22 if split else None, marker=marker)
        finance = {k: v for k, v in _LIBRARY_SPEND.items() if k != "229"}
        finance_total = sum(finance.values(), ZERO)
        fin_income = _LIBRARY_INCOME["一、一般公共预算财政拨款收入"]
        fin_opening = finance_total - fin_income + D("20.00")
        pages = [
            cover(LIBRARY, "2023年度部门决算", "二〇二四年九月"),
            table_page("公开01表", "收入支出决算总表", LIBRARY, table),
            table_page("公开04表", "财政拨款收入支出决算总表", LIBRARY,
                       finance_summary_table(fin_income, finance, fin_opening, D("20.00"))),
        ]
        return document(pages)
    return build


# --- layout 3: a subject name wrapped over three lines, its code on the middle line ---------------

OFFICE = "示例市机关事务管理局"
_OFFICE_NAMES = {"201": "一般公共服务支出", "20103": "政府办公厅（室）及相关机构事务",
                 "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
                 "221": "住房保障支出", "22102": "住房改革支出"}
_OFFICE_ITEMS = (
    ("2010301", "行政运行", "812.45", "0"),
    ("2010350", "事业运行", "236.10", "58.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "96.32", "0"),
    ("2080506", "机关事业单位职业年金缴费支出", "48.16", "0"),
    ("2210201", "住房公积金", "72.24", "0"),
)


def _office_subjects() -> list[Subject]:
    return subject_tree([(c, n, {"basic": D(b), "project": D(p), "total": D(b) + D(p)}) for c, n, b, p in _OFFICE_ITEMS],
                        _OFFICE_NAMES)


def wrapped_spending_table(subjects: list[Subject]) -> str:
    """支出决算表 with its code in 类 | 款 | 项 columns and a narrow 科目名称 column: a long name
    wraps over three lines, the code and the amounts centred beside its middle line."""
    totals = column_totals(subjects)
    header = [[C("项目", cs=4, cls="c"), C("本年支出合计", rs=3, cls="c"), C("基本支出", rs=3, cls="c"),
               C("项目支出", rs=3, cls="c"), C("上缴上级支出", rs=3, cls="c"), C("经营支出", rs=3, cls="c"),
               C("对附属单位补助支出", rs=3, cls="c")],
              [C("支出功能分类科目编码", cs=3, cls="c"), C("科目名称", rs=2, cls="c")],
              [C("类", cls="c"), C("款", cls="c"), C("项", cls="c")]]
    rows = [[C("合计", cs=4, cls="c"), money0(totals["total"]), money(totals["basic"]), money(totals["project"]), "", "", ""]]
    for s in subjects:
        code = [s.code[:3], s.code[3:5], s.code[5:7]]
        rows.append([C(c, cls="c") for c in code] + [s.name, money0(s.values["total"]), money(s.values["basic"]),
                                                     money(s.values["project"]), "", "", ""])
    return grid(header + rows, [6, 5, 5, 11.5, 12.5, 12, 12, 12, 11, 13])


def unruled_spending_table(subjects: list[Subject]) -> str:
    """The same figures printed without rules: one code column, the name wrapped in its column."""
    totals = column_totals(subjects)
    header = [[C("科目编码", cls="c"), C("科目名称", cls="c"), C("本年支出合计", cls="c"), C("基本支出", cls="c"),
               C("项目支出", cls="c")]]
    rows = [["", C("合计", cls="c"), money0(totals["total"]), money(totals["basic"]), money(totals["project"])]]
    rows += [[C(s.code), s.name, money0(s.values["total"]), money(s.values["basic"]), money(s.values["project"])]
             for s in subjects]
    return grid(header + rows, [15, 15, 24, 23, 23], cls="grid unruled", style="width:80%; font-size:9pt")


def wrapped_subject() -> str:
    subjects = _office_subjects()
    pages = [
        cover(OFFICE, "2023年度部门决算", "二〇二四年九月"),
        table_page("公开03表", "支出决算表", OFFICE, wrapped_spending_table(subjects),
                   note="注：本表反映部门本年度各项支出情况。"),
        table_page("公开05表", "一般公共预算财政拨款支出决算表", OFFICE, unruled_spending_table(subjects)),
    ]
    return document(pages)


# --- layout 4: the nine standard tables at the end, after 40 pages of text and forms --------------

TRANSPORT = "示例市交通运输局"
_TRANSPORT_NAMES = {"214": "交通运输支出", "21401": "公路水路运输",
                    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
                    "210": "卫生健康支出", "21011": "行政事业单位医疗",
                    "221": "住房保障支出", "22102": "住房改革支出"}
_TRANSPORT_ITEMS = (
    ("2140101", "行政运行", "1820.00", "0"),
    ("2140104", "公路建设", "0", "2600.00"),
    ("2140106", "公路养护", "0", "1450.00"),
    ("2140199", "其他公路水路运输支出", "0", "130.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "160.00", "0"),
    ("2080506", "机关事业单位职业年金缴费支出", "80.00", "0"),
    ("2101101", "行政单位医疗", "95.00", "0"),
    ("2210201", "住房公积金", "125.00", "0"),
)
TRANSPORT_OPENING = D("120.00")
# 基本支出 by economic subject: 人员经费 (301, 303) and 公用经费 (302, 310)
_PERSONNEL = (("301", "工资福利支出", (("30101", "基本工资", "620.00"), ("30102", "津贴补贴", "540.00"),
                                         ("30103", "奖金", "150.00"), ("30108", "机关事业单位基本养老保险缴费", "160.00"),
                                         ("30109", "职业年金缴费", "80.00"), ("30110", "职工基本医疗保险缴费", "95.00"),
                                         ("30113", "住房公积金", "125.00"))),
              ("303", "对个人和家庭的补助", (("30302", "退休费", "60.00"),)))
_PUBLIC = (("302", "商品和服务支出", (("30201", "办公费", "120.00"), ("30211", "差旅费", "85.00"),
                                        ("30217", "公务接待费", "12.00"), ("30231", "公务用车运行维护费", "48.00"),
                                        ("30299", "其他商品和服务支出", "155.00"))),
           ("310", "资本性支出", (("31002", "办公设备购置", "30.00"),)))
# 三公: 因公出国（境）费, 公务用车购置费, 公务用车运行维护费, 公务接待费 — 预算数 and 决算数
_SANGONG_BUDGET = (D("0"), D("0"), D("60.00"), D("20.00"))
_SANGONG_FINAL = (D("0"), D("0"), D("48.00"), D("12.00"))
PROJECTS = ("国省道干线公路改造工程", "农村公路提档升级", "公路桥梁加固维修", "公路安全生命防护工程", "干线公路日常养护",
            "公路绿化提升", "港航设施维护", "交通运输执法装备更新", "智慧交通平台建设", "公交场站建设补助",
            "交通运输安全生产检查", "交通规划编制")


def _transport_subjects() -> list[Subject]:
    return subject_tree([(c, n, {"basic": D(b), "project": D(p), "total": D(b) + D(p)})
                         for c, n, b, p in _TRANSPORT_ITEMS], _TRANSPORT_NAMES)


def finance_spending_table(subjects: list[Subject]) -> str:
    """一般公共预算财政拨款支出决算表: 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出."""
    totals = column_totals(subjects)
    header = [[C("项目", cs=2, cls="c"), C("本年支出", cs=3, cls="c")],
              [C("科目编码", cls="c"), C("科目名称", cls="c"), C("小计", cls="c"), C("基本支出", cls="c"), C("项目支出", cls="c")]]
    rows = [[C("合计", cs=2, cls="c"), money0(totals["total"]), money(totals["basic"]), money(totals["project"])]]
    rows += [[s.code, s.name, money0(s.values["total"]), money(s.values["basic"]), money(s.values["project"])]
             for s in subjects]
    return grid(header + rows, [12, 40, 16, 16, 16])


def basic_table() -> str:
    """一般公共预算财政拨款基本支出决算表: 人员经费 | 公用经费 side by side, each 编码 | 名称 | 决算数."""
    def lines(groups):
        out = []
        for code, name, kids in groups:
            out.append((code, name, sum((D(v) for _, _, v in kids), ZERO)))
            out += [(c, n, D(v)) for c, n, v in kids]
        return out
    left, right = lines(_PERSONNEL), lines(_PUBLIC)
    header = [[C("人员经费", cs=3, cls="c"), C("公用经费", cs=3, cls="c")],
              [C("经济分类科目编码", cls="c"), C("科目名称", cls="c"), C("决算数", cls="c"),
               C("经济分类科目编码", cls="c"), C("科目名称", cls="c"), C("决算数", cls="c")]]
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", "", None)
        b = right[i] if i < len(right) else ("", "", None)
        rows.append([a[0], a[1], money0(a[2]) if a[2] is not None else "", b[0], b[1], money0(b[2]) if b[2] is not None else ""])
    personnel = sum((D(v) for _, _, kids in _PERSONNEL for _, _, v in kids), ZERO)
    public = sum((D(v) for _, _, kids in _PUBLIC for _, _, v in kids), ZERO)
    rows.append(["人员经费合计", "", money0(personnel), "公用经费合计", "", money0(public)])
    return grid(header + rows, [13, 25, 12, 13, 25, 12])


def sangong_table() -> str:
    """一般公共预算财政拨款“三公”经费支出决算表: 预算数 and 决算数, each 合计 | 出国 | 用车 (小计 | 购置 | 运行) | 接待."""
    def part(values):
        abroad, buy, run, reception = values
        return [money0(abroad + buy + run + reception), money0(abroad), money0(buy + run), money0(buy), money0(run),
                money0(reception)]
    group = [C("合计", rs=2, cls="c"), C("因公出国（境）费", rs=2, cls="c"), C("公务用车购置及运行维护费", cs=3, cls="c"),
             C("公务接待费", rs=2, cls="c")]
    sub = [C("小计", cls="c"), C("公务用车购置费", cls="c"), C("公务用车运行费", cls="c")]
    header = [[C("预算数", cs=6, cls="c"), C("决算数", cs=6, cls="c")], group + group, sub + sub]
    return grid(header + [part(_SANGONG_BUDGET) + part(_SANGONG_FINAL)], None, style="font-size:7.5pt")


def empty_fund_table(kind: str) -> str:
    if kind == "gov":
        header = [[C("项目", cs=2, cls="c"), C("年初结转和结余", rs=2, cls="c"), C("本年收入", rs=2, cls="c"),
                   C("本年支出", cs=3, cls="c"), C("年末结转和结余", rs=2, cls="c")],
                  [C("科目编码", cls="c"), C("科目名称", cls="c"), C("小计", cls="c"), C("基本支出", cls="c"),
                   C("项目支出", cls="c")]]
        return grid(header + [[C("合计", cs=2, cls="c"), "", "", "", "", "", ""]], [12, 28, 10, 10, 10, 10, 10, 10])
    header = [[C("项目", cs=2, cls="c"), C("本年支出", cs=3, cls="c")],
              [C("科目编码", cls="c"), C("科目名称", cls="c"), C("小计", cls="c"), C("基本支出", cls="c"), C("项目支出", cls="c")]]
    return grid(header + [[C("合计", cs=2, cls="c"), "", "", ""]], [12, 40, 16, 16, 16])


def _project_form(n: int, name: str) -> str:
    budget = D(100 + 37 * n).quantize(D("0.01"))
    spent = (budget * D("0.96")).quantize(D("0.01"))
    rate = (spent / budget * 100).quantize(D("0.01"))
    indicators = [("产出指标", "数量指标", f"{name}完成数量", "≥10处", "12处", "20", "20"),
                  ("", "质量指标", "工程验收合格率", "≥95%", "98%", "15", "15"),
                  ("", "时效指标", "按期完成率", "≥90%", "96%", "15", "14"),
                  ("效益指标", "社会效益指标", "通行条件改善", "明显改善", "明显改善", "20", "18"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "19")]
    total = 9 + sum(int(i[6]) for i in indicators)
    rows = [[C("项目名称", cs=2), C(name, cs=7)],
            [C("主管部门", cs=2), C(TRANSPORT, cs=3), C("实施单位", cs=1), C("示例市公路事业发展中心", cs=3)],
            [C("项目资金（万元）", cs=3), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分"],
            ["", C("年度资金总额", cs=2), money0(budget), money0(budget), money0(spent), "10", money0(rate), "9"],
            ["", C("其中：当年财政拨款", cs=2), money0(budget), money0(budget), money0(spent), "—", money0(rate), ""],
            [C("年度总体目标", cs=1), C("预期目标", cs=4), C("实际完成情况", cs=4)],
            ["", C(f"按计划完成{name}，改善群众出行条件。", cs=4), C(f"已按计划完成{name}，通行条件明显改善。", cs=4)],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    rows += [[""] + [C(t) for t in ind] + ["无"] for ind in indicators]
    rows += [[C("总分", cs=6), "100", str(total), ""], [C("评价等级", cs=2), C("优（S≥90）", cs=7)]]
    return ('<div class="title">项目支出绩效自评表</div><div class="meta"><span>（2023年度）</span><span></span></div>'
            + grid(rows, [9, 11, 12, 16, 11, 11, 8, 8, 14], style="font-size:8pt"))


def tables_at_end() -> str:
    subjects = _transport_subjects()
    totals = column_totals(subjects)
    spend_by_class = {s.code: s.values["total"] for s in subjects if len(s.code) == 3}
    income = {"一、一般公共预算财政拨款收入": totals["total"]}
    closing = TRANSPORT_OPENING
    dept = TRANSPORT
    personnel = sum((D(v) for _, _, kids in _PERSONNEL for _, _, v in kids), ZERO)
    public = sum((D(v) for _, _, kids in _PUBLIC for _, _, v in kids), ZERO)
    sangong = sum(_SANGONG_FINAL, ZERO)
    work = ("全年完成普通国省道改造42公里，新改建农村公路186公里，实施危桥改造11座，公路通行条件进一步改善。",
            "坚持“建管养运”并重，完善公路养护管理机制，推进预防性养护，优良路率保持在较高水平。",
            "加强交通运输安全生产监管，开展隐患排查整治专项行动，全年未发生较大以上安全生产责任事故。",
            "推进智慧交通建设，完成交通运行监测平台一期工程，实现重点路段和桥梁运行状态实时监测。")
    pages = [cover(dept, "2023年度部门决算", "二〇二四年九月"),
             toc([("第一部分 部门概况", 3), ("第二部分 2023年度部门决算情况说明", 7), ("第三部分 名词解释", 15),
                  ("第四部分 2023年度项目支出绩效自评情况", 17), ("第五部分 2023年度部门决算表", 41)])]
    # pages 3-6: 部门概况
    pages.append("<h1>第一部分 部门概况</h1><h2>一、主要职能</h2>" + paragraphs(
        "示例市交通运输局贯彻落实党中央关于交通运输工作的方针政策和决策部署，负责全市公路、水路交通运输行业管理，"
        "拟订交通运输发展规划并组织实施，负责公路、水路交通基础设施建设和养护的行业管理。"))
    pages.append("<h2>二、机构设置</h2>" + paragraphs(
        "本部门内设办公室、综合规划科、建设管理科、运输管理科、安全监督科等九个科室，下属公路事业发展中心等三个单位。"))
    pages.append("<h2>三、人员情况</h2>" + paragraphs("截至2023年底，本部门编制内实有人员168人，其中行政人员52人，事业人员116人。"))
    pages.append("<h2>四、年度主要工作</h2>" + paragraphs(*work))
    # pages 7-14: 情况说明, one section a page
    sections = [
        ("一、收入支出决算总体情况说明", f"2023年度收入总计{money(totals['total'] + TRANSPORT_OPENING)}万元，"
         f"支出总计{money(totals['total'] + closing)}万元。收支总计与上年相比基本持平。"),
        ("二、收入决算情况说明", f"本年收入合计{money(totals['total'])}万元，全部为一般公共预算财政拨款收入。"),
        ("三、支出决算情况说明", f"本年支出合计{money(totals['total'])}万元，其中：基本支出{money(totals['basic'])}万元，"
         f"项目支出{money(totals['project'])}万元。"),
        ("四、财政拨款收入支出决算总体情况说明", "财政拨款收入支出情况与收入支出决算总体情况一致，本部门无其他来源的收入。"),
        ("五、一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款支出主要用于公路建设、公路养护和机关正常运转。"),
        ("六、一般公共预算财政拨款基本支出决算情况说明", f"一般公共预算财政拨款基本支出{money(totals['basic'])}万元，"
         f"其中：人员经费{money(personnel)}万元，公用经费{money(public)}万元。"),
        ("七、一般公共预算财政拨款“三公”经费支出决算情况说明", f"2023年度“三公”经费支出{money(sangong)}万元，"
         "其中公务用车运行维护费和公务接待费均低于预算，主要原因是厉行节约、严控公务活动。"),
        ("八、政府性基金和国有资本经营预算财政拨款支出决算情况说明",
         "本部门2023年度没有政府性基金预算财政拨款收入和支出，也没有国有资本经营预算财政拨款支出。"),
    ]
    for i, (heading, text) in enumerate(sections):
        part = "<h1>第二部分 2023年度部门决算情况说明</h1>" if i == 0 else ""
        pages.append(part + f"<h2>{heading}</h2>" + paragraphs(text, work[i % len(work)]))
    # pages 15-16: 名词解释
    pages.append("<h1>第三部分 名词解释</h1>" + paragraphs(
        "一、财政拨款收入：指单位从本级财政部门取得的财政预算资金。",
        "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"))
    pages.append(paragraphs("三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
                            "四、“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"))
    # pages 17-40: one project's 绩效自评报告 and its form, a page each
    for n, name in enumerate(PROJECTS):
        head = "<h1>第四部分 2023年度项目支出绩效自评情况</h1>" if n == 0 else ""
        pages.append(head + f"<h2>（{_cn(n + 1)}）{name}项目绩效自评报告</h2>" + paragraphs(
            f"{name}项目由示例市公路事业发展中心组织实施，项目按计划推进，绩效目标基本完成。",
            "项目资金管理规范，严格执行财务制度，资金使用合规，未发现截留、挪用等问题。"))
        pages.append(_project_form(n, name))
    # pages 41-49: the nine tables
    tables = [
        ("公开01表", "收入支出决算总表", summary_table(income, spend_by_class, TRANSPORT_OPENING, closing), ""),
        ("公开02表", "收入决算表", income_table(subject_tree(
            [(c, n, {"fin": D(b) + D(p), "shiye": ZERO, "other": ZERO, "total": D(b) + D(p)})
             for c, n, b, p in _TRANSPORT_ITEMS], _TRANSPORT_NAMES)), ""),
        ("公开03表", "支出决算表", spending_table(subjects), ""),
        ("公开04表", "财政拨款收入支出决算总表",
         finance_summary_table(totals["total"], spend_by_class, TRANSPORT_OPENING, closing), ""),
        ("公开05表", "一般公共预算财政拨款支出决算表", finance_spending_table(subjects), ""),
        ("公开06表", "一般公共预算财政拨款基本支出决算表", basic_table(), ""),
        ("公开07表", "一般公共预算财政拨款“三公”经费支出决算表", sangong_table(), ""),
        ("公开08表", "政府性基金预算财政拨款收入支出决算表", empty_fund_table("gov"),
         "注：本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"),
        ("公开09表", "国有资本经营预算财政拨款支出决算表", empty_fund_table("state"),
         "注：本部门2023年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。"),
    ]
    for i, (code, title, table, note) in enumerate(tables):
        pages.append(table_page(code, title, dept, table, note=note,
                                heading="第五部分 2023年度部门决算表" if i == 0 else ""))
    return document(pages)


def _cn(n: int) -> str:
    digits = "一二三四五六七八九"
    return digits[n - 1] if n < 10 else "十" + (digits[n - 11] if n > 10 else "")


# --- layout 5: a 29-column budget table comparing two years ---------------------------------------

CULTURE = "示例市文化和旅游局"
_CULTURE_NAMES = {"207": "文化旅游体育与传媒支出", "20701": "文化和旅游",
                  "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
                  "210": "卫生健康支出", "21011": "行政事业单位医疗",
                  "221": "住房保障支出", "22102": "住房改革支出"}
# per year: 人员经费, 公用经费, 部门项目, 专项项目, 事业单位经营支出 — (上年, 本年)
_CULTURE_ITEMS = (
    ("2070101", "行政运行", ("412.30", "96.40", "0", "0", "0"), ("436.80", "92.15", "0", "0", "0")),
    ("2070109", "群众文化", ("0", "0", "120.00", "260.00", "0"), ("0", "0", "135.50", "310.00", "0")),
    ("2070111", "文化创作与保护", ("0", "0", "85.00", "0", "12.00"), ("0", "0", "64.20", "0", "15.60")),
    ("2080505", "机关事业单位基本养老保险缴费支出", ("52.60", "0", "0", "0", "0"), ("55.38", "0", "0", "0", "0")),
    ("2101101", "行政单位医疗", ("24.10", "0", "0", "0", "0"), ("25.72", "0", "0", "0", "0")),
    ("2210201", "住房公积金", ("38.90", "0", "0", "0", "0"), ("41.05", "0", "0", "0", "0")),
)
YEAR_COLUMNS = ("合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出/小计", "项目支出/部门项目",
                "项目支出/专项项目", "事业单位经营支出")


def _year_values(parts: tuple[str, ...]) -> list[Decimal]:
    person, public, dept, special, business = (D(p) for p in parts)
    return [person + public + dept + special + business, person + public, person, public, dept + special, dept,
            special, business]


def _culture_rows() -> list[tuple[str, str, list[Decimal], list[Decimal]]]:
    leaves = [(c, n, {f"l{i}": v for i, v in enumerate(_year_values(last))}
               | {f"t{i}": v for i, v in enumerate(_year_values(this))}) for c, n, last, this in _CULTURE_ITEMS]
    subjects = subject_tree(leaves, _CULTURE_NAMES)
    totals = column_totals(subjects)
    out = [("", "合计", [totals[f"l{i}"] for i in range(8)], [totals[f"t{i}"] for i in range(8)])]
    out += [(s.code, s.name, [s.values[f"l{i}"] for i in range(8)], [s.values[f"t{i}"] for i in range(8)]) for s in subjects]
    return out


def two_year_table() -> str:
    """一般公共预算支出预算表: 科目编码 (类 | 款 | 项) | 科目名称 | 上年预算数 (8) | 本年预算数 (8) |
    本年比上年增减 (8 and 增减率) — 29 columns under a three-row header."""
    def year_group():
        return ([C("合计", rs=2, cls="c"), C("基本支出", cs=3, cls="c"), C("项目支出", cs=3, cls="c"),
                 C("事业单位经营支出", rs=2, cls="c")],
                [C("小计", cls="c"), C("人员经费", cls="c"), C("公用经费", cls="c"), C("小计", cls="c"),
                 C("部门项目", cls="c"), C("专项项目", cls="c")])
    top, sub = year_group()
    header = [[C("科目编码", cs=3, cls="c"), C("科目名称", rs=3, cls="c"), C("上年预算数", cs=8, cls="c"),
               C("本年预算数", cs=8, cls="c"), C("本年比上年增减", cs=9, cls="c")],
              [C("类", rs=2, cls="c"), C("款", rs=2, cls="c"), C("项", rs=2, cls="c")] + top + top + top
              + [C("增减率（%）", rs=2, cls="c")],
              sub + sub + sub]
    rows = []
    for code, name, last, this in _culture_rows():
        change = [t - l for l, t in zip(last, this)]
        rate = (change[0] / last[0] * 100).quantize(D("0.01")) if last[0] else None
        keys = [C("合计", cs=4, cls="c")] if not code else [code[:3], code[3:5], code[5:7], name]
        rows.append(keys + [money(v) for v in last] + [money(v) for v in this]
                    + [money0(v) if v else "" for v in change] + [money0(rate) if rate is not None else ""])
    widths = [2.4, 2.0, 2.0, 8.6] + [3.4] * 25
    assert len(widths) == 29 and all(sum(getattr(c, "cs", 1) for c in r) == 29 for r in rows)
    return grid(header + rows, widths, cls="grid narrow", style="font-size:5.5pt")


def two_year_columns() -> str:
    pages = [cover(CULTURE, "2024年部门预算", "二〇二四年二月"),
             table_page("公开05表", "一般公共预算支出预算表", CULTURE, two_year_table(),
                        note="注：本表反映部门本年度一般公共预算支出预算及与上年预算的比较情况。")]
    return document(pages)


# --- layout 6: a budget's 三公, 会议费 and 培训费 under a three-row merged header ------------------

JUSTICE = "示例市司法局"
# 因公出国（境）费, 公务用车购置费 (None: printed blank), 公务用车运行维护费, 公务接待费, 会议费, 培训费
_TRAINING_ITEMS = (D("60"), None, D("185"), D("42.50"), D("96.50"), D("516"))
_TRAINING_ITEMS_WHOLE = (D("60"), None, D("185"), D("43"), D("96"), D("516"))
TRAINING_COLUMNS = ("合计", "“三公”经费/小计", "“三公”经费/因公出国（境）费", "“三公”经费/公务用车购置及运行维护费/小计",
                    "“三公”经费/公务用车购置及运行维护费/公务用车购置费",
                    "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", "“三公”经费/公务接待费", "会议费", "培训费")


def plain(value: Decimal | None) -> str:
    """An amount as the Jiangsu budgets print it: no separators, no trailing zeros (1276.7, 237)."""
    return "" if value is None else f"{value.normalize():f}"


def training_figures(items) -> dict[str, str]:
    """Column path → the printed figure ("" for the blank cell), every total the sum of its parts."""
    abroad, buy, run, reception, meeting, training = items
    car = (buy or ZERO) + run
    sangong = abroad + car + reception
    values = (sangong + meeting + training, sangong, abroad, car, buy, run, reception, meeting, training)
    return dict(zip(TRAINING_COLUMNS, (plain(v) for v in values)))


def training_table(items) -> str:
    header = [[C("合计", rs=3, cls="c"), C("“三公”经费", cs=6, cls="c"), C("会议费", rs=3, cls="c"),
               C("培训费", rs=3, cls="c")],
              [C("小计", rs=2, cls="c"), C("因公出\n国(境)\n费", rs=2, cls="c"), C("公务用车购置及运行维护费", cs=3, cls="c"),
               C("公务接\n待费", rs=2, cls="c")],
              [C("小计", cls="c"), C("公务用车购\n置费", cls="c"), C("公务用车运\n行维护费", cls="c")]]
    row = [C(v, cls="n") for v in training_figures(items).values()]
    return grid(header + [row], [11, 11, 9, 12, 11, 12, 9, 11, 14])


def sangong_training(items) -> Callable[[], str]:
    def build() -> str:
        pages = [cover(JUSTICE, "2024年部门预算", "二〇二四年二月"),
                 table_page("公开09表", "“三公”经费、会议费、培训费支出预算表", JUSTICE, training_table(items))]
        return document(pages)
    return build


# --- printing -----------------------------------------------------------------------------------

# file name → (builder, landscape)
LAYOUTS: dict[str, tuple[Callable[[], str], bool]] = {
    "university.pdf": (university, False),
    "two_sided_overflow.pdf": (two_sided(split=False), False),
    "two_sided_split.pdf": (two_sided(split=True), False),
    "two_sided_continued.pdf": (two_sided(split=True, marker="续表"), False),
    "wrapped_subject.pdf": (wrapped_subject, False),
    "tables_at_end.pdf": (tables_at_end, False),
    "two_year_columns.pdf": (two_year_columns, True),
    "sangong_training.pdf": (sangong_training(_TRAINING_ITEMS), False),
    "sangong_training_whole.pdf": (sangong_training(_TRAINING_ITEMS_WHOLE), False),
}


def write_pdfs(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Print each layout to `folder`; one Chromium for all of them."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            page = browser.new_page()
            for name in names or list(LAYOUTS):
                build, landscape = LAYOUTS[name]
                page.set_content(build())
                path = folder / name
                page.pdf(path=str(path), format="A4", landscape=landscape, print_background=False,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                         margin={"top": "18mm", "bottom": "18mm", "left": "10mm" if landscape else "15mm",
                                 "right": "10mm" if landscape else "15mm"})
                out[name] = path
        finally:
            browser.close()
    finally:
        playwright.stop()
    return out


if __name__ == "__main__":
    for name, path in write_pdfs(Path(sys.argv[1] if len(sys.argv) > 1 else "layout_pdfs")).items():
        print(path)
