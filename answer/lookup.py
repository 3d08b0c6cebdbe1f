"""Find the printed figure a question asks for: department and year → documents, question words
→ table rows, column words → the column.  Returns facts exactly as stored, never a number of
its own; where tables print the same row differently, all of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from domain.names import without_place
from domain.normalize import compact, held_stretch, without_shared

from index.departments import DepartmentMatch

from .question import EXCEPT as _EXCEPT, ORGANISATION as _ORGANISATION, UNITS, masked, set_aside
from domain.quantities import (ALL, ALL_FUNDS_KINDS, FISCAL, FUND, GENERAL, asked_subject, named_quantities, quantity_of, subject_quantities,
                               total_beside_sangong)
from domain.tables import bare_title, CROSS_PRINTED, FUNDS_TABLES, KIND_ORDER, OTHER, STANDARD_COLUMNS, SUBJECT_TABLES, TABLE_STEMS, is_budget
from domain.vocabulary import COLUMN_WORDS, EVERYDAY_TERMS, TABLE_WORDS, TOGETHER, report_terms

_NUMBERING = re.compile(r"^(?:其中[:：])?(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])*")
_TOTALS = ("合计", "总计")
_FUND_WORDS = ("一般公共预算", "政府性基金", "国有资本经营")
# funds named alone: a qualifier of the row beside them, not a row (一般公共预算财政拨款的商品和服务支出)
_FUNDS_NAMES = ("财政拨款", "一般公共预算", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
_GRAND_TOTALS = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计")
# words that say a whole is asked (整个单位一年一共花了多少): no item beside a grand total
_GRAND_WORDS = re.compile(r"整个|整体|总体|总的|全部|所有|一年|这一年|那一年|全年|总共|合起来|加起来|加在一起|单位|部门|机关")


def bare_label(label: str) -> str:
    """A row label without its list numbering or its printed unit: "其中：（1）公务用车购置费" →
    "公务用车购置费", "6.国内公务接待人次（人）" → "国内公务接待人次"."""
    return _UNIT_SUFFIX.sub("", _NUMBERING.sub("", compact(label or "")))


_UNIT_SUFFIX = re.compile(r"[（(](?:辆|台|套|个|人|人次|次|批次|项|家|户|万元|元|%)[)）]$")


@dataclass
class Lookup:
    status: str  # answered | not_found | ambiguous
    department: str | None = None
    year: int | None = None
    year_given: bool = False
    document: str | None = None
    facts: list[dict] = field(default_factory=list)  # the main figure first
    others: list[dict] = field(default_factory=list)  # the same row printed in other tables
    missing: str = ""
    options: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    narrative: bool = False  # the figure is a number stated in a sentence, not a table cell
    parts: bool = False  # the facts are sibling rows the question's word covers together; their sum answers
    report_kind: str | None = None  # 决算 | 预算: what the cited report is, so a budget is said to be one


class Catalog:
    """What the store holds, read once: reports per department and year, facts per report.

    `documents` are the store's reports (`Store.reports`: a report printed as a narrative file
    and a tables file is one, named by both); `departments` every name a report prints (each
    form of a department, so that a question naming any of them finds it); `years` and
    `document_for` join the forms of one department (`index.aliases.department_key`)."""

    def __init__(self, store):
        self.store = store
        self.documents = store.reports()
        self.departments = sorted({name for d in self.documents for name in d["printed"].values() if name})
        self._facts: dict[str, list[dict]] = {}
        self._parsed: dict[str, object] = {}
        self._labels: dict[str, list[str]] = {}
        self._segments: dict[str, list[str]] = {}
        self._printed: dict[str, str] = {}
        self._projects: list | None = None
        printed = store.row_labels()
        self.labels = sorted({bare_label(label) for label in printed}, key=len, reverse=True)
        self.labels = [l for l in self.labels if len(re.findall(r"[\u4e00-\u9fff]", l)) >= 2 and len(l) <= 30]
        # the word segmenter knows the store's names and labels from the first question on, as the
        # search teaches it: a question is cut into words the same way whether or not a search ran first
        from index import tokens

        tokens.teach(self.departments)
        tokens.teach(printed)

    @cached_property
    def units(self) -> dict[str, set[str]]:
        """The organisations each department's tables list as rows (its 本级 and subordinate units)."""
        out: dict[str, set[str]] = {}
        for label, department in self.store.labels_by_department():
            if label and department and _ORGANISATION.fullmatch(compact(label)):
                out.setdefault(department, set()).add(compact(label))
        return out

    @cached_property
    def fiscal_words(self) -> list[str]:
        """Words that name rows, tables or columns: never read as part of a department's name."""
        return self.labels + list(TABLE_WORDS) + list(COLUMN_WORDS) + ["支出", "收入", "经费", "多少"]

    def parse(self, question: str):
        """The question parsed once (answer.question.parse), remembered for the kinds that read it."""
        from .question import parse

        if question not in self._parsed:
            if len(self._parsed) > 512:
                self._parsed.clear()
            self._parsed[question] = parse(question, self)
        return self._parsed[question]

    def project_owners(self, text: str, year: int | None = None) -> set[tuple[str, int]]:
        """(department, year) of the reports whose 绩效 forms name a project the question names
        (its whole name, or a quoted part of it)."""
        if self._projects is None:
            rows = self.store.project_names()
            self._projects = [(compact(v), dep, y) for v, dep, y in rows if v and dep and len(compact(v)) >= 4]
        quoted = [compact(m) for m in re.findall(r"[“\"]([^”\"]{4,40})[”\"]", text)]
        return {(dep, y) for name, dep, y in self._projects if (year is None or y == year)
                and (name in text or any(qt in name for qt in quoted))}

    def mentions(self, department: str, text: str) -> bool:
        """Whether the department's reports print `text` anywhere (a project or unit named like
        an organisation: 泉州市政府网站及网站群费用 is not an organisation the index lacks)."""
        if department not in self._printed:
            docs = [d["name"] for d in self.reports_of(department)]
            self._printed[department] = "\n".join(
                [compact(f["value_text"] or "") + compact(f["row_label"] or "") for d in docs for f in self.facts(d)]
                + [compact(p["text"]) for d in docs for p in self.store.passages(d)])
        return compact(text) in self._printed[department]

    def labels_of(self, document: str, longest: int | None = 30) -> list[str]:
        """The row labels one document prints (as `labels`), longest first: those of `longest`
        characters or fewer (a question names a row by them), or every one (None: the long labels
        of a project's items, 网络、电子检务…运行维护费维修（护）费, that hold a short one)."""
        if document not in self._labels:
            labels = {bare_label(f["row_label"]) for f in self.facts(document) if f["row_label"]}
            self._labels[document] = sorted((l for l in labels if len(re.findall(r"[\u4e00-\u9fff]", l)) >= 2),
                                            key=len, reverse=True)
        return [l for l in self._labels[document] if longest is None or len(l) <= longest]

    def column_segments(self, document: str) -> list[str]:
        """The headings one document prints over its columns, each segment of a header path once."""
        if document not in self._segments:
            self._segments[document] = sorted({compact(s) for f in self.facts(document)
                                                for s in (f["column"] or "").split("/") if s.strip()})
        return self._segments[document]

    def facts(self, document: str) -> list[dict]:
        if document not in self._facts:
            self._facts[document] = list(self.store.facts(document))
        return self._facts[document]

    def reports_of(self, department: str) -> list[dict]:
        """The reports of a department under any of its names, by year (a PDF first in a year,
        since it cites pages)."""
        from index.aliases import department_key

        # grouped once per list of documents: a question asks this several times, and over every
        # department when it looks for a project's owner (linear in the corpus each time, before)
        if self.__dict__.get("_by_key_of") is not self.documents:
            grouped: dict[str, list[dict]] = {}
            for d in self.documents:
                if d["year"]:
                    grouped.setdefault(department_key(d["department"]), []).append(d)
            self._by_key = {k: sorted(v, key=lambda d: (d["year"], d["source"] != "pdf", d["name"]))
                            for k, v in grouped.items()}
            self._by_key_of = self.documents
        return list(self._by_key.get(department_key(department), []))

    def years(self, department: str) -> list[int]:
        return sorted({d["year"] for d in self.reports_of(department)})

    def document_for(self, department: str, year: int) -> str | None:
        """One report per department and year (a PDF first, since it cites pages): the name of
        its document, or of its documents joined when it is printed in two files."""
        docs = [d for d in self.reports_of(department) if d["year"] == year]
        return docs[0]["name"] if docs else None

    def printed_name(self, department: str, year: int) -> str:
        """The department's name as that year's report prints it (its table file's)."""
        docs = [d for d in self.reports_of(department) if d["year"] == year]
        return (docs[0]["department"] if docs else None) or department


# What the lookup refuses, by the question's operation (answer.question.OPERATIONS): questions
# that need more than one printed figure.  The other kinds of answer (answer/kinds/) take those
# they can; what reaches the lookup is refused rather than answered with a figure that only
# resembles what was asked.
REFUSED = {"rank": "比较或排名", "share": "计算", "ratio": "计算", "difference": "计算", "sum": "计算", "change": "计算",
           "average": "计算", "completion": "计算", "per_person": "个人或人均数字", "list": "列举",
           "why": "原因说明", "text": "文字说明"}


def _of_funds(fact: dict, funds: str | None) -> bool:
    """Whether a figure can be of the funds a question names: 财政拨款 or 一般公共预算 asked, a cell of
    a table of all funds (收支预算总表) is theirs only where its row or column names them."""
    if funds not in ("财政拨款", "一般公共预算") or fact["table_kind"] not in ALL_FUNDS_KINDS:
        return True
    named = compact(f"{fact.get('row_label') or ''}{fact.get('column') or ''}")
    return (funds if funds == "一般公共预算" else "拨款") in named  # (一般公共预算拨款收入 is of 财政拨款)


