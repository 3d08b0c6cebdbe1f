"""Figures printed in 元 beside figures in 万元: each keeps its printed unit, and a comparison across
departments converts the 元 to 万元, marked computed (issue 13's units). The 元 report is the
synthetic report (tests/synthetic_report.py) with its 三公 table printed in 元, ranked against the
real 泉州 report, whose 三公 table is in 万元."""
import re
from decimal import Decimal

import pytest

from conftest import TEXTS
from synthetic_report import DEPARTMENT, report_text


def _in_yuan(text: str) -> str:
    """The report with its 三公 table (公开07表) printed in 元: its unit line and every amount ×10000."""
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if "“三公”经费支出决算表" in l and l.startswith("七、"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注："))
    for i in range(start, end):
        if lines[i] == "单位：万元":
            lines[i] = "单位：元"
        elif "\t" in lines[i]:
            cells = lines[i].split("\t")
            lines[i] = "\t".join(f"{Decimal(c.replace(',', '')) * 10000:.2f}" if re.fullmatch(r"\d[\d,]*\.\d{2}", c)
                                 else c for c in cells)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    from answer import Answerer
    from ingest import ingest_paths
    from index.store import Store

    folder = tmp_path_factory.mktemp("yuan")
    report = folder / "yuan_report.txt"
    report.write_text(_in_yuan(report_text()), encoding="utf-8")
    quanzhou = next(p for p in TEXTS if p.name.startswith("000_"))
    with Store(folder / "index") as store:
        results = ingest_paths([report, quanzhou], store)
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]
    answerer = Answerer(folder / "index", search=False)
    yield answerer.ask
    answerer.close()


def test_a_figure_keeps_the_unit_its_table_prints(ask):
    fig = ask(f"{DEPARTMENT}2023年三公经费是多少")["figures"][0]
    assert fig["unit"] == "元" and "." in fig["value"] and Decimal(fig["value"].replace(",", "")) > 1000


def test_a_comparison_converts_yuan_to_wan_and_says_so(ask):
    result = ask(f"2023年{DEPARTMENT}和泉州数字办的三公经费谁多？")
    assert result["status"] == "answered", result["answer"]
    assert any("以元为单位" in w and "换算" in w for w in result["warnings"]), result["warnings"]
    units = {c["unit"] for c in result["comparison"]}
    assert units == {"万元"}
