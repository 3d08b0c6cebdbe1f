"""Counts a report states of its vehicles and staff, read from a sentence as printed:

    截至2023年12月31日，本部门共有车辆2辆，其中：机要通信用车1辆、应急保障用车1辆、…其他用车0辆
    年末使用财政拨款负担费用的公务用车保有量0辆
    本部门年末在职人员7人 / 人员编制数16人，其中实有人数8人，在职人数：6人 / 编制338名，其中行政编制200名

A count is what is counted (`COUNTED`: 车辆总数, 公务用车保有量, 公务用车购置数, 在职人数, 编制数,
实有人数), its number as printed, the qualifiers its clause prints (年末, 财政拨款 …) and, for an item
of a 其中 list (机要通信用车, 行政编制), the total it is part of.  The label is the whole run of words
before the number, so 行政编制200名 is a part of 编制, never 编制 itself; what none of the kinds
names (接待19批次, 5辆智能车载采集车) is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# what is counted, by the words of its label (after its qualifiers are taken off), first match wins
COUNTED: tuple[tuple[str, str, str], ...] = (
    ("公务用车保有量", r"公务用车(?:的)?保有量", "辆"),
    ("公务用车购置数", r"购置(?:了)?公务用车|公务用车购置(?:数量?)?", "辆"),
    ("车辆总数", r"^(?:部门\(单位\)|本部门\(单位\)|单位)?(?:共有|现有|实有)?车辆(?:数|总数|数合计|合计)?(?:\((?:台、)?辆\))?$", "辆"),
    ("在职人数", r"^(?:实际在编)?在职(?:人员|人数|人员数)?$", "人"),
    ("编制数", r"^(?:人员)?编制(?:数|人数)?$", "人"),
    ("实有人数", r"^实有(?:人数|人员)$", "人"),
)
_COUNTED = tuple((key, re.compile(p), unit) for key, p, unit in COUNTED)
# an item a 其中 list counts: a kind of vehicle, a kind of post
_PART = {"辆": re.compile(r"用车$"), "人": re.compile(r"编制$")}
_NUMBER = re.compile(r"(?P<n>\d+)(?P<unit>辆|人|名)(?!次|民|员|大|称|单|义|额|字|录)")
_QUALIFIERS = re.compile(r"年末|年初|截至\d{4}年12月31日|截止\d{4}年12月31日|财政拨款|本级|全年|不含|由养老保险基金")
_LEAD = re.compile(r"^(?:本部门|本单位|我部门|我单位|全部门|部门)?(?:\(单位\))?(?:年末|年初|全年)?")
_VERB = re.compile(r"(?:共有|现有|有|为|共|共计|合计|计|达|:)+$")


@dataclass(frozen=True)
class Count:
    counted: str  # one of COUNTED's kinds, or the item's own name for a part
    number: int
    unit: str  # 辆 or 人
    phrase: str  # the label and number as printed (normalised)
    start: int
    qualifiers: tuple[str, ...] = field(default=())
    part_of: str | None = None  # the kind of the total a 其中 item belongs to


def _clause(text: str, end: int) -> tuple[int, str]:
    """The words before a number back to the last comma, colon or 其中 (a colon right before the
    number belongs to its label: 在职人数：6人)."""
    head = re.sub(r"[:：为共有]+$", "", text[:end])
    among = head.rfind("其中")
    cut = max([head.rfind(c) for c in ",;。、:"] + [among + 1 if among >= 0 else -1])
    return cut + 1, head[cut + 1:]


def counts(text: str, department: str | None = None) -> list[Count]:
    """The counts of vehicles and staff a normalised text states, in reading order."""
    out: list[Count] = []
    total: Count | None = None  # the count a following 其中 list breaks down
    listing = False
    for m in _NUMBER.finditer(text):
        unit = "人" if m.group("unit") in ("人", "名") else "辆"
        before = text[:m.start()]
        sentence_start = before.rfind("。") + 1
        if total is not None and (total.unit != unit or (
                total.start < sentence_start and not text[sentence_start:].startswith("其中"))
                or text[total.start:sentence_start].count("。") > 1):
            total, listing = None, False
        if total is not None and "其中" in text[total.start:m.start()]:
            listing = True
        begin, label = _clause(text, m.start())
        label = _VERB.sub("", label)
        if department:
            label = label.replace(department, "")
        qualifiers = tuple(dict.fromkeys(q.group(0) for q in _QUALIFIERS.finditer(
            text[sentence_start:m.start()] if total is None else label)))
        label = _LEAD.sub("", _QUALIFIERS.sub("", label))
        label = re.sub(r"^(?:使用|开支)?的?(?:负担费用的|负担的)?", "", label)
        kind = next((key for key, pattern, u in _COUNTED if u == unit and pattern.search(label)), None)
        phrase = text[begin:m.end()]
        if listing and total is not None and _PART[unit].search(label) and kind is None:
            out.append(Count(label, int(m.group("n")), unit, phrase, m.start(), qualifiers, total.counted))
            continue
        if kind is None:
            continue
        found = Count(kind, int(m.group("n")), unit, phrase, m.start(), qualifiers)
        out.append(found)
        if kind in ("车辆总数", "编制数"):
            total, listing = found, False
    return out
