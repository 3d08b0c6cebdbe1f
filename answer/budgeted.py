"""Budget against what was spent, for one row of one department's report, from what it prints.

Class of question: "X 年初预算比决算多了多少", "X 实际支出比预算多了多少", "X 预算下达数和实际执行数
差了多少", "X 还有多少没执行/没支出/没付出去", "X 完成预算的百分之几 / 预算执行率是多少", where X is a
subject the report states a budget and an executed amount for (a 类/款/项 subject by name or by
code, a 绩效 project or 专项, the funds' total or the department's whole).

Where a report prints both amounts (`read`):

* narrative paragraphs: "9、城乡社区支出(类)城乡社区规划与管理(款)城乡社区规划与管理(项)。…年初预算为
  3110.14万元,支出决算为2739.56万元,完成年初预算的88.08%", "本部门2023年度财政拨款本年支出年初预算数
  529.32万元,决算数292.90万元", "…专项绩效自评综述:…项目全年预算数为5479万元,执行数为3100.64万元,
  完成预算的56.6%";
* the text cells of a project's 绩效自评表 (and of the untitled table that continues it on the next
  page): "全年批复资金1322万元,支付1013.58万元,预算执行率为76.67%", "预算下达400万元,实际执行156.7万元".

Each amount is one mention with its measure (年初预算, 全年预算, 预算下达, 决算) or a printed rate with
the budget it is against; consecutive mentions make one `Budgeted` row; the words before them name
it.  `answer()` reads the question's subject (what is left of it without the department, the
year and the words of `_ASKED`), the measure it asks for, and the operation: a difference (its
sign by the order the question names the two), what is left (budget − executed), or the rate
(printed when the report prints it for that budget, else executed ÷ budget × 100).  A computed
figure says so, shows its formula with the printed inputs, cites each and is rounded to 2
decimals; inputs in different units, a missing input, or several rows that fit give no figure.

The question's measure of budget is read here (`asked_measure`) because `Question.measure` keeps
only the first measure word; it belongs in answer/question.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import YEAR_WORDS, compact
from domain.vocabulary import EMPHASIS, SPENT_SHARE

_AMOUNT = r"(?P<n>\d[\d,]*(?:\.\d+)?)(?P<u>万元|元)"
_PCT = r"(?P<n>\d+(?:\.\d+)?)%"
# (measure, pattern): what a report prints an amount or a rate as
MENTIONS: tuple[tuple[str, re.Pattern], ...] = (
    ("年初预算", re.compile(r"年初预算(?:数)?(?:为|是)?" + _AMOUNT)),
    ("全年预算", re.compile(r"(?:全年预算(?:数)?|调整后的?预算(?:数)?|全年批复资金|批复资金)(?:为|是)?" + _AMOUNT)),
    ("预算下达", re.compile(r"预算下达(?:数)?(?:为|是)?" + _AMOUNT)),
    ("决算", re.compile(r"(?<!上年)(?<!上年度)(?:支出决算(?:数)?|决算数|决算(?=为|是)|全年执行数|执行数|实际执行|实际支出|支付)"
                      r"(?:为|是)?" + _AMOUNT)),
    ("rate:年初预算", re.compile(r"完成(?:了)?年初预算(?:数)?的?" + _PCT)),
    ("rate:全年预算", re.compile(r"完成(?:了)?全年预算(?:数)?的?" + _PCT)),
    ("rate:", re.compile(r"(?:完成(?:了)?预算(?:数)?的?|(?:预算)?执行率(?:为|是|达)?)" + _PCT)),
)
BUDGETS = ("年初预算", "全年预算", "预算下达")
_MARKED = re.compile(r"([^()、,;:。]+?)\((?:类|款|项)\)")
_QUOTED = re.compile(r"[“\"']([^”\"']{2,40})[”\"']")
_LEAD = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|其中:?|本部门|本单位|本级|[,;:。、])+")
_YEARS = re.compile(YEAR_WORDS)
_DESCRIBED = re.compile(r"(?:专项)?绩效自评综述.*$|绩效自评情况.*$|决算总体情况说明.*$|情况说明.*$")
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "财政拨款")
# words that name no subject: funds, the whole, what is spent (a total's words)
_WHOLE = re.compile(r"一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款|拨款|本年|支出|部门|单位|总体|总额|整体|全部|合计|总")
# the words a question wraps around its subject: measures, operations, filler (documented vocabulary)
_ASKED = re.compile(
    r"一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款|拨款|年初预算数?|全年预算数?|调整后的?预算数?|预算下达数?|下达数?|批复的?|安排的?|预算执行率|执行率|完成率|预算数?|决算数?"
    r"|调整后的?|实际|执行数?|支出数?|支付|付出去|付|完成|百分之几|百分之多少|百分比|比例|多少|还有|还剩|剩下|剩余|没有?|未"
    r"|花出去|花掉|花完|花|用掉|用完|超支|超出|比|和|与|跟|同|相差|差距|差额|差了?|多出来?|多了?|少了?|超出来?|超了?|(?:这|那|该)一?(?:项|笔|个科目|个项目|个)|的|是|了|几"
    r"|科目|项目|专项|资金|经费|钱|情况|呢|吗|为|有|万元|元|年度|全年|年初|当年|本年"
    r"|(?:本来|原来|原先|原本|原)?(?:打算|计划|准备|预计)要?"  # a plan in everyday words (question.PLANNED)
    r"|只有?|仅仅?|才|竟然|居然|" + EMPHASIS)
_PUNCT = re.compile(r"[“”\"'‘’「」『』《》()（）,，.。:：;；!！?？、|\s]")


@dataclass
class Budgeted:
    """One subject with what the report prints of its budget and what was spent."""
    names: tuple[str, ...]  # what names it, most specific first (a 项 before its 款 and 类)
    chain: tuple[str, ...]  # its 类/款/项 names as printed, when it prints them
    whole: bool  # a total: the funds' or the department's whole, no subject of its own
    funds: str | None
    place: dict  # document, page, line, table_title, table_kind of where it is printed
    text: str  # the paragraph or cell as printed
    amounts: dict[str, dict] = field(default_factory=dict)  # measure → fact
    rates: dict[str, dict] = field(default_factory=dict)  # 年初预算 | 全年预算 | "" → fact
    head: str = ""  # a total's own words (一般公共预算财政拨款支出)


def _normal(text: str) -> str:
    return compact(text).replace("（", "(").replace("）", ")").replace("：", ":").replace("；", ";")


def _mentions(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, measure, number as printed, unit) of each amount or rate, in reading order;
    a rate read by a more specific pattern is not read again by the generic one."""
    found: list[tuple[int, int, str, str, str]] = []
    for measure, pattern in MENTIONS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e, *_ in found):
                continue
            unit = m.groupdict().get("u") or "%"
            found.append((m.start(), m.end(), measure, m.group("n"), unit))
    return sorted(found)


