"""The answer object the command line, the app and other tools read:

    {question, status: answered | not_found | ambiguous, answer, figures: [...], passages: [...],
     warnings: [...]}

Every figure is a stored fact as printed, with its citation; nothing here computes a number.
"""
from __future__ import annotations

import re

from ingest.normalize import compact

from index.departments import department_spans, departments_named
from .lookup import COMPARE, Catalog, Lookup, bare_label, lookup


def figure(fact: dict) -> dict:
    return {
        "label": fact["row_label"], "value": fact["value_text"],
        "number": float(fact["number"]) if fact["number"] is not None else None,
        "unit": fact["unit"], "computed": False, "formula": None,
        "department": fact["department"], "year": fact["year"], "table": fact["table_code"] or fact["table_kind"],
        "table_title": fact["table_title"], "row": fact["row_label"], "column": fact["column"],
        "source": {"document": fact["document"], "page": fact["page"], "line": fact["line"]},
    }


def _name(fact: dict) -> str:
    """What a row is, in words: a bare 合计 says which table or section it totals."""
    label = fact["row_label"]
    if label in ("合计", "总计", "小计"):
        owner = (fact.get("row_section") or "").lstrip("一二三四五六七八九十、") or fact["table_title"]
        return f"{owner}{label}"
    return label


def where(fact: dict) -> str:
    place = f"第{fact['page']}页" if fact["page"] else f"第{fact['line']}行"
    table = fact["table_title"] + (f"（{fact['table_code']}）" if fact["table_code"] else "")
    return f"{fact['document']}，{table}，{place}"


def respond(question: str, catalog: Catalog, searcher=None) -> dict:
    question = (question or "").strip()
    out = {"question": question, "status": "not_found", "answer": "", "figures": [], "passages": [], "warnings": []}
    if not question:
        out["answer"] = "问题是空的，请输入想查询的部门和事项，例如：泉州数字办2023年三公经费是多少？"
        return out
    if not catalog.documents:
        out["answer"] = "索引里还没有任何报告，请先导入报告。"
        return out
    parts = _parts(question)
    if len(parts) > 1:
        return _several(parts, catalog, searcher, out)
    if COMPARE.search(compact(question)):
        return _compare(question, catalog, out)
    if _project_funds(question, catalog, out):
        return out
    if _explained(question, catalog, out):
        return out
    if _computed(question, catalog, out):
        return out
    if _listed(question, catalog, out):
        return out
    if _units_total(question, catalog, out):
        return out
    result: Lookup = lookup(question, catalog)
    out["status"] = result.status
    if result.status == "ambiguous":
        out["answer"] = f"{result.missing}，请指明是哪一个：" + "、".join(result.options)
        out["options"] = result.options
        return out
    if result.year and not result.year_given and result.status == "answered":
        out["warnings"].append(f"问题没有指明年度，按{result.department}最新的{result.year}年度报告回答。")
    if result.status == "not_found":
        out["answer"] = f"没有找到：{result.missing}。"
        out["passages"] = _passages(searcher, question, result)
        if result.department and not result.terms and searcher is not None:
            out["suggestions"] = _similar_rows(question, result, searcher)
            if out["suggestions"]:
                out["answer"] += "报告里意思相近的科目有：" + "、".join(out["suggestions"]) + "，可以用这些名称再问。"
        return out
    main = result.facts[0]
    if result.parts:
        return _summed(result, out)
    if result.narrative:
        place = f"第{main['page']}页" if main["page"] else f"第{main['line']}行"
        sentence = main.get("sentence") or main["row_label"]
        out["answer"] = (f"{result.department}{result.year}年度报告的说明写道：“{sentence}”"
                         f"——{main['value_text']}{main['unit']}（{main['document']}，{place}）。")
        fig = figure(main)
        fig.update({"label": main["row_label"] if "sentence" in main else main["value_text"] + main["unit"],
                    "row": "（情况说明）", "table": None, "number": float(main["number"])})
        out["figures"] = [fig]
        for other in result.others:
            place = f"第{other['page']}页" if other["page"] else f"第{other['line']}行"
            out["warnings"].append(f"报告另一处写的是 {other['value_text']}{other['unit']}：“{other['row_label']}”"
                                   f"（{other['document']}，{place}）。")
        out["passages"] = _passages(searcher, question, result)
        return out
    unit = main["unit"] or ""
    label = _name(main)
    column = f"“{main['column']}”" if main["column"] else ""
    out["answer"] = (f"{result.department}{result.year}年度{label}{column}为 {main['value_text']}{unit}"
                     f"（{where(main)}）。")
    out["figures"] = [figure(main)] + [figure(f) for f in result.others]
    for other in result.others:
        if other["value_text"] != main["value_text"]:
            out["warnings"].append(f"“{_name(other)}”在{where(other)}“{other['column']}”印为 "
                                   f"{other['value_text']}{other['unit'] or ''}，与上面的 {main['value_text']} 不同。")
    out["passages"] = _passages(searcher, question, result)
    return out


