"""Answers from what the narrative says about a quantity (reasons, changes, completion, the previous
year), built into the answer object with their citation; and answers that quote the report's own
sentences whole (`quoted`: reasons, uses, duties, founding, a unit's kind), with where they are
printed."""
from __future__ import annotations

import re
import weakref

from domain.normalize import compact

from .cite import one_department
from .lookup import Catalog


def explained(question: str, catalog: Catalog, out: dict) -> bool:
    """What the narrative says about a quantity: a reason, a change, a completion rate, a budget,
    or the previous year's amount worked out from this year's and its printed change."""
    from .explain import CHANGE, PREVIOUS, explain, intent

    one = one_department(question, catalog)
    if one is None:
        return False
    name, span, year_text, year, document = one
    text = compact(question)
    kind = intent(question)
    years = catalog.years(name)
    asked_year = year
    if year_text and year not in years and year + 1 in years:
        kind, year = "previous", year + 1  # 2022 asked, the 2023 report says how it changed
        document = catalog.document_for(name, year)
    elif kind is None and PREVIOUS.search(text) and not CHANGE.search(text):
        kind, asked_year = "previous", year - 1 if year else None
    if kind is None or document is None or len(re.findall(r"多少|几", text)) >= 2:
        return False  # two numbers asked at once: the lookup says to ask them apart
    rest = text.replace(span, "", 1).replace(year_text, "", 1)
    found = explain(rest, catalog.store.passages(document), catalog.departments, kind)
    if found is None:
        return False
    s = found.statement
    place = f"第{s.page}页" if s.page else f"第{s.line}行"
    cite = f"{s.document}，{place}"
    about_year = asked_year if kind == "previous" else year
    number = None if kind == "why" else float(found.value.replace(",", ""))
    fig = {"label": s.subject, "value": found.value, "number": number, "unit": found.unit,
           "computed": found.computed, "formula": found.formula, "department": name, "year": about_year,
           "table": None, "table_title": None, "row": s.subject, "column": None,
           "source": {"document": s.document, "page": s.page, "line": s.line}}
    roughly = "约" if found.approximate else ""
    if kind == "why":
        out["answer"] = f"{name}{year}年度报告说明了原因：“{found.value}”。原文：“{s.sentence}”（{cite}）。"
    elif found.computed:
        what = {"previous": f"{about_year}年度{s.subject}", "completion": f"{s.subject}完成预算的比例",
                "budget": f"{s.subject}的预算"}[kind]
        out["answer"] = (f"{name}{what}{roughly}为 {found.value}{found.unit}——按{year}年度报告的说明计算："
                         f"{found.formula}。原文：“{s.sentence}”（{cite}）。")
        out["warnings"].append("这是根据报告说明里印出的数字计算得出的结果，不是报告直接印出的数字。"
                               + ("按百分比倒推，只是近似值。" if found.approximate else ""))
    else:
        rate = found.unit == "%"
        what = {"change": "比上年" + ("增长" if rate else "增加" if s.direction > 0 else "减少") if s.direction > 0
                or not rate else "比上年下降",
                "completion": "完成预算的", "budget": "的预算为"}[kind]
        out["answer"] = (f"{name}{year}年度{s.subject}{what} {found.value}{found.unit}。"
                         f"原文：“{s.sentence}”（{cite}）。")
    out["status"] = "answered"
    out["figures"] = [fig] + [dict(fig, label=label, value=value, number=float(value.replace(",", "")), unit=unit,
                                   computed=False, formula=None, year=year, row=s.subject, column=label)
                              for label, value, unit in _inputs(kind, s) if found.computed and value]
    return True


def _inputs(kind: str, s) -> list[tuple[str, str | None, str]]:
    """The printed numbers a computed narrative answer is worked out from, all in one sentence."""
    change = "比上年增加" if s.direction > 0 else "比上年减少"
    if kind == "previous":
        return [("本年", s.amount, "万元"), (change, s.change, "万元") if s.change else (change, s.change_pct, "%")]
    if kind == "completion":
        return [("决算", s.amount, "万元"), ("预算", s.budget, "万元")]
    if kind == "budget":
        return [("决算", s.amount, "万元"), ("完成预算的", s.completion, "%")]
    return []


