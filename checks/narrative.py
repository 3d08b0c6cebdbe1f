"""Rules on the narrative (情况说明): its figures agree with the tables (narrative-table), its
rates with its own amounts (narrative-rates: 增长率 from the amount and its change on the year
before, 完成率 from the amount and the budget, 占比 from the part and the whole), a total with the
parts it lists (narrative-sums), one figure stated twice is stated the same (narrative-repeat), and
an amount it states is not printed blank in the table (narrative-blank).

The narrative's subjects are tied to table quantities by domain.quantities.NARRATIVE_QUANTITIES: a subject
that names its funds (一般公共预算财政拨款基本支出) is held to that table figure; one that matches
a figure of other funds (the all-funds 基本支出) or a near term (支出总计 for 本年支出合计) is a
notice, not an error.  Subjects the table does not print are not checked."""
from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher

from .across import subject_names
from .meaning import by_quantity, figures, in_context, meaning
from .model import ERROR, NOTICE, Finding, amount, gap, severity_of
from .report import Report
from .said import budget_nearby, clean, number, section_of, shares, words_before


def narrative_table(report: Report) -> list[Finding]:
    printed = figures(report)
    names = subject_names(report)
    out = []
    for s in report.statements:
        if not s.amount:
            continue
        strict, loose = in_context(meaning(s.subject, names), s, section_of(report, s))
        candidates = [f for key in strict for f in printed.get(key, ())]
        looser = [f for key in loose for f in printed.get(key, ())]
        if not candidates and not looser:
            continue
        said = number(s.amount)
        if said is None:
            continue
        if any(f["number"] == said for f in candidates):
            continue
        nearest = min(candidates, key=lambda f: abs(f["number"] - said)) if candidates else None
        severity = severity_of(nearest["number"] - said) if nearest else ERROR
        other = next((f for f in looser if abs(f["number"] - said) <= Decimal("0.02")), None)
        if nearest is None and other is not None:
            continue  # the table prints it only under the other funds, and there it agrees
        if severity == ERROR and other is not None:
            severity, shown = NOTICE, other
            message = (f"说明写“{s.subject}”为 {s.amount}万元，与{other['table_title']}的“{other['row_label']}”"
                       f"“{other['column']}”相同" + (f"，但{nearest['table_title']}印为 {nearest['value_text']}，"
                                                    "口径可能不同" if nearest else "，用词与表中不同"))
            cells = [shown] + ([nearest] if nearest else [])
        elif nearest is None or (not candidates and other is not None):
            continue
        else:
            message = (f"说明写“{s.subject}”为 {s.amount}万元，{nearest['table_title']}“{nearest['row_label']}”"
                       f"“{nearest['column']}”印为 {nearest['value_text']}" + gap(said - nearest["number"], severity))
            cells = [nearest]
        out.append(Finding("narrative-table", severity, message,
                           nearest["value_text"] if nearest else cells[0]["value_text"], s.amount,
                           (report.sentence(s, s.amount), *(report.cell(f) for f in cells))))
    return out


def narrative_blank(report: Report) -> list[Finding]:
    """An amount the narrative states (not zero) for a quantity no table prints a figure for,
    whose cell a table prints blank (三公 items, 机关运行经费, a total …): the cell is read from the
    stored grid (Report.blank_cells) as the quantity model reads a printed cell.  An error where
    the subject means that quantity strictly and one quantity's cells are blank; a notice where it
    may only loosely mean it, or where the blank cells are of several quantities."""
    printed = figures(report)
    names = subject_names(report)
    blank = by_quantity(report.blank_cells, names)
    if not blank:
        return []
    out = []
    for s in report.statements:
        said = number(s.amount) if s.amount else None
        if not said:
            continue  # nothing stated, or 0.00: a blank cell says as much
        strict, loose = in_context(meaning(s.subject, names), s, section_of(report, s))
        if any(printed.get(key) for key in (*strict, *loose)):
            continue  # a table prints the figure: narrative-table compares them
        keys = [key for key in strict if blank.get(key)]
        cells = [f for key in keys for f in blank[key]] or [f for key in loose for f in blank.get(key, ())]
        if not cells:
            continue
        firm = len(keys) == 1
        first = cells[0]
        where = f"{first['table_title']}" + (f"“{first['row_label']}”" if first["row_label"] else "") + f"“{first['column']}”"
        out.append(Finding(
            "narrative-blank", ERROR if firm else NOTICE,
            f"说明写“{s.subject}”为 {s.amount}万元，{where}一栏却空白，未印金额"
            + ("" if firm else "（说明所指的可能是另一口径，请核对）"),
            s.amount, "（空白）", (report.sentence(s, s.amount), *(report.cell(f) for f in cells))))
    return out


