"""Stored tables as the browser shows and exports them.

Owns: the names of a stored table's columns (from its header paths, unique and readable), the
printed body as a display frame (text as printed, blank stays blank), the same body as typed
values, and the CSV and Excel files made from them.  In the Excel file a value column's printed
number is a numeric cell whose number format shows what was printed (2,379.25 → 2379.25 shown
as #,##0.00); a printed dash or word stays text, a blank stays an empty cell, never 0.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from decimal import Decimal

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
