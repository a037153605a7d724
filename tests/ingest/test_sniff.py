"""Binary junk is told from text by magic numbers and control bytes; HTML from text by its tags."""

from newsfuse.ingest.sniff import binary_reason, looks_like_html


def test_magic_numbers_name_the_binary_format():
    assert "ZIP" in binary_reason(b"PK\x03\x04rest", 0.05)
    assert "PDF" in binary_reason(b"%PDF-1.7\n", 0.05)
    assert "JPEG" in binary_reason(b"\xff\xd8\xff\xe0", 0.05)


def test_plain_text_in_a_legacy_encoding_is_not_binary():
    assert binary_reason("Caf\u00e9 \u2014 15 tu\u00e9s \u00e0 Hawija\n\t".encode("cp1252"), 0.05) is None


def test_text_with_ansi_colour_codes_is_not_binary():
    assert binary_reason(b"\x1b[31mBREAKING\x1b[0m border post seized\n" * 5, 0.05) is None


def test_html_documents_and_fragments_look_like_html_and_prose_does_not():
    assert looks_like_html("<!-- saved -->\n<!doctype html><html><body>x</body></html>")
    assert looks_like_html("<div><p>one</p><p>two</p><a href='#'>more</a></div>")
    assert not looks_like_html("Fighters took the town. Officials said <five> were hurt.")


def test_a_few_stray_nul_bytes_in_a_long_page_are_not_binary():
    page = b"<p>" + b"A long report about the border crossing. " * 200 + b"\x00\x00</p>"
    assert binary_reason(page, 0.05) is None
