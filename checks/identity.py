"""Rules on whose report this is: every heading, title and 部门/单位 line names the report's
department and year (report-identity), dates such as 截至2023年12月31日 fall in the report's
year (report-dates), and no template text is left where a name or a figure belongs
(placeholders: XX局, ××, （单位名称）, …万元).

A line is read as naming the report when it is a heading, a title or a field line, never a
sentence: a year in a sentence is usually another year's figure (与2023年度相比).  Names are read
as ingest reads them (`domain.names`: the year, codes and the kind of report
taken away; a name cut by a line break or printed in its short form is the same department;
`index.aliases`: the full and short forms of one name).

Errors are what cannot be this report's: another year in its own name (2023年度部门决算 in a
2024 report), in a standard table's title or a 部门： line; another department altogether in a
部门： line or a heading; a 决算's year-end position dated another year; template text.  What may
be an annex's or a unit's (a form's （2022年度）, a name the narrative lists among its units, a
date in a sentence that compares years) is a notice.
"""
from __future__ import annotations

import re

from domain.names import DEPARTMENT_LABELS, compatible, fields_in, names_in, years_in
from domain.normalize import compact
from domain.report_text import (PLACEHOLDER_BLANK, PLACEHOLDER_DOTS, PLACEHOLDER_FIGURE, PLACEHOLDER_X)
from domain.tables import kind_of, title_in

from .model import ERROR, NOTICE, CellRef, Finding
from .report import Report
from .structure import STANDARD, Line, budget_report, contents, printed_lines

# a line that names the report by its year: …2024年度部门决算, 2019年度部门预算公开, …决算表, 2017年政府采购预算表
_NAMING = re.compile(r"(?:部门|单位)(?:汇总)?(?:决算|预算)|(?:决算|预算)(?:公开|表|情况说明|报告)|^[（(]\s*(?:19|20)\d{2}\s*年度?\s*[）)]$")
# the report's own name: 2024年度部门决算, 部门预算公开, 单位决算
_NAMES_REPORT = re.compile(r"(?:部门|单位)(?:汇总)?(?:决算|预算)")
# a year that is another year's figure or column, not the report's: 2018年预算数, 上年, 比2023年
_OTHER_YEAR = re.compile(r"(?:比|较|与|和|同|上年|上一年|以前年度|至|[-—–~～])\s*$")
_SENTENCE = re.compile(r"[。，,；;！？]")
# a year printed alone: 2023年度, （2023 年度）, 2023年
_BARE_YEAR = re.compile(r"^[（(]?(?:19|20)\d{2}年度?[）)]?$")
# a heading's mark: 第二部分, 三、, （一）
_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
# a year-end date: 截至2023年12月31日, 截止2023年底, 截至2023年末
_YEAR_END = re.compile(r"(?:截至|截止|截止到|截至到)\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|12\s*月\s*末|12\s*月\s*底|年?底|年?末)")
# what a 决算 states as at its own year end: the position a reader takes for that year's
_POSITION = re.compile(r"车辆|资产|结转|结余|人员|在职|编制|实有|共有|保有|占用|离退休|设备")


def _lines_naming(lines: tuple[Line, ...]) -> list[Line]:
    """Headings, titles, covers and field lines: short lines that are not sentences nor table rows."""
    return [ln for ln in lines if ln.text and not ln.row and not _SENTENCE.search(ln.text)
            and (len(ln.text) <= 40 or _HEADING.match(ln.text)) and "关于" not in ln.text]


def report_identity(report: Report) -> list[Finding]:
    """A heading, title or 部门/单位 line that names another year or another department."""
    lines = printed_lines(report)
    if not lines:
        return []
    out = []
    seen: set[tuple] = set()
    toc = contents(lines)
    cover = set(lines[:lines.index(toc.heading)]) if toc else set()
    for ln in _lines_naming(lines):
        text = ln.key
        fields = [(label, value) for label, value in fields_in(text) if label in DEPARTMENT_LABELS]
        title = title_in(text)
        # a year printed alone elsewhere may be a date broken over two lines: not read
        bare = _BARE_YEAR.match(text) and (ln in cover or _heads_table(ln, report))
        if report.year and (fields or _NAMING.search(text) or title or bare):
            # the report's own name (…2024年度部门决算), a standard table's title or a 部门： line is
            # sure to be this report's, and so is a year printed alone on the cover or in a standard
            # table's heading (部门名称：… / 2023年度 / 金额单位：万元); a form's （2022年度） or another
            # title may be of an annex
            firm = bool(fields or _NAMES_REPORT.search(text) or (title and kind_of(title) in STANDARD) or bare)
            for year in _years(text):
                if year != report.year and ("year", year, text) not in seen:
                    seen.add(("year", year, text))
                    out.append(Finding(
                        "report-identity", ERROR if firm else NOTICE,
                        f"“{ln.text}”写的是 {year} 年，本报告是 {report.year} 年度的"
                        + ("" if firm else "（若是附件所说的另一年度，可忽略）"), str(report.year), str(year),
                        (ln.ref(report.document, value=str(year)),)))
        if not report.department:
            continue
        named = list(fields)
        m = re.search(r"(?:19|20)\d{2}", text)
        if not fields and m and _NAMING.search(text):
            named.append(("标题", text[:m.start()]))  # 上海市普陀区财政局2024年度部门决算: the name before the year
        for label, value in named:
            for name in names_in(value):
                if PLACEHOLDER_X.search(name) or PLACEHOLDER_BLANK.search(name):
                    continue  # template text: the placeholders rule says so
                if not _same(name, report.department) and ("name", name) not in seen:
                    seen.add(("name", name))
                    # a name the narrative mentions (its units: 纳入编制范围的单位包括…) may be a unit of it
                    other = _unrelated(name, report.department) and not any(name in p["text"] for p in report.passages)
                    out.append(Finding(
                        "report-identity", ERROR if other else NOTICE,
                        (f"标题“{ln.text}”写的是“{name}”" if label == "标题" else f"{label}一栏印为“{name}”")
                        + f"，本报告是{report.department}的"
                        + ("" if other else "（可能是简称或下属单位，请核对）"),
                        report.department, name, (ln.ref(report.document, value=name),)))
    return out


