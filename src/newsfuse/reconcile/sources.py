"""Independent sources: one per origin group of the copy graph.

Documents that republish one another or carry the same wire story form one
origin group (the copies stage decides which); the group counts once, under
the wire it shares or the outlet of its original. Groups under the same outlet
or wire count once together; a group whose outlet is unknown counts once on its
own (it may be any outlet, but it is one report that copies none of the others).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newsfuse.records import CopyGraph, CopyRelation, Credit, Document

UNKNOWN = "unknown"  # the outlet of a report nothing names (never its file name)


def group_of(doc_id: str, graph: CopyGraph) -> str:
    """The document's origin group (itself when the copy graph has no group for it)."""
    return graph.origin_group.get(doc_id, doc_id)


def outlet_name(doc_id: str, docs: Mapping[str, Document]) -> str:
    """The outlet the clean stage found (from the page's original address, site name, title or
    masthead), else unknown; a document without a record is named by its id."""
    doc = docs.get(doc_id)
    if doc is None:
        return doc_id
    return doc.outlet or UNKNOWN


def _credits(doc_id: str, docs: Mapping[str, Document], graph: CopyGraph) -> tuple[Credit, ...]:
    doc = docs.get(doc_id)
    return tuple(graph.origins.get(doc_id, ())) + (doc.credits if doc else ())


def group_name(
    members: Iterable[str], docs: Mapping[str, Document], graph: CopyGraph,
    relations: Mapping[str, Sequence[CopyRelation]] | None = None,
) -> str:
    """A group of several documents is named after the wire every member carries or
    credits; otherwise (and for a lone document) after the original's outlet."""
    members = sorted(set(members))
    if len(members) > 1:
        shared: Counter[str] = Counter()
        for m in members:
            shared.update({c.name for c in _credits(m, docs, graph) if c.kind == "wire"})
        common = sorted(name for name, n in shared.items() if n == len(members))
        if common:
            return common[0]
    return outlet_name(_original(members, docs, graph, relations), docs)


def _original(members: list[str], docs: Mapping[str, Document], graph: CopyGraph,
              relations: Mapping[str, Sequence[CopyRelation]] | None) -> str:
    """The member no other member republishes; the group id if it is a member; else the earliest."""
    inside = set(members)
    rels = (r for m in members for r in relations.get(m, ())) if relations is not None else graph.relations
    copies = {rel.b if rel.original == rel.a else rel.a for rel in rels
              if rel.original is not None and rel.a in inside and rel.b in inside}
    originals = [m for m in members if m not in copies]
    group = group_of(members[0], graph)
    if group in originals:
        return group
    candidates = originals or members
    return min(candidates, key=lambda m: (_published(docs.get(m)), m))


def _published(doc: Document | None) -> str:
    return doc.published.date if doc is not None and doc.published is not None else "9999"


class SourceNamer:
    """Names origin groups once per reconcile run (a group's name depends on all its members)."""

    def __init__(self, docs: Mapping[str, Document], graph: CopyGraph,
                 relations: Mapping[str, Sequence[CopyRelation]] | None = None):
        self.docs, self.graph, self.relations = docs, graph, relations
        self.members: dict[str, list[str]] = {}
        for d, g in graph.origin_group.items():
            self.members.setdefault(g, []).append(d)
        self._names: dict[str, str] = {}

    def name(self, group: str, present: Iterable[str]) -> str:
        if group not in self._names:
            # name the whole group, not only the members at hand: a group is one source
            self._names[group] = group_name(self.members.get(group) or list(present), self.docs, self.graph, self.relations)
        return self._names[group]

    def independent_sources(self, doc_ids: Iterable[str]) -> tuple[str, ...]:
        """One name per origin group among the documents; groups named by the same outlet or wire
        (spelled alike up to case and punctuation) count once, each group of unknown outlet once."""
        groups: dict[str, list[str]] = {}
        for d in doc_ids:
            groups.setdefault(group_of(d, self.graph), []).append(d)
        names: list[str] = []
        seen: set[str] = set()
        for group in sorted(groups, key=lambda g: min(groups[g])):
            name = self.name(group, groups[group])
            key = re.sub(r"[\W_]+", "", name).casefold()
            if name == UNKNOWN or key not in seen:
                seen.add(key)
                names.append(name)
        return tuple(names)
