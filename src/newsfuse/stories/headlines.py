"""What a page's headline names, for pages whose text tells nothing of their own.

A site template (copies/templates.py: the chrome kept where the story was lost) or a page whose text
is empty (the cleaner kept its headline alone) is read by its headline in story clustering. Its text
gave no place: the town its headline names ("Man shot dead in Gary club") is the one signal left that
another report of the incident shares. Read as the events stage reads a headline (events/headline.py):
the gazetteer in the outlet's home area.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.events.headline import gazetteer_places, headline_text
from newsfuse.records import Annotation, Document


def headline_places(docs: Iterable[Document]) -> dict[str, Annotation]:
    """Document id -> an annotation holding the places its headline names (pages naming none are left out)."""
    from newsfuse.nlp.settings import NlpSettings

    nlp = NlpSettings()
    out: dict[str, Annotation] = {}
    for d in docs:
        text = headline_text(d)
        if not text:
            continue
        places = gazetteer_places(d.url, text, nlp)  # the gazetteer is loaded once per process, when first read
        if places:
            out[d.id] = Annotation(document=d.id, sentences=(), places=tuple(places))
    return out
