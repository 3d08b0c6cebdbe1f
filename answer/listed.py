"""Lists, built into the answer object with a citation for every member: projects by their 绩效
grade or by a printed funds figure, the 类-level subjects a table shows spending under, and the
units a department's accounts cover (`lists` reads them)."""
from __future__ import annotations

import re

from domain.normalize import compact

from .cite import figure, one_department
from .lookup import Catalog


def documents_of(catalog: Catalog, name: str, year: int, first: str | None) -> list[str]:
    """The documents of one department and year, `first` (the one answers cite) before the others:
    the same report in another form (the PDF and its text) may be read where the first cannot."""
    others = sorted(d["name"] for d in catalog.documents if d["department"] == name and d["year"] == year
                    and d["name"] != first)
    return ([first] if first else []) + others


def listed(question: str, catalog: Catalog, out: dict) -> bool:
    """A list the question asks for, from the department's report; False when it asks for none of
    these (the other kinds, and the refusal, come after)."""
    from .lists import (asks_for_classes, asks_for_execution, asks_for_graded_projects, asks_for_parts, asks_for_sources,
                        asks_for_units, graded_projects)

    q = catalog.parse(question)
    if q.operation == "why":
        return False
    condition = asks_for_execution(q.rest)
    grade = None if condition else asks_for_graded_projects(q.rest)
    # (车辆都有哪几类: the kinds of vehicle, not the 类 subjects)
    parts = not grade and condition is None and q.operation == "list" and not asks_for_units(question) \
        and asks_for_parts(q.rest)
    children = not (grade or parts) and condition is None and q.operation == "list" and _children(q, catalog, out)
    if children:
        return True
    classes = not (grade or parts) and condition is None and q.operation == "list" and asks_for_classes(question)
    units = not (grade or condition or classes or parts) and asks_for_units(question)
    sources = not (grade or condition or classes or units or parts) and asks_for_sources(question)
    if not (grade or condition or classes or units or sources or parts):
        return q.operation == "list" and _prose(q, catalog, out)
    one = one_department(question, catalog)
    if one is None:
        return False
    name, _, _, year, document = one
    if document is None:
        return False
    if units:
        return _units(name, year, document, catalog, out, q)
    if parts:
        return _parts(parts, name, year, document, catalog, out)
    if sources:
        return _sources(name, year, document, catalog, out, question)
    if classes:
        return _classes(q, name, year, document, catalog, out)
    if condition is not None:
        return _executed(condition, name, year, document, catalog, out)
    pairs, readable = graded_projects(catalog.facts(document), grade)
    if not readable and _stated(grade, name, year, document, catalog, out):
        return True
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


def _stated(grade: str, name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """Projects by their grade as the narrative states it project by project ("…自评得分为 90 分，
    自评等次为良好"), where the forms print none that can be read; False when it states none."""
    from .lists import grade_matches, stated_grades

    stated = stated_grades(catalog.store.passages(document))
    if not stated:
        return False
    found = [s for s in stated if grade_matches(s.grade, grade)]

    def member(s) -> str:
        score = f"，自评得分{s.score}分" if s.score else ""
        return f"{s.name}（自评等次{s.grade}{score}，{_place(s.passage)}）"

    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度报告的情况说明逐项写了 {len(stated)} 个项目的自评等次，其中为“{grade}”的共 "
                     f"{len(found)} 个" + (f"：{'；'.join(member(s) for s in found)}" if found else "")
                     + f"（{document}）。")
    out["figures"] = [{"label": s.name, "value": s.grade, "number": None, "unit": None, "computed": False,
                       "formula": None, "department": name, "year": year, "table": None, "table_title": "情况说明",
                       "row": s.name, "column": "自评等次",
                       "source": {"document": document, "page": s.passage["page"], "line": s.passage["line"]}}
                      for s in found]
    return True


def _place(fact: dict) -> str:
    return f"第{fact['page']}页" if fact["page"] else f"第{fact['line']}行"


