"""Text recognition (OCR) of PDF pages that have no text layer: the engine, its cache and its pace.

Owns everything that touches the OCR model: rendering an image-only page with pypdfium2,
straightening a page scanned a little askew, running the engine (rapidocr-onnxruntime 1.4.4:
PP-OCRv4 Chinese detection and recognition as ONNX files inside the wheel, on onnxruntime, on the
CPU; nothing is downloaded at run time), pages in parallel, a cache of the engine's output by the
page image's hash, and progress (pages done, seconds left).  What the boxes mean - lines, ruled
and unruled tables - is `ocr_page`'s business.  Heavy libraries (onnxruntime, opencv, rapidocr)
are imported only when a page is read.

Settings (`OCR_SETTINGS`, each documented, overridable through the environment where named):
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# What a cell's confidence means (the two thresholds) is shared with answers and checks: domain.ocr.
from domain.ocr import LOW_CONFIDENCE, SURE_CONFIDENCE  # noqa: F401 - settings of OCR too

ENGINE = "rapidocr-onnxruntime==1.4.4 PP-OCRv4"  # part of the cache key: another engine reads anew
CACHE_VERSION = "4"

# Boxes the engine reads below this are dropped as noise (a photo, a stamp, a smudge).
MIN_BOX_CONFIDENCE = 0.60
# Pixels per PDF point the page is rendered at: the scan's own resolution, within these bounds.
MIN_SCALE, MAX_SCALE = 1.5, 2.5
# Pages read at once (one engine each, one onnxruntime thread each; with 1, one engine using every
# core); default: the machine's cores.
WORKERS_ENV = "BUDGET_QA_OCR_WORKERS"
# Threads of the one engine when pages are read one at a time (default: the machine's cores); a
# file worker of a parallel ingest sets its share (ingest.parallel).
THREADS_ENV = "BUDGET_QA_OCR_THREADS"
# Where the engine's output is kept, one JSON file per page image hash.
CACHE_ENV, DEFAULT_CACHE = "BUDGET_QA_OCR_CACHE", Path.home() / ".cache" / "budget-qa-ocr"

OCR_SETTINGS = {
    "LOW_CONFIDENCE": "cells read below it are marked low-confidence; answers stating one say it was read by OCR",
    "SURE_CONFIDENCE": "a total that does not add up is an error only if every OCR'd cell involved reaches it",
    "MIN_BOX_CONFIDENCE": "text boxes read below it are dropped as noise",
    "MIN_SCALE": "lowest render scale, pixels per PDF point",
    "MAX_SCALE": "highest render scale, pixels per PDF point",
    "WORKERS_ENV": "environment variable: pages OCR'd at once (default: the number of cores)",
    "THREADS_ENV": "environment variable: threads of the engine when pages are OCR'd one at a time (default: the number of cores)",
    "CACHE_ENV": "environment variable: folder of the OCR cache (default ~/.cache/budget-qa-ocr); 'off' disables it",
}
__doc__ += "".join(f"\n- `{name}`: {text}" for name, text in OCR_SETTINGS.items()) + "\n"

Progress = Callable[[int, int, float], None]  # (pages done, pages to read, seconds left)


@dataclass(frozen=True)
class Box:
    """One text box the engine read: its text, confidence and box in PDF points (top-left origin)."""

    text: str
    confidence: float
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class Rule:
    """A ruling line found in the page image, in PDF points: horizontal (y, x0, x1) or vertical (x, y0, y1)."""

    at: float
    start: float
    end: float


@dataclass(frozen=True)
class PageScan:
    """One OCR'd page: its text boxes, its ruling lines and what reading it cost."""

    number: int
    width: float
    height: float
    boxes: tuple[Box, ...]
    horizontal: tuple[Rule, ...]
    vertical: tuple[Rule, ...]
    seconds: float
    cached: bool
    ink: "object" = None  # the straightened ink mask (numpy, pixels) the rules came from
    scale: float = 1.0  # pixels per point of `ink`
    turn: float = 0.0  # degrees the page was turned to straighten it; boxes are in the turned frame
    faint: tuple[Box, ...] = ()  # boxes read below MIN_BOX_CONFIDENCE: their text is not kept, their place is

    def unturned(self, bbox):
        """A box of the straightened page as it stands on the page as printed (the citation's
        box is drawn on the page's own image): its corners turned back, their bounding box."""
        if not self.turn or bbox is None:
            return bbox
        import math

        a = math.radians(self.turn)
        c, s = math.cos(a), math.sin(a)
        cx, cy = self.width / 2, self.height / 2
        corners = [(x - cx, y - cy) for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
        xs = [c * x - s * y + cx for x, y in corners]
        ys = [s * x + c * y + cy for x, y in corners]
        return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))


