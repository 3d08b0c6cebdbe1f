"""Comparison charts (ui.charts) and the short department names they are labelled with
(index.departments.short_names), checked on the chart's Vega-Lite spec and on every department
name of the corpus."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import REAL_REPORTS, TEXTS, ingested

ITEMS = [("上海市普陀区财政局", Decimal("2106.66"), "2,106.66"),
         ("中共上海市普陀区委社会工作部", Decimal("12345.60"), "12,345.60"),
         ("上海市普陀区规划和自然资源局", Decimal("560.01"), "560.01"),
         ("晋江市经信部门", None, "—")]


def _layers(chart) -> list[dict]:
    spec = chart.to_dict()
    return spec.get("layer", [spec]), spec


def test_bars_are_horizontal_largest_on_top_with_whole_level_labels_and_the_unit():
    from ui.charts import bar_chart

    layers, spec = _layers(bar_chart(ITEMS, "万元", title="支出合计"))
    bars = next(layer for layer in layers if (layer["mark"]["type"] if isinstance(layer["mark"], dict)
                                                 else layer["mark"]) == "bar")
    y, x = bars["encoding"]["y"], bars["encoding"]["x"]
    assert y["type"] == "nominal" and x["type"] == "quantitative"
    assert y["sort"] == ["中共上海市普陀区委社会工作部", "上海市普陀区财政局", "上海市普陀区规划和自然资源局"]
    assert y["axis"]["labelLimit"] == 0 and y["axis"]["labelAngle"] == 0
    assert "万元" in x["title"] and "支出合计" in x["title"]
    rows = spec["data"]["values"]
    assert [r["value"] for r in rows] == sorted((r["value"] for r in rows), reverse=True)
    assert {r["printed"] for r in rows} == {"2,106.66万元", "12,345.60万元", "560.01万元"}  # as printed
    assert {t["field"] for t in bars["encoding"]["tooltip"]} == {"full", "printed"}
    assert len(rows) == 3  # the department without a figure has no bar


def test_the_unit_alone_titles_the_axis_and_the_value_is_shown_when_nothing_was_printed():
    from ui.charts import bar_chart

    layers, spec = _layers(bar_chart([("甲单位", 3.5), ("乙单位", 10)], "人"))
    assert layers[0]["encoding"]["x"]["title"] == "人"
    assert [r["printed"] for r in spec["data"]["values"]] == ["10人", "3.5人"]
    assert bar_chart([("甲单位", None), ("乙单位", float("nan"))], "万元") is None


def test_labels_are_the_short_names_and_the_tooltip_keeps_the_printed_name():
    from index.departments import short_names
    from ui.charts import bar_chart

    names = [name for name, _, _ in ITEMS]
    layers, spec = _layers(bar_chart(ITEMS, "万元", labels=short_names(names)))
    assert layers[0]["encoding"]["y"]["sort"] == ["中共普陀区委社会工作部", "普陀区财政局", "普陀区规划和自然资源局"]
    assert {r["full"] for r in spec["data"]["values"]} == set(names[:3])


def test_comparison_chart_reads_the_apps_comparison_table():
    import pandas as pd

    from ui.charts import comparison_chart

    frame = pd.DataFrame([{"部门": n, "年度": 2024, "印出的数字": p, "数值": None if v is None else float(v), "单位": "万元"}
                          for n, v, p in ITEMS])
    layers, spec = _layers(comparison_chart(frame, title="支出合计"))
    assert layers[0]["encoding"]["y"]["sort"][0] == "中共普陀区委社会工作部"
    assert layers[0]["encoding"]["x"]["title"] == "支出合计（万元）"
    mixed = frame.assign(单位=["万元", "元", "万元", "万元"])
    assert comparison_chart(mixed) is None  # one axis cannot hold two units


# --- short names -----------------------------------------------------------------------------

# every department of the corpus, as its documents print the name (the Jiangsu budgets' from
# their covers and 部门： lines), and the label it gets among all of them
CORPUS_SHORT = {
    "泉州市数字泉州建设办公室": "数字泉州建设办公室",
    "晋城市大数据应用局": "大数据应用局",
    "福州市“智慧福州”管理服务中心": "“智慧福州”管理服务中心",
    "晋江市经信部门": "经信部门",
    "九江市浔阳区数字经济发展中心": "浔阳区数字经济发展中心",
    "上海市普陀区财政局": "普陀区财政局",
    "上海市普陀区规划和自然资源局": "普陀区规划和自然资源局",
    "中共上海市普陀区委社会工作部": "中共普陀区委社会工作部",
    "江苏省人大常委会办公厅": "人大常委会办公厅",
    "江苏省人民检察院": "人民检察院",
    "中共江苏省委办公厅": "中共江苏省委办公厅",  # 省委 is a word: the province stays
    "江苏省政协办公厅": "政协办公厅",
    "江苏省高级人民法院": "高级人民法院",
}


def test_the_corpus_list_is_what_the_reports_print():
    printed = {ingested(p).meta.department for p in TEXTS + REAL_REPORTS}
    assert printed <= set(CORPUS_SHORT), printed - set(CORPUS_SHORT)


def test_short_names_of_every_department_in_the_corpus():
    from index.departments import short_names

    short = short_names(list(CORPUS_SHORT))
    assert short == CORPUS_SHORT
    assert len(set(short.values())) == len(short)


@pytest.mark.parametrize("names, expected", [
    # only the first place goes; the district stays
    (["黑龙江省哈尔滨市道里区卫生健康局", "浙江省杭州市西湖区农业农村局"],
     ["哈尔滨市道里区卫生健康局", "杭州市西湖区农业农村局"]),
    # autonomous regions and prefectures, 盟
    (["内蒙古自治区呼和浩特市教育局", "广西壮族自治区南宁市水利局", "延边朝鲜族自治州图们市民政局", "锡林郭勒盟行政公署"],
     ["呼和浩特市教育局", "南宁市水利局", "图们市民政局", "行政公署"]),
    # what is left would be under four characters: the name as printed
    (["北京市财政局", "广西壮族自治区财政厅", "重庆市渝中区财政局"], ["北京市财政局", "广西壮族自治区财政厅", "渝中区财政局"]),
    # two names would share a label: both as printed; a short form that is another's printed name
    (["北京市朝阳区教育委员会", "辽宁省朝阳区教育委员会", "天津市河西区教育局"],
     ["北京市朝阳区教育委员会", "辽宁省朝阳区教育委员会", "河西区教育局"]),
    (["普陀区财政局", "上海市普陀区财政局"], ["普陀区财政局", "上海市普陀区财政局"]),
    # the level word begins a word of the name (市场, 市级, 县委) or the "place" is a zone
    (["厦门市市场监督管理局", "福建省级机关事务管理局", "中共长沙县委组织部", "苏州工业园区管理委员会", "城市管理局"],
     ["市场监督管理局", "福建省级机关事务管理局", "中共长沙县委组织部", "苏州工业园区管理委员会", "城市管理局"]),
    # 中共 stays in front
    (["中共北京市海淀区委宣传部"], ["中共海淀区委宣传部"]),
])
def test_short_names_of_other_provinces(names, expected):
    from index.departments import short_names

    assert list(short_names(names).values()) == expected


def test_short_names_keeps_every_name_and_repeats_are_harmless():
    from index.departments import short_names

    assert short_names([]) == {}
    assert short_names(["上海市普陀区财政局", "上海市普陀区财政局"]) == {"上海市普陀区财政局": "普陀区财政局"}
    assert short_names(["表一"]) == {"表一": "表一"}
