"""Rich tables of what the store holds, for the terminal: the analyst's first look."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from newsfuse.records import CopyGraph, Document, Event, Story
from newsfuse.untrusted import terminal_text


def _short(text: str | None, width: int) -> str:
    """At most ``width`` characters of data, escaped for the terminal (Rich reads cells as markup)."""
    text = (text or "").strip()
    return terminal_text(text if len(text) <= width else text[: width - 1] + "…")


def _outlet(doc: Document | None) -> str:
    if doc is None:
        return "?"
    return doc.outlet or "unknown"  # a file name is no outlet


def documents_table(docs: Sequence[Document], graph: CopyGraph) -> Table:
    t = Table(title=f"Documents ({len(docs)})", title_justify="left")
    for col in ("id", "outlet", "published", "title", "credits", "copy of", "group"):
        t.add_column(col, overflow="fold")
    by_id = {d.id: d for d in docs}
    for d in sorted(docs, key=lambda d: (d.published.date if d.published else "", d.id)):
        copy_of = graph.near_duplicate_of(d.id)
        credits = sorted({c.name for c in graph.origins.get(d.id, d.credits)})
        t.add_row(
            d.id[:8],
            _short(_outlet(d), 24),
            terminal_text(d.published.date) if d.published else "",
            _short(d.title, 48),
            terminal_text(", ".join(credits)),
            f"{copy_of[:8]} ({_short(_outlet(by_id.get(copy_of)), 16)})" if copy_of else "",
            graph.origin_group.get(d.id, d.id)[:8],
        )
    return t


def copies_table(docs: Sequence[Document], graph: CopyGraph) -> Table:
    by_id = {d.id: d for d in docs}
    t = Table(title=f"Copy graph ({len(graph.relations)} relations)", title_justify="left")
    for col in ("original", "→ copy / sharer", "kind", "overlap", "passages"):
        t.add_column(col, overflow="fold")
    for rel in sorted(graph.relations, key=lambda r: (-r.overlap, r.a, r.b)):
        first, second = (rel.b, rel.a) if rel.original == rel.b else (rel.a, rel.b)
        arrow = "→" if rel.original else "↔"
        t.add_row(
            f"{first[:8]} {_short(_outlet(by_id.get(first)), 20)}",
            f"{arrow} {second[:8]} {_short(_outlet(by_id.get(second)), 20)}",
            rel.kind,
            f"{rel.overlap:.0%}",
            str(len(rel.passages)),
        )
    return t


def stories_table(stories: Sequence[Story], events: Sequence[Event]) -> Table:
    t = Table(title=f"Stories ({len(stories)})", title_justify="left")
    for col in ("story", "title", "documents", "events"):
        t.add_column(col, overflow="fold")
    per_story: dict[str | None, int] = {}
    for e in events:
        per_story[e.story] = per_story.get(e.story, 0) + 1
    for s in sorted(stories, key=lambda s: -len(s.documents)):
        t.add_row(s.id[:8], _short(s.title, 70), str(len(s.documents)), str(per_story.get(s.id, 0)))
    return t


def _fatalities(event: Event) -> str:
    f = event.fatalities
    if f.best is None:
        return ""
    if f.low is not None and f.high is not None and f.low != f.high:
        text = f"{f.low}–{f.high}"
    elif f.low is not None and f.high is None:
        text = f"≥{f.low}"
    else:
        text = str(f.best)
    if any(c.field == "fatalities" for c in event.contradictions):
        text = f"[bold red]{text} ⚠[/]"
    return text


def events_table(events: Sequence[Event], stories: Sequence[Story]) -> Table:
    titles = {s.id: s.title for s in stories}
    t = Table(title=f"Events ({len(events)})", title_justify="left")
    for col in ("date", "type", "place", "actors", "killed", "sources", "docs", "story"):
        t.add_column(col, overflow="fold")
    for e in sorted(events, key=lambda e: (e.date.date if e.date else "9999", e.id)):
        place = ""
        if e.place:
            place = f"{terminal_text(e.place.name)} ({e.place.lat:.2f}, {e.place.lon:.2f})"
        t.add_row(
            terminal_text(e.date.date if e.date else "?") + ("" if not e.date or e.date.precision == "day" else f" ~{e.date.precision}"),
            f"{terminal_text(e.type)}\n[dim]{terminal_text(e.sub_type)}[/]",
            place,
            _short(", ".join(e.actors), 40),
            _fatalities(e),
            str(len(e.independent_sources)),
            str(len(e.documents)),
            _short(titles.get(e.story or "", ""), 30),
        )
    return t


def contradictions_table(events: Sequence[Event], docs: Sequence[Document]) -> Table:
    by_id = {d.id: d for d in docs}
    t = Table(title="Contradictions", title_justify="left")
    for col in ("event", "field", "value", "reported by"):
        t.add_column(col, overflow="fold")
    for e in events:
        for c in e.contradictions:
            for v in c.values:
                who = ", ".join(f"{d[:8]} {_outlet(by_id.get(d))}" for d in v.documents)
                t.add_row(terminal_text(f"{e.sub_type} @ {e.place.name if e.place else '?'}"), terminal_text(c.field),
                          terminal_text(v.value), terminal_text(who))
    return t


def events_overview(events: Sequence[Event], limit: int = 5) -> Table:
    """The few events most worth a first look: most independent sources, then most reports."""
    top = sorted(events, key=lambda e: (-len(e.independent_sources), -len(e.documents), e.id))[:limit]
    t = Table(title=f"Top {len(top)} of {len(events)} events (by independent sources)", title_justify="left")
    for col in ("date", "event", "place", "killed", "sources"):
        t.add_column(col, overflow="fold")
    for e in top:
        t.add_row(e.date.date if e.date else "?", e.sub_type or e.type, e.place.name if e.place else "",
                  _fatalities(e), str(len(e.independent_sources)))
    return t
