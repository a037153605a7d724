"""Snapshot -> the plain view model the report template renders (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsfuse.export.rows import event_row
from newsfuse.export.snapshot import Snapshot
from newsfuse.reconcile.dates import day_range
from newsfuse.records import CopyGraph, Document, Event, Story
from newsfuse.report import svg
from newsfuse.report.basemap import world_defs
from newsfuse.report.marks import Segment, event_marks, marks_for, segments, shared_share
from newsfuse.untrusted import safe_href


@dataclass
class DocView:
    id: str
    number: int  # citation number within its story: [1], [2] ...
    label: str
    source: str
    url: str | None
    title: str | None
    byline: str | None
    published: str | None
    origins: list[str]
    origin_group: str  # label of the group's first document
    group_size: int
    republishes: str | None  # id of the document this one evidently republishes
    same_as: list[str]  # duplicates with no evident original: same text, direction unknown
    shares_with: list[str]  # ids of documents sharing passages either way
    shared: float  # share of the text in shared passages
    paragraphs: list[list[Segment]]
    removed: list[tuple[str, str]]  # (reason, text)


@dataclass
class StoryView:
    id: str
    title: str
    brief: list[tuple[str, list[str]]]  # (sentence, cited doc ids)
    events: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]  # {event, field, values [{value, documents}]}
    map_svg: str
    unplaced: int  # events without coordinates, not on the map
    timeline_svg: str
    undated: int
    documents: list[DocView]
    independent: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)  # doc id -> citation number
    zoom_svg: str = ""  # the busiest month close up, when a few stray dates stretch the timeline
    zoom_caption: str = ""


def event_anchor(event_id: str) -> str:
    return f"#ev-{event_id}"


def copy_roles(doc_id: str, graph: CopyGraph) -> tuple[str | None, list[str]]:
    """What this document copies (if evident) and its undirected duplicates.

    ``CopyGraph.near_duplicate_of`` also answers for pairs with no evident
    original, which would label both sides "republication of" the other.
    """
    republishes, same = None, []
    for rel in graph.by_document.get(doc_id, ()):
        if rel.kind == "shared_passages":
            continue
        other = rel.b if rel.a == doc_id else rel.a
        if rel.original == other:
            republishes = republishes or other
        elif rel.original is None:
            same.append(other)
    return republishes, sorted(same)


def doc_views(docs: list[Document], snap: Snapshot) -> list[DocView]:
    graph = snap.graph
    event_of = {m: e for e in snap.events for m in e.mentions}
    groups: dict[str, list[str]] = {}
    for d in snap.documents:
        groups.setdefault(graph.origin_group.get(d.id, d.id), []).append(d.id)
    out = []
    for i, d in enumerate(docs, 1):
        marks = marks_for(d.id, graph)
        group = graph.origin_group.get(d.id, d.id)
        credits = graph.origins.get(d.id) or d.credits
        republishes, same_as = copy_roles(d.id, graph)
        out.append(DocView(
            id=d.id, number=i, label=snap.label(d.id), source=d.source, url=safe_href(d.url), title=d.title,
            byline=d.byline, published=d.published.date if d.published else None,
            origins=sorted({c.name for c in credits}),
            origin_group=snap.label(group), group_size=len(groups.get(group, [d.id])),
            republishes=republishes, same_as=same_as,
            shares_with=sorted({m.other for m in marks}),
            shared=shared_share(d, marks),
            paragraphs=segments(d, marks + event_marks(d.id, snap.mentions_by_doc.get(d.id, []), event_of)),
            removed=[(r.reason, r.text) for r in d.removed],
        ))
    return out


def event_points(events: list[Event]) -> list[svg.Point]:
    return [
        svg.Point(e.place.lon, e.place.lat, f"{e.place.name} · {e.sub_type or e.type}"
                  f"{' · ' + str(e.fatalities.best) + ' killed' if e.fatalities.best else ''}",
                  event_anchor(e.id), e.type, e.fatalities.best or 0)
        for e in events if e.place is not None
    ]


def event_spans(events: list[Event]) -> list[svg.Span]:
    out = []
    for e in events:
        days = day_range(e.date) if e.date else None  # the same reading of a date's precision as reconcile
        when = (date.fromordinal(days[0]), date.fromordinal(days[1])) if days else None
        if when:
            where = f" at {e.place.name}" if e.place else ""
            out.append(svg.Span(when[0], when[1], f"{e.date.date}: {e.sub_type or e.type}{where}",
                                event_anchor(e.id), e.type))
    return out


def busiest_window(spans: list[svg.Span], days: int = 31, share: float = 0.6) -> list[svg.Span]:
    """The spans starting in the ``days``-long window that holds the most of them,
    if that is at least ``share`` of all but not all (else no zoom is needed)."""
    if len(spans) < 3:
        return []
    starts = sorted(s.start for s in spans)
    best, best_from = 0, starts[0]
    for i, first in enumerate(starts):  # sliding window over sorted start dates
        n = sum(1 for d in starts[i:] if (d - first).days < days)
        if n > best:
            best, best_from = n, first
    if best == len(spans) or best < share * len(spans):
        return []
    return [s for s in spans if 0 <= (s.start - best_from).days < days]


def _doc_order(story: Story, snap: Snapshot) -> list[Document]:
    docs = [snap.doc_by_id[i] for i in story.documents if i in snap.doc_by_id]
    return sorted(docs, key=lambda d: ((d.published.date if d.published else "9999"), d.source))


def story_view(story: Story, snap: Snapshot, events: list[Event] | None = None) -> StoryView:
    """One story's section; ``events`` overrides the story's own (for events in no story)."""
    if events is None:
        events = snap.events_by_story.get(story.id, [])
    events = sorted(events, key=lambda e: ((e.date.date if e.date else "9999"), e.id))
    brief = snap.brief_by_story.get(story.id)
    contradictions = [
        {"event": e.id, "summary": e.label,
         **{"field": c.field, "values": [{"value": v.value, "documents": list(v.documents)} for v in c.values]}}
        for e in events for c in e.contradictions
    ]
    points, spans = event_points(events), event_spans(events)
    zoom = busiest_window(spans)
    palette = sorted({e.type for e in events})  # one colour per event type across map and timelines
    independent = sorted({s for e in events for s in e.independent_sources})
    docs = doc_views(_doc_order(story, snap), snap)
    numbers = {d.id: d.number for d in docs}

    def cited(ids: Any) -> list[str]:  # citations read [1][2][3], not in storage order
        return sorted(ids, key=lambda i: numbers.get(i, 10**6))

    rows = [event_row(e) for e in events]
    for r in rows:
        r["documents"] = cited(r["documents"])
    return StoryView(
        id=story.id, title=story.title,
        brief=[(s.text, cited(s.documents)) for s in brief.sentences] if brief else [],
        events=rows, contradictions=contradictions,
        map_svg=svg.map_svg(points, palette=palette, map_id=f"map-{story.id}", standalone=False),
        unplaced=len(events) - len(points),
        timeline_svg=svg.timeline_svg(spans, palette=palette), undated=len(events) - len(spans),
        zoom_svg=svg.timeline_svg(zoom, palette=palette),
        zoom_caption=(f"Close-up: {len(zoom)} of {len(spans)} dated events fall between "
                      f"{min(z.start for z in zoom):%d %b %Y} and {max(z.end for z in zoom):%d %b %Y}.") if zoom else "",
        documents=docs, independent=independent, numbers=numbers,
    )


STORIES_PER_PAGE = 10  # the report shows this many stories at a time (all of them without JavaScript)


def overview(snap: Snapshot, views: list[StoryView]) -> dict[str, Any]:
    """The corpus at a glance: every event on one map and one timeline, and a row per story."""
    events = list(snap.events)
    palette = sorted({e.type for e in events})
    points, spans = event_points(events), event_spans(events)
    rows = []
    for i, v in enumerate(views):
        days = [e["date"] for e in v.events if e["date"]]
        rows.append({"id": v.id, "title": v.title, "page": i // STORIES_PER_PAGE + 1,
                     "documents": len(v.documents), "events": len(v.events),
                     "contradictions": len(v.contradictions), "sources": len(v.independent),
                     "first": min(days) if days else None, "last": max(days) if days else None})
    return {
        "map_svg": svg.map_svg(points, width=760, height=440, palette=palette, map_id="map-all", standalone=False),
        "unplaced": len(events) - len(points),
        "timeline_svg": svg.timeline_svg(spans, width=760, palette=palette),
        "undated": len(events) - len(spans),
        "stories": rows,
    }


def report_view(snap: Snapshot) -> dict[str, Any]:
    """Everything the template needs: the overview, stories largest first, then loose documents."""
    stories = sorted(snap.stories, key=lambda s: (-len(s.documents), s.title))
    views = [story_view(s, snap) for s in stories]
    in_story = set(snap.story_of_doc)
    # events whose story is unknown would vanish from a per-story page: give them
    # a section of their own, with the loose documents that report them
    known = {s.id for s in snap.stories}
    orphans = [e for e in snap.events if e.story not in known]
    if orphans:
        docs = tuple(dict.fromkeys(d for e in orphans for d in e.documents if d not in in_story))
        views.append(story_view(Story("no-story", "Events in no story", docs), snap, orphans))
        in_story |= set(docs)
    loose = sorted((d for d in snap.documents if d.id not in in_story), key=lambda d: d.source)
    return {
        "world_svg": world_defs() if snap.events else "",  # the borders every map of the page shows
        "overview": overview(snap, views),
        "per_page": STORIES_PER_PAGE,
        "pages": max(1, -(-len(views) // STORIES_PER_PAGE)),
        "stories": views,
        "loose": doc_views(loose, snap),
        "rejections": list(snap.rejections),
        "counts": {
            "documents": len(snap.documents),
            "stories": len(snap.stories),
            "events": len(snap.events),
            "contradictions": sum(len(e.contradictions) for e in snap.events),
            "copies": len(snap.graph.relations),
        },
        "labels": {d.id: snap.label(d.id) for d in snap.documents},
    }
