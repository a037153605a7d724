"""run_spark: the local driver's run, with the per-document work spread over Spark partitions.

Two jobs: the first reads, cleans and observes the outlets of every input; the driver stores the
documents, finds the copies, and learns the outlets' homes from every stored report plus these (as
the local driver does); the second annotates the documents to parse with those homes, shipped to
the executors. So both drivers store the same records, however the inputs are partitioned.
"""

from __future__ import annotations

import functools
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from newsfuse.spark.partition import annotate_partition, run_partition, with_task_workers
from newsfuse.spark.shards import load_parsed, read_shard, shard_documents, write_shard
from newsfuse.spark.session import spark_context
from newsfuse.spark.settings import SparkSettings
from newsfuse.store import Store
from newsfuse.store import increments as inc

if TYPE_CHECKING:
    from newsfuse.nlp.homes import Area, Observation


class _Context:
    """The run's SparkContext: the one given (left running), or one started on first use and stopped
    once the documents are annotated (its JVM and workers go before story clustering needs the memory)."""

    def __init__(self, master: str, spark: SparkSettings, given: Any) -> None:
        self.master, self.spark, self.given = master, spark, given
        self._owned: Any = None
        self._sc: Any = None

    def get(self) -> Any:
        if self.given is not None:
            return self.given
        if self._sc is None:
            self._owned = spark_context(self.master, self.spark)
            self._sc = self._owned.__enter__()
        return self._sc

    def stop(self) -> None:
        if self._owned is not None:
            owned, self._owned, self._sc = self._owned, None, None
            owned.__exit__(None, None, None)


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
    ``master`` and stopped once the documents are annotated.
    """
    settings = settings or Settings()
    spark = spark or SparkSettings()
    console = console or Console(stderr=True)
    summary = RunSummary()
    started = time.perf_counter()
    files = list_inputs(paths, settings.ingest)
    ctx = _Context(master, spark, context)
    with Store(db, memory_limit=settings.store_memory_limit) as store, tempfile.TemporaryDirectory(prefix="newsfuse-shards-", dir=spark.shard_dir) as shards:
        try:
            known = frozenset(store.document_ids())
            step = time.perf_counter()
            written = _distribute(files, settings, known, spark, ctx.get(), shards) if files else []
            step = summary.timed("partitions (ingest, clean, outlets)", step)
            shard_of, observed, new_ids = _load_shards(written, store, summary, console)
            step = summary.timed("store documents from shards", step)
            observe = functools.partial(_observe, observed, settings)
            parts = _Parts(ctx, spark, shards, shard_of)
            # from here on: the corpus-level steps of pipeline.run, on the driver
            if settings.incremental and blocking.can_extend(store, new_ids):
                def annotate_todo(docs: Sequence[Document], annotated: dict[str, Annotation],
                                  graph: CopyGraph) -> None:
                    _annotate_new(docs, graph, annotated, store, parts, observe, settings, summary, console)
                    ctx.stop()

                extend_corpus(store, settings, summary, Touched(new=new_ids), annotate_todo, step, observe)
            else:
                docs = store.documents()
                graph = link_copies(store, docs, settings, summary)
                step = summary.timed("copies", step)
                annotations = _annotate_new(docs, graph, stored_signals(store), store, parts, observe, settings,
                                            summary, console)
                ctx.stop()
                step = summary.timed("nlp and events (second job)", step)
                group_and_reconcile(store, docs, graph, annotations, settings, summary)
                summary.timed("stories and reconcile", step)
            summary.documents = inc.count(store, "documents")
        finally:
            ctx.stop()
    summary.seconds = time.perf_counter() - started
    return summary


def _observe(observed: Mapping[str, Observation | None], settings: Settings,
             docs: Sequence[Document]) -> list[Observation | None]:
    """What the first job read of these documents' outlets; a document it did not read (stored by
    an earlier run) is read here."""
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.homes import observe_outlets

    missing = [d for d in docs if d.id not in observed]
    here = iter(observe_outlets(missing, gazetteer.load(settings.nlp.cache_dir), settings.nlp) if missing else ())
    return [observed[d.id] if d.id in observed else next(here) for d in docs]


def _load_shards(
    written: list[tuple[str, int]], store: Store, summary: RunSummary, console: Console
) -> tuple[dict[str, str], dict[str, Observation | None], list[str]]:
    """Store the documents and rejections of each shard in turn, in input order; returns the shard
    of each document added, what each says of its outlet's home, and the ids added."""
    seen: set[str] = set()
    added: list[str] = []
    shard_of: dict[str, str] = {}
    observed: dict[str, Observation | None] = {}
    rejected = []
    for path, _ in written:
        got = gather(read_shard(path, with_annotations=False), seen)
        summary.inputs += got.inputs
        summary.known += got.known
        summary.added += store.add_documents(got.documents)
        added += [d.id for d in got.documents]
        shard_of.update((d.id, path) for d in got.documents)
        observed.update(got.observed)
        rejected += got.rejected
    # ingest rejections first, then clean ones, as gather orders them within a shard
    report_rejections(store, sorted(rejected, key=lambda r: r.stage != "ingest"), summary, console)
    return shard_of, observed, added


