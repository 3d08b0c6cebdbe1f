"""How the narrative compares figures in words, read from its text as printed:

    决算数小于预算数的主要原因…          (this year's figure against its budget: −1)
    当年决算数大于上年决算数的主要原因是…  (against the year before: +1)
    决算数与预算数基本持平 / 与上年数一致   (the same, roughly or exactly: 0)
    比上年增加10.00万元，增长9.41%          (an amount and a rate of one change, each with its direction)

`comparisons` finds the first kind, `change_pairs` the second; neither decides whether the words
are right — the checks hold them against the figures the report prints (domain.statements reads
those).  Text is read as domain.statements reads it: compacted, with half-width brackets and colons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import compact

NUMBER = r"\d[\d,]*(?:\.\d+)?"

# what a figure is compared with: its budget, or the year before (a budget's 上年预算数 is the year before too)
_REFERENCE = (r"(?:当年|本年)?(?:全年|年初|调整后)?预算(?:数)?"
              r"|上(?:一)?年(?:度)?(?:同期)?(?:决算|预算)?(?:数)?|(?:19|20)\d{2}年度?(?:决算|预算)?(?:数)?")
_MORE, _LESS = ("大于", "高于", "多于", "超过", "超出"), ("小于", "低于", "少于")
_SAME = ("等于", "持平", "一致", "相同", "相当", "相等")
# "决算数小于预算数", "本年数大于上年预算数" (not followed by an amount: that is a change stated, not compared)
_VERSUS = re.compile(rf"(?P<word>{'|'.join(_MORE + _LESS + ('等于',))})(?P<ref>{_REFERENCE})(?![\d数度决预算同期]|为\d|的?\d)")
# "决算数与预算数基本持平", "与上年数一致", "与2023年度持平", "决算数同预算数持平", "与上年相比持平"
_LEVEL = re.compile(rf"(?:与|同|和|跟)(?P<ref>{_REFERENCE})(?:(?:相比|比较),?(?P<subject>[^,;:。\d]{{0,20}}?))?"
                    rf"(?P<approx>基本上?|大体|大致)?(?P<word>持平|一致|相同|相当|相等)")
_ZERO_GROWTH = re.compile(r"零增长")


@dataclass(frozen=True)
class Comparison:
    """Words saying how a figure compares with another: relation +1 (more), −1 (less), 0 (the same)."""

    phrase: str  # as printed (normalised)
    relation: int
    against: str  # 预算 or 上年
    approximate: bool  # 基本持平: the same within a little
    start: int  # where it stands in the text read


def normalised(text: str) -> str:
    """A passage's text as the statements read it."""
    text = compact(text).replace("（", "(").replace("）", ")").replace("：", ":")
    return re.sub(r"相比,", "相比", text)


def _against(reference: str) -> str:
    return "预算" if "预算" in reference and not re.search(r"上(?:一)?年|(?:19|20)\d{2}", reference) else "上年"


def comparisons(text: str) -> list[Comparison]:
    """Every comparison the (normalised) text states, in reading order."""
    out = []
    for m in _VERSUS.finditer(text):
        word = m.group("word")
        relation = 1 if word in _MORE else -1 if word in _LESS else 0
        out.append(Comparison(m.group(0), relation, _against(m.group("ref")), False, m.start()))
    for m in _LEVEL.finditer(text):
        out.append(Comparison(m.group(0), 0, _against(m.group("ref")), bool(m.group("approx")), m.start()))
    for m in _ZERO_GROWTH.finditer(text):
        out.append(Comparison(m.group(0), 0, "上年", False, m.start()))
    return sorted(out, key=lambda c: c.start)


_UP = ("增加", "增长", "上升", "提高", "增幅", "涨幅", "多")
_DOWN = ("减少", "下降", "降低", "降幅", "减幅", "少", "减")
_CHANGE_WORD = r"增加|减少|增长|下降|上升|降低|提高|增幅|降幅|减幅|涨幅"
# "增加103.67万元，增长9.41%", "减少134万元,降幅0.66%", "下降40.57%，减少199.93万元", and the paired
# "各减少744.11万元、1611.23万元，下降18.04%、35.76%"
_UNIT = r"万元|亿元|元|%"
_PAIR = re.compile(rf"(?P<w1>{_CHANGE_WORD})(?:了|为)?(?P<n1>{NUMBER})(?P<u1>{_UNIT})(?:、{NUMBER}(?:{_UNIT})?)*[,;]?"
                   rf"(?:比上年|较上年)?(?P<w2>{_CHANGE_WORD})(?:了|为)?(?P<n2>{NUMBER})(?P<u2>{_UNIT})")
# the year before had none of it: nothing can have fallen from there
_NONE_BEFORE = re.compile(r"(?:去年|上年|上一年度?)(?:没有|无|未发生|未安排)(?:此项|这项|该项)?(?:支出|收入)?")
_FALL_BY = re.compile(rf"(?:减少|下降|降低)了?{NUMBER}(?:万元|亿元|元|%)")


def direction(word: str) -> int:
    """+1 for a word of increase (增加, 增长, 增幅 …), −1 for one of decrease."""
    return 1 if word in _UP else -1 if word in _DOWN else 0


@dataclass(frozen=True)
class ChangePair:
    """One change said twice in a row, as an amount and as a rate, each with its own word."""

    phrase: str
    amount_word: str
    amount: str  # as printed, in `unit`
    rate_word: str
    rate: str  # %, as printed
    start: int
    unit: str = "万元"


def change_pairs(text: str) -> list[ChangePair]:
    out = []
    for m in _PAIR.finditer(text):
        if (m.group("u1") == "%") == (m.group("u2") == "%"):
            continue  # two amounts or two rates: two changes, not one said twice
        first = (m.group("w1"), m.group("n1"))
        second = (m.group("w2"), m.group("n2"))
        (aw, an), (rw, rn) = (first, second) if m.group("u1") != "%" else (second, first)
        unit = m.group("u1") if m.group("u1") != "%" else m.group("u2")
        out.append(ChangePair(m.group(0), aw, an, rw, rn, m.start(), unit))
    return out


def falls_from_nothing(text: str) -> list[tuple[str, int, str]]:
    """Decreases stated in a sentence that says the year before had none: (the decrease, where,
    the words saying there was none)."""
    out = []
    start = 0
    for sentence in re.split(r"(?<=。)", text):
        if none := _NONE_BEFORE.search(sentence):
            out += [(m.group(0), start + m.start(), none.group(0)) for m in _FALL_BY.finditer(sentence)]
        start += len(sentence)
    return out


# "…的主要原因是：" with nothing after it, or a placeholder where the reason belongs
_REASON_OPEN = re.compile(r"原因(?:是|为|在于|系|如下)?:?(?P<rest>XX+|××+|xx+|…+|\.{3,}|待补充|\(?略\)?)?(?=$|。|;)")


def empty_reasons(text: str) -> list[tuple[str, int, bool]]:
    """Where the (normalised) text says it gives a reason and gives none: (phrase, where, whether
    it ends the text with nothing after it — the reason may then go on in the next paragraph)."""
    out = []
    for m in _REASON_OPEN.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "无的其" and not m.group("rest") and text[m.start() - 2:m.start()] != "主要":
            continue  # 无原因, 其原因: not a reason announced
        out.append((m.group(0), m.start(), not m.group("rest") and m.end() >= len(text.rstrip("。"))))
    return out
