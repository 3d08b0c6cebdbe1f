"""绩效 self-assessment forms: the total score agrees with the grade printed beside it.

A form prints its total score in a 总分 / 评价总分 (总权重、评价总分) row and its grade either in that
row (优) or in a 评价等级 row, often with its band (良（90>S≥80）) — or as a row of options with
one ticked (☑优秀（S≥90） □良好（90>S≥75） …, an <input checked> box, √ or ✓ before it).  The
band printed is the one checked; without one, the standard bands of 财政部《项目支出绩效评价管理办法》
apply: 优 90–100, 良 80–<90, 中 60–<80, 差 below 60."""
from __future__ import annotations

import re
from decimal import Decimal

from domain.grades import GRADE_WORD
from domain.normalize import compact

from .model import ERROR, Finding
from .report import Report

BANDS = {"优": (Decimal(90), Decimal(101)), "优秀": (Decimal(90), Decimal(101)), "良": (Decimal(80), Decimal(90)),
         "良好": (Decimal(80), Decimal(90)), "中": (Decimal(60), Decimal(80)), "差": (Decimal(0), Decimal(60))}
_TOTAL_ROW = re.compile(r"^(?:[^/]*/)?(?:总分|总分值、?评价总分|总权重、?评价总分|评价总分|自评总分|合计得分)")
_GRADE_ROW = re.compile(r"^(?:评价等级|自评等级|绩效等级|评价等次|自评等次|评价结果)$")
_SCORE_COLUMN = re.compile(r"得分|评分")
_LOWER = re.compile(r"S\s*(?:≥|≧|>=|\\geq|＞=|>)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:≤|≦|<=|\\leq)\s*S")
_UPPER = re.compile(r"(\d+(?:\.\d+)?)\s*(?:>|＞|\\gt)\s*S|S\s*(?:<|＜|\\lt)\s*(\d+(?:\.\d+)?)")


def performance_grade(report: Report) -> list[Finding]:
    out = []
    for facts in report.of_kind("项目支出绩效自评表"):
        score, grade = _score(facts), _grade(facts)
        if score is None or grade is None:
            continue
        options = _options(grade["value_text"])
        printed = next(text for ticked, text in options if ticked) if options else grade["value_text"].strip()
        word = GRADE_WORD.match(compact(printed)).group(1)
        band = _band(printed, word)
        if band is None:
            continue
        low, high = band
        if low <= score["number"] < high:
            continue
        # the grade whose band holds the score: among the options printed, else the standard bands
        expected = next((w for w, (lo, hi) in _option_bands(options) if lo <= score["number"] < hi), None) \
            or next((w for w in ("优", "良", "中", "差") if BANDS[w][0] <= score["number"] < BANDS[w][1]), "")
        out.append(Finding(
            "performance-grade", ERROR,
            f"{facts[0]['table_title']}：总分印为 {score['value_text']}分，等级却{'勾选' if options else '印'}为“{printed}”"
            f"（该等级对应 {low}{'' if high > 100 else f'–{high}'} 分{'以上' if high > 100 else ''}）",
            expected, printed, (report.cell(score), report.cell(grade))))
    return out


# a ticked box before a grade option, and an empty one (as forms converted to text print them)
_TICKED = re.compile(r"<input[^>]*checked[^>]*>|[☑√✓✔■▣]")
_UNTICKED = re.compile(r"<input(?![^>]*checked)[^>]*>|[□☐]")


def _options(printed: str) -> list[tuple[bool, str]] | None:
    """The grade options a row prints behind boxes, each with whether it is ticked; None when it
    prints no boxes, or not exactly one ticked."""
    marked = _UNTICKED.sub("\x01", _TICKED.sub("\x02", printed or "")).replace("$", "")
    parts = re.split(r"([\x01\x02])", marked)
    options = [(parts[i] == "\x02", parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]
    if len(options) < 2 or sum(t for t, _ in options) != 1:
        return None
    return options


def _option_bands(options: list[tuple[bool, str]] | None) -> list[tuple[str, tuple[Decimal, Decimal]]]:
    """Each printed option's grade word with its band."""
    out = []
    for _, text in options or ():
        word = GRADE_WORD.match(compact(text))
        band = _band(text, word.group(1)) if word else None
        if band:
            out.append((word.group(1), band))
    return out


def _score(facts: list[dict]) -> dict | None:
    row = [f for f in facts if _TOTAL_ROW.match(compact(f["row_label"])) and f["number"] is not None
           and f["unit"] in ("分", "")]
    if not row:
        return None
    named = [f for f in row if _SCORE_COLUMN.search(f["column"])]
    if named:
        return named[0]
    # 总分值 and 评价总分 side by side (100 | 95): the score is the smaller
    return min(row, key=lambda f: f["number"])


def _grade(facts: list[dict]) -> dict | None:
    for f in facts:
        text = compact(f["value_text"] or "")
        label = compact(f["row_label"])
        options = _options(f["value_text"])
        if options and _GRADE_ROW.match(label):
            ticked = next(t for on, t in options if on)
            if GRADE_WORD.match(compact(ticked)):
                return f
            continue
        if not GRADE_WORD.match(text):
            continue
        if _GRADE_ROW.match(label) or (_TOTAL_ROW.match(label) and GRADE_WORD.fullmatch(text)):
            return f
    return None


def _band(printed: str, word: str) -> tuple[Decimal, Decimal] | None:
    """The band the form prints with its grade, else the standard one."""
    printed = printed.replace("$", "")
    lower, upper = _LOWER.search(printed), _UPPER.search(printed)
    if lower or upper:
        low = Decimal(next(g for g in lower.groups() if g)) if lower else Decimal(0)
        high = Decimal(next(g for g in upper.groups() if g)) if upper else Decimal(101)
        return low, high
    return BANDS.get(word)
