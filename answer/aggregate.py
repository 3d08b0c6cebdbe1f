"""Figures of one department put together: several named items summed, and the mean score of its
绩效 self-assessments.

Sums — class of question: "A、B一共多少", "A和B和C加起来", "两个项目（X和Y）执行数加起来多少".  The items
are the names the question lists: the projects' and quoted names the report prints (a name may
itself hold a 、: “信息系统通信、运维费”), else the pieces of the list between 、/和/与/及.  Each item
is looked up as a printed figure of the same department — a table row (any everyday word for it:
电话费 → 邮电费), or a project's figure as its 绩效 form or the narrative sentence that names it
prints it (“X”项目…执行数为29.05万元) — and every input is cited.  Items that turn out to be one
printed figure (电话费 and 网费 are both the 邮电费 row) are that figure, stated as printed; several
figures are added up, labelled computed with the formula.  An item not found, or two in different
units, give no result.

Averages — class: "项目绩效自评平均得了多少分".  The average the report prints (绩效自评的…项目N个…
平均得分99.43分) is stated with its sentence; else the mean of the total scores of every 绩效
self-assessment form, computed with its count and formula, refused when any form's score cannot
be read.  `average_score(catalog, document)` is what a ranking of departments by it calls.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.normalize import compact

from .cite import figure, row_name, where

# the words that ask for a total of what the question lists
TOTAL_WORDS = re.compile(r"一共|加起来|加在一起|合起来|总共|共计|合计|相加")
_SEPARATORS = re.compile(r"、|以及|加上|和|与|及|跟|还有|,")
# a quantity asked of every item alike, written after the list ("X和Y执行数加起来")
MEASURES = ("全年预算数", "全年执行数", "预算数", "执行数", "决算数", "得分")
_FILLER = re.compile(r"^(?:的|是|共|了)+|(?:的|是|共|了|这|那|两|几|个|项|笔)+$")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")


def _shown(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# ---- sums -----------------------------------------------------------------------------------


def asks_sum(question) -> bool:
    return question.operation == "sum" or (bool(TOTAL_WORDS.search(question.compact))
                                           and bool(re.search(r"、|和|与|及", question.compact)))


def _printed_names(catalog, department: str, year: int | None) -> list[str]:
    """The names the department's reports print that may be listed whole: projects of its 绩效
    forms and names in quotes in its narrative (≥ 4 characters)."""
    from .projects import projects

    names: set[str] = set()
    for d in catalog.documents:
        if d["department"] != department or (year and d["year"] != year):
            continue
        names |= {p.name for p in projects(catalog.facts(d["name"]))}
        for p in catalog.store.passages(d["name"]):
            names |= {compact(m) for m in _QUOTED.findall(compact(p["text"]))}
    return sorted((n for n in names if len(n) >= 4), key=len, reverse=True)


def _listed(head: str, printed: list[str]) -> list[str]:
    """The items of the list: printed names found whole (longest first, not overlapping), when
    they are at least two; else the pieces between the separators."""
    taken: list[tuple[int, str]] = []
    rest = head
    for name in printed:
        at = rest.find(name)
        if at >= 0:
            taken.append((at, name))
            rest = rest[:at] + "|" * len(name) + rest[at + len(name):]
    if len(taken) >= 2:
        return [n for _, n in sorted(taken)]
    pieces = [_FILLER.sub("", p) for p in _SEPARATORS.split(head)]
    return [p for p in pieces if p]


def _from_sentences(item: str, measure: str, passages: list[dict]) -> list[dict]:
    """The amounts the narrative prints for a quoted item: “item”…<measure>为N万元 in one sentence."""
    found = []
    pattern = re.compile(rf"{measure}(?:为|是|达)?(\d[\d,]*(?:\.\d+)?)(万元|元|%|分)")
    for p in passages:
        for sentence in re.split(r"(?<=[。；;])", compact(p["text"])):
            at = sentence.find(item)
            if at < 0 or not re.search(r"[“\"]" + re.escape(item) + r"[”\"]", sentence):
                continue
            tail = sentence[at + len(item) + 1:]  # after its closing quote
            nxt = _QUOTED.search(tail)  # up to the next quoted name: its numbers are another's
            m = pattern.search(tail[: nxt.start()] if nxt else tail)
            if m:
                found.append({"row_label": item, "value_text": m.group(1), "number": Decimal(m.group(1).replace(",", "")),
                              "unit": m.group(2), "column": measure, "sentence": sentence.strip(),
                              "document": p["document"], "page": p["page"], "line": p["line"],
                              "table_kind": "情况说明", "table_title": p.get("section") or "情况说明",
                              "table_code": None, "department": None, "year": None})
    distinct = {(f["value_text"], f["unit"]) for f in found}
    return found[:1] if len(distinct) == 1 else []


def _item_figure(item: str, measure: str, catalog, department: str, year_text: str, document: str) -> dict | None:
    """One listed item's printed figure: its project form's cell, the narrative's sentence about
    it, or the row a lookup finds for it."""
    from .lookup import lookup
    from .projects import RATE, SPENT, projects

    forms = [p for p in projects(catalog.facts(document)) if p.name == item]
    if forms and measure:
        cells = {id(c): c for p in forms for c in [p.rate if RATE.search(measure) else p.spent if SPENT.search(measure)
                                                   else p.budget] if c}
        if len({(c["value_text"], c["unit"]) for c in cells.values()}) == 1:
            return next(iter(cells.values()))
    if measure:
        said = _from_sentences(item, measure, catalog.store.passages(document))
        if said:
            return said[0]
    result = lookup(f"{year_text}{item}{measure}", catalog, department=department)
    if result.status != "answered" or result.parts or not result.facts or result.facts[0]["number"] is None:
        return None
    if result.narrative and "sentence" not in result.facts[0]:
        return None
    return result.facts[0]


def _cite(f: dict) -> str:
    if f.get("sentence"):
        place = f"第{f['page']}页" if f["page"] else f"第{f['line']}行"
        return f"“{f['sentence']}”（{f['document']}，{place}）"
    return where(f)


def _key(f: dict) -> tuple:
    return f["document"], f.get("table_index"), f.get("row_index"), f.get("column"), f["value_text"], f["line"], f["page"]


def answer_sum(question, catalog, out: dict) -> bool:
    """The listed items' sum, or the one printed figure they all are; False when the question
    lists fewer than two items or one is not found (the next kind, or the refusal, follows)."""
    text = question.compact
    m = TOTAL_WORDS.search(text)
    if m is None:
        return False
    head = text[: m.start()]
    for piece in (question.span, question.year_text):
        if piece:
            head = head.replace(piece, "", 1)
    head = re.sub(r"^.*?[（(]|[）)]", "", head) if re.search(r"[（(].*[、和与及].*[）)]", head) else head
    measure = next((w for w in MEASURES if head.endswith(w) or w in text[m.end():]), "")
    if measure and head.endswith(measure):
        head = head[: -len(measure)]
    head = _FILLER.sub("", head)
    rough = [p for p in (_FILLER.sub("", x) for x in _SEPARATORS.split(head)) if p]
    if len(rough) < 2:
        return False
    department = question.department
    if department is None:
        # no department named: the one whose printed names (projects, quoted names) the list holds
        if question.departments:
            return False
        named = {d: [n for n in _printed_names(catalog, d, question.year) if n in head] for d in catalog.departments}
        owners = [d for d, names in named.items() if len(names) >= 2]
        # an "organisation" the question seems to name inside a printed name (…九江市县分厅建设经费) is not one
        if len(owners) != 1 or question.unknown and not any(question.unknown in n for n in named[owners[0]]):
            return False
        department = owners[0]
    years = catalog.years(department)
    year = question.year or (years[-1] if years else None)
    document = catalog.document_for(department, year) if year in years else None
    if document is None:
        return False
    items = _listed(head, _printed_names(catalog, department, year))
    if len(items) < 2:
        return False
    facts = []
    for item in items:
        f = _item_figure(item, measure, catalog, department, question.year_text, document)
        if f is None:
            return False
        facts.append(f)
    units = {f["unit"] or "" for f in facts}
    if len(units) != 1:
        return False
    unit = units.pop()
    distinct = list({_key(f): f for f in facts}.values())
    names = "、".join(f"“{it}”" for it in items)
    if len(distinct) == 1:  # every item is the one printed figure
        f = distinct[0]
        out["status"] = "answered"
        out["answer"] = (f"{f['value_text']}{unit}：{department}{year}年度报告把{names}合在“{row_name(f)}”一项印出"
                         f"（{_cite(f)}）。")
        out["figures"] = [dict(figure(f), department=department, year=year)]
        return True
    if len(distinct) != len(facts):
        return False  # some items are one figure and others not: which is meant is unclear
    total = sum(Decimal(str(f["number"])) for f in facts)
    value = _shown(total)
    formula = " + ".join(f["value_text"] for f in facts)
    out["status"] = "answered"
    out["answer"] = (f"{value}{unit}：{department}{year}年度{names}" + (f"的{measure}" if measure else "")
                     + f"加起来为 {value}{unit}（计算：{formula}；"
                     + "；".join(f"{it} {f['value_text']}{unit} 见{_cite(f)}" for it, f in zip(items, facts)) + "）。")
    main = {"label": names + (f"{measure}合计" if measure else "合计"), "value": value, "number": float(total),
            "unit": unit, "computed": True, "formula": formula, "department": department, "year": year,
            "table": None, "table_title": None, "row": None, "column": measure or None,
            "source": {"document": facts[0]["document"], "page": None, "line": None}}
    out["figures"] = [main] + [dict(figure(f), label=it, department=department, year=year)
                               for it, f in zip(items, facts)]
    out["warnings"].append("这是把报告中印出的几个数字相加得出的结果，不是报告直接印出的数字。")
    return True


# ---- averages -------------------------------------------------------------------------------

# the average score the narrative prints for the self-assessed projects
_PRINTED_AVERAGE = re.compile(r"平均(?:得分|分|分数)?(?:为|是|达)?(\d+(?:\.\d+)?)分")


@dataclass(frozen=True)
class Average:
    value: str | None  # as printed, or the mean to two decimals; None when refused
    computed: bool
    count: int  # forms averaged (0 for a printed average)
    formula: str | None
    inputs: tuple[dict, ...]  # the forms' total-score facts, or the printed sentence as a fact
    reason: str = ""  # why there is no value


# how many projects the narrative says were self-assessed: 绩效自评个数13个, 对…23个项目…自评
_ASSESSED = re.compile(r"项目(?:绩效)?(?:自评个数)?(\d+)个|(\d+)个项目")


def _assessed_counts(passages: list[dict]) -> set[int]:
    """The counts of self-assessed projects the narrative prints (in sentences that say 自评)."""
    found = set()
    for p in passages:
        for sentence in re.split(r"(?<=[。；;])", compact(p["text"])):
            m = _ASSESSED.search(re.split(r"其中|[:：]", sentence)[0]) if "自评" in sentence else None
            if m:  # the total comes before its breakdown (6个项目…为“优”)
                found.add(int(m.group(1) or m.group(2)))
    return found


def form_scores(catalog, document: str) -> tuple[list[dict], str | None]:
    """Every 绩效 self-assessment form's printed total score (each its printed cell, labelled with
    the project's name), and None; or what is read so far and why the whole set cannot be: no
    form, fewer forms than the report says it assessed, a form whose total cannot be read."""
    from .projects import projects
    from .ranking import _form_tables, _form_total

    facts = catalog.facts(document)
    forms = projects(facts)
    if not forms:
        return [], "报告没有可读的项目绩效自评表"
    counts = _assessed_counts(catalog.store.passages(document))
    if len(counts) == 1 and counts != {len(forms)}:
        return [], f"报告说自评项目 {counts.pop()} 个，但只读到 {len(forms)} 个项目绩效自评表"
    scores, unread = [], []
    for p in forms:
        tables = _form_tables(p, forms, facts)
        total = _form_total([f for f in facts if f["table_index"] in tables])
        (scores if total is not None else unread).append(dict(total, label=p.name) if total else p.name)
    if unread:
        return scores, (f"{len(forms)} 个自评表中有 {len(unread)} 个读不出总分（" + "、".join(unread[:3])
                        + ("等" if len(unread) > 3 else "") + "）")
    return scores, None


def average_score(catalog, document: str) -> Average:
    """The mean 绩效 self-assessment score of one report: the average it prints (one sentence, one
    value), else the mean of every form's printed total score; `value` None, with the reason,
    when neither can be read."""
    printed = []
    for p in catalog.store.passages(document):
        for sentence in re.split(r"(?<=[。；;])", compact(p["text"])):
            m = _PRINTED_AVERAGE.search(sentence)
            if m and re.search(r"自评|绩效", sentence):
                printed.append({"row_label": "平均得分", "value_text": m.group(1), "number": Decimal(m.group(1)),
                                "unit": "分", "column": None, "sentence": sentence.strip(), "document": p["document"],
                                "page": p["page"], "line": p["line"], "table_kind": "情况说明",
                                "table_title": p.get("section") or "情况说明", "table_code": None})
    values = {f["value_text"] for f in printed}
    if len(values) == 1:
        return Average(printed[0]["value_text"], False, 0, None, (printed[0],))
    if len(values) > 1:
        return Average(None, False, 0, None, tuple(printed), "报告里印了几个不同的平均得分：" + "、".join(sorted(values)))
    scores, why = form_scores(catalog, document)
    if why:
        return Average(None, False, len(scores), None, tuple(scores), why + "，无法计算平均分")
    total = sum(Decimal(str(f["number"])) for f in scores)
    formula = f"({' + '.join(f['value_text'] for f in scores)}) ÷ {len(scores)}"
    return Average(_shown(total / len(scores)), True, len(scores), formula, tuple(scores))


def answer_average(question, catalog, out: dict) -> bool:
    """The department's mean self-assessment score (printed or computed); the reason in words
    when it cannot be had; False for an average of anything else."""
    if question.department is None or not (question.unit == "分" or re.search(r"绩效|自评|得分|评分", question.compact)):
        return False
    department = question.department
    years = catalog.years(department)
    year = question.year or (years[-1] if years else None)
    document = catalog.document_for(department, year) if year in years else None
    if document is None:
        return False
    found = average_score(catalog, document)
    if found.value is None:
        out["status"] = "not_found"
        out["answer"] = f"没有找到：{department}{year}年度{found.reason}。"
        return True
    if not found.computed:
        f = found.inputs[0]
        out["status"] = "answered"
        out["answer"] = f"{f['value_text']}分：{department}{year}年度报告写明项目绩效自评平均得分{f['value_text']}分（{_cite(f)}）。"
        fig = dict(figure(dict(f, department=department, year=year)), row="（情况说明）", table=None)
        out["figures"] = [fig]
        return True
    out["status"] = "answered"
    out["answer"] = (f"{found.value}分：{department}{year}年度 {found.count} 个项目绩效自评表总分的平均数为 {found.value}分"
                     f"（计算：{found.formula}；" + "；".join(f"{f['label']} {f['value_text']}分 见{where(f)}"
                                                         for f in found.inputs) + "）。")
    main = {"label": f"{found.count} 个项目绩效自评平均得分", "value": found.value, "number": float(found.value),
            "unit": "分", "computed": True, "formula": found.formula, "department": department, "year": year,
            "table": None, "table_title": None, "row": None, "column": None,
            "source": {"document": document, "page": None, "line": None}}
    out["figures"] = [main] + [dict(figure(f), label=f["label"]) for f in found.inputs]
    out["warnings"].append("报告没有印出平均得分；这是把各项目绩效自评表印出的总分取平均得出的结果，不是报告直接印出的数字。")
    return True
