"""Events of one story that come out alike are one event.

Mentions are grouped greedily, member by member (merge.py): a follow-up report dated by its own day can
found a group of its own that the incident's later reports then join, and the reconciled values of two
such groups come out the same. Two events of one story of one type, at one gazetteer place on one day,
whose tolls (killed, injured) do not differ where both give one, are one event to an analyst. So are two
events of two stories (a report and its follow-up told in other words) of one type on one day, placed
within ``max_place_km`` of each other, that tell one toll of several victims and no toll differing: two
incidents of one toll of several on one day in neighbouring towns are rare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from newsfuse.records import Fatalities, Mention, km
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.values import Reconciled


def joined_alike(groups: Sequence[list[Mention]], values: Sequence[Reconciled], story_of: Mapping[str, str | None],
                 order: Callable[[Mention], tuple], settings: ReconcileSettings) -> list[list[Mention]]:
    """``groups`` (with their reconciled ``values``) with the alike events joined, in the order of their first
    group; ``order`` sorts a joined group's mentions (earliest document first)."""
    first: dict[tuple, list[int]] = {}
    by_day: dict[tuple, list[int]] = {}
    joined: list[list[int]] = []
    for k, (group, v) in enumerate(zip(groups, values, strict=True)):
        key = _key(group, v, story_of)
        at = next((j for j in first.get(key, ()) if _tolls_agree(j, k, joined, values)), None) if key else None
        if at is None and key:
            at = next((j for j in by_day.get(key[2:], ()) if _one_toll_of_several(j, k, joined, values, settings)),
                      None)
        if at is None:
            if key:
                first.setdefault(key, []).append(len(joined))
                by_day.setdefault(key[2:], []).append(len(joined))
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


def _one_toll_of_several(at: int, k: int, joined: Sequence[list[int]], values: Sequence[Reconciled],
                         settings: ReconcileSettings) -> bool:
    """Event ``k`` lies within ``max_place_km`` of the events joined at ``at``, no toll of theirs differs and
    one toll of several (killed or injured) is the same."""
    v = values[k]
    return _tolls_agree(at, k, joined, values) and all(
        km(values[j].place, v.place) <= settings.max_place_km  # type: ignore[arg-type]  # keyed: placed
        and (_several(values[j].fatalities, v.fatalities) or _several(values[j].injured, v.injured))
        for j in joined[at])


def _agree(a: Fatalities, b: Fatalities) -> bool:
    return a.best is None or b.best is None or a.best == b.best


def _several(a: Fatalities, b: Fatalities) -> bool:
    return a.best is not None and a.best == b.best and a.best >= 2
