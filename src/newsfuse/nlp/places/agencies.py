"""A US city's police department named by its acronym ("BRPD: Shooting death of 14-year-old accidental")
places the story in that city, as "Baton Rouge police" would; a county's named by the county's bare name
("Gwinnett police") places it in the county.

Local news writes its city's department as an acronym in headlines and leads, where the city's name is
often left out. The table is general knowledge, written by hand (no gazetteer lists police departments):
only big-city departments whose acronym is standard. An acronym several cities share ("MPD": Memphis,
Minneapolis, Milwaukee, Washington) is read only where the outlet's home state has one city of it.
"""

from __future__ import annotations

import re

from newsfuse.nlp.gazetteer import Entry, Gazetteer
from newsfuse.nlp.names import name_key
from newsfuse.records import PlaceMention

# acronym -> {state: city}; one state for a department of one city
POLICE_ACRONYMS: dict[str, dict[str, str]] = {
    "NYPD": {"NY": "New York City"},
    "LAPD": {"CA": "Los Angeles"},
    "NOPD": {"LA": "New Orleans"},
    "BRPD": {"LA": "Baton Rouge"},
    "CMPD": {"NC": "Charlotte"},
    "IMPD": {"IN": "Indianapolis"},
    "SFPD": {"CA": "San Francisco"},
    "SAPD": {"TX": "San Antonio"},
    "KCPD": {"MO": "Kansas City"},
    "LMPD": {"KY": "Louisville"},
    "MNPD": {"TN": "Nashville"},
    "LVMPD": {"NV": "Las Vegas"},
    "SLMPD": {"MO": "St. Louis"},
    "SCMPD": {"GA": "Savannah"},
    "OKCPD": {"OK": "Oklahoma City"},
    "LRPD": {"AR": "Little Rock"},
    "JSO": {"FL": "Jacksonville"},
    "HPD": {"TX": "Houston", "HI": "Honolulu"},
    "DPD": {"MI": "Detroit", "CO": "Denver"},
    "MPD": {"TN": "Memphis", "MN": "Minneapolis", "DC": "Washington"},
    "APD": {"GA": "Atlanta", "NM": "Albuquerque", "AK": "Anchorage"},
    "FWPD": {"TX": "Fort Worth", "IN": "Fort Wayne"},
    "JPD": {"MS": "Jackson", "TN": "Jackson"},
}
_ACRONYM = re.compile(r"\b(" + "|".join(sorted(POLICE_ACRONYMS, key=len, reverse=True)) + r")\b")


def _city(gaz: Gazetteer, state: str, name: str) -> Entry | None:
    """The biggest town of that name in the state."""
    found = [e for e, _ in gaz.lookup(name_key(name)) or ()
             if e.feature == "city" and e.country == "US" and e.admin1 == state]
    return max(found, key=lambda e: e.population, default=None)


def agency_towns(text: str, read: list[PlaceMention], home: tuple[str, str] | None, gaz: Gazetteer
                 ) -> list[PlaceMention]:
    """The cities of the police acronyms in ``text`` outside the places already ``read``, for an outlet of known
    ``home`` (country, state code) only, local news writing its department so: of a one-city department
    anywhere, of a shared acronym only in the home state (a national story's "NYPD says" is an agency, and
    GeoWebNews, with no outlets, counts it as no place: its dev precision fell 0.9345 -> 0.9337); never
    where the text names a town of the city's state itself (a borough, a suburb: "NYPD" in a Brooklyn story
    is no finer than Brooklyn)."""
    from newsfuse.nlp.places.resolve import place_of

    if home is None or home[0] != "US":
        return []
    out = []
    for m in _ACRONYM.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in (p.span for p in read)):
            continue
        cities = POLICE_ACRONYMS[m.group(1)]
        if len(cities) == 1:
            state, name = next(iter(cities.items()))
        elif home[1] in cities:
            state, name = home[1], cities[home[1]]
        else:
            continue
        entry = _city(gaz, state, name)
        if entry is None or any(p.place.precision == "point" and p.place.country == "US"
                                and p.place.admin1 == entry.admin1_name for p in read):
            continue
        out.append(PlaceMention(m.group(1), m.span(), place_of(entry, False), 0.9))
    return out


# a county's bare name before its law officers: "Gwinnett police", "Cobb cops", "Henry deputies"
_COUNTY_AGENCY = re.compile(r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)?) (?:police|cops|deputies|sheriff|officers)\b")


def county_agencies(text: str, read: list[PlaceMention], home: tuple[str, str] | None, gaz: Gazetteer
                    ) -> list[PlaceMention]:
    """The counties of the home state (country, state code) whose bare names come before their law officers in
    ``text``, outside the places already ``read``: local news names a county's department so, and no town of
    the name was read there (the gazetteer knows none, or the name read as something else)."""
    from newsfuse.nlp.places.resolve import place_of

    if home is None or home[0] != "US":
        return []
    out = []
    names = {name_key(p.text) for p in read}  # a name read as a place anywhere is that place throughout
    for m in _COUNTY_AGENCY.finditer(text):
        if name_key(m.group(1)) in names or any(a < m.end(1) and m.start(1) < b for a, b in (p.span for p in read)) \
                or second_of_joint_name(text, m.start(1)):
            continue
        counties = home_counties(m.group(1), home, gaz)
        if len(counties) == 1:
            out.append(PlaceMention(m.group(1), m.span(1), place_of(counties[0], True), 0.9))
    return out


def home_counties(name: str, home: tuple[str, str], gaz: Gazetteer) -> list[Entry]:
    """The counties called "``name`` County" in the home area (country, state code)."""
    return [e for e, _ in gaz.lookup(name_key(name + " County"))
            if e.feature == "county" and (e.country, e.admin1) == home]


def second_of_joint_name(text: str, start: int) -> bool:
    """Does the name at ``start`` follow a hyphen: a joint department's second part ("Charlotte-Mecklenburg
    police"), the first part's city's?"""
    return text[start - 1:start] in ("-", "\u2010")
