"""Bytes to text with the encoding detected, not assumed.

Order (after the WHATWG encoding-sniffing algorithm, simplified): byte-order
mark; strict UTF-8 (most of the web, and it almost never decodes legacy text by
accident); the charset the HTTP header or the HTML ``<meta>`` declares; finally
charset-normalizer's statistical guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsfuse.ingest.errors import BadInput

# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels browsers treat as another encoding (WHATWG Encoding Standard): pages
# that say latin-1 are in practice windows-1252, and a <meta> claiming UTF-16 on
# bytes without a BOM cannot be right.
_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso_8859-1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949", "shift-jis": "cp932", "shift_jis": "cp932", "x-sjis": "cp932",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}

_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""",
    re.IGNORECASE,
)
_HEADER = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used, e.g. "utf-8", "cp1252"
    method: str  # "bom", "utf-8", "http-header", "meta", "detected"


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text written without a byte-order mark, else None.

    Text that is mostly ASCII (markup, digits, spaces, Latin script) has a NUL in every other
    byte in UTF-16, on the odd bytes for little-endian and on the even ones for big-endian;
    binary data has NULs scattered on both. Hand-written: charset-normalizer does not look for it.
    """
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.3 * len(zeros) and others.count(0) <= 0.01 * len(others):
            return codec
    return None


def charset_from_header(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    m = _HEADER.search(content_type)
    return m.group(1) if m else None


def charset_from_meta(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 4 KB."""
    m = _META.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def codec_for(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, name: str, header_charset: str | None = None, html: bool = False) -> Decoded:
    """Decode ``data`` (named ``name`` in errors); BadInput if no encoding fits."""
    bom = bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), codecs.lookup(bom).name, "bom")
        except UnicodeDecodeError as err:
            raise BadInput(f"{name}: undecodable bytes after a {bom} byte-order mark ({err.reason})") from None
    # before UTF-8: ASCII in UTF-16 is valid UTF-8 with a NUL after every letter
    wide = utf16_without_bom(data)
    if wide:
        try:
            return Decoded(data.decode(wide), wide, "utf-16-pattern")
        except UnicodeDecodeError:
            pass  # not UTF-16 after all (odd length, lone surrogates): go on
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    declared = [("http-header", header_charset)]
    if html:
        declared.append(("meta", charset_from_meta(data)))
    for method, label in declared:
        codec = codec_for(label)
        if codec and codec != "utf-8":
            try:
                return Decoded(data.decode(codec), codec, method)
            except UnicodeDecodeError:
                continue  # the declaration is wrong: fall through to detection
    lossy = _mostly_utf8(data)
    if lossy is not None:
        return Decoded(lossy, "utf-8", "utf-8-lossy")
    return _detect(data, name)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes replaced, when that is what the page is.

    Real pages are often UTF-8 with a stray legacy byte (a pasted quote, a cut
    multi-byte character); statistical detection then picks a legacy code page
    and turns every accent into mojibake. Browsers decode such pages as UTF-8
    with replacement characters, and so do we when the valid multi-byte
    characters far outnumber the broken ones.
    """
    text = data.decode("utf-8", errors="replace")
    bad = len(text) - len(data.decode("utf-8", errors="ignore"))  # one U+FFFD per broken sequence
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if bad <= max(2, len(text) // 1000) and multibyte >= 10 * bad:
        return text
    return None


# Encodings a browser can decode (WHATWG Encoding Standard), as Python codec names.
# charset-normalizer also proposes DOS code pages (cp775, cp850, cp852, hp_roman8...)
# that tie with the Windows ones on short accented text; no web page is in those.
_WEB_CODECS = frozenset(
    codecs.lookup(n).name
    for n in (
        "utf-8", "utf-16", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6",
        "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
        "koi8-r", "koi8-u", "mac-roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254",
        "cp1255", "cp1256", "cp1257", "cp1258", "mac-cyrillic", "gbk", "gb18030", "big5", "euc-jp",
        "iso2022-jp", "shift_jis", "cp932", "euc-kr", "cp949", "latin-1",
    )
)
# windows-1252 is by far the most common legacy encoding on the web: on a tie it wins
_PRIOR = "cp1252"
_TIE = 0.002  # mess-ratio margin within which two decodings are equally plausible


def _detect(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    results = [m for m in from_bytes(data) if m.encoding]
    web = [m for m in results if codecs.lookup(m.encoding).name in _WEB_CODECS]
    best = (web or results or [None])[0]
    if best is None:
        raise BadInput(f"{name}: undecodable bytes: neither UTF-8, the declared charset nor any detected encoding fits")
    codec, text = codecs.lookup(best.encoding).name, str(best)
    if codec != _PRIOR and codec in _WEB_CODECS:
        try:
            prior = data.decode(_PRIOR)
        except UnicodeDecodeError:
            prior = None
        if prior is not None and mess_ratio(prior, 1.0) <= mess_ratio(text, 1.0) + _TIE:
            codec, text = _PRIOR, prior
    return Decoded(text, codec, "detected")

