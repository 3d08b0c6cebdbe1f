"""Rules on a report's structure: the standard tables its kind publishes (standard-tables), the
tables its contents (目录) list against the tables it prints and in what order (contents-tables),
an empty table printed without the note that says so (empty-table-note), and the contents' page
numbers against the pages the tables are on (contents-pages, PDFs only).

The store keeps a report's tables with amounts but not its contents, captions or notes, so these
rules read the document's printed lines again: a text report's lines, a PDF's text line by line
(pypdfium2, fast; the order of lines within a page is the file's, not always the reading order,
so nothing here depends on the order within one page).  `printed_lines` is shared with the
identity and hygiene rules.

What can be a reading artefact is a notice: a standard table not seen (a title printed as an
image), a table out of the contents' order, a table not listed, an empty table's note or a page
number.  A table the contents list and the report never prints — no table of its kind, its title
nowhere in the text — is an error.
"""
from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from domain.normalize import clean_line, compact
from domain.report_text import CONTENTS_HEADING, EMPTY_NOTE, NONE, contents_entry, page_number, plain_line, starts_entry
from domain.tables import OTHER, is_budget, kind_of, title_in
from domain.vocabulary import TABLE_WORDS

from .model import ERROR, NOTICE, CellRef, Finding
from .report import Report

