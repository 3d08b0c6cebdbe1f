"""The generated corpus of benchmarks/scale.py (tests/generated_reports.py): deterministic, distinct,
varied as it says, read back with its department, year and kind, its figures found by the answerer,
and consistent to the checks (a planted error found)."""
from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from generated_reports import figures, report, spec, write_corpus

SAMPLE = 20


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory):
    from index.store import Store
    from ingest import ingest_paths

    folder = tmp_path_factory.mktemp("generated")
    paths = write_corpus(folder / "reports", SAMPLE)
    with Store(folder / "index") as store:
        results = ingest_paths(paths, store)
    assert all(r.ok and not r.skipped for r in results), [r.message for r in results if not r.ok]
    return folder / "index"


def test_deterministic_by_seed():
    assert [spec(i) for i in range(10)] == [spec(i) for i in range(10)]
    assert report(spec(3)) == report(spec(3))
    assert [spec(i, seed=1).department for i in range(10)] != [spec(i, seed=2).department for i in range(10)]


def test_distinct_documents():
    specs = [spec(i) for i in range(200)]
    assert len({s.department for s in specs}) == 200
    texts = [report(s) for s in specs[:30]]
    assert len({hashlib.sha256(t.encode()).hexdigest() for t in texts}) == 30
    assert len({(s.department, s.year) for s in specs}) == 200
    assert {s.year for s in specs} == set(range(2019, 2026))
    assert len({s.department[2] for s in specs}) == 3  # 市, 县, 区


def test_layouts_vary_over_a_sample():
    specs = [spec(i) for i in range(30)]
    assert {s.kind for s in specs} == {"决算", "预算"}
    assert {s.unit for s in specs} == {"万元", "元"}
    for flag in ("thousands", "blank_zeros", "zero_columns", "markdown"):
        assert {getattr(s, flag) for s in specs} == {True, False}, flag
    assert any(s.table_order != (1, 2, 3, 4, 5, 6, 7) for s in specs)
    assert {t for s in specs for t in s.omit_tables} == {2, 6, 7}
    assert {x for s in specs for x in s.omit_sections} == {"五", "六", "七"}
    assert len({s.layout for s in specs}) >= 25


def test_the_text_prints_what_the_spec_says():
    specs = [spec(i) for i in range(30)]
    for s in specs:
        text = report(s)
        lines = text.splitlines()
        assert s.department in text and f"{s.year} 年度" in text
        assert ("决算" in text) == (s.kind == "决算") and ("收入支出预算总表" in text) == (s.kind == "预算")
        assert ("单位：元" in text) == (s.unit == "元")
        assert any(line.startswith("## ") for line in lines) == s.markdown
        assert ("“三公”经费支出" + s.kind + "表") in text or 7 in s.omit_tables
        titles = [line[2:4] for line in lines if line.startswith("公开") and line.endswith("表")]
        assert [int(t) for t in titles] == [t for t in s.table_order if t not in s.omit_tables]
        spending = next(line for line in lines if line.startswith("项目\t\t本年支出合计"))
        assert ("对附属单位补助支出" in spending) == s.zero_columns
        total = figures(s)["本年支出合计"]
        assert (f"{total:,.2f}" if s.thousands else f"{total:.2f}") in text
    blank = next(s for s in specs if s.blank_zeros and s.zero_columns)
    assert "\t0.00" not in report(blank).split("\n第三部分\n")[0]
    zeros = next(s for s in specs if not s.blank_zeros and s.zero_columns)
    assert "\t0.00" in report(zeros).split("\n第三部分\n")[0]


def test_ingested_with_department_year_and_kind(sample_index):
    from index.store import Store

    with Store(sample_index, readonly=True) as store:
        docs = {d["name"]: d for d in store.documents()}
    assert len(docs) == SAMPLE
    for i in range(SAMPLE):
        s, d = spec(i), docs[f"gen_16_{i:04d}.txt"]
        assert (d["department"], d["year"], d["report_kind"]) == (s.department, s.year, s.kind)


def _value(result: dict) -> Decimal:
    assert result["status"] == "answered", result["answer"]
    return Decimal(result["figures"][0]["value"].replace(",", ""))


def test_figures_found_by_the_answerer(sample_index):
    from answer import Answerer

    answerer = Answerer(sample_index, search=False)
    asked = 0
    try:
        for i in range(SAMPLE):
            s = spec(i)
            f = figures(s)
            kind = "预算" if s.kind == "预算" else ""
            who = f"{s.department}{s.year}年{kind}"
            assert _value(answerer.ask(f"{who}本年支出合计是多少？")) == f["本年支出合计"], s
            assert _value(answerer.ask(f"{who}行政运行（2150501）支出是多少？")) == f["行政运行"], s
            if 7 not in s.omit_tables:
                assert _value(answerer.ask(f"{who}三公经费是多少？")) == f["三公经费合计"], s
                asked += 1
            if 6 not in s.omit_tables:
                assert _value(answerer.ask(f"{who}基本支出是多少？")) == f["基本支出"], s
    finally:
        answerer.close()
    assert asked >= 5


def test_checks_find_no_error_on_the_sample(sample_index):
    from checks.run import check_index

    findings = check_index(sample_index)
    assert len(findings) == SAMPLE
    errors = {name: [f.message for f in found if f.severity == "error"] for name, found in findings.items()}
    assert not any(errors.values()), {k: v[:2] for k, v in errors.items() if v}


def test_a_planted_error_is_found(tmp_path):
    from checks.run import check_index
    from index.store import Store
    from ingest import ingest_paths

    s = next(spec(i) for i in range(50) if spec(i).unit == "元" and 7 not in spec(i).omit_tables)
    path = tmp_path / "planted.txt"
    path.write_text(report(s, plant="sangong-parts"), encoding="utf-8")
    with Store(tmp_path / "index") as store:
        ingest_paths([path], store)
    errors = [f for f in check_index(tmp_path / "index")["planted.txt"] if f.severity == "error"]
    assert any(f.rule == "sangong-parts" or "三公" in f.message for f in errors), [f.message for f in errors]
