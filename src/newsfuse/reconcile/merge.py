"""Which mentions report the same event.

Greedy complete-link merging: a mention joins the event all of whose mentions
it is compatible with (and the best-matching such event), else starts one.
Compatibility is a conjunction of named checks so a wrong merge can be traced
to the check that let it through.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date as Date

from newsfuse.events.anchors import IN_ITS_PHRASE
from newsfuse.events.incident_day import GIVES_ITS_DAY
from newsfuse.events.salience import NO_DAY_TOLD
from newsfuse.events.taxonomy import VIOLENT_TYPES
from newsfuse.records import Mention, Place, names_one_town
from newsfuse.reconcile.borders import far_states, other_countries
from newsfuse.reconcile.dates import day_range, gap_days, is_background, is_fallback, is_follow_up
from newsfuse.reconcile.places import big_city, contains, km, same_place
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.victims import other_victims

# ACLED sub-event types a reporter can legitimately use for the same event:
# a takeover is fought, so "Armed clash" and the territory sub-types go together;
# an IED and a suicide bomb are often told apart only later.
COMPATIBLE_SUB_TYPES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in [
        ("Armed clash", "Non-state actor overtakes territory"),
        ("Armed clash", "Government regains territory"),
        # a shooting is told as an attack on its victims or as an exchange of fire
        ("Armed clash", "Attack"),
        ("Remote explosive/landmine/IED", "Suicide bomb"),
        ("Shelling/artillery/missile attack", "Air/drone strike"),
        ("Peaceful protest", "Protest with intervention"),
        ("Protest with intervention", "Excessive force against protesters"),
        ("Violent demonstration", "Mob violence"),
    ]
)
ARREST = "Arrests"
# a sentence telling several shootings ("Six people were wounded in shootings Sunday"): a day's or a
# weekend's roundup, whose own day is that of its span, not of a night told from either side of midnight
SEVERAL_SHOOTINGS = re.compile(r"\bshootings\b", re.I)
# a day read against the report's own publication ("relative weekday to published ...", "same day as published")
# in the event's own phrase ("was shot Sunday night", not "police named the victim Sunday"), and nothing else
# appended (a neighbour's, the lead's or a later sentence's day)
RELATIVE_TO_PUBLICATION = re.compile(r"^(?:relative (?:weekday|day) to|same day as) published \d{4}-\d{2}-\d{2}; "
                                     + re.escape(IN_ITS_PHRASE) + "$")
# A change of territorial control is one real-world event whether a report
# calls it a fight (Battles) or a hand-over (Strategic developments).
TERRITORY_SUB_TYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}
)
# actor names that say nothing about who it was (ACLED's "Unidentified Armed
# Group (Iraq)", "Civilians (Iraq)" ...): they never veto a merge
GENERIC_ACTORS = frozenset({"unknown", "gunmen", "militants", "insurgents", "attackers"})
GENERIC_PREFIXES = ("unidentified", "civilians", "protesters", "rioters")
# a description read from the words ("Islamist fighters", "armed men") names nobody either
GENERIC_HEADS = frozenset({"fighters", "militants", "gunmen", "insurgents", "attackers", "assailants",
                           "jihadists", "islamists", "terrorists", "extremists", "men", "group", "groups"})


def compatible_type(a: Mention, b: Mention) -> bool:
    """Same ACLED event type, and the same or a compatible (or unknown) sub-type."""
    if a.sub_type in TERRITORY_SUB_TYPES and b.sub_type in TERRITORY_SUB_TYPES:
        return True
    if frozenset((a.sub_type, b.sub_type)) in COMPATIBLE_SUB_TYPES:
        return True
    if a.type != b.type:
        return False
    return not a.sub_type or not b.sub_type or a.sub_type == b.sub_type


def compatible_place(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """Same gazetteer entry, within ``max_place_km``, one containing the other, or one unknown."""
    if a.place is None or b.place is None:
        return True
    if same_place(a.place, b.place) or contains(a.place, b.place) or contains(b.place, a.place):
        return True
    if a.place.precision == "point" and b.place.precision == "point":
        return km(a.place, b.place) <= settings.max_place_km
    return False


def compatible_date(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """Dates within ``max_date_gap_days`` (or one unknown).

    A publication date standing in for the event date only bounds it from
    above, so it agrees with any event date up to ``max_report_lag_days`` before
    (``max_follow_up_days`` for a follow-up: an arrest or a trial tells of an older incident).
    """
    if a.date is None or b.date is None:
        return True
    gap = gap_days(a.date, b.date)
    if gap is None:
        return True
    if gap <= settings.max_date_gap_days:
        return True
    if is_fallback(a.date) != is_fallback(b.date):
        fallback, event = (a.date, b.date) if is_fallback(a.date) else (b.date, a.date)
        lag = settings.max_follow_up_days if is_follow_up(fallback) else settings.max_report_lag_days
        return event.date <= fallback.date and gap <= lag
    later = a.date if a.date.date >= b.date.date else b.date
    return is_follow_up(later) and gap <= settings.max_follow_up_days  # both publication dates: a follow-up


def is_generic(name: str) -> bool:
    low = name.lower()
    words = low.split()
    return low in GENERIC_ACTORS or low.startswith(GENERIC_PREFIXES) or bool(words and words[-1] in GENERIC_HEADS)


def named_actors(m: Mention) -> set[str]:
    return {r.name.lower() for r in m.actors if not is_generic(r.name)}


def named_roles(m: Mention) -> set[str]:
    return {r.role for r in m.actors if not is_generic(r.name)}


def compatible_actors(a: Mention, b: Mention) -> bool:
    """Overlapping named actors, or one side names none, or they name different sides.

    "JNIM seized the town" and "15 soldiers of the army were killed" name the
    attacker and the victim of one attack: different roles are no disagreement,
    only two different names on the same side are.
    """
    na, nb = named_actors(a), named_actors(b)
    if not na or not nb or na & nb:
        return True
    # roles mean different things across sub-types (the side giving up ground is actor1 of
    # a "Non-violent transfer", the side taking it actor1 of a takeover): compare like with like
    return a.sub_type != b.sub_type or not (named_roles(a) & named_roles(b))


def exact_place_and_day(a: Mention, b: Mention) -> bool:
    """Same gazetteer place on the same day: strong enough to outvote naming differences of actors."""
    return (
        a.place is not None and b.place is not None and same_place(a.place, b.place)
        and a.date is not None and b.date is not None and not is_fallback(a.date) and not is_fallback(b.date)
        and a.date.precision == "day" and b.date.precision == "day" and a.date.date[:10] == b.date.date[:10]
    )


def same_event(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """The named checks, all of which must pass (the story is checked by the caller)."""
    return (
        not told_apart(a, b, settings)
        and compatible_type(a, b)
        and compatible_place(a, b, settings)
        and compatible_date(a, b, settings)
        and (compatible_actors(a, b) or exact_place_and_day(a, b))
    )


def same_report_event(a: Mention, b: Mention, settings: ReconcileSettings,
                      follow_ups: frozenset[str] = frozenset()) -> bool:
    """The main events of two reports of one story (the caller checks the story), of violent (or
    compatible) types and compatible dates (or an arrest after a violent incident): one incident
    even when the reports place it differently ("Gary" and a suspect's home town), since each
    report's main event is what the story is about.

    Their dates may differ by up to ``max_report_gap_days`` (a later report dates its main event by
    what it adds: the victim named, a suspect sought), and by up to ``max_follow_up_days`` when the
    later report is a follow-up (``follow_ups``: its headline or main sentence tells an arrest, a
    charge, a court hearing, a funeral): such a report is about the story's incident, not a new one.
    Events in two countries are two (borders.py), unless one is an arrest (a suspect caught abroad).
    """
    if not (a.report_main and b.report_main and a.document != b.document) or told_apart(a, b, settings):
        return False
    if any(_arrest_after(x, y) and not _fresh_arrest(x, y, settings) for x, y in ((a, b), (b, a))):
        return True
    if _follow_up_after_arrest(a, b, settings, follow_ups) or _follow_up_after_arrest(b, a, settings, follow_ups):
        return True
    # any two violent types: reporters tell one shooting as an attack, an exchange of fire, a riot
    # (gva_incidents dev, all merged 0.725 -> 0.739, right event unchanged)
    if not (a.type in VIOLENT_TYPES and (b.type in VIOLENT_TYPES or compatible_type(a, b))):
        return False
    if fresh_incident_after(a, b, settings, follow_ups):
        return False
    if settings.other_victims_apart and other_victims(a, b):
        return False
    if settings.other_countries_apart and other_countries(a, b, settings.cache_dir):
        return False
    if a.document not in follow_ups and b.document not in follow_ups \
            and not same_toll(a, b, at_least=3, low_only=True) \
            and far_states(a, b, settings.far_states_apart_km, settings.cache_dir):
        return False
    if compatible_date(a, b, settings) or a.date is None or b.date is None:
        return True
    gap = gap_days(a.date, b.date)
    if gap is None or gap <= settings.max_report_gap_days:
        return True
    later = a if a.date.date >= b.date.date else b
    return later.document in follow_ups and gap <= settings.max_follow_up_days


def fresh_incident_after(a: Mention, b: Mention, settings: ReconcileSettings,
                         follow_ups: frozenset[str] = frozenset()) -> bool:
    """The later of two reports' main events is fresh news of another incident: dated in its own text by a
    word read against its own publication ("Sunday night", "yesterday": the days just before it), more
    than ``fresh_gap_days`` after the earlier one's own day (or by a date it tells as its incident's, at most
    ``fresh_date_lag_days`` before its publication), and its report tells no follow-up (arrest,
    charge, funeral). A later report of the same incident dates its main event so only by what it adds,
    and then mostly says what that is."""
    if a.date is None or b.date is None or is_fallback(a.date) or is_fallback(b.date) \
            or a.date.precision != "day" or b.date.precision != "day":
        return False
    later = a if a.date.date >= b.date.date else b
    gap = gap_days(a.date, b.date)
    fresh = RELATIVE_TO_PUBLICATION.search(later.date.resolution) is not None \
        or _dated_days_before(later, settings.fresh_date_lag_days)
    return gap is not None and gap > settings.fresh_gap_days and later.document not in follow_ups and fresh \
        and not same_toll(a, b)


_PUBLISHED_ON = re.compile(r"\bpublished (\d{4}-\d{2}-\d{2})")


def _dated_days_before(m: Mention, days: int) -> bool:
    """A main event dated by a date its text tells as its incident's ("on March 5" in its own phrase, or the day
    the report gives its incident), at most ``days`` before its report's publication: fresh news, as a weekday
    read against the publication is."""
    if m.date is None or not m.date.resolution.startswith("absolute") or m.date.precision != "day" \
            or not (IN_ITS_PHRASE in m.date.resolution or GIVES_ITS_DAY in m.date.resolution) \
            or (found := _PUBLISHED_ON.search(m.date.resolution)) is None:
        return False
    try:
        lag = (Date.fromisoformat(found.group(1)) - Date.fromisoformat(m.date.date[:10])).days
    except ValueError:
        return False
    return 0 <= lag <= days


def told_apart(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """Two reports' main violent events, each dated in its own phrase by a word read against its own
    publication ("shot Friday night", "killed Monday"), more than ``told_apart_days`` apart: each report
    tells its incident's day itself, so two days told apart are two incidents (two shootings of one
    neighbourhood's story, a week's roundup and one of its nights), whichever report is a follow-up. A day
    apart is one night told from either side of midnight; the same toll of three or more is one incident whose
    later report dates it by what it adds (two wounded, the commonest toll of a city's shootings, is no sign:
    gva dev-rest part B1 right event 0.838 -> 0.845, the dev slice and part A unchanged). An arrest's day is
    not its incident's. A roundup of several shootings is dated by its own span: a day apart from it
    (``several_shootings_apart_days``) is another incident. At a big city only the later need be so dated
    (``_fresh_in_one_big_city``)."""
    if not (a.report_main and b.report_main and a.document != b.document) or ARREST in (a.sub_type, b.sub_type) \
            or a.type not in VIOLENT_TYPES or b.type not in VIOLENT_TYPES:
        return False
    if a.date is None or b.date is None or a.date.precision != "day" or b.date.precision != "day":
        return False
    gap = gap_days(a.date, b.date)
    if RELATIVE_TO_PUBLICATION.search(a.date.resolution) is None \
            or RELATIVE_TO_PUBLICATION.search(b.date.resolution) is None:
        return gap is not None and gap > settings.told_apart_days and _fresh_in_one_big_city(a, b, settings)
    several = SEVERAL_SHOOTINGS.search(a.sentence) or SEVERAL_SHOOTINGS.search(b.sentence)
    limit = settings.several_shootings_apart_days if several else settings.told_apart_days
    return gap is not None and gap > limit and not same_toll(a, b, at_least=3)


def _fresh_in_one_big_city(a: Mention, b: Mention, settings: ReconcileSettings) -> bool:
    """The later of two main events dated in its own phrase against its publication ("shot Saturday evening"),
    the earlier by a day its own text tells, both at one city of ``big_city_population`` or more, no toll of
    three or more told alike: such a city has shootings most days, so fresh news there days after another
    report's day is another incident, not the earlier one told again."""
    later, earlier = (a, b) if a.date.date >= b.date.date else (b, a)
    if settings.big_city_population is None or a.place is None or b.place is None \
            or a.place.precision != "point" or not same_place(a.place, b.place) or is_fallback(earlier.date) \
            or RELATIVE_TO_PUBLICATION.search(later.date.resolution) is None or same_toll(a, b, at_least=3):
        return False
    return big_city(a.place, settings.big_city_population, settings.cache_dir)


