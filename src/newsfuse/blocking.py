"""Incremental corpus-level work: what a run's new documents can change, and only that.

The copy graph grows by the new documents' relations (copies/incremental.py, against the
store's copy index); the origin groups they join are merged in place. Story clustering sees the
new documents with the stored documents of their days (``lookback_days`` either side of
their story day), of the documents they share text with and, up to ``far_link_days`` away, of the
documents naming one of their people (stories/blocking.py), plus every member of the stories
those belong to. Events and briefs are recomputed for the stories that gained a member, hold a
document whose copies, origin group or mentions changed, or share an origin group with one
(a group's name depends on all its members), with the stories whose events theirs can be joined with
across stories (a report main event at a town within ``max_place_km``: a plea months later joins the one
earlier event of its town) and those of every stored event spanning them; every other story keeps its events.

An undated stored document that a new dated copy lends a date to is annotated again, and so are
the stored documents of an outlet whose learned home area the new documents change
(``learn_homes``), so the result does not depend on the order in which reports arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.config import Settings
from newsfuse.copies import borrowed_dates
from newsfuse.copies.incremental import IndexEntries, index_entries, link_new, merged_groups
from newsfuse.copies.origins import origins
from newsfuse.nlp.headlines import read_as
from newsfuse.records import Annotation, CopyGraph, Document, Place, Story
from newsfuse.reconcile import reconcile
from newsfuse.reconcile.outlet_homes import home_towns, placed_report_places
from newsfuse.store import Store
from newsfuse.store import increments as inc
from newsfuse.store.rows import annotation_from_json, record_from_json
from newsfuse.stories import blocking as far
from newsfuse.stories import cluster_stories
from newsfuse.stories.keys import KEYING, StoryKeys, keys_from_json, keys_json, story_keys
from newsfuse.stories.mains import report_mains
from newsfuse.stories.signals import story_day

if TYPE_CHECKING:  # the nlp stage loads lazily
    from newsfuse.nlp.homes import Area, Observation

Observer = Callable[[Sequence[Document]], Iterable["Observation | None"]]


@dataclass
class Touched:
    """What a run changed, so the later steps redo only that."""

    new: list[str] = field(default_factory=list)  # documents added by this run
    copies: set[str] = field(default_factory=set)  # documents whose relations, origins or group changed
    neighbours: set[str] = field(default_factory=set)  # stored documents the new ones share text with
    redate: set[str] = field(default_factory=set)  # stored documents to annotate again (a date was lent)
    rehome: set[str] = field(default_factory=set)  # stored documents to annotate again (their outlet's home moved)
    annotated: set[str] = field(default_factory=set)  # documents (re-)annotated by this run
    stories: set[str] = field(default_factory=set)  # stories that gained members or were founded
    dropped: set[str] = field(default_factory=set)  # stories regrouping left without members (stories.regroup)


def index_all(store: Store, docs: Sequence[Document], settings: Settings) -> None:
    """(Re)build the copy index over ``docs`` (after a whole-store copy graph)."""
    inc.clear_index(store)
    index_new(store, docs, settings)


def index_new(store: Store, docs: Sequence[Document], settings: Settings, entries: IndexEntries | None = None
              ) -> np.ndarray:
    """Add ``docs`` to the copy index; the stored postings of their n-grams that are not stock."""
    e = entries or index_entries(docs, settings.copies)
    return inc.add_to_index(store, e.documents, e.duplicate, e.band_document, e.band, e.band_key, e.gram_document,
                            e.gram, settings.copies.max_gram_documents)


def can_extend(store: Store, new: Sequence[str]) -> bool:
    """The copy index and the story signals cover every stored document but the new ones."""
    stored = inc.count(store, "documents") - len(new)
    return stored > 0 and inc.indexed_count(store) == stored and inc.signalled_count(store) == inc.count(
        store, "annotations")


def extend_copies(store: Store, new_ids: Sequence[str], settings: Settings, touched: Touched) -> int:
    """Add the new documents' relations to the stored copy graph; returns how many were added."""
    s = settings.copies
    new = store.documents(new_ids)
    entries = index_entries(new, s)
    postings = index_new(store, new, settings, entries)
    stock = inc.stock_grams(store)
    found = inc.index_candidates(store, entries.duplicate, entries.band, entries.band_key, entries.gram_document,
                                 entries.gram, stock, s.min_shared_grams, postings) - set(new_ids)
    stored = store.documents(found)
    relations = link_new(new, stored, stock, s)
    # stored documents that gained a relation: only their origins, groups and dates can change
    linked = {x for r in relations for x in (r.a, r.b)} - set(new_ids)
    before = inc.copy_graph_of(store, linked)
    # the documents at the other end of their stored relations: origins read their credits too
    ends = {x for r in before.relations for x in (r.a, r.b)} - linked - set(new_ids)
    by_id = {d.id: d for d in (*new, *(d for d in stored if d.id in linked), *store.documents(ends))}
    affected = set(new_ids) | linked
    every = sorted({*before.relations, *relations}, key=lambda r: (r.a, r.b))
    credit, wire_pairs = origins(list(by_id.values()), every, s.attribution_window)
    merged = merged_groups(list(new_ids), before.origin_group, relations, wire_pairs, s.group_min_overlap)
    renamed = {g: m for g, m in merged.items() if g not in new_ids and g != m}
    inc.extend_copy_graph(store, relations, {d: credit[d] for d in affected},
                          {d: merged[d] for d in new_ids}, renamed)
    changed_groups = set(renamed.values()) | {merged[d] for d in new_ids}
    touched.copies = affected | set(inc.group_members(store, changed_groups))
    touched.neighbours = linked
    after = inc.copy_graph_of(store, linked)
    lent_before = borrowed_dates(before, list(by_id.values()))
    lent_after = borrowed_dates(after, list(by_id.values()))
    touched.redate = {d for d in linked if lent_before.get(d) != lent_after.get(d)}
    return len(relations)


