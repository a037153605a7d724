"""Reconciled values of one event and the contradictions between independent reports.

Every vote is per origin group: a copy repeating a figure or a date adds no
weight, and disagreement only counts as a contradiction when it is between
groups (independent sources). Reports inside a group are still listed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date, timedelta

from newsfuse.events.county import COUNTY, outside_counties
from newsfuse.events.salience import NO_DAY_TOLD, SOON_AFTER
from newsfuse.records import Contradiction, DateValue, Fatalities, Figure, Mention, Place, ValueReport
from newsfuse.reconcile.dates import PRECISION_RANK as DATE_RANK
from newsfuse.reconcile.dates import day_range, gap_days, is_fallback
from newsfuse.reconcile.places import PRECISION_RANK as PLACE_RANK
from newsfuse.reconcile.places import contains, km, place_label, same_place
from newsfuse.reconcile.settings import ReconcileSettings

GroupOf = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Reconciled:
    type: str
    sub_type: str
    date: DateValue | None
    place: Place | None
    actors: tuple[str, ...]
    fatalities: Fatalities
    contradictions: tuple[Contradiction, ...]
    injured: Fatalities = Fatalities(None, None, None)


def reconcile_values(group: Sequence[Mention], group_of: GroupOf, settings: ReconcileSettings,
                     evidence: Sequence[Mention] = (), published: Callable[[str], str] | None = None) -> Reconciled:
    """``group`` is one event's mentions, earliest document first; ``evidence`` adds the sentences
    attached to them, which only break ties between equally supported places; ``published`` gives
    a document's publication day, so a later report raising a toll is an update, not a contradiction."""
    when = published or (lambda d: "")
    etype = _vote([(m.type, m) for m in group], group_of)
    sub_type = _vote([(m.sub_type, m) for m in group if m.type == etype and m.sub_type], group_of) or ""
    contradictions = tuple(
        c for c in (
            fatality_contradiction(group, group_of, settings, when),
            date_contradiction(group, group_of),
            place_contradiction(group, group_of, settings),
        ) if c is not None
    )
    killed = fatalities(group, group_of, killed_of, when)
    return Reconciled(
        type=etype, sub_type=sub_type, date=best_date(group, group_of, settings.first_day_lead_days,
                                                    settings.soon_after_days, settings.no_day_told_days),
        place=best_place(group, group_of, evidence),
        actors=actor_union(group), fatalities=killed, contradictions=contradictions,
        injured=fatalities(group, group_of, injured_less_later_deaths(group, killed, when), when),
    )


def _vote(items: Sequence[tuple[str, Mention]], group_of: GroupOf) -> str | None:
    """Weighted vote: each origin group gives each value it reports its best confidence; ties -> first seen."""
    weight: dict[str, dict[str, float]] = {}
    for value, m in items:
        per_group = weight.setdefault(value, {})
        g = group_of(m.document)
        per_group[g] = max(per_group.get(g, 0.0), m.confidence)
    if not weight:
        return None
    order = list(weight)
    return max(order, key=lambda v: (sum(weight[v].values()), -order.index(v)))


# ---------------------------------------------------------------- dates


def best_date(group: Sequence[Mention], group_of: GroupOf, first_lead_days: int | None = None,
              soon_after_days: int = 1, no_day_told_days: int = 1) -> DateValue | None:
    """The date most independent groups support; precision-aware. But the earliest day a report gives
    its main event wins when it is more than ``first_lead_days`` before that (see ``first_main_day``).

    A group supports a date when its own date means that day or a range holding
    it ("June 2014" supports "2014-06-20"), so among equally supported dates
    the most precise wins, and a publication-date fallback only when nothing else is known.
    """
    dated = [m for m in group if m.date is not None and day_range(m.date) is not None]
    if not dated:
        return None
    real = [m for m in dated if not is_fallback(m.date)]
    if not real and (told := report_day(dated, soon_after_days, no_day_told_days)) is not None:
        return told
    supported = _most_supported(real or dated, group_of)
    first = first_main_day(real, group_of) if first_lead_days is not None else None
    if first is not None and day_range(supported)[0] - day_range(first)[0] > first_lead_days:
        return first
    return supported


def _most_supported(pool: Sequence[Mention], group_of: GroupOf) -> DateValue:
    candidates = list(dict.fromkeys((m.date for m in pool)))

    def support(c: DateValue) -> int:
        lo, hi = day_range(c)
        return len({group_of(m.document) for m in pool
                    if day_range(m.date)[0] <= lo and hi <= day_range(m.date)[1]})

    return max(candidates, key=lambda c: (support(c), DATE_RANK.get(c.precision, 0), -candidates.index(c)))


