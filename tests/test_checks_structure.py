"""Issue 14, structure, identity and text hygiene: each rule fires on a generated report with one
planted error (made from tests/synthetic_report.py's report_text() by string substitution) and
cites where the error is printed; the consistent report, and the same report with a full 目录 or
an empty table that says so, give none of these rules' findings.  contents-pages (PDFs only) is
shown on a PDF printed by Chromium (tests/layout_pdfs.py) with a 目录 that lists the nine tables
and their pages.  On the real reports the findings are the reviewed ones: no error but the real
fall of 213% in 晋江 2018."""
from __future__ import annotations

import pytest
from conftest import CORPUS, REAL_REPORTS, ingested
from synthetic_report import DEPARTMENT, report_text

from checks.rules import RULES

MINE = ("standard-tables", "contents-tables", "empty-table-note", "contents-pages", "report-identity",
        "report-dates", "placeholders", "punctuation", "fall-over-100")

# --- variants of the synthetic report ---------------------------------------------------------

_PART_TWO = "第二部分 2023 年度部门决算表\t2\n"
CONTENTS = ("一、收入支出决算总表\t3", "二、收入决算表\t4", "三、支出决算表\t5", "四、财政拨款收入支出决算总表\t6",
            "五、一般公共预算财政拨款支出决算表\t7", "六、一般公共预算财政拨款基本支出决算表\t8",
            "七、一般公共预算财政拨款“三公”经费支出决算表\t9")
_EMPTY_FUND = "\n".join([
    "八、政府性基金预算财政拨款收入支出决算表", "", "政府性基金预算财政拨款收入支出决算表", "", "公开08表", "",
    f"部门：{DEPARTMENT}", "", "单位：万元", "",
    "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余",
    "科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t",
    "合计\t\t\t\t\t\t\t", "", ""])
_FUND_SENTENCE = "2. 政府性基金预算财政拨款收入0.00万元。\n"


def _sub(text: str, old: str, new: str, nth: int = 1) -> str:
    """text with the nth occurrence of old replaced (each variant changes one printed thing)."""
    at = -1
    for _ in range(nth):
        at = text.index(old, at + 1)
    return text[:at] + new + text[at + len(old):]


def listed(entries=CONTENTS, **printed) -> str:
    """The report with its 目录 listing the tables after 第二部分."""
    return _sub(report_text(**printed), _PART_TWO, _PART_TWO + "\n".join(entries) + "\n")


def with_empty_fund_table(note: str = "") -> str:
    """The report with an empty 政府性基金 table after the 三公 table (and the narrative's
    sentence on that fund left out, so that only a note can say the table is empty)."""
    text = _sub(report_text(), _FUND_SENTENCE, "")
    return _sub(text, "\n第三部分\n", "\n" + _EMPTY_FUND + (note + "\n\n" if note else "") + "第三部分\n")


_TABLE_FIVE = f"公开05表\n\n部门：{DEPARTMENT}\n\n"


def with_year_line(year: str) -> str:
    """The report with a year printed alone in a table's heading (部门：… / 2023年度 / 单位：万元)."""
    return _sub(report_text(), _TABLE_FIVE, _TABLE_FIVE + f"{year}\n\n")


CONSISTENT = {
    "consistent": report_text,
    "table_year_line": lambda: with_year_line("2023年度"),
    "listed": listed,
    "empty_noted": lambda: with_empty_fund_table("注：本部门2023年度无政府性基金预算财政拨款收支，故本表无数据。"),
}

