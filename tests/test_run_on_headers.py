"""Two standard column labels printed in one header cell over a column with no header of its own
(004's "本年支出合计 基本支出", as OCR joins them) are each their own column's: 基本支出 is never
read as the total.  Varied over other reports, other label pairs and both text and PDF."""
import pytest

from conftest import TEXTS
from ingest import ingest_file


def _columns(doc, kind):
    return [tuple(c.path for c in t.columns) for t in doc.tables if t.kind == kind]


def _value(doc, kind, row, column):
    return next(f.value_text for f in doc.facts if f.table_kind == kind and f.row_label == row and f.column == column)


def test_004_reads_its_joined_header_as_two_columns(text_docs):
    doc = text_docs[TEXTS[4].stem]
    assert ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出") in _columns(doc, "支出决算表")
    assert _value(doc, "支出决算表", "合计", "基本支出") == "101.37"
    assert _value(doc, "支出决算表", "合计", "本年支出合计") == "292.90"


@pytest.mark.parametrize("report, line_has, left, right", [
    (0, "本年支出合计\t基本支出\t项目支出", "本年支出合计", "基本支出"),
    (0, "本年支出合计\t基本支出\t项目支出", "基本支出", "项目支出"),
    (2, "小计\t基本支出\t项目支出", "小计", "基本支出"),
    (2, "小计\t基本支出\t项目支出", "基本支出", "项目支出"),
])
def test_a_joined_header_gives_the_facts_of_the_printed_one(tmp_path, report, line_has, left, right):
    original = TEXTS[report].read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(original) if line_has in line)
    joined = list(original)
    # the two labels in one cell, the right one's cell left empty, as the OCR'd report prints them
    joined[at] = joined[at].replace(f"{left}\t{right}", f"{left} {right}\t", 1)
    assert joined[at] != original[at]
    path = tmp_path / TEXTS[report].name
    path.write_text("\n".join(joined), encoding="utf-8")
    before, after = ingest_file(TEXTS[report]), ingest_file(path)

    def cells(doc):
        return sorted(tuple(str(x) for x in (f.table_kind, f.row_label, f.row_code, f.column, f.value_text)) for f in doc.facts)

    assert cells(after) == cells(before)


def test_labels_that_are_not_two_standard_ones_stay_as_printed(tmp_path):
    original = TEXTS[0].read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(original) if "本年支出合计\t基本支出\t项目支出" in line)
    joined = list(original)
    joined[at] = joined[at].replace("本年支出合计\t基本支出", "本年支出合计 其他支出\t", 1)
    path = tmp_path / TEXTS[0].name
    path.write_text("\n".join(joined), encoding="utf-8")
    doc = ingest_file(path)
    assert not any("其他支出" == c for cols in _columns(doc, "支出决算表") for c in cols)
