"""Split a document's text into paragraphs of segments marked by shared passages.

A segment is a run of characters covered by the same set of marks, so
overlapping passages (one paragraph shared with two outlets) render as one
``<mark>`` naming both other documents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.records import CopyGraph, Document, Event, Mention


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    other: str  # id of the document the passage is shared with; the event id for "event" marks
    other_start: int  # where the passage starts in the other document
    kind: str  # copy kind of the relation, or "event": a sentence an event was read from
    note: str = ""  # hover text for event marks: "Battles at Hawija"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    marks: tuple[Mark, ...] = ()
    anchors: tuple[int, ...] = ()  # passage starts that begin here (link targets)


def marks_for(doc_id: str, graph: CopyGraph) -> list[Mark]:
    """Every passage this document shares with another, from its own side.

    Exact duplicates are left out: marking a whole text says nothing the
    "same text as" tag does not, and it would hide the passages shared with
    other outlets, which are the interesting part.
    """
    out = []
    for rel in graph.by_document.get(doc_id, ()):
        if rel.kind == "duplicate":
            continue
        mine_is_a = rel.a == doc_id
        other = rel.b if mine_is_a else rel.a
        for p in rel.passages:
            s, e, os_ = (p.a_start, p.a_end, p.b_start) if mine_is_a else (p.b_start, p.b_end, p.a_start)
            if e > s:
                out.append(Mark(s, e, other, os_, rel.kind))
    return out


def event_marks(doc_id: str, mentions: Sequence[Mention], event_of: Mapping[str, Event]) -> list[Mark]:
    """The sentences of this document that events were read from, linked to their event."""
    out = []
    for m in mentions:
        ev = event_of.get(m.id)
        if m.document != doc_id or ev is None or m.span[1] <= m.span[0]:
            continue
        where = f" at {ev.place.name}" if ev.place else ""
        out.append(Mark(m.span[0], m.span[1], ev.id, 0, "event", f"{ev.sub_type or ev.type}{where}"))
    return out


def segments(doc: Document, marks: list[Mark]) -> list[list[Segment]]:
    """The text as paragraphs (from ``doc.paragraphs``, else the whole text) of marked segments."""
    n = len(doc.text)
    paragraphs = [(max(0, s), min(n, e)) for s, e in doc.paragraphs if e > s] or [(0, n)]
    marks = [m for m in marks if m.start < n]
    out: list[list[Segment]] = []
    for ps, pe in paragraphs:
        cuts = {ps, pe}
        for m in marks:
            for c in (m.start, m.end):
                if ps < c < pe:
                    cuts.add(c)
        edges = sorted(cuts)
        para = []
        for s, e in zip(edges, edges[1:]):
            # shared passages first: the mark's colour and link go to another outlet's use of the text
            covering = tuple(sorted((m for m in marks if m.start <= s and m.end >= e),
                                    key=lambda m: m.kind != "shared_passages"))
            anchors = tuple(sorted({m.start for m in marks if m.start == s and m.kind != "event"}))
            para.append(Segment(doc.text[s:e], s, covering, anchors))
        out.append(para)
    return out


def shared_share(doc: Document, marks: list[Mark]) -> float:
    """Share of the document's characters that are in some shared passage."""
    if not doc.text:
        return 0.0
    covered = [False] * len(doc.text)
    for m in marks:
        if m.kind == "event":
            continue
        for i in range(max(0, m.start), min(len(doc.text), m.end)):
            covered[i] = True
    return sum(covered) / len(doc.text)
