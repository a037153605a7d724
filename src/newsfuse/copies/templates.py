"""Site templates: one text on several pages under headlines it does not tell.

When a crawl keeps a site's chrome where the story was lost ("We have sent you a verification
email", a sign-in widget, "Get email notifications on <reporter>"), every such page of the site
carries the same text under its own headline. Their text is no copy of one story and no story at
all: only their headlines say what they report. Told apart from a copy (one story under two
headlines, or an updated headline) by the text naming none of the headlines' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsfuse.records import Document

# a headline word must be this long to count (names, places, verbs; not "a", "in", "of", "man")
_WORD = re.compile(r"[a-z]{4,}")
# a page's text tells its headline when at least this share of the headline's words is in it
# (gva_incidents dev: pages of one story under two headlines share 0.29-1.0 of the words, chrome 0-0.2)
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
        by_text.setdefault(d.text.strip(), []).append(d)
    out: set[str] = set()
    for text, group in by_text.items():
        if text and _is_template(text, group):
            out.update(d.id for d in group)
    return frozenset(out)


def _is_template(text: str, group: Sequence[Document]) -> bool:
    titles = {(d.title or "").strip().lower() for d in group}
    titles.discard("")
    return len(titles) >= 2 and not any(headline_told(t, text) for t in titles)
