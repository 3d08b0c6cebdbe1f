"""A project's performance indicators as its 绩效 form prints them: each 三级指标 row with its target
(年初指标值, 调整后指标值, 年度指标值, 绩效目标值) and what was achieved (实际完成值), as printed text
("=293台", "≥95%", "达成预期指标").

Class of question: "X项目要运维多少台服务器", "Y项目的培训人数实际完成多少", "满意度目标是多少".  The
indicator is the one whose name the question's words cover (服务器运维数量 by 服务器 and 运维), within
the project the question names when it names one; two indicators as close in different forms are
offered as options, never chosen between.  What was achieved is stated unless a target is asked;
its printed text is quoted whole (a comparison sign and unit with it) and its one number is the
figure.  An indicator's score asked (得分, or 分值 — what it is worth) is that cell of its row, never
the form's 总分.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.normalize import compact, covered

_TARGET_COLUMN = re.compile(r"指标值|目标值")
_ACHIEVED_COLUMN = re.compile(r"完成值")
_HEADING = re.compile(r"指标$|^(?:一级|二级|三级)?指标$")  # a level's heading, not an indicator
# what the question asks of the indicator: its target, its score, else what was achieved
TARGET_ASKED = re.compile(r"目标|计划|指标值|预期|要求|预定|定了|定的")
SCORE_ASKED = re.compile(r"分值|得分|几分|多少分|权重|扣分|打分|评分")
_SCORE_COLUMN = re.compile(r"分值|得分|权重")
# a label that ends in a value (用户满意度/≥95%): the row's cells were printed one column off, so
# none of them is read as the indicator's
_VALUE_LIKE = re.compile(r"^[≥≤=<>＞＜≧≦$\\]|^\d|%$")
# words of an indicator's name that say only what kind of measure it is: no match is made on them
_GENERIC = re.compile(r"[（(][^）)]*[）)]|数量$|个数$|项数$|次数$|总量$|数$")
# the number of a printed value, read through the text twin's markup ($\geq 95\%$)
_MARKUP = (("\\geq", "≥"), ("\\leq", "≤"), ("\\%", "%"), ("$", ""))
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Indicator:
    name: str  # the 三级指标 as printed (服务器运维数量)
    path: str  # its levels (产出指标/数量指标/服务器运维数量)
    table_index: int
    row_index: int
    target: dict | None  # the first of its target cells as printed (年初指标值 before 调整后指标值)
    targets: tuple[dict, ...]  # every target cell (a 调整后 one is stated when 调整 is asked)
    achieved: dict | None
    scores: tuple[dict, ...] = ()  # its 分值 and 得分 cells, where the form prints them


def indicators(facts: list[dict]) -> list[Indicator]:
    """Every indicator row of the 绩效 forms among the facts, in printed order."""
    rows: dict[tuple[int, int], list[dict]] = {}
    for f in facts:
        if f["value_text"]:
            rows.setdefault((f["table_index"], f["row_index"]), []).append(f)
    out = []
    for (table, row), cells in rows.items():
        targets = tuple(c for c in cells if _TARGET_COLUMN.search(c["column"] or ""))
        achieved = next((c for c in cells if _ACHIEVED_COLUMN.search(c["column"] or "")), None)
        if not targets and achieved is None:
            continue
        path = compact(cells[0]["row_label"] or "")
        name = path.rsplit("/", 1)[-1]
        if len(name) < 2 or _HEADING.search(name) or _VALUE_LIKE.search(name):
            continue
        scores = tuple(c for c in cells if _SCORE_COLUMN.search(c["column"] or "") and c["number"] is not None)
        out.append(Indicator(name, path, table, row, targets[0] if targets else None, targets, achieved, scores))
    return out


def without_project(text: str, name: str) -> str:
    """The text without the stretch that names the project (the longest that runs through its name
    in order: 12345热线座席外包经费 of 12345政务服务便民热线座席服务外包经费), cut once."""
    from index.departments import _subsequence

    best = (0, 0)
    for i in range(len(text)):
        for j in range(len(text), i + max(2, best[1] - best[0]), -1):
            if _subsequence(text[i:j], name):
                best = (i, j)
                break
    return text[: best[0]] + "|" + text[best[1]:] if best[1] > best[0] else text


def core(name: str) -> str:
    """The indicator's name without the words that only say what kind of measure it is."""
    stripped = _GENERIC.sub("", name)
    return stripped if len(stripped) >= 2 else name


def matching(found: list[Indicator], text: str, least: float = 0.6) -> list[Indicator]:
    """The indicators the text names best: the most of its core name covered, at least `least` of
    it and three characters; ties are all returned."""
    scored = []
    for ind in found:
        name = core(ind.name)
        n = covered(name, text)
        if n >= 3 and n >= least * len(name):
            scored.append((n / len(name), n, ind))
    if not scored:
        return []
    best = max((s, n) for s, n, _ in scored)
    return [ind for s, n, ind in scored if (s, n) == best]


