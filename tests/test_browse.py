"""The browser's tables and their Excel and CSV files, on real reports: figures are numeric cells
equal to what the report prints and shown in its format, dashes and words stay text, blanks stay
empty (never 0), subject codes stay text, and every column has a unique, readable name."""
from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from conftest import CORPUS, ingested

TEXT_002 = CORPUS / "text" / "002_5604d886435013c4.txt"  # 福州 2022, text tables
TEXT_004 = CORPUS / "text" / "004_5522c362a8f8a79d.txt"  # 九江浔阳 2023, OCR noise ("292. 90")
CAIZHENG = CORPUS / "real" / "上海市普陀区财政局2024年度部门决算.pdf"  # published PDF
DOCUMENTS = (TEXT_002, TEXT_004, CAIZHENG)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from index.store import Store

    with Store(tmp_path_factory.mktemp("browse")) as s:
        for path in DOCUMENTS:
            s.put(ingested(path))
        yield s


@pytest.fixture(scope="module")
def frames(store):
    from index.browse import table_frames

    return {path.name: table_frames(store, path.name) for path in DOCUMENTS}


@pytest.fixture(scope="module")
def books(frames):
    from index.browse import to_excel

    return {name: load_workbook(io.BytesIO(to_excel(f))) for name, f in frames.items()}


def _sheet(book, frames, kind):
    """The sheet of the table of that kind, found through the 目录 sheet."""
    title = next(f["title"] for f in frames if f["kind"] == kind)
    row = next(r for r in book["目录"].iter_rows(min_row=2, values_only=True) if r[1] == title)
    return book[row[0]]


def _cell(ws, column: str, row_label: str, label_column: str | None = None):
    """The cell under `column` on the row whose label (in label_column, else the first column
    whose value is row_label) is row_label."""
    header = [c.value for c in ws[1]]
    j = header.index(column)
    for row in ws.iter_rows(min_row=2):
        cells = [row[header.index(label_column)]] if label_column else row
        if any(c.value == row_label for c in cells):
            return row[j]
    raise AssertionError(f"no row {row_label!r} in {ws.title}")


def _is_number(cell) -> bool:
    return isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)


@pytest.mark.parametrize("doc, kind, column, row, printed, fmt", [
    # 福州 2022 公开01表: the two sides of the summary table
    (TEXT_002.name, "收入支出决算总表", "收入/决算数", "一、一般公共预算财政拨款收入", "2,379.25", "#,##0.00"),
    (TEXT_002.name, "收入支出决算总表", "支出/决算数", "一、一般公共服务支出", "2,115.38", "#,##0.00"),
    (TEXT_002.name, "收入支出决算总表", "收入/决算数", "二、政府性基金预算财政拨款收入", "515.05", "0.00"),
    (TEXT_002.name, "支出决算表", "基本支出", "20103", "561.57", "0.00"),
    (TEXT_002.name, "三公经费支出决算表", "决算数", "2. 公务用车购置及运行维护费", "2.42", "0.00"),
    # 九江浔阳 2023 公开01表: "292. 90" as printed with an OCR space is the number 292.90
    (TEXT_004.name, "收入支出决算总表", "收入/决算数", "一、一般公共预算财政拨款收入", "292.90", "0.00"),
    # 上海市普陀区财政局 2024 (PDF): p. 6, p. 8 and p. 16
    (CAIZHENG.name, "收入支出决算总表", "收入/决算数", "一、一般公共预算财政拨款收入", "2,940.05", "#,##0.00"),
    (CAIZHENG.name, "收入支出决算总表", "支出/决算数", "一、一般公共服务支出", "2,106.66", "#,##0.00"),
    (CAIZHENG.name, "收入决算表", "本年收入合计", "行政运行", "1,511.90", "#,##0.00"),
    (CAIZHENG.name, "收入决算表", "其他收入", "行政运行", "0.01", "0.00"),
    (CAIZHENG.name, "基本支出决算表", "决算数", "津贴补贴", "1,238.58", "#,##0.00"),
    (CAIZHENG.name, "基本支出决算表", "决算数（2）", "办公费", "21.21", "0.00"),
])
def test_a_printed_figure_is_a_numeric_cell_in_its_printed_format(books, frames, doc, kind, column, row, printed, fmt):
    cell = _cell(_sheet(books[doc], frames[doc], kind), column, row)
    assert _is_number(cell), (cell.value, cell.data_type)
    assert Decimal(str(cell.value)) == Decimal(printed.replace(",", ""))
    assert cell.number_format == fmt


