"""What the document and its outlet say of where its names lie: states written after towns, the
areas its names point at most, the outlet's home area (local news names local towns bare), counties."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.nlp.gazetteer import Entry, Gazetteer
from newsfuse.nlp.names import name_key
from newsfuse.nlp.places.agencies import home_counties, second_of_joint_name
from newsfuse.nlp.places.candidates import WORLD_CITY, Candidate, serves_town
from newsfuse.nlp.places.resolve import linked_counties, place_of
from newsfuse.records import Place
from newsfuse.records import km as distance_km

_NEIGHBOURHOOD = re.compile(r" neighbou?rhood\b")


def neighbourhood_elsewhere(text: str, r: tuple[Candidate, Place, float, Entry],
                             regions: frozenset[tuple[str, str]]) -> bool:
    """A name written before "neighborhood" is a part of a town of the report ("the Austin neighborhood" in a
    Chicago story): read as a town of another state than the one(s) the report's other places lie in, it is
    a namesake. (With no other place of its country, "the east Baltimore neighborhood" is the city's part.)"""
    c, _, _, entry = r
    if entry.feature != "city" or not _NEIGHBOURHOOD.match(text, c.span[1]):
        return False
    others = {a for a in regions if a[0] == entry.country}
    return bool(others) and (entry.country, entry.admin1) not in others


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s")
_SAME_SENTENCE_CHARS = 200


def county_of_many_states(entry: Entry, entries: Sequence[tuple[Entry, bool]]) -> bool:
    """A county name several states share ("Texas County": Missouri's and Oklahoma's), read before any
    context: the first pass's pick of them is a guess by size, no sign of the document's state (it made
    Tyrone, Oklahoma "local" in a Missouri report naming Texas County)."""
    return entry.feature == "county" and len({(e.country, e.admin1) for e, _ in entries if e.feature == "county"}) > 1


def states_of_named_counties(cands: Sequence[Candidate]) -> list[tuple[str, tuple[str, str]]]:
    """(name key, admin-1 area) for a name that is both a country and a state ("Georgia") and a county of the
    document that lies in that state ("Richmond County"): each reading supports the other, under both names.
    Read alone, the country's size wins the name and the biggest namesake county (New York's) the county."""
    states = {(e.country, e.admin1): name_key(c.text) for c in cands
              if any(p and e.feature == "country" for e, p in c.entries)
              for e, p in c.entries if p and e.feature == "region" and e.admin1}
    linked = linked_counties(cands)
    out = []
    for c in cands:
        counties = [e for e, p in c.entries if p and e.feature == "county"]
        if any((e.country, e.admin1, e.admin2_name) in linked for e in counties):
            continue  # a town of the document lies in one of them: that decides ("Seneca" in Oconee, S.C.)
        for e in counties:
            if (e.country, e.admin1) in states:
                out += [(name_key(c.text), (e.country, e.admin1)), (states[(e.country, e.admin1)], (e.country, e.admin1))]
    return out


def beside_home_towns(text: str, cands: Sequence[Candidate],
                       first: Sequence[tuple[Candidate, Place, float, Entry] | None], home: tuple[str, str]) -> frozenset[int]:
    """Candidates sharing a sentence with a town the first pass placed in the outlet's home area: there a
    town of another state would have its state written (AP style), so a bare one is a local namesake."""
    local = [r[0].span for r in first if r and r[3].feature == "city" and (r[3].country, r[3].admin1) == home]
    out = set()
    for i, c in enumerate(cands):
        if c.text.isupper() and (c.span[0] == 0 or text[c.span[0] - 1] == "\n"):
            continue  # a dateline ("WASHINGTON —") writes a well-known town without its state
        for span in local:
            if span == c.span:
                continue
            (_, end), (start, _) = sorted((c.span, span))
            if start - end < _SAME_SENTENCE_CHARS and not _SENTENCE_END.search(text, end, start):
                out.add(i)
                break
    return frozenset(out)


def counties_named_short(cands: list[Candidate], first: Sequence[tuple[Candidate, Place, float, Entry] | None]
                          ) -> list[Candidate]:
    """A county the document names in full may come back by its bare name ("DeKalb County ... unincorporated
    DeKalb"): the bare name's candidates include the counties of that full name, ranked with its towns (a
    town of the name in the document's state still wins). Dev LGL acc@161 0.928 -> 0.931, F1 0.856 -> 0.859
    (taking the county the first pass chose instead: 0.928, it may be another state's); GeoWebNews unchanged."""
    counties = {name_key(c.text[:-len(" County")]): c.entries for c, r in zip(cands, first, strict=True)
                if r and r[3].feature == "county" and c.text.endswith(" County")}
    if not counties:
        return cands
    out = []
    for c in cands:
        extra = counties.get(name_key(c.text))
        if extra is not None and " " not in c.text:
            c = replace(c, entries=c.entries + tuple((e, True) for e, _ in extra if e.feature == "county"))
        out.append(c)
    return out


# words after a county's bare name that make it a place, not a person ("Henry police", "a DeKalb apartment")
_COUNTY_USE = re.compile(r" (?:police|cops|deputies|officers|authorities|man|woman|men|women|teen|teens|boy|girl|"
                         r"apartment|apartments|home|house|neighborhood|residents?|school|jail|county)\b")


def counties_of_home_state(text: str, cands: list[Candidate], home: tuple[str, str], gaz: Gazetteer
                           ) -> list[Candidate]:
    """A bare name that is a county's of the outlet's home state, before a word that makes it a place ("Henry
    police", "a DeKalb apartment complex" in an Atlanta paper), may be that county: its candidates include the
    county, ranked with its towns (a town of the name in the state still wins). gva dev-rest right event +1
    ("Henry cops" of an Atlanta paper); the dev slice, LGL and GeoWebNews dev unchanged. Read in any state the
    document points at, or whatever word follows, surnames ("Hughes said") and brands became counties (LGL dev
    F1 0.870 -> 0.859)."""
    out = []
    for c in cands:
        if " " not in c.text and not c.inside_name and _COUNTY_USE.match(text, c.span[1]) \
                and not second_of_joint_name(text, c.span[0]):
            have = {e.geonameid for e, _ in c.entries}
            extra = tuple((e, True) for e in home_counties(c.text, home, gaz) if e.geonameid not in have)
            if extra:
                c = replace(c, entries=c.entries + extra)
        out.append(c)
    return out


def main_areas(cands: Sequence[Candidate], first: Sequence[tuple[Candidate, Place, float, Entry] | None],
                quals: Sequence[tuple[str, str | None] | None]) -> list[tuple[str, str] | None]:
    """For each candidate, the admin-1 area the document's other names point at most: its state names
    ("Indiana") and the states written after its towns ("Lebanon, Pa."), counted per mention. None
    unless one area leads with two mentions or more. A name never counts for itself ("Boone County"
    five times does not make its own first guess the document's area)."""
    per_key: dict[str, Counter[tuple[str, str]]] = {}
    for c, r, q in zip(cands, first, quals, strict=True):
        if q and q[1]:
            area = (q[0], q[1])
        elif r and r[3].feature == "region" and r[3].admin1:
            area = (r[3].country, r[3].admin1)
        else:
            continue
        per_key.setdefault(name_key(c.text), Counter())[area] += 1
    if not per_key:
        return [None] * len(cands)
    total: Counter[tuple[str, str]] = Counter()
    for counts in per_key.values():
        total.update(counts)
    out: list[tuple[str, str] | None] = []
    for c in cands:
        top = (total - per_key.get(name_key(c.text), Counter())).most_common(2)
        lead = bool(top) and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1])
        out.append(top[0][0] if lead else None)
    return out


