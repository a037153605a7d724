"""A place for the report's main event when its story text names none.

A lead that says only "police said", or page chrome kept and the story lost, leaves the main event
without a place although the page still tells where: its headline ("In D.C., weekend gunfire kills
1"; the title is no part of the text the nlp stage read), else the outlet itself, local news being
about its own area: the town its host is named after ("chicagotribune.com"), else the home town
learned for the outlet from dev data (evaluation/outlet_towns.py: "kmbc.com" names no town; its
incidents lie around Kansas City).

A main event placed only loosely is placed by its headline's town too: at a state or a country (the lead
names no town the gazetteer reads: "injured.Bridgeton police say", glued by the page), or at the town a
person of its sentence lives in (", of Cleveland": a quote of page chrome kept instead of the story). One
placed only at the outlet's own state, its headline naming no town, is placed at the outlet's town.
"""

from __future__ import annotations

from dataclasses import replace

from newsfuse.events.anchors import resident_of
from newsfuse.events.county import COUNTY
from newsfuse.events.headline import headline_places, headline_text, headline_town
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Annotation, Document, Mention, Place


def placed_main(doc: Document, ann: Annotation, mentions: list[Mention], nlp: NlpSettings | None = None
                ) -> list[Mention]:
    """``mentions`` with the report's main event, if unplaced, at the town its headline names, else the
    county or state it names, else the town the outlet's host is named after, else the home town learned
    for the outlet (both as an area: geo_precision 3)."""
    main = next((m for m in mentions if m.report_main), None)
    if main is None or (main.place is not None and not _loosely_placed(ann, main)):
        return mentions
    nlp = nlp or NlpSettings()
    text = headline_text(doc)
    if main.place is not None:  # only a town of the headline is finer than a state or a resident's town
        found = headline_town(doc, ann, text, nlp) if text else None
        if found is None or found[0].precision != "point" or found[0] == main.place:
            found = _home_town_in_state(doc, main.place, nlp)
            if found is None:
                return mentions
        return [replace(m, place=found[0], place_text=found[1]) if m is main else m for m in mentions]
    found = (text and (headline_town(doc, ann, text, nlp) or _area(doc, ann, text, nlp))) or _outlet_town(doc, nlp)
    if not found:
        return mentions
    return [replace(m, place=found[0], place_text=found[1]) if m is main else m for m in mentions]


def _loosely_placed(ann: Annotation, main: Mention) -> bool:
    """Placed at a state or a country (not a county), or at a town its sentence names as a person's home."""
    if main.place.precision in ("region", "country"):
        return main.place.feature != COUNTY
    sent = next((s for s in ann.sentences if s.span == main.span), None)
    if sent is None:
        return False
    here = [p for p in ann.places if sent.span[0] <= p.span[0] < sent.span[1] and p.text == main.place_text]
    return bool(here) and all(resident_of(p, sent) for p in here)


def _area(doc: Document, ann: Annotation, text: str, settings: NlpSettings) -> tuple[Place, str] | None:
    """The county or state the headline names ("11-year-old shot in Richland County"), never a country."""
    found = [pm for pm in headline_places(doc, ann, text, settings) if pm.place.precision == "region"]
    return (found[0].place, found[0].text) if found else None


def _home_town_in_state(doc: Document, place: Place, settings: NlpSettings) -> tuple[Place, str] | None:
    """For a main event placed only at a state, the outlet's town when it lies in that state: local news of its
    own state is mostly of its own area ("a man dead in Harrison Township", a township the gazetteer lacks, in
    a Dayton station's report placed only in Ohio)."""
    if place.feature != "region" or place.precision != "region":
        return None
    town = _outlet_town(doc, settings)
    return town if town is not None and (town[0].country, town[0].admin1) == (place.country, place.admin1) else None


def _outlet_town(doc: Document, settings: NlpSettings) -> tuple[Place, str] | None:
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.outlets import host_town, learned_town

    town = host_town(doc.url, gazetteer.load(settings.cache_dir)) or learned_town(doc.url)
    return (town, town.name) if town else None
