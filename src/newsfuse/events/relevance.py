"""Is a report about political violence, crime or protest at all? Read once per document.

A product page, a match report, a review or a market column uses the words of violence in
passing ("a fight for voters", "the rally in stocks", "shoots for the moon"): a sentence or two
get typed, and each became an event. A report about an event tells it in its headline and lead
and gives its toll or counts (killed, injured, shot, arrested): the rule asks for an event in the
lead and either a second one there, such a figure anywhere, or a headline naming violence,
crime or protest. Chosen on the gva_incidents dev half (reports about shootings) against the 181
AEB pages (mostly not news of violence).
"""

from __future__ import annotations

import re

from newsfuse.events.salience import lead_end
from newsfuse.events.taxonomy import VIOLENT_TYPES
from newsfuse.nlp import find_figures
from newsfuse.records import Annotation, Document, Mention

FIGURE_KINDS = frozenset({"killed", "injured", "shot", "arrested"})
DENSE_SHARE = 0.5  # event sentences / all sentences that make a text about events by itself
LATIN_SHARE = 0.9  # an undetected language: English rules only on text this Latin-lettered


def english(doc: Document) -> bool:
    """Detected English, or no language detected and the letters are Latin (not Cyrillic, Arabic ...)."""
    if doc.language is not None:
        return doc.language == "en"
    letters = [c for c in doc.text[:2000] if c.isalpha()]
    return not letters or sum(c.isascii() for c in letters) >= LATIN_SHARE * len(letters)


# headline words that name violence, crime or protest outright (general news vocabulary): a
# headline with one is about an event even when its lead types only one sentence and gives no count
# ("Stray bullet hits Texas legislator": the bullet, not the shooter, is what local headlines name)
HEADLINE = re.compile(r"\b(?:shootings?|shot|shoots|gunfire|gunman|gunmen|killed|killings?|dies|died|fatal|"
                      r"found dead|murders?|murdered|homicides?|stabbed|stabbing|kidnapp(?:ed|ing)|abducted|robbery|"
                      r"assault(?:ed)?|rape|attacks?|bombings?|blast|explosion|protests?|protesters|clashes|"
                      r"riots?|massacre|hostages?|gunfight|kills|death|gunshot|bullets?|slain|manslaughter|arrested|charged)\b", re.I)


# a headline that says the page reviews a work ("<game> review – ...", "Review: <film>"): the fights,
# shootings and deaths it tells are the work's story, not events (gva_incidents dev: no headline matches)
REVIEW = re.compile(r"^\s*review\s*:|\breview\s*(?:[:–—|]|-\s|$)", re.I)


def reviews_a_work(doc: Document) -> bool:
    """Does the headline say the page reviews a game, a film, a book? Then nothing it tells is an event."""
    return bool(doc.title) and REVIEW.search(doc.title) is not None


def about_events(doc: Document, ann: Annotation, mentions: list[Mention]) -> bool:
    """An event in the headline and lead, and a second one there, a toll or count anywhere, or a
    headline that names violence, crime or protest."""
    end = lead_end(doc)
    lead = sum(1 for m in mentions if m.span[0] < end)
    # a headline-only page (no story text kept) counts in its headline ("4 injured by gunfire in ...")
    counted = any(f.kind in FIGURE_KINDS for f in ann.figures) \
        or (doc.headline_only and any(f.kind in FIGURE_KINDS for f in find_figures(doc.title or "")))
    # no title (a wire text, a transcript): nothing to check the lead against, so the lead speaks alone
    headline = bool(HEADLINE.search(doc.title)) if doc.title else True
    if lead == 0:  # the story starts below page chrome: the headline and a count must say it is one,
        # or the headline and a violent event further on (a death, a shooting) that the headline names;
        # a headline-only page has nothing but its headline, so a violent event it tells with a count of
        # its victims is one ("Shots fired, four wounded at party"; dev-rest part A: 1 such page gave none)
        violent = any(m.type in VIOLENT_TYPES for m in mentions)
        if doc.headline_only and counted and violent:
            return True
        return bool(mentions) and ((headline and (counted or violent)) if doc.title else True)
    # a short dispatch whose sentences are mostly events is about them, headline or not
    dense = len(mentions) >= DENSE_SHARE * max(1, len(ann.sentences))
    return lead >= 2 or counted or headline or dense
