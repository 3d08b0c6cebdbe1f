"""The shapes of a reconciliation finding: the rule it breaks, how bad it is, what was expected
against what is printed, and every printed cell or sentence involved, each citable."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

ROUNDING = Decimal("0.02")  # 万元: a difference this small is rounding, not a mismatch

ERROR, ROUNDING_DIFF, NOTICE = "error", "rounding", "notice"
SEVERITIES = (ERROR, ROUNDING_DIFF, NOTICE)


@dataclass(frozen=True)
class CellRef:
    """A printed cell (table, row, column) or a narrative sentence (table None)."""

    document: str
    page: int | None
    line: int | None
    table: str | None
    row: str
    column: str | None
    value: str
    # what an answer's figure is matched on; not part of the public record
    label: str = field(default="", compare=False, repr=False)

    def public(self) -> dict:
        out = asdict(self)
        out.pop("label")
        return out


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    expected: str
    printed: str
    cells: tuple[CellRef, ...]

    def public(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "message": self.message,
                "expected": self.expected, "printed": self.printed, "cells": [c.public() for c in self.cells]}


def severity_of(difference: Decimal, tolerance: Decimal = ROUNDING) -> str | None:
    """None when the figures agree, rounding when they differ by at most the tolerance."""
    if difference == 0:
        return None
    return ROUNDING_DIFF if abs(difference) <= tolerance else ERROR


def gap(difference: Decimal, severity: str) -> str:
    """How far apart two figures are, as a finding's message ends: （相差 0.01，属尾数差异）."""
    return f"（相差 {amount(difference)}" + ("，属尾数差异）" if severity == ROUNDING_DIFF else "）")


def amount(number: Decimal) -> str:
    """A computed amount as reports print it: two decimals, no thousands separator."""
    return f"{number:.2f}"
