"""A follow-up told months later (a plea, a sentence, an indictment), clustered apart from its incident's
reports, joins the incident's event when its own report tells the same incident by what identifies it.

A later report's main event is dated by the day of the plea or the verdict and so founds an event of its own
at the incident's town; the same-town-within-a-day join (merge.group_mentions) cannot reach an incident weeks
before. A town alone does not identify an incident (a city has many); what does: a person both events' sentences name
as an actor, or the same toll of several. The join is made only to the one earlier event of the town that
shows it, and only from reports telling a court case's stage (a plea, a trial, a sentence), never from a report
telling its own incident's day (gva_incidents dev slice: all reports in one event 0.906 -> 0.912 (Bourbon
Street's verdict, a quadruple murder's pleas, a father's trial), killed 0.899 -> 0.900, injured 0.846 -> 0.847,
other events 0.181 -> 0.177, right event and B3 unchanged; multi-report part A merged 0.911 -> 0.915, part B
0.900 -> 0.909; dev-rest parts A and B unchanged). With nothing showing it, the one earlier event of the town
(join_sole_town_event: a town the corpus holds one incident of) takes it unless their tolls differ (slice
all merged 0.912 -> 0.918: a plea in Chubbuck, a sentence in Fort Wayne, an indictment in Killeen; other events
0.177 -> 0.173; multi-report part A 0.915 -> 0.922, part B 0.909 -> 0.913; the rest and dev-rest unchanged). A
joined follow-up's main event is dated as a follow-up (as_follow_up): dated by the indictment's day it had moved
the Killeen event off its day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsfuse.events.anchors import IN_ITS_PHRASE
from newsfuse.events.salience import FOLLOW_UP
from newsfuse.reconcile.borders import other_countries
from newsfuse.reconcile.dates import day_range, is_fallback
from newsfuse.reconcile.merge import compatible_type, in_order, is_generic, same_toll
from newsfuse.reconcile.places import km, same_place
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.nlp.names import GENERATIONAL
from newsfuse.records import DateValue, Document, Mention

# a court case's stages after a charge, as headlines tell them ("pleads guilty", "gets 16 years", "sentencing
# delayed", "jury finds", "indicted", "admits to")
COURT = re.compile(r"\b(?:plead(?:s|ed)?|pleas?|guilty|convict(?:s|ed|ion)?|sentenc(?:e|es|ed|ing)|trial|jury|jurors|"
                   r"verdict|indict(?:s|ed|ment)?|acquitt(?:ed|al)|admits?|gets \d+ years|years in prison|"
                   r"life in prison|testif(?:y|ies|ied))\b", re.IGNORECASE)
# words that end an institution's name, not a person's ("Detroit Police", "Wayne County Circuit Court"): one
# city's institutions are named in many of its incidents
INSTITUTION_WORDS = frozenset({
    "police", "department", "office", "court", "county", "sheriff", "city", "state", "school", "university",
    "college", "hospital", "center", "centre", "church", "club", "news", "inc", "company", "bureau", "agency",
    "service", "services", "prison", "jail", "district", "attorney", "states", "america", "gang",
})


def person_keys(group: Sequence[Mention]) -> set[str]:
    """The people a group's sentences name as actors, keyed by the first and last words of a full name
    (two or three words, a generational suffix dropped), as story clustering keys them."""
    out = set()
    for m in group:
        for role in m.actors:
            if is_generic(role.name):
                continue
            words = [w.strip(".,").lower() for w in role.name.split()]
            if words and words[-1] in GENERATIONAL:
                words = words[:-1]
            if not 2 <= len(words) <= 3 or INSTITUTION_WORDS & set(words) \
                    or not all(w[:1].isalpha() for w in words) or "(" in role.name:
                continue
            out.add(f"{words[0]} {words[-1]}")
    return out


def _first_last(mains: Sequence[Mention]) -> tuple[int, int] | None:
    spans = [r for m in mains if m.date is not None and (r := day_range(m.date)) is not None]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def same_town(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """Both placed at one gazetteer place, or at two towns closer than ``place_agree_km`` (a city's districts).
    A county or a state holding the other's town is not enough: the gazetteer's containment of a county is its
    state's, and a state holds many incidents."""
    if a.place is None or b.place is None:
        return False
    if same_place(a.place, b.place):
        return True
    return a.place.precision == "point" and b.place.precision == "point" and km(a.place, b.place) <= settings.place_agree_km


def fresh(m: Mention) -> bool:
    """A main event dated in its own phrase ("shot Sunday night", "the March 3 shooting" as the sentence's
    subject): its report tells its incident's own day, so a day weeks after another event's is another
    incident's, however alike their tolls."""
    return m.date is not None and IN_ITS_PHRASE in m.date.resolution


def tells_court(title: str | None) -> bool:
    """A headline telling a stage of a court case (a plea, a trial, a verdict, a sentence, an indictment): news
    weeks or months after its incident, unlike an arrest or a charge, told days after."""
    return bool(title) and COURT.search(title) is not None


def tells_same_incident(later: Sequence[Mention], earlier: Sequence[Mention]) -> bool:
    """The later event's sentences and the earlier one's show one incident: a person both name as an actor, or
    the same toll of several in their report mains. A victim's age alone does not: one city's children of one
    age are shot in many incidents (gva_incidents dev slice: the one age-only join was another incident)."""
    if person_keys(later) & person_keys(earlier):
        return True
    return any(same_toll(a, b) for a in later if a.report_main for b in earlier if b.report_main)


def later_follow_up_joins(
    groups: Sequence[Sequence[Mention]], story_of: Mapping[str, str | None], docs: Mapping[str, Document],
    follow_ups: frozenset[str], settings: ReconcileSettings,
) -> dict[int, int]:
    """Which group joins which: a group holding a follow-up report's main event, all of whose report mains are
    dated after every report main of one earlier group of another story (more than ``max_date_gap_days``,
    at most ``max_follow_up_days``), at the same town, of a compatible type, that tells the same incident
    (tells_same_incident), when exactly one earlier group qualifies; with none, the only earlier group of the town
    whose tolls do not differ (``join_sole_town_event``). Returns {later group: earlier group}."""
    mains = [[m for m in g if m.report_main] for g in groups]
    ranges = [_first_last(ms) for ms in mains]
    by_cell: dict[tuple, list[int]] = {}  # the groups with a report main at a place, by its cell
    for j, es in enumerate(mains):
        for key in dict.fromkeys(c for m in es for c in _cells(m)):
            by_cell.setdefault(key, []).append(j)
    out: dict[int, int] = {}
    for k, ms in enumerate(mains):
        reports = list(dict.fromkeys(m.document for m in ms))
        titles = [(docs[d].title if d in docs else None) for d in reports]
        if ranges[k] is None or any(fresh(m) for m in ms) or not any(tells_court(t) for t in titles) \
                or not all(d in follow_ups or tells_court(t) for d, t in zip(reports, titles, strict=True)):
            continue
        stories = {story_of.get(m.document) for m in ms}
        found, towned = [], []
        for j in sorted({j for m in ms for key in _cells(m, around=True) for j in by_cell.get(key, ())}):
            es = mains[j]
            if j == k or ranges[j] is None or stories & {story_of.get(m.document) for m in es}:
                continue
            gap = ranges[k][0] - ranges[j][1]
            if not settings.max_date_gap_days < gap <= settings.max_follow_up_days:
                continue
            if not any(same_town(a, b, settings) and compatible_type(a, b) for a in ms for b in es):
                continue
            if settings.other_countries_apart and any(other_countries(a, b, settings.cache_dir)
                                                      for a in ms for b in es):
                continue
            towned.append(j)
            if tells_same_incident(groups[k], groups[j]):
                found.append(j)
        if len(found) == 1:
            out[k] = found[0]
        elif not found and settings.join_sole_town_event and len(towned) == 1 \
                and not other_toll(ms, mains[towned[0]]):
            out[k] = towned[0]
    return out


# a town's cell: a fifth of a degree (22 km of latitude), so two towns within place_agree_km lie in neighbouring cells
_CELLS_PER_DEGREE = 5


def _cells(m: Mention, around: bool = False) -> list[tuple]:
    """Where a main event is, to find the events at its town: its place's name (one gazetteer place read at two
    precisions) and, for a town, its grid cell (with ``around``, the eight cells around it too)."""
    if m.place is None:
        return []
    keys: list[tuple] = [("name", m.place.name.lower(), m.place.country)]
    if m.place.precision == "point":
        y, x = round(m.place.lat * _CELLS_PER_DEGREE), round(m.place.lon * _CELLS_PER_DEGREE)
        steps = (-1, 0, 1) if around else (0,)
        keys += [("cell", y + dy, x + dx) for dy in steps for dx in steps]
    return keys


def other_toll(later: Sequence[Mention], earlier: Sequence[Mention]) -> bool:
    """Some report main of each gives a toll of one kind (killed, injured), and they differ."""
    for kind in ("fatalities", "injured"):
        for a in later:
            for b in earlier:
                fa, fb = getattr(a, kind), getattr(b, kind)
                if fa is not None and fb is not None and (fa.low, fa.high) != (fb.low, fb.high):
                    return True
    return False


def as_follow_up(m: Mention, doc: Document | None) -> Mention:
    """A joined follow-up's main event dated as a follow-up's (events.salience.follow_up_date): its report's
    publication bounds its incident's day from above, and the day it tells (the indictment's, the verdict's) is
    not the incident's, so the earlier reports date the event."""
    if not m.report_main or doc is None or doc.published is None or (m.date is not None and is_fallback(m.date)):
        return m
    return replace(m, date=DateValue(doc.published.date[:10], "week", f"published date; {FOLLOW_UP}"))


def join_later_follow_ups(
    groups: list[list[Mention]], story_of: Mapping[str, str | None], order: Mapping[str, int],
    docs: Mapping[str, Document], follow_ups: frozenset[str], settings: ReconcileSettings,
) -> list[list[Mention]]:
    """The groups with each later follow-up's group joined to its earlier incident's (later_follow_up_joins),
    each joined group ordered earliest document first (``order`` ranks documents by publication); a chain
    (a sentence joined to a plea joined to the shooting) ends at the earliest."""
    joins = later_follow_up_joins(groups, story_of, docs, follow_ups, settings)
    if not joins:
        return groups

    def root(k: int) -> int:
        seen = set()
        while k in joins and k not in seen:
            seen.add(k)
            k = joins[k]
        return k

    merged: dict[int, list[Mention]] = {}
    for k, g in enumerate(groups):
        merged.setdefault(root(k), []).extend(
            g if k not in joins else [as_follow_up(m, docs.get(m.document)) for m in g])

    key = in_order(order)
    return [sorted(merged[k], key=key) if k in joins.values() else merged[k] for k in sorted(merged)]