def narrative_rates(report: Report) -> list[Finding]:
    out = []
    for s in report.statements:
        now = number(s.amount) if s.amount else None
        if now is None:
            continue
        if s.change and s.change_pct and s.direction:
            change = number(s.change)
            before = now - s.direction * change if change is not None else None
            if before and before > 0 and change is not None:
                # the year before is worked out from two printed amounts: it is as rough as both together
                finding = _rate(report, s, s.change_pct, change, before, lambda c, b: c / b * 100,
                                f"比上年{'增加' if s.direction > 0 else '减少'} {s.change}万元，上年即 {amount(before)}万元，"
                                f"变动率应为", _half(change), _half(now) + _half(change))
                if finding:
                    out.append(finding)
        budget_said = s.budget or budget_nearby(report, s)
        if s.completion and budget_said:
            budget = number(budget_said)
            if budget and budget > 0:
                finding = _rate(report, s, s.completion, now, budget, lambda a, b: a / b * 100,
                                f"决算 {s.amount}万元、预算 {budget_said}万元，完成率应为")
                if finding:
                    out.append(finding)
    for s, part, whole, pct, text in shares(report):
        finding = _rate(report, s, pct, part, whole, lambda a, b: a / b * 100, text)
        if finding:
            out.append(finding)
    return out


# A whole the narrative breaks down into parts, by subject: (whole, parts, whether the parts are
# all there is).  An exhaustive breakdown must add up; a partial one must not exceed its whole.
BREAKDOWNS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    (r"政府采购(?:支出)?总额|政府采购金额(?:\(以合同签订为准\))?",
     (r"(?:政府采购)?货物(?:采购)?(?:支出|金额)", r"(?:政府采购)?工程(?:采购)?(?:支出|金额)",
      r"(?:政府采购)?服务(?:采购)?(?:支出|金额)"), True),
    (r"(?:一般公共预算)?(?:财政拨款)?基本支出", (r"人员(?:经费|支出)", r"公用(?:经费|支出)"), True),
    (r"(?:本年)?收入(?:合计)?", (r"财政拨款收入?", r"上级补助收入", r"事业收入", r"经营收入", r"附属单位上缴收入",
                               r"其他收入"), False),
    (r"(?:本年)?支出(?:合计)?", (r"基本支出", r"项目支出", r"上缴上级支出", r"经营支出", r"对附属单位补助支出"), False),
)
_BREAKDOWNS = tuple((re.compile(f"^(?:{w})$"), tuple(re.compile(f"^(?:{p})$") for p in parts), whole)
                    for w, parts, whole in BREAKDOWNS)


def narrative_sums(report: Report) -> list[Finding]:
    """A total the narrative states and the parts it lists after it, in one section: 政府采购支出总额
    = 货物 + 工程 + 服务, 基本支出 = 人员经费 + 公用经费; listed sources of 收入 or kinds of 支出
    that add up to more than the total."""
    out = []
    by_section: dict[str, list] = {}  # a paragraph per part (text) or a page of them (PDF): one section
    for st in report.statements:
        if st.amount and number(st.amount) is not None:
            by_section.setdefault(section_of(report, st) or f"{st.page}:{st.line}", []).append(st)
    for said in by_section.values():
        for whole_pattern, part_patterns, exhaustive in _BREAKDOWNS:
            at = next((i for i, st in enumerate(said) if whole_pattern.match(clean(st.subject))), None)
            if at is None:
                continue
            parts = [next((st for st in said[at + 1:] if p.match(clean(st.subject))), None) for p in part_patterns]
            found = [p for p in parts if p is not None]
            if len(found) < 2 or (exhaustive and len(found) < len(parts)):
                continue
            whole = said[at]
            total = number(whole.amount)
            figure = sum((number(p.amount) for p in found), Decimal(0)).quantize(Decimal("0.01"))
            if figure == total or (not exhaustive and figure < total):
                continue
            severity = severity_of(total - figure)
            names = " + ".join(f"{p.subject.split(':')[-1]} {p.amount}" for p in found)
            out.append(Finding(
                "narrative-sums", severity,
                f"说明写“{clean(whole.subject)}”{whole.amount}万元，所列 {names} = {amount(figure)}万元"
                + gap(total - figure, severity),
                amount(figure), whole.amount,
                (report.sentence(whole, whole.amount), *(report.sentence(p, p.amount) for p in found))))
    return out