def quoted(question, catalog: Catalog, searcher, out: dict, refuse: bool = True) -> bool:
    """The report's own sentence(s) on what the question asks (a reason, a use, a duty, when a
    unit was founded, what kind of unit it is, a list printed in prose), quoted whole with where
    they are printed; a unit's kind from its units table.  For a reason or a use asked of one
    department that its report does not give, the refusal in words (`refuse`; else False); False
    when no sentence of the department's report holds every word asked about (the refusal comes
    after)."""
    from .explain import facet_of, quotes, subject_of
    from .listed import documents_of

    q = question
    facet = facet_of(q.compact, q.operation)
    listed_units = unit_owners(catalog)
    if facet is None or q.unknown and not any(q.unknown in u or u in q.unknown for u in listed_units):
        return False
    rest, unit = _without_unit(q, catalog)
    subject = subject_of(rest)
    found = []
    owners = _owners(q, catalog, subject)
    for department in owners:
        years = catalog.years(department)
        year = q.year or (years[-1] if years else None)
        if year not in years:
            continue
        first = catalog.document_for(department, year)
        if facet == "nature" and _nature(department, unit, year, first, catalog, out):
            return True
        said = []
        ranked = []
        if searcher is not None and len(owners) == 1:  # ties broken by the search, for the one department
            hits = searcher.search(rest or q.text, k=30, department=department, year=year)
            ranked = [(h.document, h.text) for h in hits if h.kind != "row"]
        for rank, document in enumerate(documents_of(catalog, department, year, first)):
            said += [(b, rank) for b in quotes(subject, facet, _said_in(catalog, document), department, ranked)]
        if said:  # the best sentence of any copy of the report; the cited copy first among equals
            said.sort(key=lambda pair: (-pair[0].score, pair[1]))
            found.append((department, year, [b for b, _ in said]))
    if not found and refuse and facet in ("why", "use") and len(owners) == 1 and not subject.empty:
        return _not_said(q, facet, owners[0], subject, catalog, out)
    if len(found) != 1:
        return False  # nothing said, or said in several departments' reports: not this kind's to answer
    department, year, best = found[0]
    top: list = []
    for b in best:  # the same sentence in two copies of the report (the PDF and its text), or in two runs, is one
        if b.score == best[0].score and not _sentence_keys(b.text) & {k for t in top for k in _sentence_keys(t.text)}:
            top.append(b)
    top = top[:2]
    cited = "；".join(f"“{b.text}”（{b.document}，{_place(b)}）" for b in top)
    lead = {"why": "报告说明的原因", "use": "报告说明的用途", "duty": "报告列出的职责", "founded": "报告的说明",
            "list": "报告的说明"}.get(facet, "报告的说明")
    out["status"] = "answered"
    out["answer"] = f"{department}{year}年度{lead}：{cited}。"
    out["passages"] = [{"text": b.text, "document": b.document, "page": b.page, "line": b.line,
                        "section": b.section, "score": round(b.score, 3)} for b in top]
    if facet == "why":  # the reason as the answer's figure, in words (no number), as the narrative's why gives it
        b = top[0]
        out["figures"] = [{"label": "原因", "value": b.text, "number": None, "unit": None, "computed": False,
                           "formula": None, "department": department, "year": year, "table": None,
                           "table_title": b.section or None, "row": None, "column": None,
                           "source": {"document": b.document, "page": b.page, "line": b.line}}]
    if len(top) > 1:
        out["warnings"].append("报告里有两处说法同样贴近问题，两处都引在上面。")
    return True


# the words a why- or use-question asks with, taken out to say back what it asked about
_ASKING = re.compile(r"为什么|为何|为啥|何故|是什么原因|什么原因|原因是什么|是因为什么|因为什么|的原因|原因|怎么回事"
                     r"|(?:主要)?(?:用|花|使用)(?:在|到|于)了?(?:什么|哪些|哪个)?(?:地方|方面|事情|项目|哪里|哪儿|哪)|用途是什么|用途"
                     r"|是干什么用的?|干什么用的?|做什么用的?|用来干什么|用来做什么|[?？。!！,，]")