def mismatch(fact: dict, q) -> str | None:
    """Why a candidate figure is not what the question asks, checked against the parsed
    question before it may be stated: the funds named (政府性基金, 国有资本经营) must be the
    figure's; a dash or blank is no amount; the 预算数 or 决算数 asked must be its column."""
    where_ = " ".join(str(fact.get(k) or "") for k in ("table_kind", "table_title", "row_label", "row_section",
                                                         "column"))
    if q.funds in ("政府性基金", "国有资本经营") and q.funds not in where_:
        return f"报告里找到的“{fact['row_label']}”不是{q.funds}的数字"
    if not _of_funds(fact, q.funds):
        return f"报告里找到的“{fact['row_label']}”是{fact['table_kind']}里全部资金的数字，不是{q.funds}的数字"
    for word in q.table_words:  # a table named by its word: the figure is that table's or names it
        if fact["table_kind"] not in TABLE_WORDS[word] and word not in where_ and fact["table_kind"] != "情况说明":
            return f"报告里找到的“{fact['row_label']}”不在问题所问的“{word}”表里"
    quoted = _quoted_elsewhere(fact, q, where_)
    if quoted:  # a name the question quotes (“江苏法院云平台”) is where its figure is printed
        return f"报告里找到的“{fact['row_label'] or fact.get('column') or ''}”不是问题引号里的“{quoted}”"
    if fact["number"] is None:
        return f"“{fact['row_label']}”这一栏印的是“{fact['value_text']}”，不是数字"
    if q.unit == "分" and fact["table_kind"] not in ("项目支出绩效自评表", "情况说明"):
        # a score is printed in a 绩效自评 form (or said in the narrative): a cell elsewhere is another number
        return f"报告里找到的“{fact['row_label']}”不在项目绩效自评表里，不是自评得分"
    if q.unit is None and _asks_money(q.compact) and (fact["unit"] or "") in _COUNT_UNITS:
        # money asked (花了多少钱), a count found (在职人数 14人): another quantity
        return f"问题问的是金额，报告里找到的“{fact['row_label']}”印的是{fact['unit']}数"
    column = fact.get("column") or ""
    if (q.measure in BUDGET_MEASURES and "预算" not in column
            and fact["table_kind"] != "项目支出绩效自评表" and not is_budget(fact["table_kind"])):
        return "问题问的是预算数，相关表格只印了决算数"
    return None


_QUOTE = re.compile(r"[“\"‘'「『]([^”\"’'」』]{2,40})[”\"’'」』]")
_QUOTE_MARKS = re.compile(r"[“”\"‘’'「」『』《》]")


def _quoted_row(q, labels) -> str | None:
    """The one row label that prints a name the question quotes (four characters or more, not
    the department's, longer than the quote: a label that is the quote is named already): None
    when no label or several different ones print it."""
    for m in _QUOTE.finditer(q.compact):
        name = _QUOTE_MARKS.sub("", compact(m.group(1)))
        if len(name) < 4 or any(name in d for d in q.departments):
            continue
        printed = {l: _QUOTE_MARKS.sub("", compact(l)) for l in labels}
        if name in printed.values() or any(bare_label(l) == name for l in labels):
            continue  # a row printed as the quote itself is the row it names
        found = {l for l, p in printed.items() if name in p}
        if len(found) == 1:
            return found.pop()
    return None


def _quoted_elsewhere(fact: dict, q, where_: str) -> str | None:
    """A name the question puts in quotes that the figure's table, row, section, column or
    sentence does not print; quotes that are part of the department's name (“智慧福州”) or the
    table's title are not names of the figure."""
    printed = _QUOTE_MARKS.sub("", compact(where_ + (fact.get("sentence") or "")))
    owners = [*q.departments, fact.get("department") or ""]
    for m in _QUOTE.finditer(q.compact):
        name = compact(m.group(1))
        if any(name in d for d in owners) or (q.table_title and name in q.table_title):
            continue
        if _QUOTE_MARKS.sub("", name) not in printed:
            return name
    return None


# A sentence or note that says there is none: 无/没有 … 支出, 本表无数据, 为空表.
_NONE = re.compile(r"无|没有|未发生|未安排|为0|为零|空表|本表无数据|不涉及")


_BALANCE_WORDS = re.compile(r"年初|年末|结转|结余")
_NO_BUDGET = re.compile(r"(?:无|没有|未安排|未编制|不安排)[^。,;]{0,12}预算|预算(?:数)?(?:为0|为零|为空)")
_COUNT_UNITS = ("人", "人次", "名", "个", "辆", "次", "批次", "台", "套", "项", "家", "户")
_MONEY = re.compile(r"花了?多少|多少钱|钱|万元|金额|开支|费用|经费|支出|列支|资金|预算|收入")


def _asks_money(text: str) -> bool:
    return bool(_MONEY.search(text))


def stated_fact(value: str, unit: str, sentence: str, document: str, page, line, department: str, year: int, *,
                label: str | None = None, said: bool = True, **extra) -> dict:
    """A number a sentence of the narrative states, as a fact: the sentence (or the subject it is
    about, `label`) is its row, the sentence's place its citation; with `said`, the sentence is kept
    as what it quotes (a computation may take it as an input)."""
    fact = {"row_label": label or sentence, "value_text": value, "number": Decimal(value.replace(",", "")),
            "unit": unit, "department": department, "year": year, "table_code": None, "table_kind": "情况说明",
            "table_title": "情况说明", "column": "", "document": document, "page": page, "line": line,
            "value_state": "number", "row_code": None, "row_section": None}
    if said:
        fact["sentence"] = sentence
    return {**fact, **extra}


def stated_none(q, catalog, department, year, year_given, document, words) -> Lookup | None:
    """Zero stated in words: where the question asks for funds or a table kind the report says
    it has none of ("本单位无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出",
    "本表无数据"), 0 with that sentence; None when no sentence says so."""
    subject = q.funds if q.funds in ("政府性基金", "国有资本经营") else None
    if subject is None and q.table_words:
        subject = q.table_words[0]
    if subject is None:
        return None
    for p in catalog.store.passages(document):
        for sentence in re.split(r"(?<=[。；;])", compact(p["text"])):
            at = sentence.find(subject)
            if at < 0 or not _NONE.search(sentence):
                continue
            if re.search(r"\d[\d,]*\.\d+\s*万元", sentence):  # it prints an amount: not a "none" sentence
                continue
            if q.measure in BUDGET_MEASURES and not _NO_BUDGET.search(sentence):
                continue  # nothing spent is not a budget of nothing (无“三公”经费支出, asked the 年初预算)
            if re.search(r"当.{0,10}为空|如.{0,10}为空", sentence) and _printed_amounts(catalog, document, subject):
                continue  # a note that says what an empty table means, beside a table that is not empty
            fact = stated_fact("0", "万元", sentence.strip(), p["document"], p["page"], p["line"], department, year,
                               none=True)
            return Lookup("answered", department, year, year_given, document, [fact], [], terms=words, narrative=True)
    return None


def _printed_empty(catalog, document, department, year, year_given, words, kinds=(), code=None) -> Lookup | None:
    """0 where the table asked for is printed empty and the report says it has nothing; not found,
    saying so, where it is printed empty without a word; None where no such table is empty."""
    from .empty import empty_fact, none_note, printed_empty

    empty = printed_empty(catalog, document, kinds, code)
    for table in empty:
        if note := none_note(catalog, document, table):
            return Lookup("answered", department, year, year_given, document, [empty_fact(note, table, department, year)],
                          [], terms=words, narrative=True)
    if empty:
        return Lookup("not_found", department, year, year_given, document,
                      missing=f"“{empty[0]['title']}”印出了，但表中没有印任何数字，报告也没有说明", terms=words)
    return None


# a row that counts: its unit in brackets (国内公务接待人次（人）, 团组数（个）) and its measure word
_COUNTED = re.compile(r"^(?P<core>.+?)(?P<measure>人次|人数|批次|团组数|组数|次数|辆数|个数|数量|数)?[（(](?P<unit>人|个|辆|次|台|套|台（套）|批)[）)]$")


def _count_row(facts: list[dict], question: str, unit: str) -> dict | None:
    """The one row printing a count whose name the question holds: its measure word (人次, 批次)
    asked, and at least four characters of the rest of its name in the question."""
    best: list[tuple[int, dict]] = []
    for f in facts:
        m = _COUNTED.match(_NUMBERING.sub("", compact(f["row_label"] or "")))
        if not m or f["number"] is None or (m.group("measure") and m.group("measure") not in question):
            continue
        if not _unit_fits(dict(f, unit=m.group("unit")), unit):
            continue
        shared = _longest_shared(m.group("core"), question)
        if shared >= 4:
            best.append((shared, f))
    if not best:
        return None
    top = max(n for n, _ in best)
    rows = {(f["table_index"], f["row_index"]) for n, f in best if n == top}
    return next(f for n, f in best if n == top) if len(rows) == 1 else None


def _longest_shared(name: str, question: str) -> int:
    """The length of the longest stretch of the name (two characters or more) in the question."""
    return max((j - i for i in range(len(name)) for j in range(i + 2, len(name) + 1) if name[i:j] in question),
               default=0)


_YUAN = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*元")


def _yuan_stated(question, catalog, department, year, year_given, document, words) -> Lookup | None:
    """An amount in 元 a sentence states (资产总额307,521.79元), for a question asked in 元: the
    sentences whose words before the amount share at least four characters with the question,
    the closest ones, when they agree."""
    found = []
    for p in catalog.store.passages(document):
        for sentence in re.split(r"(?<=[。；;])", compact(p["text"])):
            for m in _YUAN.finditer(sentence):
                if sentence[m.start(1) - 1:m.start(1)] == "万" or sentence[m.end(1):m.end()].strip().startswith("万"):
                    continue
                clause = re.split(r"[,;:]", sentence[:m.start()])[-1]
                found.append((_longest_shared(re.sub(r"(?:19|20)\d{2}年度?", "", clause), question), m.group(1),
                              sentence, p))
    if not found or max(n for n, *_ in found) < 4:
        return None
    top = max(n for n, *_ in found)
    best = [(v, sentence, p) for n, v, sentence, p in found if n == top]
    if len({v for v, _, _ in best}) != 1:
        return None
    value, sentence, p = best[0]
    fact = stated_fact(value, "元", sentence, p["document"], p["page"], p["line"], department, year)
    return Lookup("answered", department, year, year_given, document, [fact], [], terms=words, narrative=True)


