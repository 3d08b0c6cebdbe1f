"""Reconciliation checks measured: what each rule finds in the indexed reports, how long it
takes, whether a PDF twin gives the same findings as its text, and whether each planted error in
the generated report is caught with nothing found on its consistent version.

    .venv/bin/python benchmarks/checks.py [--index var/index] [--list] [--typos 40 [--seed 7]] [--peer]

--list prints every error and notice (not the rounding differences) for review by hand.
--typos N plants N single-figure changes in each real text report, one at a time: a table cell
of a standard table or an amount in the narrative, printed 1.00 higher; a change is caught when
an error cites the changed figure (or, for a rate, the sentence printing it) where it is printed.
--words N plants N single-word changes of each kind in each real text report, one at a time: 大于↔小于
where the narrative compares a figure with its budget or the year before (决算数小于全年预算数),
增加↔减少 before an amount other than zero (较上年增加4.53万元); a change is caught when an error the unchanged report
does not have cites the changed paragraph.  --years N plants, one at a time, up to N headings or
titles and N year-end dates (截至2023年12月31日) of each real text report printed with the year
before; caught when an error the unchanged report does not have cites the changed line.  --seed
picks the words and years changed (7 is the one the rules were looked at with; report another as
held out).  --removal removes each standard table of each real text report in turn, its 目录 entry
kept; caught when a new structure finding names the missing table.  --peer makes the public
peer's ten kinds of planted error (issue 14) once each in the real 普陀财政局 2024 PDF (PEER_PLANTS:
its text layer edited, or its 三公 page taken out); caught when a finding the unplanted report does
not have cites the changed place.  --only runs just the planted changes asked for.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def indexed(folder: Path, show: bool) -> None:
    from checks import check_document, counts
    from index.store import Store

    with Store(folder, readonly=True) as store:
        names = [d["name"] for d in store.documents()]
        results, seconds = {}, {}
        for name in names:
            start = time.perf_counter()
            results[name] = check_document(store, name)
            seconds[name] = time.perf_counter() - start
    print(f"{'document':<46} {'error':>5} {'round':>5} {'notice':>6} {'ms':>6}")
    for name in names:
        c = counts(results[name])
        print(f"{name[:46]:<46} {c['error']:>5} {c['rounding']:>5} {c['notice']:>6} {seconds[name] * 1000:>6.0f}")
    by_rule = Counter((f.rule, f.severity) for found in results.values() for f in found)
    print("\nby rule:", ", ".join(f"{rule}/{sev} {n}" for (rule, sev), n in sorted(by_rule.items())))
    total = sum(seconds.values())
    print(f"all documents: {total:.2f} s, {total / len(names) * 1000:.0f} ms per document")
    twins = [(n, n[:-4] + ".pdf") for n in names if n.endswith(".txt") and n[:-4] + ".pdf" in results]
    for text, pdf in twins:
        a = Counter((f.rule, f.severity, f.printed, f.expected) for f in results[text])
        b = Counter((f.rule, f.severity, f.printed, f.expected) for f in results[pdf])
        same = sum((a & b).values())
        print(f"twin {text[:3]}: text {sum(a.values())}, pdf {sum(b.values())}, same {same}")
    if show:
        print("\nerrors and notices:")
        for name in names:
            for f in results[name]:
                if f.severity != "rounding":
                    print(f"- {name} [{f.severity}] {f.rule}: {f.message}")


def planted() -> None:
    from synthetic_report import PLANTS, write_report

    from checks import check_index
    from checks.rules import RULES
    from index.store import Store
    from ingest import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store(folder / "index") as store:
            for plant in [None, *PLANTS]:
                store.put(ingest_file(write_report(folder, plant)))
        results = check_index(folder / "index")
    clean = results["synthetic_consistent.txt"]
    RULES = tuple(r for r in RULES if r.id in PLANTS)  # the others are planted by their own tests (planted_issue14)
    caught = [r.id for r in RULES if any(f.rule == r.id and f.severity == "error"
                                         for f in results[f"synthetic_{r.id}.txt"])]
    print(f"\nplanted errors caught by their rule: {len(caught)}/{len(RULES)}"
          f"{'' if len(caught) == len(RULES) else ' — missed: ' + ', '.join(r.id for r in RULES if r.id not in caught)}")
    print(f"findings on the consistent report: {len(clean)}")
    rounding = results["synthetic_rounding.txt"]
    print(f"a cent off: {len(rounding)} findings, severities {sorted({f.severity for f in rounding})}")
    for r in RULES:
        other = sorted({f.rule for f in results[f"synthetic_{r.id}.txt"]} - {r.id})
        print(f"  {r.id}: also {', '.join(other) or '—'}")


def planted_issue14() -> None:
    """The plants of tests/test_checks_wording.py (words against numbers, classifications, project
    forms, counts): each caught by its rule at its severity, nothing on their consistent report."""
    from test_checks_wording import PLANTED, consistent_text, _substituted

    from checks import check_index
    from index.store import Store
    from ingest import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = {"consistent.txt": consistent_text()}
        texts.update({f"{name}.txt": _substituted(consistent_text(cells), subs)
                      for name, (subs, cells, _, _) in PLANTED.items()})
        with Store(folder / "index") as store:
            for name, text in texts.items():
                (folder / name).write_text(text, encoding="utf-8")
                store.put(ingest_file(folder / name))
        results = check_index(folder / "index")
    caught = [name for name, (_, _, rule, severity) in PLANTED.items()
              if any(f.rule == rule and f.severity == severity for f in results[f"{name}.txt"])]
    missed = [name for name in PLANTED if name not in caught]
    print(f"issue-14 plants caught by their rule: {len(caught)}/{len(PLANTED)}"
          + (f" — missed: {', '.join(missed)}" if missed else ""))
    print(f"findings on their consistent report: {len(results['consistent.txt'])}")


STANDARD = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
            "基本支出决算表", "三公经费支出决算表", "政府性基金预算财政拨款收入支出决算表"}


def _bump(printed: str) -> str:
    """The printed amount 1.00 higher, written the same way (thousands separators, decimals)."""
    from decimal import Decimal

    places = len(printed.split(".")[1]) if "." in printed else 0
    value = Decimal(printed.replace(",", "")) + 1
    text = f"{value:,.{places}f}" if "," in printed else f"{value:.{places}f}"
    return text


def typos(corpus: Path, per_report: int, show: bool = False, seed: int = 7) -> None:
    import random
    from collections import defaultdict

    from checks.report import money
    from index.store import Store
    from ingest import ingest_file

    rng = random.Random(seed)
    totals = defaultdict(lambda: [0, 0])
    by_rule: Counter = Counter()
    missed_kinds: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            doc = ingest_file(path)
            cells = [f for f in doc.facts if f.table_kind in STANDARD and f.line and f.number is not None
                     and money({"number": f.number, "unit": f.unit}) and f.number >= 1
                     and lines[f.line - 1].split("\t").count(f.value_text) == 1]
            sentences = [(i + 1, m) for i, line in enumerate(lines) if "\t" not in line
                         for m in re.finditer(r"(?<![\d.,])\d[\d,]*\.\d{2}(?=\s*万元)", line)]
            plan = [("table", c.line, c.value_text, c.table_kind) for c in rng.sample(cells, min(per_report, len(cells)))]
            plan += [("narrative", n, m.group(0), "说明") for n, m in rng.sample(sentences, min(per_report, len(sentences)))]
            with Store(Path(tmp) / path.stem) as store:
                for where, line_no, printed, kind in plan:
                    changed = list(lines)
                    new = _bump(printed)
                    if where == "table":
                        fields = changed[line_no - 1].split("\t")
                        fields[fields.index(printed)] = new
                        changed[line_no - 1] = "\t".join(fields)
                    else:
                        changed[line_no - 1] = changed[line_no - 1].replace(printed, new, 1)
                    changed_findings = _rechecked(store, Path(tmp) / path.name, changed)
                    errors = [f for f in changed_findings if f.severity == "error"
                              and any(c.line == line_no and (c.value == new or new in c.row) for c in f.cells)]
                    if not _tally(totals, (path.name[:3], where), errors, by_rule):
                        missed_kinds[kind] += 1
                        if show:
                            print(f"  missed {path.name[:3]} line {line_no} {kind}: {printed} → {new} "
                                  f"| {lines[line_no - 1][:90]}")
    print(f"\nsingle figures printed 1.00 higher in the real text reports ({per_report} table cells and "
          f"{per_report} narrative amounts each):")
    _shares(totals, ("table", "narrative"))
    print("  caught by:", ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))
    print("  missed, by where printed:", ", ".join(f"{k} {n}" for k, n in missed_kinds.most_common()))


_WORD_SWAPS = {
    "大于↔小于": (r"(大于|小于)(?=(?:全年|年初)?预算|上年)", {"大于": "小于", "小于": "大于"}),
    # before an amount that is not nothing (增加0.00万元 reads the same either way) and not a year
    "增加↔减少": (r"(增加|减少)(?=了?\s*(?!0(?:\.0+)?\s*(?:万元|%|元))(?!(?:19|20)\d{2}\s*年)\d)", {"增加": "减少", "减少": "增加"}),
}


def words(corpus: Path, per_report: int, show: bool = False, seed: int = 7) -> None:
    import random
    from collections import defaultdict

    from checks import check_document
    from index.store import Store
    from ingest import ingest_file

    rng = random.Random(seed)
    totals = defaultdict(lambda: [0, 0])
    by_rule: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            doc = ingest_file(path)
            spans = [(p.line, p.end_line or p.line) for p in doc.passages if p.line]
            plan = []
            for kind, (pattern, _) in _WORD_SWAPS.items():
                sites = [(i + 1, m.start(), m.group(1)) for i, line in enumerate(lines) if "\t" not in line
                         for m in re.finditer(pattern, line)]
                plan += [(kind, *site) for site in rng.sample(sites, min(per_report, len(sites)))]
            with Store(Path(tmp) / path.stem) as store:
                store.put(doc)
                before = {(f.rule, f.message) for f in check_document(store, path.name) if f.severity == "error"}
                for kind, line_no, at, word in plan:
                    changed = list(lines)
                    new = _WORD_SWAPS[kind][1][word]
                    changed[line_no - 1] = changed[line_no - 1][:at] + new + changed[line_no - 1][at + len(word):]
                    changed_findings = _rechecked(store, Path(tmp) / path.name, changed)
                    low, high = next(((a, b) for a, b in spans if a <= line_no <= b), (line_no, line_no))
                    errors = [f for f in changed_findings if f.severity == "error"
                              and (f.rule, f.message) not in before and any(c.line and low <= c.line <= high for c in f.cells)]
                    if not _tally(totals, (path.name[:3], kind), errors, by_rule) and show:
                        print(f"  missed {path.name[:3]} line {line_no} {word} → {new} | {lines[line_no - 1][max(0, at - 40):at + 30]}")
    print(f"\nsingle words changed in the real text reports (up to {per_report} of each kind each, seed {seed}):")
    _shares(totals, _WORD_SWAPS)
    print("  caught by:", ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))


_YEAR_END = r"(?:截至|截止)(?:到)?\s*{year}\s*年\s*(?:12\s*月\s*31\s*日|12\s*月\s*(?:末|底)|年?底|年?末)"


def _plain(line: str) -> str:
    """A text report's line without its Markdown marks (## , - , <b>)."""
    return re.sub(r"<[^>]+>|^\s*(?:#+|-)\s*", "", line).strip()