# name → (text, rule, severity, the printed line the finding cites, the value it cites there)
PLANTED = {
    "no_sangong_table": (lambda: report_text(omit_tables=[7]), "standard-tables", "notice", "目 录", None),
    "listed_not_printed": (lambda: listed(omit_tables=[5]), "contents-tables", "error",
                           "五、一般公共预算财政拨款支出决算表\t7", "一般公共预算财政拨款支出决算表"),
    "printed_not_listed": (lambda: listed(CONTENTS[:6]), "contents-tables", "notice",
                           "一般公共预算财政拨款“三公”经费支出决算表", None),
    "out_of_order": (lambda: listed(CONTENTS[:2] + (CONTENTS[3], CONTENTS[2]) + CONTENTS[4:]), "contents-tables",
                     "notice", CONTENTS[3], None),
    "empty_unnoted": (with_empty_fund_table, "empty-table-note", "notice",
                      "八、政府性基金预算财政拨款收入支出决算表", None),
    "heading_year": (lambda: _sub(report_text(), "\n2023 年度部门决算表\n", "\n2022 年度部门决算表\n"),
                     "report-identity", "error", "2022 年度部门决算表", "2022"),
    "table_heading_year": (lambda: with_year_line("2022年度"), "report-identity", "error", "2022年度", "2022"),
    "table_department": (lambda: _sub(report_text(), f"部门：{DEPARTMENT}", "部门：示例市交通运输局", 2),
                         "report-identity", "error", "部门：示例市交通运输局", "示例市交通运输局"),
    "year_end_date": (lambda: _sub(report_text(), "（三）公务接待费支出1.62万元。",
                                   "（三）公务接待费支出1.62万元。截至2022年12月31日，本部门共有车辆2辆。"),
                      "report-dates", "error", "（三）公务接待费支出1.62万元。截至2022年12月31日，本部门共有车辆2辆。", None),
    "placeholder_name": (lambda: _sub(report_text(), f"部门：{DEPARTMENT}", "部门：XX局", 3),
                         "placeholders", "error", "部门：XX局", "XX"),
    "placeholder_blank": (lambda: _sub(report_text(), f"即{DEPARTMENT}本级", "即（单位名称）本级"),
                          "placeholders", "error", "纳入2023年度部门决算编制范围的单位共1个，即（单位名称）本级。", None),
    "placeholder_figure": (lambda: _sub(report_text(), "3. 其他收入0.00万元。", "3. 其他收入……万元。"),
                           "placeholders", "error", "3. 其他收入……万元。", None),
    "doubled_stop": (lambda: _sub(report_text(), "主要原因是信息化项目支出增加。", "主要原因是信息化项目支出增加。。"),
                     "punctuation", "notice", None, "。。"),
    "mixed_marks": (lambda: _sub(report_text(), "主要原因是数据资源平台运维项目经费增加。",
                                 "主要原因是数据资源平台运维项目经费增加。，"), "punctuation", "notice", None, "。，"),
    "fall_over_100": (lambda: _sub(report_text(), "（三）公务接待费支出1.62万元。",
                                   "（三）公务接待费支出1.62万元，比上年减少3.40万元，下降209.88%。"),
                      "fall-over-100", "error", "（三）公务接待费支出1.62万元，比上年减少3.40万元，下降209.88%。", "下降209.88%"),
}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Every variant ingested into one store: name → (findings of these rules, printed lines)."""
    from checks import check_document
    from ingest import ingest_file
    from index.store import Store

    folder = tmp_path_factory.mktemp("structure")
    texts = {name: build() for name, build in CONSISTENT.items()}
    texts.update({name: spec[0]() for name, spec in PLANTED.items()})
    out = {}
    with Store(folder / "index") as store:
        for name, text in texts.items():
            path = folder / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            store.put(ingest_file(path))
        for name, text in texts.items():
            found = [f for f in check_document(store, f"{name}.txt") if f.rule in MINE]
            out[name] = (found, text.split("\n"))
    return out


def test_rules_registered_with_titles_and_descriptions():
    by_id = {r.id: r for r in RULES}
    assert set(MINE) <= set(by_id)
    assert all(by_id[i].title and len(by_id[i].description) > 20 for i in MINE)
    assert set(MINE) == {spec[1] for spec in PLANTED.values()} | {"contents-pages"}


@pytest.mark.parametrize("name", list(CONSISTENT))
def test_consistent_versions_have_no_finding(variants, name):
    found, _ = variants[name]
    assert found == [], [f.message for f in found]


@pytest.mark.parametrize("name", list(PLANTED))
def test_each_planted_error_fires_and_cites_where_it_is(variants, name):
    _, rule, severity, line_text, value = PLANTED[name]
    found, lines = variants[name]
    mine = [f for f in found if f.rule == rule]
    assert mine and {f.severity for f in mine} == {severity}, [f.message for f in found]
    assert not [f for f in found if f.rule != rule], [f.message for f in found]  # one plant, one rule
    cells = [c for f in mine for c in f.cells]
    assert all(c.document == f"{name}.txt" and c.line for c in cells)
    if line_text is not None:
        assert any(lines[c.line - 1] == line_text for c in cells), [(c.line, lines[c.line - 1]) for c in cells]
    if value is not None:
        assert any(value in c.value or value == c.value for c in cells), [c.value for c in cells]
    assert all(f.expected != f.printed for f in mine)


def test_a_doubled_mark_is_cited_by_its_own_line(variants):
    [f] = variants["doubled_stop"][0]
    [cell] = f.cells
    assert "信息化项目支出增加。。" in variants["doubled_stop"][1][cell.line - 1]
    assert f.printed == "。。" and f.expected == "。"


def test_the_missing_table_is_named_by_its_contents_entry(variants):
    [f] = variants["listed_not_printed"][0]
    assert f.expected == "一般公共预算财政拨款支出决算表" and "目录列有" in f.message


def test_the_other_year_is_what_is_printed(variants):
    [f] = variants["heading_year"][0]
    assert (f.expected, f.printed) == ("2023", "2022")


# --- a PDF: the contents' page numbers -------------------------------------------------------

_PARTS = [("第一部分 部门概况", 3), ("第二部分 2023年度部门决算情况说明", 7), ("第三部分 名词解释", 15),
          ("第四部分 2023年度项目支出绩效自评情况", 17), ("第五部分 2023年度部门决算表", 41)]
_NINE = [("一、收入支出决算总表", 41), ("二、收入决算表", 42), ("三、支出决算表", 43), ("四、财政拨款收入支出决算总表", 44),
         ("五、一般公共预算财政拨款支出决算表", 45), ("六、一般公共预算财政拨款基本支出决算表", 46),
         ("七、一般公共预算财政拨款“三公”经费支出决算表", 47), ("八、政府性基金预算财政拨款收入支出决算表", 48),
         ("九、国有资本经营预算财政拨款支出决算表", 49)]


@pytest.fixture(scope="module")
def toc_pdfs(tmp_path_factory):
    """tables_at_end.pdf (the nine tables on pages 41–49, page numbers in the footer) with a 目录
    that lists the tables: right, and with 支出决算表 said to be on page 45."""
    import layout_pdfs

    html = layout_pdfs.tables_at_end()
    old = layout_pdfs.toc(_PARTS)
    assert old in html
    wrong = [(t, 45 if t.startswith("三、") else p) for t, p in _NINE]
    builds = {"toc_right.pdf": html.replace(old, layout_pdfs.toc(_PARTS + _NINE)),
              "toc_wrong.pdf": html.replace(old, layout_pdfs.toc(_PARTS + wrong))}
    saved = dict(layout_pdfs.LAYOUTS)
    try:
        for name, page in builds.items():
            layout_pdfs.LAYOUTS[name] = ((lambda page=page: page), False)
        return layout_pdfs.write_pdfs(tmp_path_factory.mktemp("toc_pdfs"), list(builds))
    finally:
        layout_pdfs.LAYOUTS.clear()
        layout_pdfs.LAYOUTS.update(saved)


def test_contents_page_numbers_against_the_pages_of_a_pdf(toc_pdfs, tmp_path):
    from checks import check_document
    from ingest import ingest_file
    from index.store import Store

    with Store(tmp_path / "index") as store:
        for path in toc_pdfs.values():
            store.put(ingest_file(path))
        right, wrong = ([f for f in check_document(store, name) if f.rule in MINE] for name in toc_pdfs)
    assert right == [], [f.message for f in right]
    [f] = wrong
    assert (f.rule, f.severity, f.printed, f.expected) == ("contents-pages", "notice", "45", "43")
    entry, table = f.cells
    assert entry.page == 2 and entry.value == "45"  # the 目录 page
    assert table.page == 43 and table.table == "支出决算表"


# --- the real reports -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_findings(tmp_path_factory):
    """These rules' findings on the five text reports, their PDF twins and the Shanghai PDFs."""
    from checks import check_index
    from index.store import Store

    folder = tmp_path_factory.mktemp("real") / "index"
    with Store(folder) as store:
        for path in [*sorted((CORPUS / "text").glob("*.txt")), *sorted((CORPUS / "pdf").glob("0*.pdf")), *REAL_REPORTS]:
            store.put(ingested(path))
    return {name: [f for f in found if f.rule in MINE] for name, found in check_index(folder).items()}