def _score_stated(text, catalog, department, year, year_given, document, words) -> Lookup | None:
    """The score the narrative states of the project the question names, when every sentence that
    states one gives the same (narrative.stated_scores)."""
    from .narrative import stated_scores

    found = stated_scores(text, catalog.store.passages(document))
    if len({f.value for f in found}) != 1:
        return None
    f = found[0]
    fact = stated_fact(f.value, "分", f.sentence, f.document, f.page, f.line, department, year)
    return Lookup("answered", department, year, year_given, document, [fact], [], terms=words, narrative=True)


def _closest_counts(found: list, question: str) -> list:
    """The counts whose words before the number share the longest stretch with the question's
    words other than the topic words (绩效自评的…项目39个 for "多少个项目做了绩效自评", not
    绩效评级为“良”的项目0个); the clause is the sentence up to its number, from its last comma."""
    def closeness(f) -> int:
        s = compact(f.sentence)
        clause = re.split(r"[,，;；]", s[:s.find(f.value + f.unit)] if f.value + f.unit in s else s)[-1]
        return _longest_shared(re.sub(r"(?:19|20)\d{2}年度?", "", clause), question)

    from .narrative import TOPICS

    for topic in TOPICS:  # the topic words chose the sentences; what tells them apart is the rest
        question = question.replace(topic, "|")
    score = {id(f): closeness(f) for f in found}
    top = max(score.values())
    best = [f for f in found if score[id(f)] == top]
    rival = max((score[id(f)] for f in found if f.value not in {b.value for b in best}), default=0)
    # clearly closer (two characters more than any sentence giving another number), or no choice
    return best if top >= 4 and top - rival >= 2 else found


def _sangong_part(words: list[str]) -> tuple | None:
    """The 三公 part (("三公", "reception")) the words name, when one of them is one; or 会议费 /
    培训费, which a table of the 三公 prints beside them when its title names them."""
    for w in words:
        if w in ("会议费", "培训费"):
            return (w,)
        meant = subject_quantities(compact(w).replace("（", "(").replace("）", ")"))
        part = next((k for k in (meant[0] if meant else ()) if k[0] == "三公" and k[1] != "total"), None)
        if part:
            return part
    return None


def _model_cell(facts: list[dict], keys: list, question: str = "") -> dict | None:
    """The printed cell of one of these quantities (domain.quantities), from the table a reader
    would cite first (KIND_ORDER); of a two-sided table's two totals of one quantity (a budget's
    收入合计 and 支出合计), the side the question names."""
    def rank(f: dict) -> int | None:
        meant = [order[k] for k in [quantity_of(f, {})] + named_quantities(f) if k in order]
        return min(meant) if meant else None

    order = {key: i for i, key in enumerate(keys)}
    cells = [(r, f) for f in facts if f["number"] is not None and (r := rank(f)) is not None]
    if not cells:
        return None
    sides = [w for w in ("收入", "支出") if w in question.replace("收支", "")]

    def other_side(f: dict) -> bool:
        return bool(sides) and not any(w in f["row_label"] + (f["column"] or "") for w in sides)

    return min(cells, key=lambda rf: (rf[0], KIND_ORDER.index(rf[1]["table_kind"])
                                      if rf[1]["table_kind"] in KIND_ORDER else 99, other_side(rf[1])))[1]


def _total_under(facts: list[dict], heading: dict) -> dict | None:
    """The 合计 or 小计 row printed right under a heading row ("一、“三公”经费支出 —" over
    "（一）支出合计 4.18"), in the heading's column, when it prints a number."""
    below = [f for f in facts if f["table_index"] == heading["table_index"] and f["row_index"] == heading["row_index"] + 1
             and f["column"] == heading["column"] and f["number"] is not None]
    return next((f for f in below if re.search(r"合计|小计|总计", bare_label(f["row_label"]))), None)


def _named_project(text: str, facts: list[dict], owner: str = ""):
    """The one 绩效 form whose project the question names (answer.projects.named), or None."""
    from .projects import named, projects

    found = named(text, projects([f for f in facts if f["table_kind"] == "项目支出绩效自评表"]), owner)
    return found[0] if len(found) == 1 else None


def _printed_amounts(catalog, document: str, word: str) -> bool:
    """Whether the tables the word names print any amount in this document."""
    kinds = TABLE_WORDS.get(word, ()) or tuple(k for f, k in FUNDS_TABLES.items() if f == word)
    return any(f["number"] not in (None, 0) for f in catalog.facts(document) if f["table_kind"] in kinds)


def _joined(named: list[str], text: str) -> bool:
    """Two row names the question joins (差旅费和会议费, 办公费、印刷费): several quantities."""
    spots = sorted((text.find(n), n) for n in named if n in text)
    return any(re.fullmatch(r"[和与及、加或以]|以及|还有", text[a + len(x):b]) for (a, x), (b, _) in zip(spots, spots[1:]))


# what a question asks of a 决算 (what was spent) or of a 预算 (what is budgeted); 预算 inside the
# name of funds (一般公共预算, 政府性基金预算) asks neither
_ASKS_FINAL = re.compile(r"决算|实际(?:支出|执行|花)|执行数|花了")
_ASKS_PLAN = re.compile(r"(?<!公共)(?<!基金)(?<!经营)预算(?!财政拨款|拨款)")


def asked_report_kind(text: str) -> str | None:
    """决算, 预算 or None: the kind of report the question's words ask a figure of."""
    if _ASKS_FINAL.search(text):
        return "决算"
    if _ASKS_PLAN.search(re.sub(r"(?:一般公共|政府性基金|国有资本经营)预算", "|", text)):
        return "预算"
    return None


def lookup(question: str, catalog: Catalog, department: str | None = None, table_index: int | None = None) -> Lookup:
    """The printed figure the question asks for; `department` given, the question's own
    department words are not read (a comparison asks each department in turn).  A 预算
    report's figure is a budget figure (`Lookup.report_kind`): a question asking what was spent
    (决算) is not answered from a budget, and one asking the budget is answered from the 预算
    report where the year has both."""
    result = _lookup(question, catalog, department, table_index)
    if result.document and result.department:
        kinds = {d["name"]: d.get("report_kind") for d in catalog.reports_of(result.department)
                 if d["year"] == result.year}
        result.report_kind = kinds.get(result.document) or next(iter(set(kinds.values())), None)
    return result


def _report_for(catalog: Catalog, department: str, year: int, text: str) -> tuple[str | None, str | None]:
    """The document of the year's report of the kind asked (决算/预算), and why none, when the
    index holds only the other kind."""
    asked = asked_report_kind(text)
    document = catalog.document_for(department, year)
    reports = [d for d in catalog.reports_of(department) if d["year"] == year]
    held = {d.get("report_kind") for d in reports}
    if asked is None or asked in held or not reports:
        fitting = [d for d in reports if d.get("report_kind") == asked]
        if fitting and document not in {d["name"] for d in fitting}:
            document = fitting[0]["name"]
        return document, None
    if asked == "决算" and held == {"预算"}:
        return None, (f"索引中只有{department}{year}年度的部门预算（{document}），没有这一年的决算；"
                      "预算数是计划安排的数字，不是实际支出")
    return document, None


