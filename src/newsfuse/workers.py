"""The local driver's worker processes: page-text cleaning, nlp and events on every core.

spaCy's parser holds the GIL, so threads would not help: each worker is a process that loads
the model and the gazetteer once (in its initializer, outside any document's time) and then
takes chunks of documents in turn. Results come back in input order (``imap``), so the
driver writes them in ordered, batched bulk loads exactly as a one-process run would.
``analyse`` is the one function every driver runs per document for nlp and events: a
per-document time limit belongs there.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsfuse.config import Settings
from newsfuse.records import Annotation, Document, Mention, RawDocument, Rejected

if TYPE_CHECKING:  # the nlp stage loads lazily: ``newsfuse --help`` does not need it
    from newsfuse.nlp.homes import Area, Observation

Analysed = tuple[Annotation | Rejected, tuple[Mention, ...]]

_SETTINGS: Settings | None = None  # the worker's settings, set once by its initializer


def analyse(docs: Sequence[Document], settings: Settings, homes: Mapping[str, Area] | None = None) -> list[Analysed]:
    """nlp then events for each document, in order; an unreadable document is a Rejected with no mentions.

    ``homes``: the outlets' home areas learned over the whole run (else over ``docs``)."""
    from newsfuse.events import extract_mentions
    from newsfuse.nlp import annotate

    out: list[Analysed] = []
    for doc, ann in zip(docs, annotate(docs, settings.nlp, homes), strict=True):
        if isinstance(ann, Rejected):
            out.append((ann, ()))
        else:
            out.append((ann, tuple(extract_mentions(doc, ann, settings.events, settings.nlp))))
    return out


def observe_outlets(docs: Sequence[Document], settings: Settings) -> list[Observation | None]:
    """What the documents say of their outlets' home areas (``nlp.homes.observe_outlets``)."""
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.homes import observe_outlets as observe

    return observe(docs, gazetteer.load(settings.nlp.cache_dir), settings.nlp)


def clean_text_pages(raws: Sequence[RawDocument], settings: Settings) -> list[Document | Rejected]:
    """The page-text cleaner on raw documents that are not HTML (HTML has its own sandboxed pool)."""
    from newsfuse.clean import clean_documents

    return list(clean_documents(raws, settings.clean))


def _start(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


@functools.cache
def _warm(settings: Settings) -> None:
    """Load the model and the gazetteer once per worker, before any document's clock starts.

    The fork server has done it already for the default settings (``newsfuse.warm``), so a worker
    forked from it finds everything loaded and this costs nothing."""
    from newsfuse.nlp import gazetteer, model, zip_towns

    model.sentence_splitter(settings.nlp.model)
    model.full_pipeline(settings.nlp.model)
    gazetteer.load(settings.nlp.cache_dir)
    zip_towns.load(settings.nlp.cache_dir)
    # a host no table knows builds the outlet-home look-ups too
    warm = Document(id="warm", source="warm", url="https://news.example.org/warm",
                    text="Gunmen killed two people in Mosul on Monday, police said.")
    analyse([warm], settings)  # first-call costs (dateparser, lazy tables) paid here too


def _analyse_chunk(docs: Sequence[Document], homes: Mapping[str, Area]) -> list[Analysed]:
    assert _SETTINGS is not None
    _warm(_SETTINGS)
    return analyse(docs, _SETTINGS, homes)


def _observe_chunk(docs: Sequence[Document]) -> list[Observation | None]:
    assert _SETTINGS is not None
    _warm(_SETTINGS)
    return observe_outlets(docs, _SETTINGS)


def _clean_chunk(raws: Sequence[RawDocument]) -> list[Document | Rejected]:
    assert _SETTINGS is not None
    return clean_text_pages(raws, _SETTINGS)


class WorkerPool:
    """``workers`` processes (or, with one worker, this process) running the per-document stages.

    The processes start once ``min_documents`` documents have been announced (``expect``): a worker
    costs a model load (~3 s of CPU), which a handful of documents would not repay, so a small run
    (and a re-run with nothing new) stays in this process.
    """

    def __init__(self, settings: Settings, workers: int | None = None, chunk: int = 8,
                 min_documents: int = 64) -> None:
        self.settings = settings
        self.workers = max(1, workers if workers is not None else settings.workers)
        self.chunk = chunk  # documents per task: small enough to balance the workers, big enough for nlp.pipe
        self.min_documents = min_documents
        self._expected = 0
        self._pool: Any = None
        self._paused = False

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._paused = False
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            _stop_fork_server()

    def pause(self) -> None:
        """Stop the processes (their models' memory goes) until the next job handed to the pool, which
        starts them again (Settings.big_run)."""
        if self._pool is not None:
            self.close()
            self._paused = True

    def expect(self, documents: int) -> None:
        """``documents`` more are coming; start the processes once enough are (they load the model
        while the driver goes on reading)."""
        self._expected += documents
        if self._expected >= self.min_documents:
            self.start()

    def start(self) -> None:
        if self.workers > 1 and self._pool is None:
            # Not fork: the driver holds DuckDB threads that fork would copy mid-lock. A fork server
            # is a fresh process that imports newsfuse and loads the model and gazetteer once
            # (newsfuse.warm); each worker is forked from it and shares those pages, where a spawned
            # worker paid about 2 CPU-s to load them itself.
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["newsfuse.warm"])
            self._pool = ctx.Pool(self.workers, initializer=_start, initargs=(self.settings,),
                                  maxtasksperchild=max(1, self.settings.worker_documents // self.chunk))

    def observe(self, docs: Sequence[Document]) -> list[Observation | None]:
        """What each of ``docs`` says of its outlet's home (``nlp.homes.observe_outlets``), on every worker."""
        return list(self._map(_observe_chunk, observe_outlets, docs))

    def analyse(self, docs: Sequence[Document], homes: Mapping[str, Area] | None = None) -> Iterator[Analysed]:
        """``analyse`` over ``docs`` on every worker, results in input order.

        ``homes``: the outlets' home areas (the driver's, from every report stored so far); else they are
        learned first from all of ``docs`` (a pre-pass on the workers). Either way they are handed to
        every chunk: a document's places do not depend on the chunk size or the worker count."""
        from newsfuse.nlp.homes import learned_homes

        if homes is None:
            homes = learned_homes(self.observe(docs))
        yield from self._map(functools.partial(_analyse_chunk, homes=homes),
                             functools.partial(analyse, homes=homes), docs)

    def clean_text_pages(self, raws: Iterable[RawDocument]) -> Iterator[Document | Rejected]:
        yield from self._map(_clean_chunk, clean_text_pages, raws)

    def _map(self, remote: Any, local: Any, items: Iterable[Any]) -> Iterator[Any]:
        if self._paused:
            self._paused = False
            self.start()
        chunks = _chunks(items, self.chunk)
        if self._pool is None:
            for chunk in chunks:
                yield from local(chunk, self.settings)
            return
        for result in self._pool.imap(remote, chunks):
            yield from result


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _stop_fork_server() -> None:
    """Stop the fork server and wait for it: its model goes before story clustering needs the memory,
    and its CPU (and its workers') counts as this process's children's. multiprocessing has no
    public call for this (it leaves the server to die with the process, unwaited)."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()
