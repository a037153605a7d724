"""The vocabulary every stage speaks: frozen records passed from stage to stage.

A stage takes records of the stage before it and returns its own; no stage
reaches into another's internals. Character spans are ``(start, end)`` offsets
into ``Document.text`` (end exclusive). Records are frozen so a stage can never
change what an earlier stage produced; use ``dataclasses.replace`` to derive.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache, cached_property
from typing import Any, Literal, TypeVar

Span = tuple[int, int]

# ---------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One report as read from disk, before any cleaning.

    ``id`` is a content hash of ``content`` (of a JSONL record: its text, url and
    title) so the same page read twice (or from two paths) gets the same id,
    which makes ``run`` idempotent.
    """

    id: str
    source: str  # the path or URL exactly as the input named it
    content: str  # decoded text of the page (HTML or plain text)
    kind: Literal["html", "text"]
    url: str | None = None
    encoding: str | None = None  # how the bytes were decoded (detected, not assumed)
    # metadata the container itself supplied (JSONL fields, WARC headers)
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input or document a stage could not use, with the reason.

    Batches go on past a rejection; the CLI prints one line per rejection.
    """

    source: str
    stage: str
    reason: str


# ---------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class PublishedDate:
    date: str  # ISO 8601: "2014-06-21" or "2014-06-21T14:30"
    precision: Literal["minute", "day", "month", "year"]
    origin: str  # where it was read: "html-meta", "text:byline", "jsonl", "warc", "source-line"...


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of page chrome the cleaner removed, and why."""

    text: str
    reason: str  # "navigation", "comment", "related", "share", "appeal", "copyright", ...


@dataclass(frozen=True, slots=True)
class Credit:
    """A wire service or original publisher that a document credits or carries."""

    name: str  # canonical: "Reuters", "AFP", "Associated Press", "The Long War Journal"
    kind: Literal["wire", "publisher"]
    evidence: str  # the words that gave it away: "(Reuters)", "From Reuters:", "[Source: ...]"
    how: Literal["credited", "carried"] = "credited"  # carried = its passages are in the text


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    text: str
    paragraphs: tuple[Span, ...] = ()
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: PublishedDate | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    credits: tuple[Credit, ...] = ()
    kind: Literal["html", "text"] = "text"

    @property
    def headline_only(self) -> bool:
        """A report whose story text was lost in cleaning but whose page shows its headline: an empty
        body, the title the only thing it tells (see ``clean.assemble.has_headline``)."""
        return not self.text and bool(self.title)


# ---------------------------------------------------------------- copies


@dataclass(frozen=True, slots=True)
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int


CopyKind = Literal["duplicate", "near_duplicate", "shared_passages"]


@dataclass(frozen=True, slots=True)
class CopyRelation:
    """Two documents that share text. ``a < b`` by id so a pair appears once."""

    a: str
    b: str
    kind: CopyKind
    overlap: float  # share of the shorter document's words covered by shared text, 0..1
    passages: tuple[Passage, ...] = ()
    original: str | None = None  # id of the one the other evidently republishes
    evidence: str | None = None  # why ``original`` was chosen

    @property
    def direction(self) -> str | None:
        if self.original is None:
            return None
        return "a->b" if self.original == self.a else "b->a"


@dataclass(frozen=True)  # no slots: the per-document index below is a cached_property
class CopyGraph:
    relations: tuple[CopyRelation, ...]
    # document id -> id of its origin group (documents that count as one source)
    origin_group: dict[str, str] = field(default_factory=dict)
    # document id -> wire services / publishers it credits or whose passages it carries
    origins: dict[str, tuple[Credit, ...]] = field(default_factory=dict)

    @cached_property
    def by_document(self) -> dict[str, tuple[CopyRelation, ...]]:
        """Each document's relations, in graph order: per-document views need not scan them all."""
        out: dict[str, list[CopyRelation]] = {}
        for rel in self.relations:
            out.setdefault(rel.a, []).append(rel)
            out.setdefault(rel.b, []).append(rel)
        return {doc: tuple(rels) for doc, rels in out.items()}

    def near_duplicate_of(self, doc_id: str) -> str | None:
        """The document this one republishes (or duplicates), if any."""
        for rel in self.by_document.get(doc_id, ()):
            if rel.kind == "shared_passages":
                continue
            other = rel.b if rel.a == doc_id else rel.a
            if rel.original is None or rel.original == other:
                return other
        return None