def _summed(result: Lookup, out: dict) -> dict:
    """A word the report prints as sibling rows (离退休: 行政单位离退休 + 事业单位离退休): their sum,
    computed, each part cited."""
    from decimal import Decimal

    parts = result.facts
    total = sum(Decimal(str(f["number"])) for f in parts)
    value = str(total.quantize(Decimal("0.01")))
    unit = parts[0]["unit"] or ""
    formula = " + ".join(f["value_text"] for f in parts)
    out["status"] = "answered"
    out["answer"] = (f"{result.department}{result.year}年度报告把这一项分成 {len(parts)} 行印出，合计为 {value}{unit}"
                     f"（计算：{formula}；" + "；".join(f"{_name(f)} {f['value_text']}{unit} 见{where(f)}" for f in parts)
                     + "）。")
    main = {"label": "、".join(_name(f) for f in parts), "value": value, "number": float(total), "unit": unit,
            "computed": True, "formula": formula, "department": result.department, "year": result.year,
            "table": parts[0]["table_code"] or parts[0]["table_kind"], "table_title": parts[0]["table_title"],
            "row": None, "column": parts[0]["column"],
            "source": {"document": parts[0]["document"], "page": parts[0]["page"], "line": parts[0]["line"]}}
    out["figures"] = [main] + [figure(f) for f in parts]
    out["warnings"].append("这是把报告中分行印出的数字相加得出的结果，不是报告直接印出的数字。")
    return out


_ASKS = re.compile(r"多少|几")


def _parts(question: str) -> list[str]:
    """Two questions asked in one ("机关运行经费多少，比上年增长多少？"): each part that asks for a
    number, the later ones completed with what the first says before its question word."""
    pieces = [p for p in re.split(r"[，,；;、]", question.strip().rstrip("？?。")) if p.strip()]
    if len(pieces) < 2 or not all(_ASKS.search(p) for p in pieces):
        return [question]
    head = pieces[0][:_ASKS.search(pieces[0]).start()]
    return [pieces[0]] + [head + p if not p.startswith(head) else p for p in pieces[1:]]


def _several(parts: list[str], catalog: Catalog, searcher, out: dict) -> dict:
    """Each part answered on its own; the whole only when every part is."""
    answers = [respond(p, catalog, searcher) for p in parts]
    missing = [a for a in answers if a["status"] != "answered"]
    if missing:
        out["status"] = missing[0]["status"]
        out["answer"] = f"问题的一部分（{missing[0]['question']}）{missing[0]['answer']}"
        if missing[0].get("options"):
            out["options"] = missing[0]["options"]
        return out
    out["status"] = "answered"
    out["answer"] = "".join(a["answer"].split("\n")[0] for a in answers)
    out["figures"] = [f for a in answers for f in a["figures"][:1]] + [f for a in answers for f in a["figures"][1:]]
    out["warnings"] = list(dict.fromkeys(w for a in answers for w in a["warnings"]))
    out["passages"] = answers[0]["passages"]
    return out


def _similar_rows(question: str, result: Lookup, searcher, k: int = 3) -> list[str]:
    """Row labels of the department's report that the search (keywords and embedding similarity)
    finds closest to the question: offered to ask again with, never answered for."""
    hits = searcher.search(question, k=20, department=result.department, year=result.year)
    out: list[str] = []
    for h in hits:
        parts = h.text.split(" | ")
        if h.kind != "row" or len(parts) < 3:
            continue
        label = bare_label(re.sub(r"\s\d{3,}$", "", parts[1]))  # without its subject code
        if len(label) >= 2 and label not in out and label not in ("合计", "总计", "小计"):
            out.append(label)
        if len(out) == k:
            break
    return out


