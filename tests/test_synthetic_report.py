"""The synthetic report: it ingests like a corpus report, every identity it is built to satisfy
holds on the ingested facts and statements, and each plant changes only the cells it names and
breaks the identity it is meant to break."""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from synthetic_report import DEPARTMENT, PLANTS, YEAR, report_text, write_report

KINDS = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
         "基本支出决算表", "三公经费支出决算表", "项目支出绩效自评表"}


@functools.cache
def _ingested(folder: Path, plant: str | None):
    from ingest import ingest_file

    return ingest_file(write_report(folder, plant))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("synthetic")


def _cells(doc) -> dict[tuple, str]:
    seen: Counter = Counter()
    out = {}
    for f in doc.facts:
        key = (f.table_kind, f.row_label, f.row_code, f.column)
        seen[key] += 1
        out[key + (seen[key],)] = f.value_text
    return out


def _value(doc, kind: str, label: str, column: str | None = None, code: str | None = None, nth: int = 0) -> Decimal:
    found = [f.number for f in doc.facts if f.table_kind == kind and f.row_label == label
             and (column is None or f.column == column) and (code is None or f.row_code == code)]
    return found[nth]


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def identities(doc) -> dict[str, tuple]:
    """Every identity the report is built to satisfy: name -> (printed, expected)."""
    out: dict[str, tuple] = {}
    facts = [f for f in doc.facts if f.number is not None]
    by_kind = defaultdict(list)
    for f in facts:
        by_kind[f.table_kind].append(f)

    for kind in ("收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表", "基本支出决算表"):
        kids, parents, classes, totals = defaultdict(list), {}, defaultdict(list), {}
        for f in by_kind[kind]:
            if f.row_code:
                parents[(f.row_group, f.row_code, f.column)] = f.number
                if f.row_parent:
                    kids[(f.row_group, f.row_parent, f.column)].append(f.number)
                if f.row_level == "类":
                    classes[f.column].append(f.number)
            elif f.row_label == "合计":
                totals[f.column] = f.number
        for (group, code, column), values in kids.items():
            out[f"{kind} {code}=Σ下级 {column}"] = (parents[(group, code, column)], sum(values))
        for column, total in totals.items():
            out[f"{kind} 合计=Σ类 {column}"] = (total, sum(classes[column]))
    for kind, whole in (("收入决算表", "本年收入合计"), ("支出决算表", "本年支出合计"),
                        ("一般公共预算财政拨款支出决算表", "本年支出/小计")):
        rows = defaultdict(dict)
        for f in by_kind[kind]:
            rows[(f.row_label, f.row_code)][f.column] = f.number
        for (label, code), cols in rows.items():
            out[f"{kind} {code or label} {whole}=Σ各列"] = (cols[whole], sum(v for c, v in cols.items() if c != whole))

    summary = by_kind["收入支出决算总表"]
    income_items = [f.number for f in summary if f.row_group == 0 and re.match(r"^[一二三四五六七八]、", f.row_label)]
    class_items = [f.number for f in summary if f.row_group == 1 and re.match(r"^[一二三四五六七八九十]+、", f.row_label)]
    v = functools.partial(_value, doc, "收入支出决算总表")
    out["总表 本年收入合计=Σ收入"] = (v("本年收入合计"), sum(income_items))
    out["总表 本年支出合计=Σ类"] = (v("本年支出合计"), sum(class_items))
    out["总表 收入总计"] = (v("总计", "收入/决算数"), v("本年收入合计") + v("使用非财政拨款结余") + v("年初结转和结余"))
    out["总表 支出总计"] = (v("总计", "支出/决算数"), v("本年支出合计") + v("结余分配") + v("年末结转和结余"))
    out["总表 收入总计=支出总计"] = (v("总计", "收入/决算数"), v("总计", "支出/决算数"))

    fiscal = by_kind["财政拨款收入支出决算总表"]
    w = functools.partial(_value, doc, "财政拨款收入支出决算总表")
    funds = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    for column in ("合计",) + funds:
        items = [f.number for f in fiscal if f.column == f"支出/{column}" and re.match(r"^[一二三四五六七八九十]+、", f.row_label)]
        out[f"财政总表 本年支出合计=Σ类 {column}"] = (w("本年支出合计", f"支出/{column}"), sum(items))
    rows = defaultdict(dict)
    for f in fiscal:
        if f.row_group == 1:
            rows[f.row_label][f.column.split("/")[-1]] = f.number
    for label, cols in rows.items():
        out[f"财政总表 {label} 合计=Σ资金"] = (cols["合计"], sum(cols[c] for c in funds))
    out["财政总表 本年收入合计"] = (w("本年收入合计"), sum(w(f"{['一', '二', '三'][i]}、{c}", nth=0) for i, c in enumerate(funds)))
    out["财政总表 收入总计"] = (w("总计", "收入/金额"), w("本年收入合计") + w("年初财政拨款结转和结余"))
    out["财政总表 支出总计"] = (w("总计", "支出/合计"), w("本年支出合计", "支出/合计") + w("年末财政拨款结转和结余", "支出/合计"))

    b = functools.partial(_value, doc, "基本支出决算表")
    basic = by_kind["基本支出决算表"]
    out["基本支出表 人员经费合计=Σ类"] = (b("人员经费合计"), sum(f.number for f in basic if f.row_group == 0 and f.row_level == "类"))
    out["基本支出表 公用经费合计=Σ类"] = (b("公用经费合计"), sum(f.number for f in basic if f.row_group > 0 and f.row_level == "类"))

    s = functools.partial(_value, doc, "三公经费支出决算表")
    out["三公 合计=Σ三项"] = (s("合计"), s("1.因公出国（境）费") + s("2.公务用车购置及运行维护费") + s("3.公务接待费"))
    out["三公 公务用车=购置+运行"] = (s("2.公务用车购置及运行维护费"), s("其中：（1）公务用车购置费") + s("（2）公务用车运行维护费"))

    x = functools.partial(_value, doc, "支出决算表")
    g = functools.partial(_value, doc, "一般公共预算财政拨款支出决算表")
    for f in by_kind["支出决算表"]:
        if f.row_code and f.column == "本年支出合计":
            out[f"支出表={f.row_code}=一般公共预算表"] = (f.number, g(f.row_label, "本年支出/小计", code=f.row_code))
    names = {f.row_label.split("、", 1)[1]: f.number for f in summary if f.row_group == 1 and "、" in f.row_label}
    for f in by_kind["支出决算表"]:
        if f.row_level == "类" and f.column == "本年支出合计":
            out[f"总表类 {f.row_label}=支出表"] = (names[f.row_label], f.number)
            out[f"财政总表类 {f.row_label}=支出表"] = (
                next(h.number for h in fiscal if h.row_label.endswith(f"、{f.row_label}") and h.column == "支出/合计"), f.number)
    out["本年支出合计 总表=支出表"] = (v("本年支出合计"), x("合计", "本年支出合计"))
    out["本年支出合计 总表=财政总表"] = (v("本年支出合计"), w("本年支出合计", "支出/合计"))
    out["本年支出合计 总表=一般公共预算表"] = (v("本年支出合计"), g("合计", "本年支出/小计"))
    out["本年收入合计 总表=收入表"] = (v("本年收入合计"), _value(doc, "收入决算表", "合计", "本年收入合计"))
    out["年末结转 总表=财政总表"] = (v("年末结转和结余"), w("年末财政拨款结转和结余", "支出/合计"))
    out["年初结转 总表=财政总表"] = (v("年初结转和结余"), w("年初财政拨款结转和结余"))
    out["基本支出 支出表=人员+公用"] = (x("合计", "基本支出"), b("人员经费合计") + b("公用经费合计"))
    out["基本支出 一般公共预算表=人员+公用"] = (g("合计", "本年支出/基本支出"), b("人员经费合计") + b("公用经费合计"))

    from domain.statements import statements

    said = {}
    for st in statements([dataclasses.asdict(p) for p in doc.passages], [DEPARTMENT]):
        said.setdefault(st.subject, []).append(st)
    for subject, table in (("收入合计", v("本年收入合计")), ("支出合计", v("本年支出合计"))):
        [st] = said[subject]
        amount, change = Decimal(st.amount), Decimal(st.change)
        out[f"正文 {subject}=表"] = (amount, table)
        out[f"正文 {subject} 增长率"] = (Decimal(st.change_pct), _pct(change, amount - change))
    out["正文 收入总计=表"] = (Decimal(said["收入总计"][0].amount), v("总计", "收入/决算数"))
    out["正文 基本支出=表"] = (Decimal(said["一般公共预算财政拨款基本支出"][0].amount), g("合计", "本年支出/基本支出"))
    out["正文 人员经费=表"] = (Decimal(said["人员经费"][0].amount), b("人员经费合计"))
    out["正文 公用经费=表"] = (Decimal(said["公用经费"][0].amount), b("公用经费合计"))
    [sangong] = said["一般公共预算拨款三公经费支出"]
    [budget] = said["一般公共预算拨款三公经费"]
    out["正文 三公=表"] = (Decimal(sangong.amount), s("合计"))
    out["正文 三公完成率"] = (Decimal(sangong.completion), _pct(Decimal(sangong.amount), Decimal(budget.budget)))
    first, second = said["涉及财政拨款资金共计"]
    out["正文 绩效资金两处一致"] = (Decimal(first.amount), Decimal(second.amount))
    procurement = [Decimal(said[k][0].amount) for k in ("政府采购支出总额", "政府采购货物支出", "政府采购工程支出", "政府采购服务支出")]
    out["正文 政府采购总额=Σ三类"] = (procurement[0], sum(procurement[1:]))

    score = _value(doc, "项目支出绩效自评表", "总分值、评价总分（S）")
    grade = next(f.value_text for f in doc.facts if f.row_label == "评价等级")[0]
    band = "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"
    out["自评表 等级=总分档"] = (grade, band)
    return out


