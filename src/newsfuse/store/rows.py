"""Records <-> table rows: pure functions, one pair per table, plus the Arrow schemas.

The main fields become real columns (for SQL users); nested parts and whole
records are JSON from ``records.to_dict`` so every record reads back equal.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pyarrow as pa

from newsfuse.records import (
    Annotation, Brief, CopyGraph, CopyRelation, Credit, Document, Event, Mention, Passage, Rejected, Sentence, Story,
    Token, to_dict,
)
from newsfuse.records import from_dict as build

S, F, I, L = pa.string(), pa.float64(), pa.int64(), pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", S), ("seq", I), ("source", S), ("url", S), ("outlet", S), ("title", S), ("byline", S),
        ("published_date", S), ("published_precision", S), ("published_origin", S), ("language", S),
        ("kind", S), ("text", S), ("paragraphs", S), ("removed", S), ("credits", S),
    ]),
    "annotations": pa.schema([("document", S), ("sentences", I), ("record", pa.binary())]),
    "mentions": pa.schema([
        ("id", S), ("seq", I), ("document", S), ("type", S), ("sub_type", S), ("date", S),
        ("date_precision", S), ("place_name", S), ("lat", F), ("lon", F), ("country", S),
        ("fatalities", I), ("sentence", S), ("record", S),
    ]),
    "copies": pa.schema([
        ("seq", I), ("a", S), ("b", S), ("kind", S), ("overlap", F), ("original", S), ("evidence", S),
        ("passages", S),
    ]),
    "origin_groups": pa.schema([("document", S), ("origin_group", S)]),
    "origins": pa.schema([("document", S), ("credits", S)]),
    "stories": pa.schema([("id", S), ("seq", I), ("title", S), ("documents", L)]),
    "events": pa.schema([
        ("id", S), ("seq", I), ("story", S), ("type", S), ("sub_type", S), ("date", S), ("date_precision", S),
        ("place_name", S), ("lat", F), ("lon", F), ("country", S), ("fatalities_low", I),
        ("fatalities_best", I), ("fatalities_high", I), ("documents", L), ("independent_sources", L),
        ("contradictions", I), ("summary", S), ("record", S),
    ]),
    "briefs": pa.schema([("story", S), ("seq", I), ("text", S), ("record", S)]),
    "rejections": pa.schema([("source", S), ("seq", I), ("stage", S), ("reason", S)]),
}


def dumps(value: Any) -> str:
    # ensure_ascii=False keeps Arabic/Cyrillic text readable to SQL users
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def arrow(table: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with the store's column types (never inferred: a column of Nones is still typed)."""
    return pa.Table.from_pylist(list(rows), schema=SCHEMAS[table])


def columns(table: str) -> list[str]:
    return SCHEMAS[table].names


# ---------------------------------------------------------------- documents

DOCUMENT_COLUMNS = [
    "id", "source", "url", "outlet", "title", "byline", "published_date", "published_precision",
    "published_origin", "language", "kind", "text", "paragraphs", "removed", "credits",
]


def document_row(doc: Document, seq: int) -> dict[str, Any]:
    d = to_dict(doc)
    pub = doc.published
    return {
        "id": doc.id, "seq": seq, "source": doc.source, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "byline": doc.byline, "published_date": pub.date if pub else None,
        "published_precision": pub.precision if pub else None, "published_origin": pub.origin if pub else None,
        "language": doc.language, "kind": doc.kind, "text": doc.text, "paragraphs": dumps(d["paragraphs"]),
        "removed": dumps(d["removed"]), "credits": dumps(d["credits"]),
    }


def document_from_row(row: Sequence[Any]) -> Document:
    """A Document from a row selected in DOCUMENT_COLUMNS order."""
    r = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
    published = None
    if r["published_date"] is not None:
        published = {"date": r["published_date"], "precision": r["published_precision"], "origin": r["published_origin"]}
    return build(Document, {
        "id": r["id"], "source": r["source"], "text": r["text"], "paragraphs": json.loads(r["paragraphs"] or "[]"),
        "url": r["url"], "outlet": r["outlet"], "title": r["title"], "byline": r["byline"], "published": published,
        "language": r["language"], "removed": json.loads(r["removed"] or "[]"),
        "credits": json.loads(r["credits"] or "[]"), "kind": r["kind"],
    })


# ---------------------------------------------------------------- annotations, mentions


# A token is stored as a row of these fields, not as an object naming them: an annotation is mostly
# tokens, and the field names made up half of the store's bytes and of the time to write them.
TOKEN_FIELDS = ("text", "lemma", "pos", "dep", "head", "start", "ent")


def annotation_json(ann: Annotation) -> str:
    record = to_dict(replace(ann, sentences=()))
    record["sentences"] = [{"span": list(s.span), "text": s.text, "candidate": s.candidate,
                            "tokens": [[t.text, t.lemma, t.pos, t.dep, t.head, t.start, t.ent] for t in s.tokens]}
                           for s in ann.sentences]
    return dumps(record)


