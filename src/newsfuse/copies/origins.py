"""Origins (credited and carried wires/publishers) and origin groups (independence)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsfuse.copies.direction import names_match
from newsfuse.records import CopyRelation, Credit, Document


def _attributes(doc: Document, credit: Credit, start: int, end: int, window: int) -> bool:
    """Does ``doc`` attribute its text [start, end) to ``credit``: the whole document is
    the wire's copy ("REUTERS - ..." makes the clean stage mark the credit carried), or
    the credit's evidence (or the credited name) stands in that text or just before it."""
    if credit.how == "carried":
        return True
    near = doc.text[max(0, start - window) : end]
    return (bool(credit.evidence) and credit.evidence in near) or credit.name.lower() in near.lower()


def carried_wires(rel: CopyRelation, docs: Mapping[str, Document], window: int) -> dict[str, list[Credit]]:
    """For each side of a relation, the wire credits the *other* side gives to the shared text."""
    out: dict[str, list[Credit]] = {rel.a: [], rel.b: []}
    for src, dst, side in ((rel.a, rel.b, "a"), (rel.b, rel.a, "b")):
        doc = docs[src]
        for c in doc.credits:
            if c.kind != "wire":
                continue
            spans = [(p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end) for p in rel.passages]
            if rel.kind != "shared_passages" or any(_attributes(doc, c, s, e, window) for s, e in spans):
                why = f"text shared with {src}, which credits {c.name} ({c.evidence})"
                out[dst].append(Credit(c.name, "wire", why, "carried"))
    return out


def origins(
    docs: Sequence[Document], relations: Sequence[CopyRelation], window: int
) -> tuple[dict[str, tuple[Credit, ...]], dict[str, set[str]]]:
    """Per document: credited + carried origins; and per relation key the wires it carries."""
    by_id = {d.id: d for d in docs}
    # what the document itself says (the clean stage marks "REUTERS - ..." copy as carried)
    result: dict[str, list[Credit]] = {d.id: list(d.credits) for d in docs}
    wire_pairs: dict[str, set[str]] = {}
    for rel in relations:
        for dst, credits in carried_wires(rel, by_id, window).items():
            for c in credits:
                wire_pairs.setdefault(f"{rel.a}|{rel.b}", set()).add(c.name)
                if not any(names_match(c.name, have.name) for have in result[dst]):
                    result[dst].append(c)
        if rel.kind != "shared_passages" and rel.original is not None:
            copy = rel.b if rel.original == rel.a else rel.a
            outlet = by_id[rel.original].outlet
            if outlet and not any(names_match(outlet, have.name) for have in result[copy]):
                result[copy].append(Credit(outlet, "publisher", f"republishes {rel.original}", "carried"))
    return {k: tuple(v) for k, v in result.items()}, wire_pairs


def same_source(rel: CopyRelation, wire_pairs: Mapping[str, set[str]], min_overlap: float) -> bool:
    """Whether a relation makes its two documents one source: a copy, one wire story, or enough shared text."""
    return rel.kind != "shared_passages" or f"{rel.a}|{rel.b}" in wire_pairs or rel.overlap >= min_overlap


def union_smallest(parent: dict[str, str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union-find over ``parent`` (every key its own group to start) joined by ``pairs``; each key
    mapped to its group, whose id is the group's smallest member."""

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def groups(
    ids: Sequence[str], relations: Sequence[CopyRelation], wire_pairs: Mapping[str, set[str]], min_overlap: float
) -> dict[str, str]:
    """Copies, and documents sharing one wire story, count as one source.

    Group id = smallest document id in the group.
    """
    joined = ((r.a, r.b) for r in relations if same_source(r, wire_pairs, min_overlap))
    return union_smallest({i: i for i in ids}, joined)