def test_on_the_real_reports_the_only_error_is_the_fall_of_213_percent(real_findings):
    errors = [(name, f.rule, f.message) for name, found in real_findings.items()
              for f in found if f.severity == "error"]
    assert sorted((n, r) for n, r, _ in errors) == [("003_6af2a6315bf8f1d0.pdf", "fall-over-100"),
                                                    ("003_6af2a6315bf8f1d0.txt", "fall-over-100")], errors
    [f] = [f for f in real_findings["003_6af2a6315bf8f1d0.txt"] if f.severity == "error"]
    assert f.printed == "-213%" and f.cells[0].line == 682 and "因公出国" in f.cells[0].row


def test_real_reports_doubled_marks_and_a_retitled_table(real_findings):
    quanzhou = [f for f in real_findings["000_d038eb9fb139e057.txt"] if f.rule == "punctuation"]
    assert [f.printed for f in quanzhou] == ["。，"] and quanzhou[0].cells[0].line == 1137
    jinjiang = {f.rule: f for f in real_findings["003_6af2a6315bf8f1d0.txt"]}
    assert jinjiang["punctuation"].printed == "，，"
    assert "部门决算相关信息统计表" in jinjiang["contents-tables"].message  # 目录 九 over the 三公 title
    # the Shanghai reports: every standard table present, listed, in order, empty ones noted
    assert all(real_findings[p.name] == [] for p in REAL_REPORTS)


