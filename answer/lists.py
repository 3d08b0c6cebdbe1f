"""Lists the reports give row by row:

* the projects whose 绩效自评 grade is 优 / 良 / 中 / 差;
* the projects whose form prints a funds figure that meets a condition: an execution rate below
  (or at, or above) a percentage, an execution rate or a 全年执行数 of 0;
* the 类-level functional subjects (201 一般公共服务支出 …) a spending table shows money under;
* the units a department's final accounts cover (the 单位名称 column of its units table), and
  each unit's printed kind (单位性质).

Each 项目支出绩效自评表 names its project (专项名称 / 项目名称, or its title: X项目支出绩效自评表).
A list is given only when every form (every row) it is drawn from could be read; one that may
miss a member is refused and says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from domain.grades import GRADE_WORD, grade_named
from domain.normalize import compact

_ASKS = re.compile(r"(哪些|哪几个|哪个|有哪|列出).{0,6}项目|项目.{0,12}(哪些|哪几个|有哪)")
_GRADE_ROW = re.compile(r"评价等级|自评等级|等级|等次|评价结果")
_PROJECT_ROW = ("专项名称", "项目名称", "项目名")
_FORM_SUFFIX = "项目支出绩效自评表"
FORM_KIND = "项目支出绩效自评表"


def asks_for_graded_projects(question: str) -> str | None:
    """The grade a question lists projects by: a grade word after 是 / 为 / 评 / 等级, or in quotes
    (“良”); a grade character inside another word (中心, 其中) is not one.  `question` is best
    given without the department's name."""
    text = compact(question)
    asks = _ASKS.search(text) or (re.search(r"哪些|哪几|有哪|列出", text) and re.search(r"绩效|自评", text))
    if not (asks and re.search(r"自评|评价|等级|等次|评为|评了", text)):
        return None
    return grade_named(text)


def form_names(facts: list[dict]) -> dict[int, dict]:
    """The project each 绩效 form names, by table: its 专项名称 / 项目名称 cell, or, for a form
    without one, its title (X项目支出绩效自评表 names X)."""
    names: dict[int, dict] = {}
    for f in facts:
        label = compact(f["row_label"] or "")
        if f["table_kind"] == FORM_KIND and label in _PROJECT_ROW and f["table_index"] not in names \
                and compact(f["value_text"] or ""):
            names[f["table_index"]] = f
    for f in facts:
        t = f["table_index"]
        title = compact(f["table_title"] or "")
        if f["table_kind"] == FORM_KIND and t not in names and title.endswith(_FORM_SUFFIX) \
                and len(title) - len(_FORM_SUFFIX) >= 2:
            names[t] = dict(f, value_text=title[:-len(_FORM_SUFFIX)], row_label="项目名称")
    return names


def graded_projects(facts: list[dict], grade: str) -> tuple[list[tuple[dict, dict]], bool]:
    """(project fact, grade fact) pairs with that grade, and whether every grade could be read.

    A form prints its grade in a 评价等级 row, or as the grade word of its 总分 row.  A grade on a
    table without a project name (a form continued on the next page) belongs to the nearest form
    before it that has no grade yet.  Any grade that cannot be placed makes the list unreadable:
    a list that may miss a project is not given."""
    names = form_names(facts)
    grades: dict[int, dict] = {}
    for f in facts:
        label = compact(f["row_label"] or "")
        t = f["table_index"]
        if t not in grades and (_GRADE_ROW.search(label) and len(label) <= 8 and GRADE_WORD.match(compact(f["value_text"] or ""))
                                or label == "总分" and GRADE_WORD.fullmatch(compact(f["value_text"] or ""))):
            grades[t] = f
    placed: dict[int, dict] = {}
    for t in sorted(grades):
        owner = t if t in names else max((n for n in names if n < t and n not in placed), default=None)
        if owner is None or owner in placed:
            return [], False
        placed[owner] = grades[t]
    readable = bool(placed) and all(n in placed for n in names)
    out = [(names[t], g) for t, g in sorted(placed.items())
           if grade_matches(GRADE_WORD.match(compact(g["value_text"])).group(1), grade)]
    return out, readable


