"""Outlets' home areas learned while reading: the admin-1 area most of an outlet's documents place towns in.

Local news mostly reports its own area, and its pages rarely say which state their "Paris" is in. A
host the learned table places (``places.home_area``) keeps that area; any other host gets the area
where most of its documents read so far (this batch included) place their confidently resolved
towns and name their states, once it has ``MIN_DOCUMENTS`` documents and that area holds
``MIN_SHARE`` of them; those documents are then read again with the area as context. A host still
without one may name a big town ("fox10phoenix.com").
(Chosen on the LGL dev half; see evaluation/nlp.py.)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsfuse.nlp.gazetteer import Gazetteer
from newsfuse.nlp.places import find_places, home_area, outlet_host
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document, PlaceMention

MIN_DOCUMENTS = 2
MIN_SHARE = 0.5
_MIN_SCORE = 0.9  # towns placed by the document's own context, not big towns taken on their size alone


class HomeAreas:
    """Per host: documents read and the admin-1 areas they place towns in."""

    def __init__(self, gaz: Gazetteer):
        self._documents: Counter[str] = Counter()
        self._areas: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self._codes = {(cc, gaz.entry(i).name): code for (cc, code), i in gaz.admin1_by_code.items()}

    def observe(self, host: str, places: Sequence[PlaceMention]) -> None:
        # in the order the document names them (a dict, not a set): of areas tied for the most
        # documents, the one an outlet's documents named first is its home, in every process
        areas = dict.fromkeys((p.place.country, code) for p in places if p.score >= _MIN_SCORE and p.place.country
                              and (code := self._codes.get((p.place.country, p.place.admin1))) is not None)
        self._documents[host] += 1
        self._areas[host].update(areas.keys())

    def area_code(self, country: str, admin1: str | None) -> tuple[str, str] | None:
        """(country, admin-1 code) of an admin-1 area named ``admin1``, if the gazetteer has it."""
        code = self._codes.get((country, admin1))
        return None if code is None else (country, code)

    def home(self, host: str) -> tuple[str, str] | None:
        n = self._documents[host]
        if n < MIN_DOCUMENTS or not self._areas[host]:
            return None
        area, k = self._areas[host].most_common(1)[0]  # ties: the area counted first
        return area if k / n >= MIN_SHARE else None


def outlet_homes(docs: Sequence[Document], gaz: Gazetteer, settings: NlpSettings, learned: HomeAreas,
                 read: dict[int, list[PlaceMention]] | None = None) -> list[tuple[str, str] | None]:
    """Each document's outlet home area: known for its host, else learned from the host's documents.

    ``read`` receives the places of the documents read to learn (by position in ``docs``): a document
    left without a home area has its places already, read without one."""
    if not settings.outlet_home:
        return [None] * len(docs)
    out = [home_area(d.url, gaz, named=False) for d in docs]
    unknown = [(i, host) for i, d in enumerate(docs) if out[i] is None and (host := outlet_host(d.url))]
    for i, host in unknown:
        try:
            places = find_places(docs[i].text, gaz, settings)
        except Exception:  # an unreadable document teaches nothing; the nlp stage reports it when it reads it
            continue
        learned.observe(host, places)
        if read is not None:
            read[i] = places
    for i, host in unknown:
        # what the outlet's documents say beats what its page title says ("WTVM.com-Columbus, GA News"),
        # and both beat a big town its host seems to name ("parisbeacon.com" is in Illinois)
        out[i] = learned.home(host) or title_home(docs[i].title, host, gaz, settings, learned) \
            or home_area(docs[i].url, gaz)
    return out


_TITLE_PARTS = re.compile(r"\s+[-|\u2013\u2014]\s+")


def title_home(title: str | None, host: str, gaz: Gazetteer, settings: NlpSettings, learned: HomeAreas
               ) -> tuple[str, str] | None:
    """The one admin-1 area a page title's outlet part names: from the part naming the host on
    ("... - WTVM.com-Columbus, GA News Weather", "... - NBC12 - WWBT - Richmond, VA News"); the
    headline before it is the story's, not the outlet's."""
    if not title:
        return None
    label = re.sub(r"[^a-z0-9]", "", host.split(".")[0].lower())
    parts = _TITLE_PARTS.split(title)
    at = next((k for k, part in enumerate(parts) if k and len(label) >= 3
               and label in re.sub(r"[^a-z0-9]", "", part.lower())), None)
    if at is None:
        return None
    places = find_places(" - ".join(parts[at:]), gaz, settings)
    areas = {code for p in places if p.place.feature == "region" and p.place.country
             and (code := learned.area_code(p.place.country, p.place.admin1)) is not None}
    return next(iter(areas)) if len(areas) == 1 else None