def _lookup(question: str, catalog: Catalog, department: str | None = None, table_index: int | None = None) -> Lookup:
    q = catalog.parse(question)
    text = q.compact  # (without a preface that says who asks)
    if q.operation in REFUSED and q.operation != "average" and not (department and q.operation == "rank"):
        return Lookup("not_found", missing=f"这个问题需要{REFUSED[q.operation]}，目前只能回答报告里直接印出的单个数字")
    from .previous import asks_change

    if q.operation == "lookup" and asks_change(q):  # "比2018年减了多少": a change, never the year's own amount
        return Lookup("not_found", missing="这个问题问的是和上年（或另一年）相比的变化，报告没有印出这个变化")
    words: list[str] = []
    matches = [DepartmentMatch(department, department, len(department))] if department else \
        [DepartmentMatch(n, q.span, len(q.span)) for n in q.departments]
    if not matches:  # a unit a department's report lists (晋江市经济和信息化局) is asked about in that report
        owners = {d for org in _ORGANISATION.finditer(masked(text)) for d, units in catalog.units.items()
                  if org.group(0) in units}
        if len(owners) == 1:
            owner = owners.pop()
            matches = [DepartmentMatch(owner, "", len(owner))]
    if not matches:
        if q.unknown:
            return Lookup("not_found", missing=f"索引中没有“{q.unknown}”的报告（已有：{'、'.join(catalog.departments)}）",
                          terms=words)
        if len(catalog.departments) == 1:
            department = catalog.departments[0]
        else:
            return Lookup("ambiguous", missing="问题里没有指明部门", options=catalog.departments, terms=words)
    elif len(matches) > 1:
        return Lookup("ambiguous", missing="问题里的部门名称对应多个部门", options=[m.name for m in matches], terms=words)
    else:
        forced = department is not None
        department = matches[0].name
        if not forced and q.unknown and not catalog.mentions(department, q.unknown):
            return Lookup("not_found", missing=f"索引中没有“{q.unknown}”的报告（已有：{'、'.join(catalog.departments)}）",
                          terms=words)
    years = catalog.years(department)
    year_given = bool(q.years)
    year = q.years[0] if q.years else (years[-1] if years else None)
    if year not in years:
        return Lookup("not_found", department, year, year_given,
                      missing=f"没有{department}{year}年度的报告（已有：{'、'.join(map(str, years)) or '无'}）")
    document, why_not = _report_for(catalog, department, year, text)
    if why_not:
        return Lookup("not_found", department, year, year_given, None, missing=why_not)
    # the rows asked for, named by the document's own labels (never every label of the corpus)
    facts = catalog.facts(document)
    if q.table_asked and (titled := printed_title(q.table_asked, facts)):
        # a title asked short (一般公共预算支出表 for 一般公共预算支出预算表): the report's table of it
        q = replace(q, table_kind=titled[0], table_title=titled[1])
    if table_index is not None:  # asked within one table (a part beside its whole)
        facts = [f for f in facts if f["table_index"] == table_index]
    # (a table named by its title is that table: the words of its title, “三公”经费、会议费…, name no other)
    title = re.compile("[“”\"]?".join(map(re.escape, q.table_title))) if q.table_title else None
    titled = title.sub("|", text, count=1) if title else text
    table_words = [w for w in TABLE_WORDS if w in titled]
    dropped: list[str] = []  # rows asked that the table its word names does not print
    plain = re.sub(r"(?:19|20)\d{2}\s*(?:年度|年(?![初末底]))?", "", text)  # 2024年度 names no 年度 row; 年初 stays
    plain = _EXCEPT.sub("|", plain)  # "除了财政拨款，…": what is set aside is not asked for
    plain = _REPORT_WORDS.sub("|", plain)  # 部门预算 / 部门决算 say which report, not which row
    plain = _DESCRIBED.sub("|", plain)  # an item described by its use names no row by the words of the use
    if not forced and matches and matches[0].span:  # the words that named the department name no row
        plain = plain.replace(matches[0].span, "|", 1)
    # a project is named by words beside the department's name, never by that name alone
    # (晋城市大数据应用局管理维护费用 is not asked for by 晋城市大数据应用局)
    project = _named_project(plain, facts, department)
    if project:  # a project named by its form's name is that form; its name names no row
        plain = plain.replace(project.name, "|")
        facts = [f for f in facts if f["table_index"] == project.table_index]
    if title:  # the words of a table's title name no row (its quotes as asked: “三公”经费、会议费…表)
        plain = title.sub("|", plain, count=1)
    for word in COLUMN_WORDS:  # nor do the words of a column (项目支出合计: 合计 of the column 项目支出)
        plain = plain.replace(word, "|")
    # a label asked without its 和/及/与 (年初结转结余 for 年初结转和结余) is named as well
    loose = {l: k for l in catalog.labels_of(document) if l not in plain and len(k := _CONNECTIVES.sub("", l)) >= 4
             and k != l and k in plain}
    # a category row printed with its letter (一、货物A, 二、工程B) is named by its name (工程类,
    # 采购服务), never by the end of an item's name (住宿服务 is no 三、服务C)
    loose.update({l: k for l in catalog.labels_of(document) if l not in plain and (m := _CATEGORY.match(bare_label(l)))
                  and re.search(_CATEGORY_WORD.format(re.escape(k := m.group(1))), plain)})
    # a unit's row named without the place its name begins with (节能监测中心 for 晋江市节能监测中心)
    loose.update({l: k for l in catalog.labels_of(document) if l not in plain and l not in loose
                  and (k := next((s for s in without_place(l) if s in plain), None))})
    named = [l for l in catalog.labels_of(document) if (l in plain or l in loose) and l not in COLUMN_WORDS]
    # the longest name wins: 政府 inside 政府采购, 合计 inside 本年收入合计 are not asked for
    named = [l for l in named if not any(l != o and l in o for o in named + table_words)]
    # a label inside a longer everyday word of the question is that word's (电费 in 水电费: the
    # word's report terms, 水费 and 电费, are asked together), not named on its own
    named = [l for l in named if not any(l != w and l in w and w in plain for w in EVERYDAY_TERMS)]
    # a short label inside longer words of the question that one longer label prints (法院 in
    # 法院云平台的租金, printed as 江苏法院云平台租赁费): that longer label's row
    named = list(dict.fromkeys(_inside_longer(l, plain, catalog.labels_of(document, None)) or l for l in named))
    if quoted := _quoted_row(q, catalog.labels_of(document)):
        # a name the question quotes, printed in one row's label only (“江苏法院云平台”租赁费): that
        # row; the labels inside the quote (法院) name nothing else
        named = [l for l in named if not ((l in quoted or loose.get(l, l) in quoted) and l != quoted)] + [quoted]
        named = list(dict.fromkeys(l for l in named if not any(l != o and l in o for o in named)))
    if named and all(l in _TOTALS for l in named) and not (q.table_kind or q.table_code or table_words):
        # a bare 合计 with no table named (涉及财政资金合计多少) is the total of the words before it,
        # not the first table's 合计
        named = []
    # everyday words inside a printed label the question names are that label's (房补 in 购房补贴)
    unnamed = _DESCRIBED.sub("|", _EXCEPT.sub("|", text))
    for label in sorted(named, key=len, reverse=True):
        unnamed = unnamed.replace(label, "|").replace(loose.get(label, label), "|")
    unnamed, narrowed = _narrowed(unnamed, catalog.labels_of(document, None) + catalog.column_segments(document))
    everyday = list(dict.fromkeys(narrowed + report_terms(unnamed)))
    if not named and not everyday and (uses := "|".join(m.group(0) for m in _DESCRIBED.finditer(_EXCEPT.sub("|", text)))):
        # spending described by its use alone (用于处理群众来信来访的钱), where the narrative says no
        # more of it: the subject its everyday words name
        everyday = report_terms(uses)
    if totals := [w for w, terms in EVERYDAY_TERMS.items() if w in unnamed and set(terms) & set(_GRAND_TOTALS)]:
        # a grand total in everyday words (一共花) beside an item no label names (在扶持中小企业发展上一共
        # 花了多少): the item's amount is asked, not the department's whole spending
        rest = plain
        for label in named:
            rest = rest.replace(label, "|").replace(loose.get(label, label), "|")
        for word in sorted(totals, key=len, reverse=True):
            rest = rest.replace(word, "|")
        if content_words(_GRAND_WORDS.sub("|", rest)):
            everyday = [t for t in everyday if t not in _GRAND_TOTALS]
    # a bare total glued to a quantity's words (人员经费合计) is that quantity's total, not any table's 合计
    named = [l for l in named if not (l in _TOTALS and any(l in t and t in text for t in everyday))]
    words = list(dict.fromkeys(named + everyday))
    # funds named beside a row (一般公共预算财政拨款的商品和服务支出) qualify it: they are not the row
    qualified = [w for w in words if w not in _FUNDS_NAMES and not (w not in plain and "财政拨款" in w)]
    if qualified and len(qualified) < len(words):
        words = qualified
    if table_words:  # "三公经费一共花了多少": a grand total asked beside a table's name is that table's total
        words = [w for w in words if w not in _GRAND_TOTALS]
    if q.operation == "average" and not any("平均" in l for l in named):  # an average the report does not print
        return Lookup("not_found", department, year, year_given, document,
                      missing=f"这个问题需要{REFUSED['average']}，报告没有印出这个平均数", terms=words)
    if _joined(named, text):
        return Lookup("not_found", department, year, year_given, document,
                      missing="这个问题把几项加在一起或放在一起问，需要计算，目前只能回答报告里直接印出的单个数字", terms=words)
    column = next((c for w, c in COLUMN_WORDS.items() if w in _REPORT_WORDS.sub("|", _EXCEPT.sub("|", text))
                   and not re.search(re.escape(w) + r"(?:里面|里|当中|之中|中)的?[\u4e00-\u9fff]{2}", text)), None)
    # (基本支出里的人员经费: the column's word says where the item is, not which column is asked)
    budget_report = any(is_budget(f["table_kind"]) for f in facts)  # the report cited is a 部门预算
    if column == "预算数" and budget_report:
        column = None  # a budget's every amount is a budget: 预算数 names no column of it
    if not words and not table_words and column:
        # "晋江经信基本支出": a column asked for alone means that column of the total row; of a
        # table that lists the department's units (在职人数), the row of the department itself
        own = {f["row_label"] for f in catalog.facts(document)
               if column in (f["column"] or "") and compact(f["row_label"]) == compact(department)}
        words = sorted(own) or [w for w in _TOTALS]
    asked = [u for u, pattern in UNITS if pattern.search(text)]
    if len(re.findall(r"多少|几", text)) >= 2 and len(asked) >= 2:
        return Lookup("not_found", department, year, year_given, document,
                      missing="这个问题一次问了几个数，请分开问", terms=words)
    unit = asked[0] if asked else None
    if project is not None and unit == "分":  # a named project's score: its form's total score row
        from .projects import projects
        from .ranking import _form_tables, _form_total

        every = catalog.facts(document)
        tables = _form_tables(project, projects(every), every)
        total = _form_total([f for f in every if f["table_index"] in tables])
        if total is not None:
            return Lookup("answered", department, year, year_given, document, [total], [], terms=words)
    if unit == "分" and (said := _score_stated(text, catalog, department, year, year_given, document, words)):
        return said  # a project's score the narrative states, where no form of it prints a total
    code = q.table_code
    if code:  # "公开10表里…": only that table
        facts = [f for f in facts if f["table_code"] == code]
    elif q.table_kind:  # a table named by its title is that kind of table and no other
        facts = [f for f in facts if f["table_kind"] == q.table_kind]
    if (code or q.table_kind) and not any(f["number"] is not None for f in facts):
        if empty := _printed_empty(catalog, document, department, year, year_given, words,
                                   (q.table_kind,) if q.table_kind else (), code):
            return empty
    if (code or q.table_kind) and not facts:
        return Lookup("not_found", department, year, year_given, document,
                      missing=f"{department}{year}年度报告中没有“{code or q.table_title}”", terms=words)
    if q.subject_code:  # a subject code names its row
        facts = [f for f in facts if (f["row_code"] or "").replace(" ", "") == q.subject_code]
        if not facts:
            return Lookup("not_found", department, year, year_given, document,
                          missing=f"{department}{year}年度报告" + (f"的“{q.table_title}”" if q.table_title else "")
                                  + f"中没有科目编码为 {q.subject_code} 的行", terms=words)
        words = [bare_label(facts[0]["row_label"])]
    # the quantity the question's words mean in the shared model (财政拨款支出: the 合计 of 财政拨款 支出)
    span = matches[0].span if matches and not forced else ""
    subject = asked_subject(_EXCEPT.sub("", text), span)  # what is set aside (除了会议费) is not the subject
    meant = None if (code or q.table_kind or table_index is not None or table_words or q.subject_code) \
        else subject_quantities(subject)
    if (not words and not table_words and meant is None and not (code or q.table_kind or q.subject_code)
            and _BARE_BUDGET.fullmatch(subject) and budget_report):
        meant = ([("总计", ALL)], [])  # a budget report's 预算 asked bare (2018年预算是多少): the whole budget
    modelled = None  # the model's cell, where its row prints no label (a 三公 part printed across)
    if not words and not table_words and meant and (cell := _model_cell(facts, meant[0], text)):
        words = [bare_label(cell["row_label"])]
        modelled = cell if not words[0] else None
    if not words and not table_words:
        if unit in _NARRATIVE_UNITS:
            if counted := _count_row(facts, plain, unit):  # a count printed on its own row (国内公务接待人次)
                return Lookup("answered", department, year, year_given, document, [counted], [], terms=words)
            return _from_narrative(text, unit, catalog, department, year, year_given, document, words)
        if unit == "元" and (found := _yuan_stated(plain, catalog, department, year, year_given, document, words)):
            return found
        said = None if q.measure in BUDGET_MEASURES or column else \
            _sentence_amount(text, span, catalog, department, year, document, unit)
        if said:  # no row is named, but one sentence holds every word asked with one amount
            return Lookup("answered", department, year, year_given, document, [said], [], terms=words, narrative=True)
        return Lookup("not_found", department, year, year_given, document,
                      missing="问题里没有认出报告中的科目或表格名称", terms=words)
    if not (code or q.table_kind or table_index is not None):  # a table the funds or words name, printed empty
        kinds = tuple(k for w in table_words for k in TABLE_WORDS[w]) + (
            (FUNDS_TABLES[q.funds],) if q.funds in FUNDS_TABLES else ())
        if kinds and not any(f["number"] is not None and f["table_kind"] in kinds for f in facts):
            if empty := _printed_empty(catalog, document, department, year, year_given, words, kinds):
                return empty
    if table_words and not (code or q.table_kind or table_index is not None):
        # a table named by its word (三公, 政府采购) is that table: rows named elsewhere (财政拨款 →
        # 财政拨款收入 of the summary table) are not what is asked
        own = [f for f in facts if any(f["table_kind"] in TABLE_WORDS[w] for w in table_words)]
        if own:
            facts = own
            # (a 三公 part is its cell even where the table prints the parts across, as columns)
            kept = [w for w in words if _candidate_rows(own, [w], [], text)
                    or ((part := _sangong_part([w])) and _model_cell(own, [part]) is not None)]
            # a row asked that the table prints under no label of that name (劳务费 of a 政府采购预算表
            # that prints 机关后勤保障经费劳务费): what is asked beyond the table, never its total
            dropped = [w for w in words if w not in kept and not any(t in w or w in t for t in table_words)
                       and w not in _FUNDS_NAMES and "财政拨款" not in w  # (funds qualify, name no row)
                       and not any(w in (f["column"] or "") for f in own)]  # (a column: of its total row)
            words = kept
    stem = next(((t, k) for t, k in TABLE_STEMS if t in plain), None) if not (code or q.table_kind) else None
    if stem and (own := [f for f in facts if f["table_kind"] == stem[1]]):
        # the table named by its stem ("一般公共预算财政拨款支出里…"): its rows; the stem's words name none
        facts = own
        rest = plain.replace(stem[0], "|")
        words = [w for w in words if w in rest or w in report_terms(rest)] or list(_TOTALS)
    elif not (code or q.table_kind or table_index is not None) and q.funds in FUNDS_TABLES:  # funds with their own table
        own = [f for f in facts if f["table_kind"] == FUNDS_TABLES[q.funds]]
        if own and _candidate_rows(own, words, table_words, text):
            facts = own
    elif not (code or q.table_kind or table_index is not None) and q.funds:
        # 财政拨款 or 一般公共预算 named: the rows of tables of those funds, not the all-funds ones
        own = [f for f in facts if _of_funds(f, q.funds)]
        if len(own) < len(facts) and _candidate_rows(own, words, table_words, text):
            facts = own
    # a part of the 三公 (公务接待费) asked as an amount is the 三公 table's cell, wherever else a row of
    # that name is printed (a 基本支出 table's 30217 is its basic part only; a budget prints the 三公 across)
    part = _sangong_part(words) if not (code or q.table_kind or table_index is not None or q.subject_code
                                        or unit) else None
    sangong = _model_cell(facts, [part]) if part else modelled
    if sangong is not None and _pick_column([sangong], column, text) is not sangong:
        sangong = None
    parts = _sibling_parts(facts, everyday, column, text)
    if parts:
        return Lookup("answered", department, year, year_given, document, parts, [], terms=words, parts=len(parts) > 1)
    whole = next((w for w in sorted(TOGETHER, key=len, reverse=True) if w in unnamed), None)
    if whole:  # a whole whose parts are not all printed side by side: one part is not it
        return Lookup("not_found", department, year, year_given, document, terms=words,
                      missing=f"报告没有在一张表里分行印出“{whole}”的各部分（{'、'.join(EVERYDAY_TERMS[whole])}），"
                              "其中一项不能当作“" + whole + "”回答")
    rows = [[sangong]] if sangong is not None else _candidate_rows(facts, words, table_words, text)
    beyond = ""
    if rows and table_words and q.operation == "lookup" and not any(bare_label(r[0]["row_label"]) in words for r in rows) \
            and (beyond := _unexplained(_beside_table_word(subject, table_words), table_words + words + [
                part for r in rows for f in r for part in [bare_label(f["row_label"])] + (f["column"] or "").split("/")])):
        # a table named by its word (政府采购) with more asked than the table (授予中小企业的合同金额):
        # its total is not the answer — but the one row of it whose printed label holds what more
        # is asked (家具 of 家具用具分散自行组织) is
        rows = _row_holding(facts, beyond)
        beyond = "" if rows else beyond
    if rows and dropped and all(bare_label(r[0]["row_label"]) in _TOTALS + _GRAND_TOTALS for r in rows):
        rows = _row_holding(facts, "".join(dropped))  # the one row whose label holds it, or none
        beyond = "" if rows else "、".join(dropped)
    if not rows and not column and (code or q.table_kind):
        # a word that is a column's printed header in the table named (收入决算表的“其他收入”): that
        # column of the table's total row, and no other column
        headers = {compact(f["column"] or "").rsplit("/", 1)[-1] for f in facts}
        header = next((w for w in words if w in headers), None)
        if header:
            facts = [f for f in facts if compact(f["column"] or "").rsplit("/", 1)[-1] == header]
            column = header
    if not rows and column:  # the words named a column after all ("项目支出"): its total row
        rows = _candidate_rows(facts, list(_TOTALS), [], text)
    if not rows and column in ("基本支出", "项目支出") and (
            cell := _model_cell(facts, [("合计", funds, column) for funds in (ALL, FISCAL, GENERAL, FUND)])):
        rows = [[cell]]  # a total row printed without a name (支出预算总表's one row of figures)

    def stated() -> Lookup | None:
        """The amount the narrative states, where no table row prints one (see _stated_amount);
        never for a budget measure asked (a statement's amount is what was spent)."""
        budget_asked = q.measure in BUDGET_MEASURES
        fact = None if column or code or budget_asked else (
            _stated_amount(text, span, catalog, department, year, document, unit)
            or _sentence_amount(text, span, catalog, department, year, document, unit))
        return fact and Lookup("answered", department, year, year_given, document, [fact], [], terms=words,
                               narrative=True)

    if not rows and meant and (cell := _model_cell(facts, meant[0], text)):
        # no row is named, but the words are a quantity the tables print (财政拨款支出): its cell
        rows = [[cell]]
    if not rows:
        if found := stated() or stated_none(q, catalog, department, year, year_given, document, words):
            return found
        if unit in _NARRATIVE_UNITS:  # a count no table prints may be stated in a sentence
            return _from_narrative(text, unit, catalog, department, year, year_given, document, words)
        if unit == "元" and (found := _yuan_stated(plain, catalog, department, year, year_given, document, words)):
            return found
        what = "、".join(words or table_words)
        unnamed = re.sub(r"[^\u4e00-\u9fff]", "", beyond)
        missing = (f"{department}{year}年度报告的“{'、'.join(table_words)}”表里没有认出“{unnamed}”是哪一行"
                   if beyond else f"{department}{year}年度报告中没有“{what}”这一项")
        return Lookup("not_found", department, year, year_given, document, missing=missing, terms=words)
    chosen = _figures(rows, column, text)
    if not chosen and table_words and words and any(f["number"] is not None for row in rows for f in row):
        # the named table's total, when the rows named were the wrong side (never when they print blank)
        rows = _candidate_rows(facts, [], table_words, text)
        chosen = _figures(rows, column, text)
    if chosen and total_beside_sangong(chosen[0]) and not re.search(r"会议费|培训费|开会|培训", _EXCEPT.sub("|", text)):
        # 三公经费合计 asked of the table that adds 会议费 and 培训费: the 三公's total, not all three's
        cell = _model_cell(facts, [("三公", "total")], text)
        if cell is None:
            return Lookup("not_found", department, year, year_given, document, terms=words,
                          missing="这张表的“合计”包括会议费和培训费，报告没有单独印出“三公”经费的合计")
        chosen = [cell]
    if chosen and _EXCEPT.search(text) and ((bare_label(chosen[0]["row_label"]) in _GRAND_TOTALS + ("收入总计", "支出总计")
                                             and not any(p in (chosen[0]["column"] or "") for p in _PARTS))
                                            or any(w in compact(chosen[0]["row_label"]) for w in set_aside(text))):
        # what is left once something is set aside is not the whole, nor the part set aside
        return Lookup("not_found", department, year, year_given, document,
                      missing="问题问的是除去某一项以后的部分，报告没有单独印出这个数", terms=words)
    if q.measure in BUDGET_MEASURES and chosen and not any("预算" in (f["column"] or "") or is_budget(f["table_kind"])
                                                          for f in chosen):
        return Lookup("not_found", department, year, year_given, document,
                      missing="问题问的是预算数，相关表格只印了决算数", terms=words)
    if unit in _NARRATIVE_UNITS and chosen and not any(_unit_fits(f, unit) for f in chosen):
        # a count the amount's table prints on a row of its own (国内公务接待人次（人） beside 公务接待费)
        counted = _count_row(facts, plain, unit)
        if counted:
            chosen = [counted]
    if unit and chosen:
        fitting = [f for f in chosen if _unit_fits(f, unit)]
        if not fitting and unit in _NARRATIVE_UNITS:
            return _from_narrative(text, unit, catalog, department, year, year_given, document, words)
        if not fitting and unit == "元" and (found := _yuan_stated(plain, catalog, department, year, year_given,
                                                                    document, words)):
            return found
        if not fitting:
            return Lookup("not_found", department, year, year_given, document,
                          missing=f"问题问的是{_UNIT_NAMES[unit]}，报告表格里相关的行印的是{chosen[0]['unit'] or '其他'}数字，"
                                  "表格没有直接给出", terms=words)
        chosen = fitting
    if not chosen and meant and (cell := _model_cell(facts, meant[0], text)):
        chosen = [cell]  # the rows named print nothing; the quantity the words mean is printed
    if not chosen and unit in _NARRATIVE_UNITS:  # rows of that name print no such count: a sentence may
        return _from_narrative(text, unit, catalog, department, year, year_given, document, words)
    if not chosen:
        return stated() or stated_none(q, catalog, department, year, year_given, document, words) or Lookup("not_found", department, year, year_given, document,
                                  missing=f"找到了{department}{year}年度报告中的相关行，但这些行没有印数字", terms=words)
    if len(alike := _alike_rows(chosen)) > 1:
        # one label printed on several rows of one table with different amounts (会议费 under each
        # project of a 政府采购预算表) and nothing asked that tells them apart: which one is not known
        return Lookup("ambiguous", department, year, year_given, document, terms=words,
                      missing=f"报告的“{alike[0]['table_title']}”里有{len(alike)}行都印作“{bare_label(alike[0]['row_label'])}”",
                      options=[_row_option(f) for f in alike])
    main, others = chosen[0], chosen[1:]
    if main["number"] is None:  # a heading that prints no amount: the total printed under it is its amount
        main = _total_under(facts, main) or main
    tabled = bool(meant) and all(len(k) == 3 for k in meant[0])  # the words mean a table quantity
    own_row = bare_label(main["row_label"]) in named and bare_label(main["row_label"]) not in _TOTALS
    if tabled and not own_row and quantity_of(main, {}) not in meant[0] + meant[1]:
        # the cell is another quantity than the words mean, or none the model knows (三公's 合计 for
        # 财政拨款支出, a 三公 table's 合计 for 支出预算): the cell of the meant quantity, or nothing —
        # unless the question names that printed row itself
        main = _model_cell(facts, meant[0], text)
        if main is None:
            return Lookup("not_found", department, year, year_given, document, terms=words,
                          missing="报告里找到的数字不是问题所问的那个数（口径不同）")
        others = []
    problem = mismatch(main, q)
    if problem and (said := _quoted_statement(q, catalog, department, year, document, budget_report)):
        # the quoted name is the narrative's word for the row (“公务用车购置及运行费” beside the
        # table's 公务用车购置及运行维护费): the sentence that prints it states the amount
        return Lookup("answered", department, year, year_given, document, [said], [], terms=words, narrative=True)
    if problem:  # never state a figure that is not the quantity asked
        return stated_none(q, catalog, department, year, year_given, document, words) or Lookup(
            "not_found", department, year, year_given, document, missing=problem, terms=words)
    # the same named row printed in other standard tables (住房公积金 as 2210201 and as 30113);
    # a bare 合计 of another table is another quantity, not the same one
    same_row = [f for f in others if bare_label(f["row_label"]) == bare_label(main["row_label"])
                and bare_label(main["row_label"]) not in _TOTALS and f["table_kind"] in CROSS_PRINTED]
    return Lookup("answered", department, year, year_given, document, [main], same_row, terms=words)