# The tables every report of its kind publishes, in the national template's order; a fund's own
# table (政府性基金, 国有资本经营) is expected only where the report shows money of that fund
# (a report without such funds may leave the empty table out, as older templates did).
FINAL_TABLES = ("收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                "一般公共预算财政拨款支出决算表", "基本支出决算表", "三公经费支出决算表")
FINAL_FUND_TABLES = {"政府性基金预算财政拨款收入支出决算表": "政府性基金", "国有资本经营预算财政拨款支出决算表": "国有资本经营"}
BUDGET_TABLES = ("收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算支出预算表",
                 "一般公共预算基本支出预算表", "三公经费支出预算表")
BUDGET_FUND_TABLES = {"政府性基金预算支出表": "政府性基金"}
STANDARD = frozenset(FINAL_TABLES + BUDGET_TABLES) | set(FINAL_FUND_TABLES) | set(BUDGET_FUND_TABLES)
_MIN_TABLES = 3  # a document printing fewer standard tables is a narrative half or an annex: not judged


# --- the printed lines ------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    text: str  # as cleaned (clean_line), markup removed
    page: int | None
    line: int | None
    row: bool = False  # a text report's table row (tab-separated cells)
    key: str = ""  # the text compacted (domain.normalize.compact), as lines are compared

    def ref(self, document: str, value: str | None = None, table: str | None = None, row: str | None = None) -> CellRef:
        return CellRef(document, self.page, self.line, table, row if row is not None else self.text, None,
                       value if value is not None else self.text)


def printed_lines(report: Report) -> tuple[Line, ...]:
    """The document's lines as printed: every line of a text report (numbered as in the file), or
    every text line of each PDF page; () when the file can no longer be read."""
    if not report.path:
        return ()
    path = Path(report.path)
    try:
        stat = path.stat()
    except OSError:
        return ()
    return _read(str(path), report.source or "", stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read(path: str, source: str, _mtime: int, _size: int) -> tuple[Line, ...]:
    try:
        if source == "pdf":
            return _pdf_lines(path)
        text = Path(path).read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - an unreadable file has no lines to check; the ingest said why
        return ()
    return tuple(_line(plain_line(clean_line(raw)), None, n, "\t" in raw.strip())
                 for n, raw in enumerate(text.split("\n"), start=1))


def _line(text: str, page: int | None, number: int | None, row: bool = False) -> Line:
    return Line(text, page, number, row, compact(text))


def _pdf_lines(path: str) -> tuple[Line, ...]:
    import pypdfium2

    out = []
    pdf = pypdfium2.PdfDocument(path)
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            out += [_line(clean_line(raw), number + 1, None) for raw in re.split(r"\r\n|\n|\r", text)]
    finally:
        pdf.close()
    return tuple(out)


# --- the contents -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    text: str  # the entry as printed, compacted, without its page number
    page: int | None  # the page number printed after it
    at: Line
    kind: str | None  # the table kind it names, None for a part or a section

    @property
    def title(self) -> str:
        return title_in(self.text) or self.text


@dataclass(frozen=True)
class Contents:
    heading: Line
    entries: tuple[Entry, ...]
    end: int  # index of the first line after the contents

    @property
    def tables(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind)


def contents(lines: tuple[Line, ...]) -> Contents | None:
    """The contents printed near the start (目录, its entries, each with its page number if
    printed), or None.  An entry wrapped onto the next line is joined; the contents end at the
    first line that is not an entry, or where the body begins with the first entry again."""
    start = next((i for i, ln in enumerate(lines[:400]) if CONTENTS_HEADING.match(ln.key)), None)
    if start is None:
        return None
    entries: list[Entry] = []
    raw: list[str] = []
    i = start + 1
    while i < len(lines):
        ln = lines[i]
        key = ln.key
        if not key or page_number(ln.text) is not None and (not entries or entries[-1].page is not None):
            i += 1
            continue
        joined = None
        if entries and entries[-1].page is None and len(key) <= 12 and not starts_entry(ln.text):
            joined = contents_entry(raw[-1] + ln.text)  # 七、…情况说 | 明 24, 九、…支出预算 | 表
        found = joined or contents_entry(ln.text)
        if found is None:
            break
        text, page = found
        numbered = any(e.page is not None for e in entries)
        if entries and text == entries[0].text and (page is None or not numbered) and len(entries) >= 3:
            if joined:
                entries.pop()
            break  # the body's first heading
        if joined:
            entries[-1] = _entry(joined, entries[-1].at)
            raw[-1] += ln.text
            i += 1
            continue
        entries.append(_entry(found, ln))
        raw.append(ln.text)
        i += 1
    if len(entries) < 3 and lines[start].page is not None:
        # a PDF's text may give the heading after the entries it heads (目录 at the page's end)
        before = []
        for ln in reversed(lines[:start]):
            if ln.page != lines[start].page:
                break
            if not ln.key or page_number(ln.text) is not None:
                continue
            found = contents_entry(ln.text)
            if found is None:
                break
            before.append(_entry(found, ln))
        if len(before) >= 3:
            return Contents(lines[start], tuple(reversed(before)), start + 1)
    if len(entries) < 3:
        return None
    return Contents(lines[start], tuple(entries), i)


def _entry(found: tuple[str, int | None], at: Line) -> Entry:
    text, page = found
    title = title_in(text)
    kind = kind_of(title) if title else None
    return Entry(text, page, at, kind if kind and kind != OTHER else None)


# --- the tables printed ------------------------------------------------------------------------

@dataclass
class Printed:
    kind: str
    title: str
    page: int | None
    line: int | None
    index: int | None  # the table's index among the report's tables with figures, None when only its title is read
    figures: bool  # prints at least one amount (or count)
    dashes: bool  # prints dashes (—, /) where figures would be
    at: Line | None = None  # its title line, where read
    first: dict | None = None  # its first printed cell

    def ref(self, report: Report) -> CellRef:
        if self.at is not None:
            return self.at.ref(report.document, value=self.title, table=self.title, row="（表题）")
        return report.cell(self.first)

    def position(self) -> tuple:
        return (self.page or 0, self.line or 0)


def printed_tables(report: Report, lines: tuple[Line, ...], after: int = 0) -> list[Printed]:
    """The tables the report prints, in printed order: those with cells (from the index), and
    the standard tables whose title is printed but whose grid has no cell at all (an empty
    table), from the lines after `after` (the contents)."""
    out = []
    for index, facts in sorted(report.tables.items()):
        first = facts[0]
        pages = [f["page"] for f in facts if f["page"]]
        numbers = [f["line"] for f in facts if f["line"]]
        out.append(Printed(first["table_kind"], first["table_title"], min(pages) if pages else None,
                           min(numbers) if numbers else None, index, any(f["number"] is not None for f in facts),
                           any(f["value_state"] == "dash" for f in facts), first=first))
    titles = _title_lines(lines, after)
    for p in out:  # each table's own title line: the last one of its kind before its first cell
        before = [t for t in titles if t[1] == p.kind and _before(t[0], p)]
        if before:
            p.at = before[-1][0]
            if p.line is not None:
                p.line = p.at.line
    seen = {p.kind for p in out}
    for at, kind, title in titles:
        if kind in STANDARD and kind not in seen:
            seen.add(kind)
            out.append(Printed(kind, title, at.page, at.line, None, False, False, at=at))
    return sorted(out, key=lambda p: (p.position(), p.index if p.index is not None else -1))


def _title_lines(lines: tuple[Line, ...], after: int) -> list[tuple[Line, str, str]]:
    """The lines that print a table's title.  A title wrapped over two lines is not joined: a
    PDF's lines within a page need not come in reading order."""
    out = []
    for ln in lines[after:]:
        if ln.row or len(ln.text) > 60:
            continue
        title = title_in(ln.text)
        if title and (kind := kind_of(title)) != OTHER:
            out.append((ln, kind, title))
    return out


def _before(at: Line, table: Printed) -> bool:
    if at.line is not None and table.line is not None:
        return at.line <= table.line and table.line - at.line <= 40
    return at.page is not None and table.page is not None and at.page in (table.page, table.page - 1)


def _in_contents(table: Printed, toc: Contents, lines: tuple[Line, ...]) -> bool:
    """A grid read on the contents' lines or pages (a contents set as a table): not a table."""
    last = lines[toc.end - 1]
    if table.line is not None and last.line is not None:
        return table.line <= last.line
    return table.page is not None and last.page is not None and table.page <= last.page


def _standard(printed: list[Printed]) -> list[Printed]:
    return [p for p in printed if p.kind in STANDARD]


def budget_report(report: Report) -> bool:
    """Whether the document is (part of) a 预算: most of its tables are budget tables; a file of
    narrative alone by what it calls itself (部门预算 against 部门决算)."""
    kinds = Counter(is_budget(facts[0]["table_kind"]) for facts in report.tables.values()
                    if facts[0]["table_kind"] != OTHER)
    if kinds:
        return kinds[True] > kinds[False]
    text = "".join(compact(p["text"]) for p in report.passages[:40]) + "".join(
        compact(p["section"] or "") for p in report.passages[:40])
    return text.count("部门预算") + text.count("预算公开") > text.count("部门决算") + text.count("决算公开")


_JUDGED: dict[int, tuple] = {}


def _judged(report: Report) -> tuple[tuple[Line, ...], Contents | None, list[Printed]] | None:
    """The report's lines, contents and printed tables, read once for the four rules (None when it
    prints too few standard tables to judge: a narrative half, an annex)."""
    held = _JUDGED.get(id(report))
    if held is not None and held[0]() is report:
        return held[1]
    if len(_JUDGED) > 16:
        _JUDGED.clear()
    judged = _judge(report)
    _JUDGED[id(report)] = (weakref.ref(report), judged)
    return judged


def _judge(report: Report) -> tuple[tuple[Line, ...], Contents | None, list[Printed]] | None:
    lines = printed_lines(report)
    toc = contents(lines) if lines else None
    printed = printed_tables(report, lines, toc.end if toc else 0)
    if toc is not None:
        printed = [p for p in printed if not _in_contents(p, toc, lines)]
    if len({p.kind for p in _standard(printed) if p.index is not None}) < _MIN_TABLES:
        return None
    return lines, toc, printed


# --- the rules -----------------------------------------------------------------------------------

def standard_tables(report: Report) -> list[Finding]:
    """A standard table of the report's kind that it does not print (and its contents do not
    list: that is contents-tables), in a report that prints the others: one that prints at most
    four of the seven follows another set (a university's four tables) and is not judged."""
    judged = _judged(report)
    if judged is None:
        return []
    lines, toc, printed = judged
    budget = budget_report(report)
    core = BUDGET_TABLES if budget else FINAL_TABLES
    kinds = {p.kind for p in printed}
    if len(kinds & set(core)) < len(core) - 2:
        return []  # a set of another shape (a university's four tables): not the national one left short
    funds = BUDGET_FUND_TABLES if budget else FINAL_FUND_TABLES
    expected = list(core) + [kind for kind, word in funds.items() if _fund_money(report, word)]
    listed = {e.kind for e in toc.tables} if toc else set()
    where = toc.heading.ref(report.document) if toc else printed[0].ref(report)
    out = []
    for kind in expected:
        if kind in kinds or kind in listed:
            continue
        why = (f"报告中的表格印有{funds[kind]}的金额，却未见其" if kind in funds else "")
        out.append(Finding(
            "standard-tables", NOTICE,
            f"未见《{kind}》：{why}部门{'预算' if budget else '决算'}公开的标准表之一（按现行公开模板）。"
            "若表格标题未能读出或该年模板不同，可忽略；若本部门无此项收支，按规定仍应公开空表并注明。",
            kind, "（未见此表）", (where,)))
    return out


def contents_tables(report: Report) -> list[Finding]:
    """The contents against the tables: a table listed but not printed (error when its title is
    nowhere in the report, notice when only the text names it), a standard table printed but not
    listed (notice), and tables printed in another order than listed (notice)."""
    judged = _judged(report)
    if judged is None:
        return []
    lines, toc, printed = judged
    if toc is None or len(toc.tables) < _MIN_TABLES:
        return []
    out = []
    matched = _match(toc.tables, printed, lines, toc.end)
    body = "".join(ln.key for ln in lines[toc.end:])  # joined: a title wrapped over two lines is still named
    for entry, table in matched:
        if table is not None:
            if table.kind != entry.kind:
                out.append(Finding(
                    "contents-tables", NOTICE,
                    f"目录列有“{entry.title}”，正文该处印的却是《{table.title}》（表题与目录不一致）",
                    entry.title, table.title, (entry.at.ref(report.document, value=entry.title), table.ref(report))))
            continue
        name = compact(entry.title)
        mentioned = name in body
        out.append(Finding(
            "contents-tables", NOTICE if mentioned else ERROR,
            f"目录列有“{entry.title}”，报告中却没有这张表" + ("（正文提到了它，但未印出表格）" if mentioned else ""),
            entry.title, "（未印此表）", (entry.at.ref(report.document, value=entry.title),)))
    listed = {id(t) for _, t in matched if t is not None}
    for table in _standard(printed):
        if id(table) not in listed and table.kind not in {e.kind for e in toc.tables}:
            out.append(Finding(
                "contents-tables", NOTICE, f"报告印有《{table.title}》，目录中却未列出",
                "（目录列出此表）", table.title, (table.ref(report), toc.heading.ref(report.document))))
    pairs = [(e, t) for e, t in matched if t is not None]
    for (e1, t1), (e2, t2) in zip(pairs, pairs[1:]):
        if _later(t1, t2):
            out.append(Finding(
                "contents-tables", NOTICE,
                f"目录中“{e1.title}”列在“{e2.title}”之前，报告中却印在其后",
                f"{e1.title} → {e2.title}", f"{e2.title} → {e1.title}",
                (e1.at.ref(report.document, value=e1.title), e2.at.ref(report.document, value=e2.title),
                 t1.ref(report), t2.ref(report))))
    return out


def _match(entries: tuple[Entry, ...], printed: list[Printed], lines: tuple[Line, ...] = (),
           after: int = 0) -> list[tuple[Entry, Printed | None]]:
    """Each listed table with the printed table it names: the same title first; else the table
    printed under a body heading that repeats the entry (九、部门决算相关信息统计表 over a table
    titled otherwise); else the first unclaimed table of its kind."""
    free = list(printed)
    out: list[tuple[Entry, Printed | None]] = []
    pending = []
    for e in entries:
        same = next((p for p in free if _same_title(p.title, e.title)), None)
        if same is not None:
            free.remove(same)
        else:
            pending.append(len(out))
        out.append((e, same))
    for i in pending:
        e = out[i][0]
        found = _under_heading(e, free, lines, after) or next((p for p in free if p.kind == e.kind), None)
        if found is not None:
            free.remove(found)
        out[i] = (e, found)
    return out


def _under_heading(entry: Entry, free: list[Printed], lines: tuple[Line, ...], after: int) -> Printed | None:
    for ln in lines[after:]:
        if ln.key != entry.text:
            continue
        below = [p for p in free if (p.line is not None and ln.line is not None and 0 < p.line - ln.line <= 10)
                 or (p.line is None and p.page is not None and ln.page is not None and 0 <= p.page - ln.page <= 1)]
        if below:
            return min(below, key=lambda p: (p.position(), p.index if p.index is not None else -1))
    return None


def _same_title(a: str, b: str) -> bool:
    strip = lambda t: re.sub(r"^\d{4}年度?|[“”\"'‘’]", "", compact(t))  # noqa: E731
    return strip(a) == strip(b)


def _later(first: Printed, second: Printed) -> bool:
    """Whether `first` is printed after `second` for certain (on a later page or line; within one
    PDF page only the order of the index's tables is trusted)."""
    if first.line is not None and second.line is not None:
        return first.line > second.line
    if first.page is None or second.page is None:
        return False
    if first.page != second.page:
        return first.page > second.page
    return first.index is not None and second.index is not None and first.index > second.index


def empty_table_note(report: Report) -> list[Finding]:
    """A standard table printed with no figure in it and no note that it is empty (本表无数据 …),
    and no sentence of the report (of either file, where the narrative is printed apart) saying
    there is no such money."""
    judged = _judged(report)
    if judged is None:
        return []
    lines, toc, printed = judged
    out = []
    tables = sorted(printed, key=lambda p: (p.position(), p.index if p.index is not None else -1))
    for i, table in enumerate(tables):
        if table.kind not in STANDARD or table.figures or not _words(table.kind):
            continue  # only a fund's table and the 三公 table may be empty; another is an unread grid
        following = tables[i + 1] if i + 1 < len(tables) else None
        if _noted(table, following, lines, toc.end if toc else 0, printed):
            continue
        words = _words(table.kind)
        said = next((p for p in report.report_passages or report.passages  # the other file's narrative too
                     if words and any(w in compact(p["text"]) for w in words) and _says_none(p["text"], words)), None)
        if said is not None:
            continue
        shown = "表中只印了“—”“/”等，" if table.dashes else ""
        text = ("正文也未说明没有此项收支" if len(report.passages) > 3 else
                "本文件没有情况说明（若说明另册印出，请在那里核对）")
        out.append(Finding(
            "empty-table-note", NOTICE,
            f"《{table.title}》没有数字，{shown}表下也未注明“本表无数据”之类的说明，{text}"
            "（若是表格内容未能读出，可忽略）",
            "（注明本表无数据）", "（空表，未注明）", (table.ref(report),)))
    return out


def _noted(table: Printed, following: Printed | None, lines: tuple[Line, ...], after: int,
           printed: list[Printed]) -> bool:
    own = _words(table.kind)
    others = [w for p in printed if p.kind != table.kind for w in _words(p.kind)]
    for ln in lines[after:]:
        if not _within(ln, table, following):
            continue
        text = ln.key
        if not EMPTY_NOTE.search(text) and not (NONE.search(text) and (_NOTE.match(text) or _says_none(text, own))):
            continue  # 说明：本表无数据; 注：本部门无该项目; （无政府性基金支出）
        if not any(w in text for w in own) and any(w in text for w in others):
            continue  # another table's note on the same page
        return True
    return False


_NOTE = re.compile(r"^(?:\d[.、]?)?(?:注|说明|备注)[:：]?")  # 注：我单位无2017年政府性基金支出安排。


def _within(ln: Line, table: Printed, following: Printed | None) -> bool:
    """Whether a line is printed under the table: up to the next table's title (text), or on the
    table's pages before the next table's page (PDF; the next page too for the last table)."""
    if ln.line is not None and table.line is not None:
        end = following.line if following is not None and following.line is not None else table.line + 80
        return table.line <= ln.line < max(end, table.line + 1)
    if ln.page is None or table.page is None:
        return False
    if following is None or following.page is None:
        last = table.page + 1
    else:
        last = following.page - 1 if following.page > table.page else table.page
    return table.page <= ln.page <= max(last, table.page)


def _words(kind: str) -> list[str]:
    return [w for w, kinds in TABLE_WORDS.items() if kind in kinds and w in ("三公", "政府性基金", "国有资本经营")]


def _says_none(text: str, words: list[str]) -> bool:
    for sentence in re.split(r"(?<=[。；;])", compact(text)):
        if not any(w in sentence for w in words):
            continue
        if NONE.search(sentence) and not re.search(r"\d+\.\d+万元", sentence):
            return True
        if re.search(r"(?<![\d.,])0(?:\.0+)?万元|为零|为0(?![\d.])", sentence):
            return True  # 政府性基金支出预算支出0万元
    return False


def _fund_money(report: Report, word: str) -> bool:
    """Whether any table prints an amount other than 0 on a row or column of that fund."""
    return any(f["number"] and (word in (f["row_label"] or "") or word in (f["column"] or ""))
               for f in report.facts if f["unit"] in ("万元", "元", "亿元"))


def contents_pages(report: Report) -> list[Finding]:
    """PDFs: the page number the contents print for a table against the page it is on.  The
    printed page numbers are read from the pages' margins where they are printed; otherwise the
    PDF's own page numbers are used, shifted by the offset most entries agree on (a cover and
    the contents often go unnumbered), and the entries are judged only when most agree:
    without printed page numbers and without such an offset the contents may number another
    printing (a PDF made again from the text), and nothing is said."""
    if report.source != "pdf":
        return []
    judged = _judged(report)
    if judged is None:
        return []
    lines, toc, printed = judged
    if toc is None:
        return []
    pairs = [(e, t) for e, t in _match(toc.tables, printed, lines, toc.end)
             if t is not None and e.page is not None and t.page]
    if len(pairs) < _MIN_TABLES:
        return []
    numbers = _page_numbers(lines)
    out = []
    if numbers:
        for e, t in pairs:
            shown = numbers.get(t.page)
            if shown is not None and shown != e.page:
                out.append(_page_finding(report, e, t, f"印有页码 {shown}", str(shown)))
        return out
    offsets = Counter(t.page - e.page for e, t in pairs)
    offset, agree = offsets.most_common(1)[0]
    if agree * 2 <= len(pairs):
        return []  # no numbering most entries agree with: the contents may number another printing
    for e, t in pairs:
        if t.page - e.page != offset:
            out.append(_page_finding(report, e, t, f"按其他各表推算应印 {t.page - offset}", str(t.page - offset)))
    return out


def _page_finding(report: Report, e: Entry, t: Printed, said: str, expected: str) -> Finding:
    return Finding("contents-pages", NOTICE,
                   f"目录印“{e.title}”在第 {e.page} 页，该表实在 PDF 第 {t.page} 页（{said}）",
                   expected, str(e.page), (e.at.ref(report.document, value=str(e.page)), t.ref(report)))


def _page_numbers(lines: tuple[Line, ...]) -> dict[int, int]:
    """PDF page → the page number printed in its margin, when most pages print one that goes up
    by one a page; {} otherwise."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.page is not None and ln.text.strip():
            by_page.setdefault(ln.page, []).append(ln)
    found = {}
    for page, own in by_page.items():
        for ln in own[:2] + own[-2:]:
            n = page_number(ln.text)
            if n is not None:
                found[page] = n
                break
    if len(found) * 2 < len(by_page):
        return {}
    offsets = Counter(page - n for page, n in found.items())
    offset, agree = offsets.most_common(1)[0]
    if agree * 3 < len(found) * 2:
        return {}
    return {page: page - offset for page in by_page if page - offset >= 1}
