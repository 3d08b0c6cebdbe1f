"""Interpret a printed grid: header rows into column paths, side-by-side groups into logical
rows, subject codes into 类/款/项 with their parents.

Input is a RawTable exactly as printed; output is a Table whose logical rows point back at the
printed cells, plus warnings where the printed layout is irregular (a value under a label
column, a body offset against its header, a code that cannot be read).  Nothing printed is
changed: values stay as printed, and where a value is attributed to a header by position order
instead of by position, a warning says so.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from domain.tables import OTHER, STANDARD_COLUMNS, code_in, kind_of, title_in
from .model import Cell, Column, IngestWarning, LogicalRow, RawTable, Table, TextLine
from domain.normalize import clean_label, code_digits, compact, is_amount, parse_value

_META = re.compile(r"编制单位|^部门(名称)?[:：]|^单位(名称)?[:：]|金额单位|^单位[:：]")
_UNIT = re.compile(r"(?:金额)?单位[:：]\s*([^\s:：]{1,8})")
_LABEL_HEADER = re.compile(r"^项目($|[（(])|科目|编码|代码|名称|^经济分|分类$|^类$|^款$|^项$|^类款项$|^序号$|^指标")
_ROWNO_HEADER = re.compile(r"^(行次|栏次|序号)$")
_KEY_JUNK = {"类", "款", "项", "类款项", "栏次", "行次", "项目"}
_TOTAL = re.compile(r"^(合计|总计|小计|本年收入合计|本年支出合计)$")
_LEADING_CODE = re.compile(r"^\s*(\d{3,7})\s*(\D.*)$", re.S)


@dataclass(frozen=True)
class _Col:
    index: int
    path: str
    kind: str  # amount | code | rowno | text | blank


def interpret(raw: RawTable, index: int, default_unit: str = "万元") -> tuple[Table | None, list[IngestWarning]]:
    """The table a grid prints, or None for a grid that is not a table of figures (a contents page)."""
    warnings: list[IngestWarning] = []
    width = max(len(r) for r in raw.rows)
    grid = [tuple(r) + tuple(Cell("", r[0].page if r else None, r[0].line if r else None) for _ in range(width - len(r)))
            for r in raw.rows]
    meta_rows, grid = _split_meta(grid)
    context = list(raw.context) + meta_rows
    title = _title(context)
    code = _code(context)
    unit = _unit(context) or default_unit
    kind = kind_of(title) if title else OTHER
    label = title or _heading(context) or "未命名表格"

    def warn(message: str, cell: Cell | None = None) -> None:
        where = cell or (grid[0][0] if grid and grid[0] else None)
        warnings.append(IngestWarning(message, where.page if where else None, where.line if where else None,
                                      code or label))

    if _is_toc(grid, context):
        return None, []
    if kind == "项目支出绩效自评表":
        from .forms import interpret_form

        return interpret_form(grid, index, code, kind, label, unit, warn), warnings
    printed = grid
    first_section = None
    if len(grid) > 1 and kind not in _SUBJECT_KINDS and _section_label(grid[0]):
        first_section, grid = _section_label(grid[0]), grid[1:]
    n_header = _header_count(grid)
    header, body = grid[:n_header], grid[n_header:]
    if kind in _ONE_SIDED:
        body = _align_rows(header, body, width, warn)
    cols = _columns(header, body, width)
    header, body, cols = _labels_on_the_total_row(header, body, cols, width)
    cols = _align_to_sequence(cols, header, warn)
    groups = _groups(cols)
    body = _spanning_totals(body, groups, warn)
    columns: list[Column] = []
    rows: list[LogicalRow] = []
    for g, members in enumerate(groups):
        keys, values = _key_value_split(members)
        paths = _aligned_paths(values, body, warn)
        columns.extend(Column(c.index, paths[c.index], g) for c in values)
        hierarchy: dict[str, str] = {}
        for r, row in enumerate(body):
            logical = _logical_row(r, g, row, keys, values, paths, hierarchy, warn)
            if logical is not None:
                rows.append(logical)
    if kind not in _SUBJECT_KINDS:
        rows = _sections(rows, first_section)
    table = Table(index, code, kind, label, unit, printed[0][0].page if printed else raw.page,
                  printed[0][0].line if printed else raw.line, n_header, tuple(columns), tuple(rows),
                  tuple(tuple(r) for r in printed))
    return table, warnings


# Tables whose rows are subjects or the fixed lines of the summary tables: no sections.
_SUBJECT_KINDS = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                  "一般公共预算财政拨款支出决算表", "基本支出决算表", "政府性基金预算财政拨款收入支出决算表",
                  "国有资本经营预算财政拨款支出决算表",
                  # budgets: the summary tables and the tables of functional or economic subjects
                  "收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "财政拨款支出预算表",
                  "财政拨款基本支出预算表", "一般公共预算支出预算表", "一般公共预算基本支出预算表",
                  "政府性基金预算支出表", "国有资本经营预算支出表"}
_SECTION = re.compile(r"^[一二三四五六七八九十]+、\S")


def _section_label(row) -> str | None:
    """"一、政府采购情况" alone on its row opens a section of a statistics table."""
    texts = [c.text for c in row if c.text and c.text.strip()]
    if len(texts) == 1 and row[0].text and _SECTION.match(compact(row[0].text)):
        return clean_label(row[0].text)
    return None


def _sections(rows: list[LogicalRow], section: str | None) -> list[LogicalRow]:
    """Give each row the numbered section (一、… 二、…) printed above it: a row that names a section
    and prints no value.  Sections are per side-by-side group."""
    current: dict[int, str | None] = {}
    out = []
    for row in rows:
        if (not row.code and _SECTION.match(compact(row.label))
                and all(parse_value(cell.text).state == "dash" for _, cell in row.cells)):
            current[row.group] = row.label
        out.append(replace(row, section=current.get(row.group, section if row.group == 0 else None)))
    return out


# --- context ----------------------------------------------------------------------------------


def _row_text(row) -> str:
    return " ".join(c.text.strip() for c in row if c.text and c.text.strip())


def _split_meta(grid):
    """Leading rows that print the title, code, unit or department rather than table content."""
    meta: list[TextLine] = []
    while grid:
        row = grid[0]
        text = _row_text(row)
        if any(is_amount(c.text) for c in row) or not text:
            if not text:
                grid = grid[1:]
                continue
            break
        parts = [part for c in row if c.text for part in c.text.split("\n") if part.strip()]
        if len(parts) > 1 and any(_META.search(compact(p)) or code_in(p) or kind_of(title_in(p) or "") != OTHER
                                  for p in parts):
            # the title, code and 部门：/单位： printed inside the grid's first row, a line each
            # ("表二⏎部门：… | 收入预算总表 | 单位：万元"): each is a line of the context
            meta.extend(TextLine(clean_label(p), row[0].page, row[0].line) for p in parts)
            grid = grid[1:]
            continue
        if _META.search(compact(text)) or code_in(text) or (title_in(text) and len([c for c in row if c.text]) == 1):
            meta.append(TextLine(clean_label(text), row[0].page, row[0].line))
            grid = grid[1:]
            continue
        break
    return meta, grid


def _title(context: list[TextLine]) -> str | None:
    """The nearest title above the table, preferring one the catalogue knows."""
    titles = [t for line in reversed(_unwrapped(context))
              for part in re.split(r"\s{2,}|(?<=表)\s|(?<=表)(?=(?:金额)?单位[:：]|公开|部门[:：]|编制单位)", line.text)
              if (t := title_in(_after_department(part)))]
    return next((t for t in titles if kind_of(t) != OTHER), titles[0] if titles else None)


def _unwrapped(context: list[TextLine]) -> list[TextLine]:
    """A title wrapped over two lines ("…培训费支出预" over "算表", "…培训费" over "支出预算表"):
    the two joined, where the join is a catalogued title of another kind than the second line
    alone and the first line is no title and no sentence."""
    out: list[TextLine] = []
    for line in context:
        if out and len(compact(line.text)) <= 8 and not title_in(out[-1].text):
            joined = compact(out[-1].text) + compact(line.text)
            kind = kind_of(title_in(joined) or "")
            if kind != OTHER and kind != kind_of(title_in(line.text) or "") and not re.search(r"[。；;：:]$", out[-1].text):
                out[-1] = TextLine(joined, out[-1].page, out[-1].line, out[-1].bbox, out[-1].heading)
                continue
        out.append(line)
    return out


_DEPARTMENT_FIELD = re.compile(r"^(?:(?:公开)?表[一二三四五六七八九十\d]{1,3})?(?:部门|单位)(?:名称)?[:：]")


def _after_department(part: str) -> str:
    """The title where a 部门：… field runs into it on one line with no space between
    ("部门：中共江苏省委办公厅收支预算总表"): the shortest end of the line that is still the
    catalogued kind the whole line names (财政拨款支出预算表, not 支出预算表), since the name before
    it cannot be told from the title by its characters alone."""
    text = compact(part)
    kind = kind_of(text)
    if not _DEPARTMENT_FIELD.match(text) or not text.endswith("表") or kind == OTHER:
        return part
    for start in range(len(text) - 4, 0, -1):
        if kind_of(text[start:]) == kind and title_in(text[start:]):
            return text[start:]
    return part


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。；;，,]{2,28}$")


def _heading(context: list[TextLine]) -> str | None:
    """A table printed without a title is named by the heading just above it
    ("二、部门决算单位基本情况")."""
    for line in reversed(context[-4:]):
        text = compact(line.text)
        if line.heading or _HEADING.match(text):
            return text.lstrip("#").strip() or None
    return None


def _code(context: list[TextLine]) -> str | None:
    """The table code printed above the table (its lines joined: "公开" over "04表"), or on a line a
    little further up when the grid's own first row added lines of title, 部门： and 单位： below it."""
    joined = "".join(compact(line.text) for line in context[-6:])
    return code_in(joined) or next((c for line in reversed(context[-12:]) if (c := code_in(line.text))), None)


