from dataclasses import replace

from copies_texts import INDEPENDENT_PARAS, OWN_PARAS, WIRE_PARAS, make_doc

from newsfuse.copies import CopySettings, find_copies
from newsfuse.records import Credit

S = CopySettings()


def _rel(graph, a, b):
    return next((r for r in graph.relations if {r.a, r.b} == {a, b}), None)


def test_same_text_with_other_punctuation_and_case_is_a_duplicate(wire_story):
    twin = replace(wire_story, id="z9", text=wire_story.text.upper().replace(",", " ;"))
    rel = _rel(find_copies([wire_story, twin], S), "a1", "z9")
    assert rel.kind == "duplicate" and rel.overlap == 1.0


def test_republication_in_other_chrome_is_a_near_duplicate_of_the_earlier_wire_story(wire_story, republished):
    rel = _rel(find_copies([republished, wire_story], S), "a1", "b2")
    assert rel.kind == "near_duplicate"
    assert rel.original == "a1" and rel.direction == "a->b"
    assert "Reuters" in rel.evidence
    assert rel.overlap > 0.9


def test_quoted_wire_paragraph_with_typos_is_a_shared_passage_with_spans_in_both(wire_story, quoting):
    graph = find_copies([wire_story, quoting], S)
    rel = _rel(graph, "a1", "c3")
    assert rel.kind == "shared_passages" and len(rel.passages) == 1
    p = rel.passages[0]
    in_wire = wire_story.text[p.a_start : p.a_end]
    in_quote = quoting.text[p.b_start : p.b_end]
    assert in_wire.startswith("Gunmen stormed") and in_wire.endswith("told the agency")
    assert in_quote.startswith("Gunmen stormed") and in_quote.endswith("told the agency")
    assert 0.2 < rel.overlap < 0.5  # one paragraph of the shorter document
    assert rel.original == "a1"  # c3 credits Reuters, and a1 is Reuters' own story


def test_two_outlets_carrying_the_same_wire_text_have_no_direction(republished, quoting):
    rel = _rel(find_copies([republished, quoting], S), "b2", "c3")
    assert rel.kind == "shared_passages" and rel.original is None


def test_same_event_in_own_words_gets_no_copy_relation(wire_story, quoting, independent):
    graph = find_copies([wire_story, quoting, independent], S)
    assert all("d4" not in (r.a, r.b) for r in graph.relations)
    assert graph.origin_group["d4"] == "d4"


def test_unrelated_story_gets_no_relation_and_its_own_group(wire_story, unrelated):
    graph = find_copies([wire_story, unrelated], S)
    assert graph.relations == ()
    assert graph.origin_group == {"a1": "a1", "e5": "e5"}


def test_copies_and_wire_carriers_fall_in_one_origin_group_named_by_smallest_id(
    wire_story, republished, quoting, independent, unrelated
):
    graph = find_copies([unrelated, independent, quoting, republished, wire_story], S)
    g = graph.origin_group
    assert g["a1"] == g["b2"] == g["c3"] == "a1"
    assert g["d4"] == "d4" and g["e5"] == "e5"


def test_unattributed_quote_of_wire_text_carries_the_wire(wire_story):
    silent = make_doc("f6", [OWN_PARAS[0], WIRE_PARAS[1], WIRE_PARAS[2], OWN_PARAS[2]])
    graph = find_copies([wire_story, silent], S)
    carried = [c for c in graph.origins["f6"] if c.how == "carried"]
    assert [c.name for c in carried] == ["Reuters"] and "a1" in carried[0].evidence
    assert graph.origin_group["f6"] == "a1"


def test_documents_keep_the_credits_they_give(quoting):
    graph = find_copies([quoting], S)
    assert graph.origins["c3"] == quoting.credits


def test_shared_passage_without_any_wire_credit_stays_a_separate_source():
    one = make_doc("g1", [WIRE_PARAS[0], OWN_PARAS[0], OWN_PARAS[1], OWN_PARAS[2]])
    two = make_doc("h2", [INDEPENDENT_PARAS[2], WIRE_PARAS[0], *INDEPENDENT_PARAS[:2]])
    graph = find_copies([one, two], S)
    assert _rel(graph, "g1", "h2").kind == "shared_passages"
    assert graph.origin_group["h2"] == "h2"


def test_pairs_are_ordered_by_id_and_spans_point_into_each_side(wire_story, quoting):
    low = replace(quoting, id="0c")
    rel = find_copies([wire_story, low], S).relations[0]
    assert (rel.a, rel.b) == ("0c", "a1")
    p = rel.passages[0]
    assert low.text[p.a_start : p.a_end].startswith("Gunmen")
    assert wire_story.text[p.b_start : p.b_end].startswith("Gunmen")


def test_empty_and_repeated_documents_do_not_break_the_batch(wire_story):
    empty = make_doc("00", [""])
    graph = find_copies([wire_story, empty, wire_story], S)
    assert graph.relations == () and set(graph.origin_group) == {"00", "a1"}


def test_a_short_paragraph_below_the_passage_minimum_is_not_a_relation(wire_story):
    short = make_doc("k1", [OWN_PARAS[0], WIRE_PARAS[3][:60], OWN_PARAS[1]])
    assert find_copies([wire_story, short], S).relations == ()


def test_credit_naming_the_other_outlet_beats_dates():
    body = [*WIRE_PARAS, OWN_PARAS[0]]
    from newsfuse.records import PublishedDate

    first = make_doc("m1", body, outlet="Mosul Observer", published=PublishedDate("2021-03-05", "day", "x"))
    copy = make_doc(
        "m2",
        [*body, "[Source: Mosul Observer, 2 March 2021]"],
        published=PublishedDate("2021-03-01", "day", "x"),
        credits=(Credit("Mosul Observer", "publisher", "[Source: Mosul Observer, 2 March 2021]"),),
    )
    rel = find_copies([first, copy], S).relations[0]
    assert rel.original == "m1" and "credits Mosul Observer" in rel.evidence
