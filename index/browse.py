"""Stored tables as the browser shows and exports them: the printed grid, header rows folded
into column names, every cell as printed (blank stays blank)."""
from __future__ import annotations

import io


def table_frames(store, document: str, standard_only: bool = True) -> list[dict]:
    """[{title, code, kind, page, line, frame}] in printed order."""
    import pandas as pd

    from ingest.catalogue import OTHER

    out = []
    for t in store.tables(document):
        if standard_only and t["kind"] in (OTHER, "项目支出绩效自评表"):
            continue
        grid = [[(c.get("text") or "").replace("\n", "") for c in row] for row in t["grid"]]
        if not grid:
            continue
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        n = max(1, min(t["header_rows"] or 1, len(grid) - 1))
        names, seen = [], set()
        for j in range(width):
            parts = [grid[i][j] for i in range(n) if grid[i][j]]
            name = "/".join(dict.fromkeys(parts)) or f"列{j + 1}"
            while name in seen:
                name += " "
            seen.add(name)
            names.append(name)
        out.append({"title": t["title"], "code": t["code"], "kind": t["kind"], "page": t["page"], "line": t["line"],
                    "frame": pd.DataFrame(grid[n:], columns=names)})
    return out


def to_csv(frame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")  # the BOM lets Excel read the Chinese


def to_excel(frames: list[dict]) -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        used = set()
        for f in frames:
            sheet = (f["code"] or f["title"])[:28] or "表"
            while sheet in used:
                sheet += "_"
            used.add(sheet)
            f["frame"].to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()
