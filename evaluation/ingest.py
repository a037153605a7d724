"""Ingest evaluation: does newsfuse recover the text of real pages served in legacy encodings?

No public set labels page encodings, so the test set is built at run time from
real pages in ../shared (trafilatura_eval, scrapinghub_aeb): every page that is
valid UTF-8 and has non-ASCII text is transcoded into the first legacy code page
that can hold it (cp1252 for Western European, cp1250 Central European, cp1251
Cyrillic, cp1256 Arabic, gb18030 Chinese ...). Three ways it reaches a reader:

- declared:     its <meta charset> rewritten to the true legacy label;
- undeclared:   every charset declaration removed (pure detection);
- mislabelled:  the original "utf-8" declaration kept (a transcoded page that lies).

A page counts as recovered when the decoded text equals the transcoded-from text
exactly. Peers, on the same bytes: trafilatura's own decoder
(``trafilatura.utils.decode_file``, what the extractor does with bytes),
charset-normalizer alone, and naive UTF-8 with replacement.
Then the real folders are read as they are, through ``read_inputs``, and the
encodings used and rejections are counted.
"""

from __future__ import annotations

import gzip
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from evaluation.common import console, dataset, table
from newsfuse.ingest import IngestSettings, read_inputs
from newsfuse.ingest.decode import decode
from newsfuse.records import RawDocument

LEGACY = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1256", "cp1255", "cp1257", "koi8_r",
          "cp874", "gbk", "shift_jis", "euc_kr", "big5")
