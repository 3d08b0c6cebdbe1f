"""Rules on the narrative (情况说明): its figures agree with the tables (narrative-table), its
rates with its own amounts (narrative-rates: 增长率 from the amount and its change on the year
before, 完成率 from the amount and the budget, 占比 from the part and the whole), and one figure
stated twice is stated the same (narrative-repeat).

The narrative's subjects are tied to table quantities by NARRATIVE_QUANTITIES below: a subject
that names its funds (一般公共预算财政拨款基本支出) is held to that table figure; one that matches
a figure of other funds (the all-funds 基本支出) or a near term (支出总计 for 本年支出合计) is a
notice, not an error.  Subjects the table does not print are not checked."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import lru_cache

from ingest.normalize import compact

from .across import ALL, FISCAL, FUND, GENERAL, _quantity, _subject_names
from .identities import _slot
from .model import ERROR, NOTICE, Finding, amount, severity_of
from .report import Report, money

# subject as the narrative writes it (compacted, without 支出/决算 tails) -> (quantity keys it
# means, quantity keys it may loosely mean).  A key is (subject, funds, measure) as in
# checks.across, or one of the named figures of _named().
NARRATIVE_QUANTITIES: tuple[tuple[str, tuple, tuple], ...] = (
    (r"收入支出总计|收入总计|支出总计", (("总计", ALL),), (("合计", ALL, "收入"), ("合计", ALL, "支出"))),
    (r"财政拨款收入支出总计|财政拨款收入总计|财政拨款支出总计", (("总计", FISCAL),),
     (("合计", FISCAL, "支出"), ("合计", GENERAL, "支出"), ("合计", ALL, "收入"), ("合计", ALL, "支出"))),
    (r"本年收入合计|本年收入|收入合计|收入", (("合计", ALL, "收入"),), ()),
    (r"本年支出合计|本年支出|支出合计|支出", (("合计", ALL, "支出"),), ()),
    (r"基本支出", (("合计", ALL, "基本支出"),), (("合计", GENERAL, "基本支出"),)),
    (r"项目支出", (("合计", ALL, "项目支出"),), (("合计", GENERAL, "项目支出"),)),
    (r"一般公共预算(?:财政)?拨款(?:决算)?(?:本年)?支出", (("合计", GENERAL, "支出"),), (("合计", FISCAL, "支出"),)),
    (r"(?:一般公共预算)?财政拨款基本支出", (("合计", GENERAL, "基本支出"),), (("合计", ALL, "基本支出"),)),
    (r"财政拨款(?:本年)?支出", (("合计", FISCAL, "支出"), ("合计", GENERAL, "支出")), ()),
    (r"政府性基金(?:预算)?(?:财政拨款)?支出", (("合计", FUND, "支出"),), ()),
    (r"(?:一般公共预算财政拨款)?人员经费(?:支出)?", (("人员经费",),), ()),
    (r"(?:一般公共预算财政拨款)?公用经费(?:支出)?", (("公用经费",),), ()),
    (r"(?:一般公共预算(?:财政)?拨款|财政拨款)?三公经费(?:财政拨款|一般公共预算(?:财政)?拨款)?(?:支出)?",
     (("三公", "total"),), ()),
    (r"因公出国\(境\)(?:经)?费(?:支出)?", (("三公", "abroad"),), ()),
    (r"公务用车购置及运行(?:维护)?费(?:支出)?", (("三公", "car"),), ()),
    (r"公务用车购置(?:费)?(?:支出)?", (("三公", "purchase"),), ()),
    (r"公务用车运行(?:维护)?(?:费)?(?:支出)?", (("三公", "running"),), ()),
    (r"公务接待费(?:支出)?", (("三公", "reception"),), ()),
    (r"机关运行经费(?:支出)?", (("机关运行经费",),), ()),
)
_PATTERNS = tuple((re.compile(f"^(?:{p})$"), strict, loose) for p, strict, loose in NARRATIVE_QUANTITIES)
_TAIL = re.compile(r"(?:决算数?)$")
_CODE = re.compile(r"(?<!\d)(\d{7}|\d{5}|\d{3})(?!\d)")
_CATEGORY = re.compile(r"^(?:.*[:：])?([\u4e00-\u9fff]+)\(类\)$")


def narrative_table(report: Report) -> list[Finding]:
    figures = _figures(report)
    names = _subject_names(report)
    out = []
    for s in _statements(report):
        if not s.amount:
            continue
        strict, loose = _in_context(_meaning(s.subject, names), s, _section(report, s))
        candidates = [f for key in strict for f in figures.get(key, ())]
        looser = [f for key in loose for f in figures.get(key, ())]
        if not candidates and not looser:
            continue
        said = _number(s.amount)
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
                       f"“{nearest['column']}”印为 {nearest['value_text']}（相差 {amount(said - nearest['number'])}"
                       + ("，属尾数差异）" if severity == "rounding" else "）"))
            cells = [nearest]
        out.append(Finding("narrative-table", severity, message,
                           nearest["value_text"] if nearest else cells[0]["value_text"], s.amount,
                           (report.sentence(s, s.amount), *(report.cell(f) for f in cells))))
    return out


def narrative_rates(report: Report) -> list[Finding]:
    out = []
    for s in _statements(report):
        now = _number(s.amount) if s.amount else None
        if now is None:
            continue
        if s.change and s.change_pct and s.direction:
            change = _number(s.change)
            before = now - s.direction * change if change is not None else None
            if before and before > 0 and change is not None:
                finding = _rate(report, s, s.change_pct, change, before, lambda c, b: c / b * 100,
                                f"比上年{'增加' if s.direction > 0 else '减少'} {s.change}万元，上年即 {amount(before)}万元，"
                                f"变动率应为")
                if finding:
                    out.append(finding)
        budget_said = s.budget or _budget_nearby(report, s)
        if s.completion and budget_said:
            budget = _number(budget_said)
            if budget and budget > 0:
                finding = _rate(report, s, s.completion, now, budget, lambda a, b: a / b * 100,
                                f"决算 {s.amount}万元、预算 {budget_said}万元，完成率应为")
                if finding:
                    out.append(finding)
    for s, part, whole, pct, text in _shares(report):
        finding = _rate(report, s, pct, part, whole, lambda a, b: a / b * 100, text)
        if finding:
            out.append(finding)
    return out


def _budget_nearby(report: Report, s) -> str | None:
    """The budget a separate sentence of the same passage prints for the same subject
    (“…三公经费支出23.18万元，完成全年预算的92.72%…三公经费全年预算数为25.00万元”)."""
    from answer.statements import _key

    key = _key(_TAIL.sub("", s.subject))
    return next((o.budget for o in _statements(report) if o.budget and (o.page, o.line) == (s.page, s.line)
                 and _key(_TAIL.sub("", o.subject)) == key), None)


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
    for st in _statements(report):
        if st.amount and _number(st.amount) is not None:
            by_section.setdefault(_section(report, st) or f"{st.page}:{st.line}", []).append(st)
    for said in by_section.values():
        for whole_pattern, part_patterns, exhaustive in _BREAKDOWNS:
            at = next((i for i, st in enumerate(said) if whole_pattern.match(_clean(st.subject))), None)
            if at is None:
                continue
            parts = [next((st for st in said[at + 1:] if p.match(_clean(st.subject))), None) for p in part_patterns]
            found = [p for p in parts if p is not None]
            if len(found) < 2 or (exhaustive and len(found) < len(parts)):
                continue
            whole = said[at]
            total = _number(whole.amount)
            figure = sum((_number(p.amount) for p in found), Decimal(0)).quantize(Decimal("0.01"))
            if figure == total or (not exhaustive and figure < total):
                continue
            severity = severity_of(total - figure)
            names = " + ".join(f"{p.subject.split(':')[-1]} {p.amount}" for p in found)
            out.append(Finding(
                "narrative-sums", severity,
                f"说明写“{_clean(whole.subject)}”{whole.amount}万元，所列 {names} = {amount(figure)}万元"
                f"（相差 {amount(total - figure)}" + ("，属尾数差异）" if severity == "rounding" else "）"),
                amount(figure), whole.amount,
                (report.sentence(whole, whole.amount), *(report.sentence(p, p.amount) for p in found))))
    return out


def _clean(subject: str) -> str:
    """A narrative subject as the patterns read it: no lead-in before a colon, no 其中, half-width brackets."""
    text = compact(subject).replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
    text = re.sub(r"^.*[:：]", "", text)
    return re.sub(r"^(?:其中|全年|本年度|年度)", "", text)


def narrative_repeat(report: Report) -> list[Finding]:
    """The same thing said twice with different amounts: two sentences whose words up to the
    amount read nearly the same (the same nine projects, 涉及财政拨款资金共计 …)."""
    out = []
    said = [(s, _before(s), _number(s.amount)) for s in _statements(report) if s.amount]
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
                f"（相差 {amount(number_b - number_a)}" + ("，属尾数差异）" if severity == "rounding" else "）"),
                a.amount, b.amount, (report.sentence(a, a.amount), report.sentence(b, b.amount))))
    return out


# --- what the narrative says ----------------------------------------------------------------

def _statements(report: Report):
    return _read(report.document, tuple((p["text"], p["page"], p["line"]) for p in report.passages),
                 report.department or "")


@lru_cache(maxsize=16)
def _read(document: str, passages: tuple, department: str):
    from answer.statements import statements

    return tuple(statements([{"text": t, "page": pg, "line": ln, "document": document} for t, pg, ln in passages],
                            [department] if department else []))


def _number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if text else None
    except InvalidOperation:
        return None


def _meaning(subject: str, names: dict[str, str]) -> tuple[list, list]:
    text = compact(subject).replace("（", "(").replace("）", ")").replace("“", "").replace("”", "")
    text = re.sub(r"^(?:其中|全年|本年度|年度)[:：]?", "", text)
    if _CATEGORY.match(text) is None:
        text = _clean(text) or text
    core = _TAIL.sub("", text) or text
    for pattern, strict, loose in _PATTERNS:
        if pattern.match(core) or pattern.match(text):
            return list(strict), list(loose)
    # a subject code or a 类 name: the narrative's account of the general budget table, by subject
    codes = _CODE.findall(text)[:1]
    category = _CATEGORY.match(text)
    name = category.group(1) if category else core
    if not codes and name in names:
        codes = [names[name]]
    if codes:
        return [(codes[0], GENERAL, "支出")], [(codes[0], FISCAL, "支出"), (codes[0], ALL, "支出")]
    # a line of the summary table or a column of a 合计 row, by its printed name (其他收入, 经营支出)
    return [("行", core)], []


def _section(report: Report, s) -> str:
    """The heading path of the passage a statement was read from."""
    passage = report.passage_of(s)
    return (passage or {}).get("section") or ""


# a heading or an earlier clause that says whose money a bare 支出 / 总计 is
_CONTEXT_FUNDS = ((re.compile(r"一般公共预算"), GENERAL), (re.compile(r"政府性基金"), FUND),
                  (re.compile(r"财政拨款"), FISCAL))


def _in_context(meaning: tuple[list, list], s, section: str) -> tuple[list, list]:
    """A subject that names no funds (支出, 基本支出, 支出总计) read under a heading that does
    (三、一般公共预算财政拨款支出决算情况说明), or after a clause that does (财政拨款收入总计…，支出总计…),
    may mean those funds too."""
    strict, loose = meaning
    if not strict or any(k[1] != ALL for k in strict if len(k) > 1):
        return strict, loose
    before = compact(s.sentence).split(compact(s.subject))[0]
    widened = list(strict)
    for pattern, funds in _CONTEXT_FUNDS:
        if pattern.search(compact(section).split("/")[-1]) or pattern.search(before):
            for key in strict:
                if key[0] == "总计":
                    widened.append(("总计", FISCAL))
                elif len(key) == 3:
                    widened += [(key[0], funds, key[2])] + ([(key[0], GENERAL, key[2])] if funds == FISCAL else [])
            break
    return list(dict.fromkeys(widened)), loose


def _before(s) -> str:
    """The sentence's words up to its amount, without years, list numbers or bracketed asides."""
    text = compact(s.sentence)
    at = text.find(s.amount)
    text = re.sub(r"(?:19|20)\d{2}年度?", "", text[:at] if at >= 0 else text)
    text = re.sub(r"[（(][^（）()]*[)）]", "", text)
    return re.sub(r"(?:^|(?<=[,，。;；:：]))\s*(?:\d+[、.．]|[（(]?[一二三四五六七八九十]+[)）、])", "", text)


