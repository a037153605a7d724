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
