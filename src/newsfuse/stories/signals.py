"""What the annotation found that tells two stories apart: places, actors, dates.

Two earthquakes reported with the same words are different stories when they
happened in different places or different weeks; these signals carry that.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from newsfuse.nlp.names import GENERATIONAL
from newsfuse.nlp.numbers import NUMBER_WORD, parse_number
from newsfuse.records import Annotation, DateValue, Document, Place


def place_key(place: Place) -> str:
    """A place's identity: its GeoNames id, else its lower-cased name in its state and country. Counties carry no
    GeoNames id and many share a name across states (a Montgomery County in Virginia and in Texas): by the name
    alone two reports of two states would name a place in common (gva_incidents dev slice: stories B3 0.9689 ->
    0.9697, right event 0.920 -> 0.9215; dev-rest unchanged)."""
    if place.geonameid is not None:
        return f"place:{place.geonameid}"
    return _in_its_state(f"place:{place.name.lower()}", place)


def _in_its_state(key: str, place: Place) -> str:
    """``key`` qualified by the place's state and country (lower-cased): one name in many states is many places."""
    return "|".join([key, *(p.lower() for p in (place.admin1, place.country) if p)])


def entity_bag(annotation: Annotation | None) -> Counter[str]:
    """Places and actors as weighted terms (countries weigh less: many stories share one)."""
    bag: Counter[str] = Counter()
    if annotation is None:
        return bag
    for pm in annotation.places:
        if pm.place.precision == "country" or pm.place.feature == "country":
            bag[f"country:{(pm.place.country or pm.place.name).lower()}"] += 0.5
        else:
            bag[place_key(pm.place)] += 1.0
            if pm.place.country:
                bag[f"country:{pm.place.country.lower()}"] += 0.25
    for am in annotation.actors:
        bag[f"actor:{am.canonical.lower()}"] += 1.0
    return bag


def town_counties(annotation: Annotation | None) -> set[str]:
    """The counties (admin-2 areas, in their state and country) of the towns a document names, not the counties it
    names: two neighbouring towns of one county ("Deer River", "Grand Rapids", both in Itasca County) share no town
    key, while a county named beside a city's neighbourhood ("Cook County" medical examiner) is too wide to count."""
    if annotation is None:
        return set()
    return {_in_its_state("county:" + pm.place.admin2.lower(), pm.place) for pm in annotation.places
            if pm.place.admin2 and pm.place.precision == "point" and pm.place.feature == "city"}


def person_names(annotation: Annotation | None) -> set[str]:
    """Full names of people (two or three words: "Juan Perez"); a surname alone is shared by too many.

    A name is keyed by its first and last words: one report names "Jennifer Marie Laber", the next
    "Jennifer Laber", another "Robert Adams Jr." (gva_incidents dev: all reports in one event
    0.878 -> 0.882, stories B3 0.9670 -> 0.9685, other events per incident 0.210 -> 0.205)."""
    if annotation is None:
        return set()
    out = set()
    for a in annotation.actors:
        words = a.canonical.lower().split()
        if words and words[-1].strip(".,") in GENERATIONAL:
            words = words[:-1]
        if a.kind == "person" and 2 <= len(words) <= 3:
            out.add(f"person:{words[0]} {words[-1]}")
    return out


def _ordinal(value: DateValue) -> int | None:
    """Day number of a date value; month precision counts as its 15th."""
    text = value.date
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10]).toordinal()
        if len(text) == 7:
            return date.fromisoformat(text + "-15").toordinal()
    except ValueError:
        return None
    return None


def story_day(doc: Document, annotation: Annotation | None) -> int | None:
    """The day a document's story was news: its published day, else its most-mentioned day.

    The publication date comes first: reports of one story appear within days
    of each other, while the dates a text names are often background ("the
    2011 quake").
    """
    day = published_day(doc)
    return day if day is not None else mentioned_day(annotation)


def published_day(doc: Document) -> int | None:
    """The document's published day, when known to the day."""
    if doc.published is not None and doc.published.precision in ("minute", "day"):
        try:
            return date.fromisoformat(doc.published.date[:10]).toordinal()
        except ValueError:
            pass
    return None


def mentioned_day(annotation: Annotation | None) -> int | None:
    """The day the text mentions most. Only day-precision mentions vote (a "2014" or "last week" says
    little about which week); ties go to the earliest date."""
    votes: Counter[int] = Counter()
    if annotation is not None:
        for dm in annotation.dates:
            if dm.value.precision == "day" and not dm.value.resolution.strip().lower().startswith("published"):
                day = _ordinal(dm.value)
                if day is not None:
                    votes[day] += 1
    if not votes:
        return None
    best = max(votes.values())
    return min(d for d, c in votes.items() if c == best)


def death_tolls(annotation: Annotation | None) -> set[str]:
    """The death tolls a document states ("3 killed": killed:3), to tell two incidents of one city apart."""
    if annotation is None:
        return set()
    return {f"killed:{fig.low}" for fig in annotation.figures if fig.kind == "killed"}


# "a 15-year-old boy", "the 21 year old", "a four-year-old boy": the age a report gives a person it tells of
AGE = re.compile(rf"\b(\d{{1,3}}|(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))?)[- ](?:years?|yrs?)[- ]old\b", re.IGNORECASE)


def stated_ages(text: str | None) -> set[str]:
    """The ages a text states ("15-year-old", "four-year-old": age:15, age:4): two reports of one city's shootings
    that both give ages and none in common tell of different people, so mostly of different incidents."""
    return {f"age:{n}" for a in AGE.findall(text or "") if (n := parse_number(a)) is not None}
