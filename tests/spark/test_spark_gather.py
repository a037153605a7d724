"""Partition outcomes are put back in input order, the first of each report kept."""

from __future__ import annotations

from newsfuse.records import Annotation, Document, Rejected
from newsfuse.pipeline import identical_twins
from newsfuse.spark.gather import gather
from newsfuse.spark.partition import Outcome


def _doc(doc_id: str, text: str = "Rain cut the road to Mopti.") -> Document:
    return Document(id=doc_id, source=f"in/{doc_id}.txt", text=text)


def _parsed(doc_id: str, order: tuple[int, int]) -> Outcome:
    return Outcome(order, id=doc_id, document=_doc(doc_id), annotation=Annotation(document=doc_id, sentences=()))


def test_outcomes_from_late_partitions_are_put_back_in_input_order() -> None:
    got = gather([_parsed("c", (2, 0)), _parsed("a", (0, 0)), _parsed("b", (1, 3))])
    assert [d.id for d in got.documents] == ["a", "b", "c"]
    assert set(got.parsed) == {"a", "b", "c"}


def test_a_report_read_in_two_partitions_counts_once_under_its_first_source() -> None:
    first = _parsed("a", (0, 0))
    again = Outcome((5, 0), id="a", document=Document(id="a", source="in/elsewhere.txt", text="x"))
    got = gather([again, first])
    assert got.inputs == 1 and [d.source for d in got.documents] == ["in/a.txt"]


def test_known_reports_are_counted_and_rejections_keep_ingest_first() -> None:
    outcomes = [
        Outcome((0, 0), id="k", known=True),
        Outcome((1, 0), id="x", rejected=Rejected("in/x.txt", "clean", "in/x.txt: no text")),
        Outcome((2, 0), rejected=Rejected("in/bad.txt", "ingest", "in/bad.txt: binary")),
    ]
    got = gather(outcomes)
    assert (got.inputs, got.known, got.documents) == (2, 1, [])
    assert [r.stage for r in got.rejected] == ["ingest", "clean"]


def test_a_copy_with_the_same_text_takes_the_first_annotated_documents_annotation() -> None:
    docs = [_doc("new1", "same words"), _doc("old", "same words"), _doc("new2", "other words")]
    by_id = {d.id: d for d in docs}
    twins = identical_twins([docs[0], docs[2]], by_id, annotated=["old"])
    assert twins == {"new1": "old"}


def test_a_document_the_nlp_stage_rejected_is_stored_and_marked_not_to_retry() -> None:
    bad = Outcome((0, 0), id="n", document=_doc("n"), rejected=Rejected("in/n.txt", "nlp", "in/n.txt: ValueError: odd"))
    got = gather([bad])
    assert [d.id for d in got.documents] == ["n"]
    assert got.unparsable == {"n"} and not got.parsed
    assert [r.stage for r in got.rejected] == ["nlp"]