def not_said(question, catalog: Catalog, out: dict) -> bool:
    """The refusal of a why- or use-question about one department whose report does not say it
    (see `_not_said`); False when the question names no one department or nothing to ask about."""
    from .explain import facet_of, subject_of

    facet = facet_of(question.compact, question.operation)
    rest, _ = _without_unit(question, catalog)
    subject = subject_of(rest)
    owners = _owners(question, catalog, subject)
    if facet not in ("why", "use") or len(owners) != 1 or subject.empty:
        return False
    return _not_said(question, facet, owners[0], subject, catalog, out)


def _not_said(q, facet: str, department: str, subject, catalog: Catalog, out: dict) -> bool:
    """A why- or use-question about one department whose report gives no reason (no use) for what
    it asks: refused in words, with the report's passages nearest to what it asks — never a
    figure in place of the words asked for."""
    from .explain import nearest
    from .listed import documents_of

    years = catalog.years(department)
    year = q.year or (years[-1] if years else None)
    if year not in years:
        return False
    first = catalog.document_for(department, year)
    near = []
    for document in documents_of(catalog, department, year, first):
        near += [n for n in nearest(subject, _said_in(catalog, document)) if _key(n.text) not in {_key(x.text) for x in near}]
    near = sorted(near, key=lambda n: -n.score)[:3]
    asked = _ASKING.sub("", q.rest if q.department else q.compact).strip("的") or "、".join(subject.words)
    what = "原因" if facet == "why" else "用途"
    out["status"] = "not_found"
    out["answer"] = f"没有找到：{department}{year}年度报告没有写明{what}（问的是：“{asked}”的{what}）。"
    if near:
        out["answer"] += "报告里最接近的段落列在下面，可以据此换个说法再问。"
    out["passages"] = [{"text": n.text, "document": n.document, "page": n.page, "line": n.line,
                        "section": n.section, "score": round(n.score, 3)} for n in near]
    return True


def counted(question, catalog: Catalog, out: dict) -> bool:
    """A count of a named thing the report states only in a sentence (把多少条热线归并进了…: "…32条热线
    通过…归并至12345…"): the number, leading, with that sentence quoted whole.  False when no
    sentence, or sentences giving different numbers, say it, or when a table prints it (the
    figure answers then)."""
    from .explain import subject_of
    from .listed import documents_of
    from .lookup import lookup
    from .narrative import asked_count, stated_count

    q = question
    asked = asked_count(q.rest or q.compact)
    if asked is None or q.department is None:
        return False
    counter, thing, after = asked
    years = catalog.years(q.department)
    year = q.year or (years[-1] if years else None)
    if year not in years:
        return False
    rest = subject_of(after)
    words = [w for w in rest.words if len(w) >= 2]
    first = catalog.document_for(q.department, year)
    said = [f for document in documents_of(catalog, q.department, year, first)
            for f in stated_count(counter, thing, words, list(rest.numbers), _said_in(catalog, document))]
    if len({f.value for f in said}) != 1:
        return False
    if lookup(q.text, catalog).status == "answered":
        return False  # a table (or the lookup's own reading of the narrative) prints it
    f = said[0]
    place = _place(f)
    out["status"] = "answered"
    out["answer"] = (f"{f.value}{counter}：{q.department}{year}年度报告写明：“{f.sentence}”（{f.document}，{place}）。")
    out["figures"] = [{"label": thing, "value": f.value, "number": float(f.value), "unit": counter, "computed": False,
                       "formula": None, "department": q.department, "year": year, "table": None,
                       "table_title": "情况说明", "row": "（情况说明）", "column": None,
                       "source": {"document": f.document, "page": f.page, "line": f.line}}]
    out["passages"] = [{"text": f.sentence, "document": f.document, "page": f.page, "line": f.line,
                        "section": "", "score": 1.0}]
    return True


def _sentence_keys(text: str) -> set[str]:
    return {_key(x) for x in re.split(r"(?<=[。！？!?])", text) if _key(x)}


def _key(text: str) -> str:
    """A sentence without its list number and punctuation: the same sentence printed twice."""
    text = re.sub(r"^-?[(（]?[一二三四五六七八九十\d]+[)）、.．]", "", compact(text))
    return re.sub(r"[^\w\u4e00-\u9fff]", "", text)


