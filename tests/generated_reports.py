"""A corpus of varied, internally consistent reports, generated from tests/synthetic_report.py.

    from generated_reports import spec, report, write_corpus
    write_corpus(folder, 1000, seed=16)        # gen_0000.txt … gen_0999.txt

Report i of a seed is a `Spec`, drawn from random.Random(f"{seed}:{i}") (deterministic):

- department: a made-up place (40 names) × level (市, 县, 区) × a neutral kind of bureau (30) ×
  a form of the name (局, 事务中心, 服务中心, 管理办公室): 14,400 names, every report's distinct
  (i walks the combinations in a seed-shuffled order); the project is named after the bureau;
- year 2019–2025 and kind 决算 or 预算 (a 预算 prints the same tables under 预算 titles:
  收入支出预算总表, 支出预算表 … with 预算数 columns);
- layout: the order of tables 公开02–07, which optional tables are printed (收入表, 基本支出表,
  三公 table), the report in 万元 or 元 (tables and narrative alike; the project form stays in 万元:
  `python -m checks` compares a 万元 narrative with 元 tables as printed, so a report mixing them
  would be an error to it), figures
  with thousands separators or not, zero cells printed 0.00 or blank, the 支出表 and 收入表 with or
  without their all-zero columns, Markdown headings (`#`) or plain ones, and which narrative
  sections (五 三公, 六 绩效, 七 其他) are present.

The figures are the synthetic report's (`figures()` gives those the tests ask for); only the
printing varies, so that `python -m checks` finds nothing on any generated report.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import synthetic_report as base

PLACES = ("青岚", "云溪", "白鹭", "松涛", "枫林", "桐川", "柳湾", "梅岭", "竹溪", "兰亭", "荷塘", "杏坛", "桃源", "石门",
          "金沙", "银滩", "玉屏", "翠峰", "碧水", "丹霞", "紫荆", "黛山", "墨河", "雪松", "霞浦", "雁栖", "鹤鸣", "鹿原",
          "龙湾", "凤岗", "苍梧", "沅陵", "澧兰", "汨水", "湘滨", "岷川", "渭南", "泾河", "涟源", "嵩岳")
LEVELS = ("市", "县", "区")
# Neutral kinds of bureau: no word that names a row or a table of the reports (教育, 住房, 交通运输 …).
BUREAUS = ("水利", "林业", "体育", "商务", "档案", "气象", "审计", "民政", "司法", "信访", "园林", "人民防空", "地震",
           "侨务", "民族宗教事务", "外事", "粮食", "邮政管理", "港航", "口岸", "文物", "测绘", "机关事务管理", "城市管理",
           "应急管理", "市场监督管理", "生态环境", "退役军人事务", "乡村振兴", "知识产权")
FORMS = ("局", "事务中心", "服务中心", "管理办公室")
YEARS = tuple(range(2019, 2026))
KINDS = ("决算", "预算")
OPTIONAL_TABLES = (2, 6, 7)  # 收入决算表, 基本支出决算表, “三公”经费表: a report may leave them out
OPTIONAL_SECTIONS = ("五", "六", "七")
_ZERO_COLUMNS = {3: 3, 2: 5}  # table → how many all-zero columns it ends with


@dataclass(frozen=True)
class Spec:
    index: int
    department: str
    year: int
    kind: str  # 决算 or 预算
    table_order: tuple[int, ...]  # 公开表 numbers as printed, 1 first
    omit_tables: frozenset[int] = frozenset()
    omit_sections: frozenset[str] = frozenset()
    unit: str = "万元"  # of the tables
    thousands: bool = False
    blank_zeros: bool = False
    zero_columns: bool = True
    markdown: bool = False
    bureau: str = field(default="", compare=False)

    @property
    def layout(self) -> tuple:
        return (self.table_order, self.omit_tables, self.omit_sections, self.unit, self.thousands,
                self.blank_zeros, self.zero_columns, self.markdown)


def _departments(seed: int) -> list[tuple[str, str]]:
    names = [(f"{place}{level}{bureau}{form}", bureau)
             for place in PLACES for level in LEVELS for bureau in BUREAUS for form in FORMS]
    random.Random(f"{seed}:departments").shuffle(names)
    return names


_NAMES_CACHE: dict[int, list[tuple[str, str]]] = {}


def spec(i: int, seed: int = 16) -> Spec:
    """The i-th generated report's department, year, kind and layout."""
    names = _NAMES_CACHE.setdefault(seed, _departments(seed))
    if i >= len(names):
        raise ValueError(f"only {len(names)} distinct generated departments, asked for the {i + 1}th")
    department, bureau = names[i]
    rng = random.Random(f"{seed}:{i}")
    order = [2, 3, 4, 5, 6, 7]
    if rng.random() < 0.3:
        rng.shuffle(order)
    omit = frozenset(t for t in OPTIONAL_TABLES if rng.random() < 0.2)
    sections = frozenset(s for s in OPTIONAL_SECTIONS if rng.random() < 0.2)
    return Spec(i, department, rng.choice(YEARS), "预算" if rng.random() < 0.3 else "决算", (1, *order), omit, sections,
                unit="元" if rng.random() < 0.2 else "万元", thousands=rng.random() < 0.3,
                blank_zeros=rng.random() < 0.3, zero_columns=rng.random() < 0.6, markdown=rng.random() < 0.25,
                bureau=bureau)


