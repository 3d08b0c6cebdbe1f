"""The printed figure a question asks for: the lookup's fact with its citation, the same row
printed elsewhere, or why there is none (not_found with the nearest passages and rows to ask
again with, ambiguous with the options)."""
from __future__ import annotations

import re

from ..cite import figure, row_name, where
from ..derived import summed
from ..lookup import BUDGET_MEASURES, Lookup, bare_label, lookup

name = "figure"


def claims(question) -> bool:
    return True


def answer(question, context, out) -> bool:
    described = bool(_DESCRIBED_BY_USE.search(question.compact))
    if described and _by_use(question, context.catalog, out):
        return True  # spending described by its uses: the subject the narrative says they are
    _figure(question.text, context.catalog, context.searcher, out)
    if out["status"] == "answered" and question.measure == "上年" and question.operation == "lookup" and not any(
            "上年" in (f.get("column") or "") + (f.get("label") or "") for f in out["figures"][:1]):
        # the year before asked: the report's own year is not it (nor is any figure of another column)
        out.update(status="not_found", figures=[], warnings=[],
                   answer="没有找到：问题问的是上年的数，报告的表格只印了本年的数。")
    if out["status"] == "not_found":  # the year before's amount, worked back from the next year's report
        from ..previous import answer_previous_amount

        worked = {"status": None, "answer": "", "figures": [], "warnings": [], "passages": []}
        if answer_previous_amount(question, context.catalog, worked):
            out.update(worked)
            return True
    stated_as = "amount" if question.measure in BUDGET_MEASURES else "spent" if _EXECUTED.search(question.compact) else None
    if out["status"] == "not_found" and stated_as and question.unit is None:  # (a rate asked is no amount)
        # a budget, or what was executed of it, that no table prints may be stated in the narrative
        # beside the other ("项目全年预算数为5479万元，执行数为3100.64万元")
        from ..budgeted import answer as budget_answer

        stated = {"status": None, "answer": "", "figures": [], "warnings": [], "passages": []}
        if budget_answer(question, context.catalog, stated, what=stated_as) and stated["status"] == "answered":
            out.update(stated)
    if out["status"] == "not_found" and not described:  # spending asked by what the narrative says it was used for
        _by_use(question, context.catalog, out)
    return True


# a question that describes the spending by its use (用于X、Y的那笔费用)
_DESCRIBED_BY_USE = re.compile(r"(?:用于|用在|花在|用来)[^，,。？?]{4,}的")


def _by_use(question, catalog, out: dict) -> bool:
    from ..uses import answer_by_use

    if question.operation != "lookup" or question.measure in BUDGET_MEASURES:
        return False
    used = {"status": None, "answer": "", "figures": [], "warnings": [], "passages": []}
    if answer_by_use(question, catalog, used):
        out.update(used)
        return True
    return False


# what was executed of a budget, asked: 执行了多少, 执行数, 实际执行
_EXECUTED = re.compile(r"执行了?(?:多少|几)|执行数|实际执行|执行金额")


def _figure(question: str, catalog, searcher, out: dict) -> dict:
    result: Lookup = lookup(question, catalog)
    out["status"] = result.status
    if result.status == "ambiguous":
        out["answer"] = f"{result.missing}，请指明是哪一个：" + "、".join(result.options)
        out["options"] = result.options
        return out
    if result.year and not result.year_given and result.status == "answered":
        out["warnings"].append(f"问题没有指明年度，按{result.department}最新的{result.year}年度报告回答。")
    if result.status == "not_found":
        out["answer"] = f"没有找到：{result.missing}。"
        out["passages"] = _passages(searcher, question, result)
        if result.department and not result.terms and searcher is not None:
            out["suggestions"] = _similar_rows(question, result, searcher)
            if out["suggestions"]:
                out["answer"] += "报告里意思相近的科目有：" + "、".join(out["suggestions"]) + "，可以用这些名称再问。"
        return out
    main = result.facts[0]
    if result.parts:
        return summed(result, out)
    if result.narrative:
        place = f"第{main['page']}页" if main["page"] else f"第{main['line']}行"
        sentence = main.get("sentence") or main["row_label"]
        if main.get("empty_table"):
            out["answer"] = (f"0{main['unit']}：{result.department}{result.year}年度报告的“{main['empty_table']}”"
                             f"没有印任何数字，报告写明：“{sentence}”（{main['document']}，{place}）。")
        elif main.get("none"):
            out["answer"] = (f"0{main['unit']}：{result.department}{result.year}年度报告写明没有这一项：“{sentence}”"
                             f"（{main['document']}，{place}）。")
        else:
            out["answer"] = (f"{result.department}{result.year}年度报告的说明写道：“{sentence}”"
                             f"——{main['value_text']}{main['unit']}（{main['document']}，{place}）。")
        fig = figure(main)
        fig.update({"label": main["row_label"] if "sentence" in main else main["value_text"] + main["unit"],
                    "row": "（情况说明）", "table": None, "number": float(main["number"])})
        out["figures"] = [fig]
        for other in result.others:
            place = f"第{other['page']}页" if other["page"] else f"第{other['line']}行"
            out["warnings"].append(f"报告另一处写的是 {other['value_text']}{other['unit']}：“{other['row_label']}”"
                                   f"（{other['document']}，{place}）。")
        out["passages"] = _passages(searcher, question, result)
        return out
    unit = main["unit"] or ""
    label = row_name(main)
    column = f"“{main['column']}”" if main["column"] and main["row_label"] else ""  # (a table across: its column is the name)
    budget = "部门预算中，" if result.report_kind == "预算" else ""  # a budget figure is said to be one
    out["answer"] = (f"{result.department}{result.year}年度{budget}{label}{column}为 {main['value_text']}{unit}"
                     f"（{where(main)}）。")
    out["figures"] = [figure(main)] + [figure(f) for f in result.others]
    for other in result.others:
        if other["value_text"] != main["value_text"]:
            out["warnings"].append(f"“{row_name(other)}”在{where(other)}“{other['column']}”印为 "
                                   f"{other['value_text']}{other['unit'] or ''}，与上面的 {main['value_text']} 不同。")
    out["passages"] = _passages(searcher, question, result)
    return out




def _similar_rows(question: str, result: Lookup, searcher, k: int = 3) -> list[str]:
    """Row labels of the department's report that the search (keywords and embedding similarity)
    finds closest to the question: offered to ask again with, never answered for."""
    hits = searcher.search(question, k=20, department=result.department, year=result.year)
    out: list[str] = []
    for h in hits:
        parts = h.text.split(" | ")
        if h.kind != "row" or len(parts) < 3:
            continue
        label = bare_label(re.sub(r"\s\d{3,}$", "", parts[1]))  # without its subject code
        if len(label) >= 2 and label not in out and label not in ("合计", "总计", "小计"):
            out.append(label)
        if len(out) == k:
            break
    return out


def _passages(searcher, question: str, result: Lookup, k: int = 3) -> list[dict]:
    if searcher is None:
        return []
    hits = searcher.search(question, k=k, department=result.department, year=result.year)
    return [{"text": h.text, "document": h.document, "page": h.page, "line": h.line, "score": round(h.score, 6)}
            for h in hits]


