"""Per count: a printed amount divided by a count the same report prints — 公务接待费 per 接待人次
or per 接待批次, 公务用车运行维护费 per vehicle held (公务用车保有量) — computed in 元, with the formula
and both inputs cited ("平均每接待一人花了多少元" = 公务接待费 × 10000 ÷ 接待人次).

Each input is found the way a question asking for it alone is answered (`lookup`), so it is the
cell or sentence that question would cite; a count of zero, an input not found or found twice,
or an amount not in 万元 or 元 is refused with its reason, never guessed.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

name = "per_count"

# (the count that divides, how a question asks per one of it, the subject it belongs to)
_DIVISORS = (
    # (人均 and a bare 每人 are per staff in post: answer.kinds.per_person)
    ("人次", re.compile(r"每接待一(?:个|位)?人|每(?:一)?人次|每(?:一)?位(?:客人|来宾)"), "接待"),
    ("批次", re.compile(r"每(?:一)?批次?|每(?:一)?次"), "接待"),
    ("辆", re.compile(r"每(?:一)?辆|每台车|平均一辆"), "车"),
)
_ASKED = re.compile(r"(?:平均|人均)?(?:每接待一(?:个|位)?人|每(?:一)?(?:人次|批次|批|次|辆|台车|个人|位客人|位来宾|人)|平均一辆)"
                    r"|(?:平均|人均)|(?:大约|大概|约)?(?:花了|花|用了|用|要|是)?(?:多少|几)(?:钱|元|万元)?|[?？，,。]")
_COUNT_ASKED = {"人次": "多少人次", "批次": "多少批次", "辆": "公务用车保有量多少辆"}


def divisor(text: str) -> str | None:
    """The count a question divides by, or None when it asks per nothing this kind knows."""
    return next((count for count, pattern, subject in _DIVISORS if subject in text and pattern.search(text)), None)


def claims(question) -> bool:
    return question.department is not None and divisor(question.compact) is not None


def answer(question, context, out) -> bool:
    from ..cite import figure, one_department, where
    from ..lookup import bare_label, lookup

    catalog = context.catalog
    one = one_department(question.text, catalog)
    if one is None or one[4] is None:
        return False
    department, _, year_text, year, document = one
    count_name = divisor(question.compact)
    item = _ASKED.sub("", question.rest)
    if count_name in ("人次", "批次"):
        subject = ("国内公务接待" if "国内" in item else "国（境）外公务接待" if re.search(r"国外|境外", item) else "公务接待")
        amount_asked, count_asked = subject + "费", subject + _COUNT_ASKED[count_name]
    else:
        amount_asked = item if re.search(r"费|支出|经费", item) else item + "费"
        count_asked = _COUNT_ASKED[count_name]
    amount = lookup(year_text + amount_asked, catalog, department=department)
    count = lookup(year_text + count_asked, catalog, department=department)
    refusal = _refusal(amount, count, count_name)
    if refusal:
        out["answer"] = f"没有找到：计算平均每{count_name}的金额需要{department}{year}年度报告印出的金额和{count_name}数，{refusal}"
        return True
    fact, counted = amount.facts[0], count.facts[0]
    number, n = Decimal(str(fact["number"])), Decimal(str(counted["number"]))
    in_yuan = number * 10000 if fact["unit"] == "万元" else number
    value = (in_yuan / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    scale = " × 10000" if fact["unit"] == "万元" else ""
    formula = f"{fact['value_text']}{fact['unit']}{scale} ÷ {counted['value_text']}{count_name}"
    unit = f"元/{count_name}"
    spent = bare_label(fact["row_label"])
    out["status"] = "answered"
    out["answer"] = (f"{department}{year}年度平均每{count_name}的{spent}约为 {value}{unit}（计算：{formula}；"
                     f"{spent} {fact['value_text']}{fact['unit']} 见{where(fact)}；"
                     f"{count_name} {counted['value_text']} 见{where(counted)}）。")
    main = {"label": f"平均每{count_name}{spent}", "value": str(value), "number": float(value), "unit": unit,
            "computed": True, "formula": formula, "department": department, "year": year, "table": None,
            "table_title": None, "row": None, "column": None,
            "source": {"document": fact["document"], "page": None, "line": None}}
    out["figures"] = [main, figure(fact), figure(counted)]
    out["warnings"].append(f"这是用报告印出的金额除以{count_name}数计算得出的结果（换算为元），不是报告直接印出的数字。")
    return True


def _refusal(amount, count, count_name: str) -> str | None:
    """Why the two inputs cannot be divided, or None when they can."""
    if amount.status != "answered" or len(amount.facts) != 1 or amount.parts:
        return "没有找到问题所问的金额。"
    if count.status != "answered" or len(count.facts) != 1:
        return f"报告没有印出{count_name}数。"
    fact, counted = amount.facts[0], count.facts[0]
    if fact["number"] is None or (fact["unit"] or "") not in ("万元", "元"):
        return "问题所问的金额没有印出数字。"
    if counted["number"] is None:
        return f"报告没有印出{count_name}数。"
    if counted["number"] == 0:
        return f"报告印出的{count_name}数为 0，不能计算平均数。"
    return None
