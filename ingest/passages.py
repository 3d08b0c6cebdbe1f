"""Narrative text into passages with their section path.

A passage is a paragraph: consecutive lines up to a sentence end, a heading, a table or a page
break where the next line starts a new item.  Headings (第一部分…, 一、…, （一）…, markdown `#`)
set the section path.  Long paragraphs are cut at sentence ends near `max_chars`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from domain.tables import OTHER, code_in, continued_mark, kind_of, title_in
from .model import Passage, RawDocument, RawTable, TextLine
from domain.normalize import compact

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_H1 = re.compile(r"^[一二三四五六七八九十]+、\S{1,40}$")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\S{1,40}$")
_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+(?:[、．）)]|\.(?!\d))|[-•·])")
# "2023 年度市级预算项目绩效评价报告" opens a report within the report (one per project); the
# project's name often follows alone in brackets and belongs to that heading.
_REPORT = re.compile(r"^[^《》。；，,]{0,50}(?:绩效评价报告|绩效自评报告)$")
_NAME_LINE = re.compile(r"^[（(].{2,80}$")
_END = re.compile(r"[。；;！!？?：:]$")
# a line that stops mid-sentence (its sentence runs on to the next line) and an amount with its unit:
# neither is in a heading
_UNFINISHED = re.compile(r"[,，、]$")
_AMOUNT = re.compile(r"\d(?:\.\d+)?(?:万元|元|%)")
_BULLET = re.compile(r"^[-•·]\s*")
_TOC = re.compile(r"(?:\.{3,}|…{2,})\s*\d*$|\s\d{1,3}$")
# a line that is only the page's number ("- 12 -", "—12—", "第12页", "12/40"): no part of the text
# around it, which runs on over the page break
_PAGE_NUMBER = re.compile(r"^\d{1,3}$|^[-—–－~─━]+\d{1,4}[-—–－~─━]+$|^第\d{1,4}页$|^第\d{1,4}页(?:[,，]?共\d{1,4}页)?$|^\d{1,4}/\d{1,4}$")


def passages(doc: RawDocument, max_chars: int = 400) -> list[Passage]:
    out: list[Passage] = []
    section: list[str] = []
    buf: list[TextLine] = []
    in_toc = False

    def flush() -> None:
        if not buf:
            return
        text = "".join(line.text if i == 0 or not _ascii_join(buf[i - 1].text, line.text) else " " + line.text
                       for i, line in enumerate(buf))
        for chunk in _chunks(text, max_chars):
            out.append(Passage(doc.name, " / ".join(section), chunk, buf[0].page, buf[0].line, buf[-1].line))
        buf.clear()

    for block in doc.blocks:
        if isinstance(block, RawTable):
            flush()
            continue
        text = block.text
        key = compact(text)
        if key in ("目录", "目 录"):
            in_toc = True
            continue
        if in_toc:
            if _TOC.search(text) or _H1.match(key) or _PART.match(key) or _H2.match(key):
                continue
            in_toc = False
        if _PAGE_NUMBER.match(key):
            continue
        if _is_caption(key):
            continue  # a table's title, code, department or unit line: the table carries them
        if not buf and section[1:] == [] and section and _REPORT.search(section[0].split("（")[0]) and (
                _NAME_LINE.match(key) and "（" not in section[0] or _open(section[0])):
            section[0] += key  # the project's name, in brackets, may wrap over two lines
            continue
        level = _heading_level(block, key)
        if level:
            flush()
            del section[level - 1:]
            section.extend([""] * (level - 1 - len(section)))
            section.append(key)
            continue
        if buf and _UNFINISHED.search(buf[-1].text.rstrip()) and _BULLET.match(text):
            # the sentence runs on past a bullet the conversion put at the line's start ("- 增长2.75%")
            block = replace(block, text=_BULLET.sub("", text))
        elif buf and (_ITEM.match(key) or (buf[-1].page != block.page and _END.search(buf[-1].text))):
            flush()
        buf.append(block)
        if _END.search(text) and len("".join(b.text for b in buf)) > 60:
            flush()
    flush()
    return out


_CAPTION = re.compile(r"^(?:部门(?:名称)?|单位(?:名称)?|编制单位|金额单位)[:：]|^单位[:：]|^公开\d+表|^[（(]?\d{4}年度[）)]?$")


def _is_caption(key: str) -> bool:
    return bool(_CAPTION.search(key) or code_in(key) and len(key) < 40 or continued_mark(key)
                or (title_in(key) and kind_of(title_in(key)) != OTHER and len(key) < 60))


def _heading_level(line: TextLine, key: str) -> int:
    if line.heading:
        return min(line.heading, 3)
    if _PART.match(key) and len(key) <= 30 or _REPORT.match(key):
        return 1
    if re.search(r"\d{3,}", key):
        return 0  # "(一) 2290402-其他…收入" opens an item that names a subject code, not a section
    if _AMOUNT.search(key) or _UNFINISHED.search(key):
        return 0  # "(一)工资福利支出86.52万元,比上年增加2.31万元,": a numbered sentence, not a section
    if _H1.match(key) and not _END.search(key):
        return 2
    if _H2.match(key) and not _END.search(key) and len(key) <= 30:
        return 3
    return 0


def _open(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _ascii_join(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()


def _chunks(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    parts = re.split(r"(?<=[。；;！!？?])", text)
    chunks, cur = [], ""
    for part in parts:
        if cur and len(cur) + len(part) > max_chars:
            chunks.append(cur)
            cur = ""
        cur += part
    if cur:
        chunks.append(cur)
    return chunks
