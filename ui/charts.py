"""Charts the app shows: figures of several departments as horizontal bars.

Owns how a comparison is drawn: the largest value on top, every label whole and level (long
Chinese department names are neither cut nor turned), the unit on the value axis, and the
figure as the report printed it at the end of each bar and in the tooltip.
"""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

BAR_HEIGHT = 28  # pixels per bar: room for one line of label


def bar_chart(items: Iterable[Sequence], unit: str = "", *, title: str | None = None,
              labels: Mapping[str, str] | None = None, label_title: str = "部门"):
    """A horizontal Altair bar chart of (label, value) or (label, value, printed) items.

    Sorted by value, largest on top; value axis titled with the unit ("万元", or "差旅费（万元）"
    when a title is given); labels shown whole (labelLimit 0) and unrotated, replaced by
    labels[label] where given (short department names) with the full label in the tooltip; the
    printed figure (the value itself where none is given) with its unit at the bar's end and in
    the tooltip.  Items without a value (None, NaN) are left out; None when none has one."""
    import altair as alt

    rows = []
    for item in items:
        label, value = item[0], item[1]
        printed = item[2] if len(item) > 2 and item[2] not in (None, "") else None
        number = _number(value)
        if number is None:
            continue
        label = str(label)
        rows.append({"label": (labels or {}).get(label, label), "full": label, "value": number,
                     "printed": f"{printed if printed is not None else _plain(value)}{unit or ''}"})
    if not rows:
        return None
    rows.sort(key=lambda r: (-r["value"], r["label"]))
    rows = _distinct_labels(rows)
    order = [r["label"] for r in rows]
    axis_title = f"{title}（{unit}）" if title and unit else (unit or title or "数值")
    # room past the longest bar for its printed figure
    high, low = max(r["value"] for r in rows), min(r["value"] for r in rows)
    domain = [min(0.0, low * 1.25), max(0.0, high * 1.25)] if high or low else [0.0, 1.0]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=0, labelAngle=0, labelOverlap=False)),
        x=alt.X("value:Q", title=axis_title, scale=alt.Scale(domain=domain)),
        tooltip=[alt.Tooltip("full:N", title=label_title), alt.Tooltip("printed:N", title=title or "数值")],
    )
    bars = base.mark_bar()
    text = base.mark_text(align="left", baseline="middle", dx=4).encode(text="printed:N")
    return (bars + text).properties(height=alt.Step(BAR_HEIGHT))


def comparison_chart(frame, *, label: str = "部门", value: str = "数值", printed: str = "印出的数字",
                     unit: str | None = "单位", title: str | None = None):
    """bar_chart() of a comparison table as the app builds it (columns 部门, 数值, 印出的数字 and,
    where it has one, 单位), department names shortened by index.departments.short_names.  None
    when no row has a value, or when the rows are in different units (one axis cannot hold
    them; the table beside the chart still shows every figure)."""
    from index.departments import short_names

    units = {str(u) for u in frame[unit] if u is not None and u == u and str(u)} if unit and unit in frame else set()
    if len(units) > 1:
        return None
    names = [str(x) for x in frame[label]]
    printed_values = frame[printed] if printed in frame else [None] * len(frame)
    items = [(n, v, p) for n, v, p in zip(names, frame[value], printed_values)]
    return bar_chart(items, units.pop() if units else "", title=title, labels=short_names(names), label_title=label)


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def _plain(value) -> str:
    """A value no printed text came with, written plainly (12,345.6; 10)."""
    if isinstance(value, Decimal):
        return f"{value:,}"
    return f"{float(value):,.10g}"


def _distinct_labels(rows: list[dict]) -> list[dict]:
    """Two bars never share a label (they would be drawn as one): a repeated one gets （2）."""
    seen: dict[str, int] = {}
    for r in rows:
        seen[r["label"]] = seen.get(r["label"], 0) + 1
        if seen[r["label"]] > 1:
            r["label"] = f"{r['label']}（{seen[r['label']]}）"
    return rows


def line_chart(rows: Iterable[Mapping], unit: str = "", *, title: str | None = None):
    """A line per series over the years: rows of {年度, 数值, 印出的数字, 类别} (one report kind a
    line, 预算 and 决算 side by side), the printed figure in the tooltip, the unit on the value
    axis.  Rows without a value are left out; None when none has one."""
    import altair as alt
    import pandas as pd

    data = [dict(r) for r in rows if r.get("数值") is not None and not (isinstance(r["数值"], float) and math.isnan(r["数值"]))]
    if not data:
        return None
    frame = pd.DataFrame(data)
    frame["年度"] = frame["年度"].astype(str)
    frame["类别"] = frame["类别"].fillna("").replace("", "报告")
    axis = f"{title}（{unit}）" if title and unit else (title or unit or "")
    return (alt.Chart(frame).mark_line(point=True)
            .encode(x=alt.X("年度:O", title="年度", axis=alt.Axis(labelAngle=0)),
                    y=alt.Y("数值:Q", title=axis),
                    color=alt.Color("类别:N", title="类别"),
                    tooltip=["年度", "类别", "印出的数字", "单位", "出处"]))
