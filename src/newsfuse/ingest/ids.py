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


def record_id(content: str, url: str | None, title: str | None) -> str:
    """Id of a report given as a record (a JSONL line): its text together with its url and title.

    A record's text alone does not name the report: two outlets' records may carry the same
    wire text, or the same page chrome when the story itself was lost ("Just One More Thing...
    We have sent you a verification email"), and keyed by text alone all but one of them were
    dropped as already read. The copies stage, not the id, is what links identical texts.
    The same line read twice still gets the same id; with neither url nor title the id is
    ``content_id(content)``, as before.
    """
    if not url and not title:
        return content_id(content)
    return content_id("\x1f".join((content, url or "", title or "")))
