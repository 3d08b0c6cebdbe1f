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

    return (quoted(question, context.catalog, context.searcher, out, refuse=False)
            or explained(question.text, context.catalog, out)
            or not_said(question, context.catalog, out))