def annotation_context(store: Store, todo: Iterable[str]) -> tuple[list[Document], dict[str, Annotation], CopyGraph]:
    """The documents to annotate, the stored documents they share text with (date donors, identical
    twins) and those documents' annotations, and the copy graph around them."""
    todo = set(todo)
    graph = inc.copy_graph_of(store, todo)
    around = {x for r in graph.relations for x in (r.a, r.b)} - todo
    docs = store.documents(todo | around)
    return docs, inc.story_signals(store, around), graph


def learn_homes(store: Store, to_parse: Sequence[Document], observe: Observer, settings: Settings
                ) -> tuple[dict[str, Area], set[str]]:
    """Outlets' home areas for the documents to parse, from the evidence of every document stored so
    far and theirs (read by ``observe`` and stored, once per document); and the hosts whose home
    their evidence changed. The same homes as one run over every report, however they were split
    into runs: the evidence is summed per host in write order (nlp.homes.homes_from_evidence)."""
    from newsfuse.nlp.homes import area_key, area_of, homes_from_evidence
    from newsfuse.nlp.outlets import outlet_host

    if not settings.nlp.outlet_home or not to_parse:
        return {}, set()
    hosts = {h for d in to_parse if isinstance(d.url, str) and (h := outlet_host(d.url))}

    def homes() -> dict[str, Area]:
        documents, areas = inc.outlet_evidence(store, hosts)
        return homes_from_evidence(documents, [(h, area_of(a), k) for h, a, k in areas])

    seen = inc.observed(store, [d.id for d in to_parse])
    fresh = [d for d in to_parse if d.id not in seen]
    before = homes()
    if not fresh:
        return before, set()
    found = list(observe(fresh))
    inc.add_outlet_evidence(store, [(d.id, o[0], [area_key(a) for a in o[1]]) if o else (d.id, None, ())
                                    for d, o in zip(fresh, found, strict=True)])
    after = homes()
    taught = {o[0] for o in found if o}
    return after, {h for h in taught if before.get(h) != after.get(h)}