def _unit(context: list[TextLine]) -> str | None:
    for line in reversed(context):
        found = [u for u in _UNIT.findall(compact(line.text)) if "单位" not in u]
        if found:
            return "万元" if found[-1] == "万" else found[-1]  # "单位：万" with its 元 lost or left off
    return None


def _is_toc(grid, context) -> bool:
    """A table of contents set as a table: names with page numbers, no amounts."""
    if any(compact(line.text) == "目录" for line in context):
        return not any(is_amount(c.text) for row in grid for c in row)
    rows = [[c.text.strip() for c in row if c.text and c.text.strip()] for row in grid]
    rows = [r for r in rows if r]
    return len(rows) >= 3 and all(len(r) == 2 and r[1].isdigit() and int(r[1]) < 1000 and "章" not in r[0]
                                  and re.match(r"^(第.部分|[一二三四五六七八九十]+、)", compact(r[0])) for r in rows)


_VALUE_LABEL = re.compile(r"合计|小计|支出|收入|结余|结转|金额|决算数|预算数|本年预算|上年预算|增减")


_ONE_SIDED = {"收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表", "政府性基金预算财政拨款收入支出决算表",
              "国有资本经营预算财政拨款支出决算表",
              "财政拨款支出预算表", "一般公共预算支出预算表", "政府性基金预算支出表", "国有资本经营预算支出表"}


