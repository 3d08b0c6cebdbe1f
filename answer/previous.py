"""Change against the previous year, from what the report prints about it.

Class of question: how much a quantity of one department changed on the year before — "比上年增长了
百分之几", "较上年增长了多少", "同比下降了多少", "比2023年减少了多少万元".  The reports print the
previous year only in their narrative (情况说明), in sentences such as

    2023年度本部门收入总计6335.07万元，支出总计6335.07万元，与上年决算数相比，各增加1092.19万元，增长20.83%。
    (一) 2010350-事业运行 561.57 万元，较上年决算数增加 165.76 万元，增长 41.88%。
    2018 年度“三公”经费一般公共预算拨款 4.18 万元，同比下降 58.03%。

read by `domain.statements`.  What this module adds to that reading:

* 同比 (the same period of the year before) is 比上年 in an annual report;
* "X总计…，Y总计…，…各增加N" gives each of X总计 and Y总计 that change, and their joint name
  (收入支出总计) too — only when one change is printed for all (各增加N), never for a list of
  respective changes (各减少A、B);
* a subject code in the question (2010350) names the statement whose subject prints that code;
* the year a question compares with (比2023年) is the previous year: the report is the next one.

The printed change answers, with its sentence; the direction is said in words as the report prints
it (下降 58.03%, never −58.03), and a question that asks 增长 of a quantity that fell is told so.
A percentage the report does not print is computed from the printed amount and change
(change ÷ (amount ∓ change) × 100), labelled computed with its formula; an amount asked where only
a percentage is printed is not worked back (that would be approximate): no answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact
from domain.statements import NUMBER, Statement, about, asked_quantity, statements
from domain.vocabulary import FALL, RISE

# the year a question compares with: 比2023年, 较2022年度, 与2023年相比
BASE_YEAR = re.compile(r"(?:比|较|与|和|同|跟)((?:19|20)?\d{2})\s*年度?")


def base_year(question) -> int | None:
    """The year the question compares with (比2023年, 和23年比), as four digits; None if none is named."""
    found = BASE_YEAR.search(question.compact)
    if not found:
        return None
    year = int(found.group(1))
    return year + 2000 if year < 100 else year


# asked as a rate: 百分之几, 增长率, 增幅; 增长/下降 asks the rate unless an amount is asked (万元)
ASKS_RATE = re.compile(r"百分之|百分比|%|增长率|下降率|增幅|降幅|几成")
ASKS_AMOUNT = re.compile(r"万元|多少钱|(?<!百分之)多少元|金额")
RATE_WORDS = re.compile(r"增长|下降")
UP, DOWN = RISE, FALL
_PREVIOUS = re.compile(r"上年|上一年|去年|同比")
_EACH = re.compile(r"各(?:增加|减少|增长|下降)")
# a measure or a word for money alone names no quantity whose change could be read
_BARE = re.compile(r"^(?:部门)?(?:预算|决算|预算数|决算数|收支|资金|经费|钱|数)(?:和|与)?$")
_RESPECTIVE = re.compile(r"各(?:增加|减少|增长|下降)[\d.,]+万元、")


@dataclass(frozen=True)
class Change:
    value: str  # as printed, or computed to two decimals
    unit: str  # 万元 | %
    direction: int  # +1 up, −1 down, 0 the same as the year before
    statement: Statement
    sentence: str  # the sentence as printed
    computed: bool = False
    formula: str | None = None
    inputs: tuple[tuple[str, str, str], ...] = ()  # (label, printed value, unit)


def asks_change(question) -> bool:
    """A question about the change on the previous year (read from the parsed Question)."""
    if question.operation == "change":
        return True
    against = question.measure == "上年" or base_year(question) is not None or "同比" in question.compact
    if question.operation in ("difference", "share"):
        return against
    # "比2023年增加了多少": a direction asked against the year before
    return question.operation == "lookup" and against and bool(UP.search(question.compact) or DOWN.search(question.compact))


def report_year(question, years: list[int]) -> int | None:
    """The year of the report that prints the change: a year named that is not the compared one;
    else the year after the compared one; else the latest report."""
    base = base_year(question)
    own = [y for y in question.years if y != base]
    if own:
        return own[0] if own[0] in years else None
    if base is not None:
        return base + 1 if base + 1 in years else None
    return years[-1] if years else None


def _with_same_period(passages: list[dict]) -> list[dict]:
    """同比 read as 比上年 (the reading only; the printed sentence is quoted from the passage)."""
    return [dict(p, text=p["text"].replace("同比", "比上年")) for p in passages]


def _joint(subjects: list[str]) -> str | None:
    """收入总计 + 支出总计 → 收入支出总计: subjects with one ending, named together."""
    if len(subjects) < 2:
        return None
    for end in ("总计", "合计"):
        if all(s.endswith(end) and len(s) > len(end) for s in subjects):
            return "".join(s[: -len(end)] for s in subjects) + end
    return None


def _each(found: list[Statement]) -> list[Statement]:
    """A change printed for several amounts of one sentence at once given to each of them: one
    change for all (…各增加N万元，增长P%; then also to their joint name, 收入支出总计), or a list
    of changes in the order of the amounts (…各减少A万元、B万元，下降P%、下降Q%)."""
    out = list(found)
    for s in found:
        if not _EACH.search(s.sentence) or len(s.subject) > 2 or not (s.change or s.change_pct):
            continue
        same = [t for t in found if t.sentence == s.sentence and t is not s and t.amount and t.document == s.document
                and (t.line, t.page) == (s.line, s.page) and not (t.change or t.change_pct)]
        same = list({t.subject: t for t in reversed(same)}.values())[::-1]  # a sentence printed twice is one
        if len(same) < 2:
            continue
        if _RESPECTIVE.search(s.sentence):
            tail = s.sentence[_EACH.search(s.sentence).start():]
            amounts = re.findall(rf"({NUMBER})万元", tail)
            rates = re.findall(rf"({NUMBER})%", tail)
            if len(amounts) != len(same) or len(rates) not in (0, len(same)):
                continue
            out += [replace(t, change=a, change_pct=rates[i] if rates else None, direction=s.direction)
                    for i, (t, a) in enumerate(zip(same, amounts))]
            continue
        out += [replace(t, change=s.change, change_pct=s.change_pct, direction=s.direction) for t in same]
        joint = _joint([t.subject for t in same])
        if joint:
            out.append(replace(s, subject=joint, amount=None))
    return out


def _by_code(found: list[Statement], code: str, asked: list[str]) -> list[Statement]:
    """The statements whose subject prints the asked subject code (2010350-事业运行, 事业运行(2010350));
    the name asked beside the code, if any, must be the subject's."""
    names = [re.sub(rf"[-(（]?{code}[)）]?-?", "", a).strip("-") for a in asked]  # 一般行政管理事务（2150502）
    out = []
    for s in found:
        if not re.search(rf"(?<!\d){code}(?!\d)", s.subject):
            continue
        plain = re.sub(rf"[-(（]?{code}[)）]?-?", "", s.subject)
        if all(not n or n in plain or plain in n for n in names):
            out.append(s)
    return out


