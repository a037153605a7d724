"""The day a report says its incident happened, in the words that say so: "The shooting happened
Wednesday night", "The shooting occurred at 9:45 p.m. on Friday", "the Dec. 12 shooting", "Police
were called to the home Monday night".

A follow-up (a charge, a plea, the victim named) leads with its own news and its own day ("A grand
jury indicted three men Wednesday"); the incident's day comes further on, in a clause whose subject
is the incident and whose verb says only that it took place, in the first response to it, or as a
date naming the incident.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as Date

from newsfuse.nlp.dates import HOLIDAY_OFFSET
from newsfuse.records import Annotation, DateMention, DateValue

GIVES_ITS_DAY = "the day the report gives its incident"  # how a day so found is marked in its resolution
_INCIDENT = r"(?:shooting|shootout|incident|homicide|killing|stabbing|attack|murder|slaying)"
_KIND = r"(?:fatal|deadly|double|triple|quadruple|drive-by|mass)"  # words before an incident's name
# "The shooting happened ...", "the fatal shooting occurred ...", "The shooting was reported just before 2 a.m.",
# "It happened just after 9:30 p.m. Sunday": one incident ("the"), not a count ("More than 2,400 shootings occurred")
_TOOK_PLACE = re.compile(rf"(?:\b(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?{_INCIDENT},?\s+(?:which\s+|that\s+)?(?:\w+\s+){{0,2}}?|\bIt\s+)"
                         r"(?:happened|occurred|took\s+place|was\s+reported|unfolded)\b", re.IGNORECASE)
# "Police were called to a home ... Monday night", "Paramedics responded ... at about 6 p.m. Feb. 26": the
# first response is on the incident's day
_RESPONSE = re.compile(r"\b(?:police|officers|deputies|troopers|paramedics|firefighters|medics|emergency\s+crews)\s+"
                       r"(?:\w+\s+)?(?:responded|were\s+(?:called|dispatched|summoned)|arrived)\b", re.IGNORECASE)
# "the Dec. 12 shooting", "the Sept. 27 fatal shooting": the date names the incident; so does "a": a follow-up names
# the incident it follows so ("arrested ... in connection with a March 7 shooting"), not only a page's own one
# (gva_incidents dev slice all merged 0.924 -> 0.926, B3 0.9741 -> 0.9746; no guard row lost)
# as does a death's ("in the Nov. 29 death of 17-year-old ...": a follow-up's charge names the death it is for)
_NAMING = re.compile(rf"^,?\s*(?:(?:{_KIND}|shooting)\s+)*(?:{_INCIDENT}|deaths?)\b", re.IGNORECASE)
_BEFORE_NAMING = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# "Friday's shooting", "Sunday night's fatal shooting": the day's own incident
_POSSESSIVE_NAMING = re.compile(rf"^['’]s\s+(?:{_KIND}\s+)*{_INCIDENT}\b", re.IGNORECASE)


def written_out(value: DateValue) -> bool:
    """A day the text writes out ("on Nov. 26", "two days after Thanksgiving"), not one read back from the
    report's (a weekday reaches a week back) nor a holiday named alone (a page's chrome wishes a happy
    Valentine's Day; "the shooting of a girl on Easter Sunday" is an earlier one's): told weeks on, it may
    still be the incident's."""
    return value.resolution.startswith(("absolute", HOLIDAY_OFFSET))


def took_place_day(text: str, ann: Annotation, published: Date | None, lag_days: int | None) -> DateValue | None:
    """The first day a clause saying the incident took place gives ("The shooting occurred ... Friday"):
    the plainest telling of the incident's day, before the day the lead's own news gives ("Authorities
    Sunday identified the man killed"), at most ``lag_days`` before publication (None: any day before it)."""
    return _first_day(ann, published, lag_days, _clauses(ann, (_TOOK_PLACE,)), lambda d: False)


def incident_day(text: str, ann: Annotation, published: Date | None, lag_days: int | None) -> DateValue | None:
    """The first day (day precision, read from the text) told as the incident's, in any of the three
    ways, at most ``lag_days`` before publication (None: any day before it) and never after it."""
    def names(d: DateMention) -> bool:
        after = text[d.span[1]:d.span[1] + 40]
        return bool(_POSSESSIVE_NAMING.match(after)
                    or (_NAMING.match(after) and _BEFORE_NAMING.search(text[max(0, d.span[0] - 8):d.span[0]])))

    return _first_day(ann, published, lag_days, _clauses(ann, (_TOOK_PLACE, _RESPONSE)), names)


def _clauses(ann: Annotation, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    """From the end of each telling to the end of its sentence: where the day it tells is written."""
    return [(s.span[0] + m.end(), s.span[1]) for s in ann.sentences for p in patterns for m in p.finditer(s.text)]


def _first_day(ann: Annotation, published: Date | None, lag_days: int | None, clauses: list[tuple[int, int]],
               names: Callable[[DateMention], bool]) -> DateValue | None:
    for d in ann.dates:
        if d.value.precision != "day" or d.value.resolution.lower().startswith("published"):
            continue
        try:
            day = Date.fromisoformat(d.value.date[:10])
        except ValueError:
            continue
        if published is not None and not 0 <= (published - day).days <= (lag_days if lag_days is not None else 10**6):
            continue
        if names(d) or any(a <= d.span[0] < b for a, b in clauses):
            return DateValue(d.value.date, "day", f"{d.value.resolution}; {GIVES_ITS_DAY}")
    return None
