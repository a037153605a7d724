"""Outlets' home towns learned from the corpus, for report main events that no text places.

Local news reports its own area. events/unplaced.py places a report whose main event has no place at
the town its headline names, the town its outlet's host is named after ("chicagotribune.com") or a
home town learned from dev data for gva_incidents' outlets; a user's own outlets are in neither. Their
home town is learned from the store instead: of an outlet's report main events placed at a town, the
town with most of the others within ``outlet_home_km``, once at least ``outlet_home_min_reports``
lie there and they are ``outlet_home_min_share`` of the outlet's placed reports. The town places
the outlet's unplaced report main events as an area (ACLED geo_precision 3), as a learned home does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.records import Document, Mention, Place, km


def home_towns(placed: Iterable[tuple[str, Place]], settings: ReconcileSettings) -> dict[str, Place]:
    """Host -> its home town, from (host, town) pairs, one per report main event placed at a town."""
    # per host, its distinct towns with the number of reports at each (in the order first named): an outlet of
    # thousands of reports names a few hundred towns, and only those are compared pairwise
    by_host: dict[str, dict[tuple, list]] = defaultdict(dict)
    for host, place in placed:
        by_host[host].setdefault((place.geonameid, place.name, place.lat, place.lon), [place, 0])[1] += 1
    out = {}
    for host, counted in by_host.items():
        towns = list(counted.values())
        near = [sum(n for other, n in towns if km(town, other) <= settings.outlet_home_km) for town, _ in towns]
        best = max(range(len(towns)), key=lambda i: near[i])  # ties: the town named first
        placed_here = sum(n for _, n in towns)
        if near[best] >= settings.outlet_home_min_reports and near[best] / placed_here >= settings.outlet_home_min_share:
            out[host] = replace(towns[best][0], precision="region", geo_precision=3)
    return out


def hosts_of(docs: Iterable[Document]) -> dict[str, str | None]:
    """Document id -> its outlet's host."""
    from newsfuse.nlp.outlets import outlet_host

    return {d.id: outlet_host(d.url) for d in docs}


def placed_report_mains(mentions: Iterable[Mention], host_of: Mapping[str, str | None]) -> list[tuple[str, Place]]:
    """(host, town) of every report main event placed at a town, in order."""
    return placed_report_places(((m.document, m.place) for m in mentions if m.report_main and m.place), host_of)


def placed_report_places(places: Iterable[tuple[str, Place]], host_of: Mapping[str, str | None]
                         ) -> list[tuple[str, Place]]:
    """(host, town) of the (document, place) of report main events, in order, for those placed at a town (a
    gazetteer point) by their own text."""
    return [(host, place) for doc, place in places
            if place.precision == "point" and place.feature == "city" and (host := host_of.get(doc))]


def placed_at_home(mentions: Sequence[Mention], host_of: Mapping[str, str | None], towns: Mapping[str, Place]
                   ) -> list[Mention]:
    """``mentions`` with each unplaced report main event at its outlet's home town, where one is learned."""
    out = []
    for m in mentions:
        if m.report_main and m.place is None and (town := towns.get(host_of.get(m.document) or "")) is not None:
            m = replace(m, place=town, place_text=town.name)
        out.append(m)
    return out
