"""Rules on the narrative's words against its numbers (domain.comparisons reads the words,
domain.statements the figures):

- wording-comparison: 大于/小于/等于/持平 said of a figure against its budget or the year before
  agrees with the figures printed for it — the budget and final amount (or the completion rate)
  of the statement the words speak of, or its change on the year before;
- wording-change: an amount and a rate of one change (增加 10.00万元，增长 9.41%) go the same
  way, and nothing falls from a year that had none (去年没有此项支出); a fall of more than 100% is
  fall-over-100's (checks/hygiene.py);
- wording-reason: where the text announces a reason (…的主要原因是：) a reason follows.

A comparison speaks of the statement its clause names (2024年度“三公”经费支出决算数小于预算数 →
the 三公 statement), else of the last statement before it in its paragraph (a paragraph with no
figures of its own — 决算数与预算数基本持平。 after a page break — goes on from the one before).
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.comparisons import change_pairs, comparisons, direction, empty_reasons, falls_from_nothing, normalised
from domain.normalize import compact

from .model import ERROR, NOTICE, ROUNDING, ROUNDING_DIFF, CellRef, Finding, amount
from .report import Report
from .said import budget_nearby, number

_APPROXIMATE = Decimal("0.05")  # 基本持平: within 5 %
_WHO = re.compile(r"(?:19|20)\d{2}年度?|当年|本年|本期|年度|决算数?|预算数?|支出数|执行数|[“”\"'()]|数$")
_NEW_ITEM = re.compile(r"^(?:\(?[一二三四五六七八九十\d]+[)、.．]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|附件)")


def _cite(report: Report, passage: dict, sentence: str, value: str, label: str = "") -> CellRef:
    """A sentence of a passage, cited by the line of the paragraph that prints `value`."""
    line = passage["line"]
    if report.lines and line:
        span = range(line, min(passage["end_line"] or line, len(report.lines)) + 1)
        target = compact(value)
        line = next((n for n in span if target and target in report.lines[n - 1]), line)
    return CellRef(report.document, passage["page"], line, None, sentence, None, value, label=label)


def _sentence_at(text: str, at: int) -> str:
    start = text.rfind("。", 0, at) + 1
    end = text.find("。", at)
    return text[start:end + 1 if end >= 0 else len(text)]


def _paragraphs(report: Report) -> list[tuple[dict, str, list[tuple[int, object]]]]:
    """Each passage with its normalised text and the statements read from it, each with where its
    sentence starts; a passage with no figures of its own carries on the one before it."""
    at_place: dict[tuple, list[dict]] = {}
    for p in report.passages:
        at_place.setdefault((p["page"], p["line"]), []).append(p)
    mine: dict[int, list] = {}
    for s in report.statements:
        # the passage holding the whole sentence (several at one page may open alike)
        here = at_place.get((s.page, s.line), [])
        p = next((q for q in here if s.sentence in normalised(q["text"])), None) or report.passage_of(s)
        if p is not None:
            mine.setdefault(id(p), []).append(s)
    out = []
    previous: list[tuple[int, object]] = []
    for p in report.passages:
        text = normalised(p["text"])
        said = []
        cursor = 0  # statements are in reading order: each is found after the one before
        for s in mine.get(id(p), []):
            start = text.find(s.sentence, text.rfind("。", 0, cursor) + 1 if cursor else 0)
            if start < 0:
                start = max(text.find(s.sentence[:20]), 0)
            end = start + len(s.sentence)
            begin = max(start, cursor)
            found = [text.find(v, begin, end) for v in (s.amount, s.budget, s.change, s.change_pct, s.completion) if v]
            at = min((n for n in found if n >= 0), default=start)
            cursor = at + 1
            said.append((at, s))
        if not said and not _NEW_ITEM.match(text):
            said = [(-1, s) for _, s in previous]  # goes on from the paragraph before
        out.append((p, text, said))
        previous = said if said else []
    return out


def _longest_common(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _spoken_of(text: str, at: int, subject: str | None, said: list[tuple[int, object]]):
    """The statement a comparison at `at` speaks of."""
    before = [(start, s) for start, s in said if start <= at]
    if not before:
        return None
    if subject is None:
        clause = re.split(r"[,;:。]", text[:at])[-1]
        subject = _WHO.sub("", clause)
    subject = _WHO.sub("", subject)
    if len(subject) >= 2:
        scored = [(_longest_common(subject, _WHO.sub("", s.subject)), i) for i, (_, s) in enumerate(before)]
        best = max(scored)
        if best[0] < min(3, len(subject)):
            return None  # it names something the paragraph states no figure of
        return before[max(i for n, i in scored if n == best[0])][1]
    start, s = before[-1]
    # words after another amount than the statement's own speak of that amount's thing
    own = {v for v in (s.amount, s.budget, s.change, s.change_pct, s.completion) if v}
    if any(m.group(1) not in own for m in _AMOUNTS.finditer(text[max(start, 0):at])):
        return None
    return s


_AMOUNTS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:万元|%)")
_WORD = {1: "大于", -1: "小于", 0: "等于"}


def wording_comparison(report: Report) -> list[Finding]:
    out = []
    for passage, text, said in _paragraphs(report):
        if not said:
            continue
        for c in comparisons(text):
            m = re.search(r"相比,(?P<subject>[^,;:。\d]{0,20}?)(?:基本|大体|大致)?(?:持平|一致|相同|相当|相等)$", c.phrase)
            s = _spoken_of(text, c.start, m.group("subject") if m else None, said)
            if s is None:
                continue
            s = _with_siblings(s, [o for start, o in said if start <= c.start])
            found = _against_budget(report, s, c) if c.against == "预算" else _against_last_year(s, c)
            if found is None:
                continue
            severity, what, figures = found
            sentence = _sentence_at(text, c.start)
            cells = [_cite(report, passage, sentence, c.phrase, s.subject)]
            cells += [report.sentence(s, v) for v in figures if v and v in s.sentence]
            if len(cells) == 1 and figures:
                cells.append(report.sentence(s, figures[0]))
            out.append(Finding("wording-comparison", severity,
                               f"说明写“{c.phrase}”，而“{s.subject}”{what}", _expected(c, what), c.phrase,
                               tuple(dict.fromkeys(cells))))
    return out


def _with_siblings(s, before: list):
    """The statement with what other statements of its paragraph print of the same subject
    (“三公”经费支出23.18万元，完成全年预算的92.72% … “三公”经费全年预算数为25.00万元)."""
    from dataclasses import replace

    from domain.statements import subject_key

    key = subject_key(_WHO.sub("", s.subject))
    same = [o for o in before if o is not s and subject_key(_WHO.sub("", o.subject)) == key]
    filled = {}
    for name in ("amount", "budget", "completion", "change", "change_pct"):
        if getattr(s, name) is None:
            value = next((getattr(o, name) for o in reversed(same) if getattr(o, name) is not None), None)
            if value is not None:
                filled[name] = value
                if name in ("change", "change_pct") and "direction" not in filled:
                    filled["direction"] = next(o.direction for o in reversed(same) if getattr(o, name) is not None)
    return replace(s, **filled) if filled else s


def _expected(c, what: str) -> str:
    m = re.search(r"决算数?(大于|小于|等于|基本持平)|(增加|减少|持平)", what)
    return (m.group(1) or m.group(2)) if m else ""


def _against_budget(report: Report, s, c):
    final = number(s.amount)
    budget_text = s.budget or budget_nearby(report, s)
    budget = number(budget_text)
    if final is not None and budget is not None:
        diff = final - budget
        relation = (diff > 0) - (diff < 0)
        what = f"决算 {s.amount}万元、预算 {budget_text}万元，决算数{_WORD[relation]}预算数"
        if c.relation == 0:
            if diff == 0:
                return None
            if c.approximate:
                if budget and abs(diff) <= abs(budget) * _APPROXIMATE:
                    return None
                return (NOTICE, what + f"（相差 {amount(diff)}，超过预算的 5%，“基本持平”说得过宽）", (s.amount, budget_text))
            if abs(diff) <= ROUNDING:
                return (ROUNDING_DIFF, what + f"（相差 {amount(diff)}，属尾数差异）", (s.amount, budget_text))
            return (ERROR, what + f"（相差 {amount(diff)}）", (s.amount, budget_text))
        if relation == c.relation:
            return None
        return (ERROR, what, (s.amount, budget_text))
    rate = number(s.completion)
    if rate is None or (rate == 0 and not final):
        return None  # 完成预算的0% of nothing spent: the budget may be nothing too
    relation = (rate > 100) - (rate < 100)
    what = f"完成预算的 {s.completion}%，决算数{_WORD[relation]}预算数"
    if c.relation == 0:
        if relation == 0 or (c.approximate and abs(rate - 100) <= 100 * _APPROXIMATE):
            return None
        severity = NOTICE if c.approximate or abs(rate - 100) < 1 else ERROR
        return (severity, what, (f"{s.completion}%",))
    if relation == c.relation or relation == 0:
        return None  # a printed 100% may round a figure a little above or below its budget
    return (ERROR, what, (f"{s.completion}%",))


def _against_last_year(s, c):
    change, unit = (s.change, "万元") if s.change else (s.change_pct, "%") if s.change_pct else (None, "")
    value = number(change)
    if value is None:
        return None
    relation = 0 if value == 0 else s.direction
    word = {1: "增加", -1: "减少", 0: "持平"}[relation]
    what = f"比上年{word}" + ("" if relation == 0 else f" {change}{unit}")
    if relation == c.relation:
        return None
    if c.relation == 0:
        if unit == "万元" and abs(value) <= ROUNDING:
            return (ROUNDING_DIFF, what + "（属尾数差异）", (change,))
        pct = number(s.change_pct)
        if c.approximate and pct is not None and pct <= 100 * _APPROXIMATE:
            return None
        return (NOTICE if c.approximate else ERROR, what, (change,))
    return (ERROR, what, (change,))


def wording_change(report: Report) -> list[Finding]:
    out = []
    for passage, text, _ in _paragraphs(report):
        for pair in change_pairs(text):
            a, r = number(pair.amount), number(pair.rate)
            if a is None or r is None or (a == 0 and r == 0):
                continue
            if direction(pair.amount_word) == direction(pair.rate_word):
                continue
            sentence = _sentence_at(text, pair.start)
            out.append(Finding(
                "wording-change", ERROR,
                f"说明同一处变动写作“{pair.amount_word}{pair.amount}{pair.unit}”又写作“{pair.rate_word}{pair.rate}%”，增减方向相反",
                f"{pair.amount_word}…{'增长' if direction(pair.amount_word) > 0 else '下降'}", pair.phrase,
                (_cite(report, passage, sentence, pair.phrase),)))
        for phrase, at, said in falls_from_nothing(text):
            sentence = _sentence_at(text, at)
            out.append(Finding(
                "wording-change", ERROR, f"说明写“{said}”，又写比上年“{phrase}”：上年没有的不会减少",
                "增加", phrase, (_cite(report, passage, sentence, phrase),)))
    return out


def wording_reason(report: Report) -> list[Finding]:
    out = []
    passages = report.passages
    for i, p in enumerate(passages):
        text = normalised(p["text"])
        for phrase, at, at_end in empty_reasons(text):
            if at_end and i + 1 < len(passages):
                following = normalised(passages[i + 1]["text"])
                if following and not _NEW_ITEM.match(following) and (passages[i + 1]["section"] == p["section"]):
                    continue  # the reason goes on in the next paragraph (a page break)
            sentence = _sentence_at(text, at)
            out.append(Finding(
                "wording-reason", NOTICE,
                f"说明写“{sentence[-30:]}”，要说明原因却没有写出原因（或只写了占位符）",
                "原因", phrase, (_cite(report, p, sentence, phrase),)))
    return out
