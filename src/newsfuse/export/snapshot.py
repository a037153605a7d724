"""Everything the read-side (export, report, API) shows, read from the store once.

The views are pure functions over a ``Snapshot`` so they can be tested with
records built by hand, without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsfuse.records import Brief, CopyGraph, Document, Event, Mention, Rejected, Story


@dataclass(frozen=True)
class Snapshot:
    documents: tuple[Document, ...] = ()
    graph: CopyGraph = field(default_factory=lambda: CopyGraph(relations=()))
    stories: tuple[Story, ...] = ()
    events: tuple[Event, ...] = ()
    briefs: tuple[Brief, ...] = ()
    mentions: tuple[Mention, ...] = ()
    rejections: tuple[Rejected, ...] = ()

    # cached_property needs a __dict__, hence no slots on this one
    @cached_property
    def doc_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def story_of_doc(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in self.stories:
            for d in s.documents:
                out.setdefault(d, s.id)
        return out

    @cached_property
    def events_by_story(self) -> dict[str | None, list[Event]]:
        out: dict[str | None, list[Event]] = {}
        for e in self.events:
            out.setdefault(e.story, []).append(e)
        return out

    @cached_property
    def mentions_by_doc(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = {}
        for m in self.mentions:
            out.setdefault(m.document, []).append(m)
        return out

    @cached_property
    def brief_by_story(self) -> dict[str, Brief]:
        return {b.story: b for b in self.briefs}

    def label(self, doc_id: str) -> str:
        """A short human name for a document: outlet, else title, else its source file name."""
        d = self.doc_by_id.get(doc_id)
        if d is None:
            return doc_id
        return d.outlet or d.title or d.source.rsplit("/", 1)[-1] or doc_id


PARTS = ("documents", "graph", "stories", "events", "briefs", "mentions", "rejections")
# what each exported table needs, so exporting stories does not read every text
NEEDS = {
    "documents": ("documents", "graph", "stories"),
    "copies": ("graph",),
    "stories": ("stories", "events"),
    "events": ("events",),
    "mentions": ("mentions",),
    "briefs": ("briefs",),
    "contradictions": ("events", "documents"),
}
# the ACLED sheet votes actor sides over mentions and tells wire services by the copy graph's credits
ACLED_NEEDS = ("events", "mentions", "graph", "documents")


def load(store: Any, parts: tuple[str, ...] = PARTS) -> Snapshot:
    """Read the named tables from an open ``newsfuse.store.Store`` (all by default)."""
    read = {
        "documents": lambda: tuple(store.documents()),
        "graph": store.copy_graph,
        "stories": lambda: tuple(store.stories()),
        "events": lambda: tuple(store.events()),
        "briefs": lambda: tuple(store.briefs()),
        "mentions": lambda: tuple(store.mentions()),
        "rejections": lambda: tuple(store.rejections()),
    }
    return Snapshot(**{p: read[p]() for p in parts})
