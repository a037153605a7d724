"""The day a report's own address gives: news sites file an article under the day it first ran
(/2014/06/04/three-wounded..., /chicago/20150130/rogers-park/..., ?AID=/20130318/A_NEWS/...).

That day is written when the article is created and never moves, while a page's published date
may be a later update's, a re-crawl's or the archive's (gva_incidents dev: of 432 reports whose
address holds a day, 5 disagree with the date the page came with, and in all 5 the address is the
report's first day). An archived page's address is read past the archive's own prefix.
"""

from __future__ import annotations

import re
from datetime import date

from newsfuse.clean.crawl import ARCHIVE_PREFIX, crawl_day, possible
from newsfuse.records import PublishedDate

# a year, month and day opening a path piece (or a query value): /2014/06/04/, /20150130/, /2013-02-08/,
# /20130808-dallas-...; not a slug's tail ('-20160725-story': some sites write the print edition's day there)
_DAY = re.compile(r"(?<=[/=])((?:19|20)\d\d)([/-]?)([01]\d)\2([0-3]\d)(?=[/_.-]|$)")


def address_day(url: str | None) -> date | None:
    """The day the page's own address files it under; None when it holds no full date."""
    if not url:
        return None
    own = ARCHIVE_PREFIX.sub("", url.strip())
    path = own.split("://", 1)[-1].partition("/")[2]  # the host's name may hold digits too
    for m in _DAY.finditer("/" + path):
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


def dated_by_address(url: str | None, published: PublishedDate | None) -> PublishedDate | None:
    """The published date, unless the address files the page under another day the crawl allows:
    then that day (day precision; a published date on the same day keeps its time)."""
    day = address_day(url)
    if day is None:
        return published
    own = PublishedDate(day.isoformat(), "day", "address")
    if published is not None and published.date[:10] == own.date:
        return published
    return own if possible(own, crawl_day(url)) else published