# a narrative's account of one project's self-assessment: "X专项绩效自评综述：…X自评得分为 90 分，
# 自评等次为良好"; the project is what its heading names, else what the sentence's subject is
_STATED_HEADING = re.compile(r"^(?:(?:19|20)\d{2}年)*(.{2,60}?)(?:绩效自评综述|绩效自评情况|自评综述)[:：]")
_STATED_SCORE = re.compile(r"([^,，。:：;；]{2,60}?)(?:自评|绩效评价)?得分(?:为|是)?(\d+(?:\.\d+)?)分")
_STATED_GRADE = re.compile(r"(?:自评|评价)?(?:等次|等级)(?:为|是|评为)?[“\"'‘]?(优秀|良好|优|良|中|合格|不合格|差)(?![心国间期央等])")


@dataclass(frozen=True)
class StatedGrade:
    name: str  # the project, as the narrative names it
    grade: str  # the grade word printed
    score: str | None  # the score printed beside it
    passage: dict  # where it is printed


def stated_grades(passages: list[dict]) -> list[StatedGrade]:
    """The projects whose self-assessment grade the narrative states in words, one a passage,
    in printed order (domain.grades words)."""
    out = []
    for p in passages:
        text = compact(p["text"] or "")
        grade = _STATED_GRADE.search(text)
        if not grade or not re.search(r"自评|绩效评价", text[:grade.start()]):
            continue
        heading = _STATED_HEADING.match(text)
        score = _STATED_SCORE.search(text[:grade.start()])
        name = heading.group(1) if heading else (score.group(1) if score else None)
        if not name:
            continue
        out.append(StatedGrade(re.sub(r"^(?:(?:19|20)\d{2}年)+", "", name), grade.group(1),
                               score.group(2) if score else None, p))
    return out


def grade_matches(printed: str, asked: str) -> bool:
    """Whether a printed grade word is the grade asked (优 and 优秀 are one grade)."""
    wanted = {"优": ("优", "优秀"), "优秀": ("优", "优秀"), "良": ("良", "良好"), "良好": ("良", "良好")}.get(asked, (asked,))
    return printed in wanted


# --- projects by a printed funds figure ---------------------------------------------------------

@dataclass(frozen=True)
class Condition:
    """What a form's funds row must print: `column` (执行率 or 全年执行数) compared with `value`."""
    column: str  # "rate" | "spent"
    op: str  # "<" | "<=" | "==" | ">=" | ">"
    value: Decimal

    def holds(self, number: Decimal) -> bool:
        return {"<": number < self.value, "<=": number <= self.value, "==": number == self.value,
                ">=": number >= self.value, ">": number > self.value}[self.op]

    def words(self) -> str:
        what = "执行率" if self.column == "rate" else "全年执行数"
        unit = "%" if self.column == "rate" else "万元"
        op = {"<": "低于", "<=": "不高于", "==": "为", ">=": "不低于", ">": "高于"}[self.op]
        return f"{what}{op} {self.value.normalize():f}{unit}"


_NUMBER = r"(\d+(?:\.\d+)?)"
_BELOW = r"没到|没有到|未到|不到|未达到|没达到|没有达到|没达|未达|低于|小于|不足|少于|不满"
_ABOVE_OR_AT = r"达到|不低于|大于等于"
_ABOVE = r"超过|高于|大于|超出"
_EQUAL = r"为|是|等于|只有|仅"
_ZERO_SPENT = re.compile(r"一分钱(?:都|也)?没(?:有)?(?:花|用|执行|支出)|(?:全年)?执行数(?:为|是|等于)?(?:0|零)(?![\d.])"
                         r"|(?:完全)?没有?执行(?:的|过)?项目|未执行(?:的)?项目")


