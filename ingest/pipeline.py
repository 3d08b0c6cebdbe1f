"""One file in, one IngestedDocument out: read → normalise → metadata → tables → facts and
passages.  Each stage is a plain function in its own module; this one only chains them."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import NotAReport, UnsupportedFile
from .facts import table_facts
from .layout import interpret
from .model import IngestedDocument, RawTable
from .metadata import read_metadata
from .passages import passages

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES


def read_document(path: Path):
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from .read_pdf import read_pdf

        return read_pdf(path)
    if suffix in TEXT_SUFFIXES:
        from .read_text import read_text

        return read_text(path)
    raise UnsupportedFile(str(path), f"{path.name}：不支持的文件类型“{suffix or '无扩展名'}”，请提供 PDF、TXT 或 Markdown 报告")


def ingest_file(path: Path, department: str | None = None, year: int | None = None) -> IngestedDocument:
    path = Path(path)
    raw = read_document(path)
    meta, warnings = read_metadata(raw, department, year)  # warnings: where the document disagrees on them
    tables, facts = [], []
    for block in raw.blocks:
        if not isinstance(block, RawTable):
            continue
        table, table_warnings = interpret(block, len(tables))
        if table is None:
            continue
        table_fact_list = table_facts(table, raw.name, meta)
        tables.append(table)
        facts.extend(table_fact_list)
        warnings.extend(table_warnings)
    if not facts and not _looks_like_report(raw):
        raise NotAReport(str(path), f"{path.name}：看起来不是部门决算/预算报告（没有找到决算表格或相关标题），已跳过")
    if not tables:
        raise NotAReport(str(path), f"{path.name}：没有找到任何决算表格，看起来不是部门决算/预算报告，已跳过")
    if not any(f.number is not None for f in facts):
        raise NotAReport(str(path), f"{path.name}：表格里没有任何数字，像是空白模板而不是某个部门的报告，已跳过")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return IngestedDocument(raw.name, str(path.resolve()), sha, raw.source, raw.pages, meta, tuple(tables), tuple(facts),
                            tuple(passages(raw)), tuple(warnings))


def _looks_like_report(raw) -> bool:
    text = "".join(b.text for b in raw.blocks[:300] if not isinstance(b, RawTable))
    return any(word in text for word in ("决算", "预算")) and any(w in text for w in ("收入", "支出"))
