"""Ingestion: report files (PDF, text, Markdown) into tables, cell-level facts and passages.

Public entry points: `ingest_file` (one file to an IngestedDocument) and `ingest_paths`
(files and folders into a store, one document at a time, reporting each).  Heavy libraries
(pdfplumber; the OCR engine for scanned pages) are imported only when a PDF is read.
"""
from __future__ import annotations

INGEST_VERSION = "19"  # bump when facts or passages would come out differently

from .pipeline import SUFFIXES, ingest_file  # noqa: E402
from .run import FileResult, collect_files, ingest_paths  # noqa: E402

__all__ = ["INGEST_VERSION", "SUFFIXES", "FileResult", "collect_files", "ingest_file", "ingest_paths"]