def asks_for_execution(question: str) -> Condition | None:
    """The condition on a 绩效 form's funds a question lists projects by, or None: 执行率没到100%,
    执行率低于90%, 执行率为0, 全年执行数为0, 一分钱没花, 没有全部执行 …"""
    text = compact(question).replace("％", "%")
    if not (_ASKS.search(text) or re.search(r"哪些|哪几|有哪|列出", text)):
        return None
    if _ZERO_SPENT.search(text):
        return Condition("spent", "==", Decimal(0))
    rate = re.search(r"执行率", text)
    if rate:
        after = text[rate.end():]
        for words, op in ((_BELOW, "<"), (_ABOVE_OR_AT, ">="), (_ABOVE, ">"), (_EQUAL, "==")):
            m = re.match(rf"(?:都|均|仍|还)?(?:{words}){_NUMBER}%?", after)
            if m:
                return Condition("rate", op, Decimal(m.group(1)))
        m = re.match(rf"(?:在)?{_NUMBER}%?(?:以下|以内)", after)
        if m:
            return Condition("rate", "<", Decimal(m.group(1)))
        m = re.match(rf"(?:在)?{_NUMBER}%?以上", after)
        if m:
            return Condition("rate", ">", Decimal(m.group(1)))
    if re.search(r"没有?(?:全部|完全|全额|足额)执行|未(?:全部|完全|全额|足额)执行|没(?:有)?执行完|未执行完", text):
        return Condition("rate", "<", Decimal(100))
    return None


_FUNDS = re.compile(r"^(?:年度)?资金总额")
_BUDGET_COLUMNS = ("全年预算数", "调整后预算数", "预算数")
_SPENT_COLUMN = "全年执行数"
_RATE_COLUMN = "执行率"


@dataclass(frozen=True)
class FormFunds:
    name: dict  # the fact that names the project
    budget: dict | None
    spent: dict | None
    rate: dict | None
    problem: str | None  # why the form's funds cannot be read, if they cannot


_FUNDS_HEADER = re.compile(r"预算数|执行数|分值|执行率|得分")


def _reread_funds_row(row: list[dict], grid: list[list[dict]] | None) -> list[dict]:
    """A funds row whose numbers were read under the wrong headers (one header spanning two body
    cells: 全年预算数 twice, the rest shifted), read again in printed order against the form's own
    header line right above it (年初预算数 全年预算数 全年执行数 分值 执行率 得分), when that line
    prints exactly as many column words as the row prints numbers; [] otherwise."""
    if not grid or not row:
        return []
    r = row[0]["row_index"]
    if r is None or r >= len(grid):
        return []
    numbers = [f for f in row if f["number"] is not None]
    printed = [compact(c["text"] or "") for c in grid[r]]
    if len([t for t in printed if re.fullmatch(r"-?[\d,]+(?:\.\d+)?", t)]) != len(numbers):
        return []
    for above in range(r - 1, max(r - 4, -1), -1):
        words = [compact(c["text"] or "") for c in grid[above]]
        words = [w for w in words if _FUNDS_HEADER.search(w)]
        if any("执行数" in w for w in words):
            if len(words) != len(numbers) or len(set(words)) != len(words):
                return []
            return [dict(f, column=w) for f, w in zip(numbers, words)]
    return []