def same_toll(a: Mention, b: Mention, at_least: int = 2, low_only: bool = False) -> bool:
    """Both tell the same toll of ``at_least`` victims or more (killed, or wounded): two incidents of a story
    rarely repeat one, while a later report of a mass shooting dates it by what it adds. ``low_only``: one
    lower bound is enough ("at least 13 dead" and "13 killed")."""
    for kind in ("fatalities", "injured"):
        fa, fb = getattr(a, kind), getattr(b, kind)
        if fa is not None and fb is not None and fa.low >= at_least and (
                fa.low == fb.low if low_only else (fa.low, fa.high) == (fb.low, fb.high)):
            return True
    return False


def _arrest_after(arrest: Mention, incident: Mention) -> bool:
    """A report whose main event is an arrest, in the story of a violent incident and not before it,
    tells the incident's follow-up: it attaches to the incident (gva_incidents dev: +2 incidents merged)."""
    return arrest.sub_type == ARREST and incident.type in VIOLENT_TYPES and (
        arrest.date is None or incident.date is None or arrest.date.date >= incident.date.date)


def _fresh_arrest(arrest: Mention, incident: Mention, settings: ReconcileSettings) -> bool:
    """An arrest whose report dates its own incident by a word read against its publication ("was arrested after he
    injured himself and a juvenile Saturday night"), more than ``fresh_gap_days`` after the other incident's own day:
    the arrest of a fresh incident, not the follow-up of that one (a Virginia Beach arrest had joined a shooting
    there 70 days before)."""
    if arrest.date is None or incident.date is None or is_fallback(incident.date) \
            or RELATIVE_TO_PUBLICATION.search(arrest.date.resolution) is None:
        return False
    gap = gap_days(arrest.date, incident.date)
    return gap is not None and gap > settings.fresh_gap_days