def years(corpus: Path, per_report: int, show: bool = False, seed: int = 7) -> None:
    """Planted years: in each real text report, up to N headings or titles that print the report's
    year (a line that is no sentence nor table row, 2023 年度部门决算表) and up to N year-end dates
    (截至2023年12月31日), one at a time, the year printed as the year before; caught when an error
    the unchanged report does not have cites the changed line."""
    import random
    from collections import defaultdict

    from checks import check_document
    from index.store import Store
    from ingest import ingest_file

    rng = random.Random(seed)
    totals = defaultdict(lambda: [0, 0])
    by_rule: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            doc = ingest_file(path)
            year = doc.meta.year
            headings = [i + 1 for i, line in enumerate(lines) if "\t" not in line and str(year) in line
                        and len(_plain(line)) <= 40 and not re.search(r"[。，,；;]", _plain(line))]
            dates = [i + 1 for i, line in enumerate(lines) if re.search(_YEAR_END.format(year=year), line)]
            plan = [("heading", n) for n in rng.sample(headings, min(per_report, len(headings)))]
            plan += [("date", n) for n in rng.sample(dates, min(per_report, len(dates)))]
            with Store(Path(tmp) / path.stem) as store:
                store.put(doc)
                before = {(f.rule, f.message) for f in check_document(store, path.name) if f.severity == "error"}
                for kind, line_no in plan:
                    changed = list(lines)
                    old = changed[line_no - 1]
                    if kind == "heading":
                        new = old.replace(str(year), str(year - 1))
                    else:
                        new = re.sub(_YEAR_END.format(year=year), lambda m: m.group(0).replace(str(year), str(year - 1)), old, 1)
                    changed[line_no - 1] = new
                    changed_findings = _rechecked(store, Path(tmp) / path.name, changed)
                    found = [f for f in changed_findings if (f.rule, f.message) not in before
                             and any(c.line == line_no for c in f.cells)]
                    errors = [f for f in found if f.severity == "error"]
                    if not _tally(totals, (path.name[:3], kind), errors, by_rule):
                        by_rule.update({f"{f.rule}/{f.severity}" for f in found})
                        if show:
                            print(f"  missed {path.name[:3]} line {line_no} {kind}: {_plain(old)[:60]} → {year - 1}"
                                  f"{' (' + ', '.join(f.severity for f in found) + ')' if found else ''}")
    print(f"\nyears printed as the year before in the real text reports (up to {per_report} headings and "
          f"{per_report} year-end dates each, seed {seed}):")
    _shares(totals, ("heading", "date"))
    print("  caught by (and, missed, what else cites the line):", ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))


