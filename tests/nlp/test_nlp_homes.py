import pytest

from newsfuse.nlp.gazetteer import load
from newsfuse.nlp.homes import RUN_COUNTRY, HomeAreas, learn_homes, outlet_homes, run_country
from newsfuse.nlp.places import find_places
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document, Place, PlaceMention


@pytest.fixture(scope="module")
def gaz():
    return load()


def _doc(n, text, url="http://www.lakeside-courier.com/news/story"):
    return Document(id=f"d{n}", source=f"s{n}", text=text, url=f"{url}{n}")


def test_an_outlets_documents_that_place_towns_in_one_state_make_it_their_home(gaz):
    docs = [_doc(1, "Deputies in Boonville, Mo., arrested two men after a fight downtown."),
            _doc(2, "A barn burned near Ashland, Missouri, on Sunday, firefighters said."),
            _doc(3, "A man was arrested in Columbia on Friday after a shooting at a gas station.")]
    homes = outlet_homes(docs, gaz, NlpSettings(), learn_homes(docs, gaz, NlpSettings()))
    assert homes == [("US", "MO")] * 3
    [alone] = find_places(docs[2].text, gaz, NlpSettings())
    [columbia] = find_places(docs[2].text, gaz, NlpSettings(), homes[2])
    assert alone.place.admin1 != "Missouri" and columbia.place.admin1 == "Missouri"


def test_a_single_document_of_an_unknown_outlet_teaches_no_home(gaz):
    docs = [_doc(1, "Deputies in Boonville, Mo., arrested two men after a fight downtown.")]
    assert outlet_homes(docs, gaz, NlpSettings(), learn_homes(docs, gaz, NlpSettings())) == [None]


def test_an_outlet_whose_documents_are_spread_over_states_gets_no_home(gaz):
    docs = [_doc(1, "Deputies in Paris, Tenn., arrested two men."), _doc(2, "A fire in Macon, Ga., hurt two."),
            _doc(3, "Police in Dayton, Ohio, are looking for a driver."), _doc(4, "Snow closed roads in Boise, Idaho.")]
    assert outlet_homes(docs, gaz, NlpSettings(), learn_homes(docs, gaz, NlpSettings())) == [None] * 4


def test_homes_are_off_when_the_settings_say_so(gaz):
    docs = [_doc(1, "Deputies in Paris, Tenn., arrested two men."), _doc(2, "A barn burned in Puryear, Tennessee.")]
    assert outlet_homes(docs, gaz, NlpSettings(outlet_home=False), learn_homes(docs, gaz, NlpSettings())) == [None, None]


def test_annotate_learns_an_outlets_home_across_batches():
    from newsfuse.nlp import annotate

    docs = [_doc(1, "Deputies in Boonville, Mo., arrested two men after a fight downtown."),
            _doc(2, "A barn burned near Ashland, Missouri, on Sunday, firefighters said."),
            _doc(3, "A man was arrested in Columbia on Friday after a shooting at a gas station.")]
    *_, last = annotate(docs, NlpSettings(batch_size=1))
    assert [p.place.admin1 for p in last.places] == ["Missouri"]


def test_a_document_read_before_its_outlets_other_documents_gets_the_same_home():
    from newsfuse.nlp import annotate

    docs = [_doc(1, "A man was arrested in Columbia on Friday after a shooting at a gas station."),
            _doc(2, "Deputies in Boonville, Mo., arrested two men after a fight downtown."),
            _doc(3, "A barn burned near Ashland, Missouri, on Sunday, firefighters said.")]
    first, *_ = annotate(docs, NlpSettings(batch_size=1))
    assert [p.place.admin1 for p in first.places] == ["Missouri"]