def _follow_up_after_arrest(arrest: Mention, later: Mention, settings: ReconcileSettings,
                            follow_ups: frozenset[str]) -> bool:
    """A follow-up report (a charge, a trial, a verdict) of the story, dated after its arrest report and
    telling the incident again as its main event, is the same incident: the arrest came after the
    incident, not before the follow-up's date, so ``_arrest_after`` alone would keep the trial apart."""
    if not (arrest.sub_type == ARREST and later.type in VIOLENT_TYPES and later.document in follow_ups):
        return False
    if arrest.date is None or later.date is None:
        return True
    gap = gap_days(arrest.date, later.date)
    return gap is None or (later.date.date >= arrest.date.date and gap <= settings.max_follow_up_days)


def affinity(a: Mention, b: Mention) -> int:
    """How much two compatible mentions agree, to pick among several candidate events."""
    score = 0
    if a.sub_type and a.sub_type == b.sub_type:
        score += 2
    if a.place is not None and b.place is not None and same_place(a.place, b.place):
        score += 2
    # two publication dates standing in for event dates agreeing says nothing about the event
    if a.date is not None and b.date is not None and not (is_fallback(a.date) and is_fallback(b.date)) \
            and gap_days(a.date, b.date) == 0:
        score += 1
    score += len(named_actors(a) & named_actors(b))
    return score


