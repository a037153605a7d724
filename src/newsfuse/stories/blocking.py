"""Which stored reports a run's new ones must meet beyond the days it looks back over.

An incremental run clusters its new reports with the stored reports of their days
(``StorySettings.lookback_days``), but the far link model (links.py) joins reports up to
``far_link_days`` apart: a follow-up months after every stored report of its incident (a victim
named, a trial) would join it in a run over every report and not in the daily add. A full person
name is the rare signal such a follow-up shares with its incident (on gva_incidents dev, 72 of the
111 same-incident pairs more than 60 days apart that reach the cut share one), so each stored
report is indexed by its names (hashed: ``name_keys``) and a run fetches the stored reports that
name one of its new reports' people within ``far_link_days`` of its day: an indexed look-up whose
cost follows the new reports' names, not the store's size.

A report is found by the towns it places, too, under the same cap: a follow-up months later that
names no one its incident's reports name (an arrest in Rosamond, "the Fourth of July shooting")
shares its town, and a small town is as rare a signal as a name, while a city's hundreds of
reports in the window exceed the cap and are not followed.

A name carried by more than ``far_name_documents`` stored reports of the window (an official
quoted every week) is not followed: it tells no incident apart and would pull a large part of
the store into the run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from hashlib import blake2b

from newsfuse.records import Annotation
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.signals import person_names


# how ``name_keys`` keys a name (signals.person_names: its first and last words); a store whose index was
# keyed another way is indexed again from its stored signals, or its keys would not meet a new run's
NAME_KEYING = "first and last word; towns"


def name_key(name: str) -> int:
    """A stable signed 64-bit key of a name (the store indexes integers; Python's hash() is salted)."""
    return int.from_bytes(blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def name_keys(annotation: Annotation | None) -> list[int]:
    """The keys a report is found by, sorted: its full person names and the towns it places."""
    return sorted({name_key(n) for n in person_names(annotation) | towns(annotation)})


def towns(annotation: Annotation | None) -> set[str]:
    """The towns (gazetteer points, not states or countries) a report places, as ``town:<geonameid>``."""
    if annotation is None:
        return set()
    return {f"town:{m.place.geonameid}" for m in annotation.places
            if m.place.feature == "city" and m.place.geonameid is not None}


def asked(new: Iterable[tuple[int | None, Iterable[int]]]) -> dict[int, list[int]]:
    """Name key -> the story days of the new reports naming it, from (day, keys) per new report
    (a report without a day has no far pair: its gap to any other is unknown)."""
    out: dict[int, list[int]] = defaultdict(list)
    for day, keys in new:
        if day is None:
            continue
        for k in keys:
            out[k].append(day)
    return dict(out)


def far_partners(found: Iterable[tuple[str, int | None, int]], wanted: Mapping[int, list[int]],
                 settings: StorySettings) -> set[str]:
    """The stored reports among ``found`` (document, day, name key) within ``far_link_days`` of a new
    report naming the same person, leaving out the names more than ``far_name_documents`` of them carry."""
    window = settings.far_link_days
    by_key: dict[int, set[str]] = defaultdict(set)
    for doc, day, key in found:
        if day is not None and any(abs(day - d) <= window for d in wanted.get(key, ())):
            by_key[key].add(doc)
    return {doc for docs in by_key.values() if len(docs) <= settings.far_name_documents for doc in docs}
