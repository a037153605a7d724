"""The local driver: runs the stages in order against the store.

Per-document work (clean, nlp, events) runs on a worker process per core (workers.py), once
per document, and is stored as it goes in ordered, batched bulk writes, so an interrupted run
loses nothing and a re-run skips what is known. Corpus-level work is done over the whole store
on its first run; later runs touch only what their new documents can change (blocking.py: the
copy graph grown against the stored copy index, stories clustered against the documents of the
new ones' days, events of the touched stories). Reports arriving over several runs give the copy
graph, annotations and mentions of one run over all of them (an undated report is dated again
when a dated copy arrives; an outlet's stored reports are read again when the new ones move its
learned home area); stories keep the id of the run that founded them.
``Settings(incremental=False)`` recomputes everything instead.
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
from newsfuse.nlp.headlines import read_as
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
from newsfuse.stories.mains import report_mains
from newsfuse.untrusted import terminal_text
from newsfuse.workers import WorkerPool
from newsfuse import blocking
from newsfuse.blocking import Touched
from newsfuse.store import increments as inc

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
    stage_seconds: dict[str, float] = field(default_factory=dict)  # wall seconds per step of the run

    def timed(self, stage: str, since: float) -> float:
        """Add the time since ``since`` to ``stage``; returns now, the start of the next step."""
        now = time.perf_counter()
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + now - since
        return now

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
    with Store(db, memory_limit=settings.store_memory_limit) as store, bar as prog, WorkerPool(settings) as pool:
        tick = _ticker(prog)
        step = time.perf_counter()
        touched = Touched(new=_ingest_and_clean(paths, store, pool, settings, summary, tick, console))
        step = summary.timed("ingest and clean", step)
        if len(touched.new) > settings.big_run:
            pool.pause()  # while the copies are found (Settings.big_run)
        tick("finding copies", total=None)
        if settings.incremental and blocking.can_extend(store, touched.new):
            _extend(store, pool, settings, summary, touched, tick, console, step)
        else:
            docs = store.documents()
            step = summary.timed("load documents", step)
            graph = link_copies(store, docs, settings, summary)
            step = summary.timed("copies", step)
            stored = stored_signals(store)
            if stored:  # stored reports whose outlet's home the new ones move are read again, as an incremental run does
                unread = {d.id for d in docs if d.id not in stored}
                for doc_id in blocking.rehome(store, unread, (docs, stored, graph), pool.observe, settings):
                    stored.pop(doc_id, None)
            annotations = _annotate_new(docs, graph, stored, store, pool, settings, summary, tick, console)
            step = summary.timed("nlp and events", step)
            tick("clustering stories and reconciling events", total=None)
            group_and_reconcile(store, docs, graph, annotations, settings, summary)
            summary.timed("stories and reconcile", step)
        summary.documents = inc.count(store, "documents")
    summary.seconds = time.perf_counter() - started
    return summary


def _extend(
    store: Store, pool: WorkerPool, settings: Settings, summary: RunSummary, touched: Touched,
    tick: Callable[..., None], console: Console, step: float,
) -> None:
    def annotate_todo(docs: Sequence[Document], annotated: dict[str, Annotation], graph: CopyGraph) -> None:
        _annotate_new(docs, graph, annotated, store, pool, settings, summary, tick, console)
        tick("clustering stories and reconciling events", total=None)

    extend_corpus(store, settings, summary, touched, annotate_todo, step, pool.observe)
    pool.close()


Annotator = Callable[[Sequence[Document], dict[str, Annotation], CopyGraph], None]


def extend_corpus(
    store: Store, settings: Settings, summary: RunSummary, touched: Touched, annotate_todo: Annotator, step: float,
    observe: blocking.Observer,
) -> None:
    """Corpus-level steps (every driver) for what the new documents can change only (blocking.py).

    ``annotate_todo(docs, annotated, graph)`` annotates and stores the documents of ``docs`` that
    ``annotated`` lacks (new ones, stored ones a new copy lends a date, stored ones whose outlet's
    home the new ones move), as ``_annotate_new`` does; ``observe`` reads what documents say of
    their outlets' homes (``nlp.homes.observe_outlets``)."""
    if touched.new:
        blocking.extend_copies(store, touched.new, settings, touched)
    summary.copies = inc.count(store, "copies")
    step = summary.timed("copies", step)
    todo = set(touched.new) | touched.redate | inc.unannotated(store, touched.new)
    if todo:
        docs, annotated, graph = blocking.annotation_context(store, todo)
        touched.rehome = blocking.rehome(store, todo, (docs, annotated, graph), observe, settings)
        if touched.rehome:
            todo |= touched.rehome
            docs, annotated, graph = blocking.annotation_context(store, todo)
        annotate_todo(docs, annotated, graph)
        touched.annotated = todo
    step = summary.timed("nlp and events", step)
    blocking.extend_stories(store, inc.unplaced(store, touched.new), settings, touched)
    step = summary.timed("stories", step)
    blocking.reconcile_touched(store, settings, touched)
    summary.stories, summary.events = inc.count(store, "stories"), inc.count(store, "events")
    summary.timed("reconcile", step)