# ---------------------------------------------------------------- nlp


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical gazetteer name, e.g. "Al Qa'im"
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-2
    geonameid: int | None = None
    admin1: str | None = None  # name of the admin-1 area (state, province, governorate): "Georgia", "Anbar"
    feature: str = "city"  # "city", "country", "region" (admin-1), "county" (admin-2), "adjectival" ("Russian")
    precision: Literal["point", "region", "country"] = "point"
    admin2: str | None = None  # name of the admin-2 area (county, district): "Laurel County"
    # ACLED geo_precision: 1 the town itself, 2 near it or a part of a region, 3 a region or larger
    geo_precision: int = 1


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str  # as written: "al-Qaim"
    span: Span
    place: Place
    score: float = 1.0


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (haversine; a one-liner, no library needed)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def names_one_town(place: Place) -> bool:
    """A place that names one town: a gazetteer point, or a town read at region precision (a part of it, "SW
    Atlanta", keeps the town's entry, feature "city")."""
    return place.precision == "point" or place.feature == "city"


def same_place(a: Place, b: Place) -> bool:
    """One gazetteer entry; without ids, one name in one country (and state, where both give one)."""
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    # counties carry no geonameid, and many share a name across states ("Marion County", Indiana and Texas)
    return a.name.lower() == b.name.lower() and a.country == b.country and (
        a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1)


