"""The nlp stage: Document -> Annotation (sentences, parse of event sentences, places, dates, actors, figures, attributions).

Fast by design: every document is split into sentences by the model's small
statistical sentence splitter, places/dates/actors/figures/attributions are
read from the whole text by the gazetteer and pattern modules, and the full
spaCy parser/NER runs only on sentences that can carry an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
import re
from itertools import islice

from newsfuse.nlp import gazetteer, model
from newsfuse.nlp.actors import entity_actors, find_actors
from newsfuse.nlp.attributions import find_attributions
from newsfuse.nlp.datelines import dateline_end
from newsfuse.nlp.dates import find_dates
from newsfuse.nlp.figures import find_figures
from newsfuse.nlp.headlines import headline_text
from newsfuse.nlp.limits import over_nlp_limit
from newsfuse.nlp.homes import Area, learn_homes, outlet_homes, run_country
from newsfuse.nlp.common_words import common_words
from newsfuse.nlp.outlets import credited_outlet, home_area, outlet_host
from newsfuse.nlp.places import find_places
from newsfuse.nlp.places.candidates import INSTITUTION_AFTER, PERSON_AFTER
from newsfuse.nlp.settings import NlpSettings
from newsfuse.nlp.triggers import is_candidate
from newsfuse.records import (ActorMention, Annotation, Document, PlaceMention, Rejected, Sentence, Span, Token,
                              main_country)

__all__ = ["annotate", "find_figures", "NlpSettings"]

_MAX_LINE = 100_000


def annotate(docs: Iterable[Document], settings: NlpSettings,
             homes: Mapping[str, Area] | None = None) -> Iterator[Annotation | Rejected]:
    """Annotate documents in batches of ``settings.batch_size``, in input order.

    ``homes``: outlets' home areas learned over the whole run (``homes.learn_homes``), for a caller
    that hands a run's documents out in parts; without it they are learned over ``docs`` first, so
    either way a document's places do not depend on the batch size.
    A document that cannot be read (text not a string, or a failure inside the
    stage) yields ``Rejected(source, "nlp", reason)`` instead of stopping the batch.
    """
    read: dict[int, list[PlaceMention]] = {}  # places read to learn the homes, by position in docs
    if homes is None:
        docs = list(docs)
        homes = learn_homes(docs, gazetteer.load(settings.cache_dir), settings, read)
    it = iter(docs)
    start = 0
    while batch := list(islice(it, settings.batch_size)):
        yield from _annotate_batch(batch, settings, homes, {i - start: read.pop(i) for i in range(start, start + len(batch))
                                                            if i in read})
        start += len(batch)


def _annotate_batch(batch: Sequence[Document], settings: NlpSettings, learned: Mapping[str, Area],
                    read_for_homes: dict[int, list[PlaceMention]]) -> Iterator[Annotation | Rejected]:
    good: list[Document] = []
    results: dict[int, Annotation | Rejected] = {}
    read: dict[int, list[PlaceMention]] = {}  # by position in good
    for i, doc in enumerate(batch):
        if not isinstance(getattr(doc, "text", None), str):
            results[i] = Rejected(str(getattr(doc, "source", "?")), "nlp", f"{getattr(doc, 'source', '?')}: document text is not a string")
        elif too_long := over_nlp_limit(doc, settings):
            results[i] = too_long
        else:
            if i in read_for_homes:
                read[len(good)] = read_for_homes[i]
            good.append(doc)
    sentences = _split(good, settings)
    gaz = gazetteer.load(settings.cache_dir)
    home = outlet_homes(good, gaz, settings, learned)
    country = run_country(learned)
    readings = []
    to_parse: list[tuple[int, Span]] = []
    for d, doc in enumerate(good):
        try:
            # a document read to learn its outlet's home and left without one is not read twice, unless the
            # run's country is a context it was read without
            places = read.get(d) if home[d] is None and country is None else None
            reading = _read(doc, gaz, settings, home[d], places, country)
        except Exception as err:  # a bad document must not stop the batch
            reading = Rejected(doc.source, "nlp", f"{doc.source}: {type(err).__name__}: {err}")
        readings.append(reading)
        if isinstance(reading, Rejected):
            continue
        dated = [m.span[0] for m in reading[1]]
        for span in sentences[d]:
            if settings.parse_all or is_candidate(doc.text[span[0]:span[1]],
                                                  any(span[0] <= x < span[1] for x in dated)):
                to_parse.append((d, span))
    parsed = _parse(good, to_parse, settings)
    named = _person_names(good, sentences, readings, parsed, settings)
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
            yield _assemble(doc, sentences[d], reading, parsed.get(d, {}), settings, named.get(d, ()))
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


def _read(doc: Document, gaz, settings: NlpSettings, home: tuple[str, str] | None,
          places: list[PlaceMention] | None = None, country: str | None = None):
    text = doc.text
    host = outlet_host(doc.url)
    credited = credited_outlet(text, host)  # a sister station's story, read in its area, its headline too
    if credited is not None and credited[1] != home:
        host, home, places = credited[0], credited[1], None
    if places is None:
        places = find_places(text, gaz, settings, home, host, country)
    dates = find_dates(text, doc.published)
    # a name read as a day is no place ("a Christmas night shooting" names no Christmas, Florida)
    places = [p for p in places if not any(d.span[0] <= p.span[0] and p.span[1] <= d.span[1] for d in dates)]
    headline = _headline_places(doc, gaz, settings, country, credited)
    return places, dates, find_attributions(text), find_figures(text), headline


def _headline_places(doc: Document, gaz, settings: NlpSettings, country: str | None,
                     credited: tuple[str, tuple[str, str]] | None = None) -> tuple[PlaceMention, ...]:
    """The places the headline names (the events and stories stages read it where the text tells nothing), in the
    outlet's home area as the outlet tables know it, else in the run's country ("Killeen toddler dies" of an
    outlet no table knows). Not in a home learned from the run: learned from two or three of its pages, their
    chrome too, it can be a wrong state, which the text's own names outvote and a headline's few cannot (gva dev
    out of fold: a station's "One killed, four injured in Dillon County shooting" then named no county). Its host
    too, as for the text: a township far from the outlet's home town is no town of its name. ``credited``: the
    sister station whose story the page carries (``outlets.credited_outlet``), whose host and area it is read with."""
    headline = headline_text(doc)
    host, home = credited or (outlet_host(doc.url), home_area(doc.url, gaz, country=country))
    return tuple(find_places(headline, gaz, settings, home, host, country)) if headline else ()


def _parse(docs: Sequence[Document], to_parse: list[tuple[int, Span]], settings: NlpSettings
           ) -> dict[int, dict[Span, tuple[tuple[Token, ...], list[tuple[str, Span, str]]]]]:
    """Tokens and entities of the candidate sentences, by document and sentence span."""
    out: dict[int, dict[Span, tuple[tuple[Token, ...], list[tuple[str, Span, str]]]]] = {}
    if not to_parse:
        return out
    nlp = model.full_pipeline(settings.model)
    attributes = model.tag_attributes(settings.model)
    texts = [docs[d].text[s:min(e, s + settings.max_sentence_chars)] for d, (s, e) in to_parse]
    with nlp.select_pipes(disable=list(attributes.components) if attributes else []):
        for (d, span), sdoc in zip(to_parse, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            base = span[0]
            read = attributes(sdoc) if attributes else [(t.pos_, t.lemma_, t.dep_) for t in sdoc]
            tokens = tuple(
                Token(t.text, lemma, pos, dep, t.head.i, base + t.idx, t.ent_type_)
                for t, (pos, lemma, dep) in zip(sdoc, read, strict=True)
            )
            ents = [(e.text, (base + e.start_char, base + e.end_char), e.label_) for e in sdoc.ents]
            out.setdefault(d, {})[span] = (tokens, ents)
    return out


def _lone_town(p: PlaceMention) -> bool:
    """A town written as one word: the kind of place name people carry too ("Austin", "Kelly", "Sidney")."""
    return p.place.precision == "point" and " " not in p.text.strip()


def _person_names(docs: Sequence[Document], sentences: list[list[Span]], readings, parsed,
                  settings: NlpSettings) -> dict[int, list[tuple[str, Span, str]]]:
    """PERSON entities of the sentences holding a one-word town that the parse did not already read.

    The named-entity recogniser alone (no parser) runs on just those sentences: a PERSON span is no
    place, and a town named in one sentence as a person's name ("Kelly said") is a person in the
    whole document.
    """
    jobs: list[tuple[int, Span]] = []
    for d, reading in enumerate(readings):
        if isinstance(reading, Rejected):
            continue
        towns = {p.text for p in reading[0] if _lone_town(p)}
        if not towns:
            continue
        done = parsed.get(d, {})
        text = docs[d].text
        # only where such a town is written beside another capitalised word ("Sidney Davis", "Megyn
        # Kelly"): a full name needs two words, and these sentences are a fraction of the document
        # ("Alexandria Police", "Dublin City Schools": a common word beside it makes no name)
        alternatives = "|".join(map(re.escape, towns))
        beside = re.compile(rf"\b(?:{alternatives})\s+([A-Z][\w'’-]*)|([A-Z][\w'’-]*)\s+(?:{alternatives})\b")
        common = common_words()
        starts = [m.start() for m in beside.finditer(text)
                  if (m.group(1) or m.group(2)).lower() not in common]
        for span in sentences[d]:
            if span not in done and any(span[0] <= x < span[1] for x in starts):
                jobs.append((d, span))
    out: dict[int, list[tuple[str, Span, str]]] = {}
    if not jobs:
        return out
    nlp = model.full_pipeline(settings.model)
    texts = [docs[d].text[s:min(e, s + settings.max_sentence_chars)] for d, (s, e) in jobs]
    # the model's NER has its own embedding layer: the shared tok2vec feeds only tagger and parser
    with nlp.select_pipes(enable=["ner"]):
        for (d, span), sdoc in zip(jobs, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            out.setdefault(d, []).extend((e.text, (span[0] + e.start_char, span[0] + e.end_char), e.label_)
                                         for e in sdoc.ents if e.label_ == "PERSON")
    return out


def _assemble(doc: Document, spans: list[Span], reading, parsed, settings: NlpSettings,
              named: Sequence[tuple[str, Span, str]] = ()) -> Annotation:
    places, dates, attributions, figures, headline_places = reading
    gaz = gazetteer.load(settings.cache_dir)
    names = {p.place.country: gaz.country(p.place.country).name for p in places
             if p.place.country and gaz.country(p.place.country)}
    main = main_country(places)
    if main and main not in names and gaz.country(main):
        names[main] = gaz.country(main).name
    actors = find_actors(doc.text, names, main)
    ents = [e for _, sent_ents in parsed.values() for e in sent_ents]
    places = _drop_overlapping(places, actors, ents + list(named), doc.text)
    actors = sorted(actors + entity_actors(ents, actors + _as_actor_blocks(places), doc.text), key=lambda a: a.span)
    sentences = tuple(
        Sentence(span, doc.text[span[0]:span[1]], span in parsed, parsed[span][0] if span in parsed else ())
        for span in spans
    )
    return Annotation(doc.id, sentences, tuple(places), tuple(dates), tuple(actors), tuple(figures),
                      tuple(attributions), headline_places)


# words before a town that make it a place whatever else the document calls a person ("in Paris")
_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|outside|of|into|toward|towards|across|around)\s+$", re.IGNORECASE)


def _drop_overlapping(places: list[PlaceMention], actors: list[ActorMention], ents, text: str = "") -> list[PlaceMention]:
    """Places inside an actor's name ("Iraq" in "Islamic State of Iraq") or that the parser reads as a
    person or organisation ("Maliki" of Nuri al-Maliki, "Austin" of Austin Hedrick) are not places; nor
    is a one-word town the document uses as part of a person's full name ("Sidney Davis ... Sidney
    said"), unless a locative word puts it on the map there ("in Sidney")."""
    groups = [a.span for a in actors if a.kind in ("group", "organisation")]
    names = [(s, label) for _, s, label in ents if label in ("PERSON", "ORG")]
    name_words = {w for t, _, label in ents if label == "PERSON" and len(t.split()) >= 2 for w in t.split()}
    # a town the parser reads as a person right after a given name ("Esteban Santiago is accused"): the parser
    # tags only the surname, which is then a person's name all through the document, as a full name would be
    people = {s for _, s, label in ents if label == "PERSON"}
    name_words |= {p.text for p in places if p.span in people and _lone_town(p)
                   and _given_name_before(text, *p.span)}
    out = []
    for p in places:
        a, b = p.span
        if any(x < b and a < y for x, y in groups):
            continue
        # Inside a longer person/organisation name ("Nuri al-Maliki"). An ORG of exactly the place's
        # name is usually the town itself ("the Rawa crossing" tagged ORG), so it stays.
        if p.place.precision != "country" and any(x <= a and b <= y and (x, y) != (a, b)
                                                  and not _agency_of(text, a, x, y, label) for (x, y), label in names) \
                and not INSTITUTION_AFTER.match(text, b):
            continue
        if _lone_town(p) and p.text in name_words and not _LOCATIVE.search(text[max(0, a - 12):a]):
            continue
        out.append(p)
    return out


# a police force named after the town it serves and more ("Savannah Chatham Metropolitan Police")
_AGENCY_END = re.compile(r"\b(?:police(?: department| dept\.?)?|sheriff['’]s (?:office|department))$", re.I)


def _agency_of(text: str, place_start: int, start: int, end: int, label: str) -> bool:
    """An organisation the place's name opens and a police force's name ends: the town's own police."""
    return label == "ORG" and start == place_start and _AGENCY_END.search(text, start, end) is not None


_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")


def _given_name_before(text: str, start: int, end: int) -> bool:
    """A capitalised word that is no common word right before ``start`` ("Esteban Santiago", not "In Santiago"),
    and no person after ``end`` ("an Eastside Jacksonville girl" is where she is from)."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1).lower() not in common_words() and not PERSON_AFTER.match(text, end)


def _as_actor_blocks(places: list[PlaceMention]) -> list[ActorMention]:
    # spaCy fallback entities never re-label a resolved place as an actor
    return [ActorMention(p.text, p.span, p.place.name, "place") for p in places]