def _executed(condition, name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """The projects whose 绩效 form prints funds that meet the condition, each cited; refused when
    any form's funds cannot be read (in any copy of the report)."""
    from .lists import form_names, projects_where

    problems: list[str] = []
    for doc in documents_of(catalog, name, year, document):
        facts = catalog.facts(doc)
        if not form_names(facts):
            continue
        found, unreadable = projects_where(facts, condition, catalog.store.tables(doc))
        if unreadable:
            problems = problems or unreadable
            continue
        out["status"] = "answered"
        listed = "；".join(f"{p['value_text']}（{f['column']} {f['value_text']}，{_place(f)}）" for p, f in found)
        out["answer"] = (f"{name}{year}年度项目支出绩效自评表中{condition.words()}的项目共 {len(found)} 个"
                         + (f"：{listed}" if found else "") + f"（{doc}）。")
        out["figures"] = [dict(figure(f), label=p["value_text"]) for p, f in found]
        return True
    if not problems:
        out["answer"] = f"{name}{year}年度报告没有可以读取的项目支出绩效自评表，无法列出。"
    else:
        out["answer"] = (f"{name}{year}年度报告有 {len(problems)} 处绩效自评表的资金一栏读不准，列出来可能漏项，"
                         f"所以不列：" + "；".join(problems[:5]) + ("等。" if len(problems) > 5 else "。"))
    return True


def _classes(q, name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """The 类-level functional subjects with a nonzero amount in the named table's total column."""
    from .lists import class_rows, subject_table

    kind = subject_table(q.table_kind, q.funds)
    problem = None
    for doc in documents_of(catalog, name, year, document):
        rows, problem = class_rows(catalog.facts(doc), kind)
        if problem is None:
            break
    if problem is not None:
        out["answer"] = f"{name}{year}年度报告无法列出{kind}中有支出的类级科目：{problem}。"
        return True
    first = rows[0].total if rows else None
    if first is None:
        out["status"] = "answered"
        out["answer"] = f"{name}{year}年度{kind}中没有合计不为零的类级科目（{doc}）。"
        return True
    warnings = [w["message"] for w in catalog.store.warnings(doc)
                if w["table_ref"] in {r.total["table_code"] or r.total["table_title"] for r in rows}
                and (w["page"] is None or w["page"] in {r.total["page"] for r in rows})]
    table = first["table_title"] + (f"（{first['table_code']}）" if first["table_code"] else "")

    def member(r) -> str:
        code = f"（{r.code}）" if r.code else ""
        amount = "" if warnings else f" {r.total['value_text']}{r.total['unit'] or ''}"
        named = f"，名称见{r.named_by['table_title']}{_place(r.named_by)}" if r.named_by else ""
        return f"{r.name}{code}{amount}（{_place(r.total)}{named}）"

    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度{table}中“{first['column']}”一栏有支出的类级科目共 {len(rows)} 个："
                     + "；".join(member(r) for r in rows) + f"（{doc}）。")
    if warnings:
        out["warnings"].append("这张表有读取提示，所以只列科目名称，不列金额：" + "；".join(dict.fromkeys(warnings)))
    if warnings:  # each member cited where its row is printed, without an amount that may be misread
        out["figures"] = [dict(figure(r.total), label=r.name, row=r.name, value=r.name, number=None, unit=None,
                               column="科目名称") for r in rows]
    else:
        out["figures"] = [dict(figure(r.total), label=r.name, row=r.name) for r in rows]
    return True


def _sources(name: str, year: int, document: str, catalog: Catalog, out: dict, question: str) -> bool:
    """Where the income comes from: the summary table's numbered income rows that print an amount,
    without those the question sets aside (财政拨款以外的收入)."""
    from .lists import income_sources
    from .lookup import bare_label, set_aside

    aside = set_aside(question)
    for doc in documents_of(catalog, name, year, document):
        rows = [f for f in income_sources(catalog.facts(doc)) if not any(w in f["row_label"] for w in aside)]
        if rows:
            break
    else:
        out["answer"] = f"{name}{year}年度报告里没有读到列出收入来源的总表，无法列出。"
        return True
    first = rows[0]
    table = first["table_title"] + (f"（{first['table_code']}）" if first["table_code"] else "")
    out["status"] = "answered"
    besides = f"除{'、'.join(aside)}以外" if aside else ""
    out["answer"] = (f"{name}{year}年度{table}收入一方{besides}印有金额的来源共 {len(rows)} 项："
                     + "；".join(f"{bare_label(f['row_label'])} {f['value_text']}{f['unit'] or ''}（{_place(f)}）" for f in rows)
                     + f"（{doc}）。")
    out["figures"] = [dict(figure(f), label=bare_label(f["row_label"])) for f in rows]
    return True


# what a list question says besides what is listed: the asking (哪两个, 有哪些, 分别是), the
# everyday verbs around it (做了, 搞了) and where it is written (工作总结里说, 报告提到)
_LIST_ASKING = re.compile(r"哪[些几两二三四五六七八九十\d]*(?:个|项|家|类|种|所|处|条|些|大)?|有哪|列出|包括什么|包含哪|分别|都|是|了"
                          r"|做|搞|弄|干|给|对|把|被|请|问|一下|呢|吗"
                          r"|工作总结|总结|报告|说明|文中|里面?说|中说|提到|提出|写到|写了|写的")


def _cited(p: dict) -> dict:
    """The passage a list is read from, as the answer cites passages."""
    return {"text": p["text"], "document": p["document"], "page": p["page"], "line": p["line"]}


def _prose(q, catalog: Catalog, out: dict) -> bool:
    """A list the narrative writes out in one sentence (组织对2个项目开展了部门评价，分别为：“A”、“B”),
    found by the question's own words before the list, and quoted whole; False when no one
    sentence answers (the refusal follows)."""
    from domain.quantities import asked_subject
    from index.tokens import engine
    from .lists import expected_members, heading_list, prose_list
    from .lookup import GENERIC

    one = one_department(q.text, catalog)
    if one is None or one[4] is None:
        return False
    name, _, _, year, document = one
    asked = asked_subject(q.compact, q.span)

    def words_of(text: str) -> list[str]:
        text = _LIST_ASKING.sub("|", GENERIC.sub("|", text))
        return [w for w in dict.fromkeys(engine().lcut(text)) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]

    words = words_of(asked)
    expected = expected_members(q.compact)
    read = [catalog.store.passages(doc) for doc in documents_of(catalog, name, year, document)]
    if (joined := _joined_headings(asked, words_of, read)):
        return _headed_lists(joined, name, year, out)
    for passages in read:
        found = prose_list(passages, words, expected)
        if found:
            members, sentence, p = found
            said = f"原文：“{sentence}”"
            break
        found = heading_list(passages, words, expected)
        if found:
            members, heading, p = found
            said = f"见“{heading}”下逐条列出"
            break
    else:
        return False
    out["status"] = "answered"
    out["passages"] = [_cited(p)]
    out["answer"] = (f"{name}{year}年度报告列出 {len(members)} 项：" + "；".join(members)
                     + f"。{said}（{p['document']}，{_place(p)}）。")
    out["figures"] = [{"label": m, "value": m, "number": None, "unit": None, "computed": False, "formula": None,
                       "department": name, "year": year, "table": None, "table_title": "情况说明", "row": m,
                       "column": None, "source": {"document": p["document"], "page": p["page"], "line": p["line"]}}
                      for m in members]
    return True


# two things asked together (下属事业单位和派出机构): each may be a list of its own heading
_AND = re.compile(r"以及|和|与|及|、")


def _joined_headings(subject: str, words_of, read: list[list[dict]]):
    """[(heading, members, first passage)] when the subject joins two or more things with 和 and
    each is the one section of its name whose paragraphs are numbered names, in the passages of
    the report's documents (`read`); None otherwise."""
    from .lists import heading_list

    parts = [words_of(part) for part in _AND.split(subject)]
    if len(parts) < 2 or not all(parts):
        return None
    lists = []
    for words in parts:
        found = next((f for passages in read if (f := heading_list(passages, words))), None)
        if found is None:
            return None
        members, heading, p = found
        lists.append((heading, members, p))
    return lists if len({h for h, _, _ in lists}) == len(lists) else None


def _headed_lists(lists, name: str, year: int, out: dict) -> bool:
    """The lists of several headings, each under its heading's name, with where it is printed."""
    out["status"] = "answered"
    out["passages"] = [_cited(p) for _, _, p in lists]
    out["answer"] = (f"{name}{year}年度报告分别列出：" + "；".join(
        f"“{heading}”{len(members)} 项：" + "、".join(members) + f"（{p['document']}，{_place(p)}）"
        for heading, members, p in lists) + "。")
    out["figures"] = [{"label": m, "value": m, "number": None, "unit": None, "computed": False, "formula": None,
                       "department": name, "year": year, "table": None, "table_title": heading, "row": m,
                       "column": None, "source": {"document": p["document"], "page": p["page"], "line": p["line"]}}
                      for heading, members, p in lists for m in members]
    return True


_LEVEL_ASKED = re.compile(r"([款项])级")  # (哪些项 may mean items of any level: the next one)
_SPENT_ONLY = re.compile(r"有(?:钱|资金)?(?:花|用|支)(?:出去|了|出)|有支出|有数|花了钱|不为0|不是0|非零")


def _children(q, catalog: Catalog, out: dict) -> bool:
    """The subjects a named 类 or 款 is broken down into (法院这一款下面列了哪些项), from the table
    the question's funds name, else the first subject table that prints the parent; False when
    the question names no such subject or asks no breakdown."""
    from domain.tables import KIND_ORDER, SUBJECT_TABLES
    from .lists import asks_for_breakdown, children_of, named_parent
    from .lookup import bare_label

    if not asks_for_breakdown(q.rest):
        return False
    one = one_department(q.text, catalog)
    if one is None or one[4] is None:
        return False
    name, _, _, year, document = one
    facts = catalog.facts(document)
    parent = named_parent(q.rest, facts)
    if parent is None:
        return False
    ordered = [k for k in KIND_ORDER if k in SUBJECT_TABLES]
    if q.table_kind in SUBJECT_TABLES:
        ordered = [q.table_kind]
    elif q.funds:  # the funds named: their tables first (财政拨款支出 → 财政拨款支出预算表)
        ordered = [k for k in ordered if q.funds in k] + [k for k in ordered if q.funds not in k]
    # the level asked (哪几个项级科目, 哪些项) and whether only those with spending (有钱花出去的)
    level = next((m.group(1) for m in [_LEVEL_ASKED.search(compact(q.rest))] if m), None)
    rows = children_of(parent, facts, tuple(ordered), level)
    if rows and _SPENT_ONLY.search(compact(q.rest)):
        rows = [f for f in rows if f["number"]]
    if not rows:
        return False
    first = rows[0]
    table = first["table_title"] + (f"（{first['table_code']}）" if first["table_code"] else "")
    out["status"] = "answered"
    out["answer"] = (f"{name}{year}年度{table}中“{bare_label(parent['row_label'])}”（{parent['row_code']}）下{level + '级' if level else '一级'}列了 "
                     f"{len(rows)} 个科目：" + "；".join(f"{bare_label(f['row_label'])}（{f['row_code']}） {f['value_text']}{f['unit'] or ''}"
                                                     for f in rows) + f"（{first['document']}，{_place(first)}）。")
    out["figures"] = [dict(figure(f), label=bare_label(f["row_label"])) for f in rows]
    return True


def _parts(kind: str, name: str, year: int, document: str, catalog: Catalog, out: dict) -> bool:
    """The kinds a stated count is made of (车辆 → 机要通信用车1辆、应急保障用车1辆), those not 0,
    from the sentence that breaks the count down; False where no sentence does (the refusal follows)."""
    from .lists import counted_parts, tabled_parts

    for doc in documents_of(catalog, name, year, document):
        items, p = counted_parts(catalog.store.passages(doc), kind, name)
        if items:
            break
    else:
        for doc in documents_of(catalog, name, year, document):
            if rows := tabled_parts(catalog.facts(doc), kind):
                return _parts_tabled(rows, name, year, out)
        return False
    some = [c for c in items if c.number]
    place = f"{p['document']}，{_place(p)}"
    out["status"] = "answered"
    listed = "、".join(f"{c.counted}{c.number}{c.unit}" for c in some)
    zero = len(items) - len(some)
    out["answer"] = (f"{name}{year}年度报告写明的{len(items)}类中，不为0的有 {len(some)} 类：{listed or '无'}"
                     + (f"；其余{zero}类为0" if zero else "") + f"（{place}）。")
    out["passages"] = [_cited(p)]
    out["figures"] = [{"label": c.counted, "value": f"{c.number}{c.unit}", "number": float(c.number), "unit": c.unit,
                       "computed": False, "formula": None, "department": name, "year": year, "table": None,
                       "table_title": "情况说明", "row": c.counted, "column": None,
                       "source": {"document": p["document"], "page": p["page"], "line": p["line"]}} for c in some]
    return True


def _parts_tabled(rows: list[dict], name: str, year: int, out: dict) -> bool:
    from .lookup import bare_label

    some = [f for f in rows if f["number"]]
    first = rows[0]
    table = first["table_title"] + (f"（{first['table_code']}）" if first["table_code"] else "")
    out["status"] = "answered"
    listed = "、".join(f"{bare_label(f['row_label'])}{f['value_text']}{f['unit']}" for f in some)
    zero = len(rows) - len(some)
    out["answer"] = (f"{name}{year}年度{table}印有数字的{len(rows)}类中，不为0的有 {len(some)} 类：{listed or '无'}"
                     + (f"；其余{zero}类为0" if zero else "") + f"（{first['document']}，{_place(first)}）。")
    out["figures"] = [dict(figure(f), label=bare_label(f["row_label"])) for f in some]
    return True


# the sentence that lists the units a report covers: 纳入本部门…编制范围的预算单位包括：A、B、C
# (or counts them: 预算单位共计1家，即省政协办公厅本级)
_UNITS_SAID = re.compile(r"(?:编制范围|预算单位|决算单位|所属单位|下属[\u4e00-\u9fff]{0,4}?单位).{0,24}"
                         r"(?:(?:包括|包含|有)[:：]?[^。]*、|共计?[\d一二三四五六七八九十]+(?:家|个))")
# the kind of unit a question names (下属单位, 预算单位 …): a sentence that lists units under that name
_UNIT_KIND = re.compile(r"(?:下属|所属|预算|决算|基层|二级)单位")


def _units_said(catalog: Catalog, name: str, year: int, document: str, question: str = ""):
    """(the sentence, its passage) where the report lists its units in prose, or None; first the
    one that lists them under the name the question gives them (本部门下属单位包括: for 下属单位,
    beside 纳入…编制范围的预算单位共计一家)."""
    sentences = [(sentence, p) for doc in documents_of(catalog, name, year, document)
                 for p in catalog.store.passages(doc) for sentence in re.split(r"(?<=。)", p["text"] or "")
                 if _UNITS_SAID.search(compact(sentence))]
    kind = _UNIT_KIND.search(compact(question))
    # (units asked with no name for them are those the accounts cover, not the units under it; a
    # kind named is printed with its qualifier too: 下属事业单位 for 下属单位)
    said = re.compile((kind.group(0)[:-2] if kind else "下属") + r"[\u4e00-\u9fff]{0,4}?单位")
    named = [x for x in sentences if said.search(compact(x[0]))]
    sentences = named + [x for x in sentences if x not in named] if kind else \
        [x for x in sentences if x not in named] + named
    return (sentences[0][0].strip(), sentences[0][1]) if sentences else None


def _units(name: str, year: int, document: str, catalog: Catalog, out: dict, q=None) -> bool:
    """The units the department's accounts cover, as its units table names them; without such a
    table, the report's own sentence that lists them, quoted whole (a budget's 部门预算包括…)."""
    from .lists import units_listed
    from .narrated import quoted

    listed = units_listed(catalog.store.tables(document))
    if not listed and (said := _units_said(catalog, name, year, document, q.text if q is not None else "")):
        sentence, p = said
        out["status"] = "answered"
        out["answer"] = f"{name}{year}年度报告写明：“{sentence}”（{p['document']}，{_place(p)}）。"
        out["figures"] = [{"label": "单位构成", "value": sentence, "number": None, "unit": None, "computed": False,
                           "formula": None, "department": name, "year": year, "table": None, "table_title": "情况说明",
                           "row": "（情况说明）", "column": None,
                           "source": {"document": p["document"], "page": p["page"], "line": p["line"]}}]
        return True
    if not listed and q is not None and quoted(q, catalog, None, out, refuse=False) and out["status"] == "answered":
        return True
    if not listed and q is not None and _prose(q, catalog, out):  # units listed under their headings
        return True
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
