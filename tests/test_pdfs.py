"""PDFs: the twins give the same facts as their text files, and the real Shanghai PDFs give
facts that cite the page they are printed on, across wrapped cells, split subject codes,
two-sided tables and tables that continue on the next page."""
import collections

import pytest

from conftest import CORPUS, ingested
from domain.normalize import compact

# Share of all the text file's facts (绩效自评表 and statistics tables included) that the PDF
# twin reproduces exactly, as measured (benchmarks/RESULTS.md); the standard tables must agree
# completely.
ALL_FACTS_AGREEMENT = {
    "000_d038eb9fb139e057": 1.0,
    "001_c1fbac8e898f5dfc": 0.89,
    "002_5604d886435013c4": 0.98,
    "003_6af2a6315bf8f1d0": 0.99,
    "004_5522c362a8f8a79d": 0.97,
}
STANDARD = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
            "一般公共预算财政拨款支出决算表", "基本支出决算表", "三公经费支出决算表",
            "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"}


def _key(f):
    # spaces inside long text cells depend on where the PDF wrapped them; figures have none
    return (f.table_kind, compact(f.row_label), f.row_code, f.column, compact(f.value_text))


@pytest.mark.parametrize("stem", sorted(ALL_FACTS_AGREEMENT))
def test_pdf_twin_gives_the_text_files_facts(stem):
    text = ingested(CORPUS / "text" / f"{stem}.txt")
    pdf = ingested(CORPUS / "pdf" / f"{stem}.pdf")
    assert (pdf.meta.department, pdf.meta.year) == (text.meta.department, text.meta.year)
    standard_text = collections.Counter(_key(f) for f in text.facts if f.table_kind in STANDARD)
    standard_pdf = collections.Counter(_key(f) for f in pdf.facts if f.table_kind in STANDARD)
    assert standard_text == standard_pdf
    a = collections.Counter(_key(f) for f in text.facts)
    b = collections.Counter(_key(f) for f in pdf.facts)
    agreement = sum((a & b).values()) / sum(a.values())
    assert agreement >= ALL_FACTS_AGREEMENT[stem], f"{agreement:.3f}"
    assert all(f.page and f.bbox for f in pdf.facts)


def test_pdf_twin_summary_table_matches_cell_for_cell():
    text = ingested(CORPUS / "text" / "000_d038eb9fb139e057.txt")
    pdf = ingested(CORPUS / "pdf" / "000_d038eb9fb139e057.pdf")
    for kind in ("收入支出决算总表", "支出决算表", "基本支出决算表"):
        assert sorted(_key(f) for f in text.facts if f.table_kind == kind) == \
            sorted(_key(f) for f in pdf.facts if f.table_kind == kind)


def _one(doc, kind, column=None, **row):
    hits = [f for f in doc.facts if f.table_kind == kind and (column is None or column in f.column)
            and all(getattr(f, k) == v for k, v in row.items())]
    assert len(hits) == 1, hits
    return hits[0]


FINANCE = CORPUS / "real" / "上海市普陀区财政局2024年度部门决算.pdf"


def test_real_pdf_department_and_year_from_its_title():
    doc = ingested(FINANCE)
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == ("上海市普陀区财政局", 2024, "决算")


def test_real_pdf_two_sided_table_continued_on_the_next_page():
    doc = ingested(FINANCE)
    income = _one(doc, "收入支出决算总表", row_label="本年收入合计")
    assert (income.value_text, income.page, income.column) == ("2,946.25", 6, "收入/决算数")
    total = _one(doc, "收入支出决算总表", row_label="总计", column="支出")
    assert (total.value_text, total.page) == ("2,995.39", 7)
    assert total.table_index == income.table_index  # one table over two pages
    x0, top, x1, bottom = total.bbox
    assert 0 < x0 < x1 < 600 and 0 < top < bottom < 842


def test_real_pdf_subject_code_split_over_three_cells_and_wrapped_labels():
    doc = ingested(FINANCE)
    f = _one(doc, "收入决算表", row_code="2010601", column="本年收入合计")
    assert (f.row_label, f.value_text, f.page, f.row_level, f.row_parent) == ("行政运行", "1,511.90", 8, "项", "20106")
    wrapped = _one(doc, "收入决算表", row_code="2080505", column="财政拨款收入")
    assert wrapped.row_label == "机关事业单位基本养老保险缴费支出" and wrapped.value_text == "160.75"


