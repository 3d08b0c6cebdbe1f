"""Bad inputs made by code: broken, encrypted, empty and truncated PDFs, non-UTF-8 and
non-report text.  Each function writes one file into `folder` and returns its path."""
from __future__ import annotations

import io
from pathlib import Path

from conftest import CORPUS


def broken_pdf(folder: Path) -> Path:
    path = folder / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    return path


def truncated_pdf(folder: Path) -> Path:
    path = folder / "truncated.pdf"
    path.write_bytes((CORPUS / "pdf" / "000_d038eb9fb139e057.pdf").read_bytes()[:6000])
    return path


def encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    path = folder / "encrypted.pdf"
    path.write_bytes(buf.getvalue())
    return path


def empty_pdf(folder: Path) -> Path:
    from pypdf import PdfWriter

    buf = io.BytesIO()
    PdfWriter().write(buf)
    path = folder / "empty.pdf"
    path.write_bytes(buf.getvalue())
    return path


def gbk_text(folder: Path) -> Path:
    path = folder / "gbk.txt"
    path.write_bytes("2023年度部门决算\n收入支出决算总表\n".encode("gbk"))
    return path


def not_a_report(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("今天天气很好，我们去公园散步。\n晚上看了一部电影。\n", encoding="utf-8")
    return path


def empty_text(folder: Path) -> Path:
    path = folder / "blank.md"
    path.write_text("\n\n", encoding="utf-8")
    return path


def unsupported(folder: Path) -> Path:
    path = folder / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    return path


def notes_about_reports(folder: Path) -> Path:
    """Prose about final accounts, but no tables: a README, not a report."""
    path = folder / "README.md"
    path.write_text("# 说明\n\n这里存放部门决算报告，收入和支出表格见各文件。\n", encoding="utf-8")
    return path
