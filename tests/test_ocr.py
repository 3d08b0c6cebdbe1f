"""Issue 15: scanned reports read by OCR.  A scanned excerpt gives the cells its text report prints
(row, subject code, column, value); image-only copies made here (rendered, blurred, turned 1°) of
a PDF twin and of a real Shanghai report give their text layer's cells; a page with a text layer
is never OCR'd; a blank page or a photo gives a clear line and nothing invented; cells keep the
engine's confidence, low ones are marked, answers say so, checks call a total that does not add
up in an OCR'd table a reading notice.  The OCR cache is a fresh folder per session, shared by
the tests (a page is read once)."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from decimal import Decimal

import numpy as np
import pytest
from PIL import Image

from benchmarks.ocr import (cjk_font, image_only_copy, matched, numeric_keys, picture_page, rendered,
                            titled_image_copy)
from conftest import CORPUS, ROOT, ingested
from ingest import errors, ingest_file

SCANNED = CORPUS / "pdf" / "scanned_004_pages3-6.pdf"
TWIN_004 = CORPUS / "pdf" / "004_5522c362a8f8a79d.pdf"
TWIN_000 = CORPUS / "pdf" / "000_d038eb9fb139e057.pdf"
REAL = CORPUS / "real" / "上海市普陀区财政局2024年度部门决算.pdf"

# Measured (benchmarks/RESULTS.md, "Scanned reports"): pages 3–6 of 004 read 36/40, 18/18, 41/41
# and 14/14 of their numeric cells as the text layer prints them (page 3 opens with the end of a
# table whose header is on page 2, outside the scan: those four cells have no column name).  The
# copies read every cell.
SCANNED_FLOOR = {3: 0.85, 4: 0.94, 5: 0.97, 6: 0.97}
SCANNED_ALL_FLOOR = 0.95
COPY_FLOOR = 0.97


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory):
    old = os.environ.get("BUDGET_QA_OCR_CACHE")
    os.environ["BUDGET_QA_OCR_CACHE"] = str(tmp_path_factory.mktemp("ocr-cache"))
    yield
    if old is None:
        os.environ.pop("BUDGET_QA_OCR_CACHE", None)
    else:
        os.environ["BUDGET_QA_OCR_CACHE"] = old


@pytest.fixture(scope="session")
def scanned():
    return ingest_file(SCANNED)


def _shares(reference, doc, pages: list[int]) -> dict[int, float]:
    want = {p: c for p, c in numeric_keys(reference.facts).items() if p in pages}
    got = numeric_keys(doc.facts, {i: p for i, p in enumerate(pages, start=1)})
    return {p: m / n for p, (m, n) in matched(want, got).items()}


def test_scanned_004_gives_the_text_reports_cells(scanned):
    shares = _shares(ingested(TWIN_004), scanned, [3, 4, 5, 6])
    assert set(shares) == {3, 4, 5, 6}
    for page, floor in SCANNED_FLOOR.items():
        assert shares[page] >= floor, (page, shares)
    want = {p: c for p, c in numeric_keys(ingested(TWIN_004).facts).items() if p in (3, 4, 5, 6)}
    both = matched(want, numeric_keys(scanned.facts, {1: 3, 2: 4, 3: 5, 4: 6}))
    assert sum(m for m, _ in both.values()) / sum(n for _, n in both.values()) >= SCANNED_ALL_FLOOR
    assert scanned.meta.department == "九江市浔阳区数字经济发展中心" and scanned.meta.year == 2023
    assert all(f.confidence is not None and 0 < f.confidence <= 1 for f in scanned.facts)
    assert all(f.page in (1, 2, 3, 4) and f.bbox for f in scanned.facts)
    assert any("文字识别（OCR）" in w.message for w in scanned.warnings)


def test_what_ocr_reads_beyond_the_text_report_is_little(scanned):
    """Numbers read where the report prints none, or other numbers than it prints: on pages 5–6,
    whose tables the scan holds whole, none."""
    want = numeric_keys(ingested(TWIN_004).facts)
    got = numeric_keys(scanned.facts, {1: 3, 2: 4, 3: 5, 4: 6})
    for page in (5, 6):
        assert not (got[page] - want[page]), got[page] - want[page]


def test_the_scanned_tables_are_interpreted_as_the_pdfs(scanned):
    kinds = {t.kind for t in scanned.tables}
    assert {"收入决算表", "支出决算表", "财政拨款收入支出决算总表"} <= kinds
    income = next(t for t in scanned.tables if t.kind == "收入决算表")
    assert "本年收入合计" in {c.path for c in income.columns}
    fact = next(f for f in scanned.facts if f.table_kind == "支出决算表" and f.row_code == "201"
                and f.column == "基本支出")
    assert fact.value_text == "94.81" and fact.number == Decimal("94.81")  # printed "94. 81"


@pytest.mark.parametrize("source, pages", [(TWIN_000, [4]), (REAL, [8, 16])], ids=["twin-000", "shanghai"])
def test_an_image_only_copy_reads_as_its_text_layer(tmp_path, source, pages):
    copy = image_only_copy(source, pages, tmp_path / "copy.pdf", dpi=150, blur=0.6, angle=1.0)
    import pdfplumber

    with pdfplumber.open(copy) as pdf:
        assert not any(p.chars for p in pdf.pages)  # really image-only
    doc = ingest_file(copy)
    shares = _shares(ingested(source), doc, pages)
    assert all(share >= COPY_FLOOR for share in shares.values()), shares


# Measured (benchmarks/RESULTS.md, "Scanned reports"): image-only copies of the twin 002's unruled
# tables (no ruling line on these pages) read 42/42 (page 4), 144/154 and 150/152 (5–6: figures set
# lower than their codes, rows offset against the header), 79/79 and 70/70 (7–8: wrapped
# two-sided rows, a header over a row of hyphens, a table over the page break); before the boxes
# were given as a text layer's words, 0/42, 70/154, 4/152, 0/79 and 0/70.
UNRULED_FLOOR = {4: 0.97, 5: 0.93, 6: 0.97, 7: 0.97, 8: 0.97}
TWIN_002 = CORPUS / "pdf" / "002_5604d886435013c4.pdf"


@pytest.mark.parametrize("pages", [[4, 5, 6], [7, 8]], ids=["pages-4-6", "pages-7-8"])
def test_an_image_only_copy_of_unruled_tables_reads_as_its_text_layer(tmp_path, pages):
    import pdfplumber

    with pdfplumber.open(TWIN_002) as pdf:  # unruled in the twin: no rule for the reader to follow
        assert not any(pdf.pages[p - 1].lines or pdf.pages[p - 1].rects for p in pages)
    copy = image_only_copy(TWIN_002, pages, tmp_path / "copy.pdf", dpi=150, blur=0.6, angle=1.0)
    shares = _shares(ingested(TWIN_002), ingest_file(copy), pages)
    assert set(shares) == set(pages)
    assert all(shares[p] >= UNRULED_FLOOR[p] for p in pages), shares


def test_a_box_read_across_a_gutter_is_cut_where_its_text_changes_column():
    """A box cut at a gutter is cut at the seam whose width fits the ink before it, and never
    beside a punctuation mark, whose glyph's own blank looks like a gutter (一、 部门： （室）)."""
    from ingest.ocr_words import _seam

    def cut(text, share):
        widths = [1.0 if ord(ch) > 0x2000 else 0.55 for ch in text]
        at = _seam(text, widths, share * sum(widths))
        return None if at is None else (text[:at].strip(), text[at:].strip())

    assert cut("二十六、抗疫特别国债安排的支出 0.00", 15 / 17.2) == ("二十六、抗疫特别国债安排的支出", "0.00")
    assert cut("3,381.30本年支出合计", 0.4) == ("3,381.30", "本年支出合计")
    assert cut("功能分类科目编码科目名称", 8 / 12) == ("功能分类科目编码", "科目名称")
    assert cut("一、收入支出决算总表", 0.1) is None  # the blank after 一 is the 、's
    assert cut("政府办公厅（室）及相关机构事务", 5.5 / 15) is None