def _names(subject: str, departments: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], bool, str | None]:
    """(names, chain, whole, funds) of the words that open a statement."""
    for d in departments:
        subject = subject.replace(d, "")
    subject = _YEARS.sub("", subject)
    chain = tuple(_LEAD.sub("", m.group(1)) for m in _MARKED.finditer(subject))
    chain = tuple(c for c in chain if c)
    if chain:
        return (chain[-1],), chain, False, None
    quoted = tuple(q for q in _QUOTED.findall(subject) if len(q) >= 4)
    if quoted:
        return quoted, (), False, None
    pieces = [_LEAD.sub("", _DESCRIBED.sub("", p)) for p in re.split(r"[,;:。]", subject)]
    pieces = [re.sub(r"[“”\"'‘’]", "", p) for p in pieces if p]
    heads = [p for p in (pieces[:1] + pieces[-1:]) if len(p) >= 2]
    head = heads[0] if heads else ""
    whole = not _WHOLE.sub("", head) or not heads
    funds = next((f for f in _FUNDS if f in head), None)
    if whole:
        return (), (head,), True, funds
    return tuple(dict.fromkeys(heads)), (), False, funds


def _fact(b: Budgeted, measure: str, number: str, unit: str, clause: str, department: str, year: int) -> dict:
    place = b.place
    label = label_of(b)
    return {"row_label": label, "value_text": number, "number": Decimal(number.replace(",", "")),
            "unit": unit, "department": department, "year": year, "table_code": None,
            "table_kind": place["table_kind"], "table_title": place["table_title"], "column": measure,
            "document": place["document"], "page": place["page"], "line": place["line"], "value_state": "number",
            "row_code": None, "row_section": None, "sentence": clause}