def test_every_figure_of_a_value_column_is_numeric(books, frames):
    """A report's standard tables hold hundreds of figures; none of them is left as text."""
    for doc, book in books.items():
        numeric = sum(_is_number(c) for ws in book.worksheets[1:] for row in ws.iter_rows(min_row=2) for c in row)
        printed = sum(1 for f in frames[doc] for col in f["value_columns"] for x in f["frame"][col]
                      if re.fullmatch(r"-?[\d,]+\.\s?\d+", x.strip()))
        assert numeric >= printed > 50, (doc, numeric, printed)


def test_zero_stays_a_zero_and_a_blank_stays_empty(books, frames):
    ws = _sheet(books[TEXT_002.name], frames[TEXT_002.name], "收入决算表")
    zero = _cell(ws, "上级补助收入", "20103")
    assert _is_number(zero) and zero.value == 0 and zero.number_format == "0.00"
    # the 款 and 项 columns are blank on a 类 row: empty cells
    assert _cell(ws, "项", "20103").value is None
    # 上海市普陀区财政局 prints nothing for 上级补助收入: empty cells, not 0
    ws = _sheet(books[CAIZHENG.name], frames[CAIZHENG.name], "收入决算表")
    assert _cell(ws, "上级补助收入", "行政运行").value is None
    ws = _sheet(books[CAIZHENG.name], frames[CAIZHENG.name], "收入支出决算总表")
    assert _cell(ws, "收入/决算数", "二、政府性基金预算财政拨款收入").value is None


def test_a_dash_stays_text_as_printed(books, frames):
    # 福州 公开09表 (国有资本经营): "/" for every figure
    ws = _sheet(books[TEXT_002.name], frames[TEXT_002.name], "国有资本经营预算财政拨款支出决算表")
    cell = _cell(ws, "本年支出/合计", "合计")
    assert cell.value == "/" and cell.data_type == "s"
    # 九江浔阳 公开09表 (三公): "——" where no budget is given
    dashes = [c.value for ws in books[TEXT_004.name].worksheets[1:] for row in ws.iter_rows(min_row=2)
              for c in row if c.value == "——"]
    assert dashes


def test_subject_codes_and_row_numbers_stay_text(books, frames):
    ws = _sheet(books[CAIZHENG.name], frames[CAIZHENG.name], "收入决算表")
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "行政运行")
    assert row[:3] == ("201", "06", "01")  # 06 is not 6
    assert header[:4] == ["项目/支出功能分类/科目编码", "项目/支出功能分类/科目编码（2）",
                          "项目/支出功能分类/科目编码（3）", "项目/科目名称"]


def test_column_names_are_unique_readable_header_paths(store, frames):
    from index.browse import column_names

    for doc in frames:
        for table in store.tables(doc):
            names = column_names(table)
            assert len(set(names)) == len(names), (doc, table["title"], names)
            for j, name in enumerate(names):
                assert name == name.strip() and "  " not in name, name
                assert not re.fullmatch(r"列\d+", name), name
                if re.fullmatch(r"第\d+栏", name):  # only a column whose header prints nothing
                    header = [(row[j].get("text") or "") for row in table["grid"][:max(1, table["header_rows"])]
                              if j < len(row)]
                    assert not any(re.search(r"[\u4e00-\u9fff]", h) for h in header), (doc, name, header)
    for f in (f for fs in frames.values() for f in fs):
        assert list(f["frame"].columns) == list(f["values"].columns)
        assert set(f["value_columns"]) <= set(f["frame"].columns)