def _heads_table(ln: Line, report: Report) -> bool:
    """A line of a text report printed in a standard table's heading: among the few lines between
    its title and its first row (a PDF's lines are not placed against the grid: never)."""
    return ln.line is not None and any(
        t["kind"] in STANDARD and t["line"] and t["line"] - _HEADING_LINES <= ln.line < t["line"]
        and not any(o["line"] and ln.line < o["line"] < t["line"] for o in report.grids) for t in report.grids)


_HEADING_LINES = 10  # title, 公开NN表, 部门：…, the year, 单位：万元, with blank lines between


def _years(text: str) -> list[int]:
    """The years a line states as the report's: not a year after 比/与/上年 (another year's)."""
    out = []
    for year in years_in(text):
        at = text.find(str(year))
        if at >= 0 and _OTHER_YEAR.search(text[:at]):
            continue
        after = text[at + 4: at + 14] if at >= 0 else ""
        if re.match(r"年度?(?:预算|决算)?(?:数|执行|调整)", after) or re.search(r"执行|调整|完成情况", after):
            continue  # 2018年预算数, 2018年部门预算执行情况: another year's figures
        out.append(year)
    return out


def _same(name: str, department: str) -> bool:
    from index.aliases import department_key

    if compatible(name, department):
        return True
    a, b = department_key(name), department_key(department)
    return bool(a and b) and (a == b or compatible(a, b))


def _unrelated(name: str, department: str) -> bool:
    """Another department altogether, not a unit of this one nor a form of its name: the two
    share no run of four characters (上海市普陀区财政局 / 上海市普陀区民政局 share 上海市普陀区,
    so the place is taken away first)."""
    place = re.compile(r"^.*?(?:自治区|自治州|省|市|区|县)")
    a, b = place.sub("", name) or name, place.sub("", department) or department
    return not any(a[i:i + 4] in b for i in range(max(1, len(a) - 3))) and not (a in b or b in a)


def report_dates(report: Report) -> list[Finding]:
    """A year-end date (截至…年12月31日, …年底) in another year than the report's: in a 决算 the year
    end it states is its own year's; in a 预算 the year before's or its own."""
    if not report.year:
        return []
    budget = budget_report(report)
    out = []
    seen = set()
    for p in report.passages:
        text = compact(p["text"])
        for m in _YEAR_END.finditer(text):
            year = int(m.group(1))
            allowed = (report.year - 1, report.year) if budget else (report.year,)
            if year in allowed:
                continue
            sentence = _sentence_at(text, m.start())
            if sentence in seen:
                continue
            seen.add(sentence)
            firm = not budget and bool(_POSITION.search(sentence))
            out.append(Finding(
                "report-dates", ERROR if firm else NOTICE,
                f"“{m.group(0)}”不在报告年度：本报告是 {report.year} 年度{'预算' if budget else '决算'}"
                + ("，年末数应截至本年 12 月 31 日" if firm else "（若是与往年对比，可忽略）"),
                f"{report.year}年", f"{year}年", (_sentence_ref(report, p, sentence, m.group(0)),)))
    return out


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "。；;") + 1
    ends = [e for e in (text.find(c, at) for c in "。；;") if e >= 0]
    return text[start: min(ends) + 1 if ends else len(text)]


def _sentence_ref(report: Report, passage: dict, sentence: str, value: str):
    """A sentence of a passage, cited by the line of a text report that prints the value."""
    line = passage["line"]
    if report.lines and line:
        end = passage["end_line"] or line
        key = compact(value)[:6]
        line = next((n for n in range(line, min(end, len(report.lines)) + 1) if key in report.lines[n - 1]), line)
    return CellRef(report.document, passage["page"], line, None, sentence, None, value)


def placeholders(report: Report) -> list[Finding]:
    """Template text printed where the report's own words belong: XX局, ××部门, 20XX年, （单位名称）,
    …万元, or a 部门：/编制单位： field holding nothing but dots."""
    lines = printed_lines(report)
    out = []
    seen = set()
    for ln in lines:
        text = ln.text
        found = [m.group(0) for pattern in (PLACEHOLDER_X, PLACEHOLDER_BLANK, PLACEHOLDER_FIGURE)
                 for m in pattern.finditer(text)]
        found += [f"{label}：{value}" for label, value in fields_in(ln.key)
                  if label in DEPARTMENT_LABELS and value and PLACEHOLDER_DOTS.match(value)]
        for mark in found:
            key = (mark, ln.key)
            if key in seen:
                continue
            seen.add(key)
            out.append(Finding(
                "placeholders", ERROR, f"“{text[:60]}”中印着模板占位文字“{mark}”，应为本部门的名称或数字",
                "（本部门的名称或数字）", mark, (ln.ref(report.document, value=mark),)))
    return out
