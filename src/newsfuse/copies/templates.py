"""Site templates: one text on several pages under headlines it does not tell.

When a crawl keeps a site's chrome where the story was lost ("We have sent you a verification
email", a sign-in widget, "Get email notifications on <reporter>"), every such page of the site
carries the same text (but for a name) under its own headline. Their text is no copy of one story and no story at
all: only their headlines say what they report. Told apart from a copy (one story under two
headlines, or an updated headline) by the text naming none of the headlines' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsfuse.records import Document

# a headline word must be this long to count (names, places, verbs; not "a", "in", "of", "man")
_WORD = re.compile(r"[a-z]{4,}")
# words written in lower case (what a template keeps when it names its page's reporter or site)
_LOWER = re.compile(r"(?<![\w'’])[a-z][a-z'’]*")
# a page's text tells its headline when at least this share of the headline's words is in it
# (gva_incidents dev: pages of one story under two headlines tell their best-told headline at 0.55-0.91,
# site templates at 0-0.14)
TOLD = 0.25


def headline_told(title: str | None, text: str) -> bool:
    """Whether the text holds enough of the headline's words to be about it (no words: told)."""
    words = set(_WORD.findall((title or "").lower()))
    if not words:
        return True
    low = text.lower()
    return sum(w in low for w in words) / len(words) >= TOLD


def template_pages(docs: Iterable[Document]) -> frozenset[str]:
    """Ids of pages whose text is a site template: the same text on two or more pages under
    different headlines, none of which the text tells."""
    by_text: dict[str, list[Document]] = {}
    for d in docs:
        by_text.setdefault(skeleton(d.text), []).append(d)
    out: set[str] = set()
    for key, group in by_text.items():
        if key and _is_template(group):
            out.update(d.id for d in group)
    return frozenset(out)


def skeleton(text: str) -> str:
    """The text without its capitalised words: a template that names its page's reporter or site
    ("Whenever <reporter> posts new content, you'll get an email") is one skeleton on every page."""
    return " ".join(_LOWER.findall(text))


def _is_template(group: Sequence[Document]) -> bool:
    titles = {(d.title or "").strip().lower(): d.text for d in group}
    titles.pop("", None)
    return len(titles) >= 2 and not any(headline_told(t, text) for t, text in titles.items())