def annotation_from_json(text: str) -> Annotation:
    """An annotation as ``annotation_json`` writes it (or as older stores did: tokens as objects)."""
    record = json.loads(text)
    sentences = record.pop("sentences", [])
    ann = build(Annotation, {**record, "sentences": []})
    return replace(ann, sentences=tuple(
        Sentence(tuple(s["span"]), s["text"], s.get("candidate", False),
                 tuple(Token(*t) if isinstance(t, list) else build(Token, t) for t in s.get("tokens", ())))
        for s in sentences))


# The whole annotation (its tokens, about 12 KB of JSON a report) is stored zlib-compressed: as a
# JSON column DuckDB recompressed the table's last row group with ZSTD at every checkpoint, a cost
# that grew with the store (0.2-0.8 s for an add of 20 reports into 100,000). What SQL users read
# of it, its places, actors and dates, is plain JSON in story_signals.
ANNOTATION_LEVEL = 3


def annotation_blob(ann: Annotation) -> bytes:
    return zlib.compress(annotation_json(ann).encode("utf-8"), ANNOTATION_LEVEL)


def annotation_from_blob(record: bytes | str) -> Annotation:
    """An annotation as ``annotation_blob`` writes it (or as a store of schema 1 did: JSON text)."""
    return annotation_from_json(record if isinstance(record, str) else zlib.decompress(record).decode("utf-8"))


def annotation_row(ann: Annotation) -> dict[str, Any]:
    return {"document": ann.document, "sentences": len(ann.sentences), "record": annotation_blob(ann)}


def mention_row(m: Mention, seq: int) -> dict[str, Any]:
    place, date = m.place, m.date
    return {
        "id": m.id, "seq": seq, "document": m.document, "type": m.type, "sub_type": m.sub_type,
        "date": date.date if date else None, "date_precision": date.precision if date else None,
        "place_name": place.name if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "country": place.country if place else None,
        "fatalities": m.fatalities.best if m.fatalities else None, "sentence": m.sentence,
        "record": dumps(to_dict(m)),
    }


# ---------------------------------------------------------------- copies


def copy_rows(graph: CopyGraph) -> dict[str, list[dict[str, Any]]]:
    return {
        "copies": [
            {"seq": i, "a": r.a, "b": r.b, "kind": r.kind, "overlap": r.overlap, "original": r.original,
             "evidence": r.evidence, "passages": dumps([to_dict(p) for p in r.passages])}
            for i, r in enumerate(graph.relations)
        ],
        "origin_groups": [{"document": d, "origin_group": g} for d, g in graph.origin_group.items()],
        "origins": [{"document": d, "credits": dumps([to_dict(c) for c in cs])} for d, cs in graph.origins.items()],
    }


def copy_graph_from_rows(copies: Sequence[Sequence[Any]], groups: Sequence[Sequence[Any]],
                         origins: Sequence[Sequence[Any]]) -> CopyGraph:
    """Rows as selected: copies (a, b, kind, overlap, original, evidence, passages); groups; origins."""
    relations = tuple(
        CopyRelation(a=a, b=b, kind=kind, overlap=overlap, original=original, evidence=evidence,
                     passages=tuple(build(Passage, p) for p in json.loads(passages or "[]")))
        for a, b, kind, overlap, original, evidence, passages in copies
    )
    return CopyGraph(
        relations=relations,
        origin_group={d: g for d, g in groups},
        origins={d: tuple(build(Credit, c) for c in json.loads(cs)) for d, cs in origins},
    )


# ---------------------------------------------------------------- stories, events, briefs, rejections


def story_row(s: Story, seq: int) -> dict[str, Any]:
    return {"id": s.id, "seq": seq, "title": s.title, "documents": list(s.documents)}


def story_from_row(row: Sequence[Any]) -> Story:
    sid, title, documents = row
    return Story(id=sid, title=title, documents=tuple(documents or ()))


def event_row(e: Event, seq: int) -> dict[str, Any]:
    place, date, fat = e.place, e.date, e.fatalities
    return {
        "id": e.id, "seq": seq, "story": e.story, "type": e.type, "sub_type": e.sub_type,
        "date": date.date if date else None, "date_precision": date.precision if date else None,
        "place_name": place.name if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "country": place.country if place else None,
        "fatalities_low": fat.low, "fatalities_best": fat.best, "fatalities_high": fat.high,
        "documents": list(e.documents), "independent_sources": list(e.independent_sources),
        "contradictions": len(e.contradictions), "summary": e.summary, "record": dumps(to_dict(e)),
    }


def brief_row(b: Brief, seq: int) -> dict[str, Any]:
    return {"story": b.story, "seq": seq, "text": " ".join(s.text for s in b.sentences), "record": dumps(to_dict(b))}


def rejection_row(r: Rejected, seq: int) -> dict[str, Any]:
    return {"source": r.source, "seq": seq, "stage": r.stage, "reason": r.reason}


def record_from_json(cls: type, text: str) -> Any:
    return build(cls, json.loads(text))
