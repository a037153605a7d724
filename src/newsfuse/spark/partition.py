"""What Spark partitions do, in two jobs around the driver's outlet homes.

The first job reads and cleans a partition's files and reads what each document says of its
outlet's home area (``run_partition``); the driver learns the homes from all of them at once (with
the evidence already stored), then the second job annotates the documents to parse with those
homes (``annotate_partition``), so a report's places do not depend on the partitioning.
Both run inside a Python worker with the local driver's own stage functions; the spaCy model
and the gazetteer are loaded on first use and kept by the nlp stage's ``functools.cache``,
so a reused worker loads them once for all the partitions it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING

from newsfuse.clean import clean_documents
from newsfuse.config import Settings
from newsfuse.events import extract_mentions
from newsfuse.ingest import read_inputs
from newsfuse.nlp import annotate
from newsfuse.records import Annotation, Document, Mention, RawDocument, Rejected

if TYPE_CHECKING:
    from newsfuse.nlp.homes import Area, Observation

Order = tuple[int, int]  # (index of the input file, index of the report within that file)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One report as it left the partition; picklable, sent back to the driver."""

    order: Order
    id: str | None = None  # RawDocument id (None for an input rejected before it had one)
    known: bool = False  # already in the store: nothing else was done with it
    rejected: Rejected | None = None
    document: Document | None = None
    annotation: Annotation | None = None  # the second job's: with the driver's homes
    mentions: tuple[Mention, ...] = ()
    observation: Observation | None = None  # what the document says of its outlet's home (first job)


def run_partition(
    files: Iterable[tuple[int, str]], settings: Settings, known: frozenset[str], batch: int
) -> Iterator[Outcome]:
    """Read and clean the files of one partition and observe their outlets, in input order."""
    seen: set[str] = set()
    reads = _read(files, settings, known, seen)
    while chunk := list(islice(reads, batch)):
        fresh = [(order, item) for order, item in chunk if isinstance(item, RawDocument)]
        for order, item in chunk:
            if isinstance(item, Rejected):
                yield Outcome(order, rejected=item)
            elif isinstance(item, str):
                yield Outcome(order, id=item, known=True)
        yield from _process(fresh, settings)


def _read(
    files: Iterable[tuple[int, str]], settings: Settings, known: frozenset[str], seen: set[str]
) -> Iterator[tuple[Order, RawDocument | Rejected | str]]:
    """Every report of the partition's files; a known id stands in for a report already stored."""
    for index, path in files:
        for n, item in enumerate(read_inputs([path], settings.ingest)):
            if isinstance(item, Rejected):
                yield (index, n), item
            elif item.id in known:
                yield (index, n), item.id
            elif item.id not in seen:  # the same page twice in a partition is read once
                seen.add(item.id)
                yield (index, n), item


def _process(fresh: list[tuple[Order, RawDocument]], settings: Settings) -> Iterator[Outcome]:
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.homes import observe_outlets

    cleaned = list(zip(fresh, clean_documents([raw for _, raw in fresh], settings.clean), strict=True))
    docs: list[tuple[Order, Document]] = []
    for (order, raw), item in cleaned:
        if isinstance(item, Rejected):
            yield Outcome(order, id=raw.id, rejected=item)
        else:
            docs.append((order, item))
    # every document, twins too: the driver keeps the observations of the ones it parses
    observed = observe_outlets([doc for _, doc in docs], gazetteer.load(settings.nlp.cache_dir), settings.nlp)
    for (order, doc), seen in zip(docs, observed, strict=True):
        yield Outcome(order, id=doc.id, document=doc, observation=seen)


def annotate_partition(docs: Sequence[Document], settings: Settings, homes: Mapping[str, Area]) -> Iterator[Outcome]:
    """The second job: annotate and extract mentions for the documents the driver chose, with its homes."""
    for n, (doc, ann) in enumerate(zip(docs, annotate(docs, settings.nlp, homes), strict=True)):
        if isinstance(ann, Rejected):
            yield Outcome((0, n), id=doc.id, rejected=ann)
        else:
            yield Outcome((0, n), id=doc.id, annotation=ann, mentions=_mentions(doc, ann, settings))


def _mentions(doc: Document, ann: Annotation, settings: Settings) -> tuple[Mention, ...]:
    return tuple(extract_mentions(doc, ann, settings.events, settings.nlp))


def with_task_workers(settings: Settings, workers: int) -> Settings:
    """Settings for a Spark task: one HTML extraction process per task unless set otherwise."""
    if settings.clean.workers:
        return settings
    return replace(settings, clean=replace(settings.clean, workers=workers))