def in_order(order: Mapping[str, int]) -> Callable[[Mention], tuple]:
    """Sort key of mentions: earliest document first (``order`` ranks documents by publication), then by
    position in its text, so a group's order never depends on input order."""
    def key(m: Mention) -> tuple:
        return (order.get(m.document, len(order)), m.document, m.span[0], m.id)
    return key


def group_mentions(
    mentions: Sequence[Mention], story_of: Mapping[str, str | None], order: Mapping[str, int],
    settings: ReconcileSettings, follow_ups: frozenset[str] = frozenset(),
) -> list[list[Mention]]:
    """Mentions grouped into events, each group ordered earliest document first.

    ``follow_ups``: the documents that report a follow-up of an incident (followups.py).

    ``story_of`` maps a document to its story (mentions of different stories never
    merge); ``order`` ranks documents by publication so results do not depend on
    input order.
    """
    key = in_order(order)

    # Mentions placed at a town are grouped first, those placed only at a province or country
    # (or nowhere) after: "17 killed in clashes in Iraq" fits any Iraqi event, so it should join
    # the event its other details agree with best, not found one before that event exists.
    def placed_first(m: Mention) -> tuple:
        return (is_background(m.date), m.place is None or m.place.precision != "point", *key(m))

    attached = [m for m in mentions if m.attached]
    mentions = [m for m in mentions if not m.attached]
    groups: list[list[Mention]] = []
    # per group, over its real (non-fallback) dates: the latest first day and
    # the earliest last day; a cheap necessary test before the pairwise checks
    bounds: list[tuple[int, int]] = []
    story_groups: dict[str | None, list[int]] = {}
    by_place_day: dict[tuple, list[int]] = {}
    for m in sorted(mentions, key=placed_first):
        story = story_of.get(m.document)
        span = _real_range(m)
        best, best_score = None, -1.0
        for g in story_groups.get(story, []):
            # main events of two reports may lie further apart (same_report_event): no cheap test then
            if span is not None and not _may_fit(span, bounds[g], settings.max_date_gap_days) \
                    and not (m.report_main and any(o.report_main for o in groups[g])):
                continue
            holds_main = any(o.report_main for o in groups[g])
            if all(same_event(m, other, settings) or same_report_event(m, other, settings, follow_ups)
                   or (holds_main and _side_agrees(m, other, settings))
                   for other in _judges(m, groups[g], follow_ups)):
                # the closest member decides: an event's members differ among themselves (a
                # hand-over beside a takeover), and averaging them favours the smallest event
                score = max(affinity(m, other) for other in groups[g])
                if score > best_score:
                    best, best_score = g, score
        if best is None and m.report_main:
            # two reports' main events at one town (or its namesake: the gazetteer may read one report's
            # "Denver" in another state) within a day (or one report telling no day, published that day or
            # the next), told in two stories (a report and its follow-up written apart): one incident.
            # It must be near every report the event holds, not one: joined by its nearest member, a
            # city's Saturday report chained a Monday one (gva dev slice: all merged 0.904 -> 0.906,
            # right event 0.934 -> 0.936; injured 0.847 -> 0.846 where a wrong merge's range had held it)
            near = _near_keys(town_day, settings) if (town_day := _place_day(m, settings)) is not None else []
            for g in dict.fromkeys(g for k in near for g in by_place_day.get(k, [])):
                if settings.near_other_stories_only and g in story_groups.get(story, []):
                    continue  # its story's events were judged above, against all their members
                mains = [o for o in groups[g] if o.report_main]
                if all(same_event(m, o, settings) or same_report_event(m, o, settings, follow_ups)
                       for o in groups[g] if not o.report_main) \
                        and any(_place_day(o, settings) in near and compatible_type(m, o) for o in mains) \
                        and all(_place_day(o, settings) in near or same_event(m, o, settings) for o in mains):
                    best = g
                    break
        if best is None and is_background(m.date):
            continue  # background ("Mosul fell", "a shooting there last year") links to an event, never founds one
        if best is None:
            story_groups.setdefault(story, []).append(len(groups))
            groups.append([m])
            bounds.append(_NO_BOUNDS)
            best = len(groups) - 1
        else:
            groups[best].append(m)
        if m.report_main and (place_day := _place_day(m, settings)) is not None:
            by_place_day.setdefault(place_day, []).append(best)
        if span is not None:
            start_max, end_min = bounds[best]
            bounds[best] = (max(start_max, span[0]), min(end_min, span[1]))
    # a sentence that goes on about its report's main event joins that event (and founds none)
    group_of = {m.id: k for k, g in enumerate(groups) for m in g}
    for m in attached:
        if m.main in group_of:
            groups[group_of[m.main]].append(m)
    return [sorted(g, key=key) for g in groups]