def test_the_two_sides_of_a_summary_table_are_qualified(frames):
    for doc, fs in frames.items():
        summary = next(f for f in fs if f["kind"] == "收入支出决算总表")
        names = list(summary["frame"].columns)
        assert "收入/决算数" in names and "支出/决算数" in names, (doc, names)
        both = next(f for f in fs if f["kind"] == "财政拨款收入支出决算总表")
        assert any(n.startswith("收入/") for n in both["frame"].columns)
        assert any(n.startswith("支出/") for n in both["frame"].columns)


def test_side_by_side_groups_named_alike_get_an_ordinal_only_as_the_last_resort(frames):
    # 福州 公开06表: 人员经费 | 公用经费 | 公用经费 (the 公用经费 list goes on in a third group)
    basic = next(f for f in frames[TEXT_002.name] if f["kind"] == "基本支出决算表")
    assert list(basic["frame"].columns) == [
        "人员经费/经济分类科目编码", "人员经费/科目名称", "人员经费/金额",
        "公用经费/经济分类科目编码", "公用经费/科目名称", "公用经费/金额",
        "公用经费/经济分类科目编码（2）", "公用经费/科目名称（2）", "公用经费/金额（2）"]


def test_the_display_frame_keeps_the_printed_text_and_the_values_are_typed(frames):
    summary = next(f for f in frames[TEXT_004.name] if f["kind"] == "收入支出决算总表")
    assert summary["frame"]["收入/决算数"][0] == "292. 90"  # as printed
    assert summary["values"]["收入/决算数"][0] == Decimal("292.90")
    assert summary["values"]["收入/行次"][0] == "1"  # a key column stays text


def test_the_csv_has_the_same_names_and_the_printed_text(frames):
    import csv

    from index.browse import to_csv

    f = next(f for f in frames[CAIZHENG.name] if f["kind"] == "收入支出决算总表")
    data = to_csv(f["frame"])
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(f["frame"].columns)
    assert rows[1][:2] == ["一、一般公共预算财政拨款收入", "2,940.05"]


def test_the_workbook_lists_its_sheets_and_names_them_validly(books, frames):
    for doc, book in books.items():
        assert book.sheetnames[0] == "目录"
        listed = [r[0] for r in book["目录"].iter_rows(min_row=2, values_only=True)]
        assert listed == book.sheetnames[1:] and len(listed) == len(frames[doc])
        assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in book.sheetnames)
        for ws, f in zip(book.worksheets[1:], frames[doc]):
            assert [c.value for c in ws[1]] == list(f["frame"].columns)


def test_typed_value_and_number_format():
    from index.browse import number_format, typed_value

    assert typed_value("292. 90") == Decimal("292.90") and number_format("292. 90") == "0.00"
    assert typed_value("1,238.58") == Decimal("1238.58") and number_format("1,238.58") == "#,##0.00"
    assert typed_value("(3.20)") == Decimal("-3.20") and number_format("(3.20)") == "0.00;(0.00)"
    assert typed_value("12.5%") == Decimal("12.5") and number_format("12.5%") == "0.0%"
    assert typed_value("25") == 25 and number_format("25") == "0"
    assert typed_value("—") == "—" and typed_value("-") == "-"
    assert typed_value("") is None and typed_value(None) is None
    assert typed_value("06") == "06"  # a code, not the number 6
    assert typed_value("25名") == "25名"


def test_percent_and_bracketed_negative_cells_read_as_printed():
    import pandas as pd

    from index.browse import to_excel, typed_value

    printed = pd.DataFrame([["执行率", "12.5%", "(3.20)", "=1+1"]], columns=["项目", "执行率", "差额", "说明"])
    values = printed.map(typed_value)
    values["项目"] = values["项目"].astype(object)
    frame = {"title": "示例表", "code": None, "kind": "其他表", "unit": "万元", "page": None, "line": 3,
             "frame": printed, "values": values, "value_columns": ["执行率", "差额"]}
    ws = load_workbook(io.BytesIO(to_excel([frame])))["示例表"]
    rate, diff, note = ws["B2"], ws["C2"], ws["D2"]
    assert rate.value == pytest.approx(0.125) and rate.number_format == "0.0%"
    assert diff.value == pytest.approx(-3.2) and diff.number_format == "0.00;(0.00)"
    assert note.value == "=1+1" and note.data_type == "s"  # text, never a formula
