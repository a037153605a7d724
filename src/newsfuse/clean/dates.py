"""Publication dates written in page text: 'Posted June. 23, 2014 04:57', '21 June 2014, 14:30 --',
'published on 25Jun14', '[Source: ..., 21Jun14]', 'Published: 03/03/2025 - 17:42', '20.06.2019 11:43',
'Mopti Voice | 5 March 2025', 'Veröffentlicht am 10. Februar 2019', 'Par Loïc Le Clerc | 30 septembre 2018'.

Hand-written patterns rather than dateparser because these few shapes cover news chrome,
they tell us the precision (minute or day) directly, and the page-text path must run at
hundreds of documents per second, where dateparser's per-call cost (~ms) would dominate.
Month names in the languages of the pages we measure on come from dateparser's locale data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
# English first: a name two languages share keeps the English month.
_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl")


@functools.cache
def _month_names() -> dict[str, int]:
    from dateparser.languages.loader import default_loader

    out: dict[str, int] = {}
    for lang in _LANGUAGES:
        info = default_loader.get_locale(lang).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha():
                    out.setdefault(name, number)
    return out


_MON = r"(?P<mon>[^\W\d_]{3,10})\.?"
_TIME = r"(?:,?\s*(?:at\s*|um\s*|à\s*|-\s*)?(?P<hh>[0-2]?\d)[:.h](?P<mm>[0-5]\d)(?!\d))?"
_PATTERNS = [
    # June. 23, 2014 04:57 / Jun 23 2014
    re.compile(_MON + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)" + _TIME),
    # 21 June 2014, 14:30 / 4 de mayo de 2022
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:de\s+)?" + _MON + r",?\s+(?:de\s+|del\s+)?"
               r"(?P<year>(?:19|20)\d\d)" + _TIME),
    # 25Jun14 (Nizkor-style compact dates)
    re.compile(r"(?<![\w])(?P<day>[0-3]\d)(?P<mon>[A-Z][a-z]{2})(?P<year>\d\d)(?![\w])"),
    # 2014-06-21 / 2014/06/21
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/](?P<monnum>[01]?\d)[-/](?P<day>[0-3]?\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?"),
    # 20.06.2019 11:43 (day first, as every language writing dots does)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.\s?(?P<monnum>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)(?![\d])" + _TIME),
    # 03/03/2025 - 17:42: month first as US pages write it, unless the first number cannot be a month
    re.compile(r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])" + _TIME),
]


# the character each pattern cannot match without (None: no single one)
_GUARDED = list(zip(_PATTERNS, (None, None, None, None, ".", "/"), strict=True))


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    precision: str  # "minute" | "day"
    start: int
    end: int


def _month(m: re.Match[str]) -> int | None:
    if m.groupdict().get("monnum"):
        return int(m.group("monnum"))
    names = _month_names()
    name = m.group("mon").lower()
    return names.get(name) or names.get(name[:3])


def _day_month(m: re.Match[str], day_first: bool) -> tuple[int | None, int]:
    """(month, day) of the match; slashed dates in the page's order unless a number over 12 decides."""
    gd = m.groupdict()
    if gd.get("first"):
        first, second = int(gd["first"]), int(gd["second"])
        return (second, first) if first > 12 or (day_first and second <= 12) else (first, second)
    return _month(m), int(m.group("day"))


_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:19|20)\d\d(?![\d/])")


def slash_order(text: str) -> bool | None:
    """Does the page write slashed dates day first (True), month first (False), or not tell (None)?"""
    for m in _SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def find_date(text: str, day_first: bool = False) -> FoundDate | None:
    """The first well-formed calendar date in ``text``, with minute precision if a time follows.
    ``day_first``: read 03/04/2025 as 3 April (the page's own order; US pages write 4 March... as 03/04)."""
    best: FoundDate | None = None
    for pattern, needs in _GUARDED:
        if needs and needs not in text:
            continue  # a substring test is far cheaper than the pattern's scan
        for m in pattern.finditer(text):
            month, day = _day_month(m, day_first)
            if not month or not 1 <= month <= 12:
                continue
            year = int(m.group("year"))
            if year < 100:
                year += 2000 if year < 70 else 1900
            if not 1 <= day <= 31:
                continue
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            gd = m.groupdict()
            precision = "day"
            if gd.get("hh") and int(gd["hh"]) < 24:
                iso += f"T{int(gd['hh']):02d}:{gd['mm']}"
                precision = "minute"
            found = FoundDate(iso, precision, m.start(), m.end())
            if best is None or found.start < best.start:
                best = found
            break
    return best


