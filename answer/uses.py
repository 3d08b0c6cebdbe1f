"""Spending asked by what the report says it was used for.

Class of question: "新部门开办费和基层政权、社区建设项目花了多少" — a report's narrative names each
subject and then what it was mainly used for ("3、一般公共服务支出(类)社会工作事务(款)其他社会工作事务
支出(项)。主要用于:新建部门开办费、基层政权和社区建设项目支出。全年预算为202.24万元,支出决算为
202.24万元。").  When the question's words are, nearly all of them, that list of uses, the answer
is the amount its paragraph states for the subject — said to be the subject's, with the sentence
that names the uses, never split among the uses.  A paragraph that states no amount, or several
for different subjects, or two paragraphs whose uses fit the question as well, give nothing.
"""
from __future__ import annotations

import re

from domain.normalize import compact, covered
from domain.vocabulary import TABLE_WORDS

# what a paragraph says its subject was used for: the list after 主要用于 / 用于
_USES = re.compile(r"(?:主要)?用于[:：]?(?P<uses>[^。]{4,240})")
# words of the question that only ask how much was spent
_ASKING = re.compile(r"(?:一共|总共|合计)?(?:花了|用了|支出了?|花费了?|开支了?)?(?:多少钱|多少万元|多少|几何)|是多少|有多少|的钱|的费用|的支出|的经费"
                     r"|[？?，,。！!、]|(?:这|那)(?:笔|项|些)(?:钱|费用|支出)?|(?:主要)?(?:用于|用在|花在|用来)")
_LEAST = 0.7  # of the question's words the uses must hold, and of the uses the question


def answer_by_use(question, catalog, out: dict) -> bool:
    """The amount of the subject whose stated uses the question names; False when none fits."""
    from domain.statements import statements

    from .cite import figure, one_department
    from .lookup import stated_fact

    one = one_department(question.text, catalog)
    if one is None or one[4] is None or question.unit not in (None, "万元"):
        return False
    department, span, year_text, year, document = one
    asked = question.compact
    for piece in (span, year_text):
        if piece:
            asked = asked.replace(piece, "|", 1)
    asked = re.sub(r"[|的和及与]+", "", _ASKING.sub("", asked))
    # the whole the question sets them in (机关运行经费中, 三公经费里) is where, not what
    asked = re.sub("^(?:" + "|".join(TABLE_WORDS) + r")(?:经费|支出)?(?:中|里面|里|当中)", "", asked)
    if len(asked) < 6:
        return False
    fits = []
    for p in catalog.store.passages(document):
        text = compact(p["text"] or "")
        m = _USES.search(text)
        if not m or re.search(r"\d", m.group("uses")):
            continue  # (a list of amounts, 主要用于以下方面:…264.87万元, is a breakdown, not uses)
        n = covered(asked, m.group("uses"))
        listed = re.sub(r"[、,，;；和及与]|(?:项目)?支出$|费用$", "", m.group("uses"))
        back = covered(listed, asked)
        items = [core for item in re.split(r"[、,，;；]", m.group("uses"))
                 if len(core := re.sub(r"(?:项目)?支出$|费用?$", "", item)) >= 2]
        if n < _LEAST * len(asked) or back < _LEAST * len(listed) or any(
                covered(item, asked) < 0.5 * len(item) for item in items):
            continue  # the question's words must be the uses, and all of them: one use is not the subject's amount
        said = [s for s in statements([p], catalog.departments) if s.amount is not None]
        if len({(s.subject, s.amount) for s in said}) != 1:
            continue
        fits.append((n / len(asked) + back / len(listed), m.group(0), said[0]))  # how well both ways
    if not fits:
        return False
    best = max(score for score, _, _ in fits)
    fits = [f for f in fits if f[0] == best]
    if len({(s.subject, s.amount) for _, _, s in fits}) != 1:
        return False
    _, uses, s = fits[0]
    place = f"第{s.page}页" if s.page else f"第{s.line}行"
    out["status"] = "answered"
    out["answer"] = (f"{s.amount}万元：{department}{year}年度报告说“{s.subject}”{uses}，"
                     f"并写明“{s.sentence}”（{s.document}，{place}）。这是该科目的金额，报告没有按用途分列。")
    fact = stated_fact(s.amount, "万元", s.sentence, s.document, s.page, s.line, department, year, label=s.subject)
    out["figures"] = [dict(figure(fact), row="（情况说明）", table=None, table_title=None, column=None)]
    return True
