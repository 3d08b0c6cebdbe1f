"""What is refused before a question is read at all: an empty question, one past the length
limit, and one that names nothing the reports are about (emoji, English, SQL, small talk).

The limit bounds the work a question can cause whatever is pasted into the box: a question is
a sentence or two (the longest of the 320 outside questions has 78 characters), so past
MAX_QUESTION_CHARS it is refused with the limit, never cut and answered as something else.
A question is understood when it names a department (a stretch of a printed name, or any
organisation's name), or a word the reports print or the vocabulary documents (row labels,
table and column words, everyday words, the fiscal terms, the money words below).  Anything
else gets "not understood" with example questions made from what the index holds.
"""
from __future__ import annotations

import re

MAX_QUESTION_CHARS = 200

# Words about money and reports that a question may use without naming a row.
MONEY_WORDS = ("钱", "经费", "资金", "费用", "支出", "收入", "预算", "决算", "报告", "拨款", "结余", "结转",
               "采购", "资产", "项目", "绩效", "人员", "编制", "单位", "部门", "职责", "机构", "花", "多少", "几")

_CJK = re.compile(r"[\u4e00-\u9fff]")


def refusal(question: str, catalog) -> dict | None:
    """{answer, reason, examples?} when the question is refused before it is read; None otherwise."""
    if not question:
        return {"reason": "empty", "answer": "问题是空的，请输入想查询的部门和事项。", "examples": examples(catalog)}
    if len(question) > MAX_QUESTION_CHARS:
        return {"reason": "too_long",
                "answer": f"问题太长（{len(question)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内："
                          "写明部门、年度和想查的事项即可。"}
    if not understood(question, catalog):
        return {"reason": "not_understood",
                "answer": "没有看懂这个问题。请用中文写明部门、年度和想查的事项，例如下面的问题。",
                "examples": examples(catalog)}
    return None


def understood(question: str, catalog) -> bool:
    from index.departments import match_departments
    from index.tokens import FISCAL_TERMS
    from domain.vocabulary import COLUMN_WORDS, EVERYDAY_TERMS, TABLE_WORDS

    from .question import ORGANISATION

    if len(_CJK.findall(question)) < 2:
        return False
    words = (*MONEY_WORDS, *FISCAL_TERMS, *EVERYDAY_TERMS, *TABLE_WORDS, *COLUMN_WORDS)
    if any(w in question for w in words) or any(label in question for label in catalog.labels):
        return True
    return bool(ORGANISATION.search(question) or match_departments(question, catalog.departments, catalog.fiscal_words))


def examples(catalog, n: int = 3) -> list[str]:
    """Example questions about the departments the index holds (their latest year)."""
    asks = ("三公经费是多少？", "基本支出是多少？", "差旅费是多少？")
    out = []
    for department, ask in zip(catalog.departments[:n], asks):
        years = catalog.years(department)
        out.append(f"{department}{years[-1]}年{ask}" if years else f"{department}{ask}")
    if len(catalog.departments) > 1 and len(out) == n:
        out[-1] = "哪个单位的公务接待费最多？"
    return out
