"""A report's main event whose story text names no place is placed by its headline, else its outlet."""

from dataclasses import replace

from newsfuse.events import EventSettings, extract_mentions

LEAD = "Two men were shot and killed early Sunday, police said."


def _main(doc, ann):
    [main] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    return main


def test_a_main_event_whose_text_names_no_town_takes_the_town_its_headline_names(annotated):
    doc, ann = annotated(LEAD)
    doc = replace(doc, title="In Denver, weekend gunfire kills 2 - Mile High Courier")
    main = _main(doc, ann)
    assert main.place is not None and main.place.name == "Denver" and main.place.admin1 == "Colorado"
    # a main event its text places keeps that place
    doc, ann = annotated("Two men were shot and killed in Hawija early Sunday, police said.",
                         places=[("Hawija", "Hawija")], doc_id="d3")
    assert _main(replace(doc, title="In Denver, weekend gunfire kills 2"), ann).place.name == "Hawija"


def test_a_headline_naming_only_a_county_places_the_event_in_that_county(annotated):
    doc, ann = annotated(LEAD, doc_id="d1")
    doc = replace(doc, title="Two men shot dead in Richland County, South Carolina")
    main = _main(doc, ann)
    assert main.place is not None and main.place.name == "Richland County" and main.place.precision == "region"


def test_a_report_naming_no_place_anywhere_is_placed_in_the_town_its_outlet_is_named_after(annotated):
    doc, ann = annotated(LEAD, doc_id="d2")
    doc = replace(doc, title="Police identify the victims of Sunday's double homicide",
                  url="https://www.chicagotribune.com/news/local/double-homicide.html")
    main = _main(doc, ann)
    assert main.place is not None and (main.place.name, main.place.admin1) == ("Chicago", "Illinois")
    assert main.place.geo_precision == 3  # the outlet's area, not a town the report names


def test_a_main_event_placed_only_at_a_state_takes_the_town_its_headline_names(annotated):
    doc, ann = annotated("Two men were shot and killed in Colorado early Sunday, police said.",
                         places=[("Colorado", "Colorado", "region")], doc_id="d4")
    main = _main(replace(doc, title="Two men shot dead in Denver - Mile High Courier"), ann)
    assert (main.place.name, main.place.admin1, main.place.precision) == ("Denver", "Colorado", "point")


def test_a_main_event_placed_at_a_residents_home_town_takes_the_town_its_headline_names(annotated):
    doc, ann = annotated("A nurse, of Baiji, was shot and killed early Sunday, police said.",
                         places=[("Baiji", "Baiji")], doc_id="d5")
    assert _main(replace(doc, title="Nurse shot dead in Denver"), ann).place.name == "Denver"
    # where the victim lives is kept when the headline names no town
    assert _main(replace(doc, title="Nurse shot dead on her way home"), ann).place.name == "Baiji"


def test_a_report_naming_no_place_anywhere_is_placed_in_its_outlets_learned_home_town(annotated, monkeypatch):
    from newsfuse.nlp import outlets
    from newsfuse.records import Place

    home = Place("Waterloo", 42.4928, -92.3426, "US", 4880889, "Iowa", "city", "region", "Black Hawk County", 3)
    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"valleycourier.com": outlets.HomeTown(home, 1, 1.0)})
    doc, ann = annotated(LEAD, doc_id="d6")
    doc = replace(doc, title="Two arrested after child shot",
                  url="http://web.archive.org/web/2016/http://news.valleycourier.com/crime/child-shot.html")
    main = _main(doc, ann)
    assert main.place == home  # a part of the site ("news.") falls back to the site
    # an outlet with no learned home leaves the event unplaced
    assert _main(replace(doc, url="http://web.archive.org/web/2016/http://www.otherpaper.com/x.html"), ann).place is None


def test_a_main_event_placed_only_at_its_outlets_own_state_takes_the_outlets_home_town(annotated, monkeypatch):
    from newsfuse.nlp import outlets
    from newsfuse.records import Place

    home = Place("Waterloo", 42.4928, -92.3426, "US", 4880889, "Iowa", "city", "region", "Black Hawk County", 3)
    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"valleycourier.com": outlets.HomeTown(home, 1, 1.0)})
    def state_report(name, doc_id):
        doc, ann = annotated(f"Two men were shot and killed in {name} early Sunday, police said.",
                             places=[(name, name, "region")], doc_id=doc_id)
        states = tuple(replace(pm, place=replace(pm.place, feature="region", country="US", admin1=name)) for pm in ann.places)
        return replace(doc, title="Two men shot dead", url="http://www.valleycourier.com/crime/shot.html"), \
            replace(ann, places=states)

    assert _main(*state_report("Iowa", "d7")).place == home
    assert _main(*state_report("Colorado", "d8")).place.name == "Colorado"  # not the outlet's own state
