"""reconcile: mentions of stories -> events (reconciled values, independent sources,
contradictions) and briefs.

Entry point: ``reconcile(stories, mentions, docs, graph, settings)``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from newsfuse.records import Brief, CopyGraph, Document, Event, Mention, Place, Story
from newsfuse.reconcile.briefs import event_sentence, make_briefs
from newsfuse.reconcile.duplicates import joined_alike
from newsfuse.reconcile.followups import eventless_reports, follow_up_reports
from newsfuse.reconcile.later import join_later_follow_ups
from newsfuse.reconcile.merge import event_id, group_mentions, in_order
from newsfuse.reconcile.outlet_homes import home_towns, hosts_of, placed_at_home, placed_report_mains
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.sources import SourceNamer, group_of
from newsfuse.reconcile.values import Reconciled, reconcile_values

__all__ = ["ReconcileSettings", "reconcile"]
log = logging.getLogger(__name__)


def reconcile(
    stories: Sequence[Story], mentions: Sequence[Mention], docs: Sequence[Document],
    graph: CopyGraph, settings: ReconcileSettings, outlet_towns: Mapping[str, Place] | None = None,
) -> tuple[list[Event], list[Brief]]:
    """Merge mentions into events (within a story), reconcile their values, write briefs.

    Documents outside every story still get events (story None). Mentions with
    no event type are skipped (logged): they cannot be compared to anything.
    ``outlet_towns``: outlets' home towns learned from every stored report (outlet_homes.py); None: from
    ``mentions``, when they are every stored report's.
    """
    by_id = {d.id: d for d in docs}
    order = {d.id: i for i, d in enumerate(sorted(docs, key=lambda d: (_published(d), d.id)))}
    story_of: dict[str, str | None] = {}
    for s in stories:
        for d in s.documents:
            story_of.setdefault(d, s.id)

    usable: dict[str, Mention] = {}
    for m in mentions:
        if not m.type:
            log.warning("reconcile: mention %s of %s has no event type; skipped", m.id, m.document)
            continue
        usable.setdefault(m.id, m)

    relations = graph.by_document
    if settings.outlet_homes:
        host_of = hosts_of(docs)
        if outlet_towns is None:
            outlet_towns = home_towns(placed_report_mains(usable.values(), host_of), settings)
        usable = {m.id: m for m in placed_at_home(list(usable.values()), host_of, outlet_towns)}

    def published_day(doc_id: str) -> str:
        doc = by_id.get(doc_id)
        return doc.published.date[:10] if doc is not None and doc.published is not None else ""

    namer = SourceNamer(by_id, graph, relations)
    events: list[Event] = []
    sentences = {}
    follow_ups = follow_up_reports(usable.values(), by_id)
    groups = group_mentions(list(usable.values()), story_of, order, settings, follow_ups)
    if settings.join_later_follow_ups:
        groups = join_later_follow_ups(groups, story_of, order, by_id, follow_ups, settings)

    reconciled: dict[tuple[str, ...], Reconciled] = {}

    def values_of(group: Sequence[Mention]) -> Reconciled:
        # the values come from the mentions that state the event, not from sentences attached to it
        key = tuple(m.id for m in group)
        if key not in reconciled:
            stating = [m for m in group if not m.attached] or group
            reconciled[key] = reconcile_values(stating, lambda d: group_of(d, graph), settings, group, published_day)
        return reconciled[key]

    if settings.join_alike_events:
        groups = joined_alike(groups, [values_of(g) for g in groups], story_of, in_order(order), settings)
    # a report of the story that tells no event of its own still reports its incident
    silent = eventless_reports(stories, groups) if settings.attach_eventless_reports else {}
    for k, group in enumerate(groups):
        stating = [m for m in group if not m.attached] or group
        values = values_of(group)
        documents = tuple(dict.fromkeys([*(m.document for m in group), *silent.get(k, ())]))
        sentence = event_sentence(stating, relations, settings)
        event = Event(
            id=event_id(group), story=story_of.get(group[0].document), type=values.type,
            sub_type=values.sub_type, date=values.date, place=values.place, actors=values.actors,
            fatalities=values.fatalities, mentions=tuple(m.id for m in group), documents=documents,
            independent_sources=namer.independent_sources(documents),
            contradictions=values.contradictions, summary=sentence.text, injured=values.injured,
        )
        sentences[event.id] = sentence
        events.append(event)
    return events, make_briefs(stories, events, sentences, by_id, relations, settings)


def _published(doc: Document) -> str:
    return doc.published.date if doc.published is not None else "9999"
