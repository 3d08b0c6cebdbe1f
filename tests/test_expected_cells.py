"""Hand-checked cells of the corpus reports against what ingestion makes of them.

Each file in tests/expected/ names one report of the shared corpus and lists cells read by hand
from the report itself (a line of the text file, a page of the PDF).  For every cell exactly one
fact must carry its table kind, row (label or subject code) and a column whose path contains
`column_contains`, and that fact must print the expected value (on the expected page, for PDFs).
Several facts on the same kind/row/column are a failure too: the cell would be ambiguous to a
reader of the facts.

The corpus lives outside the project (../../shared/corpus from this file); a missing corpus
fails the tests rather than skipping them.  Each report is ingested once per session.
"""
from __future__ import annotations

import functools
import json
import zlib
from pathlib import Path

import pytest

from ingest import ingest_file

HERE = Path(__file__).resolve().parent
EXPECTED_DIR = HERE / "expected"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SUBDIRS = ("text", "real", "pdf")

# Short ASCII names for test ids (pytest escapes non-ASCII ids into unreadable \u sequences).
_PDF_ALIASES = {
    "上海市普陀区财政局": "czj",
    "上海市普陀区规划和自然资源局": "ghzyj",
    "中共上海市普陀区委社会工作部": "shgzb",
}


def _load_expected() -> list[dict]:
    reports = []
    for path in sorted(EXPECTED_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["_expected_file"] = path.name
        reports.append(data)
    return reports


REPORTS = _load_expected()


def _alias(report: dict) -> str:
    document = report["document"]
    stem = Path(document).stem
    if stem.isascii():
        return stem[:3] if stem[:3].isdigit() else stem
    return _PDF_ALIASES.get(report.get("department", ""), f"pdf-{zlib.crc32(stem.encode()) % 10000:04d}")


def _is_pdf(report: dict) -> bool:
    return report["document"].lower().endswith(".pdf")


def _describe(cell: dict) -> str:
    row = f"row_label={cell['row_label']!r}" if "row_label" in cell else f"row_code={cell['row_code']!r}"
    where = f", page {cell['page']}" if "page" in cell else ""
    return (f"{cell['table_kind']} / {row} / column contains {cell['column_contains']!r} "
            f"= {cell['value_text']!r}{where} ({cell.get('note', '')})")


def _show(fact) -> str:
    where = f"p{fact.page}" if fact.page is not None else f"l{fact.line}"
    return (f"[{where}] {fact.table_kind} | row_label={fact.row_label!r} row_code={fact.row_code!r} | "
            f"column={fact.column!r} | value_text={fact.value_text!r}")


def _corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"corpus not found at {CORPUS}: the expected-cell tests need the shared corpus "
                    f"(../../shared/corpus relative to tests/); it must not be skipped", pytrace=False)
    return CORPUS


def _source(document: str) -> Path:
    corpus = _corpus()
    for sub in SUBDIRS:
        path = corpus / sub / document
        if path.is_file():
            return path
    pytest.fail(f"report {document!r} not found under {corpus} ({', '.join(SUBDIRS)})", pytrace=False)


@functools.cache
def _ingest(path: str):
    """(IngestedDocument, None) or (None, error text): one ingestion per report per session, a
    failure included (an exception is not cached by functools.cache, so it is kept as a value)."""
    try:
        return ingest_file(Path(path)), None
    except Exception as exc:  # noqa: BLE001 - reported by every test of the report
        return None, f"{type(exc).__name__}: {exc}"


def _document(report: dict):
    doc, error = _ingest(str(_source(report["document"])))
    if doc is None:
        pytest.fail(f"ingesting {report['document']!r} failed: {error}", pytrace=False)
    return doc


def _row_matches(fact, cell: dict) -> bool:
    if "row_label" in cell and fact.row_label != cell["row_label"]:
        return False
    if "row_code" in cell and fact.row_code != cell["row_code"]:
        return False
    return True


# --- parameters ---------------------------------------------------------------------------------

REPORT_PARAMS = [pytest.param(r, id=_alias(r)) for r in REPORTS]
CELL_PARAMS = [
    pytest.param(r, i, cell, id=f"{_alias(r)}-c{i:02d}-{cell['value_text']}")
    for r in REPORTS
    for i, cell in enumerate(r["cells"], start=1)
]


# --- the expected files themselves ------------------------------------------------------------


def test_expected_files_present():
    assert REPORTS, f"no expected-cell files in {EXPECTED_DIR}"


@pytest.mark.parametrize("report", REPORT_PARAMS)
def test_expected_file_is_well_formed(report):
    name = report["_expected_file"]
    assert Path(name).stem == Path(report["document"]).stem, f"{name}: file name does not match its document"
    assert report.get("department"), f"{name}: no department"
    assert isinstance(report.get("year"), int), f"{name}: year must be an integer"
    cells = report.get("cells") or []
    assert 12 <= len(cells) <= 20, f"{name}: {len(cells)} cells, expected 12–20"
    for i, cell in enumerate(cells, start=1):
        assert ("row_label" in cell) != ("row_code" in cell), f"{name} cell {i}: give row_label or row_code"
        for key in ("table_kind", "column_contains", "value_text", "note"):
            assert cell.get(key), f"{name} cell {i}: missing {key}"
        if _is_pdf(report):
            assert isinstance(cell.get("page"), int) and cell["page"] >= 1, f"{name} cell {i}: PDF cell needs page"


# --- the reports --------------------------------------------------------------------------------


@pytest.mark.parametrize("report", REPORT_PARAMS)
def test_document_department_and_year(report):
    doc = _document(report)
    assert doc.name == report["document"], f"document name {doc.name!r}, expected {report['document']!r}"
    assert doc.meta.department == report["department"], (
        f"{report['document']}: department {doc.meta.department!r}, expected {report['department']!r}")
    assert doc.meta.year == report["year"], f"{report['document']}: year {doc.meta.year!r}, expected {report['year']!r}"


@pytest.mark.parametrize("report, index, cell", CELL_PARAMS)
def test_expected_cell(report, index, cell):
    doc = _document(report)
    label = f"{report['document']} cell {index}: {_describe(cell)}"
    same_kind = [f for f in doc.facts if f.table_kind == cell["table_kind"]]
    candidates = [f for f in same_kind if _row_matches(f, cell) and cell["column_contains"] in f.column]

    if not candidates:
        same_row = [f for f in same_kind if _row_matches(f, cell)]
        same_value = [f for f in same_kind if f.value_text == cell["value_text"]]
        hints = []
        if not same_kind:
            kinds = sorted({f.table_kind for f in doc.facts})
            hints.append(f"no fact of kind {cell['table_kind']!r}; kinds present: {kinds}")
        if same_row:
            hints.append("facts on that row (other columns):\n  " + "\n  ".join(_show(f) for f in same_row[:12]))
        if same_value:
            hints.append("facts of that kind printing that value:\n  " + "\n  ".join(_show(f) for f in same_value[:12]))
        pytest.fail(f"{label}\nno fact matches kind/row/column.\n" + "\n".join(hints), pytrace=False)

    if len(candidates) > 1:
        pytest.fail(f"{label}\n{len(candidates)} facts match kind/row/column (ambiguous):\n  "
                    + "\n  ".join(_show(f) for f in candidates), pytrace=False)

    fact = candidates[0]
    assert fact.value_text == cell["value_text"], f"{label}\nthe matching fact prints another value: {_show(fact)}"
    if _is_pdf(report):
        assert fact.page == cell["page"], f"{label}\nthe matching fact is on another page: {_show(fact)}"