def _rechecked(store, copy: Path, lines: list[str]) -> list:
    """The findings on the report printed as lines, ingested again under its own name."""
    from checks import check_document
    from ingest import ingest_file

    copy.write_text("\n".join(lines), encoding="utf-8")
    store.put(ingest_file(copy))
    return check_document(store, copy.name)


def _tally(totals: dict, key: tuple, errors: list, by_rule: Counter) -> bool:
    """One planted change counted under key, and caught when errors cite it; whether it was."""
    totals[key][0] += 1
    if errors:
        totals[key][1] += 1
        by_rule.update({f.rule for f in errors})
    return bool(errors)


def _shares(totals: dict, kinds) -> None:
    """Share caught per kind of change, and per report."""
    for kind in kinds:
        tried = sum(v[0] for k, v in totals.items() if k[1] == kind)
        caught = sum(v[1] for k, v in totals.items() if k[1] == kind)
        per = ", ".join(f"{k[0]} {v[1]}/{v[0]}" for k, v in sorted(totals.items()) if k[1] == kind)
        print(f"  {kind}: caught {caught}/{tried} = {caught / tried if tried else 0:.2f} ({per})")


def _table_block(lines: list[str], table, previous_end: int) -> tuple[int, int]:
    """The lines (1-based, inclusive) a text report prints one table on: from its heading or
    title (the first line naming it after the previous table) to its last row and the notes under it."""
    from domain.normalize import compact

    def key(text: str) -> str:
        return re.sub(r"[\"“”'‘’]", "", compact(_plain(text)))

    rows = [c.line for r in table.grid for c in r if c.line]
    first, last = min(rows), max(rows)
    names = (key(table.title), table.kind)
    start = next((n for n in range(max(previous_end + 1, first - 15), first + 1)
                  if any(name in key(lines[n - 1]) for name in names)), first)
    end = last
    while end < len(lines) and (not lines[end].strip() or _NOTE.match(key(lines[end]))):
        end += 1
    return start, end


