"""Records <-> rows: an annotation's tokens are stored as rows of fields, and older stores still read."""

from __future__ import annotations

import json
from dataclasses import replace

from newsfuse.records import to_dict
from newsfuse.store import rows
from tests.store.test_store import annotation


def test_an_annotation_stored_with_tokens_as_rows_reads_back_equal():
    ann = annotation()
    text = rows.annotation_json(ann)
    assert rows.annotation_from_json(text) == ann
    stored = json.loads(text)["sentences"][0]["tokens"][0]
    assert stored == ["Militants", "militant", "NOUN", "nsubj", 1, 0, ""]  # in rows.TOKEN_FIELDS order


def test_an_annotation_written_by_an_older_store_with_tokens_as_objects_still_reads():
    ann = annotation()
    assert rows.annotation_from_json(rows.dumps(to_dict(ann))) == ann


def test_an_annotation_without_sentences_round_trips():
    light = replace(annotation(), sentences=())
    assert rows.annotation_from_json(rows.annotation_json(light)) == light
