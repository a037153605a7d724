"""events: (Document, Annotation) -> [Mention], ACLED-typed event mentions with actors, place, date, figures."""

from __future__ import annotations

from newsfuse.events.extract import extract
from newsfuse.events.settings import EventSettings
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Annotation, Document, Mention


def extract_mentions(doc: Document, annotation: Annotation, settings: EventSettings,
                     nlp: NlpSettings | None = None) -> list[Mention]:
    """The event mentions of one document; a malformed annotation yields no mentions, never an error.

    ``nlp``: the run's nlp settings, for the headline the nlp stage did not parse (defaults if None)."""
    return extract(doc, annotation, settings, nlp)


__all__ = ["extract_mentions", "EventSettings"]
