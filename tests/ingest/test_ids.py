"""Ids are content hashes of the normalised text, so the same page always gets the same id."""

import hashlib

from newsfuse.ingest.ids import content_id, normalise


def test_the_id_is_the_first_16_hex_of_the_sha256_of_the_text():
    assert content_id("Al-Qaim") == hashlib.sha256(b"Al-Qaim").hexdigest()[:16]


def test_normalising_composes_accents_unifies_line_ends_and_drops_nuls():
    assert normalise("Qa\u0308im\r\nline\rend\x00") == "Q\u00e4im\nline\nend"


def test_normalising_agrees_with_unicodedata_nfc_on_tricky_text():
    import unicodedata

    samples = [
        "cafe\u0301 \u212b \u0958 \u1100\u1161\u11a8 \u0b47\u0b3e a\u0328\u0301 \u2019quoted\u2019 \u2014 \uf900",
        "Ha\u0308user in Ko\u0308ln \u00e9t\u00e9 \u0627\u0644\u0642\u0627\u0626\u0645 \u0642\u064e\u062a\u064e\u0644\u064e",
        "plain ascii", "already NFC: Qa\u00efm \u2013 Hawija",
    ]
    for s in samples:
        assert normalise(s) == unicodedata.normalize("NFC", s)


def test_a_record_without_url_or_title_is_identified_by_its_text_alone():
    from newsfuse.ingest.ids import record_id

    assert record_id("Al-Qaim", None, None) == content_id("Al-Qaim")


def test_two_records_with_one_text_but_different_urls_or_titles_are_two_reports():
    from newsfuse.ingest.ids import record_id

    chrome = "Just one more step: we have sent you a confirmation email."
    ids = {record_id(chrome, "https://a.example/1", "Man shot in Macon"),
           record_id(chrome, "https://a.example/2", "Two hurt in Dayton crash"),
           record_id(chrome, "https://b.example/1", "Man shot in Macon")}
    assert len(ids) == 3
    assert record_id(chrome, "https://a.example/1", "Man shot in Macon") in ids  # stable
