"""Reconciliation checks (勾稽): where a report disagrees with itself — a total that is not the
sum of its rows, a summary table that does not balance, one quantity printed differently in two
tables, a narrative figure or rate that the tables or the narrative itself contradict, a
self-assessment score outside its grade's band.  Each finding names its rule, its severity
(error, rounding, notice), what was expected against what is printed, and every cell involved.

Entry points: `check_document(store, name)` and `check_index(folder, document=None)`; the command
line `python -m checks --index DIR [--document NAME] [--json]` and the app call the same ones.
"""
from __future__ import annotations

from .run import badge, check_document, check_index, counts

__all__ = ["badge", "check_document", "check_index", "counts"]