def _align_rows(header, body, width: int, warn):
    """Rows of a one-sided subject table printed with their amounts offset from the header (a
    page whose grid dropped or added empty columns): the row's first amount is its 合计, so its
    amounts move, in order, to start under the header's first amount label.  Keys left of the
    amounts stay where they are; a move that would cover a printed cell is not made."""
    v0 = next((j for j in range(width) for row in header if not _is_sequence(row)
               and _VALUE_LABEL.search(compact(row[j].text or "")) and not _LABEL_HEADER.search(compact(row[j].text or ""))),
              None)
    if v0 is None:
        return body
    body = list(body)
    moved_rows: list[int] = []
    for i, row in enumerate(body):
        start = next((j for j, c in enumerate(row) if is_amount(c.text)), None)
        if start is None or start == v0:
            continue
        shift = v0 - start
        if shift < 0 and any((row[j].text or "").strip() for j in range(start + shift, start)):
            continue
        if shift > 0 and any((row[j].text or "").strip() for j in range(width - shift, width)):
            continue
        blank = Cell("", row[0].page, row[0].line)
        if shift > 0:
            cells = list(row[:start]) + [blank] * shift + list(row[start:width - shift])
        else:
            cells = list(row[:start + shift]) + list(row[start:]) + [blank] * (-shift)
        body[i] = tuple(cells)
        moved_rows.append(i)
    if moved_rows:
        first = body[moved_rows[0]][0]
        warn(f"{len(moved_rows)} 行的数值与表头错位印刷（如第 {first.line or first.page} {'行' if first.line else '页'}），"
             "已按各行第一个数值为合计对应表头", first)
    return body


# --- header -----------------------------------------------------------------------------------


