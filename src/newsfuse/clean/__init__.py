"""clean: RawDocument -> Document | Rejected (clean body, paragraphs, metadata, removed chrome, credits).

HTML goes through trafilatura in sandboxed workers (html.py) and then the same named chrome rules
as page text; page text goes through the line classifier (text.py). Both end in assemble.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from newsfuse.clean.assemble import from_html, from_text
from newsfuse.clean.html import pool_for
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import Document, RawDocument, Rejected

__all__ = ["clean_documents", "CleanSettings"]


_CHUNK = 256  # documents read ahead: enough to keep the workers busy, bounded memory on big inputs


def clean_documents(raws: Iterable[RawDocument], settings: CleanSettings) -> Iterator[Document | Rejected]:
    """Clean each raw document; a bad one becomes a Rejected with its reason and the batch goes on.

    Output order follows input order. HTML pages are extracted in parallel worker processes.
    """
    it = iter(raws)
    while chunk := list(islice(it, _CHUNK)):
        yield from _clean_chunk(chunk, settings)


def _clean_chunk(raws: list[RawDocument], settings: CleanSettings) -> Iterator[Document | Rejected]:
    pending_text: dict[int, Document | Rejected] = {}
    html_jobs: list[tuple[int, RawDocument]] = []
    order: list[int] = []
    raws_by_key: dict[int, RawDocument] = {}
    for key, raw in enumerate(raws):
        order.append(key)
        if raw.kind == "html":
            html_jobs.append((key, raw))
            raws_by_key[key] = raw
        else:
            pending_text[key] = _safe_text(raw, settings)
    html_results: dict[int, Document | Rejected] = {}
    if html_jobs:
        jobs = ((key, raw.content, raw.url) for key, raw in html_jobs)
        results = pool_for(settings).run(jobs, settings)
    else:
        results = iter(())
    for key in order:
        if key in pending_text:
            yield pending_text.pop(key)
            continue
        while key not in html_results:
            done_key, extracted = next(results)
            html_results[done_key] = _safe_html(raws_by_key.pop(done_key), extracted, settings)
        yield html_results.pop(key)


def _safe_text(raw: RawDocument, settings: CleanSettings) -> Document | Rejected:
    try:
        return from_text(raw, settings)
    except Exception as err:  # one odd page must not stop the batch
        return Rejected(raw.source, "clean", f"{raw.source}: page-text cleaner failed: {type(err).__name__}: {err}")


def _safe_html(raw: RawDocument, extracted: object, settings: CleanSettings) -> Document | Rejected:
    try:
        return from_html(raw, extracted, settings)
    except Exception as err:
        return Rejected(raw.source, "clean", f"{raw.source}: HTML cleaning failed: {type(err).__name__}: {err}")
