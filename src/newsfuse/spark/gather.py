"""Driver side: partition outcomes -> what the local driver would have stored, in its order.

Pure functions. Partitions work independently, so a report in two partitions is cleaned
twice and an identical text in two partitions is parsed twice; here the first in input
order wins, and copies take the annotation of the first document with the same text and headline,
exactly as ``pipeline.run`` does, so both drivers store the same records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfuse.records import Annotation, Document, Mention, Rejected
from newsfuse.spark.partition import Outcome

if TYPE_CHECKING:
    from newsfuse.nlp.homes import Observation


@dataclass
class Gathered:
    inputs: int = 0  # distinct reports read (new or already stored)
    known: int = 0
    documents: list[Document] = field(default_factory=list)  # new documents, input order
    rejected: list[Rejected] = field(default_factory=list)  # ingest first, then clean / nlp
    parsed: dict[str, tuple[Annotation, tuple[Mention, ...]]] = field(default_factory=dict)
    unparsable: set[str] = field(default_factory=set)  # documents the nlp stage rejected: not retried
    observed: dict[str, Observation | None] = field(default_factory=dict)  # what each says of its outlet's home


def gather(outcomes: Iterable[Outcome], seen: set[str] | None = None) -> Gathered:
    """Put outcomes back in input order and keep the first of each report (``seen``: the reports
    of earlier shards, updated)."""
    out = Gathered()
    later: list[Rejected] = []
    seen = set() if seen is None else seen
    for o in sorted(outcomes, key=lambda o: o.order):
        if o.id is None:
            if o.rejected is not None:
                out.rejected.append(o.rejected)
            continue
        if o.id in seen:  # the same page named twice (or in two partitions) counts once
            continue
        seen.add(o.id)
        out.inputs += 1
        out.known += o.known
        if o.rejected is not None:
            later.append(o.rejected)
        if o.document is not None:
            out.documents.append(o.document)
            out.observed[o.document.id] = o.observation
            if o.annotation is not None:
                out.parsed[o.document.id] = (o.annotation, o.mentions)
            elif o.rejected is not None:
                out.unparsable.add(o.document.id)
    out.rejected.extend(later)
    return out
