"""What story clustering reads of a document, reduced once and stored, so a run reads it back
instead of deriving it again.

A daily add clusters its reports with the ~1,000 stored reports of their days and stories; at
100,000 stored reports, parsing each one's stored annotation again (2 KB of JSON, its places and
actors in full) and tokenising each one's text again was most of the stories step. ``story_keys``
keeps only what ``similarity.features`` reads: the places and actors as weighted terms, the full
person names, the death tolls, whether a place was found, the most mentioned day, the text's
word counts and a digest of its template skeleton (copies/templates.py). The store keeps them
with the story signals (``story_signals.keys``), written when the annotation is stored.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace

from newsfuse.copies.templates import skeleton_key
from newsfuse.records import Annotation
from newsfuse.stories.signals import death_tolls, entity_bag, mentioned_day, person_names, stated_ages, town_counties
from newsfuse.stories.text import word_counts


# how the keys below are made: a store whose keys were made otherwise is keyed again (blocking.py);
# change it with anything that changes what ``story_keys`` returns (signals.py, text.py, templates.py)
# 2: the ages the text states (signals.stated_ages); 3: counties keyed in their state (place_key); 4: the counties of
# the towns named (signals.town_counties); 5: the headline's places (Annotation.headline_places); 6: ages written in
# words ("a four-year-old")
KEYING = "6"


@dataclass(frozen=True, slots=True)
class StoryKeys:
    entities: tuple[tuple[str, float], ...] = ()  # signals.entity_bag, in its order
    names: frozenset[str] = frozenset()  # signals.person_names
    tolls: frozenset[str] = frozenset()  # signals.death_tolls
    placed: bool = False  # the annotation names a place
    mentioned_day: int | None = None  # signals.mentioned_day
    # the text's content words of any length (a run's ``min_token_length`` filters them), in text order
    words: tuple[tuple[str, int], ...] = ()
    skeleton: str | None = None  # copies.templates.skeleton_key of the text (None: not read)
    ages: frozenset[str] = frozenset()  # signals.stated_ages of the text
    counties: frozenset[str] = frozenset()  # signals.town_counties
    # the same two of the places the headline names (Annotation.headline_places; None: not read), for a page
    # whose text names no place (stories/headlines.py)
    headline_entities: tuple[tuple[str, float], ...] | None = None
    headline_counties: frozenset[str] = frozenset()

    def entity_bag(self) -> Counter[str]:
        return Counter(dict(self.entities))

    def word_bag(self, min_length: int) -> Counter[str]:
        return Counter({w: c for w, c in self.words if len(w) >= min_length})


def annotation_keys(annotation: Annotation | None) -> StoryKeys:
    """The keys of an annotation alone (no text words)."""
    if annotation is None:
        return StoryKeys()
    headline = None if annotation.headline_places is None else \
        Annotation(annotation.document, (), places=annotation.headline_places)
    return StoryKeys(entities=tuple(entity_bag(annotation).items()), names=frozenset(person_names(annotation)),
                     tolls=frozenset(death_tolls(annotation)), placed=bool(annotation.places),
                     mentioned_day=mentioned_day(annotation), counties=frozenset(town_counties(annotation)),
                     headline_entities=None if headline is None else tuple(entity_bag(headline).items()),
                     headline_counties=frozenset(town_counties(headline)))


def story_keys(text: str, annotation: Annotation | None) -> StoryKeys:
    """The keys of a document's text and annotation."""
    return replace(annotation_keys(annotation), words=tuple(word_counts(text or "", 1).items()),
                   skeleton=skeleton_key(text or ""), ages=frozenset(stated_ages(text)))


def keys_json(keys: StoryKeys) -> str:
    """Compact JSON: the words as one string and their counts as another (a thousand of them are read
    back in a daily add: two strings split, not a list of pairs parsed)."""
    return json.dumps({
        "e": [[k, w] for k, w in keys.entities], "n": sorted(keys.names), "t": sorted(keys.tolls),
        "p": keys.placed, "m": keys.mentioned_day,
        "w": " ".join(w for w, _ in keys.words), "c": " ".join(str(c) for _, c in keys.words), "s": keys.skeleton,
        "a": sorted(keys.ages), "k": sorted(keys.counties),
        "h": None if keys.headline_entities is None else [[k, w] for k, w in keys.headline_entities],
        "hk": sorted(keys.headline_counties),
    }, ensure_ascii=False, separators=(",", ":"))


def keys_from_json(text: str) -> StoryKeys:
    d = json.loads(text)
    words = d["w"].split(" ") if d["w"] else []
    counts = map(int, d["c"].split(" ")) if d["c"] else ()
    return StoryKeys(entities=tuple((k, w) for k, w in d["e"]), names=frozenset(d["n"]), tolls=frozenset(d["t"]),
                     placed=d["p"], mentioned_day=d["m"], words=tuple(zip(words, counts, strict=True)),
                     skeleton=d.get("s"), ages=frozenset(d.get("a", ())), counties=frozenset(d.get("k", ())),
                     headline_entities=None if d.get("h") is None else tuple((k, w) for k, w in d["h"]),
                     headline_counties=frozenset(d.get("hk", ())))
