"""The nlp stage is bounded per document: text past NlpSettings.max_document_chars is refused by name."""

from newsfuse.nlp.limits import over_nlp_limit
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document


def _doc(n: int) -> Document:
    return Document(id="d1", source="huge.txt", text="x" * n)


def test_a_document_over_the_limit_is_rejected_with_its_size_and_the_setting_named():
    rejected = over_nlp_limit(_doc(1_001), NlpSettings(max_document_chars=1_000))
    assert rejected is not None and rejected.stage == "nlp" and rejected.source == "huge.txt"
    assert rejected.reason.startswith("huge.txt: 1,001 characters of clean text, over the nlp limit of 1,000")
    assert "NlpSettings.max_document_chars" in rejected.reason


def test_a_document_at_the_limit_is_parsed():
    assert over_nlp_limit(_doc(1_000), NlpSettings(max_document_chars=1_000)) is None