def narrative_repeat(report: Report) -> list[Finding]:
    """The same thing said twice with different amounts: two sentences whose words up to the
    amount read nearly the same (the same nine projects, 涉及财政拨款资金共计 …)."""
    out = []
    said = [(s, words_before(s), number(s.amount)) for s in report.statements if s.amount]
    for i, (a, context_a, number_a) in enumerate(said):
        for b, context_b, number_b in said[i + 1:]:
            if a.sentence == b.sentence or number_a is None or number_b is None or number_a == number_b:
                continue
            if a.subject != b.subject or len(context_a) < 12 or len(context_b) < 12:
                continue
            numbers_a, numbers_b = sorted(re.findall(r"\d+", context_a)), sorted(re.findall(r"\d+", context_b))
            if not numbers_a or numbers_a != numbers_b:
                continue  # “9个项目” in both: the same thing; other figures around them: other things
            tail_a, tail_b = (",".join(re.split(r"[,，]", c)[-2:]) for c in (context_a, context_b))
            if SequenceMatcher(None, tail_a, tail_b).ratio() < 0.75:
                continue
            severity = severity_of(number_b - number_a)
            out.append(Finding(
                "narrative-repeat", severity,
                f"说明两处说同一件事，金额不同：先写“{a.subject}”{a.amount}万元，后又写 {b.amount}万元"
                + gap(number_b - number_a, severity),
                a.amount, b.amount, (report.sentence(a, a.amount), report.sentence(b, b.amount))))
    return out


def _half(value: Decimal) -> Decimal:
    """Half the last printed place of an amount (28.1 → 0.05, 3401.59 → 0.005): how far from it
    the unrounded amount may be."""
    return Decimal(1).scaleb(min(value.as_tuple().exponent, 0)) / 2


def _rate(report: Report, s, printed: str, top: Decimal, bottom: Decimal, formula, text: str,
          top_spread: Decimal | None = None, bottom_spread: Decimal | None = None) -> Finding | None:
    value = number(printed)
    if value is None:
        return None
    places = len(printed.split(".")[1]) if "." in printed else 0
    computed = formula(top, bottom)
    if round(computed, places) == value:
        return None
    # the amounts are rounded where they are printed: any rate their unrounded values allow is consistent
    a = _half(top) if top_spread is None else top_spread
    b_ = _half(bottom) if bottom_spread is None else bottom_spread
    rates = [formula(t, b) for t in (top - a, top + a) for b in (bottom - b_, bottom + b_) if b > 0]
    unit = Decimal(1).scaleb(-places) / 2
    if min(rates) - unit <= value <= max(rates) + unit:
        return None
    # off by one in the last printed place (truncated rather than rounded): rounding; within a tenth
    # of a point, a rate the report may have worked out from amounts it restated: notice; more: error
    gap_ = abs(computed - value)
    severity = "rounding" if gap_ <= 2 * unit else NOTICE if gap_ <= Decimal("0.1") else ERROR
    shown = f"{computed:.{max(places, 2)}f}%"
    return Finding("narrative-rates", severity,
                   f"说明写“{s.subject}”{text} {shown}，而说明印为 {printed}%"
                   + ("（属尾数差异）" if severity == "rounding" else "")
                   + ("（相差不到0.1个百分点，可能按调整后的金额计算，请核对）" if severity == NOTICE else ""),
                   shown, f"{printed}%", (report.sentence(s, f"{printed}%"),))