def _broken(doc) -> set[str]:
    return {name for name, (printed, expected) in identities(doc).items() if printed != expected}


def test_consistent_report_ingests_like_a_corpus_report(folder):
    doc = _ingested(folder, None)
    assert (doc.meta.department, doc.meta.year, doc.meta.report_kind) == (DEPARTMENT, YEAR, "决算")
    assert {t.kind for t in doc.tables} == KINDS
    assert not doc.warnings
    assert all(f.department == DEPARTMENT and f.year == YEAR for f in doc.facts)


@pytest.mark.parametrize("kind, label, column, value", [
    ("收入支出决算总表", "本年收入合计", "收入/决算数", "1208.50"),
    ("收入支出决算总表", "年末结转和结余", "支出/决算数", "28.64"),
    ("收入支出决算总表", "十九、住房保障支出", "支出/决算数", "41.52"),
    ("支出决算表", "合计", "基本支出", "418.98"),
    ("一般公共预算财政拨款支出决算表", "合计", "本年支出/小计", "1216.28"),
    ("财政拨款收入支出决算总表", "本年支出合计", "支出/一般公共预算财政拨款", "1216.28"),
    ("基本支出决算表", "人员经费合计", "人员经费/金额", "356.12"),
    ("基本支出决算表", "公用经费合计", "公用经费/金额", "62.86"),
    ("三公经费支出决算表", "合计", "决算数", "23.18"),
    ("三公经费支出决算表", "其中：（1）公务用车购置费", "决算数", "15.80"),
    ("项目支出绩效自评表", "总分值、评价总分（S）", "指标分值", "95"),
    ("项目支出绩效自评表", "评价等级", "内容", "优（S≥90）"),
])
def test_the_facts_that_matter_are_read_as_printed(folder, kind, label, column, value):
    doc = _ingested(folder, None)
    assert [f.value_text for f in doc.facts if (f.table_kind, f.row_label, f.column) == (kind, label, column)] == [value]


