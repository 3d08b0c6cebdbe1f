"""What in a printed line is a department's name, and when two printed names are one department.

A report prints its department's name among words that are not part of it: the year (2019年度,
2018度, 二〇一九年), the kind of report (部门预算公开, 部门决算, 综合预算, 公开表格), dates (2018年2月24日),
page numbers and table codes (表一, 公开01表), a printer (江苏省财政厅印制), stamps (保密审查情况) and the
other fields of a cover (单位负责人：…).  `names_in` takes those away and keeps what is left that
reads as a name: a run of characters ending in an organisation word (局, 厅, 院, 委员会, 中心, 部 …).

`compatible` says whether two printed names can be one department: the same, one cut short by a
line break (a prefix), or one a short form of the other (its characters in order, with the same
organisation word at the end: 省人大办公厅 / 江苏省人大常委会办公厅).
"""
from __future__ import annotations

import functools
import re

# A name ends in one of these.  Longer words first so that 办公厅 is matched before 厅.
ORG_WORDS = (
    "委员会", "办公厅", "办公室", "管委会", "事务所", "研究院", "研究所", "联合会", "检察院", "法院", "政府",
    "中心", "部门", "大学", "中学", "小学", "学校", "学院", "医院", "公司", "集团", "协会", "林场", "农场",
    "局", "厅", "院", "办", "室", "委", "部", "所", "站", "队", "会", "社", "馆", "处", "署", "组", "府", "校",
    "园", "团", "司", "行", "台", "联", "协", "监狱", "场",
)
ORG_END = re.compile("(?:" + "|".join(ORG_WORDS) + ")$")  # a name that ends as an organisation's

# Labels of cover and table fields.  The department is under the first group; the others only end
# the value before them (单位：万元, 单位负责人：…, 保密审查情况：…).
DEPARTMENT_LABELS = ("部门名称", "单位名称", "编制单位", "预算单位", "填报单位", "报送单位", "部门")
OTHER_LABELS = ("单位负责人", "财务负责人", "部门负责人", "负责人", "联系人", "联系电话", "电话", "报送日期",
                "填报日期", "日期", "填表人", "制表人", "审核人", "保密审查情况", "保密审查", "金额单位", "单位")
_LABEL = re.compile(r"(?<!主管)(?<!上级)(?<!所属)(?<!本)(?<!各)(" + "|".join(
    sorted(DEPARTMENT_LABELS + OTHER_LABELS, key=len, reverse=True)) + r")[:：]")

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○ＯO一二三四五六七八九"
# a date is not the report's year: 2018年2月24日, 2023年8月, 2024-03-01
DATE = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?(?<!\d)\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
                  r"|(?<!\d)(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?(?!\d)"
                  rf"|[{_CN}]{{4}}\s*年\s*[一二三四五六七八九十]{{1,2}}\s*月(?:\s*[一二三四五六七八九十]{{1,3}}\s*日)?")
# the report's year: 2019年度, 2019年, 2018度, 2018预算 (a year before the kind of report), 二〇一九年度
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度|年|度|(?=部门|单位|预算|决算|省级|市级|县级|区级))"
                  rf"|(?<![{_CN}])([一二][{_CN}]{{3}})\s*年度?")

_KIND = re.compile(r"(?:综合)?(?:决算|预算)(?:公开|信息|文件|表格|报表|报告|情况说明|编制说明|说明|草案|表)*"
                   r"|公开(?:文件|表格|报表|表)?|报表|目录")
_CODE = re.compile(r"公开\s*\d+\s*表|公开表[一二三四五六七八九十\d]+|附?表[一二三四五六七八九十]+|表\d+"
                   r"|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                   r"|附件\s*\d*\s*[:：]?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|共\s*\d+\s*页")
_STAMP = re.compile(r"[（(](?:草案|送审稿|公开|本级|汇总|部门汇总|单位本级|含下属单位)[）)]"
                    r"|保密审查(?:情况)?|已审查|非涉密|不涉密|内部资料")
_PRINTER = re.compile(r"(?:印制|监制|编印)$")
_SEP = "|"
# where a second name begins inside a run of text: a place or the party
_PLACE_START = re.compile(r"^(?:中共|中国共产党|[^局厅院办室委部所站队会社馆处署组府校园团司行台联协中心]{1,6}?"
                          r"(?:自治区|省|市|自治州|州|区|县|盟|旗))")
_GENERIC = re.compile(r"^(?:本|我|该|各|其中|其他|主要|有关|相关|上述|下属|所属)|本部门|本单位|我局|我单位|我部|我院"
                      r"|^(?:部门|单位|机关|科室|内设机构)"
                      r"|(?:省|市|县|区|乡|镇)级(?:部门|单位)$")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff“”\"《》（）()·A-Za-z]+$")
_TRAILING_GROUP = re.compile(r"(?:部门|单位)$")


def cn_year(text: str) -> int:
    return int("".join(str(_CN_DIGITS[c]) for c in text))


# a year in Chinese numerals as a question writes it (二〇二三年, 二零一九年度): its digits
_CN_YEAR_WORD = re.compile(rf"(?<![{_CN}十百千万])([一二][{_CN}]{{3}})(?=\s*年)")


def arabic_years(text: str) -> str:
    """`text` with every year written in Chinese numerals written in digits (二〇二三年 → 2023年)."""
    return _CN_YEAR_WORD.sub(lambda m: str(year) if 1900 <= (year := cn_year(m.group(1))) < 2100 else m.group(0), text)