class OCRUnavailable(RuntimeError):
    """The OCR engine is not installed."""


def scan_pages(path: Path, numbers: list[int], progress: Progress | None = None) -> dict[int, PageScan]:
    """OCR the given pages (1-based) of the PDF at `path`, in parallel; {page number: PageScan}."""
    if not numbers:
        return {}
    workers = max(1, min(len(numbers), _workers()))
    done: list[float] = []
    lock, rendering = threading.Lock(), threading.Lock()

    def one(n: int) -> PageScan:
        with rendering:  # pdfium is not thread-safe; a page's image is made when it is read
            image = _render(path, n)
        scan = _scan(n, *image)
        with lock:
            done.append(scan.seconds)
            if progress:  # the pages left, `workers` at a time, at the pace of those read
                left = sum(done) / len(done) * (len(numbers) - len(done)) / workers
                progress(len(done), len(numbers), left)
        return scan

    if workers == 1:  # one page at a time, the engine on every core
        _local.threads = _positive(THREADS_ENV) or os.cpu_count() or 1
        return {n: one(n) for n in numbers}
    with ThreadPoolExecutor(workers, thread_name_prefix="ocr") as pool:
        return dict(zip(numbers, pool.map(one, numbers)))


def _workers() -> int:
    return _positive(WORKERS_ENV) or os.cpu_count() or 1


def _positive(name: str) -> int | None:
    value = os.environ.get(name)
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise ValueError(f"{name} 应为正整数，现为“{value}”") from None
    return None


# --- rendering and straightening ------------------------------------------------------------


def _render(path: Path, number: int):
    """The page as a grey numpy image at the scan's own resolution (within the bounds), with
    its size in points and the scale."""
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        width, height = page.get_size()
        scale = _scale(page, width)
        bitmap = page.render(scale=scale, grayscale=True)
        image = np.array(bitmap.to_pil().convert("L"))
        page.close()
    finally:
        pdf.close()
    return image, float(width), float(height), scale


def _scale(page, width: float) -> float:
    """Pixels per point of the largest image on the page, clamped: rendering finer than the scan
    only costs time, coarser loses strokes."""
    import pypdfium2 as pdfium

    best = 0.0
    for obj in page.get_objects():
        if not isinstance(obj, pdfium.PdfImage):
            continue
        px_w, _ = obj.get_px_size()
        x0, _, x1, _ = obj.get_bounds()
        if x1 - x0 > 0.3 * width:
            best = max(best, px_w / (x1 - x0))
    return min(MAX_SCALE, max(MIN_SCALE, best or 2.0))


def _straighten(image):
    """The page turned upright when it was scanned a little askew (up to 3°): the angle whose
    rows of ink are most sharply separated (text lines and rules line up with the pixel rows)."""
    import cv2
    import numpy as np

    small_w = 800  # at 500 px a page of staggered rows (wrapped cells beside centred figures) looked level when turned 1°
    factor = small_w / image.shape[1]
    small = cv2.resize(image, (small_w, max(1, int(image.shape[0] * factor))), interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 50:
        return image, 0.0
    centre = (small.shape[1] / 2, small.shape[0] / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rows = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0])).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max((a / 2 for a in range(-6, 7)), key=sharpness)
    angle = max((coarse + a / 10 for a in range(-5, 6)), key=sharpness)
    if abs(angle) < 0.15:
        return image, 0.0
    m = cv2.getRotationMatrix2D((image.shape[1] / 2, image.shape[0] / 2), angle, 1.0)
    turned = cv2.warpAffine(image, m, (image.shape[1], image.shape[0]), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    return turned, angle


# --- the engine, cached ---------------------------------------------------------------------


def _scan(number: int, image, width: float, height: float, scale: float) -> PageScan:
    from .ocr_rules import ruling_lines

    start = time.perf_counter()
    image, turn = _straighten(image)
    ink, horizontal, vertical = ruling_lines(image, scale)
    key = hashlib.sha256(f"{ENGINE}|{CACHE_VERSION}|{image.shape}".encode() + image.tobytes()).hexdigest()
    blank = (image < 128).mean() < 1e-4  # a blank page holds nothing to read
    raw = [] if blank else _cache_get(key)
    cached = raw is not None and not blank
    if raw is None:
        raw = _engine_read(image)
        _cache_put(key, raw)
    read = [Box(text, conf, tuple(round(v / scale, 2) for v in box))  # type: ignore[arg-type]
            for box, text, conf in raw if text.strip()]
    boxes = tuple(b for b in read if b.confidence >= MIN_BOX_CONFIDENCE)
    faint = tuple(b for b in read if b.confidence < MIN_BOX_CONFIDENCE)
    return PageScan(number, width, height, boxes, horizontal, vertical, time.perf_counter() - start, cached,
                    ink, scale, turn, faint)


_local = threading.local()


def _engine():
    engine = getattr(_local, "engine", None)
    if engine is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:  # pragma: no cover - requirements.txt installs it
            raise OCRUnavailable("没有安装文字识别引擎：pip install -r requirements.txt（rapidocr-onnxruntime）") from exc
        threads = getattr(_local, "threads", 1)  # one thread per engine when pages run side by side
        engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, print_verbose=False)
        _local.engine = engine
    return engine