def rehome(store: Store, todo: set[str], context: tuple[list[Document], dict[str, Annotation], CopyGraph],
           observe: Observer, settings: Settings) -> set[str]:
    """Stored, annotated documents to annotate again because the evidence of the documents to parse
    among ``todo`` (``context``: their ``annotation_context``; read here and stored) moved their
    outlet's home area: the documents read for that outlet's home, and the stored copies that took
    one's annotation word for word. Only an outlet whose home moved costs more than two small reads."""
    from newsfuse.pipeline import pending_annotation

    docs, annotated, graph = context
    pending = pending_annotation(docs, annotated, graph)
    if pending is None:
        return set()
    _, moved = learn_homes(store, pending.to_parse, observe, settings)
    again = set(inc.observed_of(store, moved)) - todo
    if not again:
        return set()
    # documents alike in text and headline took the annotation of the one read (pipeline.identical_twins): they
    # follow it
    around, _, _ = annotation_context(store, again)
    read = {read_as(d) for d in around if d.id in again}
    return again | {d.id for d in around if read_as(d) in read and d.id not in todo}


def light(ann: Annotation) -> Annotation:
    """An annotation without its sentences: places, actors, dates (what stories and later steps read)."""
    return replace(ann, sentences=())


def record_story_signals(store: Store, anns: Sequence[Annotation]) -> None:
    """Store what story clustering reads of each new annotation, its story day (read with the
    document as stored: an undated copy's borrowed date served its annotation only) and the keys of
    the people it names (stories/blocking.py; a store from before that index, or keyed another way, is
    indexed first) and its story keys (stories/keys.py; a store keyed another way is keyed again first)."""
    if not inc.names_indexed(store, far.NAME_KEYING):
        inc.index_story_names(store, {d: far.name_keys(a) for d, a in inc.all_story_signals(store).items()},
                              far.NAME_KEYING)
    if not inc.keys_current(store, KEYING):  # a store migrated from schema 2, or keyed another way
        inc.rekey_story_signals(store, keys_of_stored, KEYING)
    by_id = {d.id: d for d in store.documents(a.document for a in anns)}
    light_anns = [light(a) for a in anns]
    days = {a.document: story_day(by_id[a.document], a) if a.document in by_id else None for a in light_anns}
    keys = {a.document: keys_json(story_keys(by_id[a.document].text, a)) for a in light_anns if a.document in by_id}
    inc.add_story_signals(store, days, light_anns, {a.document: far.name_keys(a) for a in light_anns}, keys)


def extend_stories(store: Store, new_ids: Sequence[str], settings: Settings, touched: Touched) -> None:
    """Cluster the new documents against the stored documents they can join (their days, their copies)."""
    if not new_ids:
        return
    signals = inc.story_signals(store, new_ids)
    new_docs = store.documents(new_ids)
    dated = [(story_day(doc, signals.get(doc.id)), far.name_keys(signals.get(doc.id))) for doc in new_docs]
    days = [d for d, _ in dated if d is not None]
    near = inc.documents_near(store, days, settings.stories.lookback_days) | touched.neighbours
    if settings.stories.learned_links and settings.stories.far_link_days > 0:
        # the far model's pairs: stored documents naming one of the new ones' people, months before or after
        wanted = far.asked(dated)
        near |= far.far_partners(inc.named_documents(store, wanted), wanted, settings.stories)
    existing = inc.stories_with(store, near - set(new_ids))
    members = near | {d for s in existing for d in s.documents} | set(new_ids)
    docs = store.documents(members)
    out = cluster_stories(docs, story_inputs(store, members), existing, settings.stories,
                          report_mains(store.mentions(members)))
    before = {s.id: s for s in existing}
    grown = [s for s in out if before.get(s.id) != s]
    touched.dropped = before.keys() - {s.id for s in out}
    inc.delete_stories(store, touched.dropped)
    inc.upsert_stories(store, grown)
    touched.stories = {s.id for s in grown}


