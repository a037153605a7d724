"""Which of two copies is the republication: the one whose credits name the
other's outlet, else (for whole-article copies) the one published later."""

from __future__ import annotations

import re

from newsfuse.records import CopyKind, Document

_STOP = re.compile(r"^(the|fdd s|fdd)\s+")


def norm_name(name: str) -> str:
    """'FDD's Long War Journal' and 'The Long War Journal' both -> 'long war journal'."""
    flat = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    while (short := _STOP.sub("", flat)) != flat:
        flat = short
    return flat


def names_match(a: str, b: str) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    shorter, longer = sorted((na, nb), key=len)
    return len(shorter) >= 6 and f" {shorter} " in f" {longer} "


def _credits_other(x: Document, y: Document, whole: bool) -> str | None:
    """Evidence that x credits y's outlet (so y is the original), or None.

    ``whole``: the two are the same article (duplicate / near-duplicate), so a source
    line in x naming a publisher that y neither credits nor contradicts points to y.
    """
    for c in x.credits:
        if x.outlet and names_match(c.name, x.outlet):
            continue  # an outlet naming itself is no credit
        if y.outlet and names_match(c.name, y.outlet):
            return f"{x.id} credits {c.name} ({c.evidence}), the outlet of {y.id}"
        if c.kind != "publisher" or y.outlet or any(names_match(c.name, d.name) for d in y.credits):
            continue  # y is known to be someone else, or carries the same credit itself
        if f" {norm_name(c.name)} " in f" {norm_name(y.text)} ":
            return f"{x.id} credits {c.name} ({c.evidence}), which {y.id}'s own page names"
        if whole:
            return f"{x.id}'s source line names {c.name} ({c.evidence}); {y.id} is the same article uncredited"
    return None


def _day(doc: Document) -> str | None:
    p = doc.published
    if p is None or p.precision not in ("day", "minute"):
        return None
    return p.date[:10]


def original_of(a: Document, b: Document, kind: CopyKind) -> tuple[str | None, str | None]:
    """(id of the original, why) or (None, None) when it is not evident."""
    whole = kind != "shared_passages"
    a_credits_b, b_credits_a = _credits_other(a, b, whole), _credits_other(b, a, whole)
    if a_credits_b and not b_credits_a:
        return b.id, a_credits_b
    if b_credits_a and not a_credits_b:
        return a.id, b_credits_a
    if kind == "shared_passages":
        # both may carry a third source (a wire); a later date alone says nothing
        return None, None
    da, db = _day(a), _day(b)
    if da and db and da != db:
        first, later = (a, b) if da < db else (b, a)
        return first.id, f"{later.id} published {max(da, db)}, after {first.id} ({min(da, db)})"
    return None, None
