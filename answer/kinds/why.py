"""Why a figure is what it is, changed, or stayed under its budget: the report's own sentence
that gives the reason (情况说明 text, a 绩效 form's 偏差原因 cell), quoted whole with where it is
printed; else the reason a narrative statement carries (answer/explain.py `explain`); else a
refusal in words ("报告没有写明原因") with the nearest passages.

Tried before the kinds that answer a project's or a statement's figures: a why-question is
never answered with a figure (how much of a project was not executed is not why)."""
from __future__ import annotations

name = "why"


def claims(question) -> bool:
    return question.operation == "why"


def answer(question, context, out) -> bool:
    from ..narrated import explained, not_said, quoted

    done = (quoted(question, context.catalog, context.searcher, out, refuse=False)
            or explained(question.text, context.catalog, out)
            or not_said(question, context.catalog, out))
    _with_change(question, context, out)
    return done


def _with_change(question, context, out) -> None:
    """"比上年多了多少？什么原因？", "完成了年初预算的多少？为什么超了？": the figure the question also
    asks — the change the report prints, or the completion of the budget — leads; the reason follows."""
    import re

    from ..budgeted import answer as budget_answer, intent
    from ..previous import answer_change
    from ..question import OPERATIONS

    if not re.search(r"多少|几", question.compact):
        return
    # the figure is asked by the question up to the clause that asks it (…的多少？), not by the why after it
    parts = re.split(r"(?<=[？?。！!])", question.text)
    upto = next((i for i, p in enumerate(parts) if re.search(r"多少|几", p)), len(parts) - 1)
    asked = "".join(parts[:upto + 1])
    if asked != question.text and hasattr(context.catalog, "parse"):
        question = context.catalog.parse(asked)
    changed = {"status": None, "answer": "", "figures": [], "warnings": [], "passages": []}
    if dict(OPERATIONS)["change"].search(question.compact):
        done = answer_change(question, context.catalog, changed)
    elif intent(question.compact) is not None:
        done = budget_answer(question, context.catalog, changed)
    else:
        return
    if not done or changed["status"] != "answered":
        return
    reason = out["answer"] if out["status"] == "answered" else ""
    out.update(status="answered", answer=changed["answer"] + (f"\n\n{reason}" if reason else ""),
               figures=changed["figures"] + out.get("figures", []),
               warnings=changed["warnings"] + out.get("warnings", []))