def test_the_same_documents_in_chunks_of_any_size_get_the_same_places(gaz):
    from newsfuse.nlp import annotate

    # two outlets no table knows, their documents interleaved; each teaches its home only in a run
    # seeing at least two of them, and "Columbia" / "Richmond" read alone are other towns
    court = "http://www.lakeside-courier.com/news/story"
    herald = "http://www.bluegrass-valley-herald.com/local/story"
    docs = [_doc(1, "A man was arrested in Columbia on Friday after a shooting at a gas station.", court),
            _doc(2, "City leaders in Richmond met on Monday to talk about a shooting downtown.", herald),
            _doc(3, "Deputies in Boonville, Mo., arrested two men after a fight downtown.", court),
            _doc(4, "A barn burned near Lexington, Ky., on Sunday, firefighters said.", herald),
            _doc(5, "A barn burned near Ashland, Missouri, on Sunday, firefighters said.", court),
            _doc(6, "Two people were hurt in a crash in Frankfort, Kentucky, police said.", herald)]
    settings = NlpSettings()
    homes = learn_homes(docs, gaz, settings)

    def places(chunk: int) -> list[list[tuple[str, str | None]]]:
        out = []
        for k in range(0, len(docs), chunk):
            out += [[(p.text, p.place.admin1) for p in a.places] for a in annotate(docs[k:k + chunk], settings, homes)]
        return out

    whole = [[(p.text, p.place.admin1) for p in a.places] for a in annotate(docs, settings)]
    assert whole[0] == [("Columbia", "Missouri")] and whole[1] == [("Richmond", "Kentucky")]
    assert places(1) == places(2) == places(4) == whole


def test_an_outlets_documents_beat_the_big_town_its_host_seems_to_name(gaz):
    url = "http://www.parisgazette-news.com/story"
    docs = [_doc(1, "Deputies in Edgar County, Illinois, arrested two men.", url),
            _doc(2, "A barn burned near Chrisman, Ill., on Sunday.", url),
            _doc(3, "City leaders in Paris met on Monday to talk about roads.", url)]
    homes = outlet_homes(docs, gaz, NlpSettings(), learn_homes(docs, gaz, NlpSettings()))
    assert homes[2] == ("US", "IL")
    [paris] = find_places(docs[2].text, gaz, NlpSettings(), homes[2], "parisgazette-news.com")
    assert (paris.place.country, paris.place.admin1) == ("US", "Illinois")  # the town the host is named after



def test_of_two_states_tied_for_an_outlets_documents_the_one_named_first_is_its_home(gaz):
    # not the one a set happens to yield first: that changed with the process's hash seed
    def town(name, state):
        return PlaceMention(text=name, span=(0, len(name)), score=0.95,
                            place=Place(name=name, lat=0.0, lon=0.0, country="US", admin1=state, precision="point"))

    joplin, pittsburg = town("Joplin", "Missouri"), town("Pittsburg", "Kansas")
    for first, second, home in ((joplin, pittsburg, ("US", "MO")), (pittsburg, joplin, ("US", "KS"))):
        homes = HomeAreas(gaz)
        homes.observe("fourstatesnews.com", [first, second])
        homes.observe("fourstatesnews.com", [second, first])
        assert homes.home("fourstatesnews.com") == home and homes.homes() == {"fourstatesnews.com": home}


def _titled(n, text, title, url):
    return Document(id=f"t{n}", source=f"t{n}", text=text, url=url, title=title)


def test_a_page_titles_outlet_part_gives_an_unknown_outlet_its_home(gaz):
    doc = _titled(1, "Columbus police say a teen was shot at an apartment complex on Monday night.",
                  "Teen shot at apartments - WZZQNews.com-Columbus, GA News Weather & Sports",
                  "http://www.wzzqnews.com/story/1")
    assert outlet_homes([doc], gaz, NlpSettings(), {}) == [("US", "GA")]


def test_a_headline_naming_a_state_is_no_outlet_home(gaz):
    # the part before the one naming the host is the story's, not the outlet's
    doc = _titled(1, "Police say a teen was shot on Monday night.", "Teen shot in Macon, Ga. - WZZQNews",
                  "http://www.wzzqnews.com/story/1")
    assert outlet_homes([doc], gaz, NlpSettings(), {}) == [None]


