"""Rows of one table ranked by the amount they print: the rows under a named row ("商品和服务支出里
最多的四项", "工资福利支出中哪几项最多") or every row of one level of the subject classification
("各类支出按金额排序", "各款支出从大到小").

Class of question: a ranking inside one department's report whose items the question does not list
but names by their place in a table — the children of a subject (row_parent = its code) or a level
(类, 款, 项).  The parent row is found by the figure lookup (so the table and column are the ones a
figure question about it would cite); a level is read from the table the quantity model gives for
the asked funds and side (domain.quantities: 支出 of all funds in 支出决算表, of 一般公共预算 in
一般公共预算财政拨款支出决算表, 收入 in 收入决算表).  Every item is a printed cell of one column of
one table, cited; a top N asked gives the first N, a tie at the cut is said.
"""
from __future__ import annotations

import re

from domain.normalize import compact
from domain.quantities import quantity_of

LEVEL = re.compile(r"各(类|款|项)|每一?(类|款|项)|哪(?:几|些)(类|款)(?!目)|大(类)")  # (哪几项 of a row: its children; 按功能大类)
# the rows under a named row: "X里/中/当中 … 哪几项/最多的N项/各项"
CHILDREN = re.compile(r"^(?P<parent>.+?)(?:里面|里|当中|之中|中)的?(?=.*(?:哪几|哪些|最多|最大|最高|最少|最低|前|各项|排))")
TOP = re.compile(r"(?:最多|最大|最高|最少|最低)的?(?P<n>[一二两三四五六七八九十\d]+)(?:项|个|类|款|名|位)"
                 r"|前(?P<m>[一二两三四五六七八九十\d]+)(?:项|个|类|款|名|位)?")
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LOW = re.compile(r"从小到大|从少到多|从低到高|由小到大|由少到多|由低到高|最少|最低|升序")


def asks(question) -> bool:
    """Whether the question ranks rows a table prints under a row, or of a level."""
    rest = question.rest or question.compact
    from .ranking import SCORE_ASKED

    if question.operation != "rank" or question.department is None or len(question.named) > 1:
        return False
    if SCORE_ASKED.search(question.compact):
        return False  # projects ranked by their self-assessment scores (answer.ranking)
    if LEVEL.search(rest):
        return True
    m = CHILDREN.search(rest)
    # items listed after the subject (基本支出里的差旅费、培训费) are the items to rank: not these rows
    return bool(m) and not re.search(r"、|[\u4e00-\u9fff]{2}(?:和|与|及)[\u4e00-\u9fff]{2}", rest[m.end():])


def _top(text: str) -> int | None:
    m = TOP.search(text)
    if not m:
        return None
    n = m.group("n") or m.group("m")
    return int(n) if n.isdigit() else _NUMERALS.get(n)


def _children(question, catalog, department: str) -> tuple[list[dict], str] | tuple[None, str]:
    """The cells of the rows printed under the parent row the question names, in the parent's table
    and column."""
    from .lookup import lookup

    m = CHILDREN.search(question.rest or question.compact)
    parent = lookup(f"{question.year_text}{m.group('parent')}", catalog, department=department)
    if parent.status != "answered" or not parent.facts or parent.narrative or parent.parts:
        return None, parent.missing or f"报告里没有“{m.group('parent')}”这一行"
    head = parent.facts[0]
    if not head.get("row_code"):
        return None, f"“{head['row_label']}”这一行没有科目编码，认不出它下面的行"
    cells = [f for f in catalog.facts(parent.document) if f["table_index"] == head["table_index"]
             and f["row_parent"] == head["row_code"] and f["column"] == head["column"] and f["number"] is not None]
    if not cells:
        return None, f"“{head['row_label']}”下面没有印出数字的行"
    if _unnamed_rows(catalog, parent.document, head["table_index"]):
        return None, f"{head['table_title']}有印了数字却没有科目名称的行，各行可能错位，不排序"
    return cells, f"{head['table_title']}中“{head['row_label']}”（{head['row_code']}）下的各行"


def _level(question, catalog, department: str, document: str) -> tuple[list[dict], str] | tuple[None, str]:
    """The cells of every row of the asked level, in the table and column of the asked quantity."""
    level = next(g for g in LEVEL.search(question.rest or question.compact).groups() if g)
    if "收入" in question.compact and "支出" not in question.compact:
        # income by kind (财政拨款收入, 其他收入 …) is not a level of subjects: the lookup answers rows of it
        return None, "收入按来源分列在收入决算表的各栏，不是按科目分级印出的，请指明要比较的几项收入"
    side = "支出"
    funds = "一般公共预算财政拨款" if question.funds in ("一般公共预算", "财政拨款") else "全部资金"
    cells = [f for f in catalog.facts(document) if f["row_level"] == level and f["number"] is not None
             and (key := quantity_of(f, {})) is not None and key[1:] == (funds, side)]
    tables = sorted({f["table_index"] for f in cells})
    if not cells:
        return None, f"报告里没有按{level}印出的{side}"
    cells = [f for f in cells if f["table_index"] == tables[0]]  # one table: the one a reader cites first
    if _unnamed_rows(catalog, document, tables[0]):
        return None, f"{cells[0]['table_title']}有印了数字却没有科目名称的行，各行可能错位，不排序"
    return cells, f"{cells[0]['table_title']}中各{level}{side}"


def _unnamed_rows(catalog, document: str, table_index: int) -> bool:
    """Whether a table prints amounts on rows with neither a name nor a code (rows read off their labels)."""
    return any(f["table_index"] == table_index and f["number"] is not None and not compact(f["row_label"] or "")
               and not f["row_code"] for f in catalog.facts(document))


def rank_rows(question, catalog, out: dict) -> bool:
    """Fill the answer with the ranked rows; False when the question is not one of these."""
    from .cite import one_department
    from .ranking import _state

    one = one_department(question.text, catalog)
    if one is None or one[4] is None:
        return False
    department, _, _, year, document = one
    from .listed import documents_of

    rest = question.rest or question.compact
    if CHILDREN.search(rest) and not LEVEL.search(rest):
        cells, what = _children(question, catalog, department)
    else:  # a level: from the first copy of the report (its PDF, its text) whose table reads whole
        for doc in documents_of(catalog, department, year, document):
            cells, what = _level(question, catalog, department, doc)
            if cells is not None:
                break
        else:
            cells, what = _level(question, catalog, department, document)
    if cells is None:
        out["status"] = "not_found"
        out["answer"] = f"无法排序：{what}。"
        return True
    ascending = bool(_LOW.search(rest))
    cells = sorted(cells, key=lambda f: f["number"], reverse=not ascending)
    n = _top(rest)
    note = ""
    if n and n < len(cells):
        tie = cells[n - 1]["number"] == cells[n]["number"]
        cells = cells[:n]
        note = (f"只列出{'最少' if ascending else '最多'}的 {n} 项"
                + (f"（第 {n} 项与下一项并列，未列出的也是这个数）" if tie else "") + "。")
    column = cells[0]["column"]
    _state(out, f"{department}{year}年度{what}（“{column}”栏）", [(f["row_label"], f) for f in cells], ascending, note)
    return True
