"""A PDF page as a picture, with a cited cell's box drawn on it (pdfplumber's renderer)."""
from __future__ import annotations

from pathlib import Path


def page_image(path: Path | str, page: int, bbox: tuple[float, float, float, float] | None = None,
               resolution: int = 110):
    """The page (1-based) as a PIL image; the box (x0, top, x1, bottom in PDF points) outlined in red."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise ValueError(f"第{page}页不存在（共{len(pdf.pages)}页）")
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        if bbox:
            x0, top, x1, bottom = bbox
            image.draw_rect((x0 - 2, top - 2, x1 + 2, bottom + 2), fill=(255, 230, 0, 60), stroke=(220, 0, 0),
                            stroke_width=3)
        return image.annotated.convert("RGB")