def test_a_title_naming_two_states_gives_no_home(gaz):
    doc = _titled(1, "Police say a teen was shot on Monday night.",
                  "Teen shot - WZZQNews - Columbus, GA and Phenix City, AL News", "http://www.wzzqnews.com/story/1")
    assert outlet_homes([doc], gaz, NlpSettings(), {}) == [None]


def test_local_news_reads_a_bare_namesake_as_the_town_of_its_outlets_home_area(gaz):
    text = "A 32-year-old Danville man was shot near Walnut Creek on Sunday."
    [local] = find_places(text, gaz, NlpSettings(), ("US", "IL"))
    assert local.place.admin1 == "Illinois"
    places = find_places("Urbana police arrested a Columbus man after a shooting on Friday.", gaz, NlpSettings(),
                         ("US", "OH"))
    assert [p.place.admin1 for p in places] == ["Ohio", "Ohio"]


def test_a_state_the_document_names_beats_the_outlets_home_for_a_namesake(gaz):
    text = "A man was shot in Danville, Calif., on Sunday, deputies in Danville said."
    places = find_places(text, gaz, NlpSettings(), ("US", "IL"))
    assert {p.place.admin1 for p in places if p.text == "Danville"} == {"California"}


def test_a_world_city_named_alone_stays_the_world_city_in_local_news(gaz):
    # a Chicago outlet's "Manhattan" is New York's, not the Illinois village's
    [manhattan] = find_places("Two men were shot on Broadway in Manhattan late Sunday.", gaz, NlpSettings(),
                              ("US", "IL"))
    assert manhattan.place.admin1 == "New York"


def test_a_namesake_many_times_the_home_towns_size_stays_the_big_town(gaz):
    # a New York station's bare "Newark" is the New Jersey city, not the New York village
    places = find_places("Three men were shot after a street festival in Newark on Sunday, Essex County "
                         "prosecutors said.", gaz, NlpSettings(), ("US", "NY"))
    assert {p.place.admin1 for p in places if p.text == "Newark"} == {"New Jersey"}


def test_homes_from_evidence_summed_per_host_are_the_homes_of_the_documents_counted_one_by_one():
    from newsfuse.nlp.homes import homes_from_evidence, learned_homes

    mo, ks, tn = ("US", "MO"), ("US", "KS"), ("US", "TN")
    # a tie between Kansas and Missouri goes to the area the outlet's documents named first
    observations = [("courier.example", (ks, mo)), ("courier.example", (mo,)), ("courier.example", (ks,)),
                    ("gazette.example", (tn,)), ("gazette.example", ()), ("gazette.example", ()),
                    ("herald.example", (mo,))]
    summed = homes_from_evidence({"courier.example": 3, "gazette.example": 3, "herald.example": 1},
                                 [("courier.example", ks, 2), ("courier.example", mo, 2),
                                  ("gazette.example", tn, 1), ("herald.example", mo, 1)])
    assert summed == learned_homes(observations) == {"courier.example": ks, RUN_COUNTRY: ("US", "")}


def _observed(areas_per_document):
    homes = HomeAreas()
    for n, areas in enumerate(areas_per_document):
        homes.count((f"outlet{n}.example", tuple(areas)))
    return homes.homes()


def test_the_run_learns_the_country_most_of_its_documents_place_towns_in():
    us = [[("US", "MO")], [("US", "TN")], [("US", "OH"), ("US", "KY")], [], [("US", "GA")]]
    assert run_country(_observed(us)) == "US"
    assert run_country(_observed(us[:4])) is None  # too few documents read
    assert run_country(_observed([[("US", "MO")], [("IQ", "01")], [("SY", "13")], [("US", "TX")], []])) is None