def _rate(report: Report, s, printed: str, top: Decimal, bottom: Decimal, formula, text: str) -> Finding | None:
    value = _number(printed)
    if value is None:
        return None
    places = len(printed.split(".")[1]) if "." in printed else 0
    computed = formula(top, bottom)
    if round(computed, places) == value:
        return None
    # the amounts are rounded to 0.01 万元: any rate their unrounded values allow is consistent
    half = Decimal("0.005")
    rates = [formula(t, b) for t in (top - half, top + half) for b in (bottom - half, bottom + half) if b > 0]
    unit = Decimal(1).scaleb(-places) / 2
    if min(rates) - unit <= value <= max(rates) + unit:
        return None
    # off by one in the last printed place (truncated rather than rounded): rounding; more: error
    severity = "rounding" if abs(computed - value) <= 2 * unit else ERROR
    shown = f"{computed:.{max(places, 2)}f}%"
    return Finding("narrative-rates", severity,
                   f"说明写“{s.subject}”{text} {shown}，而说明印为 {printed}%"
                   + ("（属尾数差异）" if severity == "rounding" else ""),
                   shown, f"{printed}%", (report.sentence(s, f"{printed}%"),))


_SHARE = re.compile(r"(?P<part>\d[\d,]*(?:\.\d+)?)万元[,，]?占(?P<whole>[^,;。\d]{0,24}?)的?(?:比[重例]为?)?(?P<pct>\d+(?:\.\d+)?)%")


