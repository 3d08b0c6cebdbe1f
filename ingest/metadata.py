"""Department, year and report kind, read from the document itself.

The title block (the lines before 目录 or the first table) names the department and year;
`部门：` / `部门名称：` / `单位名称：` lines beside the tables name it again.  Names that contain
one another are the same department printed in part (OCR, line breaks): the longest wins.
"""
from __future__ import annotations

import re
from collections import Counter

from .model import DocumentMeta, RawDocument, RawTable, TextLine
from domain.normalize import compact

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_LABELLED = re.compile(r"^(?:部门|部门名称|单位名称|编制单位|预算单位)[:：](.*)$")
_SUFFIX = re.compile(r"(?:(?:部门|单位)?(?:决算|预算)(?:公开|报告|说明)?|年度)+$")
_ORG_END = re.compile(r"(局|办|室|中心|委员会|委|部|院|所|站|队|会|社|馆|厅|处|署|组|府|校|园|团|司|行|台|部门|政府|法院|检察院)$")
_NOISE = re.compile(r"(?:(?:19|20)\d{2}年度?|金额单位.*$|单位[:：].*$|公开\d*表.*$)")


def read_meta(doc: RawDocument, department: str | None = None, year: int | None = None) -> DocumentMeta:
    title_lines = _title_block(doc)
    title = "".join(compact(line.text) for line in title_lines)
    kind = "预算" if "预算" in title and "决算" not in title else ("决算" if "决算" in title else None)
    if kind is None:
        body = "".join(compact(b.text) for b in doc.blocks[:60] if isinstance(b, TextLine))
        kind = "决算" if "决算" in body else ("预算" if "预算" in body else None)
    return DocumentMeta(department or _department(doc, title), year or _year(doc, title), kind)


def _title_block(doc: RawDocument) -> list[TextLine]:
    lines = []
    for block in doc.blocks:
        if isinstance(block, RawTable):
            break
        text = compact(block.text)
        if text.startswith("目录") or text == "目录":
            break
        if doc.source == "pdf" and block.page and block.page > 1 and lines:
            break
        lines.append(block)
        if len(lines) >= 6:
            break
    return lines


def _year(doc: RawDocument, title: str) -> int | None:
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    counts = Counter(int(m.group(1)) for b in doc.blocks[:200] if isinstance(b, TextLine)
                     for m in _YEAR.finditer(compact(b.text)))
    return counts.most_common(1)[0][0] if counts else None


def _from_title(title: str) -> str | None:
    text = _YEAR.sub("", title)
    text = re.sub(r"(?:第[一二三四五六七八九十]部分.*)$", "", text)
    stripped = _SUFFIX.sub("", text)
    if stripped and not _ORG_END.search(stripped) and text.endswith(("部门决算", "部门预算")):
        stripped = text[: -2]  # "晋江市经信部门决算": the department is 晋江市经信部门
    return stripped or None


def _department(doc: RawDocument, title: str) -> str | None:
    candidates: Counter[str] = Counter()
    for block in doc.blocks:
        lines = [block] if isinstance(block, TextLine) else list(block.context)
        for line in lines:
            m = _LABELLED.match(compact(line.text))
            if m:
                name = _NOISE.sub("", m.group(1)).strip()
                if len(name) >= 3:
                    candidates[name] += 1
    from_title = _from_title(title)
    names = list(candidates) + ([from_title] if from_title else [])
    if not names:
        return None
    # a name that contains others (the complete form of an OCR-split or wrapped name) wins
    def support(name: str) -> tuple[int, int]:
        return (sum(n in name for n in names) + (2 if name == from_title else 0), len(name))
    best = max(names, key=support)
    return best