def label_of(b: Budgeted) -> str:
    """What a row is, in words: its name, or for a total the funds it totals."""
    if b.names:
        return b.names[0]
    if b.head:
        return b.head
    return f"{b.funds}支出（合计）" if b.funds else f"部门整体支出（{b.place['table_title'].split(' / ')[-1]}）"


def _statements(text: str, place: dict, names, department: str, year: int, departments: list[str],
                follows: Budgeted | None) -> list[Budgeted]:
    """The rows one paragraph or cell prints; `names` given (a project's form), every row is that
    project's; a paragraph that opens with a rate alone continues the row before it (`follows`)."""
    text = _normal(text)
    out: list[Budgeted] = []
    current: Budgeted | None = None
    last_end = 0
    for start, end, measure, number, unit in _mentions(text):
        is_rate = measure.startswith("rate:")
        key = measure[5:] if is_rate else measure
        fresh = current is None or (key in current.rates if is_rate else
                                    key in current.amounts or (key in BUDGETS and "决算" in current.amounts))
        if fresh:
            subject = text[last_end:start]
            if names is not None:
                n, chain, whole, funds = names, (), False, None
            elif not _PUNCT.sub("", subject) and not out and follows is not None:
                current = follows  # "完成年初预算的100.00%。" opening the next paragraph
                n = None
            else:
                n, chain, whole, funds = _names(subject, departments)
            if n is not None:
                head = chain[0] if whole and chain else ""
                current = Budgeted(n, () if whole else chain, whole, funds, place, text, head=head)
                out.append(current)
        clause_start = max(text.rfind(c, 0, start) for c in ",;。") + 1
        clause_end = min([i for i in (text.find(c, end) for c in ",;。") if i >= 0] or [len(text)])
        fact = _fact(current, key or "执行率", number, unit, text[clause_start:clause_end], department, year)
        if is_rate:
            current.rates.setdefault(key, fact)
        else:
            current.amounts.setdefault(key, fact)
        last_end = end
    return out


def _form_name(table: dict) -> str | None:
    """A 绩效自评表's project: its 项目名称 cell, or its title without the form's name."""
    for row in table["grid"]:
        cells = [compact(c["text"]) for c in row if c["text"].strip()]
        if len(cells) >= 2 and cells[0] in ("项目名称", "专项名称", "项目名"):
            return cells[1]
    title = re.sub(r"项目支出绩效自评表.*$|\(\d{4}年度\)$", "", compact(table["title"] or ""))
    return title if len(title) >= 4 else None


_FORM_WORDS = re.compile(r"绩效指标|一级指标|项目实施|自评结果|项目绩效")


