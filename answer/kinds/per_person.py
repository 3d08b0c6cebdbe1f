"""Per person: a printed amount divided by the department's staff in post (在职人数), computed,
with the formula and every input cited ("人均人员经费" = 人员经费 ÷ 在职人数).

The staff count covers the same units as the amount: the units table's own total where it
prints one, else the sum over every unit it lists (each cited); a department whose units table
does not give every unit's count is refused.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact

name = "per_person"
_PER = re.compile(r"按[^，,。]{0,12}(?:人数|人员)[^，,。]{0,4}算[，,]?|按[^，,。]{0,8}(?:人数|人员)(?:平均|均摊|分摊)?(?:下来|来)?|人均|平均每人|平均每个人|每人|每个人|平均|大约|大概|约")


# per person of a group other than the staff in post: the retired (按离退休人员摊, 每位退休人员)
_GROUP = re.compile(r"(离退休|退休|离休)(?:人员|干部|职工|老同志)")
# a count the question states as its premise (有离退休人员150名): not part of the amount asked
_PREMISE = re.compile(r"(?:共有|有|现有)?(?:离退休|退休|离休|在职|在编)[\u4e00-\u9fff]{0,6}?\d+(?:名|人|位)[，,]?")
# how the amount is spread over them (摊下来, 分摊到每人)
_SPREAD = re.compile(r"(?:平均)?(?:分摊|均摊|摊)(?:下来|到)?")
_POST = re.compile(r"主任|局长|书记|科长|处长|厅长|院长|部长")


# a count other than the staff in post divides the amount (每人次, 每次, 每辆): not this kind's
_OTHER_DIVISOR = re.compile(r"人次|每次|每批|每辆|每台|每套|每个项目|每项|每场|每期")


def claims(question) -> bool:
    return (question.operation == "per_person" and question.department is not None
            and not _OTHER_DIVISOR.search(question.compact))


def staff(catalog, document: str) -> tuple[Decimal, list[dict]] | None:
    """(在职人数 of the department, the cells it is read from), or None."""
    from ..lists import units_listed

    cells = [f for f in catalog.facts(document) if "在职" in (f["column"] or "") and f["number"] is not None]
    total = [f for f in cells if compact(f["row_label"]) in ("合计", "总计")]
    if len(total) == 1:
        return Decimal(str(total[0]["number"])), total
    listed = [u["name"] for u in units_listed(catalog.store.tables(document))]
    units = [f for f in cells if compact(f["row_label"]) in listed]
    if not units or len(units) != len(listed) or len({f["table_index"] for f in units}) != 1:
        return None
    return sum(Decimal(str(f["number"])) for f in units), units


def answer(question, context, out) -> bool:
    from ..cite import figure, one_department, row_name, where
    from ..lookup import lookup

    catalog = context.catalog
    if _POST.search(question.compact):
        out["answer"] = "没有找到：部门决算不公布某一个人的收入或开支，只有部门和单位的合计数（人均数可以按在职人数计算）。"
        return True
    one = one_department(question.text, catalog)
    if one is None or one[4] is None:
        return False
    department, _, year_text, year, document = one
    group = _GROUP.search(question.compact)
    item = _PER.sub("", _SPREAD.sub("", _PREMISE.sub("", question.rest)))
    amount = lookup(year_text + item, catalog, department=department)
    people = None if group else staff(catalog, document)
    stated = None
    if group:  # per retired person (按离退休人员摊): the count of them the narrative states
        stated = lookup(f"{year_text}{group.group(1)}人员有多少人", catalog, department=department)
        if stated.status == "answered" and len(stated.facts) == 1 and stated.facts[0]["unit"] in ("人", "名"):
            people = Decimal(str(stated.facts[0]["number"])), stated.facts
    elif people is None:  # no units table gives the staff: the count the narrative states at year end
        stated = lookup(year_text + "年末在职人员有多少人", catalog, department=department)
        if stated.status == "answered" and len(stated.facts) == 1 and stated.facts[0]["unit"] == "人":
            people = Decimal(str(stated.facts[0]["number"])), stated.facts
    counted = f"{group.group(1)}人员" if group else "在职人数"
    if amount.status != "answered" or amount.narrative or amount.parts or people is None:
        out["answer"] = (f"没有找到：计算人均需要{department}{year}年度报告印出的金额和{counted}，"
                         + ((f"报告没有写明{counted}的人数。" if group else "报告没有给出每个单位的在职人数。")
                            if people is None else "没有找到问题所问的金额。"))
        return True
    fact, (count, cells) = amount.facts[0], people
    if fact["number"] is None or count == 0 or (fact["unit"] or "") not in ("万元", "元"):
        return False
    value = (Decimal(str(fact["number"])) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    heads = " + ".join(c["value_text"] for c in cells)
    formula = f"{fact['value_text']} ÷ {count}（{counted}{'：' + heads if len(cells) > 1 else ''}）"
    unit = f"{fact['unit']}/人"
    out["status"] = "answered"
    out["answer"] = (f"{department}{year}年度人均{row_name(fact)}约为 {value}{unit}（计算：{formula}；"
                     f"{row_name(fact)} {fact['value_text']}{fact['unit']} 见{where(fact)}；{counted}见{where(cells[0])}）。")
    main = {"label": f"人均{row_name(fact)}", "value": str(value), "number": float(value), "unit": unit,
            "computed": True, "formula": formula, "department": department, "year": year, "table": None,
            "table_title": None, "row": None, "column": None,
            "source": {"document": fact["document"], "page": None, "line": None}}
    out["figures"] = [main, figure(fact)] + [figure(c) for c in cells]
    out["warnings"].append(f"这是用报告印出的金额除以{counted}计算得出的结果，不是报告直接印出的数字。")
    if (said := _PREMISE.search(question.compact)) and (n := re.search(r"\d+", said.group(0))) \
            and Decimal(n.group(0)) != count:
        out["warnings"].append(f"问题里说的是{n.group(0)}人，报告写的是{count}人，按报告的人数计算。")
    for other in (stated.others if stated else ()):  # another sentence counting staff otherwise
        out["warnings"].append(f"报告另一处写的是：“{other['row_label']}”（{other['value_text']}人），按年末在职人数计算。")
    return True
