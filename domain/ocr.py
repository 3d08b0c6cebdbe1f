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
