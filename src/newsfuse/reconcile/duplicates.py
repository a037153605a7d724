"""Events of one story that come out alike are one event.

Mentions are grouped greedily, member by member (merge.py): a follow-up report dated by its own day can
found a group of its own that the incident's later reports then join, and the reconciled values of two
such groups come out the same. Two events of one story of one type, at one gazetteer place on one day,
whose tolls (killed, injured) do not differ where both give one, are one event to an analyst.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsfuse.records import Fatalities, Mention
from newsfuse.reconcile.values import Reconciled


def joined_alike(groups: Sequence[list[Mention]], values: Sequence[Reconciled], story_of: Mapping[str, str | None],
                 order: Callable[[Mention], tuple]) -> list[list[Mention]]:
    """``groups`` (with their reconciled ``values``) with the alike events of each story joined, in the
    order of their first group; ``order`` sorts a joined group's mentions (earliest document first)."""
    first: dict[tuple, int] = {}
    joined: list[list[int]] = []
    for k, (group, v) in enumerate(zip(groups, values, strict=True)):
        key = _key(group, v, story_of)
        at = next((j for j in first.get(key, ()) if _tolls_agree(j, k, joined, values)), None) if key else None
        if at is None:
            if key:
                first.setdefault(key, []).append(len(joined))
            joined.append([k])
        else:
            joined[at].append(k)
    out = []
    for members in joined:
        if len(members) == 1:
            out.append(groups[members[0]])
        else:
            mentions = {m.id: m for k in members for m in groups[k]}
            out.append(sorted(mentions.values(), key=order))
    return out


def _key(group: Sequence[Mention], v: Reconciled, story_of: Mapping[str, str | None]) -> tuple | None:
    story = story_of.get(group[0].document)
    if story is None or v.place is None or v.place.precision != "point" or v.date is None or v.date.precision != "day":
        return None
    return story, v.place.geonameid or v.place.name, v.date.date[:10], v.type


def _tolls_agree(at: int, k: int, joined: Sequence[list[int]], values: Sequence[Reconciled]) -> bool:
    """No toll of event ``k`` differs from one of the events already joined at ``at``."""
    return all(_agree(values[j].fatalities, values[k].fatalities) and _agree(values[j].injured, values[k].injured)
               for j in joined[at])


def _agree(a: Fatalities, b: Fatalities) -> bool:
    return a.best is None or b.best is None or a.best == b.best
