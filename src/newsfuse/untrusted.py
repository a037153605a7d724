"""Untrusted text (from the reports, their names and URLs) made safe for where it is shown.

Every place data leaves newsfuse for something that interprets it calls one of these:
the terminal (Rich markup, ANSI escapes), spreadsheets (CSV formulas), browsers (links,
Content-Security-Policy). Small and pure so every output path can share them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from rich.markup import escape as _escape_markup

# C0 and C1 controls (ESC starts ANSI sequences; newlines break one-line messages and table rows),
# DEL, lone surrogates (no terminal encodes them), and the bidirectional overrides that make
# text display in another order than it is stored ("Trojan Source", CVE-2021-42574).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def terminal_text(value: object) -> str:
    """``value`` as text Rich prints literally: markup escaped, controls shown as ``\\x1b``, ``\\n``."""
    return _escape_markup(_UNPRINTABLE.sub(_visible, str(value)))


# OWASP "CSV Injection": a cell a spreadsheet would read as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_csv_cell(value: str) -> str:
    """A CSV cell no spreadsheet runs as a formula (OWASP: prefix a single quote).

    Plain numbers ("-3", "+1.5") are left as they are: they cannot call anything, and
    fatalities or coordinates must stay numbers for the people who open the file.
    """
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) link, else None: never ``javascript:``, ``data:`` or the like."""
    if not url:
        return None
    cleaned = url.strip()
    # browsers drop tabs and newlines inside a scheme ("java\tscript:"), so the check does too
    if _UNPRINTABLE.search(cleaned) or any(c.isspace() for c in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned


_INLINE = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def content_security_policy(html: str, same_origin: bool = False, allow_from: Sequence[str] = ()) -> str:
    """A strict Content-Security-Policy for ``html``: only its own inline scripts and styles run.

    Each inline ``<script>``/``<style>`` element is allowed by its SHA-256 hash, so a script
    a report's data managed to inject (any other text) is refused by the browser. No
    external loads (but the origins in ``allow_from``, and the page's own server when
    ``same_origin``), no plugins, no framing, no form posts, no ``<base>`` rewriting.
    Style attributes stay allowed: they cannot run code, and pages and SVG use them.
    """
    own = " 'self'" if same_origin else ""
    origins = own + "".join(" " + o for o in allow_from)

    def hashes(kind: str) -> str:
        found = [
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
            for tag, body in _INLINE.findall(html)
            if tag.lower() == kind
        ]
        return (" ".join(dict.fromkeys(found)) + origins).strip() or "'none'"

    return "; ".join((
        "default-src 'none'",
        f"script-src {hashes('script')}",
        f"style-src {hashes('style')}",
        "style-src-attr 'unsafe-inline'",
        f"img-src data:{origins}",
        "font-src" + (origins or " 'none'"),
        "connect-src" + (own or " 'none'"),
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ))
