"""Events as ACLED rows: ACLED's columns, vocabularies and codes, then newsfuse's own.

Column names, order and value vocabularies follow the ACLED Codebook (2024
edition, which writes actor types as names: ``inter1 = "Rebel group"``,
``interaction = "State forces-Rebel group"``). Where ACLED's rule is stated we
apply it: fatalities are the lowest reported figure when reports conflict,
``time_precision`` 1/2/3 = day / within a week / within a month or more,
``geo_precision`` 1/2/3 = town / near a town / province. Values newsfuse cannot
know are left empty, never guessed (``admin3``, ``tags``).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from functools import cache
from importlib.resources import files
from typing import Any

from newsfuse.export.countries import country
from newsfuse.export.flat import admin_name, day_span, geo_precision
from newsfuse.export.snapshot import Snapshot
from newsfuse.records import Event, same_place

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["independent_sources", "contradictions", "documents", "newsfuse_event_id", "fatalities_high"]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# ACLED's actor types, in the order of its old numeric codes 1-8 (interaction lists the lower first)
ACTOR_TYPES = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
               "Civilians", "External/Other forces")

# ACLED's generic actor names (which our actor table uses too) carry their type
_GENERIC = (
    (re.compile(r"^(Military|Police) Forces of\b"), "State forces"),
    (re.compile(r"^Civilians\b"), "Civilians"),
    (re.compile(r"^Protesters\b"), "Protesters"),
    (re.compile(r"^Rioters\b"), "Rioters"),
    (re.compile(r"^Unidentified Armed Group\b"), "Political militia"),  # ACLED codes unidentified groups as militias
)
# our actor table's kinds -> ACLED type; named armed groups without a coded type are rebel groups by default
_KIND = {"state_force": "State forces", "civilians": "Civilians", "organisation": "External/Other forces",
         "group": "Rebel group"}
# named groups ACLED codes as militias, not rebels (ACLED actor list, general knowledge)
_MILITIAS = {"Asaib Ahl al-Haq": "Political militia", "Mahdi Army": "Political militia",
             "Hezbollah": "Political militia", "Popular Mobilization Forces": "State forces"}


@cache
def _table_kinds() -> dict[str, str]:
    data = json.loads(files("newsfuse.nlp").joinpath("data/actors.json").read_text(encoding="utf-8"))
    return {a["canonical"]: a["kind"] for a in data.get("actors", []) if "{" not in a["canonical"]}


_ARMED = ("State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces")


def actor_type(name: str | None) -> str:
    """ACLED's type of an actor, or "" when newsfuse does not know it (a bare person's name)."""
    if not name:
        return ""
    for pattern, kind in _GENERIC:
        if pattern.search(name):
            return kind
    if name in _MILITIAS:
        return _MILITIAS[name]
    return _KIND.get(_table_kinds().get(name, ""), "")


def interaction(inter1: str, inter2: str) -> str:
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    a, b = sorted((inter1, inter2), key=ACTOR_TYPES.index)
    return f"{a}-{b}"


def disorder_type(ev: Event) -> str:
    if ev.type == "Strategic developments":
        return "Strategic developments"
    if ev.sub_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if ev.type == "Protests" or (ev.type == "Riots" and ev.sub_type != "Mob violence"):
        return "Demonstrations"
    return "Political violence"


def sides(ev: Event, snap: Snapshot) -> tuple[str, list[str], str, list[str]]:
    """actor1, its associates, actor2, its associates: roles voted over the event's mentions.

    Without mentions (a snapshot of events only) the event's actors, most reported
    first, stand in: the first is actor1, the second actor2.
    """
    own = set(ev.mentions)
    mentions = [m for d in ev.documents for m in snap.mentions_by_doc.get(d, []) if m.id in own]
    # A sentence attached to the event (background, recap, the arrest) names its sides only when it
    # is about the event's own place: "border guards left Al Qaim" does, a recap of the alliance
    # "with loyalists of Saddam Hussein" placed at Baghdad does not.
    mentions = [m for m in mentions if not m.attached or (
        m.place is not None and ev.place is not None and same_place(m.place, ev.place))] or mentions
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    assoc: Counter[str] = Counter()
    for m in mentions:
        for r in m.actors:
            if r.role == "actor1":
                first[r.name] += 1
            elif r.role in ("actor2", "target"):
                second[r.name] += 1
            else:
                assoc[r.name] += 1
    order = {n: i for i, n in enumerate(ev.actors)}

    def ranked(c: Counter[str]) -> list[str]:
        # a named group before "Unidentified Armed Group": ACLED names the side when a report does
        return sorted(c, key=lambda n: (n.startswith("Unidentified"), -c[n], order.get(n, len(order))))

    a1 = ranked(first)
    a2 = [n for n in ranked(second) if n not in a1[:1]]
    if not a1 and not a2:
        names = list(ev.actors)
        return (names[0] if names else "", [], names[1] if len(names) > 1 else "", [])
    if not a1:
        a1, a2 = a2[:1], a2[1:]
    actor1, actor2 = a1[0], (a2[0] if a2 else "")
    # ACLED: in a protest or riot the demonstrators are actor1, whoever intervenes actor2
    crowd = next((n for n in a1 + a2 + ranked(assoc) if actor_type(n) in ("Protesters", "Rioters")), None)
    if ev.type in ("Protests", "Riots") and crowd and crowd != actor1:
        # the side that intervenes is an armed one (police tear-gassing traders), not the bystanders the
        # reports name as hit ("Civilians"), nor an organiser marching with the crowd
        armed = next((n for n in (actor1, actor2) if n and n != crowd and actor_type(n) in _ARMED), None)
        actor1, actor2 = crowd, armed or (actor1 if crowd == actor2 or not actor2 else actor2)
        a1 = [actor1] + [n for n in a1 if n not in (actor1, actor2)]
        a2 = [actor2] + [n for n in a2 if n not in (actor1, actor2)]
    rest = [n for n in ranked(assoc) if n not in (actor1, actor2)]
    assoc1 = [n for n in a1[1:] if n != actor2] + [n for n in rest if n in first or n not in second]
    assoc2 = [n for n in a2[1:] if n not in assoc1]
    return actor1, list(dict.fromkeys(assoc1)), actor2, list(dict.fromkeys(assoc2))


def _wires(snap: Snapshot) -> set[str]:
    return {c.name for credits in snap.graph.origins.values() for c in credits if c.kind == "wire"}


def source_scale(sources: tuple[str, ...], wires: set[str]) -> str:
    """"International" when every independent source is a wire service; "" when newsfuse cannot tell."""
    return "International" if sources and all(s in wires for s in sources) else ""


def event_id(ev: Event, iso3: str) -> str:
    """ACLED's country code and a number: stable across runs, read off our own event id."""
    try:
        number = int(ev.id[:8], 16)
    except ValueError:
        number = int.from_bytes(ev.id.encode()[:4].ljust(4, b"\0"), "big")
    return f"{iso3 or 'XXX'}{number}"


