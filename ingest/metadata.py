"""Department, year and report kind, read from the document the way a person reads them.

A report names its department in several places: the cover (the lines before 目录 or the first
table), labelled fields (部门：, 部门名称：, 单位名称：, 预算单位：, 编制单位： on the cover and above each
table), headings (第二部分江苏省人民检察院2017年度部门预算表, table titles such as
一、2017年度江苏省高级人民法院部门收支预算总表) and the narrative's sentences that begin with the
name and the year (江苏省政协办公厅2019年度财政拨款基本支出预算…).  Each place gives printed names
(`domain.names` takes the years, kinds, dates, codes and printers away); the department is the
name most places agree on, printed as the document prints it most.  Where the cover, the fields
or the headings name another department, the choice is kept and a warning says so.

The year comes from the cover (2019年度, 2018度, 2019年部门预算, 二〇一九年), else from the tables'
titles (2019年政府采购预算表), else the most common year of the first pages; the kind (预算 or 决算)
from the cover, else the tables' titles (收支预算总表 → 预算).  Never from the file name.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from domain.names import DEPARTMENT_LABELS, compatible, fields_in, names_in, strip_fields, years_in
from domain.normalize import compact

from .model import DocumentMeta, IngestWarning, RawDocument, RawTable, TextLine

# How much one kind of place counts when places are weighed against each other.
SOURCE_WEIGHT = {"cover": 3, "field": 3, "heading": 2, "text": 1}
SOURCE_NAME = {"cover": "封面", "field": "“部门：”等栏目", "heading": "目录和表格标题", "text": "正文"}

_COVER_LINES = 8
# a 项目支出绩效自评表's 部门名称： names the project's unit, not the report's department
_PROJECT_FORM = re.compile(r"(?:项目|专项)名称[:：]?")
_FURNITURE = re.compile(r"^(?:[-－—\s]*\d{1,3}[-－—\s]*|第\d+页(?:共\d+页)?|\d+/\d+)$")
_BODY_START = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
                         r"|[，。；,;]")
_HEADING_MARK = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|附件\d*[:：]?|附表\d*[:：]?"
                           r"|(?:本表)?反映)")
_LEADING_YEAR = re.compile(r"^(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})?年度|^(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年")
_YEAR_AHEAD = re.compile(r"^(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*(?:年|度)")
# what follows a department's name in a heading or a table title
_HEADING_FOLLOW = re.compile(r"^(?:概况|部门|单位|本级|机关|预算|决算|收支|收入|支出|财政拨款|一般公共预算|政府性基金|"
                             r"国有资本|“?三公|政府采购|本年|基本支出|项目支出|年度|情况)")
_TEXT_FOLLOW = re.compile(r"^(?:本年|本部门|部门本年)")
_OTHER_BUDGETS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算数|预算内|预算外|上年决算")
_TABLE_KIND = re.compile(r"(决算|预算)[^决预]{0,8}表$")
_CODE_TAIL = re.compile(r"(?:公开\d+表|公开表[一二三四五六七八九十\d]+|表[一二三四五六七八九十\d]+)$")


@dataclass(frozen=True)
class Printed:
    """One name as printed in one place of the document."""

    name: str
    source: str  # cover | field | heading | text
    page: int | None
    line: int | None


@dataclass(frozen=True)
class _Line:
    text: str  # compact
    page: int | None
    line: int | None
    in_form: bool = False  # printed in a project's form (项目名称：…)


def read_metadata(doc: RawDocument, department: str | None = None,
                  year: int | None = None) -> tuple[DocumentMeta, list[IngestWarning]]:
    """The document's department, year and kind, with a warning for each place where the
    document disagrees with itself about them.  `department`/`year` given override the reading."""
    lines = list(_lines(doc))
    cover = _cover(doc)
    cover_text = "".join(strip_fields(line.text) for line in cover)
    titles = [line for line in lines if _is_table_title(line.text)]
    warnings: list[IngestWarning] = []

    if department is None:
        department, note = choose_department(printed_names(cover, lines))
        if note:
            warnings.append(IngestWarning(note))
    if year is None:
        year, note = _year(cover, titles, doc)
        if note:
            warnings.append(IngestWarning(note))
    kind, note = _kind(cover_text, titles, doc)
    if note:
        warnings.append(IngestWarning(note))
    return DocumentMeta(department, year, kind), warnings


# --- where the document prints things ---------------------------------------------------------


def _lines(doc: RawDocument):
    """Every text line, each table's context lines and the lines of its cells, once (a table's
    context is also among the document's lines; tables that follow one another without text
    between them come as one grid, their titles and 部门： lines inside it)."""
    seen = set()

    def emit(text, page, line, bbox, in_form=False):
        key = (text, page, line, bbox)
        if key in seen:
            return None
        seen.add(key)
        text = compact(text)
        return _Line(text, page, line, in_form or bool(_PROJECT_FORM.search(text))) if text else None

    for block in doc.blocks:
        if isinstance(block, TextLine):
            out = [emit(block.text, block.page, block.line, block.bbox)]
        else:
            out = [emit(c.text, c.page, c.line, c.bbox) for c in block.context]
            for row in block.rows:
                in_form = any(c.text and _PROJECT_FORM.search(compact(c.text)) for c in row)
                for cell in row:
                    if not cell.text or not any("\u4e00" <= ch <= "\u9fff" for ch in cell.text):
                        continue
                    for i, part in enumerate(cell.text.split("\n")):
                        out.append(emit(part, cell.page, cell.line, (cell.bbox, i), in_form))
        yield from (line for line in out if line)


def _cover(doc: RawDocument) -> list[_Line]:
    """The title block: the lines before 目录, the first table or the body's first heading or
    sentence, on the first page that prints any (page numbers and table codes not counted)."""
    lines: list[_Line] = []
    for block in doc.blocks:
        if isinstance(block, RawTable):
            break
        text = compact(block.text)
        if not text or _FURNITURE.match(text) or _CODE_TAIL.fullmatch(text):
            continue
        if text.startswith("目录") or _BODY_START.search(text):
            break
        if lines and block.page != lines[-1].page:  # a cover is one page
            break
        lines.append(_Line(text, block.page, block.line))
        if len(lines) >= _COVER_LINES:
            break
    return lines


def _is_table_title(text: str) -> bool:
    return _CODE_TAIL.sub("", text).endswith("表")


def printed_names(cover: list[_Line], lines: list[_Line]) -> list[Printed]:
    """Every printed name of the department: cover title, labelled fields, headings, sentences."""
    out: list[Printed] = []
    cover_keys = {(c.text, c.page, c.line) for c in cover}
    title = "".join(strip_fields(c.text) for c in cover)
    where = (cover[0].page, cover[0].line) if cover else (None, None)
    out += [Printed(n, "cover", *where) for n in names_in(title)]
    for i, line in enumerate(lines):
        fields = [(label, value) for label, value in fields_in(line.text) if label in DEPARTMENT_LABELS]
        for _, value in fields:
            if line.in_form:
                continue
            if not value and i + 1 < len(lines):  # 部门： in one cell, the name in the next
                value = strip_fields(lines[i + 1].text)
            out += [Printed(n, "field", line.page, line.line) for n in names_in(value)]
        if fields or (line.text, line.page, line.line) in cover_keys:
            continue
        heading = bool(_HEADING_MARK.match(line.text)) or _is_table_title(line.text)
        name = _lead_name(line.text, heading)
        if name:
            out.append(Printed(name, "heading" if heading else "text", line.page, line.line))
    return out


def _lead_name(text: str, heading: bool) -> str | None:
    """The name a heading or a sentence begins with: 第二部分江苏省人民检察院2017年度部门预算表,
    一、2017年度江苏省高级人民法院部门收支预算总表, 江苏省政协办公厅2019年度财政拨款基本支出预算…"""
    if heading:
        text = _LEADING_YEAR.sub("", _HEADING_MARK.sub("", text))
    for end in range(min(len(text), 32), 2, -1):
        rest = text[end:]
        if not (_YEAR_AHEAD.match(rest) or _TEXT_FOLLOW.match(rest)
                or (heading and (not rest or _HEADING_FOLLOW.match(rest)))):
            continue
        head = text[:end]
        names = names_in(head)
        if len(names) == 1 and names[0] in (head, head[:-2]):  # the whole head, or it less 部门
            return names[0]
    return None


# --- the department ----------------------------------------------------------------------------


def choose_department(printed: list[Printed]) -> tuple[str | None, str | None]:
    """The name most places agree on and, among the forms they agree on, the one printed most;
    with a note when the cover, the fields or the headings print a department it cannot be."""
    # a sentence's subject counts only when sentences repeat it (one sentence may begin with
    # anything that ends like a name: 纳入…局, 原因是本部门)
    said = Counter(p.name for p in printed if p.source == "text")
    printed = [p for p in printed if p.source != "text" or said[p.name] >= 2]
    if not printed:
        return None, None
    names = list(dict.fromkeys(p.name for p in printed))
    prints = Counter(p.name for p in printed)
    strength = Counter()
    for p in printed:
        strength[p.name] = max(strength[p.name], SOURCE_WEIGHT[p.source])

    def places(agreeing: list[Printed]) -> int:
        # the cover, the headings and the sentences count once each; the fields once per print, up
        # to the cover's weight (one table's 部门： line is weaker than the cover, every table's not)
        fields = sum(1 for p in agreeing if p.source == "field")
        return (sum(SOURCE_WEIGHT[s] for s in {p.source for p in agreeing} - {"field"})
                + min(fields, SOURCE_WEIGHT["field"]))

    def score(name: str) -> tuple:
        agreeing = [p for p in printed if compatible(p.name, name)]
        # among the forms the places agree on: the one printed in the strongest place, then the
        # most often (a name cut short by a line break counts for the whole name), then the longest
        cut = [n for n in names if name.startswith(n) and n != name]
        return (places(agreeing), strength[name], prints[name] + sum(prints[n] for n in cut), len(name))

    best = max(names, key=score)
    others = [p for p in printed if p.source != "text" and not compatible(p.name, best)]
    if not others:
        return best, None
    return best, _disagreement(best, printed, others)


def _disagreement(best: str, printed: list[Printed], others: list[Printed]) -> str:
    def said(group: list[Printed]) -> str:
        by_name = Counter((p.name, p.source) for p in group)
        parts = []
        for (name, source), n in by_name.most_common(3):
            pages = sorted({p.page for p in group if p.name == name and p.source == source and p.page})
            where = f"，第{'、'.join(map(str, pages[:5]))}页" if pages else ""
            parts.append(f"{SOURCE_NAME[source]}印“{name}”（{n}处{where}）")
        return "，".join(parts)

    agreeing = [p for p in printed if compatible(p.name, best)]
    return f"部门名称前后不一致：{said(agreeing)}；{said(others)}。按多数来源取“{best}”，请核对"


# --- year and kind -----------------------------------------------------------------------------


def _year(cover: list[_Line], titles: list[_Line], doc: RawDocument) -> tuple[int | None, str | None]:
    in_titles = Counter(y for line in titles for y in years_in(line.text))
    for line in cover:
        found = years_in(line.text)
        if found:
            year = found[0]
            common = in_titles.most_common(1)
            if common and common[0][0] != year and year not in in_titles:
                return year, (f"年度前后不一致：封面为{year}年，表格标题为{common[0][0]}年"
                              f"（{common[0][1]}处）。按封面取{year}年，请核对")
            return year, None
    if in_titles:
        return in_titles.most_common(1)[0][0], None
    counts = Counter(y for b in doc.blocks[:200] if isinstance(b, TextLine) for y in years_in(compact(b.text)))
    return (counts.most_common(1)[0][0] if counts else None), None


def _kind_of(text: str) -> str | None:
    text = _OTHER_BUDGETS.sub("", text)
    return "决算" if "决算" in text else ("预算" if "预算" in text else None)


def _kind(cover_text: str, titles: list[_Line], doc: RawDocument) -> tuple[str | None, str | None]:
    in_titles = Counter(m.group(1) for line in titles for m in [_TABLE_KIND.search(_CODE_TAIL.sub("", line.text))] if m)
    kind = _kind_of(cover_text)
    if kind:
        common = in_titles.most_common(1)
        if common and common[0][0] != kind and kind not in in_titles:
            return kind, f"报告类别前后不一致：封面为{kind}，表格标题为{common[0][0]}（{common[0][1]}处）。按封面取{kind}，请核对"
        return kind, None
    if in_titles:
        return in_titles.most_common(1)[0][0], None
    body = "".join(compact(b.text) for b in doc.blocks[:60] if isinstance(b, TextLine))
    return _kind_of(body), None
