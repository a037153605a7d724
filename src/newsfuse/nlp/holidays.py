"""US public holidays and observances named as days ("a Christmas night shooting", "killed on New
Year's Eve", "shot Thanksgiving morning"): the day each falls on in a year, and the last one on or
before a report's day.

Only a name that says the day is read: "Christmas Day", "Christmas night", "on Christmas", not a
bare "Christmas" ("Christmas lights"), and never a holiday's weekend ("Labor Day weekend" spans
days around it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsfuse.nlp.numbers import parse_number

_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_APOS = r"['’]"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of the month; ``n`` -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


# name pattern -> the day it falls on in a year (longer names first: "Christmas Eve" before "Christmas")
_DAYS: list[tuple[str, Callable[[int], dt.date]]] = [
    (r"Christmas\s+Eve", lambda y: dt.date(y, 12, 24)),
    (r"Christmas(?:\s+Day)?", lambda y: dt.date(y, 12, 25)),
    (rf"New\s+Year{_APOS}s\s+Eve", lambda y: dt.date(y, 12, 31)),
    (rf"New\s+Year{_APOS}s(?:\s+Day)?", lambda y: dt.date(y, 1, 1)),
    (r"Fourth\s+of\s+July|July\s+Fourth|Independence\s+Day", lambda y: dt.date(y, 7, 4)),
    (r"Halloween", lambda y: dt.date(y, 10, 31)),
    (rf"Valentine{_APOS}s\s+Day", lambda y: dt.date(y, 2, 14)),
    (r"Thanksgiving(?:\s+Day)?", lambda y: _nth_weekday(y, 11, 3, 4)),
    (r"Memorial\s+Day", lambda y: _nth_weekday(y, 5, 0, -1)),
    (r"Labor\s+Day", lambda y: _nth_weekday(y, 9, 0, 1)),
    (rf"Mother{_APOS}s\s+Day", lambda y: _nth_weekday(y, 5, 6, 2)),
    (rf"Father{_APOS}s\s+Day", lambda y: _nth_weekday(y, 6, 6, 3)),
    (r"Easter(?:\s+Sunday)?", _easter),
]
# a bare "Christmas", "Thanksgiving" or "New Year's" names the day only after "on" or before a part of the
# day ("Christmas night"): "Christmas lights", "a Thanksgiving dinner" name none
_BARE = re.compile(rf"^(?:Christmas|Halloween|Thanksgiving|Easter|New\s+Year{_APOS}s)$", re.I)
# any holiday's name, and what after it makes no one day: a holiday's weekend, week or season
_NAMES = "|".join(f"(?:{p})" for p, _ in _DAYS)
_NO_ONE_DAY = r"(?!\s+(?:weekend|holiday|season|break|week)\b)"
HOLIDAY = re.compile(rf"\b(?:{_NAMES}){_PART}\b{_NO_ONE_DAY}")
_ON = re.compile(r"\bon\s+$", re.I)
# "two days after Thanksgiving", "the day before Christmas": a day counted from a holiday, bare names too
# (after "days before" a bare "Thanksgiving" can only be its day)
OFFSET = re.compile(rf"\b(?P<n>one|two|three|four|five|six|seven|[1-7]|the|a)\s+days?\s+(?P<way>before|after)\s+"
                    rf"(?P<name>{_NAMES})\b{_NO_ONE_DAY}", re.I)


def _last_on_or_before(name: str, base: dt.date, delta: dt.timedelta = dt.timedelta(0), flags: int = 0
                       ) -> dt.date | None:
    """The day ``delta`` from the holiday ``name`` (a pattern of ``_DAYS`` matches it whole) that falls last on or
    before ``base``: this year's, else last year's (a report tells what happened)."""
    for pattern, day_of in _DAYS:
        if re.fullmatch(pattern, name, flags):
            day = day_of(base.year) + delta
            return day if day <= base else day_of(base.year - 1) + delta
    return None


def holiday_day(match: re.Match[str], text: str, base: dt.date) -> dt.date | None:
    """The last day on or before ``base`` the holiday ``match`` names fell on (a report tells what
    happened); None for a bare name not read as a day ("Christmas lights", "a Halloween party")."""
    said = match.group()
    name = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", said)
    if _BARE.match(name) and name == said and not _ON.search(text[max(0, match.start() - 4):match.start()]):
        return None
    return _last_on_or_before(name, base)


def offset_day(match: re.Match[str], base: dt.date) -> dt.date | None:
    """The day ``OFFSET`` names ("two days after Thanksgiving"): counted from the holiday's last day that
    leaves the counted day on or before ``base`` (a report tells what happened)."""
    said = match.group("n").lower()
    n = 1 if said in ("the", "a") else parse_number(said)
    delta = dt.timedelta(days=n if match.group("way").lower() == "after" else -n)
    return _last_on_or_before(re.sub(r"\s+", " ", match.group("name")), base, delta, re.I)
