"""Ids are content hashes of the normalised text, so the same page always gets the same id."""

import hashlib

from newsfuse.ingest.ids import content_id, normalise


def test_the_id_is_the_first_16_hex_of_the_sha256_of_the_text():
    assert content_id("Al-Qaim") == hashlib.sha256(b"Al-Qaim").hexdigest()[:16]


def test_normalising_composes_accents_unifies_line_ends_and_drops_nuls():
    assert normalise("Qa\u0308im\r\nline\rend\x00") == "Q\u00e4im\nline\nend"