def _passages(searcher, question: str, result: Lookup, k: int = 3) -> list[dict]:
    if searcher is None:
        return []
    hits = searcher.search(question, k=k, department=result.department, year=result.year)
    return [{"text": h.text, "document": h.document, "page": h.page, "line": h.line, "score": round(h.score, 6)}
            for h in hits]


_RANKING_WORDS = re.compile(r"谁的|谁|哪个单位|哪个部门|哪一家|哪家|哪个|最多|最高|最少|最低|最大|最小|排名|排序|排第几"
                            r"|[一二两三四五六七八九十几\d]+(?:家单位|家|个单位|个部门|份报告|份|个)"
                            r"|这些单位|这几个单位|单位|部门|报告|里|之中|当中|中|这|[、，,（）()?？]")


def _compare(question: str, catalog: Catalog, out: dict) -> dict:
    """The same printed row for each department named (all, when none is), ranked."""
    text = compact(question)
    names = departments_named(text, catalog.departments, catalog.fiscal_words) or catalog.departments
    # each department is asked the question without the departments and the ranking words
    neutral = text
    for round_ in range(3):  # names may overlap (普陀区财政局、社工部): take them out until none is left
        spans = [sp for sp in department_spans(neutral, catalog.departments, catalog.fiscal_words).values()
                 if len(sp) >= (2 if round_ == 0 else 3)]
        if not spans:
            break
        for span in sorted(spans, key=len, reverse=True):
            neutral = neutral.replace(span, "")
    neutral = _RANKING_WORDS.sub("", neutral)
    found, missing = [], []
    for name in names:
        result = lookup(neutral, catalog, department=name)
        stated = result.narrative and "asked" in (result.facts[0] if result.facts else {})
        if result.status == "answered" and (not result.narrative or stated) and result.facts[0]["number"] is not None:
            found.append(result.facts[0])
        else:
            missing.append(f"{name}：{result.missing or '没有这一项'}")
    if not found:
        out["answer"] = "没有找到可以比较的数字：" + "；".join(missing)
        return out
    # only figures of the same printed row and unit are compared
    # the same quantity: a stated amount and a table's total under the asked words (政府采购's
    # 合计 row in 相关信息统计表, the 三公 table's 合计) are what the question names
    from .statements import asked_quantity

    asked = (asked_quantity(neutral) or [""])[0]

    def key(f: dict) -> tuple:
        if f.get("asked"):
            return f["asked"], f["unit"]
        where_ = compact(f.get("row_section") or "") + compact(f["table_title"] or "").replace("“", "").replace("”", "")
        if asked and bare_label(f["row_label"]) in ("合计", "总计") and asked in where_:
            return asked, f["unit"]
        return bare_label(f["row_label"]), f["unit"]
    common = max({key(f) for f in found}, key=lambda k: sum(key(f) == k for f in found))
    comparable = [f for f in found if key(f) == common]
    for f in found:
        if key(f) != common:
            missing.append(f"{f['department']}：相关的行是“{f['row_label']}”（{f['unit']}），不是同一项，未参与比较")
    if missing:  # a ranking that leaves departments out could crown the wrong one
        out["answer"] = ("无法比较：并非每个部门的报告表格都印了同一项，不能断定谁最高或最低。"
                         + "；".join(missing))
        return out
    lowest = bool(re.search(r"最少|最低|最小", text))
    comparable.sort(key=lambda f: f["number"], reverse=not lowest)
    top = comparable[0]
    word = "最低" if lowest else "最高"
    out["status"] = "answered"
    out["answer"] = (f"{_name(top)}{word}的是{top['department']}（{top['year']}年度）：{top['value_text']}{top['unit'] or ''}"
                     f"（{where(top)}）。共比较 {len(comparable)} 个部门。")
    out["figures"] = [figure(f) for f in comparable]
    out["comparison"] = [{"department": f["department"], "year": f["year"], "value": f["value_text"],
                          "number": float(f["number"]), "unit": f["unit"]} for f in comparable]
    if len({f["year"] for f in comparable}) > 1:
        out["warnings"].append("参与比较的报告年度不同：" + "、".join(sorted({str(f['year']) for f in comparable})))
    return out


