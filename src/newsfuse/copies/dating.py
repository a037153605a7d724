"""The day an undated document's shared text was written, read from its dated copies.

A wire story's "on Friday" was written relative to the day the story first ran. A page that
carries the story but prints no date of its own (001 and 003 of the seeds) can still have its
relative dates resolved: against the earliest date among the dated documents it shares most of
its text with. Only a substantial share counts: a blog quoting two wire paragraphs writes the
rest of its text on its own day.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.records import CopyGraph, Document, PublishedDate

# share of the shorter document that must be shared text (a duplicate or near-duplicate is ~1)
MIN_SHARED = 0.25


def borrowed_dates(graph: CopyGraph, docs: Sequence[Document], min_shared: float = MIN_SHARED
                   ) -> dict[str, PublishedDate]:
    """Undated document id -> the earliest day-precise date of a document it shares its text with.

    The date keeps the donor in its origin (``copy:<id>``), so nothing downstream mistakes it
    for the document's own publication date.
    """
    by_id = {d.id: d for d in docs}
    out: dict[str, PublishedDate] = {}
    for doc in docs:
        if doc.published is not None:
            continue
        donors = []
        for rel in graph.by_document.get(doc.id, ()):
            other = by_id.get(rel.b if rel.a == doc.id else rel.a)
            if other is None or other.published is None or rel.overlap < min_shared:
                continue
            if other.published.precision in ("minute", "day") and len(other.published.date) >= 10:
                donors.append((other.published.date[:10], other.id))
        if donors:
            day, donor = min(donors)
            out[doc.id] = PublishedDate(day, "day", f"copy:{donor}")
    return out