def link_copies(store: Store, docs: Sequence[Document], settings: Settings, summary: RunSummary) -> CopyGraph:
    """Corpus-level step 1 (every driver): the copy graph over all stored documents, and the copy
    index later runs compare their new documents against."""
    graph = find_copies(docs, settings.copies)
    store.replace_copies(graph)
    blocking.index_all(store, docs, settings)
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
    if inc.signalled_count(store) != len(annotations):  # a store written before story signals were kept
        blocking.record_story_signals(store, list(annotations.values()))
    mentions = store.mentions()
    stories = cluster_stories(docs, annotations, store.stories(), settings.stories, report_mains(mentions))
    store.replace_stories(stories)
    summary.stories = len(stories)
    events, briefs = reconcile(stories, mentions, docs, graph, settings.reconcile)
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
        line = f"[red]rejected[/] {terminal_text(where + r.reason)} [dim]({r.stage})[/]"
        console.print(line, highlight=False, soft_wrap=True)


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
    pool: WorkerPool,
    settings: Settings,
    summary: RunSummary,
    tick: Callable[..., None],
    console: Console,
) -> list[str]:
    """Read, clean and store the inputs; the ids of the documents added."""
    tick("reading and cleaning", total=lambda: count_inputs(paths, settings))
    seen: set[str] = set()
    added: list[str] = []
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
        pool.expect(len(fresh))
        docs: list[Document] = []
        for item in clean_in_order(fresh, pool, settings):
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                docs.append(item)
            cleaned += 1
            tick(advance=1)
        tick(advance=len(batch) - cleaned)  # known and unreadable inputs count as done too
        summary.added += store.add_documents(docs)
        added.extend(d.id for d in docs)
        report_rejections(store, rejected, summary, console)
    return added


def clean_in_order(raws: Sequence[RawDocument], pool: WorkerPool, settings: Settings) -> Iterator[Document | Rejected]:
    """Clean ``raws`` in input order: HTML in the clean stage's sandboxed extractor pool, page
    text on the driver's workers, both at once."""
    html = [r for r in raws if r.kind == "html"]
    text = iter(pool.clean_text_pages([r for r in raws if r.kind != "html"]))
    pages = iter(clean_documents(html, settings.clean))
    for raw in raws:
        yield next(pages) if raw.kind == "html" else next(text)


def _annotate_new(
    docs: Sequence[Document],
    graph: CopyGraph,
    annotations: dict[str, Annotation],
    store: Store,
    pool: WorkerPool,
    settings: Settings,
    summary: RunSummary,
    tick: Callable[..., None],
    console: Console,
) -> dict[str, Annotation]:
    """NLP and event extraction for documents not yet annotated.

    A document whose text is identical to another's (a syndicated copy) is
    parsed once: the copy reuses the annotation under its own id. The worker pool is closed
    once the parse is done: nothing after this step parses.
    """
    pending = pending_annotation(docs, annotations, graph)
    if pending is None:
        pool.close()  # started while reading, maybe: its models go before story clustering needs the memory
        return annotations
    by_id, twin = pending.by_id, pending.twin
    tick("parsing", total=len(pending.to_parse) + len(twin))
    if len(pending.to_parse) >= pool.min_documents:
        pool.start()
    homes, _ = blocking.learn_homes(store, pending.to_parse, pool.observe, settings)
    for batch in _batches(pool.analyse(pending.to_parse, homes), BATCH // 4):
        anns: list[Annotation] = []
        mentions: list[Mention] = []
        rejected: list[Rejected] = []
        for ann, found in batch:
            if isinstance(ann, Rejected):
                rejected.append(ann)
                continue
            anns.append(ann)
            mentions.extend(found)
            tick(advance=1)
        summary.parsed += len(anns)
        store_annotations(store, anns, mentions, annotations, summary)
        report_rejections(store, rejected, summary, console)
    pool.close()  # the workers' models go before the twins' annotations are read and stories clustered
    anns, mentions = annotate_twins(twin, store, by_id, settings)
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


def stored_signals(store: Store) -> dict[str, Annotation]:
    """Every stored annotation as story clustering reads it (no sentences): what the corpus-level
    steps need, at a fraction of the memory of the whole annotations."""
    if inc.signalled_count(store) == inc.count(store, "annotations"):
        return inc.story_signals(store, store.document_ids())
    return {k: blocking.light(a) for k, a in store.annotations().items()}  # a store from before story signals


def annotate_twins(
    twin: Mapping[str, str], store: Store, by_id: Mapping[str, Document], settings: Settings
) -> tuple[list[Annotation], list[Mention]]:
    """Copies take the annotation of the document they repeat word for word, under their own id."""
    annotations = store.annotations(set(twin.values()))  # the originals' whole annotations
    anns: list[Annotation] = []
    mentions: list[Mention] = []
    for copy_id, original_id in twin.items():
        if original_id not in annotations:  # the original could not be annotated
            continue
        ann = replace(annotations[original_id], document=copy_id)
        anns.append(ann)
        mentions.extend(extract_mentions(by_id[copy_id], ann, settings.events, settings.nlp))
    return anns, mentions


def identical_twins(
    todo: Sequence[Document], by_id: Mapping[str, Document], annotated: Iterable[str]
) -> dict[str, str]:
    """Map each document to be annotated onto an identical-text document parsed instead.

    A syndicated copy with the same clean text and headline is parsed once; the copy takes the
    original's annotation under its own id. The headline counts: the nlp stage reads its places too, and
    pages whose cleaning kept no text (headline-only) share an empty text but tell different incidents.
    """
    first_with_text: dict[tuple[str, str | None], str] = {}
    for doc_id in annotated:
        if doc_id in by_id:
            first_with_text.setdefault(read_as(by_id[doc_id]), doc_id)
    twin: dict[str, str] = {}
    for doc in todo:
        original = first_with_text.setdefault(read_as(doc), doc.id)
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
    store.add_mentions(mentions, [a.document for a in anns])
    blocking.record_story_signals(store, anns)
    annotations.update((a.document, blocking.light(a)) for a in anns)  # light: a big run must not hold them all
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