def read(catalog, document: str, department: str, year: int) -> list[Budgeted]:
    """Every row the document prints a budget and an executed amount (or a rate) for."""
    out: list[Budgeted] = []
    follows: Budgeted | None = None
    section = None
    for p in catalog.store.passages(document):
        place = {"document": document, "page": p["page"], "line": p["line"], "table_kind": "情况说明",
                 "table_title": p["section"] or "情况说明"}
        if p["section"] != section:
            follows, section = None, p["section"]
        found = _statements(p["text"], place, None, department, year, catalog.departments, follows)
        out += [b for b in found if b is not follows]
        follows = found[-1] if found else follows
    project = None
    for table in catalog.store.tables(document):
        if table["kind"] == "项目支出绩效自评表":
            project = _form_name(table)
        elif not (project and table["kind"] == "其他表"
                  and any(_FORM_WORDS.search(compact(c["text"])) for r in table["grid"][:3] for c in r)):
            project = None  # an untitled table right after a form continues it; anything else ends it
        if not project:
            continue
        for row in table["grid"]:
            for cell in row:
                if "万元" not in cell["text"]:
                    continue
                place = {"document": document, "page": cell.get("page"), "line": cell.get("line"),
                         "table_kind": "项目支出绩效自评表", "table_title": table["title"]}
                out += _statements(cell["text"], place, (project,), department, year, [], None)
    out += _form_rows(catalog, document)
    return [b for b in out if b.amounts or b.rates]


def _form_rows(catalog, document: str) -> list[Budgeted]:
    """Each 绩效 form's funds row (年度资金总额: 全年预算数, 全年执行数, 执行率) as its project's
    budget and spending, where the row reads true (`lists.form_funds`: its rate agrees with its
    figures); a form whose funds row cannot be read gives nothing."""
    from .lists import form_funds

    out = []
    for ff in form_funds(catalog.facts(document), catalog.store.tables(document)):
        if ff.problem or not (ff.budget and ff.spent):
            continue
        def said(f: dict) -> dict:
            return dict(f, sentence=f"{f['row_label']} {f['column']} {f['value_text']}")
        budget = said(ff.budget)
        measure = "年初预算" if compact(budget["column"] or "").startswith("年初") else "全年预算"
        place = {k: ff.budget[k] for k in ("document", "page", "line", "table_kind", "table_title")}
        out.append(Budgeted(names=(ff.name["value_text"],), chain=(), whole=False, funds=None, place=place, text="",
                            amounts={measure: budget, "决算": said(ff.spent)},
                            rates={"": said(ff.rate)} if ff.rate else {}))
    return out


def _key(text: str) -> str:
    return _ASKED.sub("", _PUNCT.sub("", text))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def asked_measure(text: str) -> str | None:
    """The budget the question compares with: 年初预算, 全年预算 (调整后, 批复), 预算下达, or None."""
    from .question import PLANNED

    for measure, pattern in (("年初预算", r"年初预算|年初.{0,3}" + PLANNED), ("全年预算", r"全年预算|调整后的?预算|批复"), ("预算下达", r"下达")):
        if re.search(pattern, text):
            return measure
    return None


# what the question asks: the rate, what is left, or the difference of two named measures
RATE = re.compile(r"执行率|完成率|完成.{0,6}预算.{0,4}(?:百分之|比例|多少|几)|预算.{0,4}完成.{0,3}(?:百分之|比例|多少|几)"
                  r"|(?:花|用|执行|支出)了?.{0,4}预算的?(?:百分之|比例|几成)|" + SPENT_SHARE)
REMAINING = re.compile(r"还有多少.{0,8}(?:没|未)|没有?(?:执行|支出|花|付|用)|未(?:执行|支出|使用|支付)|还剩|剩下|剩余|结余多少")
_BUDGET_WORD = r"(?:年初|全年|调整后的?)?预算(?:下达)?数?|批复的?资金|下达数?"
_FINAL_WORD = r"(?:实际)?决算数?|实际(?:支出|执行)?数?|执行数|支出数?|支付"
DIFFERENCE = re.compile(rf"(?P<a>{_BUDGET_WORD}|{_FINAL_WORD})(?:比|和|与|跟|同)(?:实际)?(?P<b>{_BUDGET_WORD}|{_FINAL_WORD})"
                        r".{0,3}?(?P<how>多|少|差|相差|超)")
OVERSPENT = re.compile(r"超支|超出预算")