def _engine_read(image) -> list[tuple[list[float], str, float]]:
    """[(x0, top, x1, bottom in pixels), text, confidence] for every box the engine reads.

    The engine's detector finds the boxes; each is cut out upright for the recogniser, reaching
    over a flat stroke just left of it: the detector often leaves out the thin stroke of a leading
    一 ("般公共服务支出" for 一般公共服务支出), and the engine's own cut, along the box's slanted
    corners, clips it too.  (A blurred 一 the detector cuts through is still missed sometimes.)"""
    import numpy as np

    engine = _engine()
    rgb = np.dstack([image] * 3)
    quads, _ = engine.text_det(rgb)
    ink = image < 128
    if quads is None or not len(quads):
        return []
    rects, crops = [], []
    height, width = image.shape
    for quad in quads:
        x0, y0 = (int(max(0, v)) for v in quad.min(axis=0))
        x1, y1 = (int(min(limit, np.ceil(v) + 1)) for v, limit in zip(quad.max(axis=0), (width, height)))
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        x0 = _reach_left(x0, y0, y1, ink)
        crop = rgb[y0:y1, x0:x1]
        if (y1 - y0) / (x1 - x0) >= 1.5:  # a column of characters, as the engine turns it
            crop = np.rot90(crop)
        rects.append([float(x0), float(y0), float(x1), float(y1)])
        crops.append(np.ascontiguousarray(crop))
    read, _ = engine.text_rec(crops)
    return [(rect, str(text), float(conf)) for rect, (text, conf, *_) in zip(rects, read)]


def _reach_left(x0: int, y0: int, y1: int, ink) -> int:
    """x0 moved left over a flat stroke standing just left of the box (一, a minus sign) that the
    detector left out; anything else there (a rule, another character) leaves x0 as it is."""
    height = y1 - y0
    lo = max(0, x0 - height)
    region = ink[y0:y1, lo:x0]
    cols = region.any(axis=0)
    i, gap = len(cols) - 1, 0
    while i >= 0 and not cols[i] and gap <= 0.4 * height:
        i, gap = i - 1, gap + 1
    if i < 0 or not cols[i]:
        return x0
    end = i
    while i >= 0 and cols[i]:
        i -= 1
    rows = region[:, i + 1:end + 1].any(axis=1).nonzero()[0]
    flat = rows.size and rows[-1] - rows[0] + 1 <= 0.3 * height
    if i >= 0 and flat and end - i >= 0.3 * height:  # whole (white before it), flat and wide
        return lo + max(0, i - 1)
    return x0


def _cache_dir() -> Path | None:
    value = os.environ.get(CACHE_ENV)
    if value and value.lower() == "off":
        return None
    return Path(value) if value else DEFAULT_CACHE


def _cache_get(key: str):
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        return [(box, text, conf) for box, text, conf in json.loads((folder / f"{key}.json").read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return None


def _cache_put(key: str, raw) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.{threading.get_ident()}"
        tmp.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
        tmp.replace(folder / f"{key}.json")
    except OSError:  # a read-only home: the cache is only an optimisation
        pass