def spread_qualifiers(cands: Sequence[Candidate], quals: list[tuple[str, str | None] | None]) -> None:
    """One name, one place in a document: "Portsmouth, Va." once makes every later "Portsmouth" the
    Virginia one (unless the document qualifies the name with two different areas)."""
    written: dict[str, set[tuple[str, str | None]]] = {}
    for c, q in zip(cands, quals, strict=True):
        if q is not None:
            written.setdefault(name_key(c.text), set()).add(q)
    for i, c in enumerate(cands):
        areas = written.get(name_key(c.text))
        if quals[i] is None and areas and len(areas) == 1:
            quals[i] = next(iter(areas))


def home_town(cands: Sequence[Candidate], quals: list[tuple[str, str | None] | None], home: tuple[str, str],
               host: str) -> None:
    """A town the outlet's host is named after ("parisbeacon.com", "palestineherald.com") is the one in
    the outlet's home area, as if its state were written after it."""
    for i, c in enumerate(cands):
        if quals[i] is None and _named_in_host(c.text, host) \
                and any((e.country, e.admin1) == home and e.feature == "city" for e, _ in c.entries):
            quals[i] = home


def _named_in_host(name: str, host: str) -> bool:
    """The host opens or closes one of its labels with the name ("parisbeacon.com" and "Paris")."""
    key = name_key(name)
    labels = [name_key(re.sub(r"[^a-z]", "", label)) for label in host.split(".")[:-1]]
    return len(key) >= 4 and any(la.startswith(key) or la.endswith(key) for la in labels)


_HOME_NAMESAKE_RATIO = 20


