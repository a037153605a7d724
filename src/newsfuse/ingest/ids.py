"""Stable document ids: the same page read twice (or from two paths) gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """NFC and ``\\n`` line ends, as Python's text mode would give: the form we hash and keep.

    Stray NUL characters (a few survive in real pages) are dropped: XML parsers refuse them.
    NFC costs ~3 ms per 100 KB page (``is_normalized`` costs the same), small beside cleaning.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.isascii():  # ASCII is always NFC
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def content_id(text: str) -> str:
    """First 16 hex of sha256 of the normalised text (callers pass ``normalise`` output)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