def _read(text: str) -> str:
    """A sentence as `domain.statements` reads it: compacted, brackets and colons half-width,
    同比 as 比上年, 相比 without its comma, without quotes."""
    text = compact(text).replace("（", "(").replace("）", ")").replace("：", ":").replace("同比", "比上年")
    return re.sub(r"[“”\"'‘’]", "", text.replace("相比,", "相比"))


def _printed_sentence(passages: list[dict], s: Statement, value: str | None, unit: str) -> str:
    """The printed sentence (compacted) that states the change: in the passage the statement was
    read from, else anywhere; it prints the value with its unit and names the subject, or failing
    that only prints the value; the statement's own sentence when none does."""
    own = [p for p in passages if p["document"] == s.document and (p["page"], p["line"]) == (s.page, s.line)]
    subject = _read(s.subject)
    for pool in (own, passages):
        sentences = [x.strip() for p in pool for x in re.split(r"(?<=。)", compact(p["text"])) if x.strip()]
        printing = [x for x in sentences if value is not None and re.search(rf"(?<![\d.]){re.escape(value)}{unit}", _read(x))]
        named = [x for x in printing if subject in _read(x)]
        if named or printing:
            return (named or printing)[0]
    return s.sentence


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


# a budget asked bare ("预算和上年比"): the whole budget, as its narrative names it
WHOLE_BUDGET = ("收入、支出预算总计", "收入支出预算总计", "收支预算总计", "收入支出总计", "预算总计")