def _is_sequence(row) -> bool:
    """A 栏次 row: 1 2 3 … (possibly after a label)."""
    if any(is_amount(c.text) for c in row):
        return False
    words = [compact(c.text) for c in row if c.text and c.text.strip() and not c.text.strip().isdigit()]
    if any(w not in _KEY_JUNK and not set(w) <= set("类款项栏行次。.、·") for w in words):
        return False  # a row that names something is a body row, not the column numbering
    nums = [int(c.text.strip()) for c in row if c.text and c.text.strip().isdigit() and len(c.text.strip()) <= 2]
    return len(nums) >= 2 and nums[0] <= 2 and nums == sorted(nums) and len(set(nums)) == len(nums)


def _header_count(grid) -> int:
    for i, row in enumerate(grid):
        if (any(is_amount(c.text) for c in row) or _whole_figures(row)) and not _is_sequence(row):
            return i
    # no amounts: an empty standard table (its header ends at its 栏次 row) or a table of text
    # and counts (its first row is the header)
    sequence = [i for i, row in enumerate(grid) if _is_sequence(row)]
    if sequence:
        return sequence[-1] + 1
    # without a 栏次 row, an empty standard table's header (two or three rows of labels: 项目 |
    # 本年支出 over 科目编码 | 科目名称 | 小计 …) ends above its 合计 row, when nothing above that row
    # prints a digit
    total = next((i for i in range(len(grid)) if _total_row(grid, i)), None)
    if total and not any(re.search(r"\d", c.text or "") for row in grid[:total] for c in row):
        return 1 + max((i for i in range(total) if _first_text(grid[i])), default=total - 1)  # blank rows are body
    # a table printed empty under a header of several rows (财政拨款“三公”经费 over 合计 | 因公出国（境）费
    # … over 预算数 | 决算数): every labelled row is header, when blank rows follow them and no
    # label prints a digit
    labelled = [i for i, row in enumerate(grid) if _first_text(row)]
    if labelled and labelled[-1] + 1 < len(grid) \
            and not any(re.search(r"\d", c.text or "") for row in grid[:labelled[-1] + 1] for c in row):
        return labelled[-1] + 1
    return 1 if len(grid) > 1 else len(grid)


def _whole_figures(row) -> bool:
    """A row of figures printed as whole numbers only (1276 | 418 | 80 | – | 237): nothing on it
    but numbers and dashes, two numbers at least."""
    states = [parse_value(c.text).state for c in row]
    return states.count("number") >= 2 and all(s in ("number", "dash", "blank") for s in states)


def _total_row(grid, i: int) -> bool:
    """Row i opens the body with its 合计: the row's first label is a total, printed at the row's
    start, not a column's label inside a header of several rows — one under a parent label merged
    over it (cells before it None), or one merged down over the row below (the cell under it None)."""
    row = grid[i]
    k = next((j for j, c in enumerate(row) if c.text and c.text.strip()), None)
    if k is None or not _TOTAL.match(compact(row[k].text)) or any(c.text is None for c in row[:k]):
        return False
    return not (i + 1 < len(grid) and k < len(grid[i + 1]) and grid[i + 1][k].text is None)


def _labels_on_the_total_row(header, body, cols: list[_Col], width: int):
    """An empty table whose sub-header labels stand on its 合计 row (the rule between them not
    printed: 本年支出 over three columns, 合计 | 基本支出 | 项目支出 beside the row's 合计): the
    labels are the header's, under their parent, and the row prints nothing there."""
    if not body or any(is_amount(c.text) for row in body for c in row):
        return header, body, cols
    paths = Counter(c.path for c in cols if c.path)
    shared = [c for c in cols if c.path and paths[c.path] > 1]
    first = body[0]
    if not shared or not _TOTAL.match(_first_text(first)) \
            or not all(compact(first[c.index].text or "") in STANDARD_COLUMNS for c in shared):
        return header, body, cols
    moved = {c.index for c in shared}
    labels = tuple(cell if j in moved else Cell("", cell.page, cell.line) for j, cell in enumerate(first))
    rest = tuple(Cell("", cell.page, cell.line, cell.bbox) if j in moved else cell for j, cell in enumerate(first))
    header, body = list(header) + [labels], [rest] + list(body[1:])
    return header, body, _columns(header, body, width)


def _first_text(row) -> str:
    return next((compact(c.text) for c in row if c.text and c.text.strip()), "")


def _split_run_on_headers(filled: list[list[Cell]], width: int) -> None:
    """Two standard column labels printed in one cell over a column with no header of its own
    ("本年支出合计基本支出" above 292.90 | 101.37, as OCR joins them): each label to its column."""
    for row in filled:
        for j in range(width - 1):
            text = compact(row[j].text or "")
            if not text or any(re.search(r"[\u4e00-\u9fff]", r[j + 1].text or "") for r in filled if not _is_sequence(r)):
                continue
            split = next(((text[:k], text[k:]) for k in range(2, len(text) - 1)
                          if text[:k] in STANDARD_COLUMNS and text[k:] in STANDARD_COLUMNS), None)
            if split:
                row[j] = Cell(split[0], row[j].page, row[j].line, row[j].bbox)
                row[j + 1] = Cell(split[1], row[j].page, row[j].line, row[j].bbox)