def _shares(report: Report):
    """占比 statements whose whole the same sentence or statement prints: “基本支出689.96万元，
    占本年支出合计的10.91%”, with the whole found by its subject among the statements."""
    found = _statements(report)
    by_subject = {}
    for s in found:
        if s.amount:
            by_subject.setdefault(_TAIL.sub("", compact(s.subject)), s)
    for s in found:
        for m in _SHARE.finditer(compact(s.sentence).replace("（", "(").replace("）", ")")):
            whole_name = _TAIL.sub("", m.group("whole").strip("本年度"))
            whole = by_subject.get(whole_name)
            if not whole_name or whole is None:
                continue
            part, total = _number(m.group("part")), _number(whole.amount)
            if part is None or not total:
                continue
            yield (s, part, total, m.group("pct"),
                   f"{m.group('part')}万元占{m.group('whole')}（{whole.amount}万元）的比例应为")


# --- what the tables print ------------------------------------------------------------------

def _figures(report: Report) -> dict[tuple, list[dict]]:
    """Table figures by the quantity they are: the cross-table keys, and the named ones."""
    names = _subject_names(report)
    out: dict[tuple, list[dict]] = {}
    for f in report.facts:
        if not money(f):
            continue
        key = _quantity(f, names)
        if key is not None:
            out.setdefault(key, []).append(f)
        for named in _named(f):
            out.setdefault(named, []).append(f)
    return out


