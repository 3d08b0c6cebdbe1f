"""What an OCR confidence means, shared by ingest (marking facts), answers (saying a figure was
read by OCR) and checks (a reading notice, not a report error): the engine's confidence (0–1)
of a cell read from a scanned page, against two documented thresholds.  A cell read from a text
layer has no confidence (None) and is never low."""
from __future__ import annotations

# Below this a cell is low-confidence: an answer that states it says it was read by OCR and may be
# misread.  PP-OCRv4 reads clean printed digits at 0.99 and more; misread or half-legible ones
# fall to 0.6–0.9.
LOW_CONFIDENCE = 0.90
# A total that does not add up in an OCR'd table is a report error only when every OCR'd cell it
# involves was read at least this surely; otherwise it is a reading notice.
SURE_CONFIDENCE = 0.98


def low(confidence: float | None) -> bool:
    """Read by OCR below LOW_CONFIDENCE."""
    return confidence is not None and confidence < LOW_CONFIDENCE


def unsure(confidences) -> bool:
    """Any of these cells read by OCR below SURE_CONFIDENCE."""
    return any(c is not None and c < SURE_CONFIDENCE for c in confidences)


# A page with a text layer is read by OCR only when that layer is just the furniture around a
# picture of the table ("a title over an image of the table"): at most TITLE_MAX_LINES lines
# holding fewer than TITLE_MAX_CHARS characters (spaces aside) — a title, a 单位 line, a page
# number —, no table in them (ruled or unruled, as the PDF reader finds tables), an image covering
# more than IMAGE_COVER of the page's area, and every line above or below that image or within
# TITLE_BAND of its height from its top or bottom edge (where a scan's own title and page number
# stand; a cover whose words are set over the middle of a background picture is not a scan).
# Its text-layer lines are kept; what OCR reads again at the same place is dropped: an OCR'd word
# (or a grid whose every cell is one) centred within half a line height of a text-layer line's
# box, at least REPEAT_SHARE of its characters that line's, in order (OCR misreads some of them:
# "二、4" for 二、收入决算表 over a title it read as two boxes).
TITLE_MAX_LINES = 5
TITLE_MAX_CHARS = 60
IMAGE_COVER = 0.5
TITLE_BAND = 0.25
REPEAT_SHARE = 0.5