def years_in(text: str) -> list[int]:
    """The years a line states as a year (not a date's year, not a subject code)."""
    text = DATE.sub(_SEP, text)
    return [int(m.group(1)) if m.group(1) else cn_year(m.group(2)) for m in YEAR.finditer(text)]


def is_name(text: str) -> bool:
    return (3 <= len(text) <= 30 and bool(_NAME_CHARS.match(text)) and bool(ORG_END.search(text))
            and not _GENERIC.search(text) and text not in ORG_WORDS)


@functools.lru_cache(maxsize=65536)
def without_place(name: str) -> tuple[str, ...]:
    """A unit's name as people shorten it, without the places it begins with (晋江市节能监测中心 →
    节能监测中心; 上海市普陀区规划和自然资源局 → 普陀区规划和自然资源局, 规划和自然资源局): what is left
    after a place word (省, 市, 区, 县 …) when it is a name of five characters or more.  Nothing for
    a name that does not begin with a place, nor for 晋江市财政局 (财政局 names every city's)."""
    if not is_name(name):
        return ()
    out = []
    for i in range(2, min(len(name) - 4, 12)):
        head, rest = name[:i], name[i:]
        if (_PLACE_END.search(head) and not _ORG_INSIDE.search(head) and rest[0] not in _PLACE_CHARS
                and len(rest) >= 5 and is_name(rest)):
            out.append(rest)
    return tuple(out)


_PLACE_CHARS = "省市区县州盟旗"
_PLACE_END = re.compile(r"(?:自治区|省|市|自治州|州|区|县|盟|旗)$")
_ORG_INSIDE = re.compile("[局厅院办室委部所站队会社馆处署组府校园团司行台联协]|中心")


def _finish(segment: str) -> str | None:
    """One piece of cleaned text as a name, or None: stray edges off, a trailing 部门/单位 off when
    what is left still ends in an organisation word (办公厅部门 → 办公厅; 晋江市经信部门 stays)."""
    segment = segment.strip("-－—_·.,，、:：;；/ ")
    segment = re.sub(r"^\d+|\d+$", "", segment)
    if _TRAILING_GROUP.search(segment) and is_name(segment[:-2]):
        segment = segment[:-2]
    return segment if is_name(segment) else None


def split_runon(text: str) -> list[str]:
    """Names printed one after the other with nothing between them (中共江苏省委办公厅江苏省财政厅):
    split where a name ends and the rest begins with a place or the party and is a name itself,
    the first name as long as it can be."""
    for i in range(len(text) - 3, 2, -1):
        head, rest = text[:i], text[i:]
        if is_name(head) and _PLACE_START.match(rest):
            tail = split_runon(rest)
            if tail and all(is_name(t) for t in tail):
                return [head] + tail
    return [text]


def names_in(text: str) -> list[str]:
    """The names a line (or a joined title) prints, in order, with everything else taken away.
    The name just before 印制 is the printer of the form, not the department, and is dropped."""
    out = []
    for segment in _segments(text):
        if _PRINTER.search(segment):
            # the form's printer is the last name before 印制; what comes before it, if anything,
            # is the department (部门：中共江苏省委办公厅江苏省财政厅印制)
            parts = split_runon(_PRINTER.sub("", segment))[:-1]
        elif len(segment) > 30:
            parts = split_runon(segment)  # too long for one name: a run-on of several
        else:
            parts = [segment]  # two names one after the other can be one department's (合署办公)
        out += [n for n in (_finish(p) for p in parts) if n]
    return out


def _segments(text: str) -> list[str]:
    text = DATE.sub(_SEP, text)
    text = YEAR.sub("", text)  # a year inside a name is OCR noise (发展2023年度中心): join across it
    text = _STAMP.sub(_SEP, text)
    text = _CODE.sub(_SEP, text)
    text = _KIND.sub(_SEP, text)
    text = re.sub(r"\d+", _SEP, text)
    return [s for s in text.split(_SEP) if s]


def fields_in(text: str) -> list[tuple[str, str]]:
    """(label, value) for each labelled field printed in a line, the value up to the next label."""
    marks = list(_LABEL.finditer(text))
    return [(m.group(1), text[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(text)])
            for i, m in enumerate(marks)]


def strip_fields(text: str) -> str:
    """The line without its labelled fields (what a cover prints before 部门：…)."""
    m = _LABEL.search(text)
    return text[: m.start()] if m else text


def subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def compatible(a: str, b: str) -> bool:
    """Can two printed names be one department?  The same; one cut short (a prefix of the other);
    or one a short form of the other, ending in the same organisation word."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    short, long = sorted((a, b), key=len)
    end = ORG_END.search(short)
    return bool(end) and long.endswith(end.group(0)) and subsequence(short, long)


# the places a department's name begins with (上海市普陀区 of 上海市普陀区财政局)
_PLACE = re.compile(r"^(?:中共|中国共产党)?((?:[\u4e00-\u9fff]{2,4}?(?:省|自治区|市|州|盟|地区|县|区))+)")


@functools.lru_cache(maxsize=65536)
def place(name: str) -> str:
    """The places a name begins with, with their level words (上海市普陀区); "" when none."""
    m = _PLACE.match(name)
    return m.group(1) if m else ""


@functools.lru_cache(maxsize=65536)
def place_words(name: str) -> tuple[str, ...]:
    """The places of a name without their level words: 上海市普陀区 → 上海, 普陀."""
    return tuple(w for w in re.findall(r"([\u4e00-\u9fff]{2,4}?)(?:省|自治区|市|州|盟|地区|县|区)", place(name)) if len(w) == 2)
