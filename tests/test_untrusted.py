"""Untrusted text is made safe for the terminal, spreadsheets and browsers."""

from __future__ import annotations

import base64
import hashlib

import pytest
from rich.console import Console

from newsfuse.untrusted import content_security_policy, safe_csv_cell, safe_href, terminal_text


@pytest.mark.parametrize("hostile", ["Outlet [/red]", "x[/bold].txt", "[bold]loud[/bold]", "[link=file:///etc]x[/link]"])
def test_rich_markup_in_data_is_printed_literally(hostile):
    console = Console(record=True, width=200)
    console.print(terminal_text(hostile))
    assert console.export_text().rstrip("\n") == hostile


def test_ansi_escapes_newlines_and_bidi_overrides_become_visible_escapes():
    console = Console(record=True, width=200)
    console.print(terminal_text("evil\x1b[2J\nname\r\u202etxt.exe\x9b"))
    assert console.export_text() == "evil\\x1b[2J\\nname\\r\\u202etxt.exe\\x9b\n"


def test_a_lone_surrogate_is_shown_as_an_escape_not_an_encoding_error():
    assert terminal_text("a\udcffb") == "a\\udcffb"


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3*cmd|' /C calc'!A0", "@SUM(1)", "\t=1", "\r=1", "＝1+1"])
def test_csv_cells_that_start_a_formula_get_a_leading_quote(cell):
    assert safe_csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-3", "+1.5", "-0.25e3", "Mosul", "", "a=b", "2014-06-20"])
def test_numbers_and_plain_text_are_left_as_they_are(cell):
    assert safe_csv_cell(cell) == cell


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:x", "file:///etc/passwd", "//evil.example/x", "/relative", "http://",
                                 "https://a.example/\nx", ""])
def test_only_absolute_http_links_are_kept(url):
    assert safe_href(url) is None


def test_http_and_https_links_are_kept():
    assert safe_href("https://news.example/a?b=1#c") == "https://news.example/a?b=1#c"
    assert safe_href("HTTP://news.example/") == "HTTP://news.example/"


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_pages_own_inline_script_and_style():
    page = "<html><head><style>p{}</style></head><body><script>go()</script></body></html>"
    policy = content_security_policy(page)
    assert f"script-src {_sha('go()')};" in policy and f"style-src {_sha('p{}')};" in policy
    for rule in ("default-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                 "connect-src 'none'", "form-action 'none'"):
        assert rule in policy
    assert "'unsafe-inline'" not in policy.replace("style-src-attr 'unsafe-inline'", "")
    assert "unsafe-eval" not in policy and "'self'" not in policy


def test_a_served_page_may_also_load_from_its_own_server():
    policy = content_security_policy("<script>go()</script>", same_origin=True)
    assert f"script-src {_sha('go()')} 'self';" in policy and "connect-src 'self'" in policy


def test_a_page_without_scripts_allows_none():
    assert "script-src 'none'" in content_security_policy("<p>text</p>")
