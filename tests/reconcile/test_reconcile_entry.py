from dataclasses import replace

from newsfuse.records import CopyGraph, Event
from newsfuse.reconcile import ReconcileSettings, reconcile
from tests.reconcile.border_case import DOCS, GRAPH, MENTIONS, STORY, WIRE_SENTENCE


def _events() -> dict[str, Event]:
    events, _ = reconcile([STORY], MENTIONS, DOCS, GRAPH, ReconcileSettings())
    return {e.place.name: e for e in events}


def test_the_takeover_and_the_clash_are_two_events():
    assert sorted(_events()) == ["Al Qā’im", "Al Ḩawījah"]


def test_the_takeover_is_supported_by_all_five_documents_but_three_independent_sources():
    takeover = _events()["Al Qā’im"]
    assert set(takeover.documents) == {"lwj", "nizkor", "haaretz", "donga", "vor"}
    # the republication and the wire copies are one source, named after the wire they carry
    assert sorted(takeover.independent_sources) == ["Dong-A Ilbo", "Reuters", "Voice of Russia"]


def test_the_hawija_clash_keeps_both_tolls_as_a_contradiction_with_their_documents():
    clash = _events()["Al Ḩawījah"]
    assert clash.documents == ("haaretz", "vor") or set(clash.documents) == {"haaretz", "vor"}
    [contradiction] = [c for c in clash.contradictions if c.field == "fatalities"]
    assert {(v.value, v.documents) for v in contradiction.values} == {(15, ("haaretz",)), (17, ("vor",))}
    assert (clash.fatalities.low, clash.fatalities.high) == (15, 17)
    assert set(clash.fatalities.reports) == {(15, "haaretz"), (17, "vor")}


def test_event_ids_do_not_depend_on_the_order_mentions_arrive_in():
    one, _ = reconcile([STORY], MENTIONS, DOCS, GRAPH, ReconcileSettings())
    two, _ = reconcile([STORY], list(reversed(MENTIONS)), list(reversed(DOCS)), GRAPH, ReconcileSettings())
    assert sorted(e.id for e in one) == sorted(e.id for e in two)


def test_without_a_copy_graph_every_document_is_its_own_source():
    events, _ = reconcile([STORY], MENTIONS, DOCS, CopyGraph(()), ReconcileSettings())
    takeover = next(e for e in events if e.place.name == "Al Qā’im")
    assert len(takeover.independent_sources) == 5


def test_mentions_of_different_stories_never_merge():
    other = replace(STORY, id="s-other", documents=("vor",))
    story = replace(STORY, documents=tuple(d.id for d in DOCS if d.id != "vor"))
    events, _ = reconcile([story, other], MENTIONS, DOCS, GRAPH, ReconcileSettings())
    assert len(events) == 4


def test_a_mention_without_an_event_type_is_skipped_not_fatal():
    broken = replace(MENTIONS[0], id="lwj:999:0", type="")
    events, _ = reconcile([STORY], [*MENTIONS, broken], DOCS, GRAPH, ReconcileSettings())
    assert all("lwj:999:0" not in e.mentions for e in events)


def test_the_brief_leads_with_the_best_supported_event_and_cites_its_copies():
    _, [brief] = reconcile([STORY], MENTIONS, DOCS, GRAPH, ReconcileSettings())
    assert brief.story == "s-border"
    lead = brief.sentences[0]
    assert lead.text == WIRE_SENTENCE
    assert {"lwj", "nizkor", "haaretz"} <= set(lead.documents)
    assert len(brief.sentences) == 2


def test_unreadable_dates_and_unknown_documents_do_not_stop_the_batch():
    from newsfuse.records import DateValue

    odd = replace(MENTIONS[0], id="ghost:0:0", document="ghost", date=DateValue("sometime", "day", "absolute"))
    events, briefs = reconcile([STORY], [*MENTIONS, odd], DOCS, GRAPH, ReconcileSettings())
    ghost = next(e for e in events if "ghost" in e.documents)
    assert "ghost" in ghost.independent_sources  # no document record: named by its id


def test_an_event_is_labelled_by_its_type_place_and_date_not_by_a_sentence():
    from newsfuse.records import DateValue, Event, Fatalities, Place

    e = Event("e1", None, "Battles", "Armed clash", DateValue("2014-06-20", "day", "absolute"),
              Place("Al Hawijah", 35.33, 43.77, "IQ"), (), Fatalities(None, None, None), (), (), (),
              summary="Analysts have noted that the insurgents are divided.")
    assert e.label == "Armed clash, Al Hawijah, 2014-06-20"


def _shooting_report(doc_id: str, day: str, killed: int, title: str):
    from newsfuse.records import DateValue, Document, PublishedDate
    from tests.reconcile.border_case import CLASH, killed as toll, mention

    doc = Document(doc_id, f"{doc_id}.txt", "...", title=title, published=PublishedDate(day, "day", "test"))
    m = mention(doc_id, 0, f"{killed} people were killed in the attack on the checkpoint.", type_=CLASH,
                date=DateValue("2014-06-20", "day", "relative weekday"), killed=toll(killed))
    return doc, replace(m, main=m.id)


def test_a_later_report_raising_the_toll_updates_the_event_and_a_same_day_disagreement_contradicts():
    from newsfuse.records import Story

    first, m1 = _shooting_report("a", "2014-06-20", 2, "Two killed in checkpoint attack")
    later, m2 = _shooting_report("b", "2014-06-22", 3, "Third victim of checkpoint attack dies")
    story = Story("s", "checkpoint", ("a", "b"))
    [event], _ = reconcile([story], [m1, m2], [first, later], CopyGraph(()), ReconcileSettings())
    assert event.fatalities.best == 3 and event.contradictions == ()
    rival, m3 = _shooting_report("c", "2014-06-20", 4, "Four killed in checkpoint attack")
    story = Story("s", "checkpoint", ("a", "c"))
    [event], _ = reconcile([story], [m1, m3], [first, rival], CopyGraph(()), ReconcileSettings())
    assert [c.field for c in event.contradictions] == ["fatalities"]


def test_a_report_of_the_story_that_tells_no_event_is_a_source_of_the_storys_main_event():
    vigil = replace(DOCS[0], id="vigil", title="Families gather in Al Qaim to mourn")
    story = replace(STORY, documents=(*STORY.documents, "vigil"))
    events, _ = reconcile([story], MENTIONS, [*DOCS, vigil], GRAPH, ReconcileSettings())
    by_place = {e.place.name: e for e in events}
    # the takeover holds most of the story's reports: the silent report joins it, and founds no event
    assert "vigil" in by_place["Al Qā’im"].documents
    assert "vigil" not in by_place["Al Ḩawījah"].documents
    assert len(events) == 2
    off, _ = reconcile([story], MENTIONS, [*DOCS, vigil], GRAPH, ReconcileSettings(attach_eventless_reports=False))
    assert all("vigil" not in e.documents for e in off)


def test_a_silent_report_alone_in_its_story_joins_no_event():
    vigil = replace(DOCS[0], id="vigil", title="Families gather in Al Qaim to mourn")
    alone = replace(STORY, id="s-vigil", documents=("vigil",))
    events, _ = reconcile([STORY, alone], MENTIONS, [*DOCS, vigil], GRAPH, ReconcileSettings())
    assert all("vigil" not in e.documents for e in events)
