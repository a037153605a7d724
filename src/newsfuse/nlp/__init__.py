"""The nlp stage: Document -> Annotation (sentences, parse of event sentences, places, dates, actors, figures, attributions).

Fast by design: every document is split into sentences by the model's small
statistical sentence splitter, places/dates/actors/figures/attributions are
read from the whole text by the gazetteer and pattern modules, and the full
spaCy parser/NER runs only on sentences that can carry an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from newsfuse.nlp import gazetteer, model
from newsfuse.nlp.actors import entity_actors, find_actors
from newsfuse.nlp.attributions import find_attributions
from newsfuse.nlp.datelines import dateline_end
from newsfuse.nlp.dates import find_dates
from newsfuse.nlp.figures import find_figures
from newsfuse.nlp.places import find_places
from newsfuse.nlp.settings import NlpSettings
from newsfuse.nlp.triggers import is_candidate
from newsfuse.records import (ActorMention, Annotation, Document, PlaceMention, Rejected, Sentence, Span, Token,
                              main_country)

__all__ = ["annotate", "find_figures", "NlpSettings"]

_MAX_LINE = 100_000


def annotate(docs: Iterable[Document], settings: NlpSettings) -> Iterator[Annotation | Rejected]:
    """Annotate documents in batches of ``settings.batch_size``, in input order.

    A document that cannot be read (text not a string, or a failure inside the
    stage) yields ``Rejected(source, "nlp", reason)`` instead of stopping the batch.
    """
    it = iter(docs)
    while batch := list(islice(it, settings.batch_size)):
        yield from _annotate_batch(batch, settings)


def _annotate_batch(batch: Sequence[Document], settings: NlpSettings) -> Iterator[Annotation | Rejected]:
    good: list[Document] = []
    results: dict[int, Annotation | Rejected] = {}
    for i, doc in enumerate(batch):
        if not isinstance(getattr(doc, "text", None), str):
            results[i] = Rejected(str(getattr(doc, "source", "?")), "nlp", f"{getattr(doc, 'source', '?')}: document text is not a string")
        else:
            good.append(doc)
    sentences = _split(good, settings)
    gaz = gazetteer.load(settings.cache_dir)
    readings = []
    to_parse: list[tuple[int, Span]] = []
    for d, doc in enumerate(good):
        try:
            reading = _read(doc, gaz, settings)
        except Exception as err:  # a bad document must not stop the batch
            reading = Rejected(doc.source, "nlp", f"{doc.source}: {type(err).__name__}: {err}")
        readings.append(reading)
        if isinstance(reading, Rejected):
            continue
        for span in sentences[d]:
            if settings.parse_all or is_candidate(doc.text[span[0]:span[1]]):
                to_parse.append((d, span))
    parsed = _parse(good, to_parse, settings)
    index = 0
    for i, doc in enumerate(batch):
        if i in results:
            yield results[i]
            continue
        d = index
        index += 1
        reading = readings[d]
        if isinstance(reading, Rejected):
            yield reading
            continue
        try:
            yield _assemble(doc, sentences[d], reading, parsed.get(d, {}), settings)
        except Exception as err:  # keep the batch going; say which document and why
            yield Rejected(doc.source, "nlp", f"{doc.source}: {type(err).__name__}: {err}")


def _split(docs: Sequence[Document], settings: NlpSettings) -> list[list[Span]]:
    """Sentence spans per document. Lines are split separately: page text has headlines without full stops."""
    blocks: list[tuple[int, int]] = []  # (doc index, line start)
    texts: list[str] = []
    for d, doc in enumerate(docs):
        pos = 0
        for full in doc.text.split("\n"):
            # a leading dateline ("BAMAKO, March 8 (Reuters) - ") is no part of the first sentence
            skip = dateline_end(full)
            line = full[skip:]
            # spaCy refuses texts over nlp.max_length; a runaway line is cut into pieces
            for cut in range(0, len(line), _MAX_LINE):
                piece = line[cut:cut + _MAX_LINE]
                if piece.strip():
                    blocks.append((d, pos + skip + cut))
                    texts.append(piece)
            pos += len(full) + 1
    out: list[list[Span]] = [[] for _ in docs]
    nlp = model.sentence_splitter(settings.model)
    for (d, base), sdoc in zip(blocks, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        line: list[Span] = []
        for sent in sdoc.sents:
            text = sent.text
            start = base + sent.start_char + (len(text) - len(text.lstrip()))
            end = base + sent.end_char - (len(text) - len(text.rstrip()))
            if end <= start:
                continue
            # The small senter sometimes cuts mid-sentence ("Al" | "-Qaim and ..."): a piece that
            # does not end like a sentence is joined to the next piece of the same line.
            if line and not _ends_sentence(docs[d].text[line[-1][0]:line[-1][1]]):
                line[-1] = (line[-1][0], end)
            else:
                line.append((start, end))
        out[d].extend(line)
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in {".", "!", "?", '"', "”", "’", "'", ")", ":", ";"}


def _read(doc: Document, gaz, settings: NlpSettings):
    text = doc.text
    places = find_places(text, gaz, settings)
    return places, find_dates(text, doc.published), find_attributions(text), find_figures(text)


def _parse(docs: Sequence[Document], to_parse: list[tuple[int, Span]], settings: NlpSettings
           ) -> dict[int, dict[Span, tuple[tuple[Token, ...], list[tuple[str, Span, str]]]]]:
    """Tokens and entities of the candidate sentences, by document and sentence span."""
    out: dict[int, dict[Span, tuple[tuple[Token, ...], list[tuple[str, Span, str]]]]] = {}
    if not to_parse:
        return out
    nlp = model.full_pipeline(settings.model)
    texts = [docs[d].text[s:min(e, s + settings.max_sentence_chars)] for d, (s, e) in to_parse]
    for (d, span), sdoc in zip(to_parse, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        base = span[0]
        tokens = tuple(
            Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, base + t.idx, t.ent_type_) for t in sdoc
        )
        ents = [(e.text, (base + e.start_char, base + e.end_char), e.label_) for e in sdoc.ents]
        out.setdefault(d, {})[span] = (tokens, ents)
    return out


def _assemble(doc: Document, spans: list[Span], reading, parsed, settings: NlpSettings) -> Annotation:
    places, dates, attributions, figures = reading
    gaz = gazetteer.load(settings.cache_dir)
    names = {p.place.country: gaz.country(p.place.country).name for p in places
             if p.place.country and gaz.country(p.place.country)}
    main = main_country(places)
    if main and main not in names and gaz.country(main):
        names[main] = gaz.country(main).name
    actors = find_actors(doc.text, names, main)
    ents = [e for _, sent_ents in parsed.values() for e in sent_ents]
    places = _drop_overlapping(places, actors, ents)
    actors = sorted(actors + entity_actors(ents, actors + _as_actor_blocks(places), doc.text), key=lambda a: a.span)
    sentences = tuple(
        Sentence(span, doc.text[span[0]:span[1]], span in parsed, parsed[span][0] if span in parsed else ())
        for span in spans
    )
    return Annotation(doc.id, sentences, tuple(places), tuple(dates), tuple(actors), tuple(figures),
                      tuple(attributions))


def _drop_overlapping(places: list[PlaceMention], actors: list[ActorMention], ents) -> list[PlaceMention]:
    """Places inside an actor's name ("Iraq" in "Islamic State of Iraq") or that the parser reads as a
    person or organisation ("Maliki" of Nuri al-Maliki) are not places."""
    groups = [a.span for a in actors if a.kind in ("group", "organisation")]
    names = [(s, label) for _, s, label in ents if label in ("PERSON", "ORG")]
    out = []
    for p in places:
        a, b = p.span
        if any(x < b and a < y for x, y in groups):
            continue
        # Inside a longer person/organisation name ("Nuri al-Maliki"), or a weakly supported
        # place the parser calls a person ("Johnson"). An ORG of exactly the place's name is
        # usually the town itself ("the Rawa crossing" tagged ORG), so it stays.
        if p.place.precision != "country" and any(
            x <= a and b <= y and ((x, y) != (a, b) or (label == "PERSON" and p.score <= 0.9))
            for (x, y), label in names
        ):
            continue
        out.append(p)
    return out


def _as_actor_blocks(places: list[PlaceMention]) -> list[ActorMention]:
    # spaCy fallback entities never re-label a resolved place as an actor
    return [ActorMention(p.text, p.span, p.place.name, "place") for p in places]

