"""The per-document bound of the nlp stage: parse time grows with the text, so the text is bounded.

A size limit rather than a clock: the same document is refused on every machine and every
re-run, so results stay reproducible (a wall-clock limit would depend on the machine's load).
"""

from __future__ import annotations

from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document, Rejected


def over_nlp_limit(doc: Document, settings: NlpSettings) -> Rejected | None:
    """A one-line Rejected for a document too long to parse in bounded time, else None."""
    size = len(doc.text)
    if size <= settings.max_document_chars:
        return None
    return Rejected(
        doc.source, "nlp",
        f"{doc.source}: {size:,} characters of clean text, over the nlp limit of {settings.max_document_chars:,} "
        "(NlpSettings.max_document_chars): stored but not parsed, so no events",
    )
