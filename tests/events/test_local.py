"""A report's main event placed far from its outlet's home town, in a report naming a town at home."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.records import Place

SHREVEPORT = Place("Shreveport", 32.5252, -93.7502, "US", 4341513, "Louisiana", "city", "region", "Caddo Parish", 3)
HOUSTON = Place("Houston", 29.7633, -95.3633, "US", 4699066, "Texas", "city", "point", "Harris County", 1)
BOSSIER = Place("Bossier City", 32.516, -93.7321, "US", 4317639, "Louisiana", "city", "point", "Bossier Parish", 1)
TEXT = "A Houston man shot his daughter, 4, on Sunday, police said. The family lives in Bossier City."


def _main(annotated, monkeypatch, host, incidents=12, share=0.75):
    from newsfuse.nlp import outlets

    home = outlets.HomeTown(SHREVEPORT, incidents, share)
    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"redriverstation.com": home})
    doc, ann = annotated(TEXT, places=[("Houston", "Houston"), ("Bossier City", "Bossier City")])
    real = {"Houston": HOUSTON, "Bossier City": BOSSIER}
    ann = replace(ann, places=tuple(replace(pm, place=real[pm.text], score=0.95) for pm in ann.places))
    doc = replace(doc, url=f"http://web.archive.org/web/2016/http://www.{host}/story/1")
    [main] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    return main


def test_a_main_event_far_from_the_outlets_home_takes_the_town_the_report_names_near_home(annotated, monkeypatch):
    # Houston is 330 km from Shreveport, Bossier City across the river
    assert _main(annotated, monkeypatch, "redriverstation.com").place == BOSSIER
    # an outlet with no learned home keeps the sentence's town
    assert _main(annotated, monkeypatch, "otherstation.com").place == HOUSTON
    # ... and so does one whose home was learned from too few incidents, or from incidents spread far apart
    assert _main(annotated, monkeypatch, "redriverstation.com", incidents=1, share=1.0).place == HOUSTON
    assert _main(annotated, monkeypatch, "redriverstation.com", incidents=12, share=0.25).place == HOUSTON


LOS_ANGELES = Place("Los Angeles", 34.0522, -118.2437, "US", 5368361, "California", "city", "point",
                    "Los Angeles County", 1)
ANTIOCH = Place("Antioch", 38.0049, -121.8058, "US", 5324200, "California", "city", "point", "Contra Costa County", 1)
CALIFORNIA = Place("California", 36.7809, -119.8895, "US", 5332921, "California", "region", "region", None, 3)
NORTH_TEXT = ("Seven men were shot at a house in Antioch in Northern California on Saturday, police said. "
              "Shootings in Los Angeles fell this year.")


def _far_main(annotated, monkeypatch, places):
    from newsfuse.nlp import outlets

    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"bigcitytimes.com": outlets.HomeTown(LOS_ANGELES, 40, 0.8)})
    doc, ann = annotated(NORTH_TEXT, places=[(name, name) for name in places])
    real = {"Antioch": ANTIOCH, "California": CALIFORNIA, "Los Angeles": LOS_ANGELES}
    ann = replace(ann, places=tuple(replace(pm, place=real[pm.text], score=0.95) for pm in ann.places))
    doc = replace(doc, url="http://www.bigcitytimes.com/story/1")
    [main] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    return main


def test_a_far_town_of_the_home_towns_own_state_keeps_the_main_event_when_the_report_names_that_state(
        annotated, monkeypatch):
    # Antioch lies 550 km from Los Angeles, in the state the report names: a town of that state, as the report
    # says, not a namesake of another state
    assert _far_main(annotated, monkeypatch, ["Antioch", "California", "Los Angeles"]).place == ANTIOCH
    # a report naming no state leaves the far town to the home's rule
    assert _far_main(annotated, monkeypatch, ["Antioch", "Los Angeles"]).place == LOS_ANGELES
