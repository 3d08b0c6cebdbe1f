"""An answer's figures against the report's reconciliation findings: a figure that a finding
involves (the same printed cell, or the same narrative figure) brings the finding's message into
the answer's warnings, so a reader knows the report prints it differently elsewhere.  A figure
read from a scanned page by OCR below the confidence threshold says so (`read_by_ocr`)."""
from __future__ import annotations

from typing import Callable

_WORDS = {"error": "报告自身不一致", "rounding": "尾数差异", "notice": "核对提示"}
# rules whose first cell is a total and the rest its parts: a part is flagged only by a real
# mismatch, not by its total's rounding
_SUMS = {"total-rows", "total-columns", "subject-rollup", "summary-balance", "basic-split", "sangong-parts",
         "narrative-sums"}


def flag(result: dict, findings_of: Callable[[str], list]) -> None:
    seen = set()
    for fig in result.get("figures", []):
        source = fig.get("source") or {}
        document = source.get("document")
        if not document or fig.get("value") is None:
            continue
        for finding in findings_of(document):
            cells = finding.cells[:1] if finding.rule in _SUMS and finding.severity != "error" else finding.cells
            if id(finding) in seen or not any(_same(cell, fig, source) for cell in cells):
                continue
            seen.add(id(finding))
            result["warnings"].append(f"{_WORDS[finding.severity]}（{finding.rule}）：{finding.message}")
            result.setdefault("findings", []).append(finding.public())


def _same(cell, fig: dict, source: dict) -> bool:
    if cell.value != fig["value"] or cell.page != source.get("page"):
        return False
    if cell.table is None:  # a narrative figure: cited by its own line, the answer by its paragraph's first
        line, first = cell.line, source.get("line")
        return fig.get("table") is None and (line is None or first is None or 0 <= line - first <= 30)
    return cell.line == source.get("line") and cell.label == fig.get("row") and cell.column == fig.get("column")


def read_by_ocr(result: dict) -> None:
    """A figure OCR read below `domain.ocr.LOW_CONFIDENCE` is never stated as exact: the answer
    says it was read by OCR and may be misread, and the figure is marked `low_confidence`."""
    from domain.ocr import LOW_CONFIDENCE, low as is_low

    low = [fig for fig in result.get("figures", []) if is_low(fig.get("ocr_confidence"))]
    for fig in low:
        fig["low_confidence"] = True
        page = (fig.get("source") or {}).get("page")
        result["warnings"].append(
            f"“{fig['value']}”由文字识别（OCR）从扫描页{f'第{page}页' if page else ''}读出，识别置信度 "
            f"{fig['ocr_confidence']:.2f}，低于 {LOW_CONFIDENCE:.2f}，可能读错，请对照原页核对")
    if low and result.get("answer"):
        result["answer"] += "（注意：此数字由文字识别（OCR）从扫描页读出，置信度低，可能读错，请对照原页核对）"