# 预算 as the budget figure (全年预算, 预算数), not inside 一般公共预算 or 政府性基金预算.
# words that say nothing beyond the table or quantity a question names
GENERIC = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款|拨款|支出|收入|金额|总额|合计|总计|小计|费用|经费|情况|实际"
                      r"|预算数?|决算数?|年初|年末|(?:省|市|区|县)级|机关|单位|部门|[一二三四五六七八九十几各](?:个|块|项|类|种|部分|家)|各"
                      r"|谁|哪(?:个|家|项|些|块|类|种|部分)|最(?:多|少|高|低|大|小)|从.到.|排(?:序|名|一下)?|比较|对比|分别"
                      r"|全年|本年|年度|全部|所有|总共|一共|加起来|数|表|里面|里|中|的|和|是|有|多少|怎么样|怎样|如何|咋样|什么样|花|用|钱|万元|元")


def _beside_table_word(subject: str, table_words: list[str]) -> str:
    """What the question says right after the table's word, in its clause (政府采购授予中小企业的合同金额
    → 授予中小企业的合同金额), and before it when the table is named in a bracket after the item
    (租办公房要花多少钱（政府采购预算） → 租办公房要花多少钱): where a question qualifies the table's
    figure or names an item of it."""
    for clause in re.split(r"[，,。；;？?！!]", subject):
        at = max((clause.find(w) + len(w) for w in table_words if w in clause), default=-1)
        if at >= 0:
            bracket = re.search(r"[（(][^（）()]*$", clause[:at])
            return (clause[:bracket.start()] if bracket else "") + clause[at:]
    return ""