def form_funds(facts: list[dict], tables: list[dict] | None = None) -> list[FormFunds]:
    """Every 绩效 form's funds row (年度资金总额): 全年预算数, 全年执行数, 执行率, with a problem
    when the row is missing, prints a column twice, or prints a rate that is not its 执行数 ÷
    全年预算数 (the cells were read under the wrong headers).  With the report's `tables`, a row
    that prints a column twice is read again against the form's own header line
    (`_reread_funds_row`) and kept only when its rate then agrees with 执行数 ÷ 全年预算数."""
    names = form_names(facts)
    grids = {t["idx"]: t["grid"] for t in tables or ()}
    rows: dict[int, list[dict]] = {}
    for f in facts:
        if f["table_index"] in names and _FUNDS.match(compact(f["row_label"] or "").split("/")[-1]):
            rows.setdefault(f["table_index"], []).append(f)
    out = []
    for t, name in sorted(names.items()):
        row = [f for f in rows.get(t, []) if f["number"] is not None]
        columns = [compact(f["column"] or "") for f in row]
        reread = len(set(columns)) != len(columns) and _reread_funds_row(row, grids.get(t))
        if reread:
            row, columns = reread, [compact(f["column"] or "") for f in reread]

        def cell(prefix: str) -> dict | None:
            return next((f for f, c in zip(row, columns) if c.startswith(prefix) or c.endswith("/" + prefix)), None)

        budget = next((c for c in (cell(p) for p in _BUDGET_COLUMNS) if c), None)
        spent, rate = cell(_SPENT_COLUMN), cell(_RATE_COLUMN)
        problem = None
        if not row:
            problem = "没有印出年度资金总额一行的数字"
        elif len(set(columns)) != len(columns) or reread and not (budget and spent and rate):
            problem = "资金一行有两个数字落在同一栏下，读不准"
        elif budget and spent and rate and Decimal(str(budget["number"])) > 0:
            expected = Decimal(str(spent["number"])) / Decimal(str(budget["number"])) * 100
            printed = Decimal(str(rate["number"]))
            if abs(expected - printed) > Decimal("0.6") and not (printed == 100 and expected > 100):
                problem = (f"执行率 {rate['value_text']} 与执行数 {spent['value_text']} ÷ 全年预算数 "
                           f"{budget['value_text']} 不符，读不准")
        out.append(FormFunds(name, budget, spent, rate, problem))
    return out


def unread_forms(tables: list[dict]) -> list[str]:
    """Tables that print a project's funds row (资金总额) but were not read as 项目支出绩效自评表
    (a title the reading could not make out): a list drawn from the forms read would miss their
    projects.  The 部门整体支出绩效自评表 prints one too, for the whole department, and is not one."""
    out = []
    for t in tables:
        if t["kind"] == FORM_KIND:
            continue
        if not any("资金总额" in compact(c["text"] or "") for r in t["grid"] for c in r):
            continue
        top = "".join(compact(c["text"] or "") for r in t["grid"][:3] for c in r)
        if "整体" in top:
            continue
        place = f"第{t['page']}页" if t.get("page") else f"第{t['line']}行"
        out.append(f"{place}起的表格（印有项目的资金总额，但没有读成项目支出绩效自评表）")
    return out


def projects_where(facts: list[dict], condition: Condition,
                   tables: list[dict] | None = None) -> tuple[list[tuple[dict, dict]], list[str]]:
    """(project fact, the funds fact the condition is on) for every form that meets it, and the
    forms that could not be read (name: why).  Any unreadable form makes the list unsafe."""
    found, unreadable = [], list(unread_forms(tables or ()))
    for form in form_funds(facts, tables):
        fact = form.rate if condition.column == "rate" else form.spent
        label = compact(form.name["value_text"])
        if form.problem or fact is None:
            unreadable.append(f"{label}（{form.problem or '没有印出' + ('执行率' if condition.column == 'rate' else '全年执行数')}）")
            continue
        if condition.holds(Decimal(str(fact["number"]))):
            found.append((form.name, fact))
    return found, unreadable


# --- the 类-level subjects of a spending table ---------------------------------------------------

# tables whose rows are functional subjects (类/款/项); a question's words pick one, else 支出决算表
SUBJECT_TABLES = ("支出决算表", "一般公共预算财政拨款支出决算表", "财政拨款收入支出决算总表", "收入支出决算总表",
                  "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表")
_FUNDS_TABLE = {"一般公共预算": "一般公共预算财政拨款支出决算表", "财政拨款": "财政拨款收入支出决算总表",
                "政府性基金": "政府性基金预算财政拨款收入支出决算表", "国有资本经营": "国有资本经营预算财政拨款支出决算表"}
_SUMMARY = ("财政拨款收入支出决算总表", "收入支出决算总表")
# the column that holds a row's whole spending, most telling first (a summary table's 支出 side
# prints one amount: 金额 or 决算数)
_TOTAL_COLUMNS = ("本年支出合计", "合计", "小计", "支出合计", "决算数", "金额")
_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")