def test_the_runs_country_backs_a_small_town_of_its_own_but_not_a_namesake_of_a_big_town_abroad(gaz):
    def read(text, country=None):
        return {p.text: p.place for p in find_places(text, gaz, NlpSettings(), country=country)}

    assert "Chelsea" not in read("A teen was shot in Chelsea on Friday.")
    assert read("A teen was shot in Chelsea on Friday.", "US")["Chelsea"].admin1 == "Massachusetts"
    assert read("The suspect flew out of Vancouver on Friday.", "US")["Vancouver"].country == "CA"
    # an old spelling of a big town abroad (Jilin, China) is no such town: only a main name blocks
    assert read("A toddler was shot in Killeen on Saturday.", "US")["Killeen"].admin1 == "Texas"


def test_annotate_reads_an_unknown_outlets_report_in_the_country_of_the_runs_other_reports():
    from newsfuse.nlp import annotate

    docs = [_doc(n, text, url=f"http://www.station{n}.example/news/") for n, text in enumerate([
        "Deputies in Boonville, Mo., arrested two men after a fight downtown.",
        "A barn burned near Lebanon, Tenn., on Sunday, firefighters said.",
        "Police in Dayton, Ohio, are looking for a driver.",
        "A fire in Macon, Ga., hurt two.",
        "Snow closed roads in Boise, Idaho.",
        "A teenager was shot in Chelsea on Friday and police are looking for the shooter."])]
    *_, last = annotate(docs, NlpSettings())
    assert [(p.text, p.place.country) for p in last.places] == [("Chelsea", "US")]


def test_annotate_reads_the_headline_of_an_unknown_outlet_in_the_runs_country():
    from dataclasses import replace

    from newsfuse.nlp import annotate

    docs = [_doc(n, text, url=f"http://www.station{n}.example/news/") for n, text in enumerate([
        "Deputies in Boonville, Mo., arrested two men after a fight downtown.",
        "A barn burned near Lebanon, Tenn., on Sunday, firefighters said.",
        "Police in Dayton, Ohio, are looking for a driver.",
        "A fire in Macon, Ga., hurt two.",
        "Snow closed roads in Boise, Idaho."])]
    docs.append(replace(_doc(9, "", url="http://www.star9.example/news/"),
                        title="Chelsea toddler dies from gunshot wound - Star 9"))
    *_, last = annotate(docs, NlpSettings())
    assert last.places == () and [(p.text, p.place.admin1) for p in last.headline_places] == [("Chelsea", "Massachusetts")]
    [alone] = annotate(docs[-1:], NlpSettings())  # no run to learn a country from: a name with a big town abroad
    assert not any(p.text == "Chelsea" and p.place.country == "US" for p in alone.headline_places)


def test_a_sister_stations_address_in_the_text_names_the_area_its_story_is_about():
    from newsfuse.nlp.outlets import credited_outlet

    text = "Two teens were charged.\n\nStay with Channel 4 and WSMV.com for updates on this story."
    assert credited_outlet(text, "wbrc.com") == ("wsmv.com", ("US", "TN"))
    # its own address credits no one; outlets of two areas say nothing
    assert credited_outlet("More at wbrc.com", "wbrc.com") is None
    assert credited_outlet("Seen on wsmv.com and wbrc.com", "example.com") is None


def test_a_sister_stations_call_letters_in_the_dateline_name_the_area_its_story_is_about(monkeypatch):
    from newsfuse.nlp import outlets

    sure = {"wmcstation5.com": ("US", "TN"), "wxyzstation.com": ("US", "MI"), "wxyznews.com": ("US", "OH")}
    monkeypatch.setattr(outlets, "_sure_areas", lambda: sure)
    text = "(WMC) - On Saturday afternoon, an accidental shooting took the life of a 20-year-old."
    assert outlets.credited_outlet(text, "albanystation.com") == ("wmcstation5.com", ("US", "TN"))
    assert outlets.credited_outlet(text, "wmcstation5.com") is None  # its own letters
    assert outlets.credited_outlet("DETROIT (WXYZ) - A man was shot.", "example.com") is None  # two areas
    # letters deep in the page (a sister station's teaser kept above the story) credit no one
    assert outlets.credited_outlet("A man was shot on Main Street. " * 8 + "(WMC) - More news.", "example.com") is None


