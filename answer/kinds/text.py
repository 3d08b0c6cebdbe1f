"""What the report says in words, quoted whole with where it is printed (a reason: kinds/why.py):
what money or a vehicle is used for, a unit's duties, when it was founded, what kind of unit it
is, a list printed only in prose; and a count of a named thing that only a sentence states
(多少条热线…: the number, with its sentence).

Claimed from the parsed operation (text, list) and, for two phrasings the operation reads as
a lookup, from the question's words: a use asked as "用在了什么地方 / 花到哪些方面" (`ASKS_USE`;
it belongs with the text operation in answer/question.py) and "多少条/几家 + the thing counted"
(answer/narrative.py `asked_count`; answered only when no table prints it)."""
from __future__ import annotations

import re

name = "text"

# a use asked without the words the text operation knows (用在哪, 用途 …)
ASKS_USE = re.compile(r"(?:用|花|使用)(?:在|到|于)了?(?:什么|哪些|哪个)(?:地方|方面|事情|项目)")


def claims(question) -> bool:
    from ..narrative import asked_count

    return (question.operation in ("text", "list") or bool(ASKS_USE.search(question.compact))
            or question.operation == "lookup" and asked_count(question.rest or question.compact) is not None)


def answer(question, context, out) -> bool:
    from ..narrated import counted, quoted
    from ..narrative import asked_count

    if question.operation == "lookup" and asked_count(question.rest or question.compact) is not None:
        return counted(question, context.catalog, out)
    return quoted(question, context.catalog, context.searcher, out)
