"""A store written by an older newsfuse is brought up to this schema in place on its first writable
open, and still read, unchanged, when opened read-only."""

from __future__ import annotations

import duckdb

from newsfuse.store import Store
from newsfuse.store import increments as inc
from newsfuse.store import rows
from newsfuse.store.connect import SCHEMA_VERSION
from newsfuse.blocking import light
from newsfuse.stories.keys import keys_from_json, story_keys
from tests.store.test_store import annotation, document


def _schema_1_store(path, ann) -> None:
    """A store as newsfuse wrote it before schema 2: the annotation as JSON text."""
    with Store(path) as store:
        store.add_documents([document()])
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE annotations")
    con.execute("CREATE TABLE annotations (document VARCHAR PRIMARY KEY, sentences INTEGER, record JSON NOT NULL)")
    con.execute("INSERT INTO annotations VALUES (?, ?, ?)", [ann.document, len(ann.sentences), rows.annotation_json(ann)])
    con.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def _version_and_type(path) -> tuple[str, str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        version = con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchall()[0][0]
        kind = con.execute("SELECT data_type FROM information_schema.columns "
                           "WHERE table_name = 'annotations' AND column_name = 'record'").fetchall()[0][0]
    finally:
        con.close()
    return version, kind


def test_a_schema_1_store_is_migrated_on_its_first_writable_open_and_keeps_its_annotations(tmp_path):
    path, ann = tmp_path / "old.duckdb", annotation()
    _schema_1_store(path, ann)
    with Store(path) as store:
        assert store.annotations() == {ann.document: ann}
    assert _version_and_type(path) == (SCHEMA_VERSION, "BLOB")


def test_a_schema_1_store_opened_read_only_is_read_as_it_is(tmp_path):
    path, ann = tmp_path / "old.duckdb", annotation()
    _schema_1_store(path, ann)
    with Store(path, read_only=True) as store:
        assert store.annotations() == {ann.document: ann}
    assert _version_and_type(path) == ("1", "JSON")


def test_annotations_are_stored_compressed(tmp_path):
    ann = annotation()
    with Store(tmp_path / "s.duckdb") as store:
        store.add_documents([document()])
        store.add_annotations([ann])
        stored = store.con.execute("SELECT record FROM annotations").fetchall()[0][0]
    assert rows.annotation_from_blob(stored) == ann and len(stored) < len(rows.annotation_json(ann).encode())


def test_a_schema_1_copy_index_keeps_the_low_32_bits_of_each_n_gram(tmp_path):
    path, ann = tmp_path / "old.duckdb", annotation()
    _schema_1_store(path, ann)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE copy_grams")
    con.execute("CREATE TABLE copy_grams (gram UBIGINT NOT NULL, n INTEGER NOT NULL)")
    con.execute("INSERT INTO copy_grams VALUES (?, 0), (7, 1)", [(5 << 32) + 9])
    con.close()
    with Store(path) as store:
        assert sorted(store.con.execute("SELECT gram, n FROM copy_grams").fetchall()) == [(7, 1), (9, 0)]


def test_a_schema_2_store_gets_the_story_keys_of_its_stored_signals_and_texts_on_its_next_run(tmp_path):
    from newsfuse.blocking import record_story_signals

    path, ann, doc = tmp_path / "old.duckdb", annotation(), document()
    other = document("b2c3d4e5f6071829")
    with Store(path) as store:
        store.add_documents([doc, other])
        inc.add_story_signals(store, {doc.id: 735405}, [ann])  # written without keys, as schema 2 did
    con = duckdb.connect(str(path))
    con.execute("UPDATE store_meta SET value = '2' WHERE key = 'schema_version'")
    con.execute("ALTER TABLE story_signals DROP COLUMN keys")
    con.close()
    with Store(path) as store:
        assert inc.story_keys(store, [doc.id]) == {}  # migrated: the column, not yet the keys
        record_story_signals(store, [annotation(other.id)])  # the next run's new annotation
        stored = inc.story_keys(store, [doc.id, other.id])
    assert {d: keys_from_json(k) for d, k in stored.items()} == {
        doc.id: story_keys(doc.text, ann), other.id: story_keys(other.text, light(annotation(other.id)))}