def test_a_page_titles_outlet_part_beats_the_area_learned_from_dev_reports(gaz, monkeypatch):
    # a station's dev reports include its sister stations' stories: the table may hold another state
    from newsfuse.nlp import outlets

    monkeypatch.setattr(outlets, "_learned_areas", lambda: {"wzzqnews.com": ("US", "OH")})
    doc = _titled(1, "Columbus police say a teen was shot at an apartment complex on Monday night.",
                  "Teen shot at apartments - WZZQNews.com-Columbus, GA News Weather & Sports",
                  "http://www.wzzqnews.com/story/1")
    untitled = _titled(2, doc.text, None, "http://www.wzzqnews.com/story/2")
    assert outlet_homes([doc, untitled], gaz, NlpSettings(), {}) == [("US", "GA"), ("US", "OH")]


def test_a_state_named_in_an_unknown_outlets_host_is_its_home(gaz):
    def home(host, learned=None):
        doc = _doc(1, "Deputies said a man was shot in Floyd County on Friday.", f"http://www.{host}/story/")
        return outlet_homes([doc], gaz, NlpSettings(), learned or {})[0]

    assert home("northwestgeorgiaherald.com") == ("US", "GA")
    assert home("arkansasvalleydaily.com") == ("US", "AR")  # the longest name, not "kansas" inside it
    # ... over the area the run's documents of it place their towns in (a namesake read in another state)
    assert home("northwestgeorgiaherald.com", {"northwestgeorgiaherald.com": ("US", "TX")}) == ("US", "GA")
    # a host naming a big town is that town's ("kansascity" is Missouri's, not Kansas's)
    assert home("kansascityherald.com") == ("US", "MO")
    assert home("lakesideherald.com") is None
    # a site of another country's domain names its own country ("georgiatoday.ge" is Georgia the country's)
    assert home("georgiatoday.ge") is None


def test_a_big_town_an_unknown_outlets_host_names_is_its_home_only_in_the_runs_country(gaz):
    def home(host, learned):
        doc = _doc(1, "Deputies said a man was shot on Friday.", f"http://www.{host}/story/")
        return outlet_homes([doc], gaz, NlpSettings(), learned)[0]

    us_run = {RUN_COUNTRY: ("US", "")}
    assert home("fox10phoenix.com", us_run) == ("US", "AZ")
    # in a US run, "cwcarolina" names the Carolinas, not Carolina, Puerto Rico
    assert home("cwcarolina.com", us_run) is None
    assert home("cwcarolina.com", {}) is not None  # a run of no one country: the big town still


def test_a_state_section_of_a_pages_address_is_its_home(gaz):
    def home(url):
        doc = _doc(1, "Four people were hurt in a shooting near Decatur.", url)
        return outlet_homes([doc], gaz, NlpSettings(), {})[0]

    # a site of many towns files each story under its state, in an archive's address too
    assert home("http://web.archive.org/web/2016/http://townsnet.com:80/georgia/decatur/four-hurt?ref=") == ("US", "GA")
    assert home("http://www.townsnet.com/news/new-york/queens/four-hurt") == ("US", "NY")
    # a state's name deeper in the address is a story's word; a big town's name may be the town's section
    assert home("http://www.townsnet.com/news/local/crime/georgia-man-hurt") is None
    assert home("http://www.townsnet.com/washington/four-hurt") is None
    assert home("http://www.weltnachrichten.de/georgia/four-hurt") is None  # the country's section, not the state's