_GRAND_TOTAL = re.compile(r"^(?:总计|合计)$")
_OFFICE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.]?)?机关运行经费(?:支出)?(?:合计)?$")


def _named(f: dict) -> list[tuple]:
    label = compact(f["row_label"])
    kind = f["table_kind"]
    out = []
    if kind in ("收入支出决算总表", "财政拨款收入支出决算总表") and _GRAND_TOTAL.match(label) and not f["row_code"]:
        out.append(("总计", FISCAL if kind.startswith("财政拨款") else ALL))
    if kind == "基本支出决算表":
        column = compact(f["column"])
        if label == "人员经费合计" or (label == "合计" and column == "人员经费"):
            out.append(("人员经费",))
        if label == "公用经费合计" or (label == "合计" and column == "公用经费"):
            out.append(("公用经费",))
    if kind == "三公经费支出决算表" and "预算" not in f["column"]:
        slot, _ = _slot(f)
        if slot:
            out.append(("三公", slot))
    if _OFFICE.match(label):
        out.append(("机关运行经费",))
    if kind == "收入支出决算总表" and not f["row_code"] and not _GRAND_TOTAL.match(label):
        name = re.sub(r"^(?:其中[:：])?(?:[一二三四五六七八九十]+、)?", "", label)
        if len(name) >= 4:
            out.append(("行", name))  # 一、一般公共预算财政拨款收入, 八、其他收入
    if kind in ("收入决算表", "支出决算表") and not f["row_code"] and label in ("合计", "总计"):
        out.append(("行", compact(f["column"]).split("/")[-1]))  # 合计 row: 财政拨款收入, 经营支出 …
    return out
