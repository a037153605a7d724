import pytest

from newsfuse.nlp import annotate
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Annotation, Document, PublishedDate, Rejected

TEXT = (
    "Gunmen Seize Checkpoint Near Tal Afar\n"
    "The weather in northern Iraq was mild this week and traders reopened their shops.\n"
    "Gunmen from the Islamic State of Iraq and the Levant attacked a checkpoint near Tal Afar on Friday, "
    "killing four policemen, security sources said.\n"
    "The town's mayor thanked residents for their patience."
)


def _doc(text=TEXT, published="2014-06-21", id="d1"):
    pub = PublishedDate(published, "day", "test") if published else None
    return Document(id=id, source=f"{id}.txt", text=text, published=pub)


@pytest.fixture(scope="module")
def ann() -> Annotation:
    (a,) = annotate([_doc()], NlpSettings())
    return a


def test_only_event_sentences_are_parsed(ann):
    cands = [s for s in ann.sentences if s.candidate]
    assert any("killing four policemen" in s.text for s in cands)
    quiet = [s for s in ann.sentences if "weather" in s.text or "mayor" in s.text]
    assert quiet and all(not s.candidate and not s.tokens for s in quiet)


def test_tokens_carry_offsets_heads_and_entities(ann):
    sent = next(s for s in ann.sentences if "killing four" in s.text)
    text = TEXT
    assert all(text[t.start:t.start + len(t.text)] == t.text for t in sent.tokens)
    assert all(0 <= t.head < len(sent.tokens) for t in sent.tokens)
    assert any(t.lemma == "attack" and t.pos == "VERB" for t in sent.tokens)


def test_sentence_spans_point_into_the_text(ann):
    assert all(TEXT[s.span[0]:s.span[1]] == s.text for s in ann.sentences)
    assert len(ann.sentences) >= 4


def test_annotation_carries_every_reading(ann):
    assert {(p.text, p.place.name) for p in ann.places} >= {("Tal Afar", "Tall ‘Afar"), ("Iraq", "Iraq")}
    assert [(d.text, d.value.date) for d in ann.dates if d.text == "on Friday"] == [("on Friday", "2014-06-20")]
    assert "Islamic State" in {a.canonical for a in ann.actors}
    assert [(f.kind, f.low) for f in ann.figures] == [("killed", 4)]
    assert [src for _, src in ann.attributions] == ["security sources"]


def test_actor_names_do_not_leak_places(ann):
    # "Iraq" inside "Islamic State of Iraq and the Levant" is part of the group's name
    inside = [p for p in ann.places if 100 < p.span[0] and p.text == "Iraq" and "Levant" in TEXT[p.span[0]:p.span[0] + 30]]
    assert inside == []


def test_parse_all_marks_every_sentence_as_parsed():
    (a,) = annotate([_doc()], NlpSettings(parse_all=True))
    assert all(s.candidate and s.tokens for s in a.sentences)


def test_bad_document_is_rejected_without_stopping_the_batch():
    bad = Document(id="bad", source="bad.txt", text=None)  # type: ignore[arg-type]
    out = list(annotate([bad, _doc(id="d2")], NlpSettings()))
    assert isinstance(out[0], Rejected) and "bad.txt" in out[0].reason
    assert isinstance(out[1], Annotation) and out[1].document == "d2"


def test_empty_document_gives_an_empty_annotation():
    (a,) = annotate([_doc(text="", id="e")], NlpSettings())
    assert a.document == "e" and a.sentences == ()


def test_order_is_kept_across_batches():
    docs = [_doc(text=f"Report {i}: two soldiers were wounded in Mosul.", id=f"n{i}") for i in range(5)]
    out = list(annotate(docs, NlpSettings(batch_size=2)))
    assert [a.document for a in out] == [f"n{i}" for i in range(5)]


def test_a_runaway_line_longer_than_spacy_accepts_is_still_split():
    text = "Shops reopened in the market of Hilla today. " * 2500  # one 110k-character line
    (a,) = annotate([_doc(text=text, id="long")], NlpSettings())
    assert len(a.sentences) >= 2000
    assert all(text[s.span[0]:s.span[1]] == s.text for s in a.sentences[:5])


def test_a_document_over_the_size_limit_is_rejected_and_the_rest_of_the_batch_annotated():
    settings = NlpSettings(max_document_chars=len(TEXT))
    huge, good = annotate([_doc(TEXT + " More.", id="big"), _doc(id="ok")], settings)
    assert isinstance(huge, Rejected) and "over the nlp limit" in huge.reason
    assert isinstance(good, Annotation) and good.document == "ok"


def test_a_person_named_like_a_town_is_no_place():
    from newsfuse.nlp import annotate
    from newsfuse.nlp.settings import NlpSettings
    from newsfuse.records import Document

    text = ("Austin Hedrick, 17, was shot outside a home in Columbia, South Carolina, on Saturday, police said. "
            "Sidney Davis, 24, was arrested on Sunday. Sidney told deputies he had fired in self-defense.")
    (ann,) = annotate([Document("p1", "p1.txt", text)], NlpSettings())
    names = {p.text for p in ann.places}
    assert "Columbia" in names
    assert "Austin" not in names and "Sidney" not in names


def test_a_surname_after_a_given_name_is_a_person_all_through_the_document():
    text = ("Esteban Santiago is accused of fatally shooting five travelers at the airport in Fort Lauderdale, "
            "Florida, on Friday. A judge ordered that Santiago be held without bond.")
    (ann,) = annotate([Document("p3", "p3.txt", text)], NlpSettings())
    assert "Santiago" not in {p.text for p in ann.places}
    assert "Fort Lauderdale" in {p.text for p in ann.places}


def test_a_town_before_a_person_noun_says_where_the_person_is_from_and_stays_a_place():
    text = "A hail of bullets left a 2-year-old Eastside Jacksonville girl in critical condition on Friday night."
    (ann,) = annotate([Document("p4", "p4.txt", text)], NlpSettings())
    assert "Jacksonville" in {p.text for p in ann.places}


def test_a_town_opening_its_police_forces_longer_name_stays_a_place():
    text = ("Savannah Chatham Metropolitan Police responded to a shooting on the 2100 block of Indiana Avenue after a "
            "man was shot around 1 p.m. on Saturday. The shooter is believed to have fled in a car.")
    (ann,) = annotate([Document("p6", "p6.txt", text)], NlpSettings())
    assert {(p.text, p.place.admin1) for p in ann.places} == {("Savannah", "Georgia")}


def test_a_holiday_read_as_a_day_is_no_town_of_its_name():
    # Christmas is also a town in Florida
    text = "A hail of Christmas night bullets wounded four people in Jacksonville, Florida, police said."
    (ann,) = annotate([Document("p5", "p5.txt", text, published=PublishedDate("2015-12-26", "day", "test"))],
                      NlpSettings())
    assert "Christmas" not in {p.text for p in ann.places} and "Jacksonville" in {p.text for p in ann.places}


def test_a_towns_police_named_as_an_organisation_still_place_the_town():
    text = ("The Richmond Police Department said two men were shot on Friday night. "
            "Officers of the Sacramento County Sheriff's Department said four people were wounded in the shooting.")
    (ann,) = annotate([Document("p2", "p2.txt", text, url="https://www.nbc12.com/story/1/four-shot")], NlpSettings())
    assert {"Richmond", "Sacramento County"} <= {p.text for p in ann.places}
