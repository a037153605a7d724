"""The local driver: runs the stages in order against the store.

Per-document work (ingest, clean, nlp, events) is done once per document and
stored as it goes, so an interrupted run loses nothing and a re-run skips what
is known. Corpus-level work (copies, stories, events) is recomputed from the
store each run: it is cheap next to NLP and lets new documents join existing
stories and events.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from newsfuse.clean import clean_documents
from newsfuse.config import Settings
from newsfuse.copies import borrowed_dates, find_copies
from newsfuse.events import extract_mentions
from newsfuse.ingest import read_inputs
from newsfuse.nlp import annotate
from newsfuse.reconcile import reconcile
from newsfuse.records import (
    Annotation,
    CopyGraph,
    Document,
    Mention,
    RawDocument,
    Rejected,
)
from newsfuse.store import Store
from newsfuse.stories import cluster_stories

T = TypeVar("T")

# Documents are written to the store every BATCH inputs so a crash keeps what was done.
BATCH = 256


@dataclass
class RunSummary:
    inputs: int = 0  # reports read (new or already known)
    added: int = 0  # new documents stored
    known: int = 0  # already in the store: skipped
    rejected: list[Rejected] = field(default_factory=list)
    documents: int = 0  # documents in the store after the run
    annotated: int = 0
    parsed: int = 0  # annotated by the NLP model (the rest reused a duplicate's annotation)
    mentions: int = 0
    copies: int = 0
    stories: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def nothing_read(self) -> bool:
        return self.inputs == 0


def run(
    paths: Sequence[str],
    db: str | Path,
    settings: Settings | None = None,
    progress: bool = False,
    console: Console | None = None,
) -> RunSummary:
    """Ingest ``paths`` into the store at ``db`` and bring every derived table up to date."""
    settings = settings or Settings()
    console = console or Console(stderr=True)
    summary = RunSummary()
    started = time.perf_counter()
    bar = _progress(console) if progress else nullcontext()
    with Store(db) as store, bar as prog:
        tick = _ticker(prog)
        _ingest_and_clean(paths, store, settings, summary, tick, console)
        docs = store.documents()
        summary.documents = len(docs)

        tick("finding copies", total=None)
        graph = link_copies(store, docs, settings, summary)
        annotations = _annotate_new(docs, graph, store, settings, summary, tick, console)
        tick("clustering stories and reconciling events", total=None)
        group_and_reconcile(store, docs, graph, annotations, settings, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def link_copies(store: Store, docs: Sequence[Document], settings: Settings, summary: RunSummary) -> CopyGraph:
    """Corpus-level step 1 (every driver): the copy graph over all stored documents."""
    graph = find_copies(docs, settings.copies)
    store.replace_copies(graph)
    summary.copies = len(graph.relations)
    return graph


def group_and_reconcile(
    store: Store,
    docs: Sequence[Document],
    graph: CopyGraph,
    annotations: Mapping[str, Annotation],
    settings: Settings,
    summary: RunSummary,
) -> None:
    """Corpus-level step 2 (every driver): stories, then events and briefs, from what is stored."""
    stories = cluster_stories(docs, annotations, store.stories(), settings.stories)
    store.replace_stories(stories)
    summary.stories = len(stories)
    events, briefs = reconcile(stories, store.mentions(), docs, graph, settings.reconcile)
    store.replace_events(events)
    store.replace_briefs(briefs)
    summary.events = len(events)


def report_rejections(store: Store, rejected: Sequence[Rejected], summary: RunSummary, console: Console) -> None:
    """Store rejections and print one line each, naming the input and the reason."""
    if not rejected:
        return
    store.add_rejections(rejected)
    summary.rejected.extend(rejected)
    for r in rejected:
        where = "" if r.source in r.reason else f"{r.source}: "
        console.print(f"[red]rejected[/] {where}{r.reason} [dim]({r.stage})[/]", highlight=False)


def count_inputs(paths: Sequence[str], settings: Settings) -> int | None:
    """How many reports a run will read, for the progress bar's total; None when some file
    holds many (JSONL, WARC), which only reading can count."""
    from newsfuse.ingest.paths import Entry, expand

    entries = [e for e in expand(paths, settings.ingest.extensions) if isinstance(e, Entry)]
    containers = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".arc", ".arc.gz")
    return None if any(e.path.lower().endswith(containers) for e in entries) else len(entries)


def _ingest_and_clean(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    summary: RunSummary,
    tick: Callable[..., None],
    console: Console,
) -> None:
    tick("reading and cleaning", total=lambda: count_inputs(paths, settings))
    seen: set[str] = set()
    for batch in _batches(read_inputs(paths, settings.ingest), BATCH):
        cleaned = 0
        raws: list[RawDocument] = []
        rejected: list[Rejected] = []
        for item in batch:
            if isinstance(item, Rejected):
                rejected.append(item)
            elif item.id not in seen:  # the same page twice in one run counts once
                seen.add(item.id)
                raws.append(item)
        summary.inputs += len(raws)
        known = store.known_ids(r.id for r in raws)
        summary.known += len(known)
        fresh = [r for r in raws if r.id not in known]
        docs: list[Document] = []
        for item in clean_documents(fresh, settings.clean):
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                docs.append(item)
            cleaned += 1
            tick(advance=1)
        tick(advance=len(batch) - cleaned)  # known and unreadable inputs count as done too
        summary.added += store.add_documents(docs)
        report_rejections(store, rejected, summary, console)


def _annotate_new(
    docs: Sequence[Document],
    graph: CopyGraph,
    store: Store,
    settings: Settings,
    summary: RunSummary,
    tick: Callable[..., None],
    console: Console,
) -> dict[str, Annotation]:
    """NLP and event extraction for documents not yet annotated.

    A document whose text is identical to another's (a syndicated copy) is
    parsed once: the copy reuses the annotation under its own id.
    """
    annotations = store.annotations()
    pending = pending_annotation(docs, annotations, graph)
    if pending is None:
        return annotations
    by_id, twin = pending.by_id, pending.twin
    tick("parsing", total=len(pending.to_parse) + len(twin))
    for batch in _batches(annotate(pending.to_parse, settings.nlp), BATCH // 4):
        anns: list[Annotation] = []
        mentions: list[Mention] = []
        rejected: list[Rejected] = []
        for ann in batch:
            if isinstance(ann, Rejected):
                rejected.append(ann)
                continue
            anns.append(ann)
            mentions.extend(extract_mentions(by_id[ann.document], ann, settings.events))
            tick(advance=1)
        summary.parsed += len(anns)
        store_annotations(store, anns, mentions, annotations, summary)
        report_rejections(store, rejected, summary, console)
    anns, mentions = annotate_twins(twin, annotations, by_id, settings)
    tick(advance=len(anns))
    store_annotations(store, anns, mentions, annotations, summary)
    return annotations


@dataclass(frozen=True, slots=True)
class Pending:
    """Documents not yet annotated: those to parse, and copies that take an original's annotation."""

    by_id: dict[str, Document]  # undated documents carry the date borrowed from their copies
    to_parse: list[Document]
    twin: dict[str, str]  # copy id -> id of the identical-text document parsed instead
    borrowed: frozenset[str] = frozenset()  # ids whose relative dates are resolved against a copy's date