def _columns(header, body, width: int) -> list[_Col]:
    filled = [list(row) for row in header]
    _split_run_on_headers(filled, width)
    centres = _centres(header + body, width)
    for i, row in enumerate(filled):
        for j in range(1, width):
            cell = row[j]
            if cell.text is None:  # merged (PDF): spans from the left if the left cell reaches here
                left = next((row[k] for k in range(j - 1, -1, -1) if row[k].text is not None), None)
                if left and left.text and left.bbox and centres[j] is not None and left.bbox[2] >= centres[j]:
                    row[j] = Cell(left.text, left.page, left.line, left.bbox)
            elif not cell.text.strip() and i < len(filled) - 1 and row[j - 1].text and row[j - 1].text.strip():
                # a parent label spans to the right over the labels printed under it, and never
                # past a column whose own parents differ
                below = [filled[k][j].text for k in range(i + 1, len(filled)) if not _is_sequence(filled[k])]
                same_parents = all((filled[k][j].text or "") == (filled[k][j - 1].text or "") for k in range(i))
                if (any(b and b.strip() for b in below) and same_parents
                        and not _LABEL_HEADER.search(compact(row[j - 1].text))):
                    row[j] = row[j - 1]
    cols = []
    for j in range(width):
        parts: list[str] = []
        for row in filled:
            if _is_sequence(row):
                continue
            t = compact(row[j].text or "")
            if not re.search(r"[\u4e00-\u9fff]", t):
                continue  # header labels are Chinese; OCR debris ("tii E") and 栏次 numbers are not
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        cols.append(_Col(j, "/".join(parts), _column_kind([row[j].text for row in body], "/".join(parts))))
    return cols


def _align_to_sequence(cols: list[_Col], header, warn) -> list[_Col]:
    """The 栏次 row (1 2 3 …) is printed over the value columns themselves; where the labels
    above it sit one place off (a merged header cell read into the wrong column), the labels
    go, in order, onto the numbered columns."""
    seq = next((row for row in header if _is_sequence(row)), None)
    if seq is None:
        return cols
    numbered = [j for j, c in enumerate(seq) if c.text and c.text.strip().isdigit()]
    labelled = [c for c in cols if c.path and not _LABEL_HEADER.search(c.path.split("/")[-1])
                and _VALUE_LABEL.search(c.path)]
    if len(numbered) != len(labelled) or [c.index for c in labelled] == numbered:
        return cols
    paths = {j: c.path for j, c in zip(numbered, labelled)}
    out = []
    for c in cols:
        if c.index in paths:
            out.append(_Col(c.index, paths[c.index], c.kind))
        elif c in labelled:
            out.append(_Col(c.index, "", c.kind))
        else:
            out.append(c)
    warn("表头与栏次行错位，已按栏次对应表头：" + "、".join(paths.values()))
    return out


def _centres(grid, width: int) -> list[float | None]:
    best: list[tuple[float, float] | None] = [None] * width
    for row in grid:
        for j, cell in enumerate(row[:width]):
            if cell.text is not None and cell.bbox:
                span = cell.bbox[2] - cell.bbox[0]
                if best[j] is None or span < best[j][0]:
                    best[j] = (span, (cell.bbox[0] + cell.bbox[2]) / 2)
    return [b[1] if b else None for b in best]


# A header that names a figure: a total, an income or spending, a fee, an amount or a count.
_FIGURE_HEADER = re.compile(r"合计|小计|总计|支出|收入|结余|结转|金额|经费|资金|拨款|预算|决算|[费数额]$")


def _names_figure(path: str) -> bool:
    """A column whose header names a figure (培训费, “三公”经费/小计, 在职人数): a whole number
    printed there (700, 237) is that figure without decimals, never a subject code or a row
    number, which stand under 编码/类/款/项/行次 or under no header at all."""
    leaf = path.split("/")[-1] if path else ""
    return bool(_FIGURE_HEADER.search(leaf)) and not _LABEL_HEADER.search(leaf) and not _ROWNO_HEADER.match(leaf)


