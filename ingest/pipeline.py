"""One file in, one IngestedDocument out: read → normalise → metadata → tables → facts and
passages.  Each stage is a plain function in its own module; this one only chains them."""
from __future__ import annotations

import hashlib
import re
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


def read_document(path: Path, progress=None):
    """The file's RawDocument; progress(pages done, pages to read, seconds left) while pages of
    a scanned PDF are read by OCR."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from .read_pdf import read_pdf

        return read_pdf(path, progress)
    if suffix in TEXT_SUFFIXES:
        from .read_text import read_text

        return read_text(path)
    raise UnsupportedFile(str(path), f"{path.name}：不支持的文件类型“{suffix or '无扩展名'}”，请提供 PDF、TXT 或 Markdown 报告")


def ingest_file(path: Path, department: str | None = None, year: int | None = None,
                progress=None) -> IngestedDocument:
    path = Path(path)
    raw = read_document(path, progress)
    meta, warnings = read_metadata(raw, department, year)  # warnings: where the document disagrees on them
    warnings = list(raw.warnings) + warnings  # what reading said (pages read by OCR)
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
    texts = tuple(passages(raw))
    if not any(f.number is not None for f in facts) and not _narrative_part(meta, texts):
        if not facts and not _looks_like_report(raw):
            raise NotAReport(str(path), f"{path.name}：看起来不是部门决算/预算报告（没有找到决算表格或相关标题），已跳过")
        if not tables:
            raise NotAReport(str(path), f"{path.name}：没有找到任何决算表格，看起来不是部门决算/预算报告，已跳过")
        raise NotAReport(str(path), f"{path.name}：表格里没有任何数字，像是空白模板而不是某个部门的报告，已跳过")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return IngestedDocument(raw.name, str(path.resolve()), sha, raw.source, raw.pages, meta, tuple(tables), tuple(facts),
                            texts, tuple(warnings))


# an amount printed in the narrative: 1,234.56万元, 12万元, 3000元
_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元)")
_NARRATIVE_AMOUNTS = 3


def _narrative_part(meta, texts) -> bool:
    """A report's narrative printed as a file of its own (a 公开文件 beside its 公开表): no table
    prints an amount, but the text names its department, year and kind and states amounts.  Such
    a file is kept — it is half of a report (index.store.Store.reports joins it to its tables).
    A README about reports (no department or year) or a blank template (… instead of figures)
    states none and stays refused."""
    if not (meta.department and meta.year and meta.report_kind):
        return False
    return sum(len(_AMOUNT.findall(p.text)) for p in texts) >= _NARRATIVE_AMOUNTS


def _looks_like_report(raw) -> bool:
    text = "".join(b.text for b in raw.blocks[:300] if not isinstance(b, RawTable))
    return any(word in text for word in ("决算", "预算")) and any(w in text for w in ("收入", "支出"))
