"""Stable document ids: the same page read twice (or from two paths) gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """NFC and ``\\n`` line ends, as Python's text mode would give: the form we hash and keep.

    Stray NUL characters (a few survive in real pages) are dropped: XML parsers refuse them.
    """
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def content_id(text: str) -> str:
    """First 16 hex of sha256 of the normalised text (callers pass ``normalise`` output)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