def asks_for_classes(question: str) -> bool:
    """Whether a question asks which 类-level subjects money was spent under (类级科目, 哪几类科目)."""
    text = compact(question).replace("分类", "")
    return (bool(re.search(r"类", text) and re.search(r"科目", text))
            or bool(re.search(r"(?:哪|几)(?:个|些)?类(?:支出|功能)|哪(?:几|些)(?:个)?类(?![似型别])", text)))


def subject_table(table_kind: str | None, funds: str | None) -> str:
    """The table a class list is read from: the one the question names, else the one of the funds
    it names, else 支出决算表 (all funds)."""
    if table_kind in SUBJECT_TABLES:
        return table_kind
    return _FUNDS_TABLE.get(funds or "", "支出决算表")


def _total_column(columns: list[str]) -> str | None:
    """The column among `columns` (as printed, with their header paths) that is a row's total."""
    plain = [compact(c or "") for c in columns]
    for want in _TOTAL_COLUMNS:
        for c, p in zip(columns, plain):
            if p.split("/")[-1] == want:
                return c
    for c, p in zip(columns, plain):
        if p.startswith("本年支出合计"):  # a merged header (本年支出合计 above 基本支出) names the total first
            return c
    return None


def is_class_row(fact: dict, kind: str) -> bool:
    """A 类 of the functional classification: a three-digit subject code 2xx, or, on a summary
    table's 支出 side (where no codes are printed), a numbered line that names a kind of 支出."""
    code = (fact["row_code"] or "").strip()
    if code:
        return len(code) == 3 and code.startswith("2")
    label = compact(fact["row_label"] or "")
    return kind in _SUMMARY and fact["row_group"] == 1 and bool(_NUMBERED.match(label)) and label.endswith("支出")


@dataclass(frozen=True)
class ClassRow:
    code: str | None
    name: str  # as printed: on its own row, or, where that row prints no name, beside the same code elsewhere
    total: dict  # the fact in the total column
    named_by: dict | None  # the fact whose row names it, when its own row prints no name


def class_rows(facts: list[dict], kind: str) -> tuple[list[ClassRow], str | None]:
    """The 类 rows of the report's `kind` table with a nonzero amount in its total column, in
    printed order, and a problem when the list cannot be given (no such table, no total column, a
    class that cannot be named or whose total is blank beside other amounts)."""
    from .lookup import bare_label

    mine = [f for f in facts if f["table_kind"] == kind]
    if not mine:
        return [], f"报告里没有{kind}"
    rows: dict[tuple[int, int, int], list[dict]] = {}
    for f in mine:
        if is_class_row(f, kind):
            rows.setdefault((f["table_index"], f["row_index"], f["row_group"] or 0), []).append(f)
    if not rows:
        return [], f"{kind}里没有读到类级科目的行"
    total_column = _total_column([f["column"] for cells in rows.values() for f in cells])
    if total_column is None:
        return [], f"{kind}里认不出合计一栏"
    names_by_code: dict[str, dict] = {}
    for f in facts:  # the name another table prints beside the same code
        code = (f["row_code"] or "").strip()
        if code and code not in names_by_code and bare_label(f["row_label"] or ""):
            names_by_code[code] = f
    out: list[ClassRow] = []
    seen: set[str] = set()
    for key in sorted(rows, key=lambda k: (k[0], k[2], k[1])):
        cells = rows[key]
        first = cells[0]
        code = (first["row_code"] or "").strip() or None
        identity = code or bare_label(first["row_label"] or "")
        if identity in seen:
            continue  # a second table of the same kind (a copy or a continuation) repeats it
        seen.add(identity)
        total = next((f for f in cells if f["column"] == total_column), None)
        if total is None or total["number"] is None:
            if any(f["number"] for f in cells):
                return [], f"{identity}一行的合计栏是空的，其他栏却印有数字，读不准"
            continue
        if total["number"] == 0:
            continue
        name = bare_label(first["row_label"] or "")
        named_by = None
        if not name:
            named_by = names_by_code.get(code or "")
            if named_by is None:
                return [], f"{kind}里科目 {code} 一行没有印出名称，报告别处也没有"
            name = bare_label(named_by["row_label"])
        out.append(ClassRow(code, name, total, named_by))
    return out, None


