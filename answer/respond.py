"""The answer object the command line, the app and other tools read:

    {question, status: answered | not_found | ambiguous, answer, figures: [...], passages: [...],
     warnings: [...], kind, interpretation}

respond() refuses what cannot be read at all (`intake`), parses the question once
(`question.parse`) and hands it to the kinds of answer in their order (`kinds.KINDS`): several
questions in one, a comparison, a project's funds, what the narrative says, a computation, a
list, a column added up, and otherwise the printed figure.  Every figure is a stored fact as
printed, with its citation; a computed one says so.
"""
from __future__ import annotations

from .intake import refusal
from .lookup import Catalog


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
    from .kinds import Context, answer as answer_with
    from .question import parse

    return answer_with(parse(question, catalog), Context(catalog, searcher), out)
