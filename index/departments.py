"""Which department a question is about, recognised from the names in the store itself.

People shorten names freely (泉州数字办, 晋城大数据局, 智慧福州中心, 浔阳数经中心, 省检察院): what
they keep are characters of the full name, in order.  A stretch of the question that is such a
subsequence of a department's name names it; the longer the stretch, the surer.  Two characters
count only when printed together in the name (the city alone: 泉州).  Fiscal words are removed
from the question first, so 财政拨款 does not read as 上海市普陀区财政局.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.names import ORG_END, place, place_words


@dataclass(frozen=True)
class DepartmentMatch:
    name: str
    span: str  # the stretch of the question that named it
    strength: int


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _longest_prefix_in_order(question: str, start: int, name: str) -> int:
    """How many characters of question[start:] appear, in order, in name (greedy matching is
    optimal for a subsequence test): at most len(name) steps."""
    k = 0
    for ch in name:
        if start + k < len(question) and question[start + k] == ch:
            k += 1
    return k


# A party organ's prefix is shared by every party organ: two characters of it (中国, 中共) alone name none.
_PARTY = ("中国共产党", "中共")


def _best_span(question: str, name: str) -> str:
    """The longest stretch of the question whose characters appear in order in the name (three
    or more characters, or two printed together).  Linear in the question's length times the
    name's: the longest such stretch from each start is found greedily, never by trying every end."""
    best = ""
    chars = set(name)
    for i, ch in enumerate(question):
        if ch not in chars:
            continue
        k = _longest_prefix_in_order(question, i, name)
        span = question[i:i + k]
        if len(span) > len(best) and (len(span) >= 3 or (span in name and not any(span in p for p in _PARTY))):
            best = span
    return best if len(best) >= 2 else ""


def match_departments(question: str, names: list[str], fiscal_words: list[str] = ()) -> list[DepartmentMatch]:
    """Departments the question names, strongest first; ties are for the caller to report."""
    exact = [n for n in names if n in question]
    if exact:  # the full printed name
        return [DepartmentMatch(n, n, len(n)) for n in sorted(exact, key=len, reverse=True)[:1]]
    present = [w for w in fiscal_words if len(w) >= 2 and w in question]
    stripped = question
    for word in sorted(present, key=len, reverse=True):
        stripped = stripped.replace(word, "|")
    # where the fiscal words stand: a span that takes characters of one (财政 of 财政拨款, 办公 of
    # 办公费 in "公用经费中办公费") names no department by them
    taken = [(m.start(), m.end()) for w in present if not any(w in n for n in names)  # a unit's name is no fiscal word
             for m in re.finditer(re.escape(w), question)]
    places = {w for n in names for w in place_words(n)}
    matches, rejected = [], []
    for name in names:
        span = _best_span(question, name)
        at = question.find(span) if span else -1
        if span and (any(span in w for w in present)
                     or any(a < at + len(span) and at < b for a, b in taken)):
            span = _best_span(stripped, name)
        short = conventional(name)
        if short != name and len(s := _best_span(stripped, short)) > len(span):
            span = s  # 高院 of 江苏省高院 (江苏省高级人民法院)
        if span and (stretch := other_place(question, span, name, places)):
            rejected.append((*stretch, len(span), bool(ORG_END.search(span))))
        elif span:
            matches.append(DepartmentMatch(name, span, len(span)))
    # the stretch another organisation's name takes (数字晋江建设办公室) names no department by
    # weaker words inside it either (数字 of 九江市浔阳区数字经济发展中心) — but its place may (晋城市 of
    # “晋城市智慧人大建设项目费用”, a project of 晋城市大数据应用局)
    # a place inside an organisation's name (数字福州建设办公室) names no department of that place either
    matches = [m for m in matches if not any(
        a < (at := question.find(m.span)) + len(m.span) and at < b and n >= m.strength
        and (org or m.span not in (*place_words(m.name), place(m.name))) for a, b, n, org in rejected)]
    matches.sort(key=lambda m: -m.strength)
    if not matches:
        return []
    top = matches[0].strength
    return one_per_department([m for m in matches if m.strength == top], question)


# what stands before a name without belonging to it: a list word, a separator (not the mark a
# question's quotes are masked with: “智慧上海”管理服务中心 is one name)
_NOT_NAME = re.compile(r"[^\u4e00-\u9fff“”\"|]|[和与及跟同的、]")


def other_place(question: str, span: str, name: str, places: set[str]) -> tuple[int, int] | None:
    """The stretch (start, end) of the question that names a place the department's name does not
    hold around a match, None when there is none: the span with the name written just before it
    (数字晋江建设办公室 — a unit of 晋江's department — read as 泉州市数字泉州建设办公室 by 建设办公室;
    数字福州… by 州建设办公室) is another organisation's."""
    at = question.find(span)
    if at < 0:
        return None
    left = _NOT_NAME.split(question[max(0, at - 4):at])[-1]
    stretch = left + span
    if any(w in stretch.replace("|", "") and w not in name for w in places):
        return at - len(left), at + len(span)
    return None


