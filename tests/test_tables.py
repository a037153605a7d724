"""The terminal tables print data literally: no Rich markup, ANSI escape or newline from a report is interpreted."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from newsfuse import tables
from newsfuse.records import Place
from tests.export.sample_records import sample_snapshot

HOSTILE = "Outlet [/red] [bold]x\x1b[2J\ny"


def _printed(table) -> str:
    console = Console(record=True, width=400, color_system=None)
    console.print(table)
    return console.export_text()


def test_every_table_prints_hostile_names_titles_and_places_literally():
    snap = sample_snapshot()
    docs = [replace(d, outlet=HOSTILE, title=HOSTILE) for d in snap.documents]
    stories = [replace(s, title=HOSTILE) for s in snap.stories]
    place = Place(name=HOSTILE, lat=35.3, lon=43.8, country="IQ")
    events = [replace(e, place=place, actors=(HOSTILE,)) for e in snap.events]
    printed = "".join(_printed(t) for t in (
        tables.documents_table(docs, snap.graph), tables.copies_table(docs, snap.graph),
        tables.stories_table(stories, events), tables.events_table(events, stories),
        tables.contradictions_table(events, docs)))
    assert printed.count("Outlet [/red] [bold]x\\x1b") >= 6  # titles, outlets, places, actors, sources
    assert "\x1b" not in printed
