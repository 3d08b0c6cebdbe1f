"""OCR of scanned reports (issue 15): seconds and boxes per page, and the share of the numeric cells
read as the same row (label and subject code), column and value as the report's text layer gives.

    .venv/bin/python benchmarks/ocr.py [--corpus ../shared/corpus] [--cache] [--modes N]

Measured on `pdf/scanned_004_pages3-6.pdf` (pages 3–6 of 004, an image-only PDF) against the
PDF twin 004's own text layer (its cells are exactly the text report's tab lines), and on
image-only copies this script makes itself (`image_only_copy`: pages rendered to pictures,
blurred a little and turned by about 1°): a few pages of the twin 000, of a real Shanghai
report and of the twin 002's unruled tables (`UNRULED`), each against its own text layer; and a page of 000 whose text layer is only its title over
a picture of its table (`titled_image_copy`, when a CJK system font is there to write it).  The engine cache starts empty unless asked otherwise
(a cached page costs nothing and would say nothing about speed).  With --modes N, instead: the
seconds per page of the four scanned pages read one at a time by one engine on every core against
two at a time by one engine each (BUDGET_QA_OCR_WORKERS 1 and 2), N rounds alternating, each in a
fresh process with the cache off.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def image_only_copy(source: Path, pages: list[int], out: Path, dpi: int = 150, blur: float = 0.6,
                    angle: float = 1.0) -> Path:
    """An image-only PDF of `pages` (1-based) of `source` (see `rendered`), saved with Pillow at
    the pages' own size.  No text layer is left."""
    images = rendered(source, pages, dpi, blur, angle)
    out.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def rendered(source: Path, pages: list[int], dpi: int = 150, blur: float = 0.6, angle: float = 1.0) -> list:
    """Pages (1-based) of a PDF as pictures, as a scanner would give them: rendered at `dpi`,
    blurred (Gaussian radius in pixels), turned by `angle` degrees on a white ground."""
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    pdf = pdfium.PdfDocument(str(source))
    images = []
    for n in pages:
        page = pdf[n - 1]
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        if blur:
            image = image.filter(ImageFilter.GaussianBlur(blur))
        if angle:
            image = image.rotate(angle, resample=3, expand=False, fillcolor=255)
        images.append(image.convert("RGB"))
        page.close()
    pdf.close()
    return images


CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/truetype/arphic/uming.ttc")


def cjk_font() -> Path | None:
    """A system font with Chinese glyphs to write a text layer with, or None."""
    return next((Path(f) for f in CJK_FONTS if Path(f).is_file()), None)


def titled_image_copy(source: Path, page: int, out: Path, dpi: int = 150, blur: float = 0.6,
                      angle: float = 0.0) -> Path:
    """A one-page PDF of `page` (1-based) of `source`: the lines the page prints above its first
    table (its title, 部门/单位 line) as a text layer at their own place and size, over a picture
    of the page (see `rendered`) white above the table: "a title over an image of the table"."""
    import pdfplumber
    from PIL import ImageDraw

    from domain.normalize import nfkc
    from ingest.read_pdf import _TABLE_SETTINGS

    with pdfplumber.open(source) as pdf:
        src = pdf.pages[page - 1]
        width, height = float(src.width), float(src.height)
        top = min((t.bbox[1] for t in src.find_tables(_TABLE_SETTINGS)), default=height)
        lines = [(nfkc(line["text"]), line["x0"], line["bottom"], line["chars"][0]["size"])
                 for line in src.extract_text_lines() if line["bottom"] <= top]
    image = rendered(source, [page], dpi, blur, angle)[0]
    ImageDraw.Draw(image).rectangle((0, 0, image.width, int(top * dpi / 72) - 2), fill="white")  # typed, not pictured
    return picture_page(out, (width, height), image, (0, 0, width, height), lines)