# --- where the income comes from ------------------------------------------------------------------

# (这笔钱从哪来 asks where one amount came from: a reason, not the department's income)
_ASKS_SOURCES = re.compile(r"收入.{0,6}(?:来源|来自|渠道|从哪|由哪)"
                           r"|(?<![笔项份些])(?:钱|资金|经费)(?:都|主要|是|的)*(?:从哪|来自哪|哪里来|哪儿来|由哪|从什么|什么来源|(?:哪些|哪几个?)(?:渠道|来源))"
                           r"|(?:收入|资金)(?:都|主要)?(?:有|包括)(?:哪些|哪几)")
# the summary tables whose income side lists the sources, numbered 一、二、…
_SOURCE_TABLES = ("收入支出决算总表", "收支预算总表")
_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")


def asks_for_sources(question: str) -> bool:
    return bool(_ASKS_SOURCES.search(compact(question)))


def income_sources(facts: list[dict]) -> list[dict]:
    """The income side's numbered rows of the summary table (一、一般公共预算财政拨款收入 …) that print
    a nonzero amount, in printed order: of a final account its 决算数 (not a 预算数 beside it), of a
    budget its year's amount."""
    for kind in _SOURCE_TABLES:
        rows = [f for f in facts if f["table_kind"] == kind and (f["row_group"] or 0) == 0
                and _NUMBERED.match(compact(f["row_label"] or "")) and f["number"] is not None]
        rows = [f for f in rows if "预算" not in (f["column"] or "") or kind == "收支预算总表"]
        rows = [f for f in rows if "上年" not in (f["column"] or "")]
        first: dict[int, dict] = {}
        for f in rows:  # one cell a row: its first money column
            first.setdefault(f["row_index"], f)
        if first:
            return [f for _, f in sorted(first.items()) if f["number"] != 0]
    return []


# --- units ----------------------------------------------------------------------------------------

# a unit of a department's accounts, by how reports name them: 下属单位, 预算单位 (纳入编制范围的),
# 所属单位, 基层单位, 二级单位 (not its 内设机构, the offices inside it)
_UNIT = r"(?:下属|所属|预算|决算|基层|二级)?单位"
_ASKS_UNITS = re.compile(r"(?:包括|包含|含有|有|由)(?:哪些|哪几个|哪几家|什么)" + _UNIT + r"|哪些" + _UNIT
                         + r"|下属单位|几个(?:预算|决算)?单位"
                         r"|单位构成|单位(?:都|分别)?(?:有|是|包括|包含)(?:哪些|哪几个|哪几家|哪几|什么)"
                         r"|(?:纳入|列入|编入).{0,16}(?:编制|决算|预算)范围|编制范围.{0,4}单位")


def asks_for_units(question: str) -> bool:
    return bool(_ASKS_UNITS.search(compact(question)))


def units_table(tables: list[dict]) -> list[dict]:
    """The rows of a report's units table, in printed order: {name, kind, columns: {header: text},
    cells: {header: cell}, page, line}.  The first table with a 单位名称 column in its first rows;
    a unit's kind printed after its name ((下属事业单位)) is not part of the name but is its kind."""
    for table in tables:
        grid = table["grid"]
        for h, row in enumerate(grid[:3]):
            headers = [compact(cell["text"] or "") for cell in row]
            if "单位名称" not in headers:
                continue
            col = headers.index("单位名称")
            out = []
            for cells in grid[h + 1:]:
                if col >= len(cells):
                    continue
                printed = compact(cells[col]["text"] or "")
                m = re.search(r"[（(]([^（）()]*单位)[)）]$", printed)
                name = printed[:m.start()] if m else printed
                if name and re.search(r"[\u4e00-\u9fff]{2}", name) and name not in ("合计", "总计", "小计"):
                    columns = {headers[i]: (cells[i]["text"] or "").strip() for i in range(min(len(headers), len(cells)))
                               if headers[i] and i != col}
                    out.append({"name": name, "kind": m.group(1) if m else None, "columns": columns,
                                "cells": {headers[i]: cells[i] for i in range(min(len(headers), len(cells))) if headers[i]},
                                "page": cells[col].get("page"), "line": cells[col].get("line"),
                                "table": table})
            if out:
                return out
    return []