def _column_kind(texts: list[str | None], path: str) -> str:
    leaf = path.split("/")[-1] if path else ""
    if _ROWNO_HEADER.match(leaf):
        return "rowno"
    if re.search(r"编码|代码|^类$|^款$|^项$|^类款项$", leaf):
        return "code"  # whatever a misaligned row prints there, the header makes it a key column
    if re.search(r"科目名称|^项目$|^项目[（(]", leaf):
        return "text"
    figure = _names_figure(path)
    counts: Counter[str] = Counter()
    for t in texts:
        v = parse_value(t)
        if v.state == "blank":
            continue
        if v.state == "dash" or is_amount(t):
            counts["amount"] += 1
        elif figure and v.state == "number":
            counts["int"] += 1  # a whole number under 培训费 is 700 of it, not subject code 700
        elif code_digits(t) or _LEADING_CODE.match(t or ""):
            digits = code_digits(t) or _LEADING_CODE.match(t).group(1)
            counts["code" if len(digits) >= 3 else "int"] += 1
        elif v.state == "number":
            counts["int"] += 1
        else:
            counts["text"] += 1
    if not counts:
        return "blank"
    kind, n = counts.most_common(1)[0]
    total = sum(counts.values())
    if counts["amount"] and counts["amount"] >= 0.5 * total:
        return "amount"
    if kind == "int" and counts["code"]:
        kind = "code"
    if kind == "int":
        return "code" if re.search(r"编码|^类$|^款$|^项$", leaf) else "int"
    return kind if n >= 0.5 * total else "text"


def _groups(cols: list[_Col]) -> list[list[_Col]]:
    groups: list[list[_Col]] = [[]]
    first_header = ""
    for col in cols:
        current = groups[-1]
        has_value = any(c.kind == "amount" for c in current)
        leaf = col.path.split("/")[-1] if col.path else ""
        if (current and has_value and col.kind in ("code", "text")
                and (_LABEL_HEADER.search(leaf) or (leaf and leaf == first_header))):
            groups.append([col])
            continue
        if not current:
            first_header = leaf
        current.append(col)
    return [g for g in groups if g]


_AMOUNT_TEXT = re.compile(r"^-?\d[\d,]*\.\d{2}$")
_LABEL_AMOUNT = re.compile(r"^([\u4e00-\u9fff（）()]*?(?:合计|总计))\s*(-?\d[\d,]*\.\s?\d{2})$")


def _spanning_totals(body, groups: list[list[_Col]], warn) -> list[list]:
    """Side by side, a total's label may be printed in one group and its value further right
    (人员经费合计 680.30 | 公用经费合计 ⟶ | 30.20): where a group's 合计/总计 label has no value
    and a group to its right, past groups left blank on that row, has a value but no label, the
    value is the total's."""
    if len(groups) < 2:
        return body
    splits = [_key_value_split(g) for g in groups]

    def text(cells, col) -> str:
        return (cells[col.index].text or "").strip() if col.index < len(cells) else ""

    out = []
    for row in body:
        cells = list(row)
        for i, (keys, values) in enumerate(splits):
            label = " ".join(text(cells, k) for k in keys)
            if not re.search(r"合计|总计", label) or any(text(cells, v) for v in values):
                continue
            joined = [(k, m) for k in keys if (m := _LABEL_AMOUNT.match(text(cells, k)))]
            if len(joined) == 1 and values:
                # the total's name and its amount printed in one cell (人员经费合计\n93.08): apart
                k, m = joined[0]
                cells[k.index] = replace(cells[k.index], text=m.group(1))
                cells[values[0].index] = replace(cells[k.index], text=m.group(2))
                warn(f"“{compact(m.group(1))}”的数值与名称印在同一格，已分开读取")
                continue
            # the value is in the first group to the right that prints one, past groups left blank
            for next_keys, next_values in splits[i + 1:]:
                stray = [k for k in next_keys if text(cells, k)]
                if len(values) == 1 and len(stray) == 1 and _AMOUNT_TEXT.match(text(cells, stray[0])) \
                        and not any(text(cells, v) for v in next_values):
                    # the value slipped one column left, under the next group's name (公用经费合计 … 76.14)
                    cells[values[0].index], cells[stray[0].index] = cells[stray[0].index], cells[values[0].index]
                    warn(f"“{compact(label)}”的数值印在右侧一栏，已归入该行")
                    break
                if stray or len(next_values) != len(values):
                    break
                if any(text(cells, v) for v in next_values):
                    for v, n in zip(values, next_values):
                        cells[v.index], cells[n.index] = cells[n.index], cells[v.index]
                    warn(f"“{compact(label)}”的数值印在右侧一栏，已归入该行")
                    break
        out.append(cells)
    return out