def test_both_totals_and_subject_levels_are_read(folder):
    doc = _ingested(folder, None)
    totals = {(f.table_kind, f.column) for f in doc.facts if f.row_label == "总计"}
    assert {("收入支出决算总表", "收入/决算数"), ("收入支出决算总表", "支出/决算数"),
            ("财政拨款收入支出决算总表", "收入/金额"), ("财政拨款收入支出决算总表", "支出/合计")} <= totals
    levels = {(f.row_code, f.row_level, f.row_parent) for f in doc.facts if f.table_kind == "支出决算表" and f.row_code}
    assert {("215", "类", None), ("21505", "款", "215"), ("2150599", "项", "21505")} <= levels


def test_every_identity_holds_in_the_consistent_report(folder):
    found = identities(_ingested(folder, None))
    assert len(found) > 100
    assert {name: pair for name, pair in found.items() if pair[0] != pair[1]} == {}


EXPECTED_CHANGES = {
    "total-rows": {("支出决算表", "合计", None, "本年支出合计", 1): ("1216.28", "1226.28")},
    "subject-rollup": {("支出决算表", "工业和信息产业监管", "21505", "本年支出合计", 1): ("951.95", "956.95")},
    "total-columns": {("支出决算表", "其他工业和信息产业监管支出", "2150599", "基本支出", 1): ("23.18", "24.18")},
    "summary-balance": {("收入支出决算总表", "年末结转和结余", None, "支出/决算数", 1): ("28.64", "31.64")},
    "cross-table": {
        **{("一般公共预算财政拨款支出决算表", label, code, column, 1): ("35.00", "39.00")
           for label, code in (("一般公共服务支出", "201"), ("发展与改革事务", "20104"), ("其他发展与改革事务支出", "2010499"))
           for column in ("本年支出/小计", "本年支出/项目支出")},
        ("一般公共预算财政拨款支出决算表", "合计", None, "本年支出/小计", 1): ("1216.28", "1220.28"),
        ("一般公共预算财政拨款支出决算表", "合计", None, "本年支出/项目支出", 1): ("797.30", "801.30")},
    "basic-split": {("基本支出决算表", "公用经费合计", None, "公用经费/金额", 1): ("62.86", "64.86")},
    "sangong-parts": {("三公经费支出决算表", "合计", None, "决算数", 1): ("23.18", "24.18")},
    "performance-grade": {("项目支出绩效自评表", "评价等级", None, "内容", 1): ("优（S≥90）", "中（80>S≥60）")},
    "rounding": {("支出决算表", "机关事业单位职业年金缴费支出", "2080506", "本年支出合计", 1): ("12.16", "12.17")},
}
EXPECTED_PASSAGE = {
    "narrative-table": ("支出合计1216.28万元", "支出合计1126.28万元"),
    "narrative-rates": ("增长9.63%", "增长12.63%"),
    "narrative-completion": ("完成全年预算的92.72%", "完成全年预算的87.72%"),
    "narrative-sums": ("政府采购货物支出12.60万元", "政府采购货物支出13.60万元"),
    "narrative-repeat": ("部门评价,分别是数据资源平台运维等项目,涉及财政拨款资金共计797.30万元",
                         "部门评价,分别是数据资源平台运维等项目,涉及财政拨款资金共计1297.30万元"),
}
EXPECTED_BROKEN = {
    "total-rows": "支出决算表 合计=Σ类 本年支出合计",
    "subject-rollup": "支出决算表 21505=Σ下级 本年支出合计",
    "total-columns": "支出决算表 2150599 本年支出合计=Σ各列",
    "summary-balance": "总表 支出总计",
    "cross-table": "支出表=201=一般公共预算表",
    "basic-split": "基本支出 支出表=人员+公用",
    "sangong-parts": "三公 合计=Σ三项",
    "narrative-table": "正文 支出合计=表",
    "narrative-rates": "正文 收入合计 增长率",
    "narrative-completion": "正文 三公完成率",
    "narrative-sums": "正文 政府采购总额=Σ三类",
    "narrative-repeat": "正文 绩效资金两处一致",
    "performance-grade": "自评表 等级=总分档",
    "rounding": "支出决算表 20805=Σ下级 本年支出合计",
}