def picture_page(out: Path, size: tuple[float, float], picture, box, lines) -> Path:
    """A one-page PDF of `size` (points) showing `picture` (PIL) in `box` (x0, top, x1, bottom,
    points from the top left) and a text layer of `lines` [(text, x0, baseline-ish bottom, font
    size)], written with pypdfium2 in a system CJK font."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    font_path = cjk_font()
    if font_path is None:
        raise FileNotFoundError("no CJK font to write a text layer with: " + ", ".join(CJK_FONTS))
    width, height = size
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(width, height)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(picture.convert("RGB")))
    image.set_matrix(pdfium.PdfMatrix().scale(box[2] - box[0], box[3] - box[1]).translate(box[0], height - box[3]))
    page.insert_obj(image)
    data = font_path.read_bytes()
    font = c.FPDFText_LoadFont(doc, (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data),
                               c.FPDF_FONT_TRUETYPE, 1)
    for text, x0, bottom, points in lines:
        obj = c.FPDFPageObj_CreateTextObj(doc, font, float(points))
        wide = (text + "\0").encode("utf-16-le")
        c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(wide, len(wide)), ctypes.POINTER(c.FPDF_WCHAR)))
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, float(x0), height - float(bottom) + 0.2 * float(points))
        c.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


def numeric_keys(facts, pages: dict[int, int] | None = None) -> dict[int, Counter]:
    """Per page, the numeric cells as (row label, subject code, column, value) counted; `pages`
    maps a page number to the page it is compared with."""
    from domain.normalize import compact

    out: dict[int, Counter] = {}
    for f in facts:
        if f.number is None:
            continue
        page = pages.get(f.page, f.page) if pages else f.page
        out.setdefault(page, Counter())[(compact(f.row_label), f.row_code or "", f.column, f.number)] += 1
    return out


def matched(reference: dict[int, Counter], read: dict[int, Counter]) -> dict[int, tuple[int, int]]:
    """Per reference page: (cells read the same, numeric cells the text layer prints)."""
    return {page: (sum(min(n, read.get(page, Counter())[key]) for key, n in want.items()), sum(want.values()))
            for page, want in sorted(reference.items())}


def compare(reference_pdf: Path, scanned_pdf: Path, pages: list[int]) -> dict:
    """Ingest both; per original page: seconds and boxes of the OCR and the share matched."""
    from ingest import ingest_file
    from ingest.ocr import scan_pages

    ref = ingest_file(reference_pdf)
    start = time.perf_counter()
    scans = scan_pages(scanned_pdf, list(range(1, len(pages) + 1)))
    ocr_seconds = time.perf_counter() - start
    doc = ingest_file(scanned_pdf)  # the same pages again: from the cache when it is on
    to_original = {i: p for i, p in enumerate(pages, start=1)}
    got = numeric_keys(doc.facts, to_original)
    want = {p: c for p, c in numeric_keys(ref.facts).items() if p in pages}
    share = matched(want, got)
    low = sum(f.low_confidence for f in doc.facts if f.number is not None)
    return {"pages": [{"page": p, "seconds": round(scans[i].seconds, 2), "boxes": len(scans[i].boxes),
                       "matched": share.get(p, (0, 0))[0], "cells": share.get(p, (0, 0))[1]}
                      for i, p in to_original.items()],
            "wall_seconds": round(ocr_seconds, 2), "low_confidence_numbers": low,
            "numbers": sum(f.number is not None for f in doc.facts)}


# The twin 002's unruled tables (pdfplumber finds no ruling line on these pages), copied a few
# pages at a time: (pages copied, pages shown).  A page is shown when the tables it prints start
# inside the copy: page 15 prints no figure (the opening of a form whose figures are on page 16),
# page 26 the end of a form that starts on page 24 (copied, its grid reads cell for cell as the
# text layer's, but without its start it is no 绩效自评表); page 27's form is titled at the foot of 26.
UNRULED = [([4], [4]), ([5, 6], [5, 6]), ([7, 8, 9, 10], [7, 8, 9, 10]), ([15, 16], [16]), ([26, 27], [27])]


def _only(result: dict, pages: list[int]) -> dict:
    return {**result, "pages": [p for p in result["pages"] if p["page"] in pages], "copied": len(result["pages"])}


def _report(name: str, result: dict) -> None:
    print(f"\n{name}  (OCR wall {result['wall_seconds']} s for {result.get('copied', len(result['pages']))} pages, "
          f"{result['low_confidence_numbers']}/{result['numbers']} numbers below LOW_CONFIDENCE)")
    total = [0, 0]
    for p in result["pages"]:
        share = p["matched"] / p["cells"] if p["cells"] else float("nan")
        total[0] += p["matched"]
        total[1] += p["cells"]
        print(f"  page {p['page']:>3}: {p['seconds']:6.2f} s  {p['boxes']:4d} boxes  "
              f"{p['matched']:4d}/{p['cells']:<4d} numeric cells matched  {share:6.1%}")
    if total[1]:
        print(f"  all  : {total[0]}/{total[1]} = {total[0] / total[1]:.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--cache", action="store_true", help="use the usual OCR cache (default: a fresh one)")
    parser.add_argument("--modes", type=int, metavar="N", help="time workers 1 against 2, N rounds")
    args = parser.parse_args(argv)
    if args.modes:
        return _modes(args.corpus / "pdf" / "scanned_004_pages3-6.pdf", args.modes)
    fresh = tempfile.TemporaryDirectory()
    if not args.cache:  # each page is read once, timed, then ingested from the cache
        os.environ["BUDGET_QA_OCR_CACHE"] = fresh.name
    corpus = args.corpus
    _report("scanned_004_pages3-6.pdf against 004's text layer (pages 3–6)",
            compare(corpus / "pdf" / "004_5522c362a8f8a79d.pdf", corpus / "pdf" / "scanned_004_pages3-6.pdf",
                    [3, 4, 5, 6]))
    copies = [(corpus / "pdf" / "000_d038eb9fb139e057.pdf", [3, 4, 5]),
              (corpus / "real" / "上海市普陀区财政局2024年度部门决算.pdf", [8, 10, 16])]
    with tempfile.TemporaryDirectory() as tmp:
        for source, pages in copies:
            copy = image_only_copy(source, pages, Path(tmp) / f"copy_{source.stem}.pdf")
            _report(f"{source.name} pages {pages[0]}–{pages[-1]}, rendered 150 dpi, blurred, turned 1°",
                    compare(source, copy, pages))
        twin = corpus / "pdf" / "002_5604d886435013c4.pdf"
        for pages, shown in UNRULED:
            copy = image_only_copy(twin, pages, Path(tmp) / f"unruled_{pages[0]}.pdf")
            _report(f"{twin.name} pages {pages[0]}–{pages[-1]} (unruled), rendered 150 dpi, blurred, turned 1°",
                    _only(compare(twin, copy, pages), shown))
        if cjk_font() is not None:  # a title in the text layer over a picture of the table
            twin = corpus / "pdf" / "000_d038eb9fb139e057.pdf"
            copy = titled_image_copy(twin, 4, Path(tmp) / "titled_000.pdf")
            _report(f"{twin.name} page 4, its title as text over a picture of its table (150 dpi, blurred)",
                    compare(twin, copy, [4]))
    return 0


_TIMED = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from ingest.ocr import scan_pages
start = time.perf_counter()
scan_pages(Path(sys.argv[2]), [1, 2, 3, 4])
print((time.perf_counter() - start) / 4)
"""


def _modes(scan: Path, rounds: int) -> int:
    import subprocess

    for r in range(rounds):
        for workers in ("1", "2"):
            env = dict(os.environ, BUDGET_QA_OCR_CACHE="off", BUDGET_QA_OCR_WORKERS=workers)
            out = subprocess.run([sys.executable, "-c", _TIMED, str(ROOT), str(scan)], env=env, capture_output=True,
                                 text=True, check=True)
            print(f"round {r + 1}  workers {workers}: {float(out.stdout):.2f} s/page", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