def _unexplained(subject: str, named: list[str]) -> str:
    """What the asked subject says beyond the names found and generic words (政府采购授予中小企业的合同
    金额, 政府采购 named → 授予中小企业合同): two characters or more of it, or ''."""
    rest = subject
    for word in sorted(named, key=len, reverse=True):
        rest = rest.replace(word, "|")
    for word in named:  # and what the names print in part (统计数 of the column 统计数, 实际采购 of 实际采购金额)
        rest = without_shared(rest, compact(word), 2)
    rest = GENERIC.sub("", rest.replace("|", ""))
    return rest if len(re.sub(r"[^\u4e00-\u9fff]", "", rest)) >= 2 else ""


# words of intent beside an item (买家具准备花多少): how it is asked, not what
_INTENT = re.compile(r"准备|打算|计划|需要|想要|要|买|购买|采购|花|用|钱|一共|总共")


_NAME_ENDS = ("", "费", "支出", "经费", "费用")


def _narrowed(unnamed: str, printed: list[str]) -> tuple[str, list[str]]:
    """The question's everyday words read against the printed names around them: a word inside a
    longer stretch that is a printed name whole, or without its 费 (用车 in 公务用车购置: 公务用车购置费),
    is that name's, read as the quantity model or a count reads it; a word whose stretch only some
    of its terms hold keeps those (公务用车运行 is 公务用车运行维护费, not the car total), never a name
    the stretch is only the first of (公务用车购置 of 公务用车购置及运行维护费).  The question without
    those words, and the terms kept."""
    narrowed: list[str] = []
    for word in [w for w in EVERYDAY_TERMS if w in unnamed]:
        stretch = max((held_stretch(unnamed, m.start(), m.end(), printed) for m in re.finditer(re.escape(word), unnamed)),
                      key=len, default="")  # (a longer word set aside may have taken it)
        if len(stretch) - len(word) < 2:
            continue
        terms = EVERYDAY_TERMS[word]
        wholes = {n for n in printed if any(n == stretch + end for end in _NAME_ENDS)}
        whole = len(wholes) == 1 and not wholes & set(terms)  # (the word's own term, whole, changes nothing)
        kept = [t for t in terms if t in printed and stretch in t
                and not _CONNECTIVES.match(t[t.find(stretch) + len(stretch):])]
        if whole or len(kept) < len(terms):
            unnamed = unnamed.replace(word, "|")
            narrowed += [] if whole else kept
    return unnamed, narrowed


def content_words(asked: str) -> list[str]:
    """The words of `asked` that name something: two characters or more, intent and generic words aside."""
    from index.tokens import engine

    return [w for w in dict.fromkeys(engine().lcut(_INTENT.sub("|", asked)))
            if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and not GENERIC.fullmatch(w)]


def _row_holding(facts: list[dict], asked: str) -> list[list[dict]]:
    """The one row whose printed label holds every content word of `asked` (two characters or
    more, intent words aside); [] when none does, or several rows do (which one is not decided
    here)."""
    words = content_words(asked)
    if not words:
        return []
    rows: dict[tuple, list[dict]] = {}
    for f in facts:
        if all(w in compact(f["row_label"] or "") for w in words):
            rows.setdefault((f["table_index"], f["row_index"], f["row_group"]), []).append(f)
    return list(rows.values()) if len(rows) == 1 else []