def _key_value_split(members: list[_Col]) -> tuple[list[_Col], list[_Col]]:
    def whole_figures(c: _Col) -> bool:  # whole numbers or nothing, under a header that names a figure
        return c.kind in ("int", "blank") and _names_figure(c.path)

    first_value = next((i for i, c in enumerate(members) if c.kind == "amount"), None)
    if first_value is not None:
        # figures printed as whole numbers just left of the first amount (合计 1276 | 小计 418.26)
        while first_value > 0 and whole_figures(members[first_value - 1]):
            first_value -= 1
    elif any(c.kind == "text" for c in members):
        # a table of text: the first text column (after 序号) names the row
        first_text = next(i for i, c in enumerate(members) if c.kind == "text")
        first_value = min(first_text + 1, len(members))
    else:  # whole numbers only, or a table printed empty: from the first column that names a figure
        first_value = next((i for i, c in enumerate(members) if whole_figures(c)), min(1, len(members)))
    keys = [c for c in members[:first_value]]
    # 行次/栏次 numbers and subject codes are not figures
    values = [c for c in members[first_value:] if c.kind not in ("rowno", "code")]
    return keys, values


def _aligned_paths(values: list[_Col], body, warn) -> dict[int, str]:
    """Header path per value column.  Where the body's value columns sit offset against the
    header labels (every value column one place left of its label, say), labels are matched to
    value columns in order, and a warning says so."""
    paths = {c.index: c.path for c in values}
    used = [c for c in values if any(parse_value(row[c.index].text).state != "blank" for row in body)]
    labelled = [c for c in values if c.path]
    if used and labelled and any(not c.path for c in used):
        # the body's first value column belongs under the header's first value label
        shift = labelled[0].index - used[0].index
        by_index = {c.index: c for c in values}
        if shift and all(by_index.get(c.index + shift) is not None and by_index[c.index + shift].path for c in used):
            for c in used:
                paths[c.index] = by_index[c.index + shift].path
            warn(f"表体数值列与表头错位 {shift:+d} 列，已按顺序对应表头：" + "、".join(paths[c.index] for c in used))
    return paths


# --- rows -------------------------------------------------------------------------------------


def _shifted(row, keys, values, warn):
    """A row printed one or more places right of its columns: no key cell holds anything and its
    first printed cell, text, stands under a value column.  Read it from its label on."""
    if not keys or any((row[c.index].text or "").strip() for c in keys):
        return row
    first = next((c for c in values if (row[c.index].text or "").strip()), None)
    if first is None or parse_value(row[first.index].text).state != "text":
        return row
    label_col = next((c for c in reversed(keys) if c.kind == "text"), keys[-1])
    shift = first.index - label_col.index
    if shift <= 0:
        return row
    blank = Cell("", row[0].page, row[0].line)
    warn(f"“{clean_label(row[first.index].text)}”一行整体右移 {shift} 列印刷，按其名称所在位置对应表头", row[first.index])
    return tuple(row[shift:]) + (blank,) * shift


def _shifted_left(row, keys, values, warn):
    """A named row printed one or more places left of its columns (its amounts start under a
    key column, as after a page break that dropped a column): read its amounts from the first
    value column on, when every amount then lands under a value column."""
    if not keys or not values:
        return row
    key_idx = {c.index for c in keys}
    amounts = [c.index for c in keys + values if is_amount(row[c.index].text)]
    stray = [i for i in amounts if i in key_idx]
    if not stray:
        return row
    start = min(stray)
    named = any((row[c.index].text or "").strip() and not is_amount(row[c.index].text) for c in keys if c.index < start)
    k = values[0].index - start
    value_idx = {c.index for c in values}
    if not named or k <= 0 or not all(i + k in value_idx for i in amounts if i >= start):
        return row
    end = values[-1].index
    if any((row[i].text or "").strip() for i in range(end - k + 1, end + 1)):
        return row
    blank = Cell("", row[0].page, row[0].line)
    moved = list(row)
    for i in range(end, start + k - 1, -1):
        moved[i] = row[i - k]
    for i in range(start, start + k):
        moved[i] = blank
    warn(f"第 {row[0].line or ''} 行数值整体左移 {k} 列印刷，按顺序对应表头", row[start])
    return tuple(moved)