def test_real_pdf_basic_expenditure_groups_and_blank_cells():
    doc = ingested(FINANCE)
    assert _one(doc, "基本支出决算表", row_label="基本工资").value_text == "262.33"
    assert _one(doc, "基本支出决算表", row_label="办公费").value_text == "21.21"
    assert not [f for f in doc.facts if f.table_kind == "基本支出决算表" and f.row_label == "奖金"]  # printed blank


def test_real_pdf_narrative_numbers_stay_on_their_line():
    doc = ingested(FINANCE)
    hits = [p for p in doc.passages if "2995.39" in p.text]
    assert hits and "年度收入支出总计2995.39万元" in hits[0].text.replace(" ", "") and hits[0].page == 21


@pytest.mark.parametrize("name", ["上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
                                  "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"])
def test_other_real_reports_have_their_standard_tables_with_pages(name):
    doc = ingested(CORPUS / "real" / name)
    assert doc.meta.year == 2024 and doc.meta.department == name.split(" ")[0]
    kinds = {t.kind for t in doc.tables}
    assert {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "基本支出决算表"} <= kinds
    assert all(f.page and 1 <= f.page <= doc.pages for f in doc.facts)


def test_row_cut_by_a_page_break_is_joined_from_both_pages():
    """001's 基本支出 table: the row 30103 奖金 | 30703 国内债务发行费用 starts below the ruled box on
    page 7 and its last two characters (费用) stand above the box on page 8."""
    doc = ingested(CORPUS / "pdf" / "001_c1fbac8e898f5dfc.pdf")
    bonus = _one(doc, "基本支出决算表", row_label="奖金")
    assert (bonus.value_text, bonus.row_code, bonus.page) == ("19.53", "30103", 7)
    tables = [t for t in doc.tables if t.kind == "基本支出决算表"]
    assert len(tables) == 1 and {r[0].page for r in tables[0].grid} == {7, 8, 9}
    debt = [r for r in tables[0].rows if r.code == "30703"]  # its amount is blank: a row, no fact
    assert [r.label for r in debt] == ["国内债务发行费用"]


def test_two_em_dash_glyph_reads_as_the_printed_dash():
    doc = ingested(CORPUS / "pdf" / "001_c1fbac8e898f5dfc.pdf")
    dash = _one(doc, "基本支出决算表", row_code="30901")
    assert (dash.value_text, dash.value_state, dash.number) == ("——", "dash", None)


@pytest.mark.parametrize("stem", sorted(ALL_FACTS_AGREEMENT))
def test_pdf_twin_gives_the_text_files_table_codes(stem):
    """Each standard table's printed code (公开04表) is read from the PDF as from the text, also
    where the grid's first row prints title, 部门： and 单位： lines below the code (004)."""
    text = ingested(CORPUS / "text" / f"{stem}.txt")
    pdf = ingested(CORPUS / "pdf" / f"{stem}.pdf")
    codes = lambda doc: sorted((t.kind, t.code or "") for t in doc.tables if t.kind in STANDARD)  # noqa: E731
    assert codes(pdf) == codes(text)


@pytest.mark.parametrize("name, page", [("中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", 14),
                                        ("附件2：部门决算模板.pdf", 12)])
def test_empty_san_gong_table_keeps_its_four_header_rows(name, page):
    """A 三公 table printed empty under four header rows (财政拨款“三公”经费 over 合计 | 出国 | 用车 |
    接待 over 小计 | 购置 | 运行 over 预算数 | 决算数): the 合计 and 小计 merged into the header are
    column labels, not total rows, so each column keeps its whole path and no label is a fact.
    (The 模板 is a blank template, refused as a report: its grid is read on its own.)"""
    from ingest.layout import interpret
    from ingest.model import RawTable
    from ingest.read_pdf import read_pdf

    raw = read_pdf(CORPUS / "real" / name)
    tables = [t for i, b in enumerate(b for b in raw.blocks if isinstance(b, RawTable))
              if (t := interpret(b, i)[0]) is not None and t.kind == "三公经费支出决算表"]
    [table] = tables
    assert (table.page, table.header_rows, table.rows) == (page, 4, ())
    top, car = "财政拨款“三公”经费", "财政拨款“三公”经费/公务用车购置及运行维护费"
    assert [c.path for c in table.columns] == [
        f"{path}/{measure}" for path in (f"{top}/合计", f"{top}/因公出国（境）费", f"{car}/小计", f"{car}/公务用车购置费",
                                         f"{car}/公务用车运行维护费", f"{top}/公务接待费")
        for measure in ("预算数", "决算数")]
    if "模板" not in name:
        doc = ingested(CORPUS / "real" / name)
        assert not [f for f in doc.facts if f.table_kind == "三公经费支出决算表"]