def read_value(text: str) -> tuple[str, str] | None:
    """(number as printed, the unit after it) of a printed value holding one number; None otherwise."""
    plain = compact(text)
    for a, b in _MARKUP:
        plain = plain.replace(a, b)
    numbers = _NUMBER.findall(plain)
    if len(numbers) != 1:
        return None
    unit = re.sub(r"[^\u4e00-\u9fff%]", "", plain.split(numbers[0], 1)[1])[:3]
    return numbers[0], unit


def answer_indicator(question, catalog, out: dict) -> bool:
    """The indicator the question names, of the project it names (or of the one form that prints
    such an indicator); options when forms print equally close ones; False when none is named."""
    from .cite import figure, one_department, where
    from .projects import named, projects

    one = one_department(question.text, catalog)
    if one is None or one[4] is None:
        return False
    department, span, year_text, year, document = one
    facts = list(catalog.facts(document))
    found = indicators(facts)
    if not found:
        return False
    text = question.compact.replace(span, "|", 1).replace(year_text, "|", 1) if span else question.compact
    if not matching(found, text):
        return False  # (no indicator's name in the question: the projects need not be looked for)
    found_projects = projects(facts)
    forms = {p.table_index: p.name for p in found_projects}
    asked = named(text, found_projects, department)
    if not asked and not re.search(r"指标|完成值|绩效", text):
        return False  # an indicator is asked of its project (or as an indicator): other words are the narrative's
    if asked:
        tables = {p.table_index for p in asked}
        found = [i for i in found if i.table_index in tables]
        for p in asked:  # the project's own words name no indicator (城市云平台 of 城市云平台设备…运行率)
            text = without_project(text, p.name)
    best = matching(found, text)
    if not best:
        return False
    if len({(i.table_index, i.name) for i in best}) > 1:
        options = [f"{forms.get(i.table_index, '')}：{i.name}" for i in best]
        out["status"] = "ambiguous"
        out["options"] = options
        out["answer"] = "有几个项目的绩效指标都与问题相近，请指明是哪一个：" + "、".join(options)
        return True
    ind = best[0]
    target_asked = bool(TARGET_ASKED.search(text))
    if SCORE_ASKED.search(text):
        return _score(ind, forms.get(ind.table_index), department, year, text, out)
    if target_asked:
        cell = next((c for c in ind.targets if "调整" in c["column"]), None) if "调整" in text else None
        cell = cell or ind.target
    else:
        cell = ind.achieved or ind.target  # a form of targets only (a budget's) prints what was set
    if cell is None:
        return False
    value = read_value(cell["value_text"])
    if question.unit and question.unit not in ("count", "%") and (value is None or question.unit not in value[1]):
        return False  # 多少人 asked of an indicator printed in 台 is another indicator
    project = forms.get(ind.table_index)
    owner = f"“{project}”项目" if project else ""
    lead = f"{value[0]}{value[1]}：" if value else ""
    said = "实际完成值" if cell is ind.achieved else cell["column"]
    others = [c for c in (ind.targets if cell is ind.achieved else [ind.achieved] if ind.achieved else []) if c]
    beside = "；".join(f"{c['column']}印为“{c['value_text']}”" for c in others)
    out["status"] = "answered"
    out["answer"] = (f"{lead}{department}{year}年度{owner}绩效自评表的指标“{ind.name}”（{ind.path}）{said}印为"
                     f"“{cell['value_text']}”" + (f"（{beside}）" if beside else "") + f"（{where(cell)}）。")
    if not ind.achieved and not target_asked:
        out["warnings"].append("这张表只印了指标的目标值，没有印实际完成值。")
    fig = dict(figure(cell), label=ind.name)
    if value:
        fig.update(value=value[0], number=float(value[0].replace(",", "")), unit=value[1] or None)
        out["figures"] = [fig]
    return True


def _score(ind: Indicator, project: str | None, department: str, year: int, text: str, out: dict) -> bool:
    """The indicator's 得分 (its 分值, what it is worth, when that is asked)."""
    from .cite import figure, where

    wanted = "分值" if re.search(r"分值|权重|满分|占多少分", text) else "得分"
    cell = next((c for c in ind.scores if wanted in c["column"]), None)
    if cell is None:
        return False
    owner = f"“{project}”项目" if project else ""
    out["status"] = "answered"
    out["answer"] = (f"{cell['value_text']}{cell['unit'] or ''}：{department}{year}年度{owner}绩效自评表的指标“{ind.name}”"
                     f"{cell['column']}为 {cell['value_text']}{cell['unit'] or ''}（{where(cell)}）。")
    out["figures"] = [dict(figure(cell), label=ind.name)]
    return True
