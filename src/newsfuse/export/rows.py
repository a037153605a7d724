"""Records -> plain JSON-able rows, one function per exported table.

These are the export contract of ``shared/DESIGN.md`` (plus additions); the
API serves the same rows so a user sees one shape everywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from newsfuse.export.flat import all_contradiction_rows, contradiction_rows
from newsfuse.export.snapshot import Snapshot
from newsfuse.records import (
    Brief,
    Contradiction,
    CopyRelation,
    DateValue,
    Document,
    Event,
    Fatalities,
    Figure,
    Mention,
    Place,
    Rejected,
    Story,
    ValueReport,
)

TABLES = ("documents", "copies", "stories", "events", "mentions", "briefs", "contradictions")


def jsonable(value: Any) -> Any:
    """A contradiction value (free-form ``Any``) as something json.dumps accepts."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    return str(value)


def place_row(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "geonameid": place.geonameid,
        "admin1": place.admin1,
        "precision": place.precision,
    }


def figure_row(fig: Figure | None) -> dict[str, Any] | None:
    if fig is None:
        return None
    return {
        "kind": fig.kind,
        "low": fig.low,
        "high": fig.high,
        "best": fig.best,
        "qualifier": fig.qualifier,
        "text": fig.text,
    }


def _date(d: DateValue | None) -> tuple[str | None, str | None]:
    return (d.date, d.precision) if d else (None, None)


def contradiction_row(c: Contradiction) -> dict[str, Any]:
    return {
        "field": c.field,
        "values": [{"value": jsonable(v.value), "documents": list(v.documents)} for v in c.values],
    }


def document_row(doc: Document, snap: Snapshot) -> dict[str, Any]:
    graph = snap.graph
    # the copies stage's origins include wires whose passages are merely carried;
    # fall back to the document's own credits when the graph has none for it
    credits = graph.origins.get(doc.id) or doc.credits
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "byline": doc.byline,
        "published": doc.published.date if doc.published else None,
        "published_precision": doc.published.precision if doc.published else None,
        "language": doc.language,
        "text": doc.text,
        "origins": sorted({c.name for c in credits}),
        "origin_group": graph.origin_group.get(doc.id, doc.id),
        "near_duplicate_of": graph.near_duplicate_of(doc.id),
        "story": snap.story_of_doc.get(doc.id),
        "removed_count": len(doc.removed),
    }


def copy_row(rel: CopyRelation) -> dict[str, Any]:
    return {
        "a": rel.a,
        "b": rel.b,
        "kind": rel.kind,
        "overlap": rel.overlap,
        "passages": [
            {"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end}
            for p in rel.passages
        ],
        "direction": rel.direction,
        "original": rel.original,
        "evidence": rel.evidence,
    }


def story_row(story: Story, snap: Snapshot) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "documents": list(story.documents),
        "events": len(snap.events_by_story.get(story.id, [])),
    }


def figures_row(f: Fatalities) -> dict[str, Any]:
    """A reconciled figure (killed or injured): its range, best value and who reports which value."""
    return {
        "low": f.low,
        "best": f.best,
        "high": f.high,
        "reports": [{"value": v, "document": d} for v, d in f.reports],
    }


def event_row(ev: Event) -> dict[str, Any]:
    date, precision = _date(ev.date)
    return {
        "id": ev.id,
        "story": ev.story,
        "type": ev.type,
        "sub_type": ev.sub_type,
        "date": date,
        "date_precision": precision,
        "place": place_row(ev.place),
        "actors": list(ev.actors),
        "fatalities": figures_row(ev.fatalities),
        "injured": figures_row(ev.injured),
        "documents": list(ev.documents),
        "mentions": list(ev.mentions),
        "independent_sources": list(ev.independent_sources),
        "contradictions": [contradiction_row(c) for c in ev.contradictions],
        "summary": ev.summary,
        "label": ev.label,
    }


def mention_row(m: Mention) -> dict[str, Any]:
    date, precision = _date(m.date)
    return {
        "id": m.id,
        "document": m.document,
        "start": m.span[0],
        "end": m.span[1],
        "sentence": m.sentence,
        "type": m.type,
        "sub_type": m.sub_type,
        "actors": [{"name": a.name, "role": a.role} for a in m.actors],
        "place": place_row(m.place),
        "place_text": m.place_text,
        "date": date,
        "date_precision": precision,
        "date_resolution": m.date.resolution if m.date else None,
        "fatalities": figure_row(m.fatalities),
        "injured": figure_row(m.injured),
        "attribution": m.attribution,
        "confidence": m.confidence,
    }


def brief_row(brief: Brief) -> dict[str, Any]:
    return {
        "story": brief.story,
        "text": " ".join(s.text for s in brief.sentences),
        "sentences": [{"text": s.text, "documents": list(s.documents)} for s in brief.sentences],
    }


def rejection_row(r: Rejected) -> dict[str, Any]:
    return {"source": r.source, "stage": r.stage, "reason": r.reason}


def _iso_dates(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def _blank_contradiction(ev: Event) -> dict[str, Any]:
    return contradiction_rows(ev, Contradiction("", (ValueReport(None, ()),)), Snapshot())[0]


def columns(table: str) -> list[str]:
    """The column names of a table, known even when it has no rows (an empty CSV still has a header).

    Read off a row of blank records so the list can never drift from the row functions.
    """
    blank_event = Event("", None, "", "", None, None, (), Fatalities(None, None, None), (), (), ())
    sample = {
        "documents": lambda: document_row(Document("", "", ""), Snapshot()),
        "copies": lambda: copy_row(CopyRelation("", "", "duplicate", 0.0)),
        "stories": lambda: story_row(Story("", "", ()), Snapshot()),
        "events": lambda: event_row(blank_event),
        "mentions": lambda: mention_row(Mention("", "", (0, 0), "", "", "")),
        "briefs": lambda: brief_row(Brief("", ())),
        "contradictions": lambda: _blank_contradiction(blank_event),
    }
    if table not in sample:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    return list(sample[table]())


def rows(snap: Snapshot, table: str) -> list[dict[str, Any]]:
    """All rows of one exported table, in a stable order."""
    if table == "documents":
        return [document_row(d, snap) for d in sorted(snap.documents, key=lambda d: d.source)]
    if table == "copies":
        return [copy_row(r) for r in snap.graph.relations]
    if table == "stories":
        return [story_row(s, snap) for s in snap.stories]
    if table == "events":
        return [event_row(e) for e in snap.events]
    if table == "mentions":
        return [mention_row(m) for m in snap.mentions]
    if table == "briefs":
        return [brief_row(b) for b in snap.briefs]
    if table == "contradictions":
        return [_iso_dates(r) for r in all_contradiction_rows(snap)]
    raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
