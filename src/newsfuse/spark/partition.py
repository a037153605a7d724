"""What one Spark partition does: its files -> cleaned, annotated documents with their mentions.

Runs inside a Python worker. The stage functions are the local driver's own; the spaCy model
and the gazetteer are loaded on first use and kept by the nlp stage's ``functools.cache``,
so a reused worker loads them once for all the partitions it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from newsfuse.clean import clean_documents
from newsfuse.config import Settings
from newsfuse.events import extract_mentions
from newsfuse.ingest import read_inputs
from newsfuse.nlp import annotate
from newsfuse.pipeline import identical_twins
from newsfuse.records import Annotation, Document, Mention, RawDocument, Rejected

Order = tuple[int, int]  # (index of the input file, index of the report within that file)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One report as it left the partition; picklable, sent back to the driver."""

    order: Order
    id: str | None = None  # RawDocument id (None for an input rejected before it had one)
    known: bool = False  # already in the store: nothing else was done with it
    rejected: Rejected | None = None
    document: Document | None = None
    # None with a document: its text repeats an earlier document's in this partition and was
    # not parsed again (the driver gives it the original's annotation, as the local driver does)
    annotation: Annotation | None = None
    mentions: tuple[Mention, ...] = ()


def run_partition(
    files: Iterable[tuple[int, str]], settings: Settings, known: frozenset[str], batch: int
) -> Iterator[Outcome]:
    """Read, clean, annotate and extract mentions for the files of one partition, in input order."""
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
    cleaned = list(zip(fresh, clean_documents([raw for _, raw in fresh], settings.clean), strict=True))
    docs: list[tuple[Order, Document]] = []
    for (order, raw), item in cleaned:
        if isinstance(item, Rejected):
            yield Outcome(order, id=raw.id, rejected=item)
        else:
            docs.append((order, item))
    # an identical text (a syndicated copy in other page chrome) is parsed once, as locally
    fresh_docs = [doc for _, doc in docs]
    twin = identical_twins(fresh_docs, {doc.id: doc for doc in fresh_docs}, ())
    to_parse = [doc for doc in fresh_docs if doc.id not in twin]
    parsed: dict[str, Annotation | Rejected] = {
        doc.id: ann for doc, ann in zip(to_parse, annotate(to_parse, settings.nlp), strict=True)
    }
    for order, doc in docs:
        ann = parsed.get(doc.id)
        if ann is None:
            yield Outcome(order, id=doc.id, document=doc)
        elif isinstance(ann, Rejected):
            yield Outcome(order, id=doc.id, document=doc, rejected=ann)
        else:
            yield Outcome(order, id=doc.id, document=doc, annotation=ann, mentions=_mentions(doc, ann, settings))


def _mentions(doc: Document, ann: Annotation, settings: Settings) -> tuple[Mention, ...]:
    return tuple(extract_mentions(doc, ann, settings.events, settings.nlp))


def with_task_workers(settings: Settings, workers: int) -> Settings:
    """Settings for a Spark task: one HTML extraction process per task unless set otherwise."""
    if settings.clean.workers:
        return settings
    return replace(settings, clean=replace(settings.clean, workers=workers))
