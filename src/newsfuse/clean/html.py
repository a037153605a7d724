"""trafilatura in sandboxed worker processes, with a per-document time limit.

A page that makes the extractor hang or balloon must cost one rejected document, not the
batch: each page runs in a pool worker with an address-space cap, and when a page overruns
``timeout_seconds`` the pool is terminated and restarted and the other pages in flight are
resubmitted (the datatrove extraction step works the same way). The pool is created once and
reused across batches.
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


def extract(html: str, url: str | None, favor_precision: bool, favor_recall: bool) -> Extracted | str:
    """trafilatura's body and metadata for one page; a string says why there is none."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if doc is None or not (doc.text or "").strip():
        return "trafilatura found no main text"
    return Extracted(doc.text, doc.title, doc.date, doc.sitename, doc.author, doc.language)


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _run(html: str, url: str | None, favor_precision: bool, favor_recall: bool) -> Extracted | str:
    try:
        return extract(html, url, favor_precision, favor_recall)
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
            self._pool = ctx.Pool(self.workers, initializer=_limit_memory, initargs=(self.memory_mb,))
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
            entry[3] = self._ensure().apply_async(
                _run, (entry[1], entry[2], settings.favor_precision, settings.favor_recall)
            )
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