_NO_BOUNDS = (-(10**9), 10**9)


def _judges(m: Mention, group: Sequence[Mention], follow_ups: frozenset[str]) -> Sequence[Mention]:
    """The members ``m`` must agree with to join ``group``. A follow-up report's main event (a charge, a
    trial), joining an event of its story that holds other reports' main events, answers to those alone:
    the other sentences the group gathered (a side event an early report tells) are dated by the incident's
    days and would keep the months-later follow-up apart. Other reports' main events answer to every member
    (gva_incidents dev: for every main event, all merged +0.006 but right event -0.0014, killed -0.003)."""
    if m.report_main and m.document in follow_ups and any(o.report_main for o in group):
        return [o for o in group if o.report_main]
    return group


def _side_agrees(m: Mention, side: Mention, settings: ReconcileSettings) -> bool:
    """A report's main event agrees with a side sentence of another report of its story (not that report's
    main event; the caller checks that the event holds one) when type and place agree, whatever its date: the
    side sentence's day is what its own report recalls or adds, and the main events decide the dates
    (gva_incidents dev: all merged 0.872 -> 0.876, right event and killed unchanged)."""
    return m.report_main and not side.report_main and compatible_type(m, side) and compatible_place(m, side, settings)


def _place_day(m: Mention, settings: ReconcileSettings) -> tuple[str, int, bool] | None:
    """(town name, day number, told) of a report's main event placed at a town: on a day read from its text
    (told), or on the publication day of a report telling no day of its incident (not told, with
    ``near_no_day_told_days``)."""
    if m.place is None or m.date is None or not _at_town(m.place, settings):
        return None
    if is_fallback(m.date):
        if settings.near_no_day_told_days is None or NO_DAY_TOLD not in m.date.resolution:
            return None
    elif m.date.precision != "day":
        return None
    span = day_range(m.date)
    if span is None:
        return None
    # a publication date standing in for the day covers the week up to it: its last day is the publication's
    return m.place.name.lower(), span[1], not is_fallback(m.date)


