"""Issue 14, a 三公 cell left blank while the narrative states its amount (narrative-blank): a blank
cell makes no fact, but the stored grid keeps it, and the checks read it as the quantity model
reads a printed cell.  Planted in the generated report (a 三公 item's cell printed blank, the
narrative unchanged) and in the real 普陀财政局 report as the public peer planted it (its 公务接待费
决算数 is printed blank; the narrative made to say 0.95 instead of 0.00).  Stated as 0.00, a blank
cell is no finding; the real reports give none."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import CORPUS, ingested
from synthetic_report import report_text

# name → (cells printed otherwise, rule, severity, the sentence's amount, the blank cell's row)
PLANTED = {
    "blank_reception": ({"07:公务接待费": ""}, "narrative-blank", "error", "1.62", "3.公务接待费"),
    "blank_car_purchase": ({"07:公务用车购置费": ""}, "narrative-blank", "error", "15.80", "其中：（1）公务用车购置费"),
}
PUTUO = CORPUS / "real" / "上海市普陀区财政局2024年度部门决算.pdf"


def _store(tmp_path, texts: dict[str, str]):
    from ingest import ingest_file
    from index.store import Store

    with Store(tmp_path / "index") as store:
        for name, text in texts.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
            store.put(ingest_file(tmp_path / name))
    return tmp_path / "index"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    from checks import check_index

    texts = {f"{name}.txt": report_text(cells=cells) for name, (cells, *_) in PLANTED.items()}
    texts["stated_zero.txt"] = report_text(cells={"07:公务接待费": "", "n:公务接待费": "0.00"})
    texts["consistent.txt"] = report_text()
    return check_index(_store(tmp_path_factory.mktemp("blank"), texts))


@pytest.mark.parametrize("name", PLANTED)
def test_a_stated_amount_whose_cell_is_blank(planted, name):
    _, rule, severity, said, row = PLANTED[name]
    [f] = [f for f in planted[f"{name}.txt"] if f.rule == rule]
    assert f.severity == severity and (f.expected, f.printed) == (said, "（空白）")
    sentence, cell = f.cells
    assert sentence.table is None and sentence.value == said and sentence.line
    assert cell.table.startswith("一般公共预算财政拨款“三公”经费支出决算表") and cell.row == row
    assert cell.column == "决算数" and cell.value == "" and cell.line


def test_a_blank_cell_stated_as_zero_and_the_consistent_report(planted):
    assert not [f for f in planted["stated_zero.txt"] if f.rule == "narrative-blank"]
    assert planted["consistent.txt"] == []


def real_report(tmp_path_factory, path):
    """One real report ingested alone, as the checks read it (checks.report.Report)."""
    from checks.report import Report
    from index.store import Store

    folder = tmp_path_factory.mktemp(path.stem[:8]) / "index"
    with Store(folder) as store:
        store.put(ingested(path))
        return Report.load(store, path.name)


@pytest.fixture(scope="module")
def putuo(tmp_path_factory):
    return real_report(tmp_path_factory, PUTUO)


def test_the_peers_plant_on_the_real_report(putuo):
    """普陀财政局 prints its 三公 table with one row of figures under headers naming each item: the
    公务接待费 决算数 is blank and the narrative says 0.00 (no finding); said 0.95, it is an error
    citing that cell."""
    from checks.narrative import narrative_blank

    assert narrative_blank(putuo) == []
    old = "公务接待费支出决算为0.00万元"
    assert any(old in p["text"].replace(" ", "") for p in putuo.passages)
    edited = dataclasses.replace(putuo, passages=[
        {**p, "text": p["text"].replace(" ", "").replace(old, "公务接待费支出决算为0.95万元")} for p in putuo.passages])
    [f] = narrative_blank(edited)
    assert f.severity == "error" and f.expected == "0.95"
    sentence, cell = f.cells
    assert sentence.table is None and sentence.value == "0.95"
    assert cell.table.startswith("财政拨款“三公”经费支出决算表") and cell.column.endswith("公务接待费/决算数")
    assert cell.value == "" and cell.page == next(f["page"] for f in putuo.facts if f["table_kind"] == "三公经费支出决算表")