_META = re.compile(r"""(<meta[^>]+?charset\s*=\s*["']?\s*)([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_META_WHOLE = re.compile(r"""<meta[^>]+?charset\s*=[^>]*>""", re.IGNORECASE)
_XML_DECL = re.compile(r"""<\?xml[^>]*encoding=[^>]*\?>""", re.IGNORECASE)


def _pages(limit: int | None) -> list[tuple[str, str]]:
    """(name, text) of real pages that are valid UTF-8 and not pure ASCII.

    With a limit, files are taken at a stride over the sorted list of both sets
    (so the slice is spread over them) until ``limit`` pages qualify.
    """
    files = sorted(dataset("datasets", "trafilatura_eval", "html").glob("*.gz"))
    files += sorted(dataset("datasets", "scrapinghub_aeb", "html").glob("*.html"))
    if limit:
        files = files[:: max(1, len(files) // (limit * 2))]
    out = []
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        text = text.removeprefix("\ufeff")
        if text.isascii():
            continue
        out.append((f.name, text))
        if limit and len(out) >= limit:
            break
    return out


def _legacy(text: str) -> str | None:
    for codec in LEGACY:
        try:
            text.encode(codec)
            return codec
        except UnicodeEncodeError:
            continue
    return None


def _variants(text: str, codec: str) -> dict[str, str]:
    label = {"cp1252": "windows-1252", "cp1250": "windows-1250", "cp1251": "windows-1251"}.get(codec, codec)
    declared = _META.sub(lambda m: m.group(1) + label, text) if _META.search(text) else (
        f'<meta charset="{label}">' + text
    )
    return {
        "declared": declared,
        "undeclared": _XML_DECL.sub("", _META_WHOLE.sub("", text)),
        "mislabelled": text,
    }


def _newsfuse(data: bytes) -> str:
    return decode(data, "page", html=True).text


def _trafilatura(data: bytes) -> str:
    from trafilatura.utils import decode_file

    return decode_file(data)


def _charset_normalizer(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _naive(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


SYSTEMS: dict[str, Callable[[bytes], str]] = {
    "newsfuse": _newsfuse,
    "trafilatura decode_file": _trafilatura,
    "charset-normalizer alone": _charset_normalizer,
    "utf-8, errors=replace": _naive,
}


def cases(quick: bool) -> list[tuple[str, str, bytes, str]]:
    """(variant, codec, bytes, expected text) for every transcoded real page."""
    out = []
    for _, text in _pages(60 if quick else 400):
        codec = _legacy(text)
        if codec is None:
            continue  # mixes scripts no single code page holds (emoji, CJK + accents)
        for variant, page in _variants(text, codec).items():
            out.append((variant, codec, page.encode(codec), page))
    return out


def recovered(fn: Callable[[bytes], str], items: list[tuple[str, str, bytes, str]]) -> Counter[tuple[str, str]]:
    """How many pages ``fn`` decoded exactly, per (variant, codec)."""
    hits: Counter[tuple[str, str]] = Counter()
    for variant, codec, data, expected in items:
        try:
            hits[variant, codec] += fn(data) == expected
        except Exception:  # a peer that crashes on a page recovers nothing from it
            pass
    return hits


def encoding_recovery(quick: bool) -> dict[str, dict[str, float]]:
    items = cases(quick)
    total = Counter((v, c) for v, c, _, _ in items)
    per_codec = Counter(c for v, c, _, _ in items if v == "declared")
    n = sum(per_codec.values())
    console.print(f"encoding recovery: {n} real pages transcoded: {dict(per_codec.most_common())}")
    variants = ("declared", "undeclared", "mislabelled")
    figures: dict[str, dict[str, float]] = {}
    by_codec: dict[str, dict[str, float]] = {}
    for system, fn in SYSTEMS.items():
        started = time.perf_counter()
        hits = recovered(fn, items)
        seconds = time.perf_counter() - started
        f = {v: sum(h for (hv, _), h in hits.items() if hv == v) / n for v in variants}
        f["all"] = sum(hits.values()) / len(items)
        f["seconds"] = seconds
        figures[system] = f
        # detection only (no true declaration): where the code pages differ
        by_codec[system] = {
            c: sum(hits[v, c] for v in ("undeclared", "mislabelled")) / (total["undeclared", c] + total["mislabelled", c])
            for c in per_codec
        }
    rows = [[s, f["declared"], f["undeclared"], f["mislabelled"], f["all"], f["seconds"]] for s, f in figures.items()]
    console.print(table(
        f"Legacy-encoded real pages: share decoded exactly ({n} pages x 3 variants)",
        ["decoder", "declared", "undeclared", "mislabelled", "all", "seconds"], rows,
    ))
    codecs = [c for c, _ in per_codec.most_common()]
    console.print(table(
        "Detection only (undeclared + mislabelled), share decoded exactly, per true code page",
        ["decoder", *[f"{c} ({per_codec[c]})" for c in codecs]],
        [[s, *[by_codec[s][c] for c in codecs]] for s in SYSTEMS],
    ))
    return {"pages": n, "by_variant": figures, "by_codec": by_codec}


def real_folders() -> dict[str, object]:
    """Read the real folders as they are: how many pages, which encodings, what was rejected."""
    folders = [dataset("corpora", "seeds"), dataset("datasets", "trafilatura_eval", "html"),
               dataset("datasets", "scrapinghub_aeb", "html")]
    out: dict[str, object] = {}
    rows = []
    for folder in folders:
        docs, rejected, encodings = 0, [], Counter()
        for item in read_inputs([str(folder)], IngestSettings()):
            if isinstance(item, RawDocument):
                docs += 1
                encodings[item.encoding] += 1
            else:
                rejected.append(item.reason)
        name = str(Path(folder).relative_to(Path(folder).parents[1]))
        out[name] = {"documents": docs, "rejected": len(rejected), "encodings": dict(encodings)}
        rows.append([name, docs, len(rejected), ", ".join(f"{k} {v}" for k, v in encodings.most_common())])
        for reason in rejected[:5]:
            console.print(f"  [red]rejected[/] {reason}", highlight=False)
    console.print(table("Real folders through read_inputs", ["folder", "documents", "rejected", "encodings"], rows))
    return out


def main(quick: bool = False) -> dict:
    return {"encoding_recovery": encoding_recovery(quick), "real_folders": real_folders()}


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
