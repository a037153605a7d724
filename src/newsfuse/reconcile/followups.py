"""Which reports tell a follow-up of an incident (an arrest, a charge, a trial, a funeral) rather than
a new one: their headline or their main event's sentence names what follows an incident."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsfuse.events.salience import tells_follow_up
from newsfuse.records import Document, Mention

__all__ = ["follow_up_reports", "tells_follow_up"]


def follow_up_reports(mentions: Iterable[Mention], docs: Mapping[str, Document]) -> frozenset[str]:
    """Documents whose headline or main event's sentence tells a follow-up."""
    out = set()
    for m in mentions:
        if not m.report_main:
            continue
        doc = docs.get(m.document)
        if tells_follow_up(m.sentence) or (doc is not None and tells_follow_up(doc.title or "")):
            out.add(m.document)
    return frozenset(out)
