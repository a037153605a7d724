"""run_spark: the local driver's run, with the per-document work spread over Spark partitions."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from newsfuse import blocking
from newsfuse.blocking import Touched
from newsfuse.config import Settings
from newsfuse.events import extract_mentions
from newsfuse.ingest import list_inputs
from newsfuse.nlp import annotate
from newsfuse.pipeline import (
    RunSummary,
    annotate_twins,
    extend_corpus,
    group_and_reconcile,
    link_copies,
    pending_annotation,
    report_rejections,
    store_annotations,
    stored_signals,
)
from newsfuse.records import Annotation, CopyGraph, Document, Mention, Rejected
from newsfuse.spark.gather import gather
from newsfuse.spark.partition import run_partition, with_task_workers
from newsfuse.spark.shards import load_parsed, parsed_ids, read_shard, write_shard
from newsfuse.spark.session import spark_context
from newsfuse.spark.settings import SparkSettings
from newsfuse.store import Store
from newsfuse.store import increments as inc


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
    with Store(db) as store, tempfile.TemporaryDirectory(prefix="newsfuse-shards-", dir=spark.shard_dir) as shards:
        known = frozenset(store.document_ids())
        step = time.perf_counter()
        written = _distribute(files, settings, known, master, spark, context, shards) if files else []
        step = summary.timed("partitions (ingest, clean, nlp and events)", step)
        shard_of, unparsable, new_ids = _load_shards(written, store, summary, console)
        step = summary.timed("store documents from shards", step)
        # from here on: the corpus-level steps of pipeline.run, on the driver
        if settings.incremental and blocking.can_extend(store, new_ids):
            def annotate_todo(docs: Sequence[Document], annotated: dict[str, Annotation], graph: CopyGraph) -> None:
                _annotate_new(docs, graph, annotated, store, shard_of, unparsable, settings, summary, console)

            extend_corpus(store, settings, summary, Touched(new=new_ids), annotate_todo, step)
        else:
            docs = store.documents()
            graph = link_copies(store, docs, settings, summary)
            step = summary.timed("copies", step)
            annotations = _annotate_new(docs, graph, stored_signals(store), store, shard_of, unparsable, settings,
                                        summary, console)
            step = summary.timed("nlp and events (stored from shards)", step)
            group_and_reconcile(store, docs, graph, annotations, settings, summary)
            summary.timed("stories and reconcile", step)
        summary.documents = inc.count(store, "documents")
    summary.seconds = time.perf_counter() - started
    return summary


def _load_shards(
    written: list[tuple[str, int]], store: Store, summary: RunSummary, console: Console
) -> tuple[dict[str, str], set[str], list[str]]:
    """Store the documents and rejections of each shard in turn, in input order; returns where each
    document's annotation is (shard path), the documents the partitions could not parse, and the
    ids of the documents added."""
    seen: set[str] = set()
    added: list[str] = []
    shard_of: dict[str, str] = {}
    unparsable: set[str] = set()
    rejected = []
    for path, _ in written:
        got = gather(read_shard(path, with_annotations=False), seen)
        summary.inputs += got.inputs
        summary.known += got.known
        summary.added += store.add_documents(got.documents)
        added += [d.id for d in got.documents]
        parsed = set(parsed_ids(path))
        shard_of.update((d.id, path) for d in got.documents if d.id in parsed)
        unparsable |= got.unparsable
        rejected += got.rejected
    # ingest rejections first, then clean / nlp ones, as gather orders them within a shard
    report_rejections(store, sorted(rejected, key=lambda r: r.stage != "ingest"), summary, console)
    return shard_of, unparsable, added


def _distribute(
    files: list[str], settings: Settings, known: frozenset[str], master: str, spark: SparkSettings, context: Any,
    shards: str,
) -> list[tuple[str, int]]:
    """Run the partitions; each writes its outcomes to a shard file. Returns (path, rows) per shard,
    in partition (= input) order: only those come back to the driver."""
    task_settings = with_task_workers(settings, spark.clean_workers_per_task)
    batch = spark.batch

    def job(sc: Any) -> list[tuple[str, int]]:
        slices = max(1, min(len(files), sc.defaultParallelism * spark.partitions_per_core))
        known_ids = sc.broadcast(known)  # shipped once per executor, not once per task

        def part(index: int, items: Any) -> Any:
            outcomes = run_partition(items, task_settings, known_ids.value, batch)
            yield write_shard(outcomes, str(Path(shards, f"part-{index:05d}.parquet")))

        try:
            return sc.parallelize(list(enumerate(files)), slices).mapPartitionsWithIndex(part).collect()
        finally:
            known_ids.unpersist()

    if context is not None:
        return job(context)
    with spark_context(master, spark) as sc:
        return job(sc)


def _annotate_new(
    docs: Sequence[Document],
    graph: CopyGraph,
    annotations: dict[str, Annotation],
    store: Store,
    shard_of: dict[str, str],
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
    pending = pending_annotation(docs, annotations, graph)
    if pending is None:
        return annotations
    by_id, twin, to_parse = pending.by_id, pending.twin, pending.to_parse
    missing = [d for d in to_parse
               if (d.id not in shard_of or d.id in pending.borrowed) and d.id not in unparsable]
    parsed: dict[str, tuple[Annotation, tuple[Mention, ...]]] = {}
    rejected: list[Rejected] = []
    for doc, ann in zip(missing, annotate(missing, settings.nlp), strict=True):
        if isinstance(ann, Rejected):
            rejected.append(ann)
        else:
            parsed[doc.id] = (ann, tuple(extract_mentions(doc, ann, settings.events, settings.nlp)))
    parsed.update(load_parsed(shard_of, [d.id for d in to_parse if d.id not in parsed]))
    anns = [parsed[d.id][0] for d in to_parse if d.id in parsed]
    mentions = [m for d in to_parse if d.id in parsed for m in parsed[d.id][1]]
    store_annotations(store, anns, mentions, annotations, summary)
    summary.parsed += len(anns)
    anns, mentions = annotate_twins(twin, store, by_id, settings)
    store_annotations(store, anns, mentions, annotations, summary)
    report_rejections(store, rejected, summary, console)
    return annotations