def test_a_page_cut_from_a_real_report_is_missed_by_its_contents(tmp_path):
    """普陀区财政局's PDF with its 三公 table's page taken out (pypdf), as the peer's planted copy
    does: its 目录 still lists the table, and nothing else of these rules changes."""
    from pypdf import PdfReader, PdfWriter

    from checks import check_document
    from ingest import ingest_file
    from index.store import Store

    source = next(p for p in REAL_REPORTS if "财政局" in p.name)
    reader, writer = PdfReader(str(source)), PdfWriter()
    for number, page in enumerate(reader.pages, start=1):
        if number != 18:  # 财政拨款“三公”经费支出决算表
            writer.add_page(page)
    cut = tmp_path / "财政局_无三公表.pdf"
    with open(cut, "wb") as f:
        writer.write(f)
    with Store(tmp_path / "index") as store:
        store.put(ingest_file(cut))
        found = [f for f in check_document(store, cut.name) if f.rule in MINE]
    [f] = found
    assert (f.rule, f.severity, f.expected) == ("contents-tables", "error", "财政拨款“三公”经费支出决算表")
    assert f.cells[0].page == 2 and f.cells[0].value == "财政拨款“三公”经费支出决算表"  # its 目录 entry


def test_jiangsu_budgets_give_notices_only(jiangsu_ingested):
    from checks import check_index

    found = {name: [f for f in fs if f.rule in MINE] for name, fs in check_index(jiangsu_ingested[0]).items()}
    assert not [(n, f.message) for n, fs in found.items() for f in fs if f.severity == "error"]
    doubled = [f for f in found["省人大办公厅2018预算公开.pdf"] if f.rule == "punctuation"]
    assert [f.printed for f in doubled] == ["。。"] and doubled[0].cells[0].page == 25
    swapped = [f for f in found["江苏省委办公厅2018年度部门预算公开表.pdf"] if f.rule == "contents-tables"]
    assert len(swapped) == 2 and all("之前" in f.message for f in swapped)