_DATELINE_PREFIX = re.compile(r"^\s*(?:posted|published|updated|last updated|date|datum|veröffentlicht|publiziert|"
                              r"erstellt|stand|publié|publicado|pubblicato)?\s*(?:on|am|le|el|il)?\s*:?\s*", re.IGNORECASE)


def dateline_only(text: str) -> FoundDate | None:
    """A line that is nothing but a date (with 'Posted'/'Updated' and punctuation around it)."""
    found = find_date(text)
    return found if found and _only_date(text, found) else None


def _only_date(text: str, found: FoundDate) -> bool:
    """Is the line nothing but this date (with 'Posted'/'Updated' and punctuation around it)?"""
    rest = _DATELINE_PREFIX.sub("", text[: found.start]) + text[found.end :]
    return not re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:GMT|UTC|[AP]M|KST|EST|EDT|BST|CET|CEST|hrs|IST|[A-Z][a-z]+day)\b", "", rest))


_LEADING = re.compile(r"^(?P<head>.{0,40}?)\s*(?:--|—|–|-)\s+(?=[A-Z\"“])")


def leading_dateline(text: str) -> tuple[FoundDate, int] | None:
    """'21 June 2014, 14:30 -- Sunni militants...' -> (the date, offset where the story starts)."""
    m = _LEADING.match(text)
    if not m:
        return None
    found = find_date(m.group("head"))
    if not found:
        return None
    return found, m.end()


# Words that say the date beside them is the page's own: "Published", "Veröffentlicht am", "Publié le".
_CUE = re.compile(
    r"\b(?:published|posted|updated|written|date[d]?|datum|veröffentlicht|publiziert|geschrieben|erstellt|"
    r"aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|gepubliceerd|opublikowano|"
    r"by|von|vom|par|por|autor|author)\b|datum\b|\||·|•", re.IGNORECASE)
# 23.09.22 / 11/08/23 5:19pm: two-digit years, read only on the page's own date lines
_SHORT_YEAR = re.compile(r"(?<![\d.:/])(?P<day>[0-3]?\d)(?P<sep>[./])(?P<monnum>[01]?\d)(?P=sep)(?P<year>[0-3]\d)(?![\d.:/])")
_PAGE_WORDS = 25
# a line worth reading for the page's date holds a four-digit year or a d.m.yy / m/d/yy date
PAGE_DATE_HINT = re.compile(r"(?:19|20)\d\d|\d[./]\d{1,2}[./]\d\d(?!\d)|\d\d[A-Z][a-z]{2}\d\d")  # a date line of the page's head, not a sentence of the story


def _short_year(line: str, day_first: bool) -> FoundDate | None:
    m = _SHORT_YEAR.search(line)
    if m is None:
        return None
    day, month = int(m.group("day")), int(m.group("monnum"))
    if m.group("sep") == "/" and not day_first:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return FoundDate(f"{2000 + int(m.group('year')):04d}-{month:02d}-{day:02d}", "day", m.start(), m.end())


def page_date(lines: Sequence[tuple[int, str]], first_paragraph: int | None = None,
              day_first: Callable[[], bool] = lambda: False) -> tuple[FoundDate, bool] | None:
    """The page's own date from its short lines (given as (index, text) of the lines that hold a year),
    and whether it is plain (True) or only a guess. ``day_first`` is asked only if a slash needs it.

    Ranked: a line above the story beats one below it (comment and sidebar dates follow the story);
    then a line a cue word or separator marks ("By Daniel | Published: 23. Juli 2017", "Mopti Voice |
    5 March 2025"); then a line that is nothing but a date; then, above the story, the one nearest to
    it (a site's header shows today's date at the top; trafilatura_eval dev 0.765 -> 0.773), below
    it the first. Plain: above the story, or cued.
    """
    best: tuple[tuple[bool, bool, bool, int], FoundDate] | None = None
    order: list[bool] = []  # day_first, asked once
    for i, line in lines:
        if len(line.split()) > _PAGE_WORDS:
            continue
        if "/" in line and not order:
            order.append(day_first())
        first = bool(order) and order[0]
        found = find_date(line, first) or _short_year(line, first)
        if found is None:
            continue
        below = first_paragraph is not None and i > first_paragraph
        cued = bool(_CUE.search(line))
        rank = (below, not cued, not _only_date(line, found), -i if not below else i)
        if best is None or rank < best[0]:
            best = (rank, found)
        if not below and cued:
            break  # nothing can rank higher
    if best is None:
        return None
    (below, uncued, _, _), found = best
    return found, not below or not uncued
