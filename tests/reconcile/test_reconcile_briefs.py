from newsfuse.records import CopyGraph, CopyRelation, Document, Passage, Story
from newsfuse.reconcile import ReconcileSettings, reconcile
from newsfuse.reconcile.briefs import copy_carriers
from tests.reconcile.border_case import DOCS, GRAPH, MENTIONS, SPAN, STORY


def test_a_shared_passage_covering_the_sentence_makes_the_other_document_a_carrier():
    assert copy_carriers("haaretz", SPAN, GRAPH.by_document) == {"lwj", "nizkor"}
    assert copy_carriers("haaretz", (SPAN[1] + 1, SPAN[1] + 50), GRAPH.by_document) == set()


def test_a_near_duplicate_without_passages_carries_everything():
    assert "nizkor" in copy_carriers("lwj", (500, 520), GRAPH.by_document)


def test_brief_has_at_most_the_configured_number_of_sentences():
    _, [brief] = reconcile([STORY], MENTIONS, DOCS, GRAPH, ReconcileSettings(brief_sentences=1))
    assert len(brief.sentences) == 1


def test_a_sentence_does_not_cite_a_document_that_reports_a_different_toll():
    _, [brief] = reconcile([STORY], MENTIONS, DOCS, GRAPH, ReconcileSettings())
    clash = brief.sentences[1]
    assert "killed" in clash.text or "died" in clash.text
    assert len(clash.documents) == 1


def test_a_story_without_events_gets_its_lead_sentence_cited_with_its_copies():
    a = Document("a", "a.txt", "Floods cut the road to Kandy. More rain is expected.")
    b = Document("b", "b.txt", "Floods cut the road to Kandy. Schools closed.")
    graph = CopyGraph((CopyRelation("a", "b", "shared_passages", 0.5, (Passage(0, 29, 0, 29),)),))
    _, [brief] = reconcile([Story("s", "Floods", ("a", "b"))], [], [a, b], graph, ReconcileSettings())
    assert [(s.text, s.documents) for s in brief.sentences] == [("Floods cut the road to Kandy.", ("a", "b"))]
