"""A partition's outcomes go to a shard file and come back whole, in order."""

from __future__ import annotations

from pathlib import Path

from newsfuse.records import Annotation, Document, Mention, Rejected, Sentence
from newsfuse.spark.partition import Outcome
from newsfuse.spark.shards import load_parsed, parsed_ids, read_shard, write_shard


def outcomes() -> list[Outcome]:
    doc = Document(id="d1", source="in/a.txt", text="Rain cut the road to Mopti on Monday.")
    ann = Annotation(document="d1", sentences=(Sentence((0, 37), doc.text, True),))
    mention = Mention(id="d1:0:0", document="d1", span=(0, 37), sentence=doc.text, type="Strategic developments", sub_type="Other")
    return [
        Outcome((0, 0), rejected=Rejected("in/bad.bin", "ingest", "in/bad.bin: binary")),
        Outcome((1, 0), id="d1", document=doc, annotation=ann, mentions=(mention,)),
        Outcome((1, 1), id="d2", known=True),
        Outcome((2, 0), id="d3", document=Document(id="d3", source="in/c.txt", text="x"),
                rejected=Rejected("in/c.txt", "nlp", "in/c.txt: failed")),
    ]


def test_a_shard_gives_back_every_outcome_in_the_order_written(tmp_path: Path) -> None:
    path, rows = write_shard(outcomes(), str(tmp_path / "part-00000.parquet"))
    assert rows == 4
    assert list(read_shard(path)) == outcomes()
    light = list(read_shard(path, with_annotations=False))
    assert [o.annotation for o in light] == [None] * 4 and [o.document for o in light] == [o.document for o in outcomes()]


def test_annotations_are_read_from_the_shards_only_for_the_documents_asked(tmp_path: Path) -> None:
    path, _ = write_shard(outcomes(), str(tmp_path / "part-00000.parquet"))
    assert parsed_ids(path) == ["d1"]
    got = load_parsed({"d1": path}, ["d1", "d3"])
    assert list(got) == ["d1"] and got["d1"] == (outcomes()[1].annotation, outcomes()[1].mentions)