# the conventional short forms of an organ's name, said everywhere (省高院, 市中院): documented here,
# applied to a printed name so that a question's words can be read against its short form too
CONVENTIONAL_SHORT = (("高级人民法院", "高院"), ("中级人民法院", "中院"), ("人民检察院", "检察院"))


def conventional(name: str) -> str:
    """The printed name with its organ's conventional short form (江苏省高级人民法院 → 江苏省高院)."""
    for full, short in CONVENTIONAL_SHORT:
        name = name.replace(full, short)
    return name


def one_per_department(matches: list[DepartmentMatch], question: str = "") -> list[DepartmentMatch]:
    """Equally strong matches, one per department: several printed forms of one department
    (中共江苏省委办公厅, 江苏省委办公厅; `index.aliases.department_key`) are one match, the form
    the question's words are printed in together first.  And a stretch printed together in some
    names beats the same stretch only found in order in others (省委办公厅 is printed in
    江苏省委办公厅; in 江苏省人大常委会办公厅 its 委 is 常委会's) — over the same stretch of the question."""
    from .aliases import department_key

    together = [m for m in matches if m.span in m.name]
    if together and question:
        # only over the same stretch: a later stretch printed together (企业管理服务专项's 管理服务)
        # does not outrank an earlier one that names another department (晋江经信)
        first = min(question.find(m.span) for m in matches)
        if any(question.find(m.span) > first for m in together):
            together = [m for m in together if question.find(m.span) == first]
    if together:
        matches = together
    out: dict[str, DepartmentMatch] = {}
    for m in sorted(matches, key=lambda m: (question.find(m.span) if question else 0, m.span not in m.name, -len(m.name))):
        out.setdefault(department_key(m.name), m)
    return list(out.values())


def department_spans(question: str, names: list[str], fiscal_words: list[str] = ()) -> dict[str, str]:
    """For each department, the stretch of the question that names it ('' when none does)."""
    present = [w for w in fiscal_words if len(w) >= 2 and w in question]
    stripped = question
    for word in sorted(present, key=len, reverse=True):
        stripped = stripped.replace(word, "|")
    return {name: _best_span(stripped, name) for name in names}


def departments_named(question: str, names: list[str], fiscal_words: list[str] = ()) -> list[str]:
    """Every department a comparison names (普陀三家 → the three 普陀 departments; a list of
    short names → each of them); none named → the caller compares all."""
    from .aliases import department_key

    spans = department_spans(question, names, fiscal_words)
    strong = [n for n, sp in spans.items() if len(sp) >= 3]
    named = strong or [n for n, sp in spans.items() if len(sp) == 2]
    out: dict[str, str] = {}  # one form per department, the longest stretch's
    for n in sorted(named, key=lambda n: -len(spans[n])):
        out.setdefault(department_key(n), n)
    return [n for n in named if n in out.values()]




# The leading place of a printed name: a province, municipality, autonomous region, prefecture
# (州, 盟, 地区), city, county or district, two to four characters before its level word (上海市,
# 黑龙江省, 呼和浩特市, 锡林郭勒盟), or an autonomous area's longer name (广西壮族自治区).  A party
# organ's 中共 / 中国共产党 stays in front of what is left.
_LEADING_PLACE = re.compile(
    r"^(?P<party>中共|中国共产党)?"
    r"(?P<place>[\u4e00-\u9fff]{2,8}?自治(?:区|州|县|旗)|[\u4e00-\u9fff]{2,4}?(?:地区|省|市|州|盟|县|区))")
# Where the level word begins a word of the name itself (省委, 市场, 市级, 县属, 市辖, 区直) the
# place cannot be cut off; a zone named like a district (工业园区, 开发区, 社区) is not a place.
_NOT_AFTER_PLACE = re.compile(r"^[委场级属辖直]")
_NOT_A_PLACE = re.compile(r"(园区|开发区|社区|景区|保税区|示范区|试验区)$")
_MIN_SHORT = 4


def short_names(names: list[str]) -> dict[str, str]:
    """For each printed department name, the form to label it with where space is short: the name
    without its leading place (上海市普陀区财政局 → 普陀区财政局, 泉州市数字泉州建设办公室 →
    数字泉州建设办公室, 中共上海市普陀区委社会工作部 → 中共普陀区委社会工作部), only the first place
    and only where what is left has at least four characters and names no other department of the
    list (as its short form or as its printed name).  Otherwise, the name as printed."""
    candidates = {}
    for name in dict.fromkeys(names):
        short = _without_leading_place(name)
        candidates[name] = short if short and len(short) >= _MIN_SHORT else name
    counts: dict[str, int] = {}
    for short in candidates.values():
        counts[short] = counts.get(short, 0) + 1
    printed = set(candidates)
    return {name: short if short == name or (counts[short] == 1 and short not in printed) else name
            for name, short in candidates.items()}


def _without_leading_place(name: str) -> str | None:
    m = _LEADING_PLACE.match(name)
    if not m or _NOT_A_PLACE.search(m.group("place")):
        return None
    rest = name[m.end():]
    if not rest or _NOT_AFTER_PLACE.match(rest):
        return None
    return (m.group("party") or "") + rest
