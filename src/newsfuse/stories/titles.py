"""A story's title: its most central document's title, else that document's first sentence."""

from __future__ import annotations

import re

from newsfuse.records import Document

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")


def first_sentence(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    head = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(head) > limit:
        head = head[:limit].rsplit(" ", 1)[0] + "…"
    return head


def document_title(doc: Document) -> str:
    if doc.title and doc.title.strip():
        return " ".join(doc.title.split())
    return first_sentence(doc.text) or doc.source