def test_every_plant_is_covered():
    assert set(PLANTS) == set(EXPECTED_CHANGES) | set(EXPECTED_PASSAGE) == set(EXPECTED_BROKEN)
    assert all(PLANTS.values())


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_plant_changes_only_its_cells(folder, plant):
    base, doc = _ingested(folder, None), _ingested(folder, plant)
    before, after = _cells(base), _cells(doc)
    assert before.keys() == after.keys()
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert changed == EXPECTED_CHANGES.get(plant, {})
    texts = [(p.text, q.text) for p, q in zip(base.passages, doc.passages, strict=True) if p.text != q.text]
    if plant in EXPECTED_PASSAGE:
        old, new = EXPECTED_PASSAGE[plant]
        [(was, now)] = texts
        assert old in was and new in now and was.replace(old, new) == now
    else:
        assert texts == []


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_plant_breaks_its_identity(folder, plant):
    broken = _broken(_ingested(folder, plant))
    assert EXPECTED_BROKEN[plant] in broken, broken


def test_text_differs_from_the_consistent_report_only_where_planted():
    base = report_text().splitlines()
    for plant in PLANTS:
        lines = report_text(plant).splitlines()
        assert len(lines) == len(base)
        changed = [i for i, (a, b) in enumerate(zip(base, lines)) if a != b]
        assert 1 <= len(changed) <= 4, (plant, changed)
    with pytest.raises(ValueError):
        report_text("no-such-plant")
