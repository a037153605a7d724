"""What a page's headline names, for pages whose text tells nothing of their own.

A site template (copies/templates.py: the chrome kept where the story was lost) or a page whose text
is empty (the cleaner kept its headline alone) is read by its headline in story clustering. Its text
gave no place: the town its headline names ("Man shot dead in Gary club") is the one signal left that
another report of the incident shares. Read as the events stage reads a headline (events/headline.py):
the places the nlp stage read in it (the document's keys), in the outlet's home area or the run's country.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from newsfuse.events.headline import gazetteer_places
from newsfuse.nlp.headlines import headline_text
from newsfuse.records import Annotation, Document
from newsfuse.stories.keys import StoryKeys, annotation_keys


def headline_keys(docs: Iterable[Document], read: Mapping[str, StoryKeys]) -> dict[str, StoryKeys]:
    """Document id -> the story keys of the places its headline names (pages naming none are left out): as the
    nlp stage read them (``read``, the documents' keys), else, for keys made before it read headlines, as the
    gazetteer reads them in the outlet's home area."""
    from newsfuse.nlp.settings import NlpSettings

    nlp = NlpSettings()
    out: dict[str, StoryKeys] = {}
    for d in docs:
        keys = read.get(d.id)
        if keys is not None and keys.headline_entities is not None:
            if keys.headline_entities:
                out[d.id] = StoryKeys(entities=keys.headline_entities, placed=True, counties=keys.headline_counties)
            continue
        text = headline_text(d)
        if not text:
            continue
        places = gazetteer_places(d.url, text, nlp)  # the gazetteer is loaded once per process, when first read
        if places:
            out[d.id] = annotation_keys(Annotation(document=d.id, sentences=(), places=tuple(places)))
    return out
