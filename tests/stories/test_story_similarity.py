import numpy as np

from newsfuse.records import Annotation, Document, Place, PlaceMention, PublishedDate
from newsfuse.stories import StorySettings
from newsfuse.stories.similarity import block_similarity, features, sliced_similarity, strong_pairs


def _report(doc_id: str, town: str, geonameid: int, day: str, what: str) -> tuple[Document, Annotation]:
    text = f"A {what} hit {town} on the morning of {day}; firefighters and police were at the scene for hours."
    doc = Document(id=doc_id, source=f"{doc_id}.txt", title=f"{what.capitalize()} in {town}", text=text,
                   published=PublishedDate(day, "day", "test"))
    start = text.index(town)
    place = PlaceMention(town, (start, start + len(town)), Place(town, 0.0, 0.0, "TR", geonameid))
    return doc, Annotation(document=doc_id, sentences=(), places=(place,))


def _corpus():
    reports = [_report(f"a{i}", "Ercis", 315621, f"2011-10-2{i}", "strong earthquake") for i in range(4)]
    reports += [_report(f"b{i}", "Elazig", 315808, "2020-01-24", "strong earthquake") for i in range(3)]
    reports += [_report(f"c{i}", "Elazig", 315808, "2020-02-0{i + 1}", "factory fire") for i in range(3)]
    return features([d for d, _ in reports], {a.document: a for _, a in reports}, StorySettings())


def test_similarity_computed_a_row_at_a_time_equals_the_whole_block_bit_for_bit():
    f = _corpus()
    rows, cols = np.array([9, 0, 3, 5, 7, 1]), np.arange(f.size)
    whole = block_similarity(f, rows, cols)
    assert np.array_equal(sliced_similarity(f, rows, cols, cells_per_slice=1), whole)
    assert np.array_equal(sliced_similarity(f, rows, cols, cells_per_slice=3 * f.size), whole)
    assert whole[0, 9] == 1.0 and ((whole > 0) & (whole < 1)).any()  # rows in any order, not only the diagonal


def test_strong_pairs_swept_in_small_slices_keep_exactly_the_pairs_at_or_above_the_cut():
    f = _corpus()
    every = np.arange(f.size)
    whole = block_similarity(f, every, every)
    pairs = strong_pairs(f, 0.18, cells_per_slice=f.size).toarray()
    assert np.array_equal(pairs, np.where(whole >= 0.18, whole, 0.0))
    assert 0 < np.count_nonzero(pairs) < f.size * f.size


def test_strong_pairs_of_some_rows_are_those_rows_of_all_pairs_and_nothing_else():
    f = _corpus()
    every = np.arange(f.size)
    full = strong_pairs(f, 0.18).toarray()
    rows = np.array([8, 2])
    some = strong_pairs(f, 0.18, cells_per_slice=f.size, rows=rows).toarray()
    assert np.array_equal(some[rows], full[rows]) and np.count_nonzero(some[rows]) > 2
    assert not some[np.setdiff1d(every, rows)].any()


GARY = Place("Gary", 41.59, -87.35, "US", 4920423, "Indiana", "city", "point")


def _shooting(doc_id: str, age: int, title: str = "Shooting on Broadway in Gary") -> tuple[Document, Annotation]:
    text = (f"A {age}-year-old was shot on Broadway in Gary late Friday night and taken to a hospital. "
            "Police said the gunman ran off and asked anyone who saw the shooting to call them.")
    doc = Document(id=doc_id, source=f"{doc_id}.txt", title=title, text=text,
                   published=PublishedDate("2016-03-05", "day", "test"))
    start = text.index("Gary")
    return doc, Annotation(document=doc_id, sentences=(), places=(PlaceMention("Gary", (start, start + 4), GARY),))


def _pair_similarity(*reports: tuple[Document, Annotation]) -> float:
    f = features([d for d, _ in reports], {a.document: a for _, a in reports}, StorySettings())
    return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])


def test_reports_giving_different_ages_are_less_alike_unless_one_tells_a_follow_up():
    arrest = "Man arrested in Broadway shooting in Gary"  # a follow-up gives the suspect's age
    one_age = _pair_similarity(_shooting("a", 15), _shooting("b", 15))
    assert _pair_similarity(_shooting("a", 15), _shooting("b", 42)) < 0.75 * one_age
    assert _pair_similarity(_shooting("a", 15), _shooting("b", 42, arrest)) > \
        0.9 * _pair_similarity(_shooting("a", 15), _shooting("b", 15, arrest))


def _later(doc_id: str, day: str, title: str = "Shooting on Broadway in Gary") -> tuple[Document, Annotation]:
    doc, ann = _shooting(doc_id, 15, title)
    return Document(id=doc.id, source=doc.source, title=doc.title, text=doc.text,
                    published=PublishedDate(day, "day", "test")), ann


def test_reports_of_one_town_months_apart_are_one_story_only_when_the_later_tells_the_incident_again():
    off = StorySettings(far_unnamed_penalty=1.0)

    def similarity(settings: StorySettings, *reports: tuple[Document, Annotation]) -> float:
        f = features([d for d, _ in reports], {a.document: a for _, a in reports}, settings)
        return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])

    first = _shooting("a", 15)
    again = _later("b", "2016-09-20")  # the same words half a year on: another shooting there
    assert similarity(off, first, again) > 0.0
    assert similarity(StorySettings(), first, again) == 0.0
    trial = _later("c", "2016-09-20", "Man charged in Broadway shooting in Gary")  # a follow-up
    assert similarity(StorySettings(), first, trial) == similarity(off, first, trial) > 0.0


