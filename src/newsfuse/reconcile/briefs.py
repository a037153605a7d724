"""Extractive briefs: a few sentences per story, each citing every document that carries it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from newsfuse.records import Brief, BriefSentence, CopyRelation, Document, Event, Mention, Story
from newsfuse.reconcile.dates import gap_days, is_fallback
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.values import interval

GroupOf = Callable[[str], str]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")


def normal(text: str) -> str:
    return " ".join(text.split())


Relations = Mapping[str, Sequence[CopyRelation]]


def copy_carriers(doc_id: str, span: tuple[int, int], relations: Relations) -> set[str]:
    """Documents the copy graph says carry the text at ``span`` of ``doc_id``.

    A (near-)duplicate carries everything; a shared passage carries the sentence
    when it covers at least half of it.
    """
    out: set[str] = set()
    length = max(1, span[1] - span[0])
    for rel in relations.get(doc_id, ()):
        other = rel.b if rel.a == doc_id else rel.a
        if rel.kind in ("duplicate", "near_duplicate") and not rel.passages:
            out.add(other)
            continue
        for p in rel.passages:
            start, end = (p.a_start, p.a_end) if rel.a == doc_id else (p.b_start, p.b_end)
            if min(end, span[1]) - max(start, span[0]) >= length / 2:
                out.add(other)
                break
    return out


def agrees(sentence: Mention, other: Mention, settings: ReconcileSettings) -> bool:
    """``other`` reports what the sentence says: no clashing figure, no clashing day."""
    if sentence.fatalities is not None and other.fatalities is not None:
        (alo, ahi), (blo, bhi) = interval(sentence.fatalities, settings), interval(other.fatalities, settings)
        if ahi < blo or bhi < alo:
            return False
    if sentence.date is not None and other.date is not None and not is_fallback(sentence.date) \
            and not is_fallback(other.date) and gap_days(sentence.date, other.date) not in (0, None):
        return False
    return True


def citations(m: Mention, event_mentions: Sequence[Mention], relations: Relations, settings: ReconcileSettings) -> tuple[str, ...]:
    """The sentence's own document, the event's documents that agree with it, and copies of it."""
    docs = [m.document]
    for other in event_mentions:
        if other.document not in docs and (normal(other.sentence) == normal(m.sentence) or agrees(m, other, settings)):
            docs.append(other.document)
    for d in sorted(copy_carriers(m.document, m.span, relations)):
        if d not in docs:
            docs.append(d)
    return tuple(docs)


def states(m: Mention) -> int:
    """How much of its event the sentence itself states: its place by name, a toll, a day read for it."""
    named = bool(m.place_text) and m.place_text in m.sentence
    dated = m.date is not None and not is_fallback(m.date) and "day it was reported" not in m.date.resolution
    return int(named) + int(m.fatalities is not None) + int(dated)


def event_sentence(event_mentions: Sequence[Mention], relations: Relations, settings: ReconcileSettings) -> BriefSentence:
    """The sentence that best states the event: the one naming most of its place, toll and day,
    then the one most documents carry, then the most confident, then the earliest."""
    order = {m.id: i for i, m in enumerate(event_mentions)}
    scored = [(states(m), len(citations(m, event_mentions, relations, settings)), m.confidence, -order[m.id], m)
              for m in event_mentions]
    best = max(scored, key=lambda t: t[:4])[4]
    return BriefSentence(normal(best.sentence), citations(best, event_mentions, relations, settings))


def support_rank(event: Event) -> tuple:
    """Best-supported first: independent sources, then documents, then a known toll."""
    return (-len(event.independent_sources), -len(event.documents), event.fatalities.best is None)


def lead_sentence(doc: Document, relations: Relations) -> BriefSentence | None:
    """For a story with no events: the first sentence of its first document, with that document's copies."""
    text = doc.text.strip()
    if not text:
        return None
    first = _SENTENCE_END.split(normal(text), maxsplit=1)[0]
    start = doc.text.find(first[:40])
    span = (max(start, 0), max(start, 0) + len(first))
    return BriefSentence(first, (doc.id, *sorted(copy_carriers(doc.id, span, relations) - {doc.id})))


def make_briefs(
    stories: Sequence[Story], events: Sequence[Event], sentences: Mapping[str, BriefSentence],
    docs: Mapping[str, Document], relations: Relations, settings: ReconcileSettings,
) -> list[Brief]:
    """One brief per story: the sentences of its best-supported events first, no repeats."""
    by_story: dict[str | None, list[Event]] = {}
    for e in events:
        by_story.setdefault(e.story, []).append(e)
    briefs = []
    for story in stories:
        chosen: list[BriefSentence] = []
        for e in sorted(by_story.get(story.id, []), key=support_rank):
            s = sentences[e.id]
            if all(s.text != c.text for c in chosen):
                chosen.append(s)
            if len(chosen) >= settings.brief_sentences:
                break
        if not chosen:
            doc = next((docs[d] for d in story.documents if d in docs), None)
            lead = lead_sentence(doc, relations) if doc is not None else None
            chosen = [lead] if lead is not None else []
        briefs.append(Brief(story.id, tuple(chosen)))
    return briefs
