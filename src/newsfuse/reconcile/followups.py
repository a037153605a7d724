"""Which reports tell a follow-up of an incident (an arrest, a charge, a trial, a funeral) rather than
a new one: their headline or their main event's sentence names what follows an incident."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newsfuse.events.salience import tells_follow_up
from newsfuse.records import Document, Mention, Story

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


def eventless_reports(stories: Sequence[Story], groups: Sequence[Sequence[Mention]]) -> dict[int, list[str]]:
    """Reports of a story that tell no event of their own (a vigil, the victim named, a plea of the
    family), by the group they attach to: the story's event that holds most of its reports (ties: the
    first). Such a report is one more source on the story's incident, not a story of its own
    (gva_incidents dev: all reports in one event 0.768 -> 0.792; killed and injured -0.002)."""
    holders: dict[str, list[int]] = {}
    for k, group in enumerate(groups):
        for d in dict.fromkeys(m.document for m in group):
            holders.setdefault(d, []).append(k)
    out: dict[int, list[str]] = {}
    for story in stories:
        silent = [d for d in story.documents if d not in holders]
        if not silent:
            continue
        held = Counter(k for d in story.documents for k in holders.get(d, ()))
        if not held:
            continue
        best = max(held.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        out.setdefault(best, []).extend(silent)
    return out
