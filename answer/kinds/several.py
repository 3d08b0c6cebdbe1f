"""Two numbers asked in one question ("机关运行经费多少，比上年增长多少？"): each part answered
on its own, the whole only when every part is."""
from __future__ import annotations

import re

from ..question import OPERATIONS

name = "several"
_ASKS = re.compile(r"多少|(?<![那这])几")  # (那几个项目 points back at things; it asks no number)
_WHY = dict(OPERATIONS)["why"]


_MEASURE_TAIL = re.compile(r"(?:的)?(?:年初预算数?|全年预算数?|预算数|预算|决算数|决算|实际)?(?:是|为|有|共|一共)?$")
# a yes-or-no question whether money was spent (最后花了吗, 用了没有) asks how much was
_SPENT_YES_NO = re.compile(r"(?:花|用|支出|执行|开支)(?:了|掉了|出去了)(?:吗|没有|没)$")


def parts(text: str) -> list[str]:
    """Each part that asks for a number, the later ones completed with what the first says
    before its question word; [text] when it asks one thing."""
    pieces = [p for p in re.split(r"[，,；;、？?]", text.strip().rstrip("？?。")) if p.strip()]
    pieces = [_SPENT_YES_NO.sub(lambda m: m.group(0).split("了")[0] + "了多少", p) for p in pieces]
    # a number asked, then why (…少了多少？为什么差这么多？): the why of the same subject, asked after it
    asks_why = [bool(_WHY.search(p)) and not _ASKS.search(p) for p in pieces]
    if len(pieces) < 2 or not _ASKS.search(pieces[0]) or not all(_ASKS.search(p) or why for p, why in zip(pieces, asks_why)):
        return [text]
    # what the first part asks about, without the measure it asks (…经费年初预算是 → …经费)
    head = _MEASURE_TAIL.sub("", pieces[0][:_ASKS.search(pieces[0]).start()])
    return [pieces[0]] + [head + p if not p.startswith(head) else p for p in pieces[1:]]


def claims(question) -> bool:
    return len(parts(question.text)) > 1


def answer(question, context, out) -> bool:
    from ..respond import respond

    asked = parts(question.text)
    answers = [respond(p, context.catalog, context.searcher) for p in asked]
    missing = [a for a in answers if a["status"] != "answered"]
    # a reason the report does not give leaves the figures asked with it standing, said so
    unexplained = [a for p, a in zip(asked, answers) if a in missing and _WHY.search(p) and not _ASKS.search(p)]
    if missing and len(unexplained) == len(missing) < len(answers):
        answers = [a for a in answers if a not in missing]
        out["warnings"] = [f"问题的一部分（{a['question']}）{a['answer'].split(chr(10))[0]}" for a in unexplained]
        missing = []
    if missing:
        out["status"] = missing[0]["status"]
        out["answer"] = f"问题的一部分（{missing[0]['question']}）{missing[0]['answer']}"
        if missing[0].get("options"):
            out["options"] = missing[0]["options"]
        return True
    out["status"] = "answered"
    out["answer"] = "".join(a["answer"].split("\n")[0] for a in answers)
    out["figures"] = [f for a in answers for f in a["figures"][:1]] + [f for a in answers for f in a["figures"][1:]]
    out["warnings"] = list(dict.fromkeys(out.get("warnings", []) + [w for a in answers for w in a["warnings"]]))
    out["passages"] = answers[0]["passages"]
    return True
