"""What a report prints around its figures, line by line: the contents (目录) and its entries, the
page numbers in its margins, the note that says a table is empty, and template text left in
place of a name or a figure.

These are read from the printed lines (a text report's lines, a PDF page's text lines) after
`normalize.clean_line`; each pattern says what it matches and what it leaves alone.
"""
from __future__ import annotations

import re

from .normalize import compact

# --- the contents -------------------------------------------------------------------------

CONTENTS_HEADING = re.compile(r"^#*(?:目录|目次)$")
# an entry of the contents: a part, a numbered section or a table, with its page number after
# dot leaders or spaces (第二部分2023年度部门决算表5, 一、收入支出决算总表.....6) or none at all
_ENTRY_START = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
                          r"|\d{1,2}[.、．]|附件|附表|名词解释)")
_ENTRY_PAGE = re.compile(r"^(?P<text>.*?[\u4e00-\u9fff）)”\"])[\s.·•…_-]*(?P<page>\d{1,3})$")
_ENTRY_TAIL = re.compile(r"[\s.·•…_-]+$")
_MARKUP = re.compile(r"</?[a-zA-Z]+[^>]*>")
_BULLET = re.compile(r"^(?:#+|[-*•]\s*)\s*")


def plain_line(text: str) -> str:
    """A printed line without the markup a text report carries (# headings, - bullets, <b> tags)."""
    return _BULLET.sub("", _MARKUP.sub("", text)).strip()


def starts_entry(text: str) -> bool:
    """Whether a line begins as an entry of the contents does (第二部分, 三、, （一）, 附件 …)."""
    return bool(_ENTRY_START.match(compact(plain_line(text))))


def contents_entry(text: str) -> tuple[str, int | None] | None:
    """(entry, page number printed after it or None) when the line reads as an entry of the
    contents; None for a sentence or anything else."""
    text = plain_line(text).rstrip("。．.")
    if not text or "。" in text or len(text) > 60:
        return None
    m = _ENTRY_PAGE.match(text)
    entry, page = (m.group("text"), int(m.group("page"))) if m else (_ENTRY_TAIL.sub("", text), None)
    entry = compact(entry)
    if not _ENTRY_START.match(entry) and not entry.endswith("表"):
        return None
    return entry, page


# --- the margins --------------------------------------------------------------------------

# a page number alone on its line: 12, - 12 -, —12—, 第12页, 第12页共30页
PAGE_NUMBER = re.compile(r"^[-—–－~\s]*(\d{1,3})[-—–－~\s]*$|^第\s*(\d{1,3})\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?$")


def page_number(text: str) -> int | None:
    m = PAGE_NUMBER.match(text.strip())
    if not m:
        return None
    return int(m.group(1) or m.group(2))


# --- an empty table -------------------------------------------------------------------------

# the note printed with a table that has nothing in it (说明：本表无数据; 当此表数据为空时…)
NO_DATA = re.compile(r"本表无数据|本表为空|本表无内容|此表无数据|无此项(?:收入|支出|收支)?|本表无|(?:此|本)表(?:数据)?为[零空0]")
# and the wider wording a reviewer accepts as that note beside an empty table (空表, 无相关收支)
EMPTY_NOTE = re.compile(NO_DATA.pattern + r"|(?:此|本)表(?:数据)?为空|空表|无数据|无相关(?:收支|收入|支出|数据)|没有相关(?:收支|收入|支出)")
# a sentence that says there is none (本部门无政府性基金预算财政拨款收入和支出)
NONE = re.compile(r"无|没有|未发生|未安排|不涉及")

# --- template text ----------------------------------------------------------------------------

# letters standing for a name or a figure: XX局, ××部门, XX辆, 20XX年
_X = r"[XxＸｘ×✕╳]"
PLACEHOLDER_X = re.compile(rf"(?<=[\u4e00-\u9fff]){_X}{{2,}}(?![A-Za-z])|(?<![A-Za-z]){_X}{{2,}}(?=[\u4e00-\u9fff])"
                           rf"|(?<=\d){_X}{{2}}(?=年)")
# a bracketed blank: （单位名称）, (部门名称), 【单位全称】 (not 部门（单位）, the template's own wording)
PLACEHOLDER_BLANK = re.compile(r"[（(【\[〔]\s*(?:单位|部门|预算单位|主管部门)(?:名称|全称)\s*[)）】\]〕]")
# dots where a figure belongs: …万元, ……元 (NFKC prints … as ...)
PLACEHOLDER_FIGURE = re.compile(r"(?:…|\.{3})+\s*(?:万元|亿元|元|辆|%)")
# dots alone as a field's value: 部门：…, 编制单位：……
PLACEHOLDER_DOTS = re.compile(r"^[….·。\s]+$")