_NOTE = re.compile(r"^(?:注|说明|备注|\^?\{?\d+[.、．])")  # 注：…, and its numbered lines (2. 当此表数据为空…)


def removal(corpus: Path, show: bool = False) -> None:
    """Each standard table removed in turn from each real text report (its heading, title, rows and
    notes), its 目录 entry kept; caught when a structure finding the unchanged report does not
    have names the missing table (its title or kind)."""
    from collections import defaultdict

    from checks import check_document
    from domain.normalize import compact
    from index.store import Store
    from ingest import ingest_file

    structure = {"contents-tables", "standard-tables"}
    totals = defaultdict(lambda: [0, 0])
    severities: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((corpus / "text").glob("*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            doc = ingest_file(path)
            blocks, end = [], 0
            for table in doc.tables:
                start, end = _table_block(lines, table, end)
                blocks.append((table, start, end))
            with Store(Path(tmp) / path.stem) as store:
                store.put(doc)
                before = {(f.rule, f.message) for f in check_document(store, path.name)}
                for table, start, end in blocks:
                    if table.kind not in STANDARD:
                        continue
                    changed = lines[:start - 1] + lines[end:]
                    changed_findings = _rechecked(store, Path(tmp) / path.name, changed)
                    names = {compact(table.title), table.kind}
                    found = [f for f in changed_findings if f.rule in structure
                             and (f.rule, f.message) not in before
                             and any(n in compact(f.message + f.expected) or any(n in compact(c.value) for c in f.cells)
                                     for n in names)]
                    totals[(path.name[:3], "removal")][0] += 1
                    if found:
                        totals[(path.name[:3], "removal")][1] += 1
                        severities.update({"error" if any(f.severity == "error" for f in found) else "notice"})
                    elif show:
                        print(f"  missed {path.name[:3]} {table.title} (lines {start}–{end})")
    print("\neach standard table removed in turn from the real text reports, its 目录 entry kept:")
    _shares(totals, ("removal",))
    print("  caught as:", ", ".join(f"{s} {n}" for s, n in severities.most_common()))


# --- the public peer's ten plants, recreated on the real 普陀财政局 2024 report (--peer) -------------

PUTUO = ROOT.parent / "shared" / "corpus" / "real" / "上海市普陀区财政局2024年度部门决算.pdf"

# name → (what the peer planted, page, anchor, old, new, mark): on that page, the first `old` after
# `anchor` (in the page's text as its content stream prints it) printed as `new`; a finding cites
# the plant when one of its cells on that page prints `mark`.  old None: that page taken out.
PEER_PLANTS = {
    "table_removed": ("目录 lists a table not printed", 18, "财政拨款“三公”经费支出决算表", None, None,
                      "财政拨款“三公”经费支出决算表"),
    "placeholder": ("XX局 where the department's name belongs", 23, "八、政府性基金", "上海市普陀区财政局", "XX局", "XX"),
    "heading_year": ("a heading saying 2023", 6, "第二部分", "2024", "2023", "2023"),
    "year_end_date": ("截至2023年12月31日", 24, "截至", "2024", "2023", "2023"),
    "blank_sangong": ("三公 cell blank, the text says 0.95", 23, "公务接待费支出决算为", "0.00", "0.95", "0.95"),
    "greater": ("决算数大于预算数 for 1511.89 against 1560.05", 22, "1511.89", "小于", "大于", "大于"),
    "equal": ("等于 for 60.99 against 62.29", 22, "60.99", "小于", "等于", "等于"),
    "doubled_stop": ("a doubled 。。", 21, "合同支付进度条款等原因减少支付", "。", "。。", "。。"),
    "total_zero": ("收入支出总计 stated as 0", 21, "收入支出总计", "2995.39", "0", "收入支出总计0万元"),
    "staff_total": ("a 合计 not equal to its rows (人员经费合计 2,152.26 printed 2,125.26)", 17, "人员经费合计",
                    "2,152.26", "2,125.26", "2,125.26"),
}


def _unicode_map(font) -> dict[int, str]:
    """A Type0 font's codes and the text its ToUnicode CMap gives each."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    return {int(code, 16): bytes.fromhex(text).decode("utf-16-be")
            for code, text in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", data)}


def _codes(string) -> bytes:
    """A content stream string's bytes as printed (pypdf may have read them as text)."""
    return getattr(string, "original_bytes", None) or bytes(string)


def _glyphs(operations, fonts) -> list[tuple[int, int | None, int, str, str]]:
    """Every glyph a page's content stream shows (Tj, TJ), in stream order: (operation, string of
    its TJ array or None, position of its two-byte code, font resource name, the text it stands for)."""
    out, font = [], None
    for at, (operands, operator) in enumerate(operations):
        if operator == b"Tf":
            font = operands[0]
        elif operator in (b"Tj", b"TJ"):
            text = _unicode_map(fonts[font].get_object())
            strings = [(None, operands[0])] if operator == b"Tj" else [
                (i, s) for i, s in enumerate(operands[0]) if not isinstance(s, (int, float)) and hasattr(s, "encode")]
            for element, string in strings:
                codes = _codes(string)
                out += [(at, element, i, font, text.get(int.from_bytes(codes[i:i + 2], "big"), ""))
                        for i in range(0, len(codes), 2)]
    return out


def _encode(writer, font, text: str) -> bytes:
    """text as codes of the font: the code its ToUnicode gives each character, or a new code
    added to the CMap for one it lacks (X: no glyph is drawn, but the text layer reads X)."""
    from pypdf.generic import NameObject, StreamObject

    back = {t: c for c, t in _unicode_map(font).items()}
    missing = [ch for ch in dict.fromkeys(text) if ch not in back]
    if missing:
        data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        entries = []
        for n, ch in enumerate(missing, start=max(back.values()) + 1):
            back[ch] = n
            entries.append(f"<{n:04X}> <{ord(ch):04X}>")
        data = data.replace("endcmap", f"{len(missing)} beginbfchar\n" + "\n".join(entries) + "\nendbfchar\nendcmap", 1)
        stream = StreamObject()
        stream.set_data(data.encode("latin-1"))
        font[NameObject("/ToUnicode")] = writer._add_object(stream)
    return b"".join(back[ch].to_bytes(2, "big") for ch in text)


def planted_pdf(source: Path, out: Path, page: int, anchor: str, old: str | None, new: str | None) -> Path:
    """The PDF with one printed thing changed in its text layer (PEER_PLANTS: on the page, the
    first old after anchor printed as new), or with the page taken out (old None); out."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ByteStringObject, ContentStream

    writer = PdfWriter()
    for number, original in enumerate(PdfReader(str(source)).pages, start=1):
        if old is not None or number != page:
            writer.add_page(original)
    if old is not None:
        target = writer.pages[page - 1]
        fonts = target["/Resources"]["/Font"]
        content = ContentStream(target.get_contents(), writer)
        glyphs = _glyphs(content.operations, fonts)
        text = "".join(g[4] for g in glyphs)
        at = text.index(old, text.index(anchor))
        # only what differs is printed anew, in the font of the first glyph it replaces (or, where
        # it is only added, of the glyph it follows)
        keep = len(os.path.commonprefix([old, new]))
        keep_end = len(os.path.commonprefix([old[keep:][::-1], new[keep:][::-1]]))
        first, last = at + keep, at + len(old) - keep_end
        into = first if first < last else first - 1
        strings: dict[tuple, list[bytes]] = {}
        for n, (op, element, pos, font, _) in enumerate(glyphs):
            printed = strings.setdefault((op, element), [])
            string = content.operations[op][0][0] if element is None else content.operations[op][0][0][element]
            if not first <= n < last:
                printed.append(_codes(string)[pos:pos + 2])
            if n == into:
                printed.append(_encode(writer, fonts[font].get_object(), new[keep:len(new) - keep_end]))
        for (op, element), printed in strings.items():
            if element is None:
                content.operations[op][0][0] = ByteStringObject(b"".join(printed))
            else:
                content.operations[op][0][0][element] = ByteStringObject(b"".join(printed))
        target.replace_contents(content)
    with open(out, "wb") as f:
        writer.write(f)
    return out



def _checked(folder: Path, pdf: Path) -> list:
    """The findings on one PDF ingested alone into a store at folder."""
    from checks import check_document
    from index.store import Store
    from ingest import ingest_file

    with Store(folder) as store:
        store.put(ingest_file(pdf))
        return check_document(store, pdf.name)


def peer_plants(folder: Path, names=None) -> tuple[list, dict[str, list], dict[str, list]]:
    """The findings on the unplanted 普陀财政局 report; for each plant (PEER_PLANTS, or those named)
    the findings that catch it — findings the unplanted report does not have (rule and message)
    citing the changed place (a cell on its page printing its mark; for the table taken out,
    naming the table) — and the other new findings."""
    from domain.normalize import compact

    baseline = _checked(folder / "baseline", PUTUO)
    before = {(f.rule, f.message) for f in baseline}
    caught, other = {}, {}
    for name in names or PEER_PLANTS:
        _, page, anchor, old, new, mark = PEER_PLANTS[name]
        (folder / name).mkdir(parents=True, exist_ok=True)
        pdf = planted_pdf(PUTUO, folder / name / PUTUO.name, page, anchor, old, new)
        found = [f for f in _checked(folder / name / "index", pdf) if (f.rule, f.message) not in before]
        if old is None:
            caught[name] = [f for f in found if compact(mark) in compact(f.message + f.expected)
                            or any(compact(mark) in compact(c.value) for c in f.cells)]
        else:
            caught[name] = [f for f in found if any(c.page == page and compact(mark) in compact(c.value + c.row)
                                                    for c in f.cells)]
        other[name] = [f for f in found if f not in caught[name]]
    return baseline, caught, other


def peer(show: bool = False) -> None:
    """The public peer's ten kinds of planted error (issue 14), each made once in the real 普陀财政局
    PDF's text layer: which are caught, by which rule and severity; the unplanted report's
    findings are the baseline."""
    with tempfile.TemporaryDirectory() as tmp:
        baseline, caught, other = peer_plants(Path(tmp))
    print(f"\nthe peer's plants on the real {PUTUO.stem} (one at a time):")
    print(f"  baseline, the unplanted report: {len(baseline)} findings")
    for f in baseline:
        print(f"    [{f.severity}] {f.rule}: {f.message[:90]}")
    for name, found in caught.items():
        what = PEER_PLANTS[name][0]
        how = ", ".join(sorted({f"{f.rule}/{f.severity}" for f in found})) or "MISSED"
        print(f"  {name:<14} {what[:60]:<60} {how}; other new findings {len(other[name])}")
        if show:
            for f in found + other[name]:
                print(f"      [{f.severity}] {f.rule}: {f.message[:100]}")
    print(f"  caught {sum(bool(v) for v in caught.values())}/{len(caught)}"
          f", as errors {sum(any(f.severity == 'error' for f in v) for v in caught.values())}/{len(caught)}")

def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", default=str(ROOT / "var" / "index"))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--typos", type=int, default=0)
    parser.add_argument("--words", type=int, default=0)
    parser.add_argument("--years", type=int, default=0)
    parser.add_argument("--removal", action="store_true")
    parser.add_argument("--peer", action="store_true", help="the public peer's ten plants on the real 普陀财政局 report")
    parser.add_argument("--only", action="store_true", help="only the planted changes asked for, not the index and plants")
    parser.add_argument("--seed", type=int, default=7, help="which random cells --typos and words --words changes")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    if not args.only:
        indexed(Path(args.index), args.list)
        planted()
        planted_issue14()
    if args.typos:
        typos(Path(args.corpus), args.typos, args.list, args.seed)
    if args.words:
        words(Path(args.corpus), args.words, args.list, args.seed)
    if args.years:
        years(Path(args.corpus), args.years, args.list, args.seed)
    if args.removal:
        removal(Path(args.corpus), args.list)
    if args.peer:
        peer(args.list)


if __name__ == "__main__":
    main()