def _contradiction_text(ev: Event, snap: Snapshot) -> str:
    parts = []
    for c in ev.contradictions:
        values = "; ".join(f"{v.value} ({', '.join(snap.label(d) for d in v.documents)})" for v in c.values)
        parts.append(f"{c.field}: {values}")
    return " | ".join(parts)


def acled_row(ev: Event, snap: Snapshot, wires: set[str], stamp: int) -> dict[str, Any]:
    start, _ = day_span(ev.date)
    place = ev.place
    c = country(place.country) if place else None
    actor1, assoc1, actor2, assoc2 = sides(ev, snap)
    inter1, inter2 = actor_type(actor1), actor_type(actor2)
    f = ev.fatalities
    civilian = ev.type == "Violence against civilians" or (
        ev.type == "Explosions/Remote violence" and inter2 == "Civilians")
    return {
        "event_id_cnty": event_id(ev, c.iso3 if c else ""),
        "event_date": start,
        "year": start.year if start else None,
        "time_precision": TIME_PRECISION.get(ev.date.precision, 3) if ev.date else None,
        "disorder_type": disorder_type(ev),
        "event_type": ev.type,
        "sub_event_type": ev.sub_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(assoc1),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(assoc2),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": c.numeric if c else None,
        "region": c.acled_region if c else "",
        "country": c.name if c else (place.country if place else ""),
        "admin1": admin_name(place, 1) or "",
        "admin2": admin_name(place, 2) or "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": round(place.lat, 4) if place else None,
        "longitude": round(place.lon, 4) if place else None,
        "geo_precision": geo_precision(place),
        "source": "; ".join(ev.independent_sources),
        "source_scale": source_scale(ev.independent_sources, wires),
        "notes": ev.summary,
        # ACLED codes the most conservative figure when reports differ, 0 when none is reported
        "fatalities": f.low if f.low is not None else (f.best or 0),
        "tags": "",
        "timestamp": stamp,
        "independent_sources": len(ev.independent_sources),
        "contradictions": _contradiction_text(ev, snap),
        "documents": ";".join(ev.documents),
        "newsfuse_event_id": ev.id,
        "fatalities_high": f.high if f.high is not None else f.best,
    }


def acled_rows(snap: Snapshot, stamp: int | None = None) -> list[dict[str, Any]]:
    """Every event as an ACLED row, by date then id; ``timestamp`` is the export time (ACLED: last change)."""
    stamp = int(time.time()) if stamp is None else stamp
    wires = _wires(snap)
    events = sorted(snap.events, key=lambda e: ((e.date.date if e.date else "9999"), e.id))
    return [acled_row(e, snap, wires, stamp) for e in events]
