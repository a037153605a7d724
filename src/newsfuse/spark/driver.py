"""run_spark: the local driver's run, with the per-document work spread over Spark partitions."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from newsfuse.config import Settings
from newsfuse.events import extract_mentions
from newsfuse.ingest import list_inputs
from newsfuse.nlp import annotate
from newsfuse.pipeline import (
    RunSummary,
    annotate_twins,
    group_and_reconcile,
    link_copies,
    pending_annotation,
    report_rejections,
    store_annotations,
)
from newsfuse.records import Annotation, CopyGraph, Document, Mention, Rejected
from newsfuse.spark.gather import gather
from newsfuse.spark.partition import Outcome, run_partition, with_task_workers
from newsfuse.spark.session import spark_context
from newsfuse.spark.settings import SparkSettings
from newsfuse.store import Store


def run_spark(
    paths: Sequence[str],
    db: str | Path,
    settings: Settings | None = None,
    master: str = "local[*]",
    *,
    spark: SparkSettings | None = None,
    context: Any = None,
    console: Console | None = None,
) -> RunSummary:
    """Ingest ``paths`` into the store at ``db`` with Spark; stores what ``pipeline.run`` stores.

    ``context``: an existing SparkContext to use (left running); otherwise one is started on
    ``master`` and stopped at the end.
    """
    settings = settings or Settings()
    spark = spark or SparkSettings()
    console = console or Console(stderr=True)
    summary = RunSummary()
    started = time.perf_counter()
    files = list_inputs(paths, settings.ingest)
    with Store(db) as store:
        known = frozenset(store.document_ids())
        outcomes = _distribute(files, settings, known, master, spark, context) if files else []
        got = gather(outcomes)
        summary.inputs, summary.known = got.inputs, got.known
        summary.added = store.add_documents(got.documents)
        report_rejections(store, got.rejected, summary, console)
        docs = store.documents()
        summary.documents = len(docs)

        # from here on: the corpus-level steps of pipeline.run, on the driver
        graph = link_copies(store, docs, settings, summary)
        annotations = _annotate_new(docs, graph, store, got.parsed, got.unparsable, settings, summary, console)
        group_and_reconcile(store, docs, graph, annotations, settings, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _distribute(
    files: list[str], settings: Settings, known: frozenset[str], master: str, spark: SparkSettings, context: Any
) -> list[Outcome]:
    task_settings = with_task_workers(settings, spark.clean_workers_per_task)
    batch = spark.batch

    def job(sc: Any) -> list[Outcome]:
        slices = max(1, min(len(files), sc.defaultParallelism * spark.partitions_per_core))
        known_ids = sc.broadcast(known)  # shipped once per executor, not once per task

        def part(items: Any) -> Any:
            return run_partition(items, task_settings, known_ids.value, batch)

        try:
            return sc.parallelize(list(enumerate(files)), slices).mapPartitions(part).collect()
        finally:
            known_ids.unpersist()

    if context is not None:
        return job(context)
    with spark_context(master, spark) as sc:
        return job(sc)


def _annotate_new(
    docs: Sequence[Document],
    graph: CopyGraph,
    store: Store,
    parsed: dict[str, tuple[Annotation, tuple[Mention, ...]]],
    unparsable: set[str],
    settings: Settings,
    summary: RunSummary,
    console: Console,
) -> dict[str, Annotation]:
    """Store the partitions' annotations the way pipeline.run stores its own.

    Same documents, same twin rule (an identical text takes its original's annotation),
    same order of mentions. A document the partitions did not parse (stored by an
    interrupted earlier run) is parsed here, and so is an undated document that borrows a
    date from its copies (the partitions parsed it before the copy graph existed).
    """
    annotations = store.annotations()
    pending = pending_annotation(docs, annotations, graph)
    if pending is None:
        return annotations
    by_id, twin, to_parse = pending.by_id, pending.twin, pending.to_parse
    missing = [d for d in to_parse
               if (d.id not in parsed or d.id in pending.borrowed) and d.id not in unparsable]
    rejected: list[Rejected] = []
    for doc, ann in zip(missing, annotate(missing, settings.nlp), strict=True):
        if isinstance(ann, Rejected):
            rejected.append(ann)
        else:
            parsed[doc.id] = (ann, tuple(extract_mentions(doc, ann, settings.events)))
    anns = [parsed[d.id][0] for d in to_parse if d.id in parsed]
    mentions = [m for d in to_parse if d.id in parsed for m in parsed[d.id][1]]
    store_annotations(store, anns, mentions, annotations, summary)
    summary.parsed += len(anns)
    anns, mentions = annotate_twins(twin, annotations, by_id, settings)
    store_annotations(store, anns, mentions, annotations, summary)
    report_rejections(store, rejected, summary, console)
    return annotations