_CONNECTIVES = re.compile(r"[和及与、]")
# "用于办公大楼设备维修保养…的那笔费用": an item described by what it is used for
_DESCRIBED = re.compile(r"(?:用于|用在|花在|用来|拿来)[^，,。？?]{2,40}?的(?:那笔|那项|这笔|这项|那部分)?(?=费用|钱|支出|经费|开支|资金)")
_REPORT_WORDS = re.compile(r"部门(?:预算|决算)(?:公开)?|(?:预算|决算)公开")
# what is left of "2018年预算是多少", "预算总额", "部门预算盘子有多大" once the asking is taken out
_BARE_BUDGET = re.compile(r"(?:部门)?(?:预算)?(?:收支|收入支出|收入和支出)?(?:总额|总计|总数|盘子|总盘子|规模|总规模|总量|一共|有多大|多大|有|大)*")
_COUNT_COLUMNS = ("在职人数", "编制数")  # a count's column: a row without it has no such count
_CATEGORY = re.compile(r"^([\u4e00-\u9fff]{2,6})[A-Z]$")
_CATEGORY_WORD = r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[购的里中在和及与是]))(?:{0})"
BUDGET_MEASURES = ("预算数", "年初预算", "全年预算")  # the Question.measure values that ask for a budget

_NARRATIVE_UNITS = ("人", "辆", "count")


def printed_title(asked: str, facts: list[dict]) -> tuple[str, str] | None:
    """The kind of the printed table whose title holds the asked one's characters in order with
    the fewest others (一般公共预算支出表 → 一般公共预算支出预算表, not its 基本支出 table), and the
    stretch asked; None when two tables of different kinds are as close, or the asked words are
    fewer than five (a word ending in 表, 代表, is no title)."""
    from index.departments import _subsequence

    titles = {bare_title(f["table_title"]): f["table_kind"] for f in facts if f["table_title"]}
    for start in range(len(asked) - 4):  # the longest end of the phrase that some title holds
        part = asked[start:]
        near = sorted((len(t) - len(part), k) for t, k in titles.items() if _subsequence(part, t) and k != OTHER)
        if near:
            close = {k for extra, k in near if extra == near[0][0]}
            return (close.pop(), part) if len(close) == 1 else None
    return None


def _inside_longer(label: str, plain: str, labels: list[str]) -> str | None:
    """The one label that holds `label` together with words the question prints beside it, two
    characters or more that are not generic (支出, 经费, 预算 …): 江苏法院云平台租赁费 for 法院 in
    “法院云平台的租金”; None when no label, or more than one equally, does."""
    # (a 的 between the words and the label, 档案数字化系统运行维护费的维修（护）费, joins them too)
    said = {other: n for other in labels if other != label and label in other
            and (n := max((_said_beside(form, m.start(), m.end(), other)
                           for form in {plain, plain.replace("的", "")}
                           for m in re.finditer(re.escape(label), form)), default=0)) >= 2}
    best = max(said.values(), default=0)
    top = [other for other, n in said.items() if n == best]
    return top[0] if len(top) == 1 else None


def _said_beside(plain: str, start: int, end: int, other: str) -> int:
    """How many non-generic characters around plain[start:end] (up to 8 before, 10 after) the
    label `other` prints together with it, in one stretch."""
    best = 0
    for a in range(start, max(start - 8, 0) - 1, -1):
        if plain[a:end] not in other:
            break
        for b in range(end, min(len(plain), end + 10) + 1):
            if plain[a:b] not in other:
                break
            extra = GENERIC.sub("", plain[a:start] + plain[end:b])
            best = max(best, len(re.findall(r"[\u4e00-\u9fff]", extra)))
    return best


def _quoted_statement(q, catalog, department: str, year: int, document: str, budget_report: bool) -> dict | None:
    """The amount the narrative states for the name the question quotes: statements whose subject
    is the quoted name with nothing but generic words beside it (“公务用车购置及运行费” →
    公务用车购置及运行费预算支出411.20万元), all giving one amount.  A budget asked of a final
    report needs 预算 in the subject, a final figure asked needs it absent."""
    from domain.statements import statements

    names = [n for m in _QUOTE.finditer(q.compact) if len(n := _QUOTE_MARKS.sub("", compact(m.group(1)))) >= 4
             and not any(n in d for d in q.departments)]
    if len(names) != 1 or q.unit not in (None, "万元"):
        return None
    name = names[0]
    found = []
    for s in statements(catalog.store.passages(document), catalog.departments):
        subject = _QUOTE_MARKS.sub("", s.subject)
        if s.amount is None or name not in subject or GENERIC.sub("", subject.replace(name, "")):
            continue
        if not budget_report and (q.measure in BUDGET_MEASURES) != ("预算" in subject.replace(name, "")):
            continue
        found.append(s)
    if len({s.amount for s in found}) != 1:
        return None
    s = found[0]
    return stated_fact(s.amount, "万元", s.sentence, s.document, s.page, s.line, department, year, label=s.subject)


def _from_narrative(text, unit, catalog, department, year, year_given, document, words) -> Lookup:
    """A count the report states in a sentence, when every qualifying sentence gives the same."""
    from .narrative import count_from_narrative

    found = count_from_narrative(text, unit, catalog.store.passages(document))
    if len({f.value for f in found}) > 1:  # sentences that disagree: those that name what is counted as asked
        found = _closest_counts(found, text)
    values = list(dict.fromkeys(f.value for f in found))
    if len(values) != 1:
        why = "报告的说明文字里几处说法不一致" if values else "报告的表格和说明文字都没有直接给出这个数"
        return Lookup("not_found", department, year, year_given, document, missing=why, terms=words)
    def fact(f) -> dict:  # (a count: no "sentence", so that it is not taken as an amount to compute with)
        return stated_fact(f.value, f.unit, f.sentence, f.document, f.page, f.line, department, year, said=False)

    # sentences the question's qualifier (年末) set aside still say something else: shown, not hidden
    others = [f for f in count_from_narrative(text, unit, catalog.store.passages(document), qualified=False)
              if f.value not in values]
    return Lookup("answered", department, year, year_given, document, [fact(found[0])], [fact(f) for f in others],
                  terms=words, narrative=True)


def _stated_amount(text: str, span: str, catalog, department: str, year: int, document: str,
                   unit: str | None) -> dict | None:
    """An amount in 万元 that the narrative states and no table row prints under that name
    (本部门2022年度政府采购支出总额4655.28万元): the statement whose subject is closest to the
    asked words; among equally close ones, the one that says it is the total (总额, 合计).
    Statements that disagree give nothing."""
    from domain.statements import about, asked_quantity, statements

    asked = asked_quantity(text, span)
    if asked and _only_everyday(asked[0]):  # 请客吃饭（公务接待）: the report terms of its everyday words
        asked = list(dict.fromkeys(asked + report_terms(asked[0])))
    if unit not in (None, "万元") or not asked:
        return None
    said = statements(catalog.store.passages(document), catalog.departments)

    def need(s) -> bool:  # a statement about the other side (收入 asked 支出) is not the answer
        return (s.amount is not None and not _contradicts(s.subject, text)
                and not any(p in s.subject and p not in text for p in _PARTS))

    found = about(said, asked, need, prefer_whole=True)
    # a quantity of a table's subject asked with the table's word before it (政府采购授予中小企业合同金额):
    # the statement of the rest, in a sentence that names the word
    word = next((w for w in TABLE_WORDS if any(a.startswith(w) for a in asked)), None) if not found else None
    rest = [r for a in asked if word and a.startswith(word) and len(r := a[len(word):].lstrip("的里中")) >= 4]
    if rest:
        found = about(said, rest, lambda s: need(s) and word in compact(s.sentence), prefer_whole=True)
    if len({s.amount for s in found}) != 1:
        return None
    s = found[0]
    return stated_fact(s.amount, "万元", s.sentence, s.document, s.page, s.line, department, year, label=s.subject,
                       asked=asked[0])


