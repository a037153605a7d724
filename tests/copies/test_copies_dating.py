"""An undated page that carries a dated story borrows that story's date for its relative dates."""

from copies_texts import OWN_PARAS, WIRE_PARAS, make_doc

from newsfuse.copies import CopySettings, borrowed_dates, find_copies
from newsfuse.records import PublishedDate


def test_an_undated_republication_borrows_the_earliest_date_of_the_copies_it_shares_its_text_with():
    first = make_doc("a-wire", WIRE_PARAS, published=PublishedDate("2021-03-02T09:15", "minute", "html-meta"))
    later = make_doc("b-later", WIRE_PARAS + OWN_PARAS[:1], published=PublishedDate("2021-03-04", "day", "jsonl"))
    undated = make_doc("c-undated", WIRE_PARAS)
    docs = [first, later, undated]
    lent = borrowed_dates(find_copies(docs, CopySettings()), docs)
    assert lent == {"c-undated": PublishedDate("2021-03-02", "day", "copy:a-wire")}


def test_a_dated_document_and_one_sharing_only_a_quote_borrow_nothing():
    wire = make_doc("a-wire", WIRE_PARAS, published=PublishedDate("2021-03-02", "day", "html-meta"))
    quoting = make_doc("b-blog", OWN_PARAS * 4 + WIRE_PARAS[:1])
    docs = [wire, quoting]
    graph = find_copies(docs, CopySettings())
    assert graph.relations, "the quote is a shared passage"
    assert borrowed_dates(graph, docs, min_shared=0.5) == {}
