"""Each report's main event (the events stage's report-main mention) as per-document arrays, and what two
reports' main events say of their pair: told apart (two days each report tells itself), or one incident
(one town, one day, one toll) whatever their words.

The events stage stores every report's mentions before stories are clustered; its main event is the best
summary of which incident a report tells. Everything here is vectorised over a block of pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsfuse.records import DateValue, Document, Figure, Mention, names_one_town

UNKNOWN = -1
OPEN = 2**30  # the high end of an open-ended toll ("at least 5")


@dataclass(frozen=True, slots=True)
class MainEvents:
    """One row per document; -1 (or False) where the document has no main event or the value is unknown."""

    day: np.ndarray  # int32: the main event's day (ordinal), when told to the day (or the publication, see below)
    own_day: np.ndarray  # bool: a violent main event dated in its own phrase against its own publication
    town: np.ndarray  # int32: the gazetteer town it happened at (a point, or a part of a town: "SW Atlanta")
    violent: np.ndarray  # bool: a violent main event that is not an arrest
    killed: np.ndarray  # int32 (n, 2): the stated death toll (low, high)
    injured: np.ndarray  # int32 (n, 2): the stated injured toll (low, high)

    @property
    def size(self) -> int:
        return len(self.day)


def report_mains(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Document id -> its report-main mention (the first one, in the given order)."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.report_main:
            out.setdefault(m.document, m)
    return out


def main_events(docs: Sequence[Document], mains: Mapping[str, Mention], publication_days: bool = False
                ) -> MainEvents:
    """The per-document arrays of ``docs``' main events (``mains``: document id -> report-main mention).

    ``publication_days``: a main event whose report tells no day (the publication date standing in, at week
    precision) counts its publication day as its day: fresh news of a shooting tells of the day before or the day
    itself."""
    # imported here: reconcile reads stories.signals, so a module-level import would be circular
    from newsfuse.events.taxonomy import VIOLENT_TYPES
    from newsfuse.reconcile.merge import ARREST, RELATIVE_TO_PUBLICATION

    n = len(docs)
    day = np.full(n, UNKNOWN, dtype=np.int32)
    town = np.full(n, UNKNOWN, dtype=np.int32)
    killed = np.full((n, 2), UNKNOWN, dtype=np.int32)
    injured = np.full((n, 2), UNKNOWN, dtype=np.int32)
    own_day = np.zeros(n, dtype=bool)
    violent = np.zeros(n, dtype=bool)
    towns: dict[int, int] = {}
    for i, d in enumerate(docs):
        m = mains.get(d.id)
        if m is None:
            continue
        violent[i] = m.type in VIOLENT_TYPES and m.sub_type != ARREST
        day[i] = _day(m.date, publication_days)
        own_day[i] = violent[i] and m.date is not None and m.date.precision == "day" \
            and RELATIVE_TO_PUBLICATION.search(m.date.resolution) is not None
        if m.place is not None and m.place.geonameid is not None and names_one_town(m.place):
            town[i] = towns.setdefault(m.place.geonameid, len(towns))
        killed[i] = _toll(m.fatalities)
        injured[i] = _toll(m.injured)
    return MainEvents(day, own_day, town, violent, killed, injured)


def _day(value: DateValue | None, publication_days: bool) -> int:
    """The ordinal of a day-precision date (or a week-precision publication date standing in, when asked)."""
    from newsfuse.reconcile.dates import is_fallback  # here: see main_events

    if value is None:
        return UNKNOWN
    fallback = value.precision == "week" and is_fallback(value)
    if value.precision != "day" and not (publication_days and fallback):
        return UNKNOWN
    try:
        return date.fromisoformat(value.date[:10]).toordinal()
    except ValueError:
        return UNKNOWN


def _toll(fig: Figure | None) -> tuple[int, int]:
    return (UNKNOWN, UNKNOWN) if fig is None else (fig.low, fig.high if fig.high is not None else OPEN)


def _gap(e: MainEvents, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    return np.abs(e.day[rows][:, None] - e.day[cols][None, :])


def _same(tolls: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs that both state the toll and state the same one."""
    a, b = tolls[rows], tolls[cols]
    known = (a[:, 0] >= 0)[:, None] & (b[:, 0] >= 0)[None, :]
    return known & (a[:, 0][:, None] == b[:, 0][None, :]) & (a[:, 1][:, None] == b[:, 1][None, :])


def _conflict(tolls: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs that both state the toll and state different ones."""
    a, b = tolls[rows], tolls[cols]
    known = (a[:, 0] >= 0)[:, None] & (b[:, 0] >= 0)[None, :]
    return known & ~_same(tolls, rows, cols)


def same_toll_of_several(e: MainEvents, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs telling the same toll of two or more (killed, or injured): one incident a later report dates by
    what it adds (reconcile.merge.same_toll)."""
    out = np.zeros((len(rows), len(cols)), dtype=bool)
    for tolls in (e.killed, e.injured):
        out |= _same(tolls, rows, cols) & (tolls[rows, 0] >= 2)[:, None]
    return out


def told_apart(e: MainEvents, rows: np.ndarray, cols: np.ndarray, apart_days: int) -> np.ndarray:
    """Pairs whose violent main events each report dates itself, in its own phrase against its own publication
    ("shot Sunday night"), more than ``apart_days`` apart, not telling the same toll of several: two incidents
    (reconcile.merge.told_apart, read over a block). Unlike reconcile, a roundup of several shootings is not told
    apart from a report a day away: it tells that night's incidents too, so they may share its story."""
    both = e.own_day[rows][:, None] & e.own_day[cols][None, :]
    return both & (_gap(e, rows, cols) > apart_days) & ~same_toll_of_several(e, rows, cols)


def one_incident(e: MainEvents, rows: np.ndarray, cols: np.ndarray, days: int) -> np.ndarray:
    """Pairs whose violent main events sit at one gazetteer town, at most ``days`` apart, and tell no tolls apart
    (each of killed and injured unknown on one side or the same)."""
    town_r, town_c = e.town[rows], e.town[cols]
    out = (town_r >= 0)[:, None] & (town_r[:, None] == town_c[None, :])
    out &= e.violent[rows][:, None] & e.violent[cols][None, :]
    out &= (e.day[rows] >= 0)[:, None] & (e.day[cols] >= 0)[None, :] & (_gap(e, rows, cols) <= days)
    return out & ~_conflict(e.killed, rows, cols) & ~_conflict(e.injured, rows, cols)
