"""The rules, each with an id and a plain description; `check_report` runs them on one report."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .across import cross_table
from .balance import summary_balance
from .classifications import basic_table_total, class_economic
from .counts import count_parts, count_repeat
from .grades import performance_grade
from .hygiene import fall_over_100, punctuation
from .identities import basic_split, sangong_parts
from .identity import placeholders, report_dates, report_identity
from .lists import list_total
from .model import Finding
from .narrative import narrative_blank, narrative_rates, narrative_repeat, narrative_sums, narrative_table
from .projects import project_balance, project_overspend, project_rate, project_sources
from .report import Report
from .structure import contents_pages, contents_tables, empty_table_note, standard_tables
from .sums import subject_rollup, total_columns, total_rows
from .wording import wording_change, wording_comparison, wording_reason


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
    Rule("list-total", "合计等于所列各大项之和",
         "没有科目编码的清单表（如政府采购预算表）中，“合计”行的每一栏等于标有“一、”“二、”“三、”……的各大项"
         "（货物、工程、服务）之和；各大项下的项目和品目是其明细，不重复相加。", list_total),
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
    Rule("narrative-blank", "说明中的金额在表中不是空白",
         "情况说明写了某项金额（不为零，如“三公”经费各项、机关运行经费、合计），而表中这一项的格子空白、各表都没有印出"
         "金额时为不一致；说明的用语只能宽泛地对应这一项，或空白的格子不止一项时只作提示。", narrative_blank),
    Rule("performance-grade", "绩效自评得分与等级相符",
         "项目支出绩效自评表的总分落在所印等级的分数段内：按表中印出的分段；未印分段时按"
         "优 90–100、良 80–90、中 60–80、差 60 以下。", performance_grade),
    # words against numbers, two classifications, project forms, counts (issue 14)
    Rule("wording-comparison", "说明中的大于、小于、持平与数字相符",
         "说明写决算数“大于/小于/等于/持平”预算数或上年数时，与同一句（或其所说的那一项）印出的预算数、决算数、"
         "完成率或比上年增减额相符；“基本持平”相差超过 5% 只作提示。", wording_comparison),
    Rule("wording-change", "增减额与增减率方向一致",
         "同一处变动既写金额又写比率（增加……万元，增长……%）时，两者的增减方向相同；说上年没有的支出不会比上年减少。",
         wording_change),
    Rule("wording-reason", "说了“主要原因”就写出原因",
         "说明写“……的主要原因是：”之后确有原因（下一段接着写的也算），而不是空白或 XX、…… 之类的占位符（提示）。",
         wording_reason),
    Rule("class-economic", "功能分类与经济分类一致",
         "同一资金的功能分类与经济分类相对应：2080505 与 30108、2080506 与 30109、2210201 与 30113（按一般公共预算财政"
         "拨款支出表的基本支出栏核对）；医疗 2101101+2101102 与 30110、2101103 与 30111 并非一一对应，只作提示。",
         class_economic),
    Rule("basic-table-total", "基本支出表合计不超过全部基本支出",
         "基本支出表的合计（一般公共预算或财政拨款）不大于支出决算表（预算为支出预算总表）的全部资金基本支出；"
         "全部支出都是这部分资金时，两者相等。", basic_table_total),
    Rule("project-sources", "项目年度资金总额等于各来源之和",
         "项目支出绩效自评表的“年度资金总额”在年初预算数、全年预算数、全年执行数各栏等于其下当年财政拨款、"
         "上年结转资金、其他资金之和。", project_sources),
    Rule("project-rate", "项目执行率等于执行数 ÷ 预算数",
         "项目支出绩效自评表的执行率 = 全年执行数 ÷ 全年预算数（按所印金额的四舍五入范围核对）。", project_rate),
    Rule("project-overspend", "项目执行数不超过预算数",
         "项目支出绩效自评表的全年执行数不超过全年预算数；表中写了偏差原因时只作提示。", project_overspend),
    Rule("project-balance", "预算数 − 执行数 = 结余",
         "印有结余（结转）栏时：全年预算数 − 全年执行数 = 资金结（转）余；实际到位 − 实际支出 = 结余。", project_balance),
    Rule("count-repeat", "同一数目前后一致",
         "报告两处写同一个数目（车辆数、公务用车保有量、在职人数、编制数）时相同；限定词不同或口径可能不同（公务用车"
         "保有量只计财政拨款负担的车辆）时只作提示。", count_repeat),
    Rule("count-parts", "总数与所列分项相符",
         "写出总数再列“其中”各项（各类车辆、各类编制）时：列到“其他”的，各项之和等于总数；否则各项之和不超过总数。",
         count_parts),
    # structure, identity of the report, text hygiene (issue 14)
    Rule("standard-tables", "标准表齐全",
         "报告印有其类别的标准公开表：决算为收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、"
         "一般公共预算财政拨款支出决算表、基本支出决算表、“三公”经费支出决算表，表格印有政府性基金或国有资本经营"
         "资金时还有其决算表；预算为收支、收入、支出、财政拨款收支预算总表，一般公共预算支出、基本支出预算表，"
         "“三公”经费预算表，有政府性基金资金时还有其预算表。未见的只作提示（表题可能未能读出）。", standard_tables),
    Rule("contents-tables", "目录与表格一致",
         "目录列出的表都印在报告中（找不到、正文也没提到的为不一致，只在正文提到的为提示）；报告印出的标准表都列在"
         "目录中，且按目录的顺序印出，表题与目录相同（提示）。", contents_tables),
    Rule("empty-table-note", "空表注明无数据",
         "政府性基金、国有资本经营、“三公”经费等表没有数字时，表下注明“本表无数据”之类，或正文说明本部门没有此项"
         "收支；都没有的作提示。", empty_table_note),
    Rule("contents-pages", "目录页码与表格所在页一致",
         "PDF 的目录所印各表页码与各表实际所在页相同：按页边印的页码核对，未印页码时按多数表一致的页码差核对（提示）。",
         contents_pages),
    Rule("report-identity", "标题与部门、年度一致",
         "封面、各部分标题、表题和“部门：”“编制单位：”等栏印的年度是本报告的年度，部门是本报告的部门（简称、"
         "被换行截断的名称、同一部门的全称与简称都算相同；看似下属单位或简称的只作提示）。", report_identity),
    Rule("report-dates", "年末日期在报告年度",
         "决算写“截至……年12月31日（年底、年末）”时，年份是本报告年度（说的是车辆、资产、人员等年末情况时为不一致，"
         "其他只作提示）；预算为上一年或本年。", report_dates),
    Rule("placeholders", "没有留下模板占位符",
         "报告中不应留有模板的占位文字：XX局、××部门、20XX年、（单位名称）、“…万元”，或“部门：”一栏只印省略号。",
         placeholders),
    Rule("punctuation", "标点不重复、不混用",
         "说明文字中没有连印两个标点（。。、，，、。，、，。等，提示）。", punctuation),
    Rule("fall-over-100", "下降幅度不超过 100%",
         "说明写比上年下降（减少）的百分比不超过 100%：降到零即下降 100%；结余、差额等可由正转负的只作提示。",
         fall_over_100),
)


# the rules that read the narrative against the tables: run again on a report of several files, to
# compare one file's narrative with another's tables
ACROSS_FILES: tuple[Rule, ...] = tuple(r for r in RULES if r.id in (
    "narrative-table", "narrative-blank", "count-repeat", "count-parts"))


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