def find_change(question, passages: list[dict], departments: list[str], budget: bool = False) -> Change | None:
    """The change the question asks about, as the passages print it (or the rate computed from the
    printed amount and change); None when it is not printed, printed twice differently, or only
    approximately derivable."""
    text = question.compact
    rest = text.replace(question.span, "", 1) if question.span else text
    asked = asked_quantity(rest)
    if (not asked or _BARE.match(asked[0])) and budget and re.search(r"预算", text):
        asked = list(WHOLE_BUDGET)  # a budget report's 预算 asked bare: the whole budget
    elif not asked or _BARE.match(asked[0]):
        return None  # "预算和上年比": no quantity named — a sub-item's sentence (会议费预算…) is not its answer
    rate = bool(ASKS_RATE.search(text)) or (bool(RATE_WORDS.search(text)) and not ASKS_AMOUNT.search(text))
    found = _each(statements(_with_same_period(passages), departments))
    if question.subject_code:
        pool = _by_code(found, question.subject_code, asked)
        chosen_of = lambda need: [s for s in pool if need(s)]  # noqa: E731
    else:
        chosen_of = lambda need: about(found, asked, need, prefer_whole=True)  # noqa: E731
    field = "change_pct" if rate else "change"
    chosen = chosen_of(lambda s: getattr(s, field) is not None or s.flat)
    if not chosen and not rate and not ASKS_AMOUNT.search(text):
        # "涨了多少" where the report prints only the rate of the change: the rate, as printed
        field, rate = "change_pct", True
        chosen = chosen_of(lambda s: s.change_pct is not None)
    printed = {(getattr(s, field), s.direction, s.flat) for s in chosen}
    if len(printed) == 1:
        value, direction, flat = printed.pop()
        s = chosen[0]
        unit = "%" if rate else "万元"
        return Change("0" if flat and value is None else value, unit, direction, s,
                      _printed_sentence(passages, s, value, unit))
    if printed or not rate:
        return None
    # the rate not printed: from the printed amount and its change, in one sentence
    chosen = chosen_of(lambda s: s.amount is not None and s.change is not None)
    pairs = {(s.amount, s.change, s.direction) for s in chosen}
    if len(pairs) != 1:
        return None
    amount, change, direction = pairs.pop()
    before = _number(amount) - direction * _number(change)
    if before <= 0:
        return None
    value = (_number(change) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "−" if direction > 0 else "+"
    s = chosen[0]
    word = "增加" if direction > 0 else "减少"
    return Change(str(value), "%", direction, s, _printed_sentence(passages, s, change, "万元"), computed=True,
                  formula=f"{change} ÷ ({amount} {sign} {change}) × 100%",
                  inputs=(("本年", amount, "万元"), (f"比上年{word}", change, "万元")))


def answer_change(question, catalog, out: dict) -> bool:
    """Fill the answer object with the change the question asks about; False when the report does
    not print it (the next kind, or the refusal, follows)."""
    department = question.department
    if department is None:
        return False
    years = catalog.years(department)
    year = report_year(question, years)
    document = catalog.document_for(department, year) if year else None
    if document is None:
        return False
    base = base_year(question)
    if base is not None and base != year - 1:
        return False  # 比2010年: the report's 比上年 is against another year
    budget = any(d.get("report_kind") == "预算" for d in catalog.reports_of(department) if d["name"] == document)
    found = find_change(question, catalog.store.passages(document), catalog.departments, budget)
    if found is None:
        return False
    s = found.statement
    place = f"第{s.page}页" if s.page else f"第{s.line}行"
    rate = found.unit == "%"
    word = "持平" if found.direction == 0 else ("增长" if rate else "增加") if found.direction > 0 \
        else ("下降" if rate else "减少")
    asked_up, asked_down = bool(UP.search(question.compact)), bool(DOWN.search(question.compact))
    note = ""
    if found.direction > 0 and asked_down and not asked_up:
        note = "（报告印的是增加，不是减少）"
    elif found.direction < 0 and asked_up and not asked_down:
        note = "（报告印的是减少，不是增加）"
    what = f"与上年持平" if found.direction == 0 else f"比上年{word} {found.value}{found.unit}"
    lead = f"{found.value}{found.unit}：" if found.direction else f"{found.value}{found.unit}（持平）："
    if found.computed:
        out["answer"] = (f"{lead}{department}{year}年度{s.subject}{what}{note}——按报告说明里印出的数字计算："
                         f"{found.formula}。原文：“{found.sentence}”（{s.document}，{place}）。")
        out["warnings"].append("这是根据报告说明里印出的数字计算得出的结果，不是报告直接印出的数字。")
    else:
        out["answer"] = f"{lead}{department}{year}年度{s.subject}{what}{note}。原文：“{found.sentence}”（{s.document}，{place}）。"
    main = {"label": f"{s.subject}比上年{word}", "value": found.value, "number": float(_number(found.value)),
            "unit": found.unit, "computed": found.computed, "formula": found.formula, "direction": word,
            "department": department, "year": year, "table": None, "table_title": None, "row": s.subject,
            "column": None, "source": {"document": s.document, "page": s.page, "line": s.line}}
    out["status"] = "answered"
    out["figures"] = [main] + [dict(main, label=label, value=value, number=float(_number(value)), unit=unit,
                                    computed=False, formula=None, direction=None, column=label)
                               for label, value, unit in found.inputs]
    return True


def answer_previous_amount(question, catalog, out: dict) -> bool:
    """The year before's amount of a quantity, worked back from the next year's report where no
    report of that year is held ("2022年的机关运行经费", "上年机关运行经费是多少" on a 2023 report):
    the amount the later report states minus the change it states (8.29 + 398.61 = 406.90),
    computed, labelled so, with the sentence; nothing where the later report states no change."""
    department = question.department
    if department is None or question.operation != "lookup":
        return False
    years = catalog.years(department)
    asked = question.years[0] if question.years else None
    if asked is not None and asked not in years and asked + 1 in years:
        later = asked + 1
    elif question.measure == "上年" and (question.years[0] if question.years else (years[-1] if years else None)) in years:
        later = question.years[0] if question.years else years[-1]
    else:
        return False
    document = catalog.document_for(department, later)
    text = question.compact.replace(question.span, "", 1) if question.span else question.compact
    core = asked_quantity(re.sub(r"[（(][^）)]*(?:倒推|推算|推)[^）)]*[）)]", "", text))
    if not core or _BARE.match(core[0]):
        return False
    found = _each(statements(_with_same_period(catalog.store.passages(document)), catalog.departments))
    chosen = about(found, core, lambda s: s.amount is not None and s.change is not None, prefer_whole=True)
    pairs = {(s.amount, s.change, s.direction) for s in chosen}
    if len(pairs) != 1:
        return False
    amount, change, direction = pairs.pop()
    value = (_number(amount) - direction * _number(change)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        return False
    s = chosen[0]
    place = f"第{s.page}页" if s.page else f"第{s.line}行"
    sign = "−" if direction > 0 else "+"
    formula = f"{amount} {sign} {change}"
    out["status"] = "answered"
    out["answer"] = (f"{value}万元：{department}{later - 1}年度{s.subject}，按{later}年度报告印出的本年数和比上年的变化推算"
                     f"（{formula}）。原文：“{s.sentence}”（{s.document}，{place}）。")
    out["figures"] = [{"label": f"{s.subject}（{later - 1}年，推算）", "value": str(value), "number": float(value),
                       "unit": "万元", "computed": True, "formula": formula, "department": department, "year": later - 1,
                       "table": None, "table_title": None, "row": s.subject, "column": None,
                       "source": {"document": s.document, "page": s.page, "line": s.line}}]
    out["warnings"].append(f"索引中没有{department}{later - 1}年度的报告；这是用{later}年度报告印出的数字推算的结果，不是报告直接印出的数字。"
                           if asked is not None and asked not in years else
                           "这是用报告印出的本年数和比上年的变化推算的上年数，不是报告直接印出的数字。")
    return True
