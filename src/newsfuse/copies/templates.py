"""Site templates: one text on several pages under headlines it does not tell.

When a crawl keeps a site's chrome where the story was lost ("We have sent you a verification
email", a sign-in widget, "Get email notifications on <reporter>"), every such page of the site
carries the same text (but for a name) under its own headline. Their text is no copy of one story and no story at
all: only their headlines say what they report. Told apart from a copy (one story under two
headlines, or an updated headline) by the text naming none of the headlines' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from hashlib import blake2b

from newsfuse.records import Document

# a headline word must be this long to count (names, places, verbs; not "a", "in", "of", "man")
_WORD = re.compile(r"[a-z]{4,}")
# words written in lower case (what a template keeps when it names its page's reporter or site)
_LOWER = re.compile(r"(?<![\w'’])[a-z][a-z'’]*")
# a page's text tells its headline when at least this share of the headline's words is in it
# (gva_incidents dev: pages of one story under two headlines tell their best-told headline at 0.55-0.91,
# site templates at 0-0.14)
TOLD = 0.25
SITE_NAME_WORDS = 2  # at most this many words shared by every headline of a group are a site's name


def headline_told(title: str | None, text: str, site_words: frozenset[str] = frozenset()) -> bool:
    """Whether the text holds enough of the headline's words to be about it (no words: told);
    ``site_words`` (the site's name in every headline of a group) do not count: a headline of nothing
    else ("<account> on Twitter" with a short account) tells nothing of its own."""
    every = set(_WORD.findall((title or "").lower()))
    words = every - site_words
    if not words:
        return not every
    low = text.lower()
    return sum(w in low for w in words) / len(words) >= TOLD


def template_pages(docs: Iterable[Document], skeletons: Mapping[str, str] | None = None) -> frozenset[str]:
    """Ids of pages whose text is a site template: the same text on two or more pages under
    different headlines, none of which the text tells. ``skeletons``: document id -> ``skeleton_key``
    of its text, where already known (stored with its story keys)."""
    skeletons = skeletons or {}
    by_text: dict[str, list[Document]] = {}
    for d in docs:
        key = skeletons.get(d.id)
        by_text.setdefault(key if key is not None else skeleton_key(d.text), []).append(d)
    out: set[str] = set()
    for key, group in by_text.items():
        if key and _is_template(group):
            out.update(d.id for d in group)
    return frozenset(out)


def skeleton(text: str) -> str:
    """The text without its capitalised words: a template that names its page's reporter or site
    ("Whenever <reporter> posts new content, you'll get an email") is one skeleton on every page."""
    return " ".join(_LOWER.findall(text))


def skeleton_key(text: str) -> str:
    """A short digest of ``skeleton(text)`` (empty when the skeleton is: such pages are never grouped)."""
    bare = skeleton(text)
    return blake2b(bare.encode("utf-8"), digest_size=8).hexdigest() if bare else ""


def _is_template(group: Sequence[Document]) -> bool:
    titles = {(d.title or "").strip().lower(): d.text for d in group}
    titles.pop("", None)
    if len(titles) < 2:
        return False
    # a word or two that every headline of the group holds name the site, not the page ("<account> on
    # Twitter"), and the site's chrome names the site too: they tell nothing of what the page reports
    # (more shared words are one story's headline under two outlets' suffixes: a copy, judged as before)
    site = frozenset.intersection(*(frozenset(_WORD.findall(t)) for t in titles))
    if len(site) > SITE_NAME_WORDS:
        site = frozenset()
    return not any(headline_told(t, text, site) for t, text in titles.items())
