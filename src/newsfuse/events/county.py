"""The county a report's lead names places its main event.

US local news names the county whose sheriff, coroner or deputies handle an incident ("Horry County
Coroner", "Montgomery County deputies", "a shooting in Itasca County") in its lead, while the town
the main sentence names is often the victim's home ("A Covington woman"), the hospital's, or a
namesake the gazetteer read in another state ("Dallas" for a town of Paulding County, Georgia). A
main event placed at a town outside every county of the lead, or only at the state, is placed in
the lead's first county instead: at the town inside it the report names most, else at the county.
A main sentence that places its event at its town itself ("killed a 16-year-old in Frankfort"), a town of
the county's own state, keeps it: the coroner the lead names may be the hospital's county's. A county named as
where a suspect was caught ("taken into custody in Rutherford County") is none of the lead's counties.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.events.anchors import custody_town
from newsfuse.records import Annotation, Mention, Place, PlaceMention, km

COUNTY = "county"  # the gazetteer feature of an admin-2 area (county, parish)
NEAR_KM = 40.0  # a town this close to the county's middle may be in it (cities span counties: Katy, Texas)
# the words that place an event at a town ("in", "near", "outside"); a hospital's town is where a victim was taken
AT_TOWN = r"\b(?:in|at|near|outside)\s+(?:the\s+)?"
HOSPITAL = re.compile(r"\b(?:hospital|medical cent(?:er|re))\b", re.IGNORECASE)


def in_county(place: Place, county: Place) -> bool:
    """The place lies in the county (the same admin-2 area of the same state), or is the county."""
    return place.country == county.country and place.admin1 == county.admin1 \
        and place.admin2 is not None and place.admin2 == county.admin2


def outside_counties(place: Place, counties: list[Place]) -> bool:
    """A town of known county that lies in none of ``counties`` (of its country) and farther than ``NEAR_KM``
    from each: the victim's home town, the hospital's, or a namesake in another state."""
    counties = [c for c in counties if c.country == place.country]
    if place.precision != "point" or place.admin2 is None or not counties:
        return False
    return not any(in_county(place, c) or km(place, c) <= NEAR_KM for c in counties)


def lead_counties(ann: Annotation, lead_end: int) -> list[PlaceMention]:
    """The counties the headline and lead name (the headline is the text's first line), in order; not one named
    as where a suspect was caught ("taken into custody in Rutherford County")."""
    return [pm for pm in ann.places if pm.place.feature == COUNTY and pm.span[0] < lead_end
            and not custody_town(ann, pm)]


def told_at_town(main: Mention) -> bool:
    """The main sentence places its event at its town itself ("a shooting ... killed a teen in Frankfort"),
    not at a hospital there."""
    return main.place_text is not None and HOSPITAL.search(main.sentence) is None \
        and re.search(AT_TOWN + re.escape(main.place_text) + r"\b", main.sentence) is not None


def county_place(ann: Annotation, main: Mention, lead_end: int) -> Mention:
    """``main`` placed in its report's county when its place is a town outside every county the lead
    names, or only the state the county lies in; unchanged otherwise (no county named, a town of
    unknown county, a country or state of another county's)."""
    counties = lead_counties(ann, lead_end)
    if not counties or main.place is None:
        return main
    place, county = main.place, counties[0]
    if place.feature == COUNTY:
        return main  # a county already (the lead's or another it names)
    if place.precision == "point" and not outside_counties(place, [c.place for c in counties]):
        return main
    if place.precision == "point" and (place.country, place.admin1) == (county.place.country, county.place.admin1) \
            and told_at_town(main):
        # gva_incidents dev slice and out of fold right event +1 (a boy "died ... in Salem Township, Wyandot
        # County" had gone to the lead's other county), dev-rest unchanged
        return main
    if place.precision == "region" and (place.country, place.admin1) != (county.place.country, county.place.admin1):
        return main  # a state the county is not in: no finer reading of it
    if place.precision == "country" and place.country != county.place.country:
        return main
    towns: dict[object, list[PlaceMention]] = {}
    for pm in ann.places:
        if pm.place.precision == "point" and pm.place.feature != COUNTY and in_county(pm.place, county.place):
            towns.setdefault(pm.place.geonameid or pm.place.name, []).append(pm)
    if towns:
        best = max(towns.values(), key=lambda pms: (len(pms), -pms[0].span[0]))[0]
        return replace(main, place=best.place, place_text=best.text)
    return replace(main, place=county.place, place_text=county.text)
