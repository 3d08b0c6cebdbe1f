"""Projects as their 绩效自评表 print them: the project's name (专项名称 / 项目名称) and its funds
row (年度资金总额: 全年预算数, 全年执行数, 执行率).  Questions name a project by its name or a
shortening of it ("12345热线座席外包经费"); the answers are the printed funds, or what is left
unspent (全年预算数 − 全年执行数), computed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.normalize import compact
from domain.vocabulary import SPENT_SHARE

from index.departments import _subsequence

_NAME_ROWS = ("专项名称", "项目名称", "项目名")
_FUNDS_ROW = re.compile(r"^年度资金总额|^资金总额")
_BUDGET = re.compile(r"全年预算数|调整后预算数|预算下达数|下达数|预算数")
_SPENT = re.compile(r"全年执行数|执行数|实际支出|决算数")
_RATE = re.compile(r"执行率")
_INITIAL = re.compile(r"年初预算数|预算编制数|年初预算")

REMAINING = re.compile(r"还有多少没|没执行|未执行|没有执行|没花完|没支出|未支出|没付|还剩|剩下|剩余|差了多少|相差|差多少")
OVER = re.compile(r"(?:实际|执行|支出|花).{0,6}比.{0,4}预算.{0,2}(?:多|超)|超出预算|超支")
SPENT = re.compile(r"执行了多少|执行多少|执行数|花了多少|实际支出")
RATE = re.compile(r"执行率|执行了百分之|完成率|完成.{0,4}预算的?(?:百分之|比例|多少)|" + SPENT_SHARE)
ZERO_RATE = re.compile(r"执行率(?:是|为)?0|执行率为零|一分钱没(?:花|执行)|没有执行的项目")


@dataclass(frozen=True)
class Project:
    name: str
    table_index: int
    budget: dict | None
    spent: dict | None
    rate: dict | None
    initial: dict | None = None  # 年初预算数 / 预算编制数, where the form prints one beside 全年预算数


def projects(facts: list[dict]) -> list[Project]:
    """Every table that names a project, with the cells of its funds row."""
    names: dict[int, str] = {}
    funds: dict[int, list[dict]] = {}
    for f in facts:
        label = compact(f["row_label"] or "")
        if label in _NAME_ROWS and f["table_index"] not in names and f["value_text"]:
            names[f["table_index"]] = compact(f["value_text"])
        elif _FUNDS_ROW.match(label):
            funds.setdefault(f["table_index"], []).append(f)

    def cell(row: list[dict], pattern) -> dict | None:
        # the alternatives of a pattern in order of preference: 全年预算数 before 年初预算数
        for choice in pattern.pattern.split("|"):
            found = next((f for f in row if re.search(choice, f["column"] or "") and f["number"] is not None), None)
            if found:
                return found
        return None

    return [Project(name, t, cell(funds.get(t, []), _BUDGET), cell(funds.get(t, []), _SPENT),
                    cell(funds.get(t, []), _RATE), cell(funds.get(t, []), _INITIAL)) for t, name in names.items()]


def named(question: str, found: list[Project], owner: str = "", enough: int | None = None) -> list[Project]:
    """The projects a question names: the whole name, or the longest stretch of the question that
    runs through the name in order and covers at least half of it (12345热线座席外包经费), or at
    least `enough` characters where the stretch is an item a list sets apart (非涉密信息网运维 of
    非涉密信息网网络系统运行维护管理费用); a name that begins with the owner department's name is
    matched on the rest of it."""
    text = compact(question)
    whole = [p for p in found if p.name in text]
    if whole:
        return whole
    scored = []
    for p in found:
        core = _without_owner(p.name, compact(owner))
        need = max(6, len(core) // 2) if enough is None else min(max(6, len(core) // 2), enough)
        longest = 0
        for i in range(len(text) - need + 1):
            for j in range(len(text), i + need - 1, -1):
                if _subsequence(text[i:j], core):
                    longest = max(longest, j - i)
                    break
        if longest >= need:
            scored.append((longest, p))
    if not scored:
        return []
    best = max(n for n, _ in scored)
    return [p for n, p in scored if n == best]


def _without_owner(name: str, owner: str) -> str:
    """The project's name without a leading part of its department's name (市“智慧福州”管理服务中心
    日常工作经费 → 日常工作经费), when at least four characters are left."""
    for k in range(len(name) - 4, 3, -1):
        if name[:k] in owner:
            return name[k:]
    return name
