"""Encodings are detected, not assumed: BOM, strict UTF-8, declared charset, then detection."""

from __future__ import annotations

import pytest

from newsfuse.ingest.decode import charset_from_header, charset_from_meta, codec_for, decode, utf16_without_bom
from newsfuse.ingest.errors import BadInput

ARABIC = "سيطر مسلحون على معبر القائم الحدودي مع سوريا يوم الجمعة وقالت مصادر أمنية إن القتال استمر."
FRENCH = "Des insurgés ont pris le poste-frontière d'al-Qaïm vendredi ; « la situation est très grave », a déclaré un élu à l'AFP."
RUSSIAN = "Боевики захватили пограничный пункт Аль-Каим на границе Ирака и Сирии в пятницу, сообщили источники."


def test_utf8_without_bom_is_read_as_utf8():
    d = decode(ARABIC.encode("utf-8"), "a.txt")
    assert (d.text, d.encoding, d.method) == (ARABIC, "utf-8", "utf-8")


@pytest.mark.parametrize("codec,name", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_a_byte_order_mark_decides_the_encoding(codec, name):
    d = decode(FRENCH.encode(codec), "f.txt")
    assert d.text == FRENCH and d.encoding == name and d.method == "bom"


def test_the_html_meta_charset_is_used_when_utf8_fails():
    page = f'<html><head><meta charset="windows-1256"></head><body>{ARABIC}</body></html>'
    d = decode(page.encode("cp1256"), "p.html", html=True)
    assert d.text == page and d.encoding == "cp1256" and d.method == "meta"


def test_the_http_header_charset_is_used_when_utf8_fails():
    d = decode(RUSSIAN.encode("koi8_r"), "r.html", header_charset="KOI8-R", html=True)
    assert d.text == RUSSIAN and d.method == "http-header"


def test_a_latin1_declaration_is_read_as_windows_1252_like_browsers_do():
    text = "Le \u201cbilan\u201d s\u2019al\u00e8ve \u00e0 15 morts, selon l\u2019AFP."
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>{text}</p>'
    d = decode(page.encode("cp1252"), "p.html", html=True)
    assert d.text == page and d.encoding == "cp1252"


def test_a_wrong_declaration_falls_through_to_detection():
    page = f'<meta charset="utf-16"><p>{RUSSIAN} {RUSSIAN}</p>'
    d = decode(page.encode("cp1251"), "p.html", html=True)
    assert d.text == page and d.method == "detected"


def test_undeclared_legacy_text_is_detected():
    d = decode((FRENCH + " " + FRENCH).encode("cp1252"), "f.txt")
    assert d.text == FRENCH + " " + FRENCH and d.method == "detected"


def test_bytes_broken_after_a_bom_are_undecodable():
    with pytest.raises(BadInput, match="x.txt: undecodable bytes"):
        decode(b"\xef\xbb\xbfok \xff\xfe\xfa", "x.txt")


def test_charset_labels_are_read_from_headers_and_meta_tags():
    assert charset_from_header('text/html; charset="ISO-8859-6"') == "ISO-8859-6"
    assert charset_from_header("text/html") is None
    assert charset_from_meta(b"<head><meta charset='gb2312'>") == "gb2312"
    assert charset_from_meta(b'<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">') == "Shift_JIS"
    assert codec_for("gb2312") == "gb18030" and codec_for("no-such-charset") is None


def test_utf8_with_a_stray_legacy_byte_stays_utf8_instead_of_turning_into_mojibake():
    text = ("Schöne Grüße aus München, über Köln nach Düsseldorf. " * 20).encode("utf-8")
    broken = text[:200] + b"\x96" + text[200:]  # one cp1252 en dash pasted into a UTF-8 page
    d = decode(broken, "de.html", html=True)
    assert d.encoding == "utf-8" and d.method == "utf-8-lossy"
    assert d.text.count("\ufffd") == 1 and "München" in d.text


def test_legacy_text_is_not_mistaken_for_lossy_utf8():
    d = decode(("Schöne Grüße aus München " * 20).encode("cp1252"), "de.txt")
    assert d.method == "detected" and "Grüße" in d.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_pattern(codec):
    text = f"<p>{FRENCH}</p>\n<p>Officials said 12 people were hurt.</p>"
    d = decode(text.encode(codec), "a.html")
    assert (d.text, d.encoding, d.method) == (text, codec, "utf-16-pattern")


def test_binary_with_scattered_nuls_is_not_taken_for_utf16():
    assert utf16_without_bom(bytes(range(256)) * 8) is None
    assert utf16_without_bom(b"plain ascii text, no NULs at all") is None
