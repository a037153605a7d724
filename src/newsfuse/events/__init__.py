"""events: (Document, Annotation) -> [Mention], ACLED-typed event mentions with actors, place, date, figures."""

from __future__ import annotations

from newsfuse.events.extract import extract
from newsfuse.events.settings import EventSettings
from newsfuse.records import Annotation, Document, Mention


def extract_mentions(doc: Document, annotation: Annotation, settings: EventSettings) -> list[Mention]:
    """The event mentions of one document; a malformed annotation yields no mentions, never an error."""
    return extract(doc, annotation, settings)


__all__ = ["extract_mentions", "EventSettings"]