def first_main_day(real: Sequence[Mention], group_of: GroupOf) -> DateValue | None:
    """The earliest of the days the independent reports give their main event, each its first told:
    the incident comes before what later reports tell of it (the death, the arrest, the trial), whose
    own days their leads give as readily as the incident's, so a run of follow-ups outvotes the first
    report's day. A few days apart, the most supported day is rather a reading of the same one."""
    firsts: dict[str, DateValue] = {}
    for m in sorted(real, key=lambda m: m.span[0]):
        if m.report_main and m.date is not None and m.date.precision == "day":
            firsts.setdefault(group_of(m.document), m.date)
    return min(firsts.values(), key=lambda c: day_range(c)[0], default=None)


def report_day(dated: Sequence[Mention], soon_after_days: int = 1, no_day_told_days: int = 1) -> DateValue | None:
    """No report tells the event's day: ``no_day_told_days`` before the first day one that tells no follow-up
    was published, at day precision, saying so (events.salience marks them). Most local reports come out the
    day of the incident or the next, some two days after, none before: the day before the first report is the
    middle of the days it can be, so an analyst gets a day to check, within a day, rather than a week."""
    # else only follow-ups: one telling an arrest or a charge (no court process) comes out a day or two after
    # the incident, so ``soon_after_days`` before its publication is the event's day within a day
    return _before_first(dated, NO_DAY_TOLD, no_day_told_days) or _before_first(dated, SOON_AFTER, soon_after_days)


def _before_first(dated: Sequence[Mention], mark: str, days: int) -> DateValue | None:
    """``days`` before the first publication of the mentions whose date resolution carries ``mark``."""
    firsts = sorted(Date.fromisoformat(m.date.date[:10]) for m in dated if mark in m.date.resolution)
    if not firsts:
        return None
    told = {0: "the first report's day", 1: "the day before the first report"}.get(
        days, f"{days} days before the first report")
    return DateValue((firsts[0] - timedelta(days=days)).isoformat(), "day", f"published date; {mark}: {told}")


def date_contradiction(group: Sequence[Mention], group_of: GroupOf) -> Contradiction | None:
    """Independent groups giving dates that cannot be the same day (ranges that do not overlap)."""
    dated = [m for m in group if m.date is not None and not is_fallback(m.date) and day_range(m.date)]
    if not _groups_disagree(dated, group_of, lambda a, b: gap_days(a.date, b.date) not in (0, None)):
        return None
    return Contradiction("date", _reports([(m.date.date, m.document) for m in dated]))


# ---------------------------------------------------------------- places


def best_place(group: Sequence[Mention], group_of: GroupOf, evidence: Sequence[Mention] = ()) -> Place | None:
    """The most precise place, and among those the one most independent groups support."""
    placed = [m for m in group if m.place is not None]
    if not placed:
        return None
    candidates: list[Place] = []
    for m in placed:
        if not any(same_place(m.place, c) for c in candidates):
            candidates.append(m.place)

    def support(c: Place) -> int:
        return len({group_of(m.document) for m in placed if same_place(m.place, c) or contains(m.place, c)})

    def named(c: Place) -> int:  # every sentence of the event naming it, attached ones included
        return sum(1 for m in evidence or placed if m.place is not None and same_place(m.place, c))

    def around(c: Place) -> int:  # every sentence of the event placed in its state or province
        return sum(1 for m in evidence or placed if m.place is not None and _same_area(m.place, c))

    def in_county(c: Place) -> int:  # every sentence of the event placed in its county: a tie's finer vote
        return 0 if c.admin2 is None else sum(
            1 for m in evidence or placed if m.place is not None and m.place.admin2 == c.admin2)

    counties = [c for c in candidates if c.feature == COUNTY]

    # a town far outside every county the event's reports name is the victim's home town, the hospital's
    # or a namesake: the county (or a town in it) first (gva_incidents dev, right event 0.869 -> 0.873)
    def in_its_county(c: Place) -> bool:
        return not outside_counties(c, counties) and not outvoted(c)

    def county_groups(c: Place) -> int:  # independent groups with any sentence placed in its county
        return len({group_of(m.document) for m in (evidence or placed) if m.place is not None and (
            same_place(m.place, c) or (c.admin2 is not None and m.place.admin2 == c.admin2))})

    # a town of another county than one the event names, where more independent reports place some
    # sentence of theirs: a town the story mentions (a former employer, an arrest), not the scene
    def outvoted(c: Place) -> bool:
        return c.feature != COUNTY and c.admin2 is not None and any(
            k.admin2 != c.admin2 and county_groups(k) > county_groups(c) for k in counties)

    # among equally supported places, the one the event's other sentences agree with ("Lincoln" read
    # as Nebraska beside sentences in New York): gva_incidents dev, right event 0.669 -> 0.685; still
    # tied, the one in the county they agree with, before the first named (dev right event 0.910 -> 0.913)
    return max(candidates, key=lambda c: (in_its_county(c), PLACE_RANK.get(c.precision, 0), support(c), around(c),
                                          named(c), in_county(c), -candidates.index(c)))


