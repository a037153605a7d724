"""trafilatura in sandboxed worker processes, with a per-document time limit.

A page that makes the extractor hang or balloon must cost one rejected document, not the
batch: each page runs in a pool worker with an address-space cap, and when a page overruns
``timeout_seconds`` the pool is terminated and restarted and the other pages in flight are
resubmitted (the datatrove extraction step works the same way). The pool is created once and
reused across batches.

In the worker, the page is parsed once and that tree feeds the metadata (html_meta.py), trafilatura's
favor_precision extraction, its default extraction as a second opinion where the precision body looks
short for the page (about one page in ten), and the standfirst finder (lead.py).
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsfuse.clean.settings import CleanSettings


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    author: str | None
    language: str | None
    extractor: str = "precision"  # which trafilatura extraction the body is: "precision" or "default"
    lead: str | None = None  # the standfirst the page shows above its story (lead.py), if found
    h1s: tuple[str, ...] = ()  # the page's <h1> texts: the headline a reader sees (titles.page_headline)


def _bare(tree: Any, url: str | None, precision: bool, recall: bool) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,  # bare_extraction copies a tree it is given: ours stays whole for the second opinion
        url=url,
        favor_precision=precision,
        favor_recall=recall,
        include_comments=False,
        include_tables=True,
        with_metadata=False,  # page_meta reads it: the same steps without the unused ones
    )
    return (doc.text or "").strip() if doc is not None else ""


def _h1_texts(tree: Any) -> tuple[str, ...]:
    """The page's <h1> texts, whitespace-normalised (a long one is a mis-tagged block, not a headline)."""
    texts = (" ".join("".join(h.itertext()).split()) for h in tree.iter("h1"))
    return tuple(t for t in texts if 0 < len(t) <= 300)


def _paragraph_chars(tree: Any) -> int:
    """Characters of the page's <p> text: a cheap measure of how much prose the page holds."""
    return sum(len(t) for p in tree.iter("p") for t in p.itertext())


def choose_body(precise: str, default: str | None, settings: CleanSettings) -> tuple[str, str]:
    """trafilatura's precision extraction, unless it lost most of the story its default extraction found.

    Precision mode is the better choice on most pages (AEB dev F1 0.975 vs 0.965) but on some
    layouts it drops whole sections or finds nothing; there the default extraction is far longer.
    """
    if default is not None and len(precise) < settings.second_opinion_gain * len(default):
        return default, "default"
    return precise, "precision"


def needs_second_opinion(precise: str, page_chars: int, settings: CleanSettings) -> bool:
    """The precision body is short for the page's prose: worth asking trafilatura's default mode."""
    return len(precise) < settings.second_opinion_page_share * page_chars or not precise


def extract(html: str, url: str | None, settings: CleanSettings) -> Extracted | str:
    """trafilatura's body and metadata for one page; a string says why there is none.

    The page is parsed once; metadata, the precision extraction, the (occasional) default extraction
    and the standfirst all read that one tree.
    """
    from trafilatura.utils import load_html

    from newsfuse.clean.html_meta import PageMeta, page_meta
    from newsfuse.clean.lead import visible_lead

    tree = load_html(html)
    if tree is None:
        return "trafilatura could not parse the page"
    # metadata first, as trafilatura's bare_extraction does (htmldate reads the same tree); a page whose
    # metadata trips trafilatura or htmldate keeps its body
    try:
        meta = page_meta(tree, url)
    except Exception:
        meta = PageMeta(None, None, None, None)
    page_chars = _paragraph_chars(tree)
    precise = _bare(tree, url, settings.favor_precision, settings.favor_recall)
    default = None
    if settings.favor_precision and needs_second_opinion(precise, page_chars, settings):
        default = _bare(tree, url, False, False)
    text, extractor = choose_body(precise, default, settings)
    if not text:
        return "trafilatura found no main text"
    lead = None
    if settings.standfirst_min_chars > 0:
        try:
            lead = visible_lead(tree, settings.standfirst_min_chars, text)
        except Exception:  # odd markup costs the standfirst, not the page
            lead = None
    return Extracted(
        text, meta.title, meta.date, meta.sitename, meta.author, None,
        extractor=extractor, lead=lead, h1s=_h1_texts(tree),
    )