def pending_annotation(
    docs: Sequence[Document], annotated: Mapping[str, Annotation], graph: CopyGraph | None = None
) -> Pending | None:
    """What every driver still has to annotate; None when every document is annotated.

    An undated document to annotate takes, for the nlp and events stages only, the date of the
    dated documents it shares its text with (copies.borrowed_dates); the store keeps it undated.
    """
    todo = [d for d in docs if d.id not in annotated]
    if not todo:
        return None
    by_id = {d.id: d for d in docs}
    borrowed = borrowed_dates(graph, docs) if graph is not None else {}
    for d in todo:
        if d.id in borrowed:
            by_id[d.id] = replace(d, published=borrowed[d.id])
    todo = [by_id[d.id] for d in todo]
    twin = identical_twins(todo, by_id, annotated)
    lent = frozenset(d.id for d in todo if d.id in borrowed)
    return Pending(by_id, [d for d in todo if d.id not in twin], twin, lent)


def annotate_twins(
    twin: Mapping[str, str], annotations: Mapping[str, Annotation], by_id: Mapping[str, Document], settings: Settings
) -> tuple[list[Annotation], list[Mention]]:
    """Copies take the annotation of the document they repeat word for word, under their own id."""
    anns: list[Annotation] = []
    mentions: list[Mention] = []
    for copy_id, original_id in twin.items():
        if original_id not in annotations:  # the original could not be annotated
            continue
        ann = replace(annotations[original_id], document=copy_id)
        anns.append(ann)
        mentions.extend(extract_mentions(by_id[copy_id], ann, settings.events))
    return anns, mentions


def identical_twins(
    todo: Sequence[Document], by_id: Mapping[str, Document], annotated: Iterable[str]
) -> dict[str, str]:
    """Map each document to be annotated onto an identical-text document parsed instead.

    A syndicated copy with the same clean text is parsed once; the copy takes the
    original's annotation under its own id.
    """
    first_with_text: dict[str, str] = {}
    for doc_id in annotated:
        if doc_id in by_id:
            first_with_text.setdefault(by_id[doc_id].text, doc_id)
    twin: dict[str, str] = {}
    for doc in todo:
        original = first_with_text.setdefault(doc.text, doc.id)
        if original != doc.id:
            twin[doc.id] = original
    return twin


def store_annotations(
    store: Store,
    anns: list[Annotation],
    mentions: list[Mention],
    annotations: dict[str, Annotation],
    summary: RunSummary,
) -> None:
    if not anns:
        return
    store.add_annotations(anns)
    store.add_mentions(mentions)
    annotations.update((a.document, a) for a in anns)
    summary.annotated += len(anns)
    summary.mentions += len(mentions)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _ticker(prog: Progress | None) -> Callable[..., None]:
    """One progress line that each step renames; a no-op without a progress bar."""
    state: dict[str, int] = {}

    def tick(description: str | None = None, total: int | Callable[[], int | None] | None = None,
             advance: int = 0) -> None:
        if prog is None:
            return
        if callable(total):  # counted only when a bar shows it
            total = total()
        if description is not None:
            if "task" in state:
                prog.remove_task(state["task"])
            state["task"] = prog.add_task(description, total=total)
        elif "task" in state:
            prog.advance(state["task"], advance)

    return tick
