"""Publication dates written in page text: 'Posted June. 23, 2014 04:57', '21 June 2014, 14:30 --',
'published on 25Jun14', '[Source: ..., 21Jun14]'.

Hand-written patterns rather than dateparser because these few shapes cover news chrome,
they tell us the precision (minute or day) directly, and the page-text path must run at
hundreds of documents per second, where dateparser's per-call cost (~ms) would dominate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12, "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "okt": 10,
    "dez": 12,
}
_MON = r"(?P<mon>[A-Za-zä]{3,9})\.?"
_TIME = r"(?:,?\s*(?:at\s*)?(?P<hh>[0-2]?\d)[:.](?P<mm>[0-5]\d)(?!\d))?"
_PATTERNS = [
    # June. 23, 2014 04:57 / Jun 23 2014
    re.compile(_MON + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)" + _TIME),
    # 21 June 2014, 14:30
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+" + _MON + r",?\s+(?P<year>(?:19|20)\d\d)" + _TIME),
    # 25Jun14 (Nizkor-style compact dates)
    re.compile(r"(?<![\w])(?P<day>[0-3]\d)(?P<mon>[A-Z][a-z]{2})(?P<year>\d\d)(?![\w])"),
    # 2014-06-21 / 2014/06/21
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/](?P<monnum>[01]?\d)[-/](?P<day>[0-3]?\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?"),
]


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    precision: str  # "minute" | "day"
    start: int
    end: int


def _month(m: re.Match[str]) -> int | None:
    if m.groupdict().get("monnum"):
        return int(m.group("monnum"))
    name = m.group("mon").lower()
    return _MONTHS.get(name) or _MONTHS.get(name[:3])


def find_date(text: str) -> FoundDate | None:
    """The first well-formed calendar date in ``text``, with minute precision if a time follows."""
    best: FoundDate | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month = _month(m)
            if not month or not 1 <= month <= 12:
                continue
            day = int(m.group("day"))
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


_DATELINE_PREFIX = re.compile(r"^\s*(?:posted|published|updated|last updated|date)?\s*(?:on)?\s*:?\s*", re.IGNORECASE)


def dateline_only(text: str) -> FoundDate | None:
    """A line that is nothing but a date (with 'Posted'/'Updated' and punctuation around it)."""
    found = find_date(text)
    if not found:
        return None
    rest = _DATELINE_PREFIX.sub("", text[: found.start]) + text[found.end :]
    if re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:GMT|UTC|[AP]M|KST|EST|EDT|BST|CET|CEST|hrs|IST|[A-Z][a-z]+day)\b", "", rest)):
        return None
    return found


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