def _logical_row(r, g, row, keys, values, paths, hierarchy, warn) -> LogicalRow | None:
    row = _shifted_left(_shifted(row, keys, values, warn), keys, values, warn)
    digits: list[str] = []
    label_parts: list[str] = []
    stray: list[tuple[_Col, Cell]] = []
    for col in keys:
        cell = row[col.index]
        text = (cell.text or "").strip()
        if not text:
            continue
        if col.kind == "rowno":
            continue
        if is_amount(text):
            stray.append((col, cell))
            continue
        d = code_digits(text)
        m = _LEADING_CODE.match(text) if not d else None
        if col.kind in ("code", "int") or (d and len(d) >= 3):
            if d:
                digits.append(d)
                continue
            if m:
                digits.append(m.group(1))
                continue
            if compact(text) in _KEY_JUNK or not re.search(r"[\u4e00-\u9fff]{2}", compact(text)):
                continue  # OCR debris in the code column (a spaced 合 计 there is the total's name)
        t = clean_label(text)
        if compact(t) not in _KEY_JUNK:
            label_parts.append(t)
    totals = [p for p in label_parts if _TOTAL.match(compact(p))]
    if totals:  # OCR debris beside 合计 in the code columns is not part of the name
        label_parts = totals[:1]
    label = "".join(label_parts) if all(_cjk_edge(p) for p in label_parts) else " ".join(label_parts)
    cells = [(Column(c.index, paths[c.index], g), row[c.index]) for c in values
             if parse_value(row[c.index].text).state != "blank"]
    for col, cell in stray:
        header = col.path or "（无表头）"
        warn(f"“{label or '（无名称）'}”一行的数值 {cell.text} 印在“{header}”列下，与表头错位；按印刷位置保留", cell)
        cells.append((Column(col.index, header, g), cell))
    if not label and not digits and not cells:
        return None
    code, level, parent = _subject_code(digits, label, hierarchy, warn, row[keys[0].index] if keys else row[0])
    if not label and not code and not any(parse_value(c.text).state in ("number", "dash") for _, c in cells):
        return None
    return LogicalRow(r, g, label, code, level, parent, tuple(cells))


def _cjk_edge(part: str) -> bool:
    return bool(part) and not part[-1].isascii()


_LEVELS = {3: "类", 5: "款", 7: "项"}


def _subject_code(digits: list[str], label: str, hierarchy: dict[str, str], warn, cell: Cell):
    """Read a subject code printed whole, split across cells (201 | 06 | 01) or broken by OCR
    (20 | 1, 2010 | 0504), checked against the codes printed above it."""
    if not digits or _TOTAL.match(compact(label)):
        return None, None, None
    joined = "".join(digits)
    # a later cell that is a whole code beginning with the cells before it repeats them (OCR
    # printed the prefix twice: "21 | 21004", "20 | 2080501")
    repeated = [d for d in digits[1:] if len(d) in _LEVELS and d.startswith(digits[0])]
    candidates: list[str] = repeated[:1] or [joined]
    if len(joined) not in _LEVELS and not repeated:
        candidates += digits
        for a, b in zip(digits, digits[1:]):
            candidates += [a + b[k:] for k in range(1, min(len(a), len(b))) if a[-k:] == b[:k]]
            if len(a) >= 3:
                candidates.append(a[:3] + b)
    lei, kuan = hierarchy.get("类"), hierarchy.get("款")

    def fits(c: str) -> int:
        """2: consistent with the codes printed above; 1: nothing above to check; 0: not."""
        if len(c) == 7:
            return (2 if (kuan and c.startswith(kuan)) or (lei and c.startswith(lei)) else 0) if (kuan or lei) else 1
        if len(c) == 5:
            return (2 if c.startswith(lei) else 0) if lei else 1
        return (2 if c > lei else 0) if lei else 1  # codes are printed in ascending order

    valid = [c for c in dict.fromkeys(candidates) if len(c) in _LEVELS]
    if not valid:
        warn(f"科目编码“{' | '.join(digits)}”无法识别为类/款/项编码，按印刷保留", cell)
        return joined, None, None
    best = max(valid, key=lambda c: (c == candidates[0], fits(c), len(c)))
    if best != joined:
        warn(f"科目编码印刷为“{' | '.join(digits)}”，识别为 {best}", cell)
    level = _LEVELS[len(best)]
    hierarchy["类"] = best[:3]
    if level == "类":
        hierarchy.pop("款", None)
        parent = None
    else:
        hierarchy["款"] = best[:5]
        parent = best[:3] if level == "款" else best[:5]
    return best, level, parent