def _sentence_amount(text: str, span: str, catalog, department: str, year: int, document: str,
                     unit: str | None) -> dict | None:
    """The one amount in 万元 of the sentence that holds every content word the question asks with
    (实行绩效目标管理的项目涉及多少财政资金 → "…6个项目实行绩效目标管理,涉及财政性资金合计4481.3万元"): at
    least three words of two characters or more, each in the sentence; sentences that give
    different amounts, or one giving several, answer nothing."""
    from index.tokens import engine

    if unit not in (None, "万元"):
        return None
    # a count asked with no word of money (受理了多少群众诉求): the sentence's one count of things
    # (226.83万件, 1.2万人次), in the unit it prints
    asked = asked_subject(text, span)
    counted = unit is None and not _asks_money(asked)
    # (where the report says it, 决算里说/提到的, is no word of what is counted; 说明 and 提案 are words)
    subject = GENERIC.sub("|", re.sub(r"(?:说|讲|写)(?!明)(?:到|了|的)?|提到(?:了|的)?", "|", asked) if counted else asked)
    words = [w for w in dict.fromkeys(engine().lcut(subject)) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    if len(words) < 3:
        return None
    found = []
    for p in catalog.store.passages(document):
        for sentence in re.split(r"(?<=[。；;])", p["text"] or ""):
            s = compact(sentence)
            # the items a sentence lists after its amount (公用经费647.42万元,主要包括:办公费、…、公务用车
            # 运行维护费、…) are what the amount covers, not what it is: they name nothing asked
            said = _LISTED.sub("|", s)
            # (a word of four is there in its halves too: 财政资金 in 财政性资金)
            if not all(w in said or (len(w) == 4 and w[:2] in said and w[2:] in said) for w in words):
                continue
            # (a count before its breakdown, 办理提案约900件,其中…重点提案20件: the whole is the first)
            amounts = set(re.findall(_STATED_COUNT, s.split("其中")[0]) if counted
                          else re.findall(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)(万元)", s))
            if len(amounts) == 1:
                found.append((*amounts.pop(), sentence.strip(), p))
            elif amounts:
                return None  # a sentence with several amounts: which one is not decided here
    if len({(v, u) for v, u, _, _ in found}) != 1:
        return None
    value, printed_unit, sentence, p = found[0]
    return stated_fact(value, printed_unit, sentence, p["document"], p["page"], p["line"], department, year,
                       asked=subject)


# a count of things a sentence states, with its unit (226.83万件, 3000人次, 12个): not an amount of money
_STATED_COUNT = r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)((?:万|亿)?(?:件次|件|人次|户次|次|个|项|家|户|台|套|条|场|期|批|份|所|座|处))(?![\u4e00-\u9fff]{0,1}[元%])"


# a list of items after 包括/用于 (two 、 or more): what an amount covers
_LISTED = re.compile(r"(?:主要)?(?:包括|包含|用于|含)[:：]?[^。；;、]*(?:、[^。；;、]*){2,}")


def _only_everyday(core: str) -> bool:
    """Whether the asked quantity is everyday words alone (请客招待, 请客吃饭（公务接待）): nothing
    of two characters or more is left once they and brackets are taken out, so their report terms
    stand for it; a qualified quantity (政府采购授予中小企业的合同金额) keeps its own words."""
    from domain.vocabulary import EVERYDAY_TERMS

    rest = core
    for word in sorted((w for w in EVERYDAY_TERMS if w in core), key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest != core and len(re.sub(r"[()（）“”\"'、,，]|公务", "", rest)) < 2


_UNIT_NAMES = {"元": "以元计的金额", "分": "分数", "人": "人数", "辆": "车辆数", "%": "百分比", "count": "个数或次数"}


def _unit_fits(fact: dict, unit: str) -> bool:
    have = fact["unit"] or ""
    if unit == "元":  # 元 is not 万元
        return have == "元"
    if unit == "count":
        return have in ("", "个", "次", "批次", "项", "家") and "万元" not in have
    if unit == "人":
        return have in ("人", "人次", "名") or (have == "" and "人" in fact["row_label"] + (fact["column"] or ""))
    return have == unit or unit in have


def _alike_rows(chosen: list[dict]) -> list[dict]:
    """The chosen cells of the first one's kind of table (a table continued on the next page is
    the same) and column whose row prints the same label with another amount: [] when the first is
    the only such row."""
    if not chosen or chosen[0]["number"] is None:
        return []
    first = chosen[0]
    alike = [f for f in chosen if f["table_kind"] == first["table_kind"] and f["column"] == first["column"]
             and bare_label(f["row_label"]) == bare_label(first["row_label"]) and f["number"] is not None]
    return alike if len({f["number"] for f in alike}) > 1 else []


def _row_option(fact: dict) -> str:
    """One of several like rows, said by where it is printed and what it prints."""
    place = f"第{fact['page']}页" if fact["page"] else f"第{fact['line']}行"
    return f"{bare_label(fact['row_label'])}（{place}，表中第{fact['row_index'] + 1}行：{fact['value_text']}{fact['unit'] or ''}）"


def _figures(rows: list[list[dict]], column: str | None, text: str) -> list[dict]:
    if column:  # rows that print the asked-for column come first
        rows = sorted(rows, key=lambda row: not any(column in f["column"] for f in row))
    chosen = [_pick_column(row, column, text) for row in rows]
    # a figure on the other side of the question (收入 asked 支出) is not its answer
    return [f for f in chosen if f is not None
            and not _contradicts(bare_label(f["row_label"]) + (f["column"] or ""), text)]


# the parts of a spending total: a statement about one of them is not about the total
_PARTS = ("基本支出", "项目支出", "人员经费", "公用经费")


def _contradicts(label: str, question: str) -> bool:
    """A label that only contains the asked word but names the other side: 收入 for 支出.  Words the
    question shares with the label's name (土地出让收入安排 of …出让收入安排的支出) are the name's own."""
    question = without_shared(question, label)
    for a, b in (("收入", "支出"), ("支出", "收入"), ("年初", "年末"), ("年末", "年初")):
        if a in label and b in question and a not in question and b not in without_shared(label, question):
            return True
    return False


def _sibling_parts(facts: list[dict], terms: list[str], column: str | None, text: str) -> list[dict]:
    """Rows an everyday word means together: 离退休 is printed as 行政单位离退休 (2080501) and
    事业单位离退休 (2080502), siblings under one heading, so neither alone is what was asked.
    Rows of different levels (工资福利支出 and its 基本工资) are not parts of one whole."""
    if len(terms) < 2:
        return []
    for table in sorted({f["table_index"] for f in facts if f["table_kind"] in SUBJECT_TABLES},
                        key=lambda t: min(KIND_ORDER.index(f["table_kind"]) for f in facts if f["table_index"] == t)):
        in_table = [f for f in facts if f["table_index"] == table]
        rows = [r for t in terms for r in _candidate_rows(in_table, [t], [], text)
                if bare_label(r[0]["row_label"]) == t]
        codes = {r[0]["row_code"] for r in rows}
        if len(rows) < 2 or len(codes) != len(rows) or None in codes or "" in codes:
            continue
        if len({len(c) for c in codes}) == 1 and len({c[:-2] for c in codes}) == 1:
            chosen = _figures(rows, column, text)
            if len(chosen) == len(rows) and len({f["unit"] for f in chosen}) == 1:
                # a part the question names by what sets it apart from its siblings (行政单位 of
                # 行政单位离退休 beside 事业单位离退休) is asked alone
                own = [f for f, d in zip(chosen, _distinguishing([bare_label(f["row_label"]) for f in chosen]))
                       if len(d) >= 2 and d in text]
                return own if len(own) == 1 else chosen
        return []
    return []


def _distinguishing(labels: list[str]) -> list[str]:
    """Each label without the ending all of them share (行政单位离退休, 事业单位离退休 → 行政, 事业)."""
    end = 0
    while end < min(map(len, labels)) and len({l[len(l) - end - 1] for l in labels}) == 1:
        end += 1
    return [l[: len(l) - end] for l in labels]


def _candidate_rows(facts: list[dict], words: list[str], table_words: list[str], question: str = "") -> list[list[dict]]:
    """Rows (their facts, in printed column order) that the question names, best first."""
    rows: dict[tuple, list[dict]] = {}
    for f in facts:
        rows.setdefault((f["table_index"], f["row_index"], f["row_group"]), []).append(f)

    def rank(key_facts):
        first = key_facts[0]
        label = bare_label(first["row_label"])
        kind = first["table_kind"]
        kind_rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
        for i, w in enumerate(words):
            if label == w or first["row_code"] == w:
                return (0, i, kind_rank, first["table_index"], first["row_index"])
        for i, w in enumerate(words):
            if (w in label and len(w) >= 4 and kind in SUBJECT_TABLES
                    and not _contradicts(label, question)):
                return (1, i, kind_rank, first["table_index"], first["row_index"])
        for i, w in enumerate(table_words):
            if kind in TABLE_WORDS[w] and (w in (first["row_section"] or "") or kind != "相关信息统计表"):
                total = 0 if label in _TOTALS else 1
                if total and label and not re.search(r"合计|总计|小计|总额", label) and not words:
                    continue  # a table named alone is its total: another of its rows is not (a blank 合计)
                return (2 + total, i, kind_rank, first["table_index"], first["row_index"])
        return None

    ranked = sorted(((r, v) for v in rows.values() if (r := rank(v)) is not None), key=lambda item: item[0])
    if not ranked:
        return []
    best = ranked[0][0][:2]
    return [v for r, v in ranked if r[:2] == best]


def _pick_column(row: list[dict], column: str | None, question: str = "") -> dict | None:
    """The cell of the row the question asks for: the column it names (基本支出, 预算数), else the
    column whose header shares the longest word with the question (本年支出 for 支出), else the
    first printed amount — a 决算数 before a 预算数, since these are final accounts.  What the
    question sets aside (除了会议费) names no column."""
    question = _EXCEPT.sub("|", question)
    numbers = [f for f in row if f["number"] is not None or f["value_state"] == "dash"]
    if not numbers:
        return None
    if column:
        hits = [f for f in numbers if column in f["column"]]
        if hits:
            return hits[0]
        if column in _COUNT_COLUMNS or (bare_label(row[0]["row_label"]) in _TOTALS and column in STANDARD_COLUMNS):
            # a row taken for the column the question names (基本支出 alone, 编制数): a table that does
            # not print that column answers nothing, never with another of its columns
            return None

    # a column of one kind of funds (一般公共预算财政拨款 beside the 合计 of all funds) is a part:
    # it answers only a question that names those funds
    asked = {w for w in _FUND_WORDS if w in question}
    whole = [f for f in numbers if not ({w for w in _FUND_WORDS if w in (f["column"] or "")} - asked)]
    numbers = whole or numbers
    # so is a column of one part of the spending (基本支出 beside 合计), unless the question names it
    whole = [f for f in numbers if not any(p in (f["column"] or "") and p not in question for p in _PARTS)]
    numbers = whole or numbers

    # and a balance carried over (年初结转和结余, 年末结转和结余) beside the year's flows answers only
    # a question that asks for a balance
    if not _BALANCE_WORDS.search(question):
        numbers = [f for f in numbers if not _BALANCE_WORDS.search(f["column"] or "")] or numbers

    def shared(f: dict) -> int:
        return _longest_shared(compact(f["column"] or ""), question)

    best = max(shared(f) for f in numbers)
    if any(f["number"] is None and f["value_text"] and shared(f) >= 3 and shared(f) > best for f in row):
        return None  # the column asked prints words (实际完成值 "=293台"): another column's number is not it
    if best >= 2:
        numbers = [f for f in numbers if shared(f) == best]
    if "预算" not in question:
        final = [f for f in numbers if "预算数" not in (f["column"] or "")]
        if not final and not is_budget(numbers[0]["table_kind"]):
            # a final account's row that prints only its budget (its 决算数 left blank) does not say
            # what was spent: the budget beside it is not the answer
            return None
        numbers = final
    return numbers[0]