def intent(text: str) -> str | None:
    """rate | remaining | difference | None, read from the question's words."""
    if RATE.search(text):
        return "rate"
    if DIFFERENCE.search(text) or OVERSPENT.search(text):
        return "difference"
    if REMAINING.search(text):
        return "remaining"
    return None


def matching(rows: list[Budgeted], subject: str, funds: str | None, labels: tuple[str, ...] = ()) -> list[Budgeted]:
    """The rows the question's subject names: by a label its subject code prints (`labels`), a 类/款/项
    name, a project's name that the subject runs through in order; no subject, the total (of the
    funds asked)."""
    key = _key(subject)
    if labels:
        label, parents = _key(labels[0]), {_key(p) for p in labels[1:]}
        return [b for b in rows if b.chain and _key(b.chain[-1]) == label
                and (len(b.chain) < 2 or not parents or parents & {_key(c) for c in b.chain[:-1]})]
    if not _WHOLE.sub("", key):
        wholes = [b for b in rows if b.whole and (funds is None or b.funds == funds)]
        return wholes
    exact = [b for b in rows if b.chain and (_key(b.chain[-1]) == key or (_key("".join(b.chain)).endswith(key)
                                                                        and key.endswith(_key(b.chain[-1]))))]
    if exact:
        return exact
    named = [b for b in rows if not b.chain and not b.whole
             and any(key == _key(n) or (len(key) >= 4 and _subsequence(key, _key(n))) for n in b.names)]
    contiguous = [b for b in named if any(key in _key(n) for n in b.names)]
    return contiguous or named


