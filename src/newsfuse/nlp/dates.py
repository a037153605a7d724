"""Dates: absolute dates via dateparser, relative ones resolved against the report's own date.

"on Friday" in a report of Saturday 21 June 2014 means 2014-06-20: the
weekday, week, month and "N days ago" arithmetic is our own because dateparser
resolves relative phrases against *now* and does not say how precise the
result is. A document without a published date keeps its absolute dates and
skips relative ones (there is nothing honest to resolve them against).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from newsfuse.nlp.holidays import HOLIDAY, OFFSET, holiday_day, offset_day
from newsfuse.records import DateMention, DateValue, PublishedDate

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "a": 1, "an": 1}
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_ABS_DAY = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}(?:,?\s+\d{{4}})?|{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
            r"\b(?!\s*(?:%|people|killed|dead))")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a weekday naming the date after it ("Monday, July 25", "Friday night, Oct. 3"): that date, not the
    # weekday read back from the report's day as well (a week or more before it, they differ)
    ("weekday_day", re.compile(rf"\b(?:on\s+)?{_WEEKDAY_RE}{_PART_OF_DAY},?\s+(?P<day>{_ABS_DAY})")),
    # absolute: "17 June 2014", "June 17, 2014", "June 17", "17 June"
    ("abs_day", re.compile(rf"\b{_ABS_DAY}")),
    ("abs_iso", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    # "reported to us on 12/23/16", "3/5/2015": month first, as US reports write it (day first when the
    # first number cannot be a month)
    ("abs_numeric", re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    # "in April 2013", "April 2013"
    ("abs_month", re.compile(rf"\b{_MONTH_RE}\s+\d{{4}}\b")),
    # "two days after Thanksgiving" (before the holiday alone: the day counted from it is the one told)
    ("holiday_offset", OFFSET),
    # "on Christmas night", "New Year's Eve", "Thanksgiving morning" (nlp/holidays.py)
    ("holiday", HOLIDAY),
    ("last_weekday", re.compile(rf"\blast\s+{_WEEKDAY_RE}{_PART_OF_DAY}\b", re.I)),
    ("weekday", re.compile(rf"\b(?:on\s+|early\s+|late\s+)?{_WEEKDAY_RE}{_PART_OF_DAY}\b")),
    ("yesterday", re.compile(r"\byesterday(?:\s+(?:morning|afternoon|evening))?\b|\blast\s+night\b|\bovernight\b", re.I)),
    # "over the weekend", "last weekend": the Saturday of the weekend before the report (see _weekend)
    ("weekend", re.compile(r"\b(?:over|during|on|at|this|last|past)\s+(?:the\s+)?(?:past\s+)?weekend\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)),
    ("ago", re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|a|an|\d{1,2})\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("last_unit", re.compile(r"\b(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(week|month|year)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|by)\s+(?:early\s+|late\s+|mid-?)?({_MONTH_RE})\b(?!\s+\d)")),
    ("in_year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|of)\s+((?:19|20)\d{2})\b(?![-/]\d)")),
]


@functools.cache
def _dateparser():
    import dateparser  # slow import (regex tables); only when a document has an absolute date

    return dateparser


def _published(pub: PublishedDate | None) -> dt.date | None:
    if pub is None:
        return None
    try:
        return dt.date.fromisoformat(pub.date[:10]) if len(pub.date) >= 10 else None
    except ValueError:
        return None


def _absolute(text: str, base: dt.date | None) -> DateValue | None:
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    has_year = bool(re.search(r"\b\d{4}\b", clean))
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    elif not has_year:
        return None  # "June 17" with no year and no report date: unknowable year
    parsed = _dateparser().parse(clean, languages=["en"], settings=settings)
    if parsed is None:
        return None
    how = "absolute" if has_year else f"absolute, year from published {base.isoformat()}"
    return DateValue(parsed.date().isoformat(), "day", how)


def _numeric(m: re.Match[str]) -> DateValue | None:
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        value = dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
    return DateValue(value.isoformat(), "day", "absolute")


def _month_value(month: int, year: int, how: str) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month", how)


# "two weeks ago": the day whole weeks back, at day precision (news counts a week back from the day it
# tells, "shot one week ago"), marked so that such a day never founds an event of its own
WEEKS_BACK = "weeks before"


# "over the weekend": the Saturday of the weekend before the report, at day precision (within a day of
# Friday night to Sunday), marked like a day counted in weeks: it founds no event of its own
WEEKEND = "weekend before"


# "two days after Thanksgiving": a day as written out as a date is (events/incident_day.written_out)
HOLIDAY_OFFSET = "days from a holiday"


def counted_in_weeks(value: DateValue | None) -> bool:
    """Is the date a day counted in whole weeks back from publication ("a week ago"), or a weekend's
    Saturday ("over the weekend"): a day told only loosely?"""
    return value is not None and (f" {WEEKS_BACK} " in value.resolution or f" {WEEKEND} " in value.resolution)


def _weekend(phrase: str, base: dt.date) -> dt.date | None:
    """The Saturday of the weekend a report of ``base`` tells: the one it is in or the last one before it;
    "last weekend" in a weekend's report, the one before; "this weekend" on a Tuesday to a Friday is more
    likely the coming one (a plan): nothing."""
    back = (base.weekday() - 5) % 7  # days since the last Saturday, 0 on a Saturday
    if phrase.startswith(("last", "past")) and back <= 1:
        back += 7
    elif phrase.startswith("this") and 2 < back:
        return None
    return base - dt.timedelta(days=back)


def _resolve(kind: str, m: re.Match[str], base: dt.date | None, base_name: str = "published") -> DateValue | None:
    text = m.group()
    if kind == "abs_day" or kind == "abs_iso":
        return _absolute(text, base)
    if kind == "abs_numeric":
        return _numeric(m)
    if kind == "weekday_day":
        return _absolute(m.group("day"), base)
    if kind == "abs_month":
        month_word, year = text.rsplit(None, 1)
        month = _MONTH_ABBR[month_word.lower().rstrip(".")[:4] if month_word.lower().startswith("sept") else month_word.lower()[:3]]
        return _month_value(month, int(year), "absolute")
    if kind == "in_year":
        return DateValue(m.group(1), "year", "absolute")
    if base is None:
        return None
    ref = f"{base_name} {base.isoformat()}"
    low = text.lower()
    if kind == "holiday_offset":
        day = offset_day(m, base)
        return None if day is None else DateValue(day.isoformat(), "day", f"{HOLIDAY_OFFSET}, on or before {ref}")
    if kind == "holiday":
        day = holiday_day(m, m.string, base)
        return None if day is None else DateValue(day.isoformat(), "day", f"holiday, the last on or before {ref}")
    if kind in ("weekday", "last_weekday"):
        wd = next(i for i, d in enumerate(_WEEKDAYS) if d in low)
        back = (base.weekday() - wd) % 7
        if kind == "last_weekday" and back == 0:
            back = 7
        if kind == "weekday" and back == 6:
            # a bare weekday naming the day after the report's is that day ("will appear in court
            # Thursday" in a Wednesday report; a page dated before its last update), not six days
            # back: news writes "last Thursday" for that (gva_incidents dev: 15 of 29 such event
            # days right read forward, 8 read back)
            return DateValue((base + dt.timedelta(days=1)).isoformat(), "day", f"relative weekday to {ref}, the next day")
        return DateValue((base - dt.timedelta(days=back)).isoformat(), "day", f"relative weekday to {ref}")
    if kind == "weekend":
        day = _weekend(low, base)
        return None if day is None else DateValue(day.isoformat(), "day", f"Saturday of the {WEEKEND} {ref}")
    if kind == "yesterday":
        return DateValue((base - dt.timedelta(days=1)).isoformat(), "day", f"relative day to {ref}")
    if kind == "today":
        return DateValue(base.isoformat(), "day", f"same day as {ref}")
    if kind == "ago":
        n = _NUMBERS.get(m.group(1).lower()) or int(m.group(1))
        unit = m.group(2).lower()
        if unit == "day":
            return DateValue((base - dt.timedelta(days=n)).isoformat(), "day", f"{n} days before {ref}")
        if unit == "week":
            d = base - dt.timedelta(weeks=n)
            return DateValue(d.isoformat(), "day", f"{n} {WEEKS_BACK} {ref}")
        if unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
            return _month_value(mo + 1, y, f"{n} months before {ref}")
        return DateValue(f"{base.year - n:04d}", "year", f"{n} years before {ref}")
    if kind == "last_unit":
        unit = m.group(1).lower()
        this = low.startswith("this") or low.startswith("earlier")
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday() + (0 if this else 7))
            return DateValue(monday.isoformat(), "week", f"{'this' if this else 'previous'} week of {ref} (Monday)")
        if unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - (0 if this else 1), 12)
            return _month_value(mo + 1, y, f"{'this' if this else 'previous'} month of {ref}")
        return DateValue(f"{base.year - (0 if this else 1):04d}", "year", f"{'this' if this else 'previous'} year of {ref}")
    if kind == "in_month":
        word = m.group(1).lower().rstrip(".")
        month = _MONTH_ABBR["sept" if word.startswith("sept") else word[:3]]
        # "in April" in a June report is this year's April; in a February report, last year's.
        year = base.year if month <= base.month else base.year - 1
        return _month_value(month, year, f"month, year from {ref}")
    return None


# a dateline with the report's own date: "SAVANNAH, GA (August 2, 2015) -", at the start of a line
_DATELINE_DAY = re.compile(rf"^[A-Z][A-Z .'’-]{{2,40}},[^\n()]{{0,30}}\((?P<day>{_MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})\)", re.M)
DATELINE_CHARS = 600  # a dateline opens the story: look no further


def dateline_day(text: str) -> dt.date | None:
    """The day a report's dateline gives, when it gives one with its year."""
    m = _DATELINE_DAY.search(text[:DATELINE_CHARS])
    value = _absolute(m.group("day"), None) if m else None
    return dt.date.fromisoformat(value.date) if value else None


def find_dates(text: str, published: PublishedDate | None) -> list[DateMention]:
    """Date mentions in ``text``; overlapping matches keep the first pattern's (most specific).

    Relative dates resolve against the report's dateline day when it gives one ("SAVANNAH, GA
    (August 2, 2015)" on a page whose published date is a later crawl's), else its published date."""
    base = _published(published)
    # an undated report's shared text is dated by its copies (copies.borrowed_dates): say so
    base_name = "published" if published is None or not published.origin.startswith("copy:") \
        else f"date of its copy {published.origin[5:13]},"
    if (own := dateline_day(text)) is not None and own != base:
        base, base_name = own, "dateline"
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(a < end and start < b for a, b in taken):
                continue
            value = _resolve(kind, m, base, base_name)
            if value is None:
                continue
            taken.append((start, end))
            out.append(DateMention(m.group(), (start, end), value))
    return sorted(out, key=lambda d: d.span)
