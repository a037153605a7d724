"""One payload of bytes to text we can keep: checks for junk, decoding, normalising."""

from __future__ import annotations

import zlib

from newsfuse.ingest.decode import Decoded, bom_encoding, decode, utf16_without_bom
from newsfuse.ingest.errors import BadInput
from newsfuse.ingest.ids import normalise
from newsfuse.ingest.sniff import binary_reason


def to_text(
    data: bytes,
    name: str,
    max_control_share: float,
    header_charset: str | None = None,
    html: bool = False,
) -> Decoded:
    """Text of ``data`` (normalised) and how it was decoded; BadInput names what was wrong."""
    if not data.strip():
        raise BadInput(f"{name}: empty or whitespace-only")
    wide = bom_encoding(data) is not None or utf16_without_bom(data) is not None
    if not wide:  # UTF-16/32 text legitimately holds NUL bytes: those are checked once decoded
        reason = binary_reason(data, max_control_share)
        if reason:
            raise BadInput(f"{name}: {reason}")
    decoded = decode(data, name, header_charset=header_charset, html=html)
    if wide:
        reason = binary_reason(decoded.text[:32768].encode("utf-8", "surrogatepass"), max_control_share)
        if reason:
            raise BadInput(f"{name}: {reason}")
    text = normalise(decoded.text)
    if not text.strip():
        raise BadInput(f"{name}: empty or whitespace-only")
    return Decoded(text, decoded.encoding, decoded.method)


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress a gzip file (all members), refusing to inflate past ``max_bytes`` (gzip bombs).

    zlib directly rather than GzipFile: one C call per member instead of a
    Python read loop, and ``max_length`` bounds the output.
    """
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
        try:
            out += d.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as err:
            raise BadInput(f"{name}: corrupt or truncated gzip ({err})") from None
        if len(out) > max_bytes or d.unconsumed_tail:
            raise BadInput(f"{name}: decompresses to over {mb(max_bytes)} (IngestSettings.max_bytes)")
        if not d.eof:
            raise BadInput(f"{name}: corrupt or truncated gzip (the stream ends early)")
        rest = d.unused_data.lstrip(b"\x00")  # members may be followed by zero padding
    return bytes(out)


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
