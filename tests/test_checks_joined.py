"""A year published as two files — a 公开表 with the tables and a 公开文件 with the narrative — is one
report (`Store.reports`), and the rules that read the narrative against the tables compare one
file's sentences with the other's cells, each cited in its own file.  Shown on the generated
report split in two (a planted narrative figure, a 三公 cell printed blank in the table file while
the narrative file states it, an empty table the other file explains), with nothing found on the
consistent split; on the seven two-file Jiangsu budgets the narrative's figures that name a table
quantity agree with the other file."""
from __future__ import annotations

import pytest
from synthetic_report import report_text

TABLES, NARRATIVE = "示例2023公开表.txt", "示例2023公开文件.txt"


def split(text: str) -> tuple[str, str]:
    """The report as two files: the cover, contents, tables and forms; the cover, contents and narrative."""
    lines = text.split("\n")
    tables_at, narrative_at, forms_at = lines.index("第二部分"), lines.index("第三部分"), lines.index("第四部分")
    return ("\n".join(lines[:narrative_at] + lines[forms_at:]),
            "\n".join(lines[:tables_at] + lines[narrative_at:forms_at]) + "\n")


def _checked(tmp_path, text: str):
    from checks import check_document, check_index
    from ingest import ingest_file
    from index.store import Store

    folder = tmp_path / "index"
    with Store(folder) as store:
        for name, part in zip((TABLES, NARRATIVE), split(text)):
            (tmp_path / name).write_text(part, encoding="utf-8")
            store.put(ingest_file(tmp_path / name))
        [report] = store.reports()
        assert report["documents"] == [TABLES, NARRATIVE]
        joined = check_document(store, report["name"])
    return check_index(folder), joined


def test_a_consistent_report_in_two_files(tmp_path):
    found, joined = _checked(tmp_path, report_text())
    assert found == {TABLES: [], NARRATIVE: []} and joined == []


@pytest.mark.parametrize("printed, rule", [
    ({"plant": "narrative-table"}, "narrative-table"),
    ({"cells": {"07:公务接待费": ""}}, "narrative-blank"),
])
def test_the_narrative_file_against_the_table_file(tmp_path, printed, rule):
    found, joined = _checked(tmp_path, report_text(**printed))
    mine = [f for f in found[NARRATIVE] if f.rule == rule]
    assert mine and all(f.severity == "error" for f in mine), [f.message for f in found[NARRATIVE]]
    for f in mine:
        sentence, *cells = f.cells
        assert sentence.document == NARRATIVE and sentence.table is None and sentence.line
        assert sentence.value in (f.printed, f.expected) and sentence.value in sentence.row
        assert cells and all(c.document == TABLES and c.table and c.line for c in cells)
    # the finding is the table file's too, and the report's
    assert [f for f in found[TABLES] if f.rule == rule] == mine
    assert [f for f in joined if f.rule == rule] == mine


def test_the_jiangsu_narrative_files_agree_with_their_tables(jiangsu_ingested):
    """Each two-file budget's narrative amounts that name a table quantity (基本支出, 项目支出, the
    三公 items …) are compared with the table file, and agree: no finding across the files."""
    from checks import check_document
    from checks.across import subject_names
    from checks.meaning import figures, in_context, meaning
    from checks.report import Report
    from checks.rules import ACROSS_FILES, check_report
    from checks.said import section_of
    from index.store import Store

    with Store(jiangsu_ingested[0], readonly=True) as store:
        joined = [r for r in store.reports() if len(r["documents"]) > 1]
        assert len(joined) == 7
        for r in joined:
            report = Report.load(store, r["name"])
            printed, names = figures(report), subject_names(report)
            compared = [s for s in report.statements if s.amount and s.document != r["documents"][0]
                        and any(printed.get(k) for k in in_context(meaning(s.subject, names), s, section_of(report, s))[0])]
            assert len(compared) >= 5, r["name"]
            assert [f for f in check_report(report, ACROSS_FILES) if len({c.document for c in f.cells}) > 1] == []
            assert check_document(store, r["name"]) == sorted(
                (f for m in r["documents"] for f in check_document(store, m)),
                key=lambda f: ("error", "rounding", "notice").index(f.severity))


def test_an_empty_table_explained_in_the_other_file(tmp_path):
    """An empty 政府性基金 table in the table file needs no note where the narrative file says the
    fund had no money (政府性基金预算财政拨款收入0.00万元); without that sentence it is a notice."""
    from test_checks_structure import _EMPTY_FUND, _FUND_SENTENCE, _sub

    with_table = _sub(report_text(), "\n第三部分\n", "\n" + _EMPTY_FUND + "第三部分\n")
    (tmp_path / "said").mkdir()
    found, _ = _checked(tmp_path / "said", with_table)
    assert _FUND_SENTENCE in split(with_table)[1]
    assert not [f for fs in found.values() for f in fs if f.rule == "empty-table-note"]
    (tmp_path / "unsaid").mkdir()
    found, _ = _checked(tmp_path / "unsaid", _sub(with_table, _FUND_SENTENCE, ""))
    [f] = [f for f in found[TABLES] if f.rule == "empty-table-note"]
    assert f.severity == "notice" and f.cells[0].document == TABLES
