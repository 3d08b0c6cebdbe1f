"""Named errors for input that cannot be ingested.  Each message says, in Chinese, what is wrong
with which file and what the user can do; the CLI and the app show it as one line."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be ingested.  Nothing already in the store is touched."""

    def __init__(self, path: str, message: str):
        self.path = path
        super().__init__(message)


class UnsupportedFile(IngestError):
    pass


class BrokenPDF(IngestError):
    pass


class EncryptedPDF(IngestError):
    pass


class ImageOnlyPDF(IngestError):
    pass


class EmptyDocument(IngestError):
    pass


class NotUTF8(IngestError):
    pass


class NotAReport(IngestError):
    pass
