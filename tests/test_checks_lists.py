"""Issue 14, a list of items against its 合计 (list-total): the 政府采购预算表 of the Jiangsu budgets
prints no subject codes, its 合计 the sum of 一、货物 / 二、工程 / 三、服务 with each one's projects
and items under it.  Planted on the real 2017 省检察院 budget (一、货物 printed 1.00 higher): an
error citing the 合计 and the numbered rows; as printed, none (nor on any of the corpus's fifteen
such tables, tests/test_checks.py)."""
from __future__ import annotations

import pytest
from conftest import CORPUS
from test_checks_blank import real_report

REPORT = CORPUS / "budget" / "jiangsu" / "江苏省人民检察院" / "2017年省检察院部门预算.pdf"
# name → (row changed, rule, severity)
PLANTED = {"goods_one_higher": ("一、货物A", "list-total", "error")}


@pytest.fixture(scope="module")
def procurement(tmp_path_factory):
    return real_report(tmp_path_factory, REPORT)


def test_the_printed_list_adds_up(procurement):
    from checks.lists import list_total

    assert any(f["table_kind"] == "政府采购预算表" for f in procurement.facts)
    assert list_total(procurement) == []


@pytest.mark.parametrize("name", PLANTED)
def test_a_numbered_row_changed(procurement, name):
    import dataclasses

    from checks.lists import list_total

    row, rule, severity = PLANTED[name]
    changed = [{**f, "number": f["number"] + 1, "value_text": f"{f['number'] + 1:,.2f}"}
               if f["table_kind"] == "政府采购预算表" and f["row_label"] == row else f for f in procurement.facts]
    [f] = list_total(dataclasses.replace(procurement, facts=changed))
    assert (f.rule, f.severity, f.printed, f.expected) == (rule, severity, "2,889.80", "2890.80")
    assert [c.row for c in f.cells][:2] == ["合计", row] and all(c.table and c.page for c in f.cells)
