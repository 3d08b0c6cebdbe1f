"""Rules on the narrative's text: a punctuation mark doubled or two different ones side by side
(punctuation: 。。, ，，, 。，, a notice — it changes no figure), and a fall stated as more than
100% (fall-over-100: a quantity that falls by more than all of it cannot be, an error; a
balance or a surplus can turn negative, so for those it is a notice).

Read from the narrative's passages as the index stores them (NFKC: ， is printed as ",", ； as
";", ： as ":"); a text report's sentence is cited by its own line.
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.normalize import compact

from .model import ERROR, NOTICE, CellRef, Finding
from .report import Report

# two marks of sentence punctuation side by side (an ellipsis …… and a dash —— are single marks)
_MARKS = "。，,、；;：:"
_DOUBLED = re.compile(rf"[{_MARKS}]{{2,}}")
# a fall on the year before stated as a percentage: 下降120%, 减少 105.5%, 增长-130%, 增减率为-120%
_FALL = re.compile(r"(?:下降|减少|降低|下滑|减幅|降幅)(?:了|为|达|约)?\s*(\d+(?:\.\d+)?)\s*%"
                   r"|(?:增长|增幅|增长率|增减率|变动率|增减|变动)(?:了|为|是)?\s*[-−－]\s*(\d+(?:\.\d+)?)\s*%")
# what can be below zero, and so fall by more than itself: a balance, a surplus, a difference
_SIGNED = re.compile(r"结余|结转|余额|盈余|收益|利润|差额|净")


def punctuation(report: Report) -> list[Finding]:
    out = []
    seen = set()
    for p in report.passages:
        text = p["text"]
        for m in _DOUBLED.finditer(text):
            mark = m.group(0)
            if set(mark) <= set(":：") and re.search(r"\d$", text[:m.start()]):
                continue
            context = text[max(0, m.start() - 20): m.end() + 10]
            key = (context, p["line"], p["page"])
            if key in seen:
                continue
            seen.add(key)
            out.append(Finding(
                "punctuation", NOTICE, f"标点重复或混用：“…{_shown(context)}…”中连印“{_shown(mark)}”",
                _shown(mark[0]), _shown(mark), (_cite(report, p, _shown(context), _shown(mark)),)))
    return out


_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "："})


def _shown(text: str) -> str:
    """Punctuation as a Chinese report prints it (the index keeps the NFKC forms , ; :)."""
    return text.translate(_FULL_WIDTH)


def fall_over_100(report: Report) -> list[Finding]:
    out = []
    for p in report.passages:
        text = compact(p["text"])
        for m in _FALL.finditer(text):
            value = Decimal(m.group(1) or m.group(2))
            if value <= 100:
                continue
            sentence = _sentence(text, m.start())
            before = sentence[: sentence.find(m.group(0))] if m.group(0) in sentence else sentence
            signed = bool(_SIGNED.search(before[-30:]))
            out.append(Finding(
                "fall-over-100", NOTICE if signed else ERROR,
                f"说明写“{m.group(0)}”：比上年下降不可能超过 100%（降到零即为下降 100%）"
                + ("；若该数由正转负（结余、差额等）则可能，请核对" if signed else ""),
                "≤100%", f"-{value}%", (_cite(report, p, sentence, m.group(0)),)))
    return out


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "。；;") + 1
    ends = [e for e in (text.find(c, at) for c in "。；;") if e >= 0]
    return text[start: min(ends) + 1 if ends else len(text)]


def _cite(report: Report, passage: dict, sentence: str, value: str) -> CellRef:
    """The sentence, cited by the page (PDF) or by the line of the text report that prints the value."""
    line = passage["line"]
    if report.lines and line:
        end = passage["end_line"] or line
        key = compact(value)
        line = next((n for n in range(line, min(end, len(report.lines)) + 1) if key and key in report.lines[n - 1]),
                    line)
    return CellRef(report.document, passage["page"], line, None, sentence, None, value)
