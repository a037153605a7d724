"""Partition outcomes as shard files: executors write them, the driver reads them a shard at a time.

Nothing a partition produces comes back through Spark's ``collect``: each partition writes its
outcomes (the first job: documents, outlet observations, rejections; the second: annotations,
mentions, rejections) to one Parquet file in a shard folder
(a shared file system on a cluster) and returns only the file's path and row count. The driver
reads the shards one at a time in partition order (which is input order), so its memory holds one
shard, not the whole run, and the JVM driver holds nothing but paths.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from newsfuse.records import Annotation, Document, Mention, Rejected, from_dict, to_dict
from newsfuse.spark.partition import Outcome

if TYPE_CHECKING:
    from newsfuse.nlp.homes import Observation

SCHEMA = pa.schema([
    ("file", pa.int64()), ("n", pa.int64()), ("id", pa.string()), ("known", pa.bool_()),
    ("rejected", pa.string()), ("document", pa.string()), ("annotation", pa.string()), ("mentions", pa.string()),
    ("observation", pa.string()),
])


def _json(record: object | None) -> str | None:
    return None if record is None else json.dumps(to_dict(record), ensure_ascii=False)


def write_shard(outcomes: Iterable[Outcome], path: str) -> tuple[str, int]:
    """Write a partition's outcomes to ``path`` (Parquet); returns (path, rows)."""
    rows = [
        {"file": o.order[0], "n": o.order[1], "id": o.id, "known": o.known, "rejected": _json(o.rejected),
         "document": _json(o.document), "annotation": _json(o.annotation),
         "mentions": json.dumps([to_dict(m) for m in o.mentions], ensure_ascii=False),
         "observation": None if o.observation is None else json.dumps(o.observation, ensure_ascii=False)}
        for o in outcomes
    ]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path)
    return path, len(rows)


def read_shard(path: str, with_annotations: bool = True) -> Iterator[Outcome]:
    """A shard's outcomes in the order written; ``with_annotations=False`` leaves annotations and
    mentions on disk (``parsed_in`` reads them when they are needed)."""
    columns = SCHEMA.names if with_annotations else [c for c in SCHEMA.names if c not in ("annotation", "mentions")]
    for row in pq.read_table(path, columns=columns).to_pylist():
        ann = row.get("annotation")
        yield Outcome(
            (row["file"], row["n"]), id=row["id"], known=row["known"],
            rejected=from_dict(Rejected, json.loads(row["rejected"])) if row["rejected"] else None,
            document=from_dict(Document, json.loads(row["document"])) if row["document"] else None,
            annotation=from_dict(Annotation, json.loads(ann)) if ann else None,
            mentions=tuple(from_dict(Mention, m) for m in json.loads(row.get("mentions") or "[]")),
            observation=_observation(row.get("observation")),
        )


def _observation(text: str | None) -> Observation | None:
    if not text:
        return None
    host, areas = json.loads(text)
    return host, tuple((country, code) for country, code in areas)


def shard_documents(path: str, ids: Iterable[str]) -> list[Document]:
    """The documents of ``ids`` a first-job shard holds, in the order written."""
    wanted = set(ids)
    table = pq.read_table(path, columns=["id", "document"], filters=[("id", "in", sorted(wanted))])
    return [from_dict(Document, json.loads(d)) for i, d in zip(table.column("id").to_pylist(),
                                                               table.column("document").to_pylist(), strict=True)
            if i in wanted and d]


def parsed_ids(path: str) -> list[str]:
    """Documents the shard holds an annotation for."""
    table = pq.read_table(path, columns=["id", "annotation"])
    return [i for i, a in zip(table.column("id").to_pylist(), table.column("annotation").to_pylist(), strict=True)
            if a is not None]


def load_parsed(shard_of: dict[str, str], ids: Sequence[str]) -> dict[str, tuple[Annotation, tuple[Mention, ...]]]:
    """The annotations and mentions the partitions made for ``ids``, read from their shards."""
    by_shard: dict[str, set[str]] = {}
    for i in ids:
        if i in shard_of:
            by_shard.setdefault(shard_of[i], set()).add(i)
    out: dict[str, tuple[Annotation, tuple[Mention, ...]]] = {}
    for path, wanted in by_shard.items():
        table = pq.read_table(path, columns=["id", "annotation", "mentions"], filters=[("id", "in", sorted(wanted))])
        for row in table.to_pylist():
            if row["id"] in wanted and row["annotation"] and row["id"] not in out:
                out[row["id"]] = (from_dict(Annotation, json.loads(row["annotation"])),
                                  tuple(from_dict(Mention, m) for m in json.loads(row["mentions"] or "[]")))
    return out
