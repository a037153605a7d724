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


def test_a_lone_document_is_its_outlet_else_its_url_host_else_its_file_name():
    assert outlet_name("vor", BY_ID) == "Voice of Russia"
    assert outlet_name("u", {"u": Document("u", "/data/u.html", "x", url="https://www.example.org/a")}) == "example.org"
    assert outlet_name("w", {"w": Document("w", "https://news.example.com/a/1", "x")}) == "news.example.com"
    assert outlet_name("p", {"p": Document("p", "/data/p.txt", "x")}) == "p.txt"


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