def _round(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Result:
    value: str
    unit: str
    computed: bool
    formula: str | None
    what: str
    inputs: tuple[dict, ...]
    note: str = ""


def _budget(b: Budgeted, measure: str | None) -> tuple[str, dict] | None:
    """The budget the question means: the measure it names; none named, the one the report's own
    rate is against, the only one printed, or else the full-year budget (the adjusted one)."""
    if measure == "预算下达":
        choices = ["预算下达", "全年预算"]
    elif measure:
        choices = [measure]
    else:
        printed = [m for m in BUDGETS if m in b.amounts]
        based = [k for k in b.rates if k and k in b.amounts]
        choices = based or (printed if len(printed) == 1 else ["全年预算"])
    return next(((m, b.amounts[m]) for m in choices if m in b.amounts), None)


def worked_out(b: Budgeted, what: str, measure: str | None, first_is_budget: bool = True,
               sign: int = 1) -> Result | str:
    """The figure, or why there is none (in Chinese)."""
    budget = _budget(b, measure)
    final = b.amounts.get("决算")
    if what == "spent":  # what was executed, as the report states it beside the budget
        if final is None:
            return "报告没有印出这一项的执行数"
        return Result(final["value_text"], final["unit"], False, None, "执行数", (final,))
    if what == "rate":
        # a rate printed against that budget; a rate that names none only where one budget is printed
        single = len([m for m in BUDGETS if m in b.amounts]) <= 1
        basis = budget[0] if budget else measure
        keys = ((basis,) if basis else ("年初预算", "全年预算")) + (("",) if single else ())
        printed = [b.rates[k] for k in keys if k in b.rates]
        if budget is None and not printed:
            return f"报告没有印出这一项的{measure or '预算数'}"
        if printed:
            rate = printed[0]
            return Result(rate["value_text"], "%", False, None, "完成预算的比例（报告印出）", (rate,))
        if final is None:
            return "报告没有印出这一项的执行数"
        x, y = final["number"], budget[1]["number"]
        if final["unit"] != budget[1]["unit"]:
            return "两个数字的单位不同，无法计算"
        if y == 0:
            return f"{budget[0]}为0，无法计算完成比例"
        formula = f"{final['value_text']} ÷ {budget[1]['value_text']} × 100%"
        return Result(_round(x / y * 100), "%", True, formula, f"完成{budget[0]}的比例", (final, budget[1]))
    if budget is None:
        return f"报告没有印出这一项的{measure or '预算数'}"
    if what == "amount":  # the budget itself, as the report states it
        return Result(budget[1]["value_text"], budget[1]["unit"], False, None, budget[0] + "数", (budget[1],))
    if final is None:
        return "报告没有印出这一项的执行数"
    if final["unit"] != budget[1]["unit"]:
        return "两个数字的单位不同，无法计算"
    a, c = (budget[1], final) if first_is_budget else (final, budget[1])
    value = (a["number"] - c["number"]) * sign
    shown = f"{a['value_text']} − {c['value_text']}" if sign > 0 else f"{c['value_text']} − {a['value_text']}"
    name = "尚未执行的金额" if what == "remaining" else "差额"
    return Result(_round(value), budget[1]["unit"], True, shown, name, (budget[1], final))


_CACHE: "weakref.WeakKeyDictionary" = None  # catalog → {document: rows}


def _rows(catalog, document: str, department: str, year: int) -> list[Budgeted]:
    global _CACHE
    import weakref

    if _CACHE is None:
        _CACHE = weakref.WeakKeyDictionary()
    per = _CACHE.setdefault(catalog, {})
    if document not in per:
        per[document] = read(catalog, document, department, year)
    return per[document]


def _subject(q, span: str, department: str | None = None) -> str:
    """The question without its department's words (the printed name whole, quotes and all:
    福州市“智慧福州”管理服务中心), its years and its subject code."""
    from .question import YEAR

    text = q.compact
    whole = re.sub(r"[“”\"']", "", compact(department)) if department and span else ""
    if whole and whole in re.sub(r"[“”\"']", "", text):
        text = re.sub(r"[“”\"']?".join(map(re.escape, whole)), "|", text, count=1)
    text = text.replace(span, "|", 1) if span else text
    text = YEAR.sub("|", text)
    if q.subject_code:
        text = re.sub(r"\s?".join(q.subject_code[i:j] for i, j in ((0, 3), (3, 5), (5, 7)) if q.subject_code[i:j]),
                      "|", text)
    return text


def _code_labels(catalog, document: str, code: str | None) -> tuple[str, ...]:
    """The row names the document prints for a subject code and for its 款 and 类."""
    if not code:
        return ()
    from .lookup import bare_label

    names = []
    for c in (code, code[:5], code[:3]):
        label = next((bare_label(f["row_label"]) for f in catalog.facts(document) if f["row_code"] == c), None)
        if label is None and c == code:
            return ("\0",)  # the code the question names is not printed: nothing matches it
        if label:
            names.append(label)
    return tuple(dict.fromkeys(names))


def _document(catalog, department: str, year: int | None) -> tuple[int, str] | None:
    years = catalog.years(department)
    year = year or (years[-1] if years else None)
    if year not in years:
        return None
    return year, catalog.document_for(department, year)


def found(q, catalog) -> tuple[str, int, str, list[Budgeted]] | None:
    """(department, year, document, the rows the question names) — the department the question
    names; or, naming none (or only words inside a project's name), the one department whose
    report prints the project or subject it names."""
    def rows_of(department: str, span: str):
        where = _document(catalog, department, q.year)
        if where is None:
            return None
        year, document = where
        rows = _rows(catalog, document, department, year)
        labels = _code_labels(catalog, document, q.subject_code)
        return year, document, matching(rows, _subject(q, span, department), q.funds, labels)

    if q.department and (not q.unknown or catalog.mentions(q.department, q.unknown)):
        got = rows_of(q.department, q.span)
        # the words that named the department may be part of the subject's name (大数据应用平台运维
        # 服务费 names 晋城市大数据应用局 by 大数据应用): read whole, they may name fewer rows
        whole = rows_of(q.department, "") if q.span else None
        if whole and whole[2] and not any(b.whole for b in whole[2]) and (not got or len(whole[2]) < len(got[2])
                                                                           or not got[2]):
            got = whole
        if got and got[2]:
            return (q.department, *got)
    # the words that seemed to name a department may be part of what the question asks about
    # (…指挥中心建设项目): the subject is looked for in every department's report, whole
    candidates = q.departments if len(q.departments) > 1 else catalog.departments
    owners = []
    for department in candidates:
        for span in dict.fromkeys((q.span if len(q.departments) > 1 else "", "")):
            got = rows_of(department, span)
            if not (got and got[2]) or any(b.whole for b in got[2]):
                continue
            if q.span and not span and not any(q.span in _PUNCT.sub("", n) for b in got[2] for n in b.names + b.chain):
                continue  # the department's words are not inside the name found
            owners.append((department, *got))
            break
    if len(owners) == 1 and (not q.unknown or catalog.mentions(owners[0][0], q.unknown)):
        return owners[0]
    return None


def answer(q, catalog, out: dict, what: str | None = None) -> bool:
    """The budget-against-spent figure the question asks for, filled into `out`; False when the
    question is not one or its rows are not found (the next kind of answer then tries).  With
    what="amount", the budget itself where the narrative states it beside what was spent
    (财政拨款本年支出年初预算数529.32万元): for a budget no table of the report prints."""
    from .cite import figure, where

    what = what or intent(q.compact)
    if what is None:
        return False
    got = found(q, catalog)
    if got is None:
        return False
    department, year, document, rows = got
    measure = asked_measure(q.compact)
    first_is_budget, sign = True, 1
    m = DIFFERENCE.search(q.compact)
    if what == "difference":
        if m:
            first_is_budget = bool(re.fullmatch(_BUDGET_WORD, m.group("a")))
            sign = -1 if m.group("how") == "少" else 1
        else:  # 超支 / 超出预算: what was spent beyond the budget
            first_is_budget, sign = False, 1
    results = [worked_out(b, what, measure, first_is_budget, sign) for b in rows]
    figures = {r.value for r in results if isinstance(r, Result)}  # (the same figure from a sentence and a form agrees)
    if len(figures) > 1:
        out["status"] = "ambiguous"
        names = list(dict.fromkeys(label_of(b) for b in rows))
        out["answer"] = f"{department}{year}年度报告里有几处符合，请指明是哪一个：" + "、".join(names)
        out["options"] = names
        return True
    if not figures:
        reason = next(r for r in results if isinstance(r, str))
        out["status"] = "not_found"
        out["answer"] = f"没有找到：{department}{year}年度报告{reason}，无法回答。"
        return True
    r = next(r for r in results if isinstance(r, Result))
    b = rows[results.index(r)]
    subject = label_of(b)
    cited = "；".join(f"{f['column']} {f['value_text']}{f['unit']}（“{f['sentence']}”，见{where(f)}）" for f in r.inputs)
    if r.computed:
        out["answer"] = (f"{r.value}{r.unit}：{department}{year}年度“{subject}”{r.what}，按报告印出的数字计算"
                         f"（计算：{r.formula}；{cited}）。")
        out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
        if what != "rate" and measure is None and len([k for k in BUDGETS if k in b.amounts]) > 1:
            out["warnings"].append(f"问题没有指明哪一个预算数，按{r.inputs[0]['column']}计算。")
    else:
        out["answer"] = f"{r.value}{r.unit}：{department}{year}年度“{subject}”{r.what}，{cited}。"
    main = dict(figure(r.inputs[0]), label=f"{subject}{r.what}", value=r.value, number=float(r.value), unit=r.unit,
                computed=r.computed, formula=r.formula)
    if r.computed:
        main.update(row=subject, column=r.what)
    main["row"] = main["row"] if not b.names else subject
    out["figures"] = [main] + ([figure(f) for f in r.inputs] if r.computed else [])
    out["status"] = "answered"
    if not q.years:
        out["warnings"].append(f"问题没有指明年度，按{department}最新的{year}年度报告回答。")
    return True