def _distribute(
    files: list[str], settings: Settings, known: frozenset[str], spark: SparkSettings, sc: Any, shards: str,
) -> list[tuple[str, int]]:
    """The first job: each partition reads, cleans and observes its files and writes the outcomes to a
    shard file. Returns (path, rows) per shard, in partition (= input) order: only those come back."""
    task_settings = with_task_workers(settings, spark.clean_workers_per_task)
    batch = spark.batch
    slices = max(1, min(len(files), sc.defaultParallelism * spark.partitions_per_core))
    known_ids = sc.broadcast(known)  # shipped once per executor, not once per task

    def part(index: int, items: Any) -> Any:
        outcomes = run_partition(items, task_settings, known_ids.value, batch)
        yield write_shard(outcomes, str(Path(shards, f"part-{index:05d}.parquet")))

    try:
        return sc.parallelize(list(enumerate(files)), slices).mapPartitionsWithIndex(part).collect()
    finally:
        known_ids.unpersist()


class _Parts:
    """The second job: annotate documents the first job's shards hold, with the driver's homes."""

    def __init__(self, ctx: _Context, spark: SparkSettings, shards: str, shard_of: dict[str, str]) -> None:
        self.ctx, self.spark, self.shards, self.shard_of = ctx, spark, shards, shard_of

    def annotate(self, docs: Sequence[Document], homes: Mapping[str, Area], settings: Settings
                 ) -> tuple[dict[str, tuple[Annotation, tuple[Mention, ...]]], list[Rejected]]:
        """Annotations and mentions of ``docs`` (each in a shard), and the nlp stage's rejections.
        The driver's version of each document is used (an undated one carries its copies' date)."""
        if not docs:
            return {}, []
        by_shard: dict[str, list[Document]] = {}
        for d in docs:
            by_shard.setdefault(self.shard_of[d.id], []).append(d)
        tasks = [(n, path, [d.id for d in group], {d.id: d.published for d in group})
                 for n, (path, group) in enumerate(by_shard.items())]
        sc = self.ctx.get()
        shipped = sc.broadcast(dict(homes))
        shards = self.shards

        def part(items: Any) -> Any:
            from dataclasses import replace

            for n, path, ids, published in items:
                read = {d.id: d for d in shard_documents(path, ids)}
                group = [replace(read[i], published=published[i]) for i in ids if i in read]
                yield write_shard(annotate_partition(group, settings, shipped.value),
                                  str(Path(shards, f"annotated-{n:05d}.parquet")))[0]

        try:
            slices = max(1, min(len(tasks), sc.defaultParallelism * self.spark.partitions_per_core))
            written = sc.parallelize(tasks, slices).mapPartitions(part).collect()
        finally:
            shipped.unpersist()
        annotated_in = {}
        rejected: list[Rejected] = []
        for path in written:
            for o in read_shard(path, with_annotations=False):
                annotated_in[o.id] = path
                if o.rejected is not None:
                    rejected.append(o.rejected)
        return load_parsed(annotated_in, [d.id for d in docs]), rejected


def _annotate_new(
    docs: Sequence[Document],
    graph: CopyGraph,
    annotations: dict[str, Annotation],
    store: Store,
    parts: _Parts,
    observe: blocking.Observer,
    settings: Settings,
    summary: RunSummary,
    console: Console,
) -> dict[str, Annotation]:
    """Annotate and store the documents to parse the way pipeline.run does.

    Same documents, same homes (from every stored report's evidence and these), same twin rule (an
    identical text takes its original's annotation), same order of mentions. The second job parses
    the documents the first job read; one it did not (stored by an earlier run) is parsed here.
    """
    pending = pending_annotation(docs, annotations, graph)
    if pending is None:
        return annotations
    by_id, twin, to_parse = pending.by_id, pending.twin, pending.to_parse
    homes, _ = blocking.learn_homes(store, to_parse, observe, settings)
    parsed, rejected = parts.annotate([d for d in to_parse if d.id in parts.shard_of], homes, settings)
    here = [d for d in to_parse if d.id not in parts.shard_of]
    for doc, ann in zip(here, annotate(here, settings.nlp, homes), strict=True):
        if isinstance(ann, Rejected):
            rejected.append(ann)
        else:
            parsed[doc.id] = (ann, tuple(extract_mentions(doc, ann, settings.events, settings.nlp)))
    anns = [parsed[d.id][0] for d in to_parse if d.id in parsed]
    mentions = [m for d in to_parse if d.id in parsed for m in parsed[d.id][1]]
    store_annotations(store, anns, mentions, annotations, summary)
    summary.parsed += len(anns)
    anns, mentions = annotate_twins(twin, store, by_id, settings)
    store_annotations(store, anns, mentions, annotations, summary)
    report_rejections(store, rejected, summary, console)
    return annotations