def units_listed(tables: list[dict]) -> list[dict]:
    """The units a report's units table names, in printed order: {name, page, line}."""
    return [{"name": u["name"], "page": u["page"], "line": u["line"]} for u in units_table(tables)]


# --- the kinds a stated count is made of ----------------------------------------------------------

# what a list question counts (车辆是哪几种, 有哪些车, 编制分哪几类): the total whose 其中 items are listed
_PARTS_ASKED = (("车辆总数", re.compile(r"车辆|用车|(?:哪|几)(?:种|类|些)车|什么车|车(?:都|分别)?(?:是|有)")),
                ("编制数", re.compile(r"编制(?!范围|单位)")))


def asks_for_parts(question: str) -> str | None:
    """The counted total (domain.counts: 车辆总数, 编制数) whose kinds a list question asks for."""
    c = compact(question)
    return next((kind for kind, pattern in _PARTS_ASKED if pattern.search(c)), None)


def counted_parts(passages: list[dict], kind: str, department: str | None = None) -> tuple[list, dict | None]:
    """The items of the first sentence that breaks a `kind` count down (其中：机要通信用车1辆、
    应急保障用车1辆、…其他用车0辆), each with its count, and the passage; ([], None) when no
    sentence does.  Items printed as 0 are kept: the answer says which are not 0."""
    from domain.counts import counts

    for p in passages:
        text = compact(p["text"] or "")
        items = [c for c in counts(text, department) if c.part_of == kind]
        if items:
            return items, p
    return [], None


# an item row of a table's count (8.其他用车 under （一）车辆数合计（辆）): the kind it counts
_PART_ROW = {"车辆总数": re.compile(r"^(?:其中[:：]?)?(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])?(?P<name>[^（）()]*用车)$")}


def tabled_parts(facts: list[dict], kind: str) -> list[dict]:
    """The item rows a table prints for a `kind` count (车辆数合计's 1.…用车 rows), their counts as
    printed, in order; [] when the table has none."""
    pattern = _PART_ROW.get(kind)
    if pattern is None:
        return []
    return [f for f in facts if f["number"] is not None and (f["unit"] or "") == "辆"
            and pattern.match(compact(f["row_label"] or ""))]


# --- a list the narrative writes out -------------------------------------------------------------

# what opens the members of a list in a sentence: 分别为：A、B / 包括A、B和C
_ENUMERATION = re.compile(r"(?:分别为|分别是|包括|包含|主要有|具体为|具体是|依次为|依次是)[:：]?")
_QUOTED_ITEM = re.compile(r"[“\"「『]([^”\"」』]{2,60})[”\"」』]")
# how many the question expects: 哪两个项目, 哪3个
_HOW_MANY = re.compile(r"哪([两二三四五六七八九十\d]+)(?:个|项|家|类|种|所|处|条|大)")
_NUMBER_WORDS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def expected_members(question: str) -> int | None:
    m = _HOW_MANY.search(compact(question))
    if not m:
        return None
    n = m.group(1)
    return int(n) if n.isdigit() else _NUMBER_WORDS.get(n)


# a numbered item printed as a paragraph of its own: 1.南京铁路运输检察院
_NUMBERED_ITEM = re.compile(r"^\s*[(（]?\d{1,2}[.、．)）]\s*(?P<name>[^。；;,，:：]{2,40})\s*$")


def heading_list(passages: list[dict], words: list[str], expected: int | None = None):
    """(members, heading, first passage) of the one section whose heading holds every asked word
    and whose paragraphs are numbered names only ((三)派出机构 / 1.南京铁路运输检察院 / 2.…)."""
    if not words:
        return None
    found: dict[str, list] = {}
    for p in passages:
        heading = compact((p.get("section") or "").split(" / ")[-1])
        m = _NUMBERED_ITEM.match(compact(p["text"] or ""))
        if heading and all(w in heading for w in words):
            found.setdefault(heading, []).append((m.group("name") if m else None, p))
    lists = {h: items for h, items in found.items() if len(items) >= 2 and all(n for n, _ in items)
             and (not expected or len(items) == expected)}
    if len(lists) != 1:
        return None
    heading, items = next(iter(lists.items()))
    return [n for n, _ in items], heading, items[0][1]


