"""Checks run over an index: one document or all of them."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .model import SEVERITIES, Finding
from .report import Report
from .rules import check_report


def check_document(store, name: str) -> list[Finding]:
    """Every finding in one indexed document, errors first; KeyError when it is not indexed."""
    findings = check_report(Report.load(store, name))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def check_index(folder: Path | str, document: str | None = None) -> dict[str, list[Finding]]:
    from index.store import Store

    with Store(folder, readonly=True) as store:
        names = [d["name"] for d in store.documents()]
        if document is not None:
            if document not in names:
                raise KeyError(document)
            names = [document]
        return {name: check_document(store, name) for name in names}


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