def _same_area(a: Place, b: Place) -> bool:
    """Both in one admin-1 area (state, province) of one country."""
    return a.country == b.country and a.admin1 is not None and a.admin1 == b.admin1


def place_contradiction(group: Sequence[Mention], group_of: GroupOf, settings: ReconcileSettings) -> Contradiction | None:
    """Independent groups naming different points more than ``place_agree_km`` apart.

    A country or region that holds the point is not a contradiction, only less precise.
    """
    points = [m for m in group if m.place is not None and m.place.precision == "point"]

    def differ(a: Mention, b: Mention) -> bool:
        return not same_place(a.place, b.place) and km(a.place, b.place) > settings.place_agree_km

    if not _groups_disagree(points, group_of, differ):
        return None
    return Contradiction("place", _reports([(place_label(m.place), m.document) for m in points]))


# ---------------------------------------------------------------- actors


def actor_union(group: Sequence[Mention]) -> tuple[str, ...]:
    """Every canonical actor name, the most reported first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in group:
        for role in m.actors:
            counts[role.name] += 1
            first.setdefault(role.name, len(first))
    return tuple(sorted(counts, key=lambda n: (-counts[n], first[n])))


# ---------------------------------------------------------------- fatalities


def figure_label(f: Figure) -> int | str:
    """The figure as reported: a plain number when exact, else its words ("at least 50")."""
    if f.qualifier == "exact":
        return f.low if f.high is None or f.high == f.low else f"{f.low}-{f.high}"
    if f.qualifier == "at_least":
        return f"at least {f.low}"
    if f.qualifier == "at_most":
        return f"at most {f.high if f.high is not None else f.low}"
    return f"about {f.best}"


def interval(f: Figure, settings: ReconcileSettings) -> tuple[float, float]:
    """Every number the figure allows: "at least 50" is [50, inf), "about 20" is 20 +/- margin."""
    high = f.high if f.high is not None else f.low
    if f.qualifier == "at_least":
        return float(f.low), math.inf
    if f.qualifier == "at_most":
        return 0.0, float(high)
    if f.qualifier == "approximate":
        return f.low * (1 - settings.approximate_margin), high * (1 + settings.approximate_margin)
    return float(f.low), float(high)


FigureOf = Callable[[Mention], Figure | None]


def killed_of(m: Mention) -> Figure | None:
    return m.fatalities


def injured_of(m: Mention) -> Figure | None:
    return m.injured


def injured_less_later_deaths(group: Sequence[Mention], killed: Fatalities, published: Callable[[str], str]) -> FigureOf:
    """The injured figure of each mention, less the wounded a later report says died.

    "Teen critically injured" on Monday and "Teen shot near campus dies" on Thursday are one victim,
    killed: a report published before the first one giving the event's toll, whose wounded are no more
    than the deaths it does not yet count (the toll less its own killed figure), had them all die; so
    did one of a later day that tells no death at all: a page's date may be a later crawl's (gva_incidents
    dev, injured right 0.817 -> 0.825)."""
    final = killed.best
    if not final:
        return injured_of
    dead: dict[str, int] = {}
    for m in group:
        dead[m.document] = max(dead.get(m.document, 0), m.fatalities.best if m.fatalities is not None else 0)
    told = [published(d) for d, k in dead.items() if k >= final and published(d)]
    if not told:
        return injured_of
    first_told = min(told)

    def figure(m: Mention) -> Figure | None:
        f = m.injured
        day = published(m.document)
        died = final - dead.get(m.document, 0)
        # a report that tells no death was written before the death was known, whatever its date says
        later = (day > first_told and dead.get(m.document, 0) > 0) or (day == first_told and m.fatalities is not None)
        if f is None or died <= 0 or not day or later or f.low > died:
            return f
        return Figure("injured", 0, 0, f.qualifier, f.text, f.span)

    return figure


def _group_figures(group: Sequence[Mention], group_of: GroupOf, figure: FigureOf = killed_of) -> dict[str, Figure]:
    """One figure per origin group: the one most of its documents report (ties: the larger)."""
    by_group: dict[str, Counter] = {}
    figure_of: dict[tuple, Figure] = {}
    for m in group:
        f = figure(m)
        if f is None:
            continue
        key = (f.low, f.high, f.qualifier)
        figure_of.setdefault(key, f)
        by_group.setdefault(group_of(m.document), Counter())[key] += 1
    return {
        g: figure_of[max(c, key=lambda k: (c[k], figure_of[k].best))] for g, c in by_group.items()
    }


def fatalities(group: Sequence[Mention], group_of: GroupOf, figure: FigureOf = killed_of,
               published: Callable[[str], str] | None = None) -> Fatalities:
    """low/best/high over independent groups (a copy adds no weight); reports = every (value, document).

    ``figure`` picks which figure of a mention is reconciled: killed (default) or injured. When the
    reports of a later day only raise the toll ("died later in hospital"), the latest day's figure is
    the toll and the earlier ones are its history (low..high still spans them)."""
    reports = tuple(dict.fromkeys((figure(m).best, m.document) for m in group if figure(m) is not None))
    counted = [m for m in group if figure(m) is not None]
    if published is not None and _raised_over_time(counted, figure, published):
        last = max(published(m.document) for m in counted)
        group = [m for m in counted if published(m.document) == last]
        whole = list(_group_figures(counted, group_of, figure).values())
        latest = sorted(f.best for f in _group_figures(group, group_of, figure).values())
        return Fatalities(low=min(f.low for f in whole), best=latest[(len(latest) - 1) // 2],
                          high=max(f.high if f.high is not None else f.low for f in whole), reports=reports)
    per_group = list(_group_figures(group, group_of, figure).values())
    if not per_group:
        return Fatalities(None, None, None, reports)
    bests = sorted(f.best for f in per_group)
    highs = [f.high if f.high is not None else f.low for f in per_group]
    return Fatalities(
        low=min(f.low for f in per_group),
        best=bests[(len(bests) - 1) // 2],  # lower median: with two sources, the more cautious figure
        high=max(highs),
        reports=reports,
    )


def _raised_over_time(counted: Sequence[Mention], figure: FigureOf, published: Callable[[str], str]) -> bool:
    """Do the figures differ only by later days giving more (a toll rising as the wounded die)?"""
    days = sorted({published(m.document) for m in counted if published(m.document)})
    if len(days) < 2 or len({figure(m).best for m in counted}) < 2:
        return False
    by_day = {d: [figure(m).best for m in counted if published(m.document) == d] for d in days}
    if any(len(set(v)) > 1 for v in by_day.values()):
        return False  # reports of the same day disagree: a contradiction, not an update
    values = [by_day[d][0] for d in days]
    return all(a <= b for a, b in zip(values, values[1:], strict=False))


def fatality_contradiction(group: Sequence[Mention], group_of: GroupOf, settings: ReconcileSettings,
                           published: Callable[[str], str] | None = None) -> Contradiction | None:
    """Independent groups whose figures cannot both be true (15 vs 17), reported on the same day.

    Compatible figures are not contradictions: "at least 50" and 60 can both be
    true, so can "about 20" and 22; only intervals that do not overlap count. A report of a
    later day that gives a higher toll updates the earlier one (``published``), it does not
    contradict it.
    """
    counted = [m for m in group if m.fatalities is not None]
    when = published or (lambda d: "")

    def clash(a: Mention, b: Mention) -> bool:
        (alo, ahi), (blo, bhi) = interval(a.fatalities, settings), interval(b.fatalities, settings)
        if not (ahi < blo or bhi < alo):
            return False
        da, db = when(a.document), when(b.document)
        if da and db and da != db:  # the later report's figure is higher: an update
            earlier, later = (a, b) if da < db else (b, a)
            return interval(later.fatalities, settings)[0] < interval(earlier.fatalities, settings)[0]
        return True

    if not _groups_disagree(counted, group_of, clash):
        return None
    return Contradiction("fatalities", _reports([(figure_label(m.fatalities), m.document) for m in counted]))


# ---------------------------------------------------------------- shared


def _groups_disagree(ms: Sequence[Mention], group_of: GroupOf, differ: Callable[[Mention, Mention], bool]) -> bool:
    """True when two mentions from different origin groups differ (within one group it is a copy's slip)."""
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            if group_of(a.document) != group_of(b.document) and differ(a, b):
                return True
    return False


def _reports(pairs: Sequence[tuple[object, str]]) -> tuple[ValueReport, ...]:
    """Every value with ALL the documents that report it, in order of first report."""
    docs: dict[object, list[str]] = {}
    for value, doc in pairs:
        bucket = docs.setdefault(value, [])
        if doc not in bucket:
            bucket.append(doc)
    return tuple(ValueReport(v, tuple(ds)) for v, ds in docs.items())