def _at_town(place: Place, settings: ReconcileSettings) -> bool:
    """A place that names one town: a gazetteer point, or (``near_town_parts``) a town read at region precision
    (a part of it, "SW Atlanta", keeps the town's entry with feature "city")."""
    return names_one_town(place) if settings.near_town_parts else place.precision == "point"


def _near_keys(key: tuple[str, int, bool], settings: ReconcileSettings) -> list[tuple[str, int, bool]]:
    """The (town, day, told) keys near one: told days at most a day apart; a report telling no day published
    the told day or up to ``near_no_day_told_days`` after it (most such reports come out the incident's day
    or the next); two reports telling no day are never near (their publications say little of the day)."""
    town, day, told = key
    lag = settings.near_no_day_told_days
    after = range(lag + 1) if lag is not None else range(0)
    if told:
        return [(town, day + d, True) for d in (-1, 0, 1)] + [(town, day + d, False) for d in after]
    return [(town, day - d, True) for d in after]


def _real_range(m: Mention) -> tuple[int, int] | None:
    if m.date is None or is_fallback(m.date):
        return None
    return day_range(m.date)


def _may_fit(span: tuple[int, int], bounds: tuple[int, int], gap: int) -> bool:
    """Whether ``span`` can be within ``gap`` days of every real date of a group."""
    start_max, end_min = bounds
    return start_max - span[1] <= gap and span[0] - end_min <= gap


def event_id(group: Sequence[Mention]) -> str:
    """Stable id: hash of the earliest mention (the group is ordered earliest first)."""
    return "e" + hashlib.sha256(group[0].id.encode()).hexdigest()[:15]
