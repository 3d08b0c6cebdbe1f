"""Checks run over an index: one document or all of them."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .model import SEVERITIES, Finding
from .report import Report
from .rules import ACROSS_FILES, check_report


def check_document(store, name: str, joined: dict[str, str] | None = None) -> list[Finding]:
    """Every finding in one indexed document, errors first; KeyError when it is not indexed.

    A document that is one file of a report of several (`Store.reports`: the 公开表 with the tables,
    the 公开文件 with the narrative) is checked on its own and then, by the rules that read the
    narrative against the tables, as part of its report: those findings that cite both files are
    its too, each cell in its own file.  The report's joined name (A + B) gives the findings of
    all its files.  `joined`: each file's report name, when the caller has it (`joined_reports`)."""
    report = Report.load(store, name)
    whole = report if report.parts else None
    if whole is None:
        of = (joined if joined is not None else joined_reports(store)).get(name)
        whole = Report.load(store, of) if of else None
    parts = report.parts or ((whole.part(name),) if whole else (report,))
    findings = [f for part in parts for f in check_report(part)]
    if whole is not None:
        findings += [f for f in check_report(whole, ACROSS_FILES) if len({c.document for c in f.cells}) > 1
                     and (whole is report or any(c.document == name for c in f.cells))]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def joined_reports(store) -> dict[str, str]:
    """Each document that is one file of a report of several, to that report's joined name."""
    return {member: r["name"] for r in store.reports() if len(r["documents"]) > 1 for member in r["documents"]}


def check_index(folder: Path | str, document: str | None = None) -> dict[str, list[Finding]]:
    from index.store import Store

    with Store(folder, readonly=True) as store:
        names = [d["name"] for d in store.documents()]
        if document is not None:
            if document not in names:
                raise KeyError(document)
            names = [document]
        joined = joined_reports(store)
        return {name: check_document(store, name, joined) for name in names}


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity, every severity present as a key."""
    seen = Counter(f.severity for f in findings)
    return {s: seen.get(s, 0) for s in SEVERITIES}


def badge(findings: list[Finding]) -> str:
    """A document's findings in a few words: 不一致 1 · 尾数差异 17 · 提示 0, or 未发现问题."""
    c = counts(findings)
    if not findings:
        return "未发现问题"
    return f"不一致 {c['error']} · 尾数差异 {c['rounding']} · 提示 {c['notice']}"
