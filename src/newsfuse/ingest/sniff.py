"""Telling binary junk from text, and HTML from plain text, by looking at the content."""

from __future__ import annotations

import re

# Magic numbers of the binary formats most often found lying next to reports.
# Hand-written: a dozen prefixes do not justify a libmagic dependency.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data (name it .gz to have it read)"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word/Excel)"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)

# bytes that never occur in text: C0 controls except tab, LF, VT, FF, CR, ESC (ANSI colour codes); DEL
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_TABLE = bytes.maketrans(b"", b"")


def binary_reason(data: bytes, max_control_share: float) -> str | None:
    """Why ``data`` is binary rather than text, or None if it looks like text.

    Call only on data without a UTF-16/32 byte-order mark: those legitimately hold NULs.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary content ({what}), not a news report"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"binary content ({data[8:12].decode().strip()} media), not a news report"
    head = data[:65536]
    # a handful of stray NULs occur in real pages (bad CMS exports); binary has them everywhere
    if head.count(b"\x00") > max(2, len(head) // 1000):
        return "binary content (NUL bytes), not a news report"
    controls = len(head) - len(head.translate(_CONTROL_TABLE, _CONTROL))
    if head and controls / len(head) > max_control_share:
        return f"binary content ({controls / len(head):.0%} control characters), not a news report"
    return None


_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|a|span|br|article|h[1-6]|script|table|li)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """HTML if it opens like an HTML document, or is dense with the common HTML tags."""
    head = text[:8192]
    if _HTML_START.match(head):
        return True
    # a fragment without <html>: many tags relative to its length
    return len(_HTML_TAGS.findall(head)) >= max(3, len(head) // 400)