def home_namesakes(cands: Sequence[Candidate], quals: list[tuple[str, str | None] | None],
                    home: tuple[str, str], skip_host: str | None = None) -> None:
    """Local news: a town named like one of the outlet's home area ("Columbus" on a Columbus, Georgia
    station, "Danville" in an Illinois paper) is that one, as if its state were written after it, unless
    the document names another state holding a town of that name. ``skip_host``: a host whose home is
    only read off its own town name, which then decides nothing about that town (gva dev)."""
    named = {(e.country, e.admin1) for c in cands for e, p in c.entries if p and e.feature == "region"}
    named |= {q for q in quals if q is not None and q[1] is not None}
    for i, c in enumerate(cands):
        if quals[i] is not None or c.region or (skip_host and _named_in_host(c.text, skip_host)):
            continue
        towns = {(e.country, e.admin1) for e, p in c.entries if p and e.feature == "city"}
        if home not in towns or (towns & named) - {home}:
            continue
        local = max(e.population for e, p in c.entries if p and e.feature == "city" and (e.country, e.admin1) == home)
        biggest = max(e.population for e, _ in c.entries if e.feature == "city")
        # a world city, or a namesake many times the home town's size, named alone is itself ("Manhattan" in
        # a Chicago paper, "Newark" on a New York station); gva dev: 20x keeps Dalton, Ohio (18x) and
        # loses Washington, Pennsylvania (51x) but mends Newark, N.J. (32x) and Montgomery, Ala. (43x)
        if biggest < WORLD_CITY and biggest <= _HOME_NAMESAKE_RATIO * local:
            quals[i] = home


def counties_near_home(cands: Sequence[Candidate], quals: list[tuple[str, str | None] | None],
                        regions: frozenset[tuple[str, str]], own: Sequence[frozenset[tuple[str, str]]],
                        home: tuple[str, str], gaz: Gazetteer) -> None:
    """Local news names a county for the local reader: a county name none of whose states the document points
    at, and none in the outlet's home area, is the namesake nearest that area ("Sumter County" on a Charlotte
    station is South Carolina's, not Florida's), as if that state were written after it. (Dev: gva right
    event 0.887 -> 0.889; LGL acc@161 0.934 -> 0.935, F1 unchanged; GeoWebNews unchanged. Without the check
    of the document's other places, "Fulton County" on a Memphis station's Atlanta story was Kentucky's.)"""
    for i, c in enumerate(cands):
        if quals[i] is not None or c.region or any(e.feature == "city" for e, _ in c.entries):
            continue
        counties = {(e.country, e.admin1) for e, p in c.entries if p and e.feature == "county"}
        if len(counties) < 2 or counties & (regions - own[i] - {home}) or {a[0] for a in counties} != {home[0]}:
            # one county of the name, the document's other places point at one of them, or a home abroad (a
            # host named like a foreign city: "santacruz..." is no Philippine outlet's)
            continue
        if home not in counties:  # the home's own county already weighs as one of the document's areas
            quals[i] = _nearest_area(counties, home, gaz)


def _nearest_area(areas: set[tuple[str, str]], home: tuple[str, str], gaz: Gazetteer) -> tuple[str, str] | None:
    """Of admin-1 areas, the one whose middle lies nearest the middle of the outlet's home area (None when
    the home's middle is unknown)."""
    def middle(area: tuple[str, str]) -> Place | None:
        i = gaz.admin1_by_code.get(area)
        return None if i is None else place_of(gaz.entry(i), True)

    origin = middle(home)
    if origin is None:
        return None
    known = [(a, m) for a in sorted(areas) if (m := middle(a)) is not None]
    return min(known, key=lambda am: distance_km(origin, am[1]))[0] if known else None


_IN_TOWN = re.compile(r"\b(?:in|near|outside)\s+$")


def towns_near_home(text: str, cands: Sequence[Candidate], quals: list[tuple[str, str | None] | None],
                    regions: frozenset[tuple[str, str]], own: Sequence[frozenset[tuple[str, str]]],
                    home: tuple[str, str], point: Place, within_km: float, min_population: int) -> None:
    """Local news of a station or paper whose coverage crosses a state line: a town written after "in",
    "near" or "outside", or before its own police ("Montgomery police say" on a Columbus, Georgia station),
    with no namesake in a state the document points at, is the namesake nearest the outlet's home town
    ``point`` when one of at least ``min_population`` lies within ``within_km``, as if its state were written
    after it. A namesake in the outlet's home area is one of them: ``home_namesakes``
    has already made a town of the home area's size that one, and left a namesake many times bigger to
    the size of the towns ("Newark" on a New York City station is New Jersey's, beside it, not the small
    Newark of New York State)."""
    for i, c in enumerate(cands):
        if quals[i] is not None or c.region or c.weak or c.inside_name \
                or not (_IN_TOWN.search(text, max(0, c.span[0] - 8), c.span[0]) or serves_town(text, c)):
            continue
        towns = [e for e, p in c.entries if p and e.feature == "city" and e.country == home[0]]
        areas = {(e.country, e.admin1) for e in towns}
        if not areas or areas & (regions - own[i] - {home}):
            continue
        near = [e for e in towns if e.population >= min_population
                and distance_km(e, point) <= within_km]  # type: ignore[arg-type]  # entries have lat and lon
        if near:
            best = min(near, key=lambda e: distance_km(e, point))  # type: ignore[arg-type]
            quals[i] = (best.country, best.admin1)
