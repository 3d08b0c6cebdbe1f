"""A fictional final-accounts report (示例市数据管理局, 2023) in the corpus text format.

Owns the report's figures, built from a few leaf amounts so that every total, roll-up, cross-table
figure and narrative statement agrees, and the planted variants (`PLANTS`), each of which changes
one printed figure (cross-table: one subject, consistently within one table) and nothing else.

The same figures can be printed under another department and year (a 决算 beside a real budget
of that department and year), with chosen cells printed otherwise (`cells`: "" for a blank, 0.00
…) and chosen tables or narrative sections left out (`omit_tables`, `omit_sections`).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DEPARTMENT = "示例市数据管理局"
YEAR = 2023

_CENT = Decimal("0.01")


def _d(text: str) -> Decimal:
    return Decimal(text)


def _money(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP):.2f}"


def _rate(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(_CENT, ROUND_HALF_UP)


_FUNCTION_CLASSES = (
    "一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出", "六、科学技术支出",
    "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出", "十、节能环保支出", "十一、城乡社区支出",
    "十二、农林水支出", "十三、交通运输支出", "十四、资源勘探工业信息等支出", "十五、商业服务业等支出", "十六、金融支出",
    "十七、援助其他地区支出", "十八、自然资源海洋气象等支出", "十九、住房保障支出", "二十、粮油物资储备支出",
    "二十一、国有资本经营预算支出", "二十二、灾害防治及应急管理支出", "二十三、其他支出", "二十四、债务还本支出",
    "二十五、债务付息支出", "二十六、抗疫特别国债安排的支出",
)
_CLASS_ORDINAL = {"201": "一、一般公共服务支出", "208": "八、社会保障和就业支出", "210": "九、卫生健康支出",
                  "215": "十四、资源勘探工业信息等支出", "221": "十九、住房保障支出"}
_NAMES = {
    "201": "一般公共服务支出", "20104": "发展与改革事务",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗",
    "215": "资源勘探工业信息等支出", "21505": "工业和信息产业监管", "21508": "支持中小企业发展和管理支出",
    "221": "住房保障支出", "22102": "住房改革支出",
}
# 项: code, name, 基本支出, 项目支出, 本年收入 (the income differs from the spending where carried-over funds were used)
_ITEMS = (
    ("2010499", "其他发展与改革事务支出", "0.00", "35.00", "35.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "38.40", "0.00", "38.40"),
    ("2080506", "机关事业单位职业年金缴费支出", "12.16", "0.00", "12.16"),
    ("2101101", "行政单位医疗", "17.25", "0.00", "17.25"),
    ("2150501", "行政运行", "286.47", "0.00", "286.47"),
    ("2150599", "其他工业和信息产业监管支出", "23.18", "642.30", "657.70"),
    ("2150899", "其他支持中小企业发展和管理支出", "0.00", "120.00", "120.00"),
    ("2210201", "住房公积金", "41.52", "0.00", "41.52"),
)
_OPENING_BALANCE = _d("36.42")

# 基本支出 by economic subject; the last 公用经费 leaf (30299) is what makes 人员 + 公用 = 基本支出.
_PERSONNEL = (
    ("301", "工资福利支出", (
        ("30101", "基本工资", "98.36"), ("30102", "津贴补贴", "76.20"), ("30103", "奖金", "22.48"),
        ("30107", "绩效工资", "40.15"), ("30108", "机关事业单位基本养老保险缴费", "38.40"),
        ("30109", "职业年金缴费", "12.16"), ("30110", "职工基本医疗保险缴费", "17.25"),
        ("30113", "住房公积金", "41.52"), ("30199", "其他工资福利支出", "3.60"))),
    ("303", "对个人和家庭的补助", (("30305", "生活补助", "4.80"), ("30309", "奖励金", "1.20"))),
)
_GOODS = (
    ("30201", "办公费", "8.42"), ("30205", "水费", "0.86"), ("30206", "电费", "4.35"), ("30207", "邮电费", "3.12"),
    ("30211", "差旅费", "6.74"), ("30213", "维修（护）费", "2.10"), ("30215", "会议费", "1.05"),
    ("30216", "培训费", "1.38"), ("30217", "公务接待费", "1.62"), ("30228", "工会经费", "4.73"),
    ("30231", "公务用车运行维护费", "3.40"), ("30239", "其他交通费用", "9.80"),
)
_CAPITAL = (("31002", "办公设备购置", "2.50"), ("31007", "信息网络及软件购置更新", "0.00"))

_SANGONG = {"abroad": _d("2.36"), "car_purchase": _d("15.80"), "car_running": _d("3.40"), "reception": _d("1.62")}
_SANGONG_BUDGET = _d("25.00")
_SANGONG_LAST_YEAR = _d("20.05")
_INCOME_LAST_YEAR = _d("1102.30")
_SPENDING_LAST_YEAR = _d("1150.00")
_PROCUREMENT = {"goods": _d("12.60"), "works": _d("0.00"), "services": _d("468.35")}

_FORM_FUNDS = {"initial": _d("650.00"), "annual": _d("660.00"), "spent": _d("642.30")}
_FORM_FUNDS_SCORE = 9
_FORM_INDICATORS = (
    ("产出指标", "数量指标", "平台接入部门数", "≥40个", "42", 20, 20),
    ("", "质量指标", "平台可用率", "≥99.9%", "99.5%", 20, 18),
    ("", "时效指标", "故障响应时间", "≤2小时", "1小时", 10, 10),
    ("成本指标", "经济成本指标", "项目成本控制", "≤660万元", "642.30万元", 10, 10),
    ("效益指标", "社会效益指标", "数据共享调用次数", "≥500万次", "468万次", 20, 18),
    ("满意度指标", "服务对象满意度指标", "使用部门满意度", "≥90%", "96%", 10, 10),
)


def _build() -> dict:
    subjects: dict[str, dict[str, Decimal]] = {}
    for code, name, basic, project, income in _ITEMS:
        for key in (code[:3], code[:5], code):
            row = subjects.setdefault(key, {"basic": Decimal(0), "project": Decimal(0), "income": Decimal(0)})
            row["basic"] += _d(basic)
            row["project"] += _d(project)
            row["income"] += _d(income)
    for row in subjects.values():
        row["total"] = row["basic"] + row["project"]
    classes = [c for c in subjects if len(c) == 3]
    spend = {k: sum((subjects[c][k] for c in classes), Decimal(0)) for k in ("basic", "project", "total", "income")}
    income = spend["income"]
    grand = income + _OPENING_BALANCE
    closing = grand - spend["total"]

    personnel = [(code, name, [(c, n, _d(v)) for c, n, v in kids]) for code, name, kids in _PERSONNEL]
    personnel_total = sum((v for _, _, kids in personnel for _, _, v in kids), Decimal(0))
    capital = [(c, n, _d(v)) for c, n, v in _CAPITAL]
    goods = [(c, n, _d(v)) for c, n, v in _GOODS]
    residual = spend["basic"] - personnel_total - sum(v for *_, v in goods) - sum(v for *_, v in capital)
    goods.append(("30299", "其他商品和服务支出", residual))
    public_total = sum(v for *_, v in goods) + sum(v for *_, v in capital)
    assert residual > 0 and personnel_total + public_total == spend["basic"]

    car = _SANGONG["car_purchase"] + _SANGONG["car_running"]
    sangong = _SANGONG["abroad"] + car + _SANGONG["reception"]
    form_total = _FORM_FUNDS_SCORE + sum(i[6] for i in _FORM_INDICATORS)
    return {
        "subjects": subjects, "spend": spend, "income": income, "grand": grand, "closing": closing,
        "personnel": personnel, "personnel_total": personnel_total, "goods": goods, "capital": capital,
        "public_total": public_total, "car": car, "sangong": sangong, "form_total": form_total,
    }


_F = _build()


def _grade(score: int) -> str:
    if score >= 90:
        return "优 (S≥90)"
    if score >= 80:
        return "良 (90>S≥80)"
    if score >= 60:
        return "中 (80>S≥60)"
    return "差 (S<60)"


def _shift(delta: str):
    return lambda text: _money(_d(text) + _d(delta))


def _transpose(text: str) -> str:
    return text[0] + text[2] + text[1] + text[3:]


_S = _F["subjects"]
_CROSS_ROWS = ("201", "20104", "2010499")
_PLANT_CELLS: dict[str, dict[str, object]] = {
    "total-rows": {"03:合计:本年支出合计": _shift("10.00")},
    "subject-rollup": {"03:21505:本年支出合计": _shift("5.00")},
    "total-columns": {"03:2150599:基本支出": _shift("1.00")},
    "summary-balance": {"01:年末结转和结余": _shift("3.00")},
    "cross-table": {
        **{f"05:{c}:{col}": _shift("4.00") for c in _CROSS_ROWS for col in ("小计", "项目支出")},
        "05:合计:小计": _shift("4.00"), "05:合计:项目支出": _shift("4.00")},
    "basic-split": {"06:公用经费合计": _shift("2.00")},
    "sangong-parts": {"07:合计": _shift("1.00")},
    "narrative-table": {"n:支出合计": _transpose},
    "narrative-rates": {"n:收入增长率": _shift("3.00")},
    "narrative-repeat": {"n:部门评价资金": _shift("500.00")},
    "narrative-completion": {"n:三公完成率": _shift("-5.00")},
    "narrative-sums": {"n:政府采购货物支出": _shift("1.00")},
    "performance-grade": {"form:评价等级": lambda text: "中 (80>S≥60)"},
    "rounding": {"03:2080506:本年支出合计": _shift("0.01")},
}


def _describe() -> dict[str, str]:
    spend, s = _F["spend"], _S
    last_spend_change = spend["total"] - _SPENDING_LAST_YEAR
    income_change = _F["income"] - _INCOME_LAST_YEAR
    income_pct = _rate(income_change, _INCOME_LAST_YEAR)
    cross = "、".join(_CROSS_ROWS)
    item = s[_CROSS_ROWS[0]]
    return {
        "total-rows": f"支出决算表 合计行 本年支出合计 {_money(spend['total'])} → {_money(spend['total'] + 10)}"
                      "（合计 ≠ 各类之和，合计行 ≠ 基本支出 + 项目支出；也与其他表的本年支出合计、正文支出合计不一致）",
        "subject-rollup": f"支出决算表 21505 工业和信息产业监管（款）本年支出合计 {_money(s['21505']['total'])} → "
                          f"{_money(s['21505']['total'] + 5)}（215 类 ≠ 其款之和，21505 款 ≠ 其项之和，"
                          "该行本年支出合计 ≠ 基本支出 + 项目支出）",
        "total-columns": f"支出决算表 2150599 其他工业和信息产业监管支出（项）基本支出 {_money(s['2150599']['basic'])} → "
                         f"{_money(s['2150599']['basic'] + 1)}（该行本年支出合计 ≠ 基本支出 + 项目支出；21505 款、215 类、"
                         "合计行的基本支出也不再等于其下级之和）",
        "summary-balance": f"收入支出决算总表 支出方 年末结转和结余 {_money(_F['closing'])} → {_money(_F['closing'] + 3)}"
                           "（支出方总计 ≠ 本年支出合计 + 结余分配 + 年末结转和结余；也与财政拨款收入支出决算总表年末财政拨款结转和结余不一致）",
        "cross-table": f"一般公共预算财政拨款支出决算表 {cross} 三行的小计与项目支出各加 4.00（{_money(item['total'])} → "
                       f"{_money(item['total'] + 4)}），合计行小计 {_money(spend['total'])} → {_money(spend['total'] + 4)}、"
                       f"项目支出 {_money(spend['project'])} → {_money(spend['project'] + 4)}，共 8 格；本表内的类/款/项、"
                       "合计与小计 = 基本 + 项目仍成立，但与支出决算表同科目、收入支出决算总表与财政拨款收入支出决算总表的"
                       "一般公共服务支出及本年支出合计不一致",
        "basic-split": f"基本支出决算表 公用经费合计 {_money(_F['public_total'])} → {_money(_F['public_total'] + 2)}"
                       "（人员经费合计 + 公用经费合计 ≠ 支出决算表/一般公共预算财政拨款支出决算表合计行基本支出；"
                       "公用经费合计 ≠ 302 + 310、与正文公用经费金额不一致也会报出）",
        "sangong-parts": f"三公经费支出决算表 合计 {_money(_F['sangong'])} → {_money(_F['sangong'] + 1)}"
                         "（合计 ≠ 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；也与正文“三公”经费支出金额不一致）",
        "narrative-table": f"正文“2023年度支出合计…万元，比上年增加{_money(last_spend_change)}万元…”一句的金额 "
                           f"{_money(spend['total'])} → {_transpose(_money(spend['total']))}（数字对调；增减额与增长率照印，"
                           "因此与各表本年支出合计不一致，增长率也不再等于 增减额 ÷ (金额 − 增减额)）",
        "narrative-rates": f"正文“2023年度收入合计{_money(_F['income'])}万元，比上年增加{_money(income_change)}万元”一句的增长率 "
                           f"{_money(income_pct)}% → {_money(income_pct + 3)}%",
        "narrative-completion": f"正文“三公”经费一句的完成全年预算 {_money(_rate(_F['sangong'], _SANGONG_BUDGET))}% → "
                                f"{_money(_rate(_F['sangong'], _SANGONG_BUDGET) - 5)}%（决算数与预算数照印）",
        "narrative-sums": f"正文政府采购一句的货物支出 {_money(_PROCUREMENT['goods'])} → {_money(_PROCUREMENT['goods'] + 1)}万元"
                          "（总额与工程、服务支出照印，货物 + 工程 + 服务 ≠ 总额）",
        "narrative-repeat": f"正文预算绩效部分第二句（部门评价）涉及财政拨款资金共计 {_money(spend['project'])} → "
                            f"{_money(spend['project'] + 500)}万元（第一句单位自评仍为 {_money(spend['project'])}）",
        "performance-grade": f"项目支出绩效自评表 评价等级 {_grade(_F['form_total'])} → 中 (80>S≥60)，"
                             f"总分仍为 {_F['form_total']}",
        "rounding": f"支出决算表 2080506 机关事业单位职业年金缴费支出（项）本年支出合计 {_money(s['2080506']['total'])} → "
                    f"{_money(s['2080506']['total'] + _CENT)}（尾数差 0.01：20805 款 ≠ 其项之和，该行 ≠ 基本 + 项目，"
                    "与一般公共预算财政拨款支出决算表该项不一致）",
    }


PLANTS: dict[str, str] = _describe()


class _Printer:
    def __init__(self, plant: str | None, department: str = DEPARTMENT, year: int = YEAR,
                 cells: Mapping[str, str] | None = None):
        if plant is not None and plant not in PLANTS:
            raise ValueError(f"unknown plant {plant!r}; one of {', '.join(PLANTS)}")
        self.tweaks = _PLANT_CELLS.get(plant, {}) if plant else {}
        self.used: set[str] = set()
        self.department, self.year = department, year
        self.cells = dict(cells or {})
        self.printed: set[str] = set()

    def __call__(self, key: str, value: Decimal | str) -> str:
        if key in self.cells:
            self.printed.add(key)
            return self.cells[key]
        text = value if isinstance(value, str) else _money(value)
        tweak = self.tweaks.get(key)
        if tweak is None:
            return text
        self.used.add(key)
        return tweak(text)


def _row(*cells: str) -> str:
    return "\t".join(cells)


def _table_head(p: _Printer, heading: str, title: str, code: int) -> list[str]:
    return [heading, "", title, "", f"公开{code:02d}表", "", f"部门：{p.department}", "", "单位：万元", ""]


def _codes() -> list[str]:
    return sorted(_S)


def _name(code: str) -> str:
    return _NAMES.get(code) or next(n for c, n, *_ in _ITEMS if c == code)


def _summary(p: _Printer) -> list[str]:
    spend, zero = _F["spend"], "0.00"
    income = [("一、一般公共预算财政拨款收入", _F["income"]), ("二、政府性基金预算财政拨款收入", zero),
              ("三、国有资本经营预算财政拨款收入", zero), ("四、上级补助收入", zero), ("五、事业收入", zero),
              ("六、经营收入", zero), ("七、附属单位上缴收入", zero), ("八、其他收入", zero)]
    by_class = {name: _S[code]["total"] for code, name in _CLASS_ORDINAL.items()}
    lines = _table_head(p, "一、收入支出决算总表", "收入支出决算总表", 1)
    lines += [_row("收入", "", "支出", ""), _row("项目", "决算数", "项目(按支出功能分类)", "决算数")]
    for i, name in enumerate(_FUNCTION_CLASSES):
        left = ["", ""]
        if i < len(income):
            label, value = income[i]
            left = [label, p(f"01:{label}", value)]
        lines.append(_row(*left, name, p(f"01:{name}", by_class.get(name, zero))))
    lines += [
        _row("本年收入合计", p("01:本年收入合计", _F["income"]), "本年支出合计", p("01:本年支出合计", spend["total"])),
        _row("使用非财政拨款结余", p("01:使用非财政拨款结余", zero), "结余分配", p("01:结余分配", zero)),
        _row("年初结转和结余", p("01:年初结转和结余", _OPENING_BALANCE), "年末结转和结余",
             p("01:年末结转和结余", _F["closing"])),
        _row("总计", p("01:收入总计", _F["grand"]), "总计", p("01:支出总计", _F["grand"])),
        "", "注：1. 本表反映部门本年度的总收支和年末结转结余情况。", "", "2. 本套报表金额单位转换时可能存在尾数误差。", "",
    ]
    return lines


def _income(p: _Printer) -> list[str]:
    zeros = ["0.00"] * 5
    lines = _table_head(p, "二、收入决算表", "收入决算表", 2)
    lines += [_row("项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
              _row("支出功能分类科目编码", "科目名称"),
              _row("类 款 项", "合 计", p("02:合计:本年收入合计", _F["income"]), p("02:合计:财政拨款收入", _F["income"]), *zeros)]
    for code in _codes():
        v = _S[code]["income"]
        lines.append(_row(code, _name(code), p(f"02:{code}:本年收入合计", v), p(f"02:{code}:财政拨款收入", v), *zeros))
    return lines + ["", "注：本表反映部门本年度取得的各项收入情况。", ""]


def _spending(p: _Printer) -> list[str]:
    spend, zeros = _F["spend"], ["0.00"] * 3
    lines = _table_head(p, "三、支出决算表", "支出决算表", 3)
    lines += [_row("项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
              _row("支出功能分类科目编码", "科目名称"),
              _row("类 款 项", "合计", p("03:合计:本年支出合计", spend["total"]), p("03:合计:基本支出", spend["basic"]),
                   p("03:合计:项目支出", spend["project"]), *zeros)]
    for code in _codes():
        s = _S[code]
        lines.append(_row(code, _name(code), p(f"03:{code}:本年支出合计", s["total"]), p(f"03:{code}:基本支出", s["basic"]),
                          p(f"03:{code}:项目支出", s["project"]), *zeros))
    return lines + ["", "注：本表反映部门本年度各项支出情况。", ""]


def _fiscal_summary(p: _Printer) -> list[str]:
    spend, zero = _F["spend"], "0.00"
    by_class = {name: _S[code]["total"] for code, name in _CLASS_ORDINAL.items()}
    income = [("一、一般公共预算财政拨款", _F["income"]), ("二、政府性基金预算财政拨款", zero), ("三、国有资本经营预算财政拨款", zero)]
    lines = _table_head(p, "四、财政拨款收入支出决算总表", "财政拨款收入支出决算总表", 4)
    lines += [_row("收 入", "", "支 出", "", "", ""),
              _row("项 目", "金额", "项目（按功能分类）", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")]
    for i, name in enumerate(_FUNCTION_CLASSES):
        left = ["", ""]
        if i < len(income):
            label, value = income[i]
            left = [label, p(f"04:收入:{label}", value)]
        v = by_class.get(name, zero)
        lines.append(_row(*left, name, p(f"04:{name}:合计", v), p(f"04:{name}:一般公共预算财政拨款", v), zero, zero))
    lines += [
        _row("本年收入合计", p("04:本年收入合计", _F["income"]), "本年支出合计", p("04:本年支出合计:合计", spend["total"]),
             p("04:本年支出合计:一般公共预算财政拨款", spend["total"]), zero, zero),
        _row("年初财政拨款结转和结余", p("04:年初财政拨款结转和结余", _OPENING_BALANCE), "年末财政拨款结转和结余",
             p("04:年末:合计", _F["closing"]), p("04:年末:一般公共预算财政拨款", _F["closing"]), zero, zero),
        _row("一、一般公共预算财政拨款", p("04:年初:一般公共预算财政拨款", _OPENING_BALANCE)),
        _row("二、政府性基金预算财政拨款", zero),
        _row("三、国有资本经营预算财政拨款", zero),
        _row("总计", p("04:收入总计", _F["grand"]), "总计", p("04:支出总计:合计", _F["grand"]),
             p("04:支出总计:一般公共预算财政拨款", _F["grand"]), zero, zero),
        "", "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。", "",
    ]
    return lines


def _general_budget(p: _Printer) -> list[str]:
    spend = _F["spend"]
    lines = _table_head(p, "五、一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", 5)
    lines += [_row("项 目", "", "本年支出", "", ""),
              _row("功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"),
              _row("合计", "", p("05:合计:小计", spend["total"]), p("05:合计:基本支出", spend["basic"]),
                   p("05:合计:项目支出", spend["project"]))]
    for code in _codes():
        s = _S[code]
        lines.append(_row(code, _name(code), p(f"05:{code}:小计", s["total"]), p(f"05:{code}:基本支出", s["basic"]),
                          p(f"05:{code}:项目支出", s["project"])))
    return lines + ["", "注：本表反映部门本年度一般公共预算财政拨款支出情况。", ""]


def _basic(p: _Printer) -> list[str]:
    def block(groups) -> list[tuple[str, str, str]]:
        out = []
        for code, name, kids in groups:
            out.append((code, name, p(f"06:{code}", sum((v for *_, v in kids), Decimal(0)))))
            out += [(c, n, p(f"06:{c}", v)) for c, n, v in kids]
        return out

    people = block(_F["personnel"])
    goods = block([("302", "商品和服务支出", _F["goods"])])
    capital = block([("310", "资本性支出", _F["capital"])])
    lines = _table_head(p, "六、一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表", 6)
    lines += [_row("人员经费", "", "", "公用经费", "", "", "", "", ""),
              _row(*["经济分类科目编码", "科目名称", "金额"] * 3)]
    for i in range(max(len(people), len(goods), len(capital))):
        cells = []
        for side in (people, goods, capital):
            cells += list(side[i]) if i < len(side) else ["", "", ""]
        lines.append(_row(*cells).rstrip("\t"))
    lines += [_row("人员经费合计", "", p("06:人员经费合计", _F["personnel_total"]), "公用经费合计", "",
                   p("06:公用经费合计", _F["public_total"])),
              "", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", ""]
    return lines


def _sangong(p: _Printer) -> list[str]:
    s = _SANGONG
    lines = _table_head(p, "七、一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表", 7)
    lines += [_row("项目", "行次", "决算数"),
              _row("合计", "1", p("07:合计", _F["sangong"])),
              _row("1. 因公出国（境）费", "2", p("07:因公出国（境）费", s["abroad"])),
              _row("2. 公务用车购置及运行维护费", "3", p("07:公务用车购置及运行维护费", _F["car"])),
              _row("其中：（1）公务用车购置费", "4", p("07:公务用车购置费", s["car_purchase"])),
              _row("（2）公务用车运行维护费", "5", p("07:公务用车运行维护费", s["car_running"])),
              _row("3. 公务接待费", "6", p("07:公务接待费", s["reception"])),
              "", "注：本表反映部门本年度“三公”经费支出决算情况，包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。", ""]
    return lines


def _narrative(p: _Printer) -> list[str]:
    spend, s = _F["spend"], _SANGONG
    income_change = _F["income"] - _INCOME_LAST_YEAR
    spend_change = spend["total"] - _SPENDING_LAST_YEAR
    sangong_change = _F["sangong"] - _SANGONG_LAST_YEAR
    procurement = sum(_PROCUREMENT.values(), Decimal(0))
    y = p.year
    numerals = "一二三四五六七八九十"
    items = [line for i, (code, name, *_) in enumerate(_ITEMS)
             for line in (f"（{numerals[i]}）{code}-{name}{p(f'n:{code}', _S[code]['total'])}万元。", "")]
    return [
        "第三部分", "", f"{y}年度部门决算情况说明", "",
        "一、收入支出决算总体情况说明", "",
        "（一）收入支出决算总体情况说明", "",
        f"{y}年度收入总计{p('n:收入总计', _F['grand'])}万元，支出总计{p('n:支出总计', _F['grand'])}万元。", "",
        "（二）收入决算情况说明", "",
        f"{y}年度收入合计{p('n:收入合计', _F['income'])}万元，比上年增加{p('n:收入增加', income_change)}万元，"
        f"增长{p('n:收入增长率', _rate(income_change, _INCOME_LAST_YEAR))}%。主要原因是数据资源平台运维项目经费增加。具体情况如下：", "",
        f"1. 一般公共预算财政拨款收入{p('n:一般公共预算财政拨款收入', _F['income'])}万元。",
        "2. 政府性基金预算财政拨款收入0.00万元。",
        "3. 其他收入0.00万元。", "",
        "（三）支出决算情况说明", "",
        f"{y}年度支出合计{p('n:支出合计', spend['total'])}万元，比上年增加{p('n:支出增加', spend_change)}万元，"
        f"增长{p('n:支出增长率', _rate(spend_change, _SPENDING_LAST_YEAR))}%。主要原因是信息化项目支出增加。具体情况如下：", "",
        f"1. 基本支出{p('n:基本支出', spend['basic'])}万元。", "",
        f"2. 项目支出{p('n:项目支出', spend['project'])}万元。", "",
        "二、财政拨款收入支出决算总体情况说明", "",
        f"{y}年度财政拨款收入总计{p('n:财政拨款收入总计', _F['grand'])}万元，支出总计{p('n:财政拨款支出总计', _F['grand'])}万元。", "",
        "三、一般公共预算财政拨款支出决算情况说明", "",
        f"{y}年度一般公共预算财政拨款支出{p('n:一般公共预算财政拨款支出', spend['total'])}万元，具体情况如下(按项级科目分类统计)：", "",
        *items,
        "四、一般公共预算财政拨款基本支出决算情况说明", "",
        f"{y}年度一般公共预算财政拨款基本支出{p('n:一般公共预算财政拨款基本支出', spend['basic'])}万元，其中：",
        f"人员经费{p('n:人员经费', _F['personnel_total'])}万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、"
        "机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、住房公积金、其他工资福利支出、生活补助、奖励金；",
        f"公用经费{p('n:公用经费', _F['public_total'])}万元，主要包括：办公费、水费、电费、邮电费、差旅费、维修（护）费、"
        "会议费、培训费、公务接待费、工会经费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置。", "",
        "五、一般公共预算财政拨款“三公”经费支出决算情况说明", "",
        f"{y}年度一般公共预算拨款“三公”经费支出{p('n:三公', _F['sangong'])}万元，"
        f"完成全年预算的{p('n:三公完成率', _rate(_F['sangong'], _SANGONG_BUDGET))}%；"
        f"较上年增加{p('n:三公增加', sangong_change)}万元，增长{p('n:三公增长率', _rate(sangong_change, _SANGONG_LAST_YEAR))}%。"
        f"{y}年度一般公共预算拨款“三公”经费全年预算数为{p('n:三公预算', _SANGONG_BUDGET)}万元。"
        "当年决算数大于上年决算数的主要原因是：更新一辆到期报废的公务用车。具体情况如下：", "",
        f"（一）因公出国（境）费支出{p('n:因公出国（境）费', s['abroad'])}万元。", "",
        f"（二）公务用车购置及运行维护费支出{p('n:公务用车购置及运行维护费', _F['car'])}万元。其中：公务用车购置费支出"
        f"{p('n:公务用车购置费', s['car_purchase'])}万元，公务用车运行维护费支出{p('n:公务用车运行维护费', s['car_running'])}万元。", "",
        f"（三）公务接待费支出{p('n:公务接待费', s['reception'])}万元。", "",
        "六、预算绩效情况说明", "",
        f"根据预算绩效管理要求，本部门组织对{y}年度3个项目实施单位自评，分别是数据资源平台运维等项目，"
        f"涉及财政拨款资金共计{p('n:单位自评资金', spend['project'])}万元。（《项目支出绩效自评表》详见附件）", "",
        f"对3个项目实施部门评价，分别是数据资源平台运维等项目，涉及财政拨款资金共计{p('n:部门评价资金', spend['project'])}万元，"
        "评价结果等次为“优”“良”“中”“差”的项目分别是2个、1个、0个、0个。", "",
        "七、其他重要事项情况说明", "",
        "（一）政府采购情况", "",
        f"本部门{y}年度政府采购支出总额{p('n:政府采购支出总额', procurement)}万元，其中：政府采购货物支出"
        f"{p('n:政府采购货物支出', _PROCUREMENT['goods'])}万元、政府采购工程支出{p('n:政府采购工程支出', _PROCUREMENT['works'])}万元、"
        f"政府采购服务支出{p('n:政府采购服务支出', _PROCUREMENT['services'])}万元。", "",
    ]


def _form(p: _Printer) -> list[str]:
    f = _FORM_FUNDS
    rate = _rate(f["spent"], f["annual"])
    zeros = ["0.00", "0.00", "0.00", "—", "0.00"]
    lines = ["第四部分", "", "附件", "", "一、《项目支出绩效自评表》", "", "项目支出绩效自评表", "", f"({p.year}年度)", ""]
    lines += [
        _row("项目名称", "", "数据资源平台运维项目", "", "", "", "", "", ""),
        _row("主管部门", "", p.department, "实施单位", "", "", p.department, "", ""),
        _row("项目概况", "", "保障全市政务数据资源平台稳定运行，提供数据汇聚、共享交换和安全运维服务。", "", "", "", "", "", ""),
        _row("主要成效", "", "平台全年稳定运行，新增接入部门6个，数据共享调用量较上年明显增长。", "", "", "", "", "", ""),
        _row("项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率 (%)", "得分", ""),
        _row("", "年度资金总额", p("form:年初预算数", f["initial"]), p("form:全年预算数", f["annual"]),
             p("form:全年执行数", f["spent"]), "10", p("form:执行率", rate), str(_FORM_FUNDS_SCORE), ""),
        _row("", "其中：当年财政拨款", _money(f["initial"]), _money(f["annual"]), _money(f["spent"]), "—", _money(rate), "", ""),
        _row("", "其他资金", *zeros, "", ""),
        _row("", "上年结转资金", *zeros, "", ""),
        _row("年度总体目标", "预期目标", "", "", "实际完成情况", "", "", "", ""),
        _row("", "保障政务数据资源平台全年稳定运行，接入部门不少于40个。", "", "", "平台全年稳定运行，接入部门42个。", "", "", "", ""),
        _row("绩效 指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "指标分值", "自评得分", "偏差原因分析及改进措施"),
    ]
    for first, second, third, target, actual, weight, got in _FORM_INDICATORS:
        lines.append(_row("", first, second, third, target, actual, str(weight), str(got), "无" if got == weight else "未达预期，加强运维"))
    lines += [
        _row("总分值、评价总分 (S)", "", "", "", "", "", p("form:总分", str(_F["form_total"])), "", ""),
        _row("评价等级", "", p("form:评价等级", _grade(_F["form_total"])), "", "", "", "", "", ""),
        "",
    ]
    return lines


def _front(p: _Printer) -> list[str]:
    d, y = p.department, p.year
    return [
        "", f"{y} 年度", d, "部门决算", "",
        "目 录", "",
        _row("第一部分 部门概况", "1"),
        _row(f"第二部分 {y} 年度部门决算表", "2"),
        _row(f"第三部分 {y} 年度部门决算情况说明", "9"),
        _row("第四部分 附件", "12"), "",
        "第一部分", "", "部门概况", "",
        "一、部门主要职责", "",
        f"{d}负责统筹全市政务数据资源的汇聚、共享和开放，推进数字政府建设和数据要素市场培育。", "",
        "二、部门决算单位基本情况", "",
        f"纳入{y}年度部门决算编制范围的单位共1个，即{d}本级。", "",
        "第二部分", "", f"{y} 年度部门决算表", "",
    ]


_TABLES = (_summary, _income, _spending, _fiscal_summary, _general_budget, _basic, _sangong)  # 公开01表 … 公开07表
_SECTION = re.compile(r"^([一二三四五六七八九十]+)、")


def _without_sections(lines: list[str], omitted: Collection[str]) -> list[str]:
    """The narrative without the numbered sections (五 for 五、…“三公”经费…) named in `omitted`."""
    out, skipping = [], False
    for line in lines:
        m = _SECTION.match(line)
        if m:
            skipping = m.group(1) in omitted
        if not skipping:
            out.append(line)
    return out


def report_text(plant: str | None = None, *, department: str = DEPARTMENT, year: int = YEAR,
                cells: Mapping[str, str] | None = None, omit_tables: Collection[int] = (),
                omit_sections: Collection[str] = ()) -> str:
    """The report as the corpus text format prints it; with `plant`, the variant carrying that error.

    department, year: what the report prints as its department and year (the figures stay the
    same).  cells: printed text for the cells named by their printer keys ("07:合计" is the
    三公 table's 合计, "03:合计:项目支出" the 支出决算表's; "" prints the cell blank).  omit_tables:
    the 公开NN表 numbers left out (7: the 三公 table); omit_sections: the narrative's numbered
    sections left out, by their numeral ("五": the 三公 section)."""
    p = _Printer(plant, department, year, cells)
    tables = [line for code, table in enumerate(_TABLES, start=1) if code not in omit_tables for line in table(p)]
    lines = _front(p) + tables + _without_sections(_narrative(p), omit_sections) + _form(p)
    if plant and p.used != set(p.tweaks):
        raise AssertionError(f"plant {plant} did not reach {sorted(set(p.tweaks) - p.used)}")
    if p.printed != set(p.cells):
        raise ValueError(f"no printed cell is keyed {sorted(set(p.cells) - p.printed)}")
    return "\n".join(lines) + "\n"


def write_report(folder: Path, plant: str | None = None, *, name: str | None = None, **printed) -> Path:
    """Write the report (or a planted variant) to folder/synthetic_<plant or consistent>.txt, or
    to folder/<name>; `printed` as report_text takes it (department, year, cells, omit_…)."""
    path = Path(folder) / (name or f"synthetic_{plant or 'consistent'}.txt")
    path.write_text(report_text(plant, **printed), encoding="utf-8")
    return path