def test_a_cells_box_is_where_the_copy_prints_it(tmp_path):
    """The copy is turned by 1° and read straightened: each cell's box is turned back, so the
    citation's box lands on the cell of the page as printed (within half a point here)."""
    import math

    import pypdfium2 as pdfium

    from domain.normalize import compact

    copy = image_only_copy(TWIN_000, [4], tmp_path / "copy.pdf", angle=1.0)
    pdf = pdfium.PdfDocument(str(TWIN_000))
    width, height = pdf[3].get_size()
    pdf.close()

    def key(f):
        return compact(f.row_label), f.row_code, f.column, f.value_text

    printed = {key(f): f for f in ingested(TWIN_000).facts if f.page == 4}
    a = math.radians(1.0)  # PIL turns counter-clockwise about the centre
    off = []
    for f in ingest_file(copy).facts:
        ref = printed.get(key(f))
        if ref is None:
            continue
        x, y = (ref.bbox[0] + ref.bbox[2]) / 2 - width / 2, (ref.bbox[1] + ref.bbox[3]) / 2 - height / 2
        want = (math.cos(a) * x + math.sin(a) * y + width / 2, -math.sin(a) * x + math.cos(a) * y + height / 2)
        off.append(math.dist(want, ((f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2)))
    assert len(off) > 150 and sorted(off)[int(0.9 * len(off))] < 2.0, sorted(off)[-5:]


def test_a_pdf_with_a_text_layer_is_never_ocrd(monkeypatch):
    _refuse_ocr(monkeypatch)
    doc = ingest_file(TWIN_000)
    assert doc.facts and all(f.confidence is None for f in doc.facts)


def _refuse_ocr(monkeypatch):
    import ingest.ocr

    def refuse(*_, **__):
        raise AssertionError("a page with a text layer was sent to OCR")

    monkeypatch.setattr(ingest.ocr, "scan_pages", refuse)
    monkeypatch.setattr(ingest.ocr, "_engine_read", refuse)


def test_a_chinese_font_to_write_a_text_layer_with_is_installed():
    # scripts/install_chromium.sh installs fonts-wqy-zenhei for the test command: the titled pages
    # below are written with it, and are never skipped
    assert cjk_font() is not None


def test_a_title_over_an_image_of_the_table_is_ocrd(tmp_path):
    """Page 4 of twin 000 as a picture of its table under a text layer of its five title lines
    (二、收入决算表 … 单位：万元): OCR'd; the title lines come from the text layer, once each (what
    OCR reads at their place is dropped), and the facts are the twin's."""
    from domain.normalize import compact
    from ingest.model import TextLine
    from ingest.read_pdf import read_pdf

    copy = titled_image_copy(TWIN_000, 4, tmp_path / "titled.pdf")
    import pdfplumber

    with pdfplumber.open(copy) as pdf:
        page = pdf.pages[0]
        title = [compact(line["text"]) for line in page.extract_text_lines()]
        assert 0 < sum(map(len, title)) < 60 and not page.find_tables() and page.images
    raw = read_pdf(copy)
    assert raw.ocr_pages == (1,)
    assert any("文字层只有标题" in w.message for w in raw.warnings)
    first_table = next(i for i, b in enumerate(raw.blocks) if not isinstance(b, TextLine))
    above = [compact(b.text) for b in raw.blocks[:first_table]]
    assert above == [compact(nfkc_text) for nfkc_text in title]  # nothing OCR'd over the title kept
    assert all(b.bbox and b.bbox[0] > 70 for b in raw.blocks[:first_table])
    doc = ingest_file(copy)
    assert {t.kind for t in doc.tables} == {"收入决算表"}
    assert doc.meta.department == "泉州市数字泉州建设办公室"
    assert all(f.confidence is not None for f in doc.facts)
    shares = _shares(ingested(TWIN_000), doc, [4])
    assert shares[4] >= COPY_FLOOR, shares


def _picture(width: int = 900, height: int = 1200) -> Image.Image:
    """A picture with a few ruled boxes (what it shows does not matter: it is never read here)."""
    from PIL import ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(100, height - 100, 60):
        draw.line((60, y, width - 60, y), fill="black", width=2)
    return image


TITLE = [("二、收入决算表", 80, 45, 14), ("单位：万元", 450, 70, 10)]


@pytest.mark.parametrize("case, box, lines, read", [
    ("title over a page-wide picture", (40, 90, 570, 770), TITLE, True),
    ("a title and a page number", (40, 90, 570, 740), TITLE + [("- 4 -", 290, 770, 9)], True),
    ("more text than a title", (40, 90, 570, 770), TITLE + [("本表反映部门本年度取得的各项收入情况，" * 3, 60, 85, 9)], False),
    ("more lines than a title", (40, 200, 570, 770), [(f"第{i}行", 80, 20 + 25 * i, 10) for i in range(1, 7)], False),
    ("a small picture", (40, 300, 570, 640), TITLE, False),
    ("words over the middle of the picture (a cover)", (40, 60, 570, 700),
     [("江苏省人民检察院", 150, 200, 24), ("2017年部门预算", 150, 420, 24)], False),
])
def test_which_pages_with_a_text_layer_are_ocrd(tmp_path, case, box, lines, read):
    """The rule (domain.ocr TITLE_MAX_LINES, TITLE_MAX_CHARS, IMAGE_COVER, TITLE_BAND) on built
    pages: only a few short lines (a title, a 单位 line, a page number) with no table, over a
    picture covering most of the page and not set over its middle."""
    import pdfplumber

    from ingest.read_pdf import title_over_image

    path = picture_page(tmp_path / "page.pdf", (612, 792), _picture(), box, lines)
    with pdfplumber.open(path) as pdf:
        kept = title_over_image(pdf.pages[0], 1)
    assert (kept is not None) == read, (case, kept)
    if read:
        assert [line.text for line in kept] == [text.replace("：", ":") for text, *_ in lines]


def _corpus_pdfs() -> list:
    return (sorted((CORPUS / "pdf").glob("*.pdf")) + sorted((CORPUS / "real").glob("*.pdf"))
            + sorted((CORPUS / "budget" / "jiangsu").rglob("*.pdf")))


def test_no_page_of_the_corpus_with_a_text_layer_is_ocrd():
    """Every page of every corpus PDF (pdf/, real/, budget/jiangsu/) through the test read_pdf
    makes: only the scanned excerpt's pages are OCR'd (its cover, 2017年省检察院部门预算 page 1, has
    19 characters over a picture of 54 % of the page, set over its middle: not a scan)."""
    import pdfplumber

    from ingest.read_pdf import _image_only, _quiet, title_over_image

    _quiet()
    files = _corpus_pdfs()
    assert len(files) >= 30
    ocrd = []
    for path in files:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if _image_only(page) or title_over_image(page, number) is not None:
                    ocrd.append((path.name, number))
    assert ocrd == [(SCANNED.name, n) for n in (1, 2, 3, 4)]


@pytest.mark.parametrize("path", [REAL, CORPUS / "budget" / "jiangsu" / "江苏省人民检察院" / "2017年省检察院部门预算.pdf"],
                         ids=["shanghai", "jiangsu-cover-picture"])
def test_a_corpus_pdf_reads_without_the_engine(monkeypatch, path):
    _refuse_ocr(monkeypatch)
    from ingest.read_pdf import read_pdf

    raw = read_pdf(path)
    assert raw.ocr_pages == () and raw.blocks


def _image_pdf(path, image: Image.Image):
    image.convert("RGB").save(path, "PDF", resolution=150)
    return path


def _photo(seed: int = 7) -> Image.Image:
    """Something like a photo: smooth colour blobs under film grain, no text."""
    rng = np.random.default_rng(seed)
    w, h = 1240, 1754
    blobs = Image.fromarray((rng.random((h // 40, w // 40, 3)) * 255).astype("uint8")).resize((w, h), Image.BICUBIC)
    grain = rng.normal(0, 25, (h, w, 3))
    return Image.fromarray(np.clip(np.asarray(blobs, dtype=float) + grain, 0, 255).astype("uint8"))


@pytest.mark.parametrize("picture", ["blank", "photo"])
def test_a_page_with_nothing_legible_gives_a_clear_line(tmp_path, picture):
    image = Image.new("RGB", (1240, 1754), "white") if picture == "blank" else _photo()
    path = _image_pdf(tmp_path / f"{picture}.pdf", image)
    with pytest.raises(errors.ImageOnlyPDF) as info:
        ingest_file(path)
    message = str(info.value)
    assert path.name in message and "文字识别（OCR）" in message and "没有读出" in message and "\n" not in message


def test_a_blank_page_among_scanned_pages_is_said_and_invents_nothing(tmp_path):
    scan = rendered(TWIN_000, [4])[0]
    path = tmp_path / "with_blank.pdf"
    scan.save(path, "PDF", resolution=150, save_all=True,
              append_images=[Image.new("RGB", scan.size, "white"), _photo(3).resize(scan.size)])
    doc = ingest_file(path)
    assert doc.pages == 3 and doc.facts
    assert {f.page for f in doc.facts} == {1}
    said = [w for w in doc.warnings if "没有读出可用的文字" in w.message]
    assert [w.page for w in said] == [2, 3]


def test_cells_below_the_threshold_are_marked_and_stored(tmp_path, scanned):
    from domain.ocr import LOW_CONFIDENCE
    from index.store import Store

    fact = scanned.facts[0]
    assert not dataclasses.replace(fact, confidence=LOW_CONFIDENCE).low_confidence
    assert dataclasses.replace(fact, confidence=LOW_CONFIDENCE - 0.01).low_confidence
    assert not dataclasses.replace(fact, confidence=None).low_confidence  # a text layer
    with Store(tmp_path / "ix") as store:
        store.put(scanned)
        stored = list(store.facts(scanned.name))
    assert [f["confidence"] for f in stored] == [f.confidence for f in scanned.facts]


def test_an_index_without_the_confidence_column_still_loads(tmp_path, scanned):
    import sqlite3

    from index.store import Store

    with Store(tmp_path / "ix") as store:
        store.put(scanned)
    db = sqlite3.connect(tmp_path / "ix" / "store.sqlite")
    db.execute("ALTER TABLE facts DROP COLUMN confidence")
    db.commit()
    db.close()
    with Store(tmp_path / "ix", readonly=True) as store:  # an older index, read as it is
        assert all(f["confidence"] is None for f in store.facts())
    with Store(tmp_path / "ix") as store:  # opened for writing: the column is added
        assert all(f["confidence"] is None for f in store.facts())
        store.put(scanned)
        assert all(f["confidence"] is not None for f in store.facts())


def test_an_answer_stating_a_low_confidence_figure_says_it_was_read_by_ocr(tmp_path, scanned):
    import sqlite3

    from answer import Answerer
    from index.store import Store

    with Store(tmp_path / "ix") as store:
        store.put(scanned)
    question = "九江市浔阳区数字经济发展中心2023年卫生健康支出是多少？"
    sure = Answerer(tmp_path / "ix", search=False).ask(question)
    assert sure["status"] == "answered" and sure["figures"], sure
    assert sure["figures"][0]["ocr_confidence"] >= 0.9
    assert not any("OCR" in w for w in sure["warnings"]) and "OCR" not in sure["answer"]
    db = sqlite3.connect(tmp_path / "ix" / "store.sqlite")
    db.execute("UPDATE facts SET confidence = 0.5")
    db.commit()
    db.close()
    low = Answerer(tmp_path / "ix", search=False).ask(question)
    assert low["figures"][0]["low_confidence"]
    assert any("文字识别（OCR）" in w and "0.50" in w for w in low["warnings"])
    assert "文字识别（OCR）" in low["answer"]


def test_a_total_that_does_not_add_up_in_an_ocrd_table_is_a_reading_notice():
    from checks.sums import sum_finding

    class Report:
        def cell(self, fact):
            return fact["value_text"]

    def fact(number: str, confidence):
        return {"number": Decimal(number), "value_text": number, "confidence": confidence}

    message = "合计印为 10.00，各行之和为 {sum}"
    printed = sum_finding(Report(), "total-rows", fact("10.00", None), [fact("3.00", None), fact("5.00", None)], message)
    unsure = sum_finding(Report(), "total-rows", fact("10.00", 0.99), [fact("3.00", 0.95), fact("5.00", 0.99)], message)
    sure = sum_finding(Report(), "total-rows", fact("10.00", 0.99), [fact("3.00", 0.995), fact("5.00", 0.99)], message)
    assert printed.severity == "error" and sure.severity == "error"
    assert unsure.severity == "notice" and "文字识别（OCR）" in unsure.message


def test_re_ingest_reads_from_the_cache(scanned):
    import time

    from ingest.ocr import scan_pages

    start = time.perf_counter()
    scans = scan_pages(SCANNED, [1, 2, 3, 4])
    assert all(s.cached for s in scans.values())
    assert time.perf_counter() - start < 8  # rendering and rules only (reading is ~5 s a page)


def test_progress_says_pages_done_and_time_left(tmp_path):
    from ingest.ocr import scan_pages

    seen = []
    scan_pages(SCANNED, [1, 2], lambda done, total, left: seen.append((done, total, left)))
    assert [(d, t) for d, t, _ in seen] == [(1, 2), (2, 2)] and seen[-1][2] == 0


def test_nothing_heavy_is_imported_with_ingest():
    code = ("import sys; import ingest, ingest.read_pdf, ingest.ocr, ingest.ocr_page, ingest.ocr_rules; "
            "print([m for m in ('onnxruntime', 'cv2', 'rapidocr_onnxruntime', 'pdfplumber') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def _planted_text(rule: str) -> str:
    """A generated report with one planted error of a rule that compares cells of several tables."""
    if rule == "cross-table":
        from synthetic_report import report_text

        return report_text("cross-table")
    from test_checks_wording import PLANTED, _substituted, consistent_text

    substitutions, cells, _, _ = PLANTED[rule]
    return _substituted(consistent_text(cells), substitutions)


@pytest.mark.parametrize("rule", ["cross-table", "class-economic", "basic-table-total"])
def test_tables_that_disagree_in_an_ocrd_report_are_a_reading_notice(tmp_path, rule):
    """The planted error, printed (no confidence): an error.  The same facts as if OCR'd, every
    cell read surely (0.99): still an error.  One of the cells the finding cites read at 0.95
    (below SURE_CONFIDENCE), every other cell sure: a reading notice that says OCR may have misread it."""
    from checks import check_index
    from domain.ocr import SURE_CONFIDENCE
    from index.store import Store

    path = tmp_path / f"{rule}.txt"
    path.write_text(_planted_text(rule), encoding="utf-8")
    doc = ingest_file(path)

    def findings(variant: str, confidence, low=frozenset()):
        facts = tuple(dataclasses.replace(f, confidence=SURE_CONFIDENCE - 0.03 if (f.line, f.value_text) in low
                                          else confidence) for f in doc.facts)
        with Store(tmp_path / variant) as store:
            store.put(dataclasses.replace(doc, facts=facts))
        return [f for f in check_index(tmp_path / variant, doc.name)[doc.name] if f.rule == rule]

    printed = findings("printed", None)
    assert any(f.severity == "error" for f in printed), [f.message for f in printed]
    sure = findings("sure", 0.99)
    assert [(f.severity, f.message) for f in sure] == [(f.severity, f.message) for f in printed]
    printed = [f for f in printed if f.severity == "error"]
    cited = printed[0].cells[-1]
    unsure = findings("unsure", 0.99, {(cited.line, cited.value)})
    first = next(f for f in unsure if f.cells == printed[0].cells)
    assert first.severity == "notice" and "文字识别（OCR）" in first.message, first.message
    assert first.message.startswith(printed[0].message.split("（相差")[0].split("；")[0])


# Measured (benchmarks/RESULTS.md, "Scanned reports"): image-only copies of generated layouts read
# 100 % (university pages 4–6, tables_at_end pages 18, 20, 22) and 92.2 % (two_year_columns, landscape,
# the two years' columns side by side).
GENERATED_FLOOR = {"university.pdf": ([4, 5, 6], 0.97), "tables_at_end.pdf": ([18, 20, 22], 0.97),
                   "two_year_columns.pdf": ([2], 0.88)}


def test_an_image_only_copy_of_a_generated_report_reads_as_its_text_layer(tmp_path):
    from layout_pdfs import write_pdfs

    printed = write_pdfs(tmp_path / "printed", list(GENERATED_FLOOR))
    for name, (pages, floor) in GENERATED_FLOOR.items():
        copy = image_only_copy(printed[name], pages, tmp_path / f"copy_{name}", dpi=150, blur=0.6, angle=1.0)
        shares = _shares(ingested(printed[name]), ingest_file(copy), pages)
        assert set(shares) == set(pages) and all(s >= floor for s in shares.values()), (name, shares)
