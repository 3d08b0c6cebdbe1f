"""Stored tables as the browser shows and exports them, and a department's figures year by year.

Owns: the names of a stored table's columns (from its header paths, unique and readable), the
printed body as a display frame (text as printed, blank stays blank), the same body as typed
values, and the CSV and Excel files made from them.  In the Excel file a value column's printed
number is a numeric cell whose number format shows what was printed (2,379.25 → 2379.25 shown
as #,##0.00); a printed dash or word stays text, a blank stays an empty cell, never 0.

Also the browser's 历年 view (`years_side_by_side`): each key figure of each year, the 预算 and
the 决算 of that year side by side, each a `YearFigure` with its own source, or why there is
none — no report of that kind that year, the table that would print it not printed, printed
empty, the cell printed blank or as a dash, or not found — never 0 for any of these.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

from domain.normalize import compact, parse_value

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# header cells that head a key column (label, code, row number): a blank to their right in a text
# report is a column of its own, not the same label spanning on
_KEY_HEADER = re.compile(r"项目|科目|编码|代码|名称|序号|行次|栏次|^[类款项]$")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\：]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def table_frames(store, document: str, standard_only: bool = True) -> list[dict]:
    """[{title, code, kind, unit, page, line, frame, values, value_columns}] in printed order.

    frame: the body as printed (str, "" for blank), under column_names(); the CSV and the
    st.dataframe display use it.  values: the same cells typed — Decimal for a printed number
    in a value column, the printed text for a dash or a word, None for a blank; key columns
    (labels, subject codes, row numbers) stay text, so 06 stays 06.  value_columns: the names of
    the columns that hold figures."""
    import pandas as pd

    from domain.tables import OTHER

    out = []
    for t in store.tables(document):
        if standard_only and t["kind"] in (OTHER, "项目支出绩效自评表"):
            continue
        if not t["grid"]:
            continue
        names = column_names(t)
        n = _header_count(t)
        width = len(names)
        value_index = {c["index"] for c in t["columns"]}
        printed, typed = [], []
        for row in t["grid"][n:]:
            texts = [_body_text(row[j]) if j < len(row) else "" for j in range(width)]
            printed.append(texts)
            typed.append([typed_value(x) if j in value_index else (x or None) for j, x in enumerate(texts)])
        out.append({"title": t["title"], "code": t["code"], "kind": t["kind"], "unit": t.get("unit"),
                    "page": t["page"], "line": t["line"],
                    "frame": pd.DataFrame(printed, columns=names, dtype=object),
                    "values": pd.DataFrame(typed, columns=names, dtype=object),
                    "value_columns": [names[j] for j in sorted(value_index) if j < width]})
    return out


def typed_value(text: str | None) -> Decimal | str | None:
    """A value cell as its value: the number a printed figure states ("292. 90" → 292.90,
    "(3.20)" → -3.20, "12.5%" → 12.5), the printed text of a dash or a word, None for a blank.
    A digit string with a leading zero (06) is a code and stays text."""
    v = parse_value(text)
    if v.state == "blank":
        return None
    if v.state == "number" and not re.fullmatch(r"0\d+", v.text):
        return v.number
    return text.strip() if text else text


def number_format(text: str) -> str:
    """The Excel number format that shows a number as the report printed it: its decimals, its
    thousands separator, its percent sign, its brackets for a negative."""
    v = parse_value(text)
    printed = v.text
    frac = re.search(r"\.(\d+)", printed)
    fmt = "#,##0" if re.search(r"\d[,，]\d", printed) else "0"
    if frac:
        fmt += "." + "0" * len(frac.group(1))
    if v.percent:
        fmt += "%"
    if printed[:1] in "(（" and printed[-1:] in ")）":
        fmt = f"{fmt};({fmt})"
    return fmt


# --- column names ----------------------------------------------------------------------------

def column_names(table: dict) -> list[str]:
    """One unique, readable name per printed column of a stored table (store.tables() item).

    A value column is named by its header path as ingestion read it (本年支出/基本支出); a key
    column (label, code, row number) by its own header cells top-down.  Columns with the same
    name are told apart by their side-by-side group's label (the two sides of a 收入|支出 table:
    收入/决算数, 支出/决算数), and only where that does not tell them apart by an ordinal
    (决算数（2）).  A column with no header text at all is named by its place (第3栏)."""
    grid = table["grid"]
    width = max((len(r) for r in grid), default=0)
    n = _header_count(table)
    header = [[(row[j] if j < len(row) else {"text": ""}) for j in range(width)] for row in grid[:n]]
    filled = _fill_merged(header, grid, width)
    paths = {c["index"]: c["path"] for c in table["columns"] if c.get("path")}
    names = []
    for j in range(width):
        if j in paths:
            names.append(paths[j])
            continue
        parts: list[str] = []
        for row in filled:
            t = compact(row[j] or "")
            if t and _CJK.search(t) and (not parts or parts[-1] != t):
                parts.append(t)
        names.append("/".join(parts))
    names = [name or f"第{j + 1}栏" for j, name in enumerate(names)]
    return _unique(names, _group_labels(table, width))


def _header_count(table: dict) -> int:
    grid = table["grid"]
    return max(1, min(table["header_rows"] or 1, len(grid) - 1)) if len(grid) > 1 else len(grid)


def _fill_merged(header: list[list[dict]], grid: list[list[dict]], width: int) -> list[list[str | None]]:
    """Header texts with each merged cell given the label that spans over it.  A PDF merged cell
    (text None) takes the label on its left when that label's box reaches over the column's
    middle; a text report's blank takes the label on its left when a label is printed below it
    and the label on the left heads a group rather than a key column (项目, 科目名称 …)."""
    centres = _centres(grid, width)
    out: list[list[str | None]] = [[c.get("text") for c in row] for row in header]
    for i, row in enumerate(header):
        for j in range(1, width):
            text = out[i][j]
            if text is None:
                k = next((k for k in range(j - 1, -1, -1) if header[i][k].get("text") is not None), None)
                box = header[i][k].get("bbox") if k is not None else None
                if box and centres[j] is not None and box[2] >= centres[j]:
                    out[i][j] = out[i][k]
            elif not text.strip() and i < len(header) - 1:
                left = out[i][j - 1]
                below = any((out[b][j] or "").strip() for b in range(i + 1, len(header)))
                if left and left.strip() and below and not _KEY_HEADER.search(compact(left)):
                    out[i][j] = left
    return out


def _centres(grid: list[list[dict]], width: int) -> list[float | None]:
    """The middle of each column: of its narrowest printed box (a merged box is wider)."""
    best: list[tuple[float, float] | None] = [None] * width
    for row in grid:
        for j, cell in enumerate(row[:width]):
            box = cell.get("bbox")
            if box and cell.get("text") is not None:
                span = box[2] - box[0]
                if best[j] is None or span < best[j][0]:
                    best[j] = (span, (box[0] + box[2]) / 2)
    return [b[1] if b else None for b in best]


def _group_labels(table: dict, width: int) -> list[str]:
    """For each printed column, the label of its side-by-side group: the first part shared by
    the group's value paths (收入 of 收入/决算数), "" where they share none.  A key column belongs
    to the group of the next value column on its right."""
    by_group: dict[int, list[str]] = {}
    for c in table["columns"]:
        by_group.setdefault(c["group"], []).append(c.get("path") or "")
    label = {}
    for g, paths in by_group.items():
        firsts = {p.split("/")[0] for p in paths if "/" in p}
        label[g] = firsts.pop() if len(firsts) == 1 and all("/" in p for p in paths) else ""
    groups = sorted((c["index"], c["group"]) for c in table["columns"])
    out = []
    for j in range(width):
        right = next((g for i, g in groups if i >= j), groups[-1][1] if groups else None)
        out.append(label.get(right, "") if right is not None else "")
    return out


def _unique(names: list[str], labels: list[str]) -> list[str]:
    names = list(names)
    counts = Counter(names)
    for name, count in counts.items():
        if count < 2:
            continue
        members = [j for j, x in enumerate(names) if x == name]
        qualified = {j: f"{labels[j]}/{name}" if labels[j] and name.split("/")[0] != labels[j] else name
                     for j in members}
        if len(set(qualified.values())) > 1:
            for j, q in qualified.items():
                names[j] = q
    seen: Counter[str] = Counter()
    taken = set(names)
    for j, name in enumerate(names):
        seen[name] += 1
        if seen[name] > 1:
            k = seen[name]
            while f"{name}（{k}）" in taken:
                k += 1
            names[j] = f"{name}（{k}）"
            taken.add(names[j])
    return names


def _body_text(cell: dict) -> str:
    return (cell.get("text") or "").replace("\n", "")


# --- files -----------------------------------------------------------------------------------

def to_csv(frame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")  # the BOM lets Excel read the Chinese


def to_excel(frames: list[dict]) -> bytes:
    """One workbook: a 目录 sheet (each sheet's table, code, unit and place), then one sheet per
    table, its header row the column names, figures as numbers in their printed format."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    contents = book.active
    contents.title = "目录"
    contents.append(["工作表", "表名", "表号", "单位", "位置"])
    used = {"目录"}
    for f in frames:
        sheet = _sheet_name(f["code"] or f["title"], used)
        place = f"第{f['page']}页" if f.get("page") else (f"第{f['line']}行" if f.get("line") else "")
        contents.append([sheet, f["title"], f["code"] or "", f.get("unit") or "", place])
        ws = book.create_sheet(sheet)
        frame, values = f["frame"], f.get("values")
        ws.append([_text(str(c)) for c in frame.columns])
        for r in range(len(frame)):
            for j in range(len(frame.columns)):
                printed = frame.iat[r, j]
                value = values.iat[r, j] if values is not None else (printed or None)
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r + 2, column=j + 1)
                if isinstance(value, Decimal):
                    percent = parse_value(printed).percent
                    cell.value = value / 100 if percent else value
                    cell.number_format = number_format(printed)
                else:
                    cell.value = _text(str(value))
                    cell.data_type = "s"  # text as printed, never read as a formula
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for j, name in enumerate(frame.columns):
            longest = max([len(str(name))] + [len(str(x)) for x in frame.iloc[:, j]])
            ws.column_dimensions[ws.cell(row=1, column=j + 1).column_letter].width = min(40, 2 + 1.6 * longest)
    for cell in contents[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(base: str, used: set[str]) -> str:
    """An Excel sheet name (at most 31 characters, none of []:*?/\\), unique in the workbook."""
    base = _SHEET_BAD.sub("", base).strip("'")[:28] or "表"
    name, k = base, 2
    while name in used:
        name = f"{base}（{k}）"
        k += 1
    used.add(name)
    return name


def _text(text: str) -> str:
    return _CONTROL.sub("", text)


# --- a department across years (历年) ----------------------------------------------------------

KINDS = ("预算", "决算")  # report kinds, side by side in this order
# shown year by year beside the key figures (answer.overview.KEY_FIGURES): a quantity budgets and
# final accounts both print, as (name shown, words asked)
ALSO_BY_YEAR = (("财政拨款支出", "财政拨款支出"),)

PRINTED, DASH, BLANK, EMPTY, NO_TABLE, NOT_FOUND, NO_REPORT = (
    "printed", "dash", "blank", "empty", "no_table", "not_found", "no_report")
# how a figure that is not there shows in a table cell (a printed figure and a dash show as printed)
_SHOWN = {BLANK: "（空白）", EMPTY: "（表中未印数字）", NO_TABLE: "（未印此表）", NOT_FOUND: "（未找到）"}


@dataclass(frozen=True)
class YearFigure:
    """One report kind's figure of one key figure in one year, or why there is none.

    state: PRINTED (value as printed: 0.00 stays "0.00", a number), DASH (a dash printed where
    the figure goes: no amount), BLANK (its cell printed empty), EMPTY (its table printed without
    a figure), NO_TABLE (the report prints no table that holds it), NOT_FOUND, NO_REPORT (no
    report of this kind that year).  The place (document, table, row, column, page or line) is
    the figure's cell, or the blank cell's; note says in words why there is no figure."""

    state: str
    kind: str
    department: str = ""  # as the year's report prints it
    value: str = ""
    number: Decimal | None = None
    unit: str = ""
    document: str = ""
    table: str = ""
    code: str = ""
    row: str = ""
    column: str = ""
    page: int | None = None
    line: int | None = None
    note: str = ""

    @property
    def shown(self) -> str:
        """What the table cell shows: the figure as printed, or the reason in brackets."""
        if self.state in (PRINTED, DASH):
            return self.value
        if self.state == NO_REPORT:
            return f"（无{self.kind}）"
        return _SHOWN[self.state]

    @property
    def source(self) -> str:
        """Where the figure (or the blank cell) is printed, in words; else why there is none."""
        if not self.document:
            return self.note
        place = f"第{self.page}页" if self.page else (f"第{self.line}行" if self.line else "")
        table = (self.table or "情况说明") + (f"（{self.code}）" if self.code else "")
        cell = (f"“{self.row}”行" if self.row else "") + (f"“{self.column}”列" if self.column else "")
        text = "，".join(x for x in (self.document, table, place, cell) if x)
        return text + (f"：{self.note}" if self.note else "")


def years_side_by_side(department: str, reports: list[dict], subjects: Iterable[tuple[str, str]], store, *,
                       lined_up: Callable[[str], list], ask: Callable[[str], dict]) -> list[dict]:
    """[{项目, 年度, 预算: YearFigure, 决算: YearFigure}] for each (name shown, words asked) of
    `subjects` and each year `reports` (the department's reports, `Catalog.reports_of`) hold.

    A year's main report (its first, as `Catalog.document_for` picks it) gives the figure the
    answer layer lines up with the other years (`lined_up(words)`: `answer.series.series`
    points, each with year, kind, report and fact); a report of the other kind in the same year
    gives its own answer to the same words asked of that kind (`ask`, the answer layer's, with
    决算数 / 部门决算 or 预算数 / 部门预算 in the question).  A figure is shown only when it is a
    cell the report prints (not computed) and the quantity model does not read it as another
    quantity than the words mean (`_other_quantity`: a 三公 part is not the 三公 total).  Where
    there is none, the report's tables say why (`_absent`)."""
    by_year: dict[int, dict[str, dict]] = {}
    for r in reports:
        if r.get("year") and r.get("report_kind") in KINDS:
            by_year.setdefault(r["year"], {}).setdefault(r["report_kind"], r)
    main = {}
    for r in reports:
        main.setdefault(r.get("year"), r["name"])
    facts_of = _memo(lambda name: list(store.facts(name)))
    tables_of = _memo(store.tables)
    rows = []
    for shown, asked in subjects:
        points = {p.report: p for p in lined_up(asked) if p.report}
        for year in sorted(by_year):
            row = {"项目": shown, "年度": year}
            for kind in KINDS:
                report = by_year[year].get(kind)
                if report is None:
                    row[kind] = YearFigure(NO_REPORT, kind, note=f"索引中没有{year}年度的部门{kind}")
                    continue
                printed = report.get("department") or department
                facts = facts_of(report["name"])
                point = points.get(report["name"])
                fact, note = None, point.missing if point is not None else ""
                if report["name"] == main[year]:
                    fact = point.fact if point is not None else None
                    if fact is not None and _other_quantity(fact, facts, asked):
                        fact, note = None, _not_taken(fact, shown)
                else:
                    fact, note = _own_answer(department, year, kind, (shown, asked), report, facts, ask)
                row[kind] = (_printed(fact, kind, printed) if fact is not None
                             else _absent(report, kind, asked, facts, tables_of(report["name"]), note, printed))
            rows.append(row)
    return rows


def _memo(function):
    cache: dict = {}
    return lambda key: cache[key] if key in cache else cache.setdefault(key, function(key))


def _not_taken(fact: dict, shown: str) -> str:
    return f"报告中找到的“{fact['row_label']}”“{fact['column']}”{fact['value_text']}不是{shown}，未采用"


def _own_answer(department: str, year: int, kind: str, subject: tuple[str, str], report: dict, facts: list[dict],
                ask: Callable[[str], dict]) -> tuple[dict | None, str]:
    """The report's own printed cell for the words asked of its kind, and why there is none.
    Two phrasings, since a question names the kind of report in either way; an answer is taken
    only from this report's documents, and only where it is the quantity the words mean."""
    shown, asked = subject
    note = ""
    for question in (f"{department}{year}年{asked}{kind}数是多少", f"{department}{year}年部门{kind}{asked}是多少"):
        answer = ask(question)
        figures = answer.get("figures") or []
        if answer.get("status") != "answered" or not figures:
            note = note or (answer.get("answer") or "").removeprefix("没有找到：")
            continue
        fig = figures[0]
        if fig.get("computed") or fig["source"]["document"] not in (report.get("documents") or [report["name"]]):
            continue
        fact = _fact_of(facts, fig)
        if fact is not None and _other_quantity(fact, facts, asked):
            note = _not_taken(fact, shown)
        elif fact is not None:
            return fact, ""
    return None, note


def _fact_of(facts: list[dict], fig: dict) -> dict | None:
    """The stored cell an answer's figure cites: its document, place, row, column and printed text."""
    src = fig["source"]
    hits = [f for f in facts if f["document"] == src["document"] and f["page"] == src.get("page")
            and f["line"] == src.get("line") and f["value_text"] == fig["value"]
            and (f["row_label"] or "") == (fig.get("row") or "") and (f["column"] or "") == (fig.get("column") or "")]
    return hits[0] if len(hits) == 1 else None


def _printed(fact: dict, kind: str, department: str) -> YearFigure:
    state = PRINTED if fact["number"] is not None else DASH
    return YearFigure(state, kind, department, fact["value_text"], fact["number"], fact["unit"] or "",
                      fact["document"], fact["table_title"] or "", fact["table_code"] or "", fact["row_label"] or "",
                      fact["column"] or "", fact["page"], fact["line"])


# --- what a key figure is, read by the shared quantity model ---------------------------------

def _meant(asked: str) -> list[tuple]:
    """The quantities the words mean, strictly or loosely (domain.quantities); [] when the model
    has none for them (政府采购支出, 在职人数)."""
    from domain.quantities import subject_quantities

    meant = subject_quantities(compact(asked))
    return list(meant[0]) + list(meant[1]) if meant else []


def _readings(fact: dict, facts: list[dict]) -> list[tuple]:
    from domain.quantities import named_quantities, quantity_of, subject_names

    read = quantity_of(fact, subject_names(facts))
    return ([read] if read else []) + named_quantities(fact)


_TOTALS = ("合计", "总计")


def _same(read: tuple, meant: tuple) -> bool:
    """One quantity: equal, or the same measure and funds with 合计 and 总计 both its total (a
    budget's 支出合计 is read as its 总计 where nothing is carried over)."""
    if read == meant:
        return True
    return (len(read) == len(meant) == 3 and read[1:] == meant[1:]
            and read[0] in _TOTALS and meant[0] in _TOTALS)


def _family(key: tuple) -> str | None:
    if key[0] == "三公":
        return "三公"
    return "amount" if len(key) == 3 else None


def _other_quantity(fact: dict, facts: list[dict], asked: str) -> bool:
    """Whether the model reads the cell as another quantity of the kind the words mean: another
    三公 part for the 三公 total, another measure, funds or subject's row for a total.  A cell the
    model does not read, or words it has no quantity for, are left to the answer layer."""
    meant = _meant(asked)
    read = _readings(fact, facts)
    if not meant or not read or any(_same(r, m) for r in read for m in meant):
        return False
    families = {_family(m) for m in meant} - {None}
    return any(_family(r) in families for r in read)


def _home_kinds(asked: str, kind: str) -> list[str]:
    """The kinds of table that print what the words mean in a report of this kind: the tables
    whose columns the quantity model reads as that measure and funds (a total's parts, 基本支出
    and 项目支出, also on the spending side of the summary tables), 三公 and the tables a word
    names (domain.vocabulary.TABLE_WORDS)."""
    from domain.quantities import QUANTITY_COLUMNS
    from domain.tables import is_budget
    from domain.vocabulary import TABLE_WORDS

    out: list[str] = []
    for key in _meant(asked):
        if key[0] == "三公":
            out += TABLE_WORDS["三公"]
        elif len(key) == 3:
            measures = {key[2], "支出"} if key[2] in ("基本支出", "项目支出") else {key[2]}
            out += [k for k, _, funds, measure in QUANTITY_COLUMNS if funds == key[1] and measure in measures]
    out += [k for word, kinds in TABLE_WORDS.items() if word in compact(asked) for k in kinds]
    return [k for k in dict.fromkeys(out) if is_budget(k) == (kind == "预算")]


def _absent(report: dict, kind: str, asked: str, facts: list[dict], tables: list[dict], note: str,
            department: str) -> YearFigure:
    """Why the report gives no figure: the table that would print it is not printed, or printed
    without any figure, or the figure's cell is printed blank or as a dash; else not found."""
    homes = _home_kinds(asked, kind)
    name = report["name"]
    if not homes:
        return YearFigure(NOT_FOUND, kind, department, note=note or f"{name}里没有找到")
    held = [t for t in tables if t["kind"] in homes]
    if not held:
        return YearFigure(NO_TABLE, kind, department, note=f"{name}没有印{'、'.join(homes)}")
    numbered = {f["table_index"] for f in facts if f["number"] is not None}
    if all(t["idx"] not in numbered for t in held):
        table = held[0]
        return YearFigure(EMPTY, kind, department, "", None, "", table.get("document") or name, table["title"],
                          table["code"] or "", page=table["page"], line=table["line"],
                          note="此表印出了，但没有印任何数字")
    for table in held:
        cell = _cell_not_printed(table, facts, _meant(asked))
        if cell is not None:
            text, row, column, page, line = cell
            return YearFigure(DASH if text else BLANK, kind, department, text, None, "", table.get("document") or name,
                              table["title"], table["code"] or "", row, column, page, line,
                              note=f"印为“{text}”，没有数额" if text else "此格空白，没有印数字")
    return YearFigure(NOT_FOUND, kind, department, note=note or f"{name}里没有找到")


def _cell_not_printed(table: dict, facts: list[dict], meant: list[tuple]) -> tuple | None:
    """(printed text, row, column, page, line) of the table's cell of that quantity when it is
    printed blank ("") or as a dash; None when the table has no such cell.  A merged cell (None)
    is not a blank.  Each cell is read as the quantity model reads a printed one: its row as
    ingestion read the row (from a figure printed beside it), else the row's own key cells."""
    from domain.normalize import parse_value

    if not meant:
        return None
    grid, n = table["grid"], _header_count(table)
    own = [f for f in facts if f["table_index"] == table["idx"]]
    row_of = {}
    for r, row in enumerate(grid):
        for cell in row:
            row_of.setdefault(_place(cell), r)
    beside: dict[tuple[int, int], dict] = {}
    for f in own:
        r = row_of.get(_place(f))
        if r is not None:
            beside.setdefault((r, f["row_group"]), f)
    groups = sorted(table["columns"], key=lambda c: c["index"])
    for r in range(n, len(grid)):
        row = grid[r]
        for column in groups:
            j = column["index"]
            cell = row[j] if j < len(row) else {"text": "", **_row_place(row)}
            text = cell.get("text")
            if text is None:
                continue
            value = parse_value(text)
            if value.state not in ("blank", "dash"):
                continue
            key = beside.get((r, column["group"])) or _row_key(row, groups, column)
            probe = {"table_kind": table["kind"], "table_title": table["title"], "column": column["path"],
                     "row_label": key["row_label"], "row_code": key["row_code"], "row_level": key["row_level"],
                     "row_group": column["group"], "row_section": None, "table_index": table["idx"],
                     "row_index": key.get("row_index", r - n)}
            if any(_same(q, m) for q in _readings(probe, own) for m in meant):
                place = cell if cell.get("page") or cell.get("line") else _row_place(row)
                return (value.text if value.state == "dash" else "", key["row_label"] or "", column["path"],
                        place.get("page"), place.get("line"))
    return None


def _place(item: dict) -> tuple:
    if item.get("bbox"):
        return ("box", item.get("page"), tuple(round(x, 2) for x in item["bbox"]))
    return ("line", item.get("page"), item.get("line"))


def _row_place(row: list[dict]) -> dict:
    """The page or line of a grid row (a cell a short text line lacks takes its row's)."""
    cell = next((c for c in row if c.get("line") or c.get("page")), {})
    return {"page": cell.get("page"), "line": cell.get("line")}


_CODE = re.compile(r"^\d{3,7}$")


def _row_key(row: list[dict], columns: list[dict], column: dict) -> dict:
    """A row's label and subject code from its own key cells (those left of the column's group,
    after the group before it), for a row with no printed figure to read them from."""
    values = {c["index"] for c in columns}
    before = [c["index"] for c in columns if c["group"] < column["group"]]
    first = min(c["index"] for c in columns if c["group"] == column["group"])
    texts = [compact(row[j].get("text") or "") for j in range((max(before) + 1) if before else 0, first)
             if j < len(row) and j not in values]
    code = next((t for t in texts if _CODE.match(t)), None)
    label = "".join(t for t in texts if t and not t.isdigit())
    return {"row_label": label, "row_code": code, "row_level": None}


# --- the 历年 view's frames -----------------------------------------------------------------

def both_kinds(rows: list[dict]) -> bool:
    """Whether some year has both a 预算 and a 决算 (the side-by-side table is shown then)."""
    return any(all(r[k].state != NO_REPORT for k in KINDS) for r in rows)


def history_frame(rows: list[dict]):
    """The figures as a table: a row per key figure, a column per year and report kind held
    (2018年预算, 2018年决算 …), each cell as printed or the reason there is none."""
    import pandas as pd

    columns = [(y, k) for y in sorted({r["年度"] for r in rows}) for k in KINDS
               if any(r["年度"] == y and r[k].state != NO_REPORT for r in rows)]
    names = list(dict.fromkeys(r["项目"] for r in rows))
    cells = {(r["项目"], r["年度"], k): r[k].shown for r in rows for k in KINDS}
    frame = pd.DataFrame([[cells[(name, y, k)] for y, k in columns] for name in names],
                         index=pd.Index(names, name="项目"), columns=[f"{y}年{k}" for y, k in columns], dtype=object)
    return frame


def side_by_side_frame(rows: list[dict]):
    """预算 against 决算: a row per key figure and year, each side's figure and its own source."""
    import pandas as pd

    return pd.DataFrame([{"项目": r["项目"], "年度": str(r["年度"]),
                          "预算数": r["预算"].shown, "预算出处": r["预算"].source,
                          "决算数": r["决算"].shown, "决算出处": r["决算"].source} for r in rows], dtype=object)


def sources_frame(rows: list[dict]):
    """Every figure of the reports held (or why there is none), with its source."""
    import pandas as pd

    return pd.DataFrame([{"项目": r["项目"], "年度": str(r["年度"]), "类别": k, "部门（报告所印）": r[k].department,
                          "印出的数字": r[k].shown, "单位": r[k].unit, "出处": r[k].source}
                         for r in rows for k in KINDS if r[k].state != NO_REPORT], dtype=object)


def chart_rows(rows: list[dict], name: str) -> list[dict]:
    """One key figure's printed amounts by year and kind, as ui.charts.line_chart draws them
    (a figure not printed has no point: never a 0)."""
    return [{"年度": r["年度"], "类别": k, "数值": float(r[k].number), "印出的数字": r[k].value, "单位": r[k].unit,
             "出处": r[k].source} for r in rows if r["项目"] == name for k in KINDS
            if r[k].state == PRINTED and r[k].number is not None]
