from newsfuse.records import CopyGraph, CopyRelation, Credit, Document
from newsfuse.reconcile.sources import SourceNamer, group_name, outlet_name
from tests.reconcile.border_case import DOCS, GRAPH

BY_ID = {d.id: d for d in DOCS}


def test_a_group_of_documents_carrying_one_wire_story_is_named_after_the_wire():
    assert group_name(["lwj", "nizkor", "haaretz"], BY_ID, GRAPH) == "Reuters"


def test_a_republication_and_its_original_without_a_shared_wire_take_the_original_outlet():
    docs = {"o": Document("o", "o.txt", "x", outlet="Original Times"), "c": Document("c", "c.txt", "x", outlet="Copier")}
    graph = CopyGraph((CopyRelation("c", "o", "near_duplicate", 0.99, original="o"),), {"o": "o", "c": "o"})
    assert group_name(["o", "c"], docs, graph) == "Original Times"


def test_a_lone_document_is_its_outlet_else_unknown_never_its_file_name():
    assert outlet_name("vor", BY_ID) == "Voice of Russia"
    assert outlet_name("p", {"p": Document("p", "/data/002_fe1eff5b8ecfef13.txt", "x")}) == "unknown"


def test_each_report_of_unknown_outlet_that_copies_no_other_counts_once():
    docs = {k: Document(k, f"/data/{k}.txt", "x") for k in "abc"}
    graph = CopyGraph((CopyRelation("b", "a", "near_duplicate", 0.99, original="a"),), {"a": "a", "b": "a", "c": "c"})
    assert SourceNamer(docs, graph).independent_sources("abc") == ("unknown", "unknown")


def test_one_outlet_spelled_in_two_ways_counts_once():
    docs = {"a": Document("a", "a", "x", outlet="WRAL.com"), "b": Document("b", "b", "y", outlet="wral.com")}
    graph = CopyGraph((), {"a": "a", "b": "b"})
    assert SourceNamer(docs, graph).independent_sources("ab") == ("WRAL.com",)


def test_copies_count_once_among_independent_sources():
    namer = SourceNamer(BY_ID, GRAPH)
    assert namer.independent_sources(["lwj", "nizkor", "haaretz"]) == ("Reuters",)
    assert len(namer.independent_sources([d.id for d in DOCS])) == 3


def test_the_group_name_depends_on_the_whole_group_not_the_members_at_hand():
    # only the republication supports this event, but its group is still "Reuters"
    assert SourceNamer(BY_ID, GRAPH).independent_sources(["nizkor"]) == ("Reuters",)


def test_two_groups_under_one_wire_name_count_once():
    credit = (Credit("AFP", "wire", "(AFP)"),)
    docs = {k: Document(k, f"{k}.txt", "x", outlet=k, credits=credit) for k in "abcd"}
    graph = CopyGraph((), {"a": "a", "b": "a", "c": "c", "d": "c"})
    assert SourceNamer(docs, graph).independent_sources("abcd") == ("AFP",)
