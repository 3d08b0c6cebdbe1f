"""What the narrative (情况说明) says, as the checks read it (its statements are Report.statements):
their amounts as numbers, their subjects without lead-ins, the section and the words around them,
a budget a separate sentence gives, and the 占比 sentences with the whole they name."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from domain.normalize import compact

from .report import Report

TAIL = re.compile(r"(?:决算数?)$")


def number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if text else None
    except InvalidOperation:
        return None


def clean(subject: str) -> str:
    """A narrative subject as the patterns read it: no lead-in before a colon, no 其中, half-width brackets."""
    text = compact(subject).replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
    text = re.sub(r"^.*[:：]", "", text)
    return re.sub(r"^(?:其中|全年|本年度|年度)", "", text)


def section_of(report: Report, s) -> str:
    """The heading path of the passage a statement was read from."""
    passage = report.passage_of(s)
    return (passage or {}).get("section") or ""


def words_before(s) -> str:
    """The sentence's words up to its amount, without years, list numbers or bracketed asides."""
    text = compact(s.sentence)
    at = text.find(s.amount)
    text = re.sub(r"(?:19|20)\d{2}年度?", "", text[:at] if at >= 0 else text)
    text = re.sub(r"[（(][^（）()]*[)）]", "", text)
    return re.sub(r"(?:^|(?<=[,，。;；:：]))\s*(?:\d+[、.．]|[（(]?[一二三四五六七八九十]+[)）、])", "", text)


def budget_nearby(report: Report, s) -> str | None:
    """The budget a separate sentence of the same passage prints for the same subject
    (“…三公经费支出23.18万元，完成全年预算的92.72%…三公经费全年预算数为25.00万元”)."""
    from domain.statements import subject_key

    key = subject_key(TAIL.sub("", s.subject))
    return next((o.budget for o in report.statements if o.budget and (o.page, o.line) == (s.page, s.line)
                 and subject_key(TAIL.sub("", o.subject)) == key), None)


_SHARE = re.compile(r"(?P<part>\d[\d,]*(?:\.\d+)?)万元[,，]?占(?P<whole>[^,;。\d]{0,24}?)的?(?:比[重例]为?)?(?P<pct>\d+(?:\.\d+)?)%")


def shares(report: Report):
    """占比 statements whose whole the same sentence or statement prints: “基本支出689.96万元，
    占本年支出合计的10.91%”, with the whole found by its subject among the statements."""
    found = report.statements
    by_subject = {}
    for s in found:
        if s.amount:
            by_subject.setdefault(TAIL.sub("", compact(s.subject)), s)
    for s in found:
        for m in _SHARE.finditer(compact(s.sentence).replace("（", "(").replace("）", ")")):
            whole_name = TAIL.sub("", m.group("whole").strip("本年度"))
            whole = by_subject.get(whole_name)
            if not whole_name or whole is None:
                continue
            part, total = number(m.group("part")), number(whole.amount)
            if part is None or not total:
                continue
            yield (s, part, total, m.group("pct"),
                   f"{m.group('part')}万元占{m.group('whole')}（{whole.amount}万元）的比例应为")