def _place(where) -> str:
    page = where["page"] if isinstance(where, dict) else where.page
    line = where["line"] if isinstance(where, dict) else where.line
    return f"第{page}页" if page else f"第{line}行"


def _without_unit(q, catalog: Catalog) -> tuple[str, str | None]:
    """What the question asks about once the department it names is taken out (a unit it names
    stays: its sentence must name it), and the unit it names if any."""
    text = q.rest if q.department else q.compact.replace(q.year_text, "", 1)
    names = set(unit_owners(catalog)) | {u for units in catalog.units.values() for u in units}
    units = sorted((u for u in names if u in q.compact and u != q.department), key=len, reverse=True)
    return text, units[0] if units else None


def _owners(q, catalog: Catalog, subject) -> list[str]:
    """The departments a question may be about: the one it names; else the one whose units
    include a unit it names; else, for a question that names a long quoted or project-like
    subject, every department (the answer is given only if exactly one report says it)."""
    if q.department:
        return [q.department]
    owners = {d for d, names in catalog.units.items() if any(u in q.compact for u in names)}
    owners |= {d for u, d in unit_owners(catalog).items() if u in q.compact}
    if len(owners) == 1:
        return list(owners)
    if len(subject.key or "") >= 6 or sum(len(w) for w in subject.words) >= 8:
        return list(q.departments) or list(catalog.departments)
    return []


_UNIT_OWNERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_SAID: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _said_in(catalog: Catalog, document: str) -> list[dict]:
    """A document's passages and the sentences its tables print in cells, read once per catalog."""
    from .explain import table_passages

    known = _SAID.setdefault(catalog, {})
    if document not in known:
        known[document] = catalog.store.passages(document) + table_passages(catalog.store.tables(document), document)
    return known[document]


def unit_owners(catalog: Catalog) -> dict[str, str]:
    """Every unit a department's units table lists (its 单位名称 column), with that department;
    read once per catalog."""
    if catalog not in _UNIT_OWNERS:
        from .lists import units_table

        owners: dict[str, str] = {}
        for department in catalog.departments:
            for year in catalog.years(department):
                document = catalog.document_for(department, year)
                for row in units_table(catalog.store.tables(document)) if document else ():
                    name = re.sub(r"[（(]本级[)）]$", "", compact(row["name"]))
                    if len(name) >= 4 and name != department:
                        owners.setdefault(name, department)
        _UNIT_OWNERS[catalog] = owners
    return _UNIT_OWNERS[catalog]


def _nature(department: str, unit: str | None, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """A unit's kind as its units table prints it (单位性质, or the kind after its name:
    (下属事业单位)), for the unit the question names or the department itself."""
    from .lists import units_table

    rows = units_table(catalog.store.tables(document))
    wanted = compact(unit or department)
    row = next((r for r in rows if re.sub(r"[（(]?本级[)）]?$", "", compact(r["name"])) == wanted), None)
    if row is None and unit is None and len(rows) == 1:
        row = rows[0]
    if row is None:
        return False
    kind_column = next((h for h in row["columns"] if "性质" in h or "类型" in h or "类别" in h), None)
    kind = row["columns"][kind_column] if kind_column and row["columns"][kind_column] else row["kind"]
    if not kind:
        return False
    cell = row["cells"].get(kind_column) if kind_column else None
    page = (cell or {}).get("page") or row["page"]
    line = (cell or {}).get("line") or row["line"]
    place = f"第{page}页" if page else f"第{line}行"
    title = row["table"].get("title") or "单位构成"
    column = kind_column or "单位名称"
    out["status"] = "answered"
    out["answer"] = (f"{row['name']}的单位性质：“{compact(kind)}”（{document}，{title}，“{column}”一栏，{place}）。")
    out["figures"] = [{"label": row["name"], "value": compact(kind), "number": None, "unit": None, "computed": False,
                       "formula": None, "department": department, "year": year, "table": None, "table_title": title,
                       "row": row["name"], "column": column, "source": {"document": document, "page": page, "line": line}}]
    return True
