"""The headline a page's address tells, for a page known by a cut headline alone.

Most news sites write the story's first headline into the page's path
("/news/local/police-investigate-apparent-drive-by-shooting/nhg9B/"). A page whose text is lost (a site
template: copies/templates.py; an empty text) is read by its headline alone, and that headline is often
cut ("Uncle held on $150k bond on charges linked to 4-year-old..."): the address tells what the cut left
out ("4-year-old-girl-shot-killed-in-riviera-beach"), the one more telling of the story such a page has.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# an archived page's own address follows the archive's ("http://web.archive.org/web/2016.../http://...")
_LAST_ADDRESS = re.compile(r"https?://(?!.*https?://)(?P<rest>.*)$", re.S)
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|cms|jsp)$", re.I)
_SEPARATORS = re.compile(r"[-_+]+")
# a word of a headline written into a path: letters, or a short number ("4-year-old"); not an id, a date
# or a hash ("article115880543", "nhg9B", "20160725")
_WORD = re.compile(r"^(?:[a-z]+|\d{1,3})$")
# a headline the page or the crawl cut short ends with an ellipsis
_CUT = ("...", "…")


def address_words(url: str | None, min_words: int = 3) -> str:
    """The words of the path segments of ``url`` that read as a headline (at least ``min_words`` words
    joined by hyphens or underscores, all but one of them letters), in path order, space-separated."""
    if not url:
        return ""
    m = _LAST_ADDRESS.search(url)
    rest = m.group("rest") if m else url
    path = unquote(rest.split("?", 1)[0].split("#", 1)[0]).lower()
    out: list[str] = []
    for segment in path.split("/")[1:]:
        words = [w for w in _SEPARATORS.split(_EXTENSION.sub("", segment)) if _WORD.match(w)]
        if len(words) >= min_words and sum(not w.isdigit() for w in words) >= min_words - 1:
            out.extend(words)
    return " ".join(out)


def is_cut(title: str | None) -> bool:
    """The headline ends with an ellipsis: words of it were left out."""
    return bool(title) and title.rstrip().endswith(_CUT)
