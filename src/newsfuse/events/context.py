"""What kind of report a document is, read once per document before its sentences are typed.

A match report uses the words of violence for football ("fired a low shot",
"kept attacking", "a low strike"); knowing the whole document is one lets the
sentence typer drop those senses even in a sentence with no sports word of its own.
"""

from __future__ import annotations

import re

from newsfuse.events import rules as R

# "2-1", "3–0": a scoreline (hand-written: one pattern, no library reads scorelines)
_SCORELINE = re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b(?!\s?(?:km|kilomet|mile|year|day|month|%))")
_WORD = re.compile(r"[a-z][a-z'-]+")
SPORTS_DOCUMENT_MIN = 4  # distinct sports words (a scoreline counts as one) that make a match report


def sports_report(text: str) -> bool:
    """Is this document a match report? Distinct sports words, so one "goal" or "match" is not enough."""
    words = set(_WORD.findall(text.lower()))
    # "equalised", "scored": the stems the word list holds
    stems = words | {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("ed")} \
        | {w[:-1] for w in words if w.endswith("ed")}
    hits = len(stems & R.SPORTS_WORDS) + (1 if _SCORELINE.search(text) else 0)
    return hits >= SPORTS_DOCUMENT_MIN


SPACEFLIGHT_DOCUMENT_MIN = 3  # distinct words of spaceflight that make a page about spaceflight


def spaceflight_report(text: str) -> bool:
    """Is this page about spaceflight? Then its rockets, missiles, drones and launches are launchers
    and probes, even in a sentence with no word of spaceflight of its own ("commercial rockets")."""
    return len(set(_WORD.findall(text.lower())) & R.SPACE_WORDS) >= SPACEFLIGHT_DOCUMENT_MIN
