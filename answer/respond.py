"""The answer object the command line, the app and other tools read:

    {question, status: answered | not_found | ambiguous, answer, figures: [...], passages: [...],
     warnings: [...]}

respond() tries the kinds of answer in turn — several questions in one, a comparison, a project's
funds, what the narrative says, a computation, a list, a column added up — and otherwise the
printed figure the lookup finds, or why there is none.  Every figure is a stored fact as printed,
with its citation; a computed one says so.
"""
from __future__ import annotations

import re

from domain.normalize import compact

from .cite import figure, row_name, where
from .derived import computed, project_funds, summed, units_total
from .intake import refusal
from .listed import listed
from .lookup import COMPARE, Catalog, Lookup, bare_label, lookup
from .narrated import explained
from .ranking import compare


def respond(question: str, catalog: Catalog, searcher=None) -> dict:
    question = (question or "").strip()
    out = {"question": question, "status": "not_found", "answer": "", "figures": [], "passages": [], "warnings": []}
    if not catalog.documents:
        out["answer"] = "索引里还没有任何报告，请先导入报告。"
        return out
    refused = refusal(question, catalog)
    if refused:
        out["answer"] = refused["answer"]
        out["reason"] = refused["reason"]
        if refused.get("examples"):
            out["examples"] = refused["examples"]
            out["answer"] += "".join(f"\n- {e}" for e in refused["examples"])
        return out
    parts = _parts(question)
    if len(parts) > 1:
        return _several(parts, catalog, searcher, out)
    if COMPARE.search(compact(question)):
        return compare(question, catalog, out)
    if project_funds(question, catalog, out):
        return out
    if explained(question, catalog, out):
        return out
    if computed(question, catalog, out):
        return out
    if listed(question, catalog, out):
        return out
    if units_total(question, catalog, out):
        return out
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
    column = f"“{main['column']}”" if main["column"] else ""
    out["answer"] = (f"{result.department}{result.year}年度{label}{column}为 {main['value_text']}{unit}"
                     f"（{where(main)}）。")
    out["figures"] = [figure(main)] + [figure(f) for f in result.others]
    for other in result.others:
        if other["value_text"] != main["value_text"]:
            out["warnings"].append(f"“{row_name(other)}”在{where(other)}“{other['column']}”印为 "
                                   f"{other['value_text']}{other['unit'] or ''}，与上面的 {main['value_text']} 不同。")
    out["passages"] = _passages(searcher, question, result)
    return out


_ASKS = re.compile(r"多少|几")


def _parts(question: str) -> list[str]:
    """Two questions asked in one ("机关运行经费多少，比上年增长多少？"): each part that asks for a
    number, the later ones completed with what the first says before its question word."""
    pieces = [p for p in re.split(r"[，,；;、]", question.strip().rstrip("？?。")) if p.strip()]
    if len(pieces) < 2 or not all(_ASKS.search(p) for p in pieces):
        return [question]
    head = pieces[0][:_ASKS.search(pieces[0]).start()]
    return [pieces[0]] + [head + p if not p.startswith(head) else p for p in pieces[1:]]


def _several(parts: list[str], catalog: Catalog, searcher, out: dict) -> dict:
    """Each part answered on its own; the whole only when every part is."""
    answers = [respond(p, catalog, searcher) for p in parts]
    missing = [a for a in answers if a["status"] != "answered"]
    if missing:
        out["status"] = missing[0]["status"]
        out["answer"] = f"问题的一部分（{missing[0]['question']}）{missing[0]['answer']}"
        if missing[0].get("options"):
            out["options"] = missing[0]["options"]
        return out
    out["status"] = "answered"
    out["answer"] = "".join(a["answer"].split("\n")[0] for a in answers)
    out["figures"] = [f for a in answers for f in a["figures"][:1]] + [f for a in answers for f in a["figures"][1:]]
    out["warnings"] = list(dict.fromkeys(w for a in answers for w in a["warnings"]))
    out["passages"] = answers[0]["passages"]
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


