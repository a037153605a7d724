"""The crawl bound on a published date: a page cannot have been published after an archive crawled it.

An archived page's address carries the day it was crawled (web.archive.org/web/20141015130845/...,
archive.ph/2023.01.05-101010/...). A published date after that day is impossible: a scraper's
re-crawl date or a site's 'last modified' stamp, not the report's day. Relative days in the text
('on Saturday') would resolve against it and land months or years after the event, so such a date
gives way to the page's own date line when that one is possible, else to the crawl day itself (the
latest day the report can have been published: a report is usually crawled soon after it ran).
"""

from __future__ import annotations

import re
from datetime import date

from newsfuse.records import PublishedDate

# archive.today's mirror domains
_TODAY_DOMAINS = "today|ph|is|li|vn|fo|md"
# the timestamp right after the archive's path prefix: 14 digits (YYYYMMDDhhmmss, maybe cut short, maybe
# flagged 'id_'), or archive.today's 'YYYY.MM.DD-hhmmss'
_WAYBACK_STAMP = re.compile(r"^(?:https?://)?(?:www\.)?(?:web\.)?archive\.org/web/(\d{4})(\d{2})(\d{2})\d*(?:[a-z]{2}_)?/",
                            re.IGNORECASE)
_TODAY_STAMP = re.compile(rf"^(?:https?://)?(?:www\.)?archive\.(?:{_TODAY_DOMAINS})/(\d{{4}})\.(\d{{2}})\.(\d{{2}})-",
                          re.IGNORECASE)
# the archive's whole prefix (web.archive.org/web/<stamp>/, archive.today's <stamp>/) before the page's address
ARCHIVE_PREFIX = re.compile(rf"^(?:https?://)?(?:www\.)?(?:web\.)?archive\.(?:org/web|{_TODAY_DOMAINS})/[^/]+/",
                            re.IGNORECASE)


def crawl_day(url: str | None) -> date | None:
    """The day an archive crawled the page, read from its address; None for any other address."""
    if not url:
        return None
    for pattern in (_WAYBACK_STAMP, _TODAY_STAMP):
        if m := pattern.match(url.strip()):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _day(published: PublishedDate) -> date | None:
    try:
        return date.fromisoformat(published.date[:10])
    except ValueError:
        return None  # a month or a year: never after the crawl day in a way a day could tell


def possible(published: PublishedDate | None, crawled: date | None) -> bool:
    """Is this published date no later than the crawl day (or is there nothing to check it against)?"""
    if published is None or crawled is None:
        return True
    day = _day(published)
    return day is None or day <= crawled


def bounded(url: str | None, *candidates: PublishedDate | None) -> PublishedDate | None:
    """The first candidate date (most trusted first) the page's crawl day allows; with none allowed
    but some given, the crawl day. A page with no crawl day in its address keeps the first candidate."""
    given = [c for c in candidates if c is not None]
    crawled = crawl_day(url)
    for c in given:
        if possible(c, crawled):
            return c
    if given and crawled is not None:
        return PublishedDate(crawled.isoformat(), "day", "crawl")
    return None
