import numpy as np

from newsfuse.records import DateValue, Document, Figure, Mention, Place, PublishedDate
from newsfuse.stories import StorySettings, cluster_stories
from newsfuse.stories.mains import main_events, one_incident, report_mains, told_apart
from newsfuse.stories.similarity import block_similarity, features

LAKEVILLE = Place("Lakeville", 40.1, -80.2, "US", 990001, "Ohio", "city", "point")
MILLBROOK = Place("Millbrook", 40.3, -80.4, "US", 990002, "Ohio", "city", "point")
# a part of Lakeville ("south Lakeville"): the town's gazetteer entry at region precision
SOUTH_LAKEVILLE = Place("Lakeville", 40.1, -80.2, "US", 990001, "Ohio", "city", "region")
LAKE_COUNTY = Place("Lake County", 40.0, -80.0, "US", 990003, "Ohio", "county", "region")
OWN = "relative weekday to published {}; in the event's own phrase"


def _figure(kind: str, n: int | None) -> Figure | None:
    return None if n is None else Figure(kind, n, n, "exact", str(n), (0, 1))


def _main(doc: str, day: str, place: Place = LAKEVILLE, killed: int | None = None, injured: int | None = 1,
          resolution: str | None = None, sentence: str = "A man was shot on Elm Street.",
          sub_type: str = "Attack") -> Mention:
    return Mention(id=f"m-{doc}", document=doc, span=(0, len(sentence)), sentence=sentence,
                   type="Violence against civilians", sub_type=sub_type, place=place,
                   date=DateValue(day, "day", resolution or OWN.format(day)),
                   fatalities=_figure("killed", killed), injured=_figure("injured", injured), main=f"m-{doc}")


def _doc(doc_id: str, title: str, text: str, day: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", title=title, text=text,
                    published=PublishedDate(day, "day", "test"))


def _events(*mains: Mention):
    docs = [_doc(m.document, "t", "x", m.date.date) for m in mains]
    return main_events(docs, {m.document: m for m in mains})


def test_report_mains_keeps_each_documents_report_main_mention_only():
    main = _main("a", "2016-05-01")
    other = Mention(id="m-b", document="a", span=(0, 1), sentence="x", type="Riots", sub_type="Mob violence")
    attached = Mention(id="m-c", document="a", span=(0, 1), sentence="x", type="Riots", sub_type="Mob violence",
                       main="m-a")
    assert report_mains([other, attached, main]) == {"a": main}


def test_main_events_dated_in_their_own_phrase_days_apart_are_told_apart():
    e = _events(_main("a", "2016-05-01"), _main("b", "2016-05-09"), _main("c", "2016-05-02"),
                _main("d", "2016-05-09", resolution="absolute, year from published 2016-05-20"))
    apart = told_apart(e, np.arange(4), np.arange(4), 1)
    assert apart[0, 1] and apart[1, 0]
    assert not apart[0, 2]  # a night told from either side of midnight
    assert not apart[0, 3]  # a day not read against the report's own publication may be background


def test_main_events_telling_the_same_toll_of_several_are_not_told_apart_nor_is_a_roundup_a_day_away():
    e = _events(_main("a", "2016-05-01", injured=4), _main("b", "2016-05-09", injured=4),
                _main("c", "2016-05-02", sentence="Six people were hurt in shootings across the city."),
                _main("d", "2016-05-09", injured=3))
    apart = told_apart(e, np.arange(4), np.arange(4), 1)
    assert not apart[0, 1]  # a later report of one shooting of four dates it by what it adds
    assert not apart[0, 2]  # the night's roundup may tell this shooting too
    assert apart[0, 3]