def keys_of_stored(record: str, text: str) -> str:
    """The story keys (JSON) of a stored signals record and its document's text."""
    return keys_json(story_keys(text, annotation_from_json(record)))


def story_inputs(store: Store, ids: set[str]) -> dict[str, StoryKeys | Annotation]:
    """What story clustering reads of the stored documents ``ids``: their stored keys, else their signals
    (a signal no run has keyed yet); a document with neither is read from its text alone."""
    keys: dict[str, StoryKeys | Annotation] = {d: keys_from_json(k) for d, k in inc.story_keys(store, ids).items()}
    return {**inc.story_signals(store, ids - keys.keys()), **keys}


def reconcile_touched(store: Store, settings: Settings, touched: Touched) -> None:
    """Events and briefs again for every story the run can have changed."""
    docs_changed = set(touched.new) | touched.copies | touched.annotated
    stories = {s.id: s for s in inc.stories_with(store, docs_changed)}
    for s in inc.stories_by_id(store, touched.stories):
        stories.setdefault(s.id, s)
    if not stories:
        inc.replace_story_events(store, touched.dropped, [], [])
        return
    towns, moved = outlet_towns(store, settings, docs_changed)
    for s in inc.stories_with(store, moved):
        stories.setdefault(s.id, s)
    chosen = with_partners(store, list(stories.values()), settings)
    stories = {s.id: s for s in chosen}
    members = {d for s in chosen for d in s.documents}
    groups = inc.copy_graph_of(store, members).origin_group
    everyone = members | set(inc.group_members(store, set(groups.values())))
    graph = inc.copy_graph_of(store, everyone)
    events, briefs = reconcile(chosen, store.mentions(members), store.documents(everyone), graph, settings.reconcile,
                               towns)
    inc.replace_story_events(store, stories.keys() | touched.dropped, events, briefs)


def with_partners(store: Store, chosen: list[Story], settings: Settings) -> list[Story]:
    """``chosen`` and the stored stories whose events theirs can be joined with across stories, as one run over
    every report joins them (a plea months later at the incident's town: reconcile/later.py; alike events of two
    stories: reconcile/duplicates.py), and the stories of every stored event holding a report of theirs (an
    event replaced whole, never half)."""
    r = settings.reconcile
    members = {d for s in chosen for d in s.documents}
    reach = set(members)
    if r.join_later_follow_ups or r.join_alike_events:
        reach |= inc.documents_placed_near(store, members, max(r.max_place_km, r.place_agree_km))
    while True:  # the stories of events spanning stories, until no event reaches a story outside
        grown = reach | inc.event_documents_with(store, reach)
        out = {s.id: s for s in chosen}
        for s in inc.stories_with(store, grown - members):
            out.setdefault(s.id, s)
        reach = grown | {d for s in out.values() for d in s.documents}
        if reach == grown:
            return list(out.values())


def outlet_towns(store: Store, settings: Settings, changed: set[str]) -> tuple[dict[str, Place], set[str]]:
    """Outlets' home towns learned from every stored report main event (reconcile/outlet_homes.py), as one run
    over every report learns them; and the stored documents outside ``changed`` whose unplaced report main
    event a home town the run moved places: their stories are reconciled again."""
    from newsfuse.nlp.outlets import outlet_host

    if not settings.reconcile.outlet_homes:
        return {}, set()
    found = inc.report_main_places(store)
    host_of = {d: outlet_host(url) for d, url, _ in found}
    placed = [(d, place) for d, _, text in found if text is not None
              and (place := record_from_json(Place, text)) is not None]
    after = home_towns(placed_report_places(placed, host_of), settings.reconcile)
    before = home_towns(placed_report_places([p for p in placed if p[0] not in changed], host_of), settings.reconcile)
    moved = {h for h in after.keys() | before.keys() if after.get(h) != before.get(h)}
    return after, {d for d, _, text in found if text is None and host_of[d] in moved and d not in changed}
