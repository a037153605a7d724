"""A report's main event placed far from its outlet's home, in a report that names a town at home.

Local news reports its own area. A main event its report places at a town hundreds of km from the
outlet's home town (learned from dev data: ``nlp.outlets.learned_town``), while the report also names
a town near that home, is mostly misplaced: a namesake the gazetteer read in another state, where a
victim or suspect lives, a town of another story the page kept. It is placed at the first town the
report names near the home. (gva dev, home towns learned from the other part of dev: 300 km / 40 km
moved 8 slice main events, each to its incident's town, and part B's right event 0.767 -> 0.779; at
150 km, 4 more slice ones would have moved away from it.) A town of the home's own state in a report naming
that state stays ("Antioch in Northern California" in a Los Angeles paper: out of fold right event +1, nothing
else moved).
"""

from __future__ import annotations

from dataclasses import replace

from newsfuse.events.settings import EventSettings
from newsfuse.records import Annotation, Document, Mention, Place, km

_SURE = 0.9  # a town the nlp stage placed by the document's own context, not taken on its size alone


def placed_near_home(doc: Document, ann: Annotation, mentions: list[Mention], settings: EventSettings
                     ) -> list[Mention]:
    """``mentions`` with the report's main event at the first town the report names near the outlet's
    home town, when its own town lies farther than ``settings.far_from_home_km`` from that home."""
    from newsfuse.nlp.outlets import learned_town

    main = next((m for m in mentions if m.report_main), None)
    if main is None or main.place is None or main.place.precision != "point":
        return mentions
    home = learned_town(doc.url, settings.home_min_incidents, settings.home_min_share)
    if home is None or km(main.place, home) <= settings.far_from_home_km or _state_said(ann, main, home):
        return mentions
    near = next((pm for pm in ann.places if pm.place.precision == "point" and pm.score >= _SURE
                 and km(pm.place, home) <= settings.home_town_km), None)
    if near is None:
        return mentions
    return [replace(m, place=near.place, place_text=near.text) if m is main else m for m in mentions]


def _state_said(ann: Annotation, main: Mention, home: Place) -> bool:
    """The main event's town lies in the home town's own state and the report names that state ("a house in
    Antioch in Northern California" in a Los Angeles paper): a town of its state read as the report says, not
    a namesake of another state."""
    state = main.place.admin1
    return state is not None and state == home.admin1 and any(
        pm.place.feature == "region" and pm.place.country == main.place.country and pm.place.admin1 == state
        for pm in ann.places)