def _start_worker(megabytes: int) -> None:
    """Cap the worker's memory, then load what extraction loads lazily on its first pages.

    trafilatura's jusText stop lists and htmldate's dateparser (its fallback for written-out dates)
    take about 1.2 s to load; paid here once per worker start instead of inside some page's time limit.
    """
    if megabytes > 0:
        import resource

        limit = megabytes * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        from htmldate.extractors import get_external_parser
        from trafilatura.external import jt_stoplist_init

        jt_stoplist_init()
        get_external_parser().get_date_data("3 March 2020")
    except Exception:  # a warm-up only: the first page loads them if this could not
        pass


def _run(html: str, url: str | None, settings: CleanSettings) -> Extracted | str:
    try:
        return extract(html, url, settings)
    except MemoryError:
        return f"trafilatura ran out of memory (over the worker cap) on {len(html)} characters"
    except Exception as err:  # any extractor crash is this page's problem only
        return f"trafilatura failed: {type(err).__name__}: {str(err)[:120]}"


class ExtractorPool:
    """A reusable pool of extractor processes that is restarted when a page overruns."""

    def __init__(self, workers: int, memory_mb: int) -> None:
        self.workers = workers
        self.memory_mb = memory_mb
        self._pool: Any = None

    def _ensure(self) -> Any:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (DuckDB, tokenizers) that fork would copy mid-lock
            ctx = mp.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=_start_worker, initargs=(self.memory_mb,))
        return self._pool

    def restart(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def run(
        self, jobs: Iterable[tuple[Any, str, str | None]], settings: CleanSettings
    ) -> Iterator[tuple[Any, Extracted | str]]:
        """(key, html, url) in, (key, Extracted or reason) out, in input order."""
        pending: list[list[Any]] = []  # [key, html, url, async_result, started]
        jobs_iter = iter(jobs)
        exhausted = False
        last_done = 0.0

        def submit(entry: list[Any]) -> None:
            entry[3] = self._ensure().apply_async(_run, (entry[1], entry[2], settings))
            entry[4] = time.monotonic()

        while True:
            # keep every worker busy, but no more: a queued page must not spend its time limit waiting
            while not exhausted and len(pending) < self.workers * 2:
                try:
                    key, html, url = next(jobs_iter)
                except StopIteration:
                    exhausted = True
                    break
                entry = [key, html, url, None, 0.0]
                submit(entry)
                pending.append(entry)
            if not pending:
                return
            entry = pending.pop(0)
            # the oldest page is running by now (all earlier ones are done): its clock starts at the
            # later of its submission and the previous page's finish, so a page gets at most 2x the limit
            start = max(entry[4], last_done)
            try:
                result = entry[3].get(timeout=max(0.01, start + settings.timeout_seconds - time.monotonic()))
            except mp.TimeoutError:
                self.restart()
                for other in pending:
                    submit(other)
                result = f"extraction exceeded {settings.timeout_seconds:g}s (page hangs or balloons the extractor)"
            last_done = time.monotonic()
            yield entry[0], result


_POOLS: dict[tuple[int, int], ExtractorPool] = {}


def pool_for(settings: CleanSettings) -> ExtractorPool:
    workers = settings.workers or max(1, os.cpu_count() or 1)
    key = (workers, settings.worker_memory_mb)
    if key not in _POOLS:
        _POOLS[key] = ExtractorPool(workers, settings.worker_memory_mb)
    return _POOLS[key]


@atexit.register
def _shutdown() -> None:
    for pool in _POOLS.values():
        pool.restart()