def prose_list(passages: list[dict], words: list[str], expected: int | None = None):
    """(members, sentence, passage) of the one sentence that holds every asked word before its
    list (组织对2个项目开展了部门评价，分别为：“A”、“B”): members in quotes where the list quotes
    them, else split at 、; None when no sentence or several different lists answer, or the
    number of members is not the number the question expects."""
    if not words:
        return None
    found = {}
    for p in passages:
        for sentence in re.split(r"(?<=[。；;])", p["text"] or ""):
            s = compact(sentence)
            m = _ENUMERATION.search(s)
            if not m:
                continue
            held = sum(w in s[:m.start()] for w in words)
            # every asked word before the list; or, where the question says how many and the list
            # has as many, all but words that say where it is written (工作总结里说…)
            if held < len(words) and not (expected and held >= 2 and len(words) - held <= 1):
                continue
            tail = re.sub(r"[。；;]$", "", s[m.end():])
            members = _QUOTED_ITEM.findall(tail) or [
                i for i in re.split(r"、|以及|和|及", re.split(r"[,，]", tail)[0]) if i]
            if len(members) < 2 or (expected and len(members) != expected):
                continue
            found.setdefault(tuple(members), (sentence.strip(), p))
    if len(found) != 1:
        return None
    members, (sentence, p) = next(iter(found.items()))
    return list(members), sentence, p


# --- the subjects a named 类 or 款 is broken down into ----------------------------------------------

# a question asking what a subject is made of: 法院这一款下面列了哪些项, 一般公共服务支出包括哪些款
_BREAKDOWN = re.compile(r"下面|下边|下级|以下|之下|明细|细分|分成|分为|构成|组成|(?:哪些|哪几|什么)(?:个)?(?:项|款)|(?:项|款)(?:有|是)哪")


def asks_for_breakdown(question: str) -> bool:
    return bool(_BREAKDOWN.search(compact(question)))


def named_parent(question: str, facts: list[dict]) -> dict | None:
    """The 类 (3-digit) or 款 (5-digit) row the question names by its printed label, the longest
    such label (quoted or not); None when none or only an item (项) is named."""
    c = compact(question).replace("“", "").replace("”", "").replace('"', "")
    parents = [f for f in facts if len((f["row_code"] or "").replace(" ", "")) in (3, 5) and f["row_label"]]
    named = [f for f in parents if (label := _NUMBERED.sub("", compact(f["row_label"]))) and len(label) >= 2
             and label in c]
    return max(named, key=lambda f: len(f["row_label"]), default=None)


# the digits of a subject code at each level of the 政府收支分类 (类 201, 款 20101, 项 2010101)
LEVEL_DIGITS = {"类": 3, "款": 5, "项": 7}


def children_of(parent: dict, facts: list[dict], kinds: tuple[str, ...], level: str | None = None) -> list[dict]:
    """The rows one level below `parent`'s code (款 under a 类, 项 under a 款) — or at the `level`
    named (项 under a 类) — in the first table, of `kinds` in order, that prints the parent: each
    child's total (its first printed amount)."""
    code = (parent["row_code"] or "").replace(" ", "")
    digits = LEVEL_DIGITS[level] if level and LEVEL_DIGITS[level] > len(code) else len(code) + 2
    for kind in kinds:
        mine = [f for f in facts if f["table_kind"] == kind]
        if not any((f["row_code"] or "").replace(" ", "") == code for f in mine):
            continue
        rows: dict[int, dict] = {}
        for f in mine:
            c = (f["row_code"] or "").replace(" ", "")
            if c.startswith(code) and len(c) == digits and f["number"] is not None:
                rows.setdefault((f["table_index"], f["row_index"]), f)
        if rows:
            return [rows[k] for k in sorted(rows)]
    return []