def _computed(question: str, catalog: Catalog, out: dict) -> bool:
    """A share, sum or difference of two printed figures of one department; False when the
    question is not one or an input is missing (the lookup then explains)."""
    from .compute import compute

    one = _one_department(question, catalog)
    if one is None:
        return False
    name, span, year_text, _, _ = one
    rest = compact(question).replace(span, "", 1).replace(year_text, "", 1)
    result = compute(rest, catalog, name, year_text)
    if result is None:
        return False
    names = {"share": "占比", "difference": "差额", "sum": "合计"}
    out["status"] = "answered"
    out["answer"] = (f"{result.department}{result.year}年度：按报告印出的数字计算，{names[result.kind]}为 "
                     f"{result.value}{result.unit}（计算：{result.formula}；"
                     + "；".join(f"{_name(f)} {f['value_text']}{f['unit'] or ''} 见{where(f)}" for f in result.inputs) + "）。")
    main = {"label": names[result.kind], "value": result.value, "number": float(result.value), "unit": result.unit,
            "computed": True, "formula": result.formula, "department": result.department, "year": result.year,
            "table": None, "table_title": None, "row": None, "column": None,
            "source": {"document": result.inputs[0]["document"], "page": None, "line": None}}
    out["figures"] = [main] + [figure(f) for f in result.inputs]
    out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
    return True


def _project_funds(question: str, catalog: Catalog, out: dict) -> bool:
    """A project's funds as its 绩效自评表 prints them: executed, execution rate, what is left
    unspent (computed); or the projects whose printed execution rate is 0."""
    from .projects import RATE, REMAINING, SPENT, ZERO_RATE, named, projects

    text = compact(question)
    zero = bool(ZERO_RATE.search(text)) and bool(re.search(r"哪些|哪几个|有哪|列出", text))
    intent = "zero" if zero else "remaining" if REMAINING.search(text) else "rate" if RATE.search(text) \
        else "spent" if SPENT.search(text) else None
    if intent is None:
        return False
    one = _one_department(question, catalog)
    if one is None or one[4] is None:
        return False
    name, span, _, year, document = one
    found = projects(catalog.facts(document))
    if intent == "zero":
        if not found or any(p.rate is None for p in found):
            return False
        zeros = [p for p in found if p.rate["number"] == 0]
        out["status"] = "answered"
        out["answer"] = (f"{name}{year}年度绩效自评表中执行率为 0 的项目共 {len(zeros)} 个"
                         + ("：" + "；".join(p.name for p in zeros) if zeros else "") + "。")
        out["figures"] = [dict(figure(p.rate), label=p.name) for p in zeros]
        return True
    asked = named(text.replace(span, "", 1), found)
    if len(asked) != 1:
        return False
    p = asked[0]
    if intent == "remaining":
        if p.budget is None or p.spent is None:
            return False
        from decimal import Decimal

        left = Decimal(str(p.budget["number"])) - Decimal(str(p.spent["number"]))
        value = str(left.quantize(Decimal("0.01")))
        formula = f"{p.budget['value_text']} − {p.spent['value_text']}"
        out["answer"] = (f"{name}{year}年度“{p.name}”尚未执行 {value}{p.budget['unit'] or ''}（计算：全年预算数 "
                         f"{p.budget['value_text']} − 全年执行数 {p.spent['value_text']}，见{where(p.budget)}）。")
        main = dict(figure(p.budget), label=p.name, value=value, number=float(left), computed=True, formula=formula,
                    column="全年预算数 − 全年执行数")
        out["figures"] = [main, figure(p.budget), figure(p.spent)]
        out["warnings"].append("这是根据报告中两个印出的数字计算得出的结果，不是报告直接印出的数字。")
    else:
        fact = p.rate if intent == "rate" else p.spent
        if fact is None:
            return False
        out["answer"] = (f"{name}{year}年度“{p.name}”{fact['column']}为 {fact['value_text']}{fact['unit'] or ''}"
                         f"（{where(fact)}）。")
        out["figures"] = [dict(figure(fact), label=p.name)]
    out["status"] = "answered"
    return True


def _explained(question: str, catalog: Catalog, out: dict) -> bool:
    """What the narrative says about a quantity: a reason, a change, a completion rate, a budget,
    or the previous year's amount worked out from this year's and its printed change."""
    from .explain import CHANGE, PREVIOUS, explain, intent

    one = _one_department(question, catalog)
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


