"""Two numbers asked in one question ("机关运行经费多少，比上年增长多少？"): each part answered
on its own, the whole only when every part is."""
from __future__ import annotations

import re

name = "several"
_ASKS = re.compile(r"多少|几")


def parts(text: str) -> list[str]:
    """Each part that asks for a number, the later ones completed with what the first says
    before its question word; [text] when it asks one thing."""
    pieces = [p for p in re.split(r"[，,；;、]", text.strip().rstrip("？?。")) if p.strip()]
    if len(pieces) < 2 or not all(_ASKS.search(p) for p in pieces):
        return [text]
    head = pieces[0][:_ASKS.search(pieces[0]).start()]
    return [pieces[0]] + [head + p if not p.startswith(head) else p for p in pieces[1:]]


def claims(question) -> bool:
    return len(parts(question.text)) > 1


def answer(question, context, out) -> bool:
    from ..respond import respond

    answers = [respond(p, context.catalog, context.searcher) for p in parts(question.text)]
    missing = [a for a in answers if a["status"] != "answered"]
    if missing:
        out["status"] = missing[0]["status"]
        out["answer"] = f"问题的一部分（{missing[0]['question']}）{missing[0]['answer']}"
        if missing[0].get("options"):
            out["options"] = missing[0]["options"]
        return True
    out["status"] = "answered"
    out["answer"] = "".join(a["answer"].split("\n")[0] for a in answers)
    out["figures"] = [f for a in answers for f in a["figures"][:1]] + [f for a in answers for f in a["figures"][1:]]
    out["warnings"] = list(dict.fromkeys(w for a in answers for w in a["warnings"]))
    out["passages"] = answers[0]["passages"]
    return True