def test_main_events_at_one_town_within_a_day_with_no_toll_told_apart_are_one_incident():
    e = _events(_main("a", "2016-05-01", killed=1, injured=1), _main("b", "2016-05-02", killed=1, injured=None),
                _main("c", "2016-05-01", killed=2), _main("d", "2016-05-01", place=MILLBROOK),
                _main("e", "2016-05-04"), _main("f", "2016-05-01", sub_type="Arrests"))
    one = one_incident(e, np.arange(6), np.arange(6), 1)
    assert one[0, 1] and one[1, 0]
    assert not one[0, 2]  # another death toll
    assert not one[0, 3]  # another town
    assert not one[0, 4]  # days apart
    assert not one[0, 5]  # an arrest is not the incident


def test_a_main_event_in_a_part_of_a_town_is_at_that_town_and_one_in_its_county_is_not():
    e = _events(_main("a", "2016-05-01"), _main("b", "2016-05-01", place=SOUTH_LAKEVILLE),
                _main("c", "2016-05-01", place=LAKE_COUNTY), _main("d", "2016-05-01", place=LAKE_COUNTY))
    one = one_incident(e, np.arange(4), np.arange(4), 1)
    assert one[0, 1]
    assert not one[0, 2] and not one[2, 3]


def _pair():
    a = _doc("a", "Man killed, girl grazed by bullet inside grandmother's house",
             "A bullet came through the wall of a house on Elm Street in Lakeville on Sunday night, killing a man "
             "and grazing a girl.", "2016-05-02")
    b = _doc("b", "Drive-by gunfire leaves one dead, child hurt on Lakeville's south side",
             "Detectives are looking for a dark sedan whose occupants fired at a home late Sunday, police said.",
             "2016-05-02")
    mains = {"a": _main("a", "2016-05-01", killed=1), "b": _main("b", "2016-05-01", killed=1)}
    return [a, b], mains


def test_reports_of_one_main_event_in_other_words_are_at_least_main_link_alike():
    docs, mains = _pair()
    settings = StorySettings(main_link=0.4)
    without = block_similarity(features(docs, {}, settings), np.array([0]), np.array([1]))[0, 0]
    linked = block_similarity(features(docs, {}, settings, mains=mains), np.array([0]), np.array([1]))[0, 0]
    assert without < settings.join_threshold <= 0.4 <= linked
    assert len(cluster_stories(docs, {}, [], settings)) == 2  # without mentions: as before
    assert len(cluster_stories(docs, {}, [], settings, mains)) == 1


def test_reports_whose_main_events_are_told_apart_are_less_alike_unless_one_tells_a_follow_up():
    text = "Two men were shot on Elm Street in Lakeville; police have made no arrest in the shooting."
    docs = [_doc("a", "Two men shot on Elm Street", text, "2016-05-01"),
            _doc("b", "Two men shot on Elm Street", text, "2016-05-10"),
            _doc("c", "Man arrested in Elm Street shooting", text, "2016-05-10")]
    mains = {"a": _main("a", "2016-05-01"), "b": _main("b", "2016-05-10"), "c": _main("c", "2016-05-10")}
    settings = StorySettings(main_apart_penalty=0.5)
    plain = block_similarity(features(docs, {}, settings), np.array([0]), np.arange(3))[0]
    read = block_similarity(features(docs, {}, settings, mains=mains), np.array([0]), np.arange(3))[0]
    assert read[1] == np.float32(0.5) * plain[1]
    assert read[2] == plain[2]


def test_a_main_event_whose_report_tells_no_day_counts_its_publication_day_when_asked():
    no_day = DateValue("2016-05-02", "week", "published date; no day told")
    undated = Mention(id="m-b", document="b", span=(0, 1), sentence="A man was shot.",
                      type="Violence against civilians", sub_type="Attack", place=LAKEVILLE, date=no_day,
                      injured=_figure("injured", 1), main="m-b")
    mains = [_main("a", "2016-05-01"), undated]
    docs = [_doc(m.document, "t", "x", "2016-05-02") for m in mains]
    by_id = {m.document: m for m in mains}
    pair = np.arange(2)
    assert one_incident(main_events(docs, by_id, publication_days=True), pair, pair, 1)[0, 1]
    assert not one_incident(main_events(docs, by_id), pair, pair, 1)[0, 1]