def test_reports_of_one_town_months_apart_telling_the_same_toll_of_several_dead_stay_alike():
    from dataclasses import replace

    from newsfuse.records import Figure

    def killed(report: tuple[Document, Annotation], n: int) -> tuple[Document, Annotation]:
        doc, ann = report
        return doc, replace(ann, figures=(Figure("killed", n, n, "exact", f"{n} killed", (0, 1)),))

    def similarity(settings: StorySettings, *reports: tuple[Document, Annotation]) -> float:
        f = features([d for d, _ in reports], {a.document: a for _, a in reports}, settings)
        return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])

    off = StorySettings(far_unnamed_penalty=1.0)
    first, again = killed(_shooting("a", 15), 3), killed(_later("b", "2016-09-20"), 3)
    assert similarity(StorySettings(), first, again) == similarity(off, first, again) > 0.0
    one, once = killed(_shooting("a", 15), 1), killed(_later("b", "2016-09-20"), 1)  # one dead: any shooting
    assert similarity(StorySettings(), one, once) == 0.0


def test_reports_whose_headlines_give_other_ages_are_less_alike_even_when_one_tells_a_follow_up():
    off = StorySettings(other_title_ages_penalty=1.0)

    def similarity(settings: StorySettings, *reports: tuple[Document, Annotation]) -> float:
        f = features([d for d, _ in reports], {a.document: a for _, a in reports}, settings)
        return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])

    first = _shooting("a", 15, "15-year-old killed on Broadway in Gary")
    other = _shooting("b", 15, "Two charged after 4-year-old shot on Broadway in Gary")  # another child's shooting
    again = _shooting("b", 15, "Two charged with killing 15-year-old on Broadway in Gary")  # the same one's
    assert 0.0 < similarity(StorySettings(), first, other) < 0.7 * similarity(off, first, other)
    assert similarity(StorySettings(), first, again) == similarity(off, first, again) > 0.0


def _town_report(doc_id: str, town: str, geonameid: int, day: str) -> tuple[Document, Annotation]:
    text = (f"A 17-year-old was shot and killed near {town} on Saturday night. Deputies said the shooting "
            "appeared to be an accident and that no one else was hurt.") if doc_id == "a" else (
        f"Classmates in {town} gathered on Sunday to remember a high school senior who died after a rifle "
        "went off at a friend's house, the sheriff's office said.")
    doc = Document(id=doc_id, source=f"{doc_id}.txt", title=f"Teen killed in shooting near {town}", text=text,
                   published=PublishedDate(day, "day", "test"))
    start = text.index(town)
    place = Place(town, 35.3, -81.6, "US", geonameid, "North Carolina", "city", "point", admin2="Cleveland County")
    return doc, Annotation(document=doc_id, sentences=(), places=(PlaceMention(town, (start, start + len(town)), place),))


def test_reports_naming_two_towns_of_one_county_within_days_are_not_places_apart():
    off = StorySettings(county_town_days=0)

    def similarity(settings: StorySettings, *reports: tuple[Document, Annotation]) -> float:
        f = features([d for d, _ in reports], {a.document: a for _, a in reports}, settings)
        return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])

    first = _town_report("a", "Boiling Springs", 4456595, "2016-08-07")
    next_day = _town_report("b", "Shelby", 4491180, "2016-08-08")
    assert similarity(StorySettings(), first, next_day) > 1.3 * similarity(off, first, next_day) > 0.0
    weeks_on = _town_report("b", "Shelby", 4491180, "2016-08-20")  # another shooting of the county
    assert similarity(StorySettings(), first, weeks_on) == similarity(off, first, weeks_on)


def test_a_page_known_by_a_cut_headline_alone_is_read_with_the_headline_its_address_tells():
    off = StorySettings(address_of_cut_headlines=False)
    text = ("A 4-year-old girl was shot and killed inside a home in Riviera Beach on Sunday, police said. "
            "Officers found the girl with a gunshot wound and she died at a hospital.")
    report = Document(id="r", source="r.txt", title="Girl, 4, shot dead in Riviera Beach home", text=text,
                      published=PublishedDate("2016-09-18", "day", "test"))
    address = "http://web.archive.org/web/2016/http://www.example-post.com/news/4-year-old-girl-shot-killed-in-riviera-beach/x9/"
    cut = Document(id="c", source="c.txt", title="Uncle held on bond on charges linked to...", text="",
                   published=PublishedDate("2016-09-19", "day", "test"), url=address)

    def similarity(settings: StorySettings, page: Document) -> float:
        f = features([report, page], {}, settings)
        return float(block_similarity(f, np.array([0]), np.array([1]))[0, 0])

    assert similarity(StorySettings(), cut) > 2 * similarity(off, cut)
    whole = Document(id="w", source="w.txt", title="Uncle held on bond on charges linked to girl's death",
                     text="", published=cut.published, url=address)  # a whole headline is read as it is
    assert similarity(StorySettings(), whole) == similarity(off, whole)
