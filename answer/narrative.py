"""Counts the narrative states in words: 在职人员7人, 公务用车保有量为2辆, 接待19批次.

Only for questions that ask for a count (人, 人次, 辆, 批次, 个 …): a sentence of the report's
passages qualifies when it prints a number followed by the asked unit and shares the question's
topic words; the answer is that number as printed, cited with the sentence.  Several sentences
giving different numbers, or none, is not an answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.normalize import compact

# the units a count question can ask for, and how the report prints them
UNIT_PATTERNS = {
    "人": r"人(?!次|民|员|大)",
    "人次": r"人次",
    "辆": r"辆",
    "count": r"(?:批次|个|次|项|台|套)(?!数)",
}
# words that say what is counted; a qualifying sentence must share one with the question
TOPICS = ("在职", "编制", "离退休", "退休", "人员", "车", "接待", "出国", "团组", "项目", "设备", "单位", "会议", "培训")


@dataclass(frozen=True)
class NarrativeFigure:
    value: str
    unit: str
    sentence: str
    document: str
    page: int | None
    line: int | None


def count_from_narrative(question: str, unit: str, passages: list[dict], qualified: bool = True) -> list[NarrativeFigure]:
    """Qualifying sentences, best first; the caller answers only when they agree."""
    text = compact(question)
    asked_unit = "人次" if "人次" in text else unit
    pattern = re.compile(r"(\d+(?:\.\d+)?)\s*(" + UNIT_PATTERNS.get(asked_unit, UNIT_PATTERNS["count"]) + ")")
    topics = [t for t in TOPICS if t in text]
    if not topics:
        return []
    out = []
    for p in passages:
        for sentence in re.split(r"(?<=[。；;！？])", p["text"]):
            # the count a sentence states comes before its breakdown (其中：…)
            s = compact(sentence).split("其中")[0]
            if not any(t in s for t in topics):
                continue
            m = next((m for m in pattern.finditer(s) if any(t in s[max(0, m.start() - 14):m.start()] for t in topics)),
                     None)
            if m is None:
                continue
            before = s[max(0, m.start() - 14):m.start()]
            if re.search(r"购置|购买|新增|减少|增加", before) and not re.search(r"购|买|新增|减少|增加", text):
                continue  # bought or added this year is not how many there are
            out.append(NarrativeFigure(m.group(1), m.group(2), sentence.strip(), p["document"], p["page"], p["line"]))
    # "年末在职人员" asks for the sentence that says 年末, not another count of staff
    qualifiers = [q for q in _QUALIFIERS if q in text]
    said = [f for f in out if qualified and qualifiers and all(q in compact(f.sentence) for q in qualifiers)]
    return said or out


_QUALIFIERS = ("年末", "年初", "实有", "本级", "编制")
