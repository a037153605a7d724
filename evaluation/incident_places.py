"""Where the events of real local news are placed: gva_incidents incidents placed within 40 km.

The same slice and the same whole-pipeline run as evaluation/incidents.py (halves by incident id,
rules chosen on dev), scored on the place alone: does an event holding one of the incident's reports
lie within 40 km of it (any date), beside issue 8's "right event" (that and its day +-1). The misses
are counted by what the nearest such event carries: no event, no place, a place abroad, a place in
another state, a state or county, a town of the right state too far off; and whether any place the
reports name lies within 40 km (else nothing a place choice could fix).

The outlets' home-area table (nlp/data/outlet_areas.tsv) is learned from the dev half: dev is
in-sample for it, test is the honest figure. ``python -m evaluation.incident_places [--dev]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from evaluation import gva
from evaluation.common import console, table
from evaluation.incidents import (FULL, MAX_KM, QUICK, Found, events_by_document, incident_events, km, near,
                                  right_event, run_newsfuse, slice_of)
from newsfuse.records import Event


def miss_class(events: Sequence[Event], inc: gva.Incident) -> str:
    """What the incident's events carry instead of a place within 40 km."""
    if not events:
        return "no event"
    placed = [e.place for e in events if e.place is not None]
    if not placed:
        return "events without a place"
    if any(p.country != "US" for p in placed):
        return "a place abroad"
    if any(p.precision in ("region", "country") for p in placed):
        return "a state or county too far"
    if any(p.admin1 and p.admin1 != inc.state for p in placed):
        return "a town of another state"
    return "a town of the state too far"


def score(chosen: Sequence[gva.Incident], found: Found) -> tuple[float, float, Counter[str]]:
    """Share placed within 40 km, share with the right event, and the misses by class."""
    events_of = events_by_document(found.events)
    placed = right = 0
    misses: Counter[str] = Counter()
    for inc in chosen:
        docs, touching = incident_events(inc, found, events_of)
        right += any(right_event(e, inc) for e in touching)
        if any(near(e, inc) for e in touching):
            placed += 1
            continue
        said = any(inc.lat is not None and km(p.place.lat, p.place.lon, inc.lat, inc.lon) <= MAX_KM
                   for d in docs if d in found.annotations for p in found.annotations[d].places)
        misses[f"{miss_class(touching, inc)}; {'a place within 40 km named' if said else 'none named'}"] += 1
    n = max(1, len(chosen))
    return placed / n, right / n, misses


def main(quick: bool = False, halves: Sequence[str] = ("dev", "test")) -> None:
    multi, single = QUICK if quick else FULL
    rows = []
    for half in halves:
        chosen = slice_of(half, multi, single)
        placed, right, misses = score(chosen, run_newsfuse(gva.reports_of(chosen)))
        rows.append([f"{half} ({len(chosen)} incidents)", placed, right,
                     "; ".join(f"{k}: {v}" for k, v in misses.most_common())])
    console.print(table(f"gva_incidents: events placed <= {MAX_KM:.0f} km ({multi} incidents with 2+ reports and "
                        f"{single} with one, per half)", ["half", "placed <= 40 km", "right event", "misses"], rows))


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv, halves=("dev",) if "--dev" in sys.argv else ("dev", "test"))
