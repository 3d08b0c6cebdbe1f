"""The rules, each with an id and a plain description; `check_report` runs them on one report."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .across import cross_table
from .balance import summary_balance
from .grades import performance_grade
from .identities import basic_split, sangong_parts
from .model import Finding
from .narrative import narrative_rates, narrative_repeat, narrative_sums, narrative_table
from .report import Report
from .sums import subject_rollup, total_columns, total_rows


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str
    run: Callable[[Report], list[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("total-rows", "合计等于各行之和",
         "表中“合计”行（基本支出表的“人员经费合计”“公用经费合计”行同理）的每一栏，等于同一栏各“类”科目行之和。", total_rows),
    Rule("subject-rollup", "类 = 各款之和，款 = 各项之和",
         "按支出功能（或经济）分类科目编码，类的金额等于其下各款之和，款的金额等于其下各项之和。", subject_rollup),
    Rule("total-columns", "合计栏等于各栏之和",
         "支出表的“本年支出合计”（或“小计”）栏等于同一行基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出各栏之和；"
         "收入决算表的“本年收入合计”栏等于同一行各收入来源栏之和。", total_columns),
    Rule("summary-balance", "收入支出决算总表收支平衡",
         "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 + 结余分配 + 年末结转和结余；"
         "本年收入（支出）合计等于上方各项之和；合计栏等于同一行各栏之和。财政拨款收入支出决算总表同理。",
         summary_balance),
    Rule("cross-table", "同一数字各表一致",
         "同一科目（或合计）的同一口径金额，在支出决算表、收入支出决算总表、财政拨款收入支出决算总表、"
         "一般公共预算财政拨款支出决算表、基本支出决算表等表中印的数相同。", cross_table),
    Rule("basic-split", "基本支出 = 人员经费 + 公用经费",
         "一般公共预算财政拨款基本支出等于人员经费合计与公用经费合计之和（按行或按栏印刷的都核对）。", basic_split),
    Rule("sangong-parts", "三公经费 = 出国 + 用车 + 接待",
         "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；"
         "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费。预算数、决算数各自核对。", sangong_parts),
    Rule("narrative-table", "说明中的数字与表格一致",
         "情况说明里写的金额（收入支出总计、本年收入/支出合计、基本支出、人员经费、公用经费、“三公”经费各项、"
         "机关运行经费、各科目支出等）与表格中同一口径的数字相同。", narrative_table),
    Rule("narrative-rates", "说明中的增长率、完成率、占比与金额相符",
         "说明里的比上年增减率 = 增减额 ÷ 上年数；完成率 = 决算数 ÷ 预算数；占比 = 部分 ÷ 整体。"
         "按说明自己印出的金额计算（金额的四舍五入所能解释的差别不算）。", narrative_rates),
    Rule("narrative-sums", "说明中的总额与所列各项相符",
         "说明先写总额、再列各项时：政府采购支出总额 = 货物 + 工程 + 服务，基本支出 = 人员经费 + 公用经费；"
         "所列收入来源或支出类别之和不超过收入（支出）合计。", narrative_sums),
    Rule("narrative-repeat", "说明中同一数字前后一致",
         "说明两处讲同一件事（措辞几乎相同）时，写出的金额相同。", narrative_repeat),
    Rule("performance-grade", "绩效自评得分与等级相符",
         "项目支出绩效自评表的总分落在所印等级的分数段内：按表中印出的分段；未印分段时按"
         "优 90–100、良 80–90、中 60–80、差 60 以下。", performance_grade),
)


def check_report(report: Report, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    """Each rule's findings; one disagreement printed in two places (a sentence the narrative
    repeats word for word) is one finding citing both."""
    merged: dict[tuple, Finding] = {}
    for rule in rules:
        for f in rule.run(report):
            key = (f.rule, f.severity, f.message)
            if key in merged:
                old = merged[key]
                merged[key] = replace(old, cells=old.cells + tuple(c for c in f.cells if c not in old.cells))
            else:
                merged[key] = f
    return list(merged.values())
