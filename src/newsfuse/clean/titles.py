"""Headline from a page title: drop the site name that pages append ('... - WSVN 7News | Miami News').

trafilatura returns the page's title metadata, which often carries the site's name after a
separator; the story's headline is what a reader (and the gold of trafilatura_eval) calls the title.
"""

from __future__ import annotations

import re

from newsfuse.clean.credits import host_of

_SEPARATOR = re.compile(r"\s+(?:[|–—»:]{1,2}|-|::)\s+")
_ALNUM = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _ALNUM.sub("", text).lower()


def _is_site(part: str, names: list[str]) -> bool:
    k = _key(part)
    return bool(k) and any(n and (k in n or n in k) for n in names)


def headline(title: str | None, sitename: str | None = None, url: str | None = None) -> str | None:
    """The title without trailing (or leading) parts naming the site; pipes mark site parts too."""
    if not title:
        return title
    title = " ".join(title.split())
    names = [_key(sitename or "")]
    if url and (host := host_of(url)):
        names.append(_key(host.split(".")[-2] if host.count(".") >= 1 else host))
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    if len(parts) < 2:
        return title
    # trailing site-name parts, and anything after a pipe (real headlines seldom contain one)
    while len(parts) > 1 and (_is_site(parts[-1], names) or "|" in seps[-1]):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], names):  # '.:: NMB-MEDIA ::. eBay-Templates'
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip(" .:|") or title
