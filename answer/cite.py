"""How answers cite: a stored fact as a figure of the answer object, where it is printed, what a
row is called, and the one department (and its year and document) a question is about."""
from __future__ import annotations

from .lookup import Catalog


def figure(fact: dict) -> dict:
    out = {
        "label": fact["row_label"], "value": fact["value_text"],
        "number": float(fact["number"]) if fact["number"] is not None else None,
        "unit": fact["unit"], "computed": False, "formula": None,
        "department": fact["department"], "year": fact["year"], "table": fact["table_code"] or fact["table_kind"],
        "table_title": fact["table_title"], "row": fact["row_label"], "column": fact["column"],
        "source": {"document": fact["document"], "page": fact["page"], "line": fact["line"]},
    }
    if fact.get("confidence") is not None:  # read from a scanned page by OCR (answer.flags.read_by_ocr)
        out["ocr_confidence"] = fact["confidence"]
    return out


def row_name(fact: dict) -> str:
    """What a row is, in words: a bare 合计 says which table or section it totals."""
    label = fact["row_label"]
    if not label and fact.get("column"):  # a table printed across: its column names the figure
        parts = [p for p in fact["column"].split("/") if p not in ("小计", "合计", "金额")]
        return "/".join(parts[-2:]) if parts else fact["column"]
    if label in ("合计", "总计", "小计"):
        owner = (fact.get("row_section") or "").lstrip("一二三四五六七八九十、") or fact["table_title"]
        return f"{owner}{label}"
    return label


def where(fact: dict) -> str:
    place = f"第{fact['page']}页" if fact["page"] else f"第{fact['line']}行"
    table = fact["table_title"] + (f"（{fact['table_code']}）" if fact["table_code"] else "")
    return f"{fact['document']}，{table}，{place}"


def one_department(question: str, catalog: Catalog):
    """(department, the words that named it, the year as written, the year meant, its document)
    when the question names exactly one department and no organisation the index lacks; None
    otherwise (the lookup then explains).  Read from the question parsed once."""
    q = catalog.parse(question)
    department, year = q.department, q.year
    if department is None and not q.departments and not q.unknown:
        # no department named: a project named that one department's 绩效 forms print
        owners = catalog.project_owners(q.compact, q.year)
        if len(owners) == 1:
            department, year = next(iter(owners))
    if department is None or (q.unknown and not catalog.mentions(department, q.unknown)):
        return None
    years = catalog.years(department)
    year = year or (years[-1] if years else None)
    document = catalog.document_for(department, year) if year in years else None
    return department, q.span, q.year_text, year, document
