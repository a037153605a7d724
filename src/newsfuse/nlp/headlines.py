"""The headline of a page: the part of its title that is no site name ("Five hurt in shooting - WJTV News").

The title is no part of ``Document.text``; the nlp stage reads the headline's places beside the text's
(in the outlet's home area, else the run's country), and the events and stories stages read the headline
where the text tells nothing.
"""

from __future__ import annotations

import re

from newsfuse.records import Document

# what separates a headline from the site's name in a page title ("Five hurt in shooting - WJTV News")
TITLE_PARTS = re.compile(r"\s+(?:[-|–—:]{1,2})\s+")
TITLE_MIN_WORDS = 3  # a shorter part is a site name or a section label, not a headline


def headline_text(doc: Document) -> str | None:
    """The headline part of the page title: its longest part (the site's name is the shorter one)."""
    if not doc.title:
        return None
    parts = [p.strip() for p in TITLE_PARTS.split(doc.title) if p.strip()]
    parts = [p for p in parts if len(p.split()) >= TITLE_MIN_WORDS]
    return max(parts, key=len) if parts else None


def read_as(doc: Document) -> tuple[str, str | None]:
    """What the nlp stage reads of a document, its text and its headline: two documents alike in both take one
    annotation (pipeline.identical_twins)."""
    return doc.text, headline_text(doc)
