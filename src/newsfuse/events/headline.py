"""The headline as the report's main event when the story text tells none.

A report's main event is told in its headline and lead. Archived local-news pages often keep the
headline (the document's title) while the story text left after cleaning is a sign-up notice, a
weather box or a comment wall: read sentence by sentence, such a report gave no event at all. Its
headline ("Four wounded in shooting at Pomona restaurant") is then read as the main event's
sentence: typed by the same rules, placed at the town it names (resolved as the story text
resolved it when the text names it too), dated by the lead or the publication.

The title is not part of ``Document.text``, so the nlp stage never parsed it: it is parsed here,
and only for the few reports whose text gave no event (the model is the one the nlp stage loaded).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsfuse.events.anchors import published_value
from newsfuse.events.classify import type_sentence
from newsfuse.events.taxonomy import VIOLENT_TYPES, event_type
from newsfuse.events.tree import Tree
from newsfuse.nlp.figures import find_figures
from newsfuse.nlp.headlines import headline_text
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Annotation, Document, Mention, Place, PlaceMention, Token

TOLL_KINDS = frozenset({"killed", "injured", "shot"})


@cache
def _parser(model_name: str):
    from newsfuse.nlp import model

    return model.full_pipeline(model_name)  # the nlp stage's model, already loaded in its process


def _tokens(text: str, nlp: NlpSettings) -> tuple[Token, ...]:
    sdoc = _parser(nlp.model)(text)
    return tuple(Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.idx, t.ent_type_) for t in sdoc)


def _written_in(name: str, text: str) -> bool:
    """The headline ``text`` writes ``name`` as a word of its own."""
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def _named_in(ann: Annotation, text: str) -> tuple[Place, str] | None:
    for pm in ann.places:
        if pm.place.precision == "point" and _written_in(pm.text, text):
            return pm.place, pm.text
    return None


def headline_town(doc: Document, ann: Annotation, text: str, settings: NlpSettings) -> tuple[Place, str] | None:
    """The town the headline names: as the story text resolved that name, else as the nlp stage read
    the headline (``headline_places``)."""
    if (named := _named_in(ann, text)) is not None:
        return named
    found = [pm for pm in headline_places(doc, ann, text, settings) if pm.place.precision == "point"]
    return (found[0].place, found[0].text) if found else None


def headline_places(doc: Document, ann: Annotation | None, text: str, settings: NlpSettings
                    ) -> tuple[PlaceMention, ...]:
    """The places the headline ``text`` names, as the nlp stage read them (in the outlet's home area, else the run's
    country: "Killeen" of a report of an outlet no table knows is Texas's), else, for an annotation stored
    before the stage read headlines, as the gazetteer reads them in the outlet's home area. Only names ``text``
    holds: a stored annotation may have been read under another title."""
    if ann is not None and ann.headline_places is not None:
        return tuple(pm for pm in ann.headline_places if _written_in(pm.text, text))
    return gazetteer_places(doc.url, text, settings)


@lru_cache(maxsize=256)
def gazetteer_places(url: str | None, text: str, settings: NlpSettings) -> tuple[PlaceMention, ...]:
    """The places a headline names, as the gazetteer reads them in the outlet's home area (the reading of
    annotations stored without their headline's places). Cached: one report's headline is asked for its
    town, then for its county or state (events/unplaced.py)."""
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.outlets import home_area
    from newsfuse.nlp.places import find_places

    gaz = gazetteer.load(settings.cache_dir)
    return tuple(find_places(text, gaz, settings, home_area(url, gaz)))


# who an incident happened to, as local headlines name them ("Woman fatally shot in Hazelwood")
VICTIM = re.compile(r"\b(?:man|woman|men|women|boy|girl|teens?|teenagers?|child|children|toddler|baby|\d+-year-old|"
                     r"officers?|deputy|deputies|victims?|students?|juvenile|hunter|father|mother|son|daughter|grandmother|grandfather|"
                    r"wife|husband|brother|sister)\b", re.I)
_NEARLY = re.compile(r"\b(?:nearly|almost|narrowly)\b", re.I)
# a place named by an incident it saw ("the club, the site of a fatal shooting", "scene of last week's killing")
_SITE_OF = re.compile(r"\b(?:site|scene)\s+of\s+(?:a|an|the|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:shooting|shootings|killing|killings|homicide|murder|slaying|attack|massacre)\b", re.I)


def site_of_past(text: str) -> bool:
    """Does the headline name a place by an incident it saw, the incident being its past?"""
    return _SITE_OF.search(text) is not None


# a death the headline tells without a figure ("Gunman says fatal shooting was self-defense")
_FATAL = re.compile(r"\b(?:fatal(?:ly)?|deadly)\b", re.I)


def _names_incident(text: str, doc: Document, ann: Annotation) -> bool:
    """Does the headline tell an incident: its toll ("Four wounded in shooting", "fatal shooting"), a county or
    state it happened in, or a person it happened to ("Woman shot ...", not "... nearly killed him")?"""
    if any(f.kind in TOLL_KINDS for f in find_figures(text)):
        return True
    if any(pm.place.precision in ("point", "region") and _written_in(pm.text, text)
           for pm in ann.places):
        return True
    return bool(VICTIM.search(text) or _FATAL.search(text)) and not _NEARLY.search(text)


def headline_mention(doc: Document, ann: Annotation, nlp: NlpSettings | None = None, follows: bool = False
                     ) -> Mention | None:
    """The violent event the headline tells, as a mention of its own (span (0, 0): not in the text).

    ``nlp``: the run's nlp settings (its model and gazetteer cache), the defaults when not given.
    ``follows``: the text tells no event at all and the headline tells what followed an incident ("Two
    arrested after child shot"): the report is the incident's follow-up, so the headline's violent event
    is read even when its arrest scores higher. When the text tells the arrest, the arrest stands."""
    text = headline_text(doc)
    if text is None:
        return None
    nlp = nlp or NlpSettings()
    tree = Tree(_tokens(text, nlp))
    try:
        typing, _ = type_sentence(tree, (), False, True, only=VIOLENT_TYPES if follows else None, title=True)
    except (IndexError, KeyError, ValueError, TypeError):
        return None
    if typing is None or event_type(typing.sub_type) not in VIOLENT_TYPES:
        return None
    found = headline_town(doc, ann, text, nlp)
    if found is None and not _names_incident(text, doc, ann):
        return None
    return Mention(
        id=f"{doc.id}:0:title",
        document=doc.id,
        span=(0, 0),
        sentence=text,
        type=event_type(typing.sub_type),
        sub_type=typing.sub_type,
        place=found[0] if found else None,
        place_text=found[1] if found else None,
        date=published_value(doc),  # salience dates it by the lead's day when the lead tells one
        confidence=round(typing.score / (typing.score + 1.2), 3),
    )