def _listed(question: str, catalog: Catalog, out: dict) -> bool:
    """Projects with the 绩效 grade asked for, each with its printed grade cited."""
    from .lists import asks_for_graded_projects, asks_for_units, graded_projects

    grade = asks_for_graded_projects(question)
    units = not grade and asks_for_units(question)
    one = _one_department(question, catalog) if grade or units else None
    if one is None:
        return False
    name, _, _, year, document = one
    if document is None:
        return False
    if units:
        return _units(name, year, document, catalog, out)
    pairs, readable = graded_projects(catalog.facts(document), grade)
    if not readable:
        out["answer"] = f"{name}{year}年度报告的绩效自评表没有以可直接读取的方式印出评价等级（例如用勾选框），无法列出。"
        return True
    out["status"] = "answered"
    names = "；".join(p["value_text"] for p, _ in pairs)
    out["answer"] = (f"{name}{year}年度绩效自评等级为“{grade}”的项目共 {len(pairs)} 个" + (f"：{names}。" if pairs else "。"))
    figs = []
    for project, g in pairs:
        fig = figure(g)
        fig["label"] = project["value_text"]
        figs.append(fig)
    out["figures"] = figs
    return True


_ADD_UP = re.compile(r"加起来|加在一起|一共|总共|合计|共有|总数|总人数")


def _units_total(question: str, catalog: Catalog, out: dict) -> bool:
    """A column of the units table added up over the units it lists ("四个单位在职人数加起来"),
    computed, each unit's figure cited; only where the table prints no total of its own."""
    from index.vocabulary import COLUMN_WORDS

    text = compact(question)
    column = next((c for w, c in COLUMN_WORDS.items() if w in text), None)
    if column is None or not _ADD_UP.search(text):
        return False
    one = _one_department(question, catalog)
    if one is None or one[4] is None:
        return False
    name, _, _, year, document = one
    from .lists import units_listed

    listed = [u["name"] for u in units_listed(catalog.store.tables(document))]
    cells = [f for f in catalog.facts(document) if column in (f["column"] or "") and f["number"] is not None
             and compact(f["row_label"]) in listed]
    tables = {f["table_index"] for f in cells}
    # every unit the table lists, each with a number, or no sum at all
    if len(cells) < 2 or len(cells) != len(listed) or len(tables) != 1 or len({f["unit"] for f in cells}) != 1:
        return False
    from decimal import Decimal

    total = sum(Decimal(str(f["number"])) for f in cells)
    unit = cells[0]["unit"] or ""
    formula = " + ".join(f["value_text"] for f in cells)
    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度所列 {len(cells)} 个单位的“{cells[0]['column']}”合计为 {total}{unit}"
                     f"（计算：{formula}；见{where(cells[0])}）。")
    main = dict(figure(cells[0]), label=f"{len(cells)} 个单位{cells[0]['column']}合计", value=str(total),
                number=float(total), computed=True, formula=formula, row=None)
    out["figures"] = [main] + [figure(f) for f in cells]
    out["warnings"].append("这是把报告中分行印出的数字相加得出的结果，不是报告直接印出的数字。")
    return True


def _units(name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """The units the department's final accounts cover, as its units table names them."""
    from .lists import units_listed

    listed = units_listed(catalog.store.tables(document))
    if not listed:
        out["answer"] = f"{name}{year}年度报告没有列出单位构成表，无法列出包括哪些单位。"
        return True
    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度部门决算包括 {len(listed)} 个单位：" + "；".join(u["name"] for u in listed)
                     + f"（{document}，单位构成表" + (f"，第{listed[0]['page']}页" if listed[0]["page"]
                                                 else f"，第{listed[0]['line']}行") + "）。")
    out["figures"] = [{"label": u["name"], "value": u["name"], "number": None, "unit": None, "computed": False,
                       "formula": None, "department": name, "year": year, "table": None,
                       "table_title": "单位构成", "row": u["name"], "column": "单位名称",
                       "source": {"document": document, "page": u["page"], "line": u["line"]}} for u in listed]
    return True


def _one_department(question: str, catalog: Catalog):
    """(department, the words that named it, the year as written, the year meant, its document)
    when the question names exactly one department; None otherwise (the lookup then explains)."""
    from index.departments import match_departments
    from .lookup import YEAR, another_organisation

    text = compact(question)
    matches = match_departments(text, catalog.departments, catalog.fiscal_words)
    if len(matches) != 1 or another_organisation(text, matches[0].name, catalog.units.get(matches[0].name, ())):
        return None
    name = matches[0].name
    years = catalog.years(name)
    m = YEAR.search(text)
    year = int(m.group(1)) if m else (years[-1] if years else None)
    document = catalog.document_for(name, year) if year in years else None
    return name, matches[0].span, m.group(0) if m else "", year, document