# --- printing -------------------------------------------------------------------------------

_TABLE_START = re.compile(r"^[一二三四五六七]、\S*(?:决算|预算)\S*表$")
_AMOUNT = re.compile(r"(?<![\d.])(\d+)\.(\d{2})(?![\d%])")
_WAN = re.compile(r"(?<![\d.])(\d+)\.(\d{2})万元")


def _split_tables(lines: list[str]) -> tuple[list[str], dict[int, list[str]], list[str]]:
    """The lines before the tables, each table's lines by its 公开 number, and the lines after."""
    starts = [i for i, line in enumerate(lines) if _TABLE_START.match(line) and i + 4 < len(lines)
              and lines[i + 4].startswith("公开")]
    end = lines.index("第三部分")
    tables = {}
    for k, s in enumerate(starts):
        number = int(lines[s + 4][2:4])
        tables[number] = lines[s:(starts[k + 1] if k + 1 < len(starts) else end)]
    return lines[:starts[0]], tables, lines[end:]


def _amount(m: re.Match, s: Spec) -> str:
    value = Decimal(f"{m.group(1)}.{m.group(2)}")
    if s.unit == "元":
        value *= 10000
    return f"{value:,.2f}" if s.thousands else f"{value:.2f}"


def _cells(line: str, s: Spec, number: int) -> str:
    if "\t" not in line:
        return line.replace("单位：万元", f"单位：{s.unit}")
    cells = line.split("\t")
    if not s.zero_columns and number in _ZERO_COLUMNS and len(cells) >= 3 + _ZERO_COLUMNS[number]:
        cells = cells[:-_ZERO_COLUMNS[number]]
    out = []
    for cell in cells:
        out.append("" if s.blank_zeros and cell == "0.00" else _AMOUNT.sub(lambda m: _amount(m, s), cell))
    return "\t".join(out)


def _table(lines: list[str], s: Spec, number: int) -> list[str]:
    out = [_cells(line, s, number) for line in lines]
    if s.markdown:
        out[0] = "## " + out[0]
    return out


def _as_budget(text: str) -> str:
    """The same report under 预算 words: titles, cover and columns (决算数 → 预算数)."""
    return text.replace("决算", "预算")


def report(s: Spec, plant: str | None = None) -> str:
    """The report `s` describes, as the corpus text format prints it; with `plant` (one of
    synthetic_report.PLANTS) the variant carrying that error."""
    text = base.report_text(plant, department=s.department, year=s.year, omit_tables=sorted(s.omit_tables),
                            omit_sections=sorted(s.omit_sections))
    text = text.replace("数据资源平台运维项目", f"{s.bureau}业务平台运维项目")
    text = re.sub(rf"{base.YEAR}(?=\s*年)", str(s.year), text)
    lines = text.split("\n")
    head, tables, tail = _split_tables(lines)
    body = [line for number in s.table_order if number in tables for line in _table(tables[number], s, number)]
    if s.unit == "元":  # the narrative in 元 too: the checks compare its figures with the tables' as printed
        form = tail.index("第四部分")
        tail = [_WAN.sub(lambda m: _amount(m, s) + "元", line) for line in tail[:form]] + tail[form:]
    if s.markdown:
        head = ["# " + line if line in ("第一部分", "第二部分") else line for line in head]
        tail = ["# " + line if line in ("第三部分", "第四部分") else line for line in tail]
    text = "\n".join(head + body + tail)
    return _as_budget(text) if s.kind == "预算" else text


def figures(s: Spec) -> dict[str, Decimal]:
    """Figures of the report as its tables print them (in s.unit): what a test asks for."""
    f = base._F
    scale = Decimal(10000) if s.unit == "元" else Decimal(1)
    return {"三公经费合计": f["sangong"] * scale, "行政运行": f["subjects"]["2150501"]["total"] * scale,
            "基本支出": f["spend"]["basic"] * scale, "本年支出合计": f["spend"]["total"] * scale,
            "三公经费合计（万元）": f["sangong"], "本年支出合计（万元）": f["spend"]["total"]}


def write_corpus(folder: Path, count: int, seed: int = 16) -> list[Path]:
    """gen_0000.txt … in folder (a file already there is kept: the same seed writes the same text)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"gen_{seed}_{i:04d}.txt"
        if not path.exists():
            path.write_text(report(spec(i, seed)), encoding="utf-8")
        paths.append(path)
    return paths