def main_country(places: Iterable[PlaceMention]) -> str | None:
    """The country (ISO2) the place mentions name most often; ties go to the first named."""
    counts: dict[str, int] = {}
    for pm in places:
        if pm.place.country:
            counts[pm.place.country] = counts.get(pm.place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@dataclass(frozen=True, slots=True)
class DateValue:
    date: str  # ISO date "2014-06-20" (or "2014-06" for month precision)
    precision: Literal["day", "week", "month", "year"]
    resolution: str  # how: "relative weekday to published 2014-06-21", "absolute", "published date"


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    span: Span
    value: DateValue


@dataclass(frozen=True, slots=True)
class ActorMention:
    text: str  # as written: "ISIL"
    span: Span
    canonical: str  # "Islamic State"
    kind: str = "group"  # "group", "state_force", "civilians", "person", "organisation"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text reports, e.g. killed 15 / at least 50 / dozens."""

    kind: Literal["killed", "injured", "arrested", "displaced", "shot", "count"]  # shot: killed or not
    low: int
    high: int | None  # None = open-ended ("at least 50")
    qualifier: Literal["exact", "at_least", "at_most", "approximate"]
    text: str
    span: Span

    @property
    def best(self) -> int:
        return self.low if self.high is None else (self.low + self.high) // 2


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, kept only for sentences that can carry an event."""

    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index of the head token within the sentence
    start: int  # character offset in Document.text
    ent: str = ""  # spaCy entity label ("GPE", "ORG", "PERSON", ...) or ""


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str
    candidate: bool = False  # has event vocabulary: parsed, and read by the events stage
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the NLP stage read in one document."""

    document: str
    sentences: tuple[Sentence, ...]
    places: tuple[PlaceMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    attributions: tuple[tuple[Span, str], ...] = ()  # (span, "security sources")
    # the places the headline names (nlp.headlines; spans in it), read in the outlet's home area or the run's
    # country. None: not read (an annotation stored before the stage read headlines)
    headline_places: tuple[PlaceMention, ...] | None = None


# ---------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class ActorRole:
    name: str  # canonical
    role: Literal["actor1", "actor2", "target", "associated"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of one event in one document."""

    id: str
    document: str
    span: Span  # the sentence
    sentence: str
    type: str  # ACLED event type, e.g. "Battles"
    sub_type: str  # ACLED sub-event type, e.g. "Non-state actor overtakes territory"
    actors: tuple[ActorRole, ...] = ()
    place: Place | None = None
    place_text: str | None = None
    date: DateValue | None = None
    fatalities: Figure | None = None
    injured: Figure | None = None
    attribution: str | None = None
    confidence: float = 1.0
    # id of the report's main-event mention: on that mention itself, its own id; on a sentence that
    # goes on about it (victims, arrest, vigil), the id it is attached to: such a sentence joins that
    # event as evidence and gives none of its values; None on a distinct event the report also tells
    main: str | None = None

    @property
    def attached(self) -> bool:
        return self.main is not None and self.main != self.id

    @property
    def report_main(self) -> bool:
        return self.main == self.id


# ---------------------------------------------------------------- stories / reconcile


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ValueReport:
    value: Any
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str  # "fatalities", "date", "place"
    values: tuple[ValueReport, ...]


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int | None
    best: int | None
    high: int | None
    reports: tuple[tuple[int, str], ...] = ()  # (value, document id)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    story: str | None
    type: str
    sub_type: str
    date: DateValue | None
    place: Place | None
    actors: tuple[str, ...]
    fatalities: Fatalities
    mentions: tuple[str, ...]  # mention ids
    documents: tuple[str, ...]
    independent_sources: tuple[str, ...]  # one name per origin group
    contradictions: tuple[Contradiction, ...] = ()
    summary: str = ""
    injured: Fatalities = Fatalities(None, None, None)  # the same reconciliation as fatalities

    @property
    def label(self) -> str:
        """What the event is, where and when ("Armed clash, Al Hawijah, 2014-06-20"): the name its
        contradictions go by, never a sentence of one report."""
        parts = [self.sub_type or self.type, self.place.name if self.place else "", self.date.date if self.date else ""]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class BriefSentence:
    text: str
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    story: str
    sentences: tuple[BriefSentence, ...]


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-able data: what ``dataclasses.asdict`` gives, ~5x faster.

    Hand-written because asdict deep-copies every leaf value, which made writing an Annotation
    (thousands of Tokens) the slowest part of storing it; records hold only immutable leaves.
    """
    return _plain(record)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in (str, int, float, bool) or value is None:
        return value
    if cls is tuple or cls is list:
        return cls(_plain(v) for v in value)
    if cls is dict:
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(cls):
        return {name: _plain(getattr(value, name)) for name in _field_names(cls)}
    return value


R = TypeVar("R")


def from_dict(cls: type[R], data: Any) -> R:
    """Rebuild a record (and the records nested in it) from ``to_dict`` output."""
    return _build(cls, data)


# Type hints are resolved once per class (cached): an Annotation holds thousands of
# nested Tokens, and resolving hints per object made loading a store ~30x slower.
@cache
def _plan(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


@cache
def _shape(tp: Any) -> tuple[str, Any]:
    """How to build a value of type ``tp``: record, seq, tuple, dict or plain."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _shape(options[0]) if len(options) == 1 else ("plain", None)
    if is_dataclass(tp):
        return ("record", tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return ("seq", args[0])
        return ("tuple", args)
    if origin is dict:
        return ("dict", typing.get_args(tp)[1])
    return ("plain", None)


# A builder per type, made once: the generic walk above, decided per value, made reading a run's
# stored story signals (a few thousand annotations without tokens) cost 0.35 s, mostly in itself.
Builder = typing.Callable[[Any], Any]
_BUILDERS: dict[Any, Builder | None] = {}


def _builder(tp: Any) -> Builder | None:
    """The function that rebuilds a non-None value of type ``tp``; None when the value stays as it is."""
    if tp in _BUILDERS:
        return _BUILDERS[tp]
    kind, arg = _shape(tp)
    build: Builder | None
    if kind == "record":
        plan: list[tuple[str, Builder | None]] = []

        def build(data: Any, cls: type = arg, plan: list[tuple[str, Builder | None]] = plan) -> Any:
            return cls(**{name: data[name] if b is None or data[name] is None else b(data[name])
                          for name, b in plan if name in data})

        _BUILDERS[tp] = build  # before its fields, so a record type nested in itself finds it
        plan.extend((name, _builder(ftp)) for name, ftp in _plan(arg))
    elif kind == "seq":
        item = _builder(arg)
        build = tuple if item is None else (lambda data: tuple(None if x is None else item(x) for x in data))
    elif kind == "tuple":
        items = tuple(_builder(a) for a in arg)
        build = tuple if all(b is None for b in items) else (  # a span, a pair of plain values
            lambda data: tuple(x if b is None or x is None else b(x) for b, x in zip(items, data, strict=False)))
    elif kind == "dict":
        value = _builder(arg)
        build = dict if value is None else (lambda data: {k: None if v is None else value(v) for k, v in data.items()})
    else:
        build = None
    _BUILDERS[tp] = build
    return build


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    build = _builder(tp)
    return data if build is None else build(data)
