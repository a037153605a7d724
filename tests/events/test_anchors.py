from dataclasses import replace

from newsfuse.events import anchors
from newsfuse.nlp.demonyms import ADJECTIVAL


def test_a_nationality_adjective_never_places_the_event(annotated):
    text = "Iraqi troops shelled positions on Friday."
    _, ann = annotated(text, places=[("Iraqi", "Iraq", "country")])
    adjectival = tuple(replace(p, place=replace(p.place, feature=ADJECTIVAL)) for p in ann.places)
    assert anchors.place_for(ann, 0, text.index("shelled")) is not None
    assert anchors.place_for(replace(ann, places=adjectival), 0, text.index("shelled")) is None
