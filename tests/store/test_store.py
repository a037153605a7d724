"""The DuckDB store: records go in and come back equal; writes are whole or nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsfuse.records import (
    ActorMention, ActorRole, Annotation, Brief, BriefSentence, Contradiction, CopyGraph, CopyRelation, Credit,
    DateMention, DateValue, Document, Event, Fatalities, Figure, Mention, Passage, Place, PlaceMention,
    PublishedDate, Rejected, Removed, Sentence, Story, Token, ValueReport,
)
from newsfuse.store import Store, StoreError
from newsfuse.store import store as store_module

QAIM = Place(name="Al Qa'im", lat=34.36, lon=41.08, country="IQ", geonameid=98245, admin1="Anbar")
TEXT = "Militants seized the al-Qaim crossing on Friday. Fifteen people were killed in Hawija (Reuters)."


def document(doc_id: str = "a1b2c3d4e5f60718", text: str = TEXT, source: str = "reports/qaim.html") -> Document:
    return Document(
        id=doc_id, source=source, text=text, paragraphs=((0, 48), (49, len(text))),
        url="https://example.org/qaim", outlet="Example Daily", title="Border post falls",
        byline="A. Reporter", published=PublishedDate("2014-06-21T14:30", "minute", "html-meta"),
        language="en", removed=(Removed("Share this", "share"), Removed("© 2014", "copyright")),
        credits=(Credit("Reuters", "wire", "(Reuters)", "credited"),), kind="html",
    )


def annotation(doc_id: str = "a1b2c3d4e5f60718") -> Annotation:
    return Annotation(
        document=doc_id,
        sentences=(
            Sentence((0, 48), TEXT[:48], candidate=True,
                     tokens=(Token("Militants", "militant", "NOUN", "nsubj", 1, 0),
                             Token("seized", "seize", "VERB", "ROOT", 1, 10, ""))),
            Sentence((49, len(TEXT)), TEXT[49:]),
        ),
        places=(PlaceMention("al-Qaim", (21, 28), QAIM, 0.9),),
        dates=(DateMention("Friday", (41, 47), DateValue("2014-06-20", "day", "relative weekday to published")),),
        actors=(ActorMention("Militants", (0, 9), "Islamic State", "group"),),
        figures=(Figure("killed", 15, None, "exact", "Fifteen", (49, 56)),),
        attributions=(((49, 90), "security sources"),),
    )


def mention(doc_id: str = "a1b2c3d4e5f60718", n: int = 0) -> Mention:
    return Mention(
        id=f"{doc_id}:0:{n}", document=doc_id, span=(0, 48), sentence=TEXT[:48], type="Battles",
        sub_type="Non-state actor overtakes territory",
        actors=(ActorRole("Islamic State", "actor1"), ActorRole("Iraqi Army", "actor2")),
        place=QAIM, place_text="al-Qaim", date=DateValue("2014-06-20", "day", "absolute"),
        fatalities=Figure("killed", 15, 17, "approximate", "15 or 17", (49, 56)),
        injured=None, attribution="security sources", confidence=0.75,
    )


def graph() -> CopyGraph:
    return CopyGraph(
        relations=(
            CopyRelation("a1", "b2", "near_duplicate", 0.97, (Passage(0, 100, 5, 105),), "a1", "earlier date"),
            CopyRelation("a1", "c3", "shared_passages", 0.4, (Passage(0, 10, 0, 10), Passage(20, 30, 40, 50))),
        ),
        origin_group={"a1": "a1", "b2": "a1", "c3": "c3"},
        origins={"c3": (Credit("Reuters", "wire", "From Reuters:", "carried"),), "a1": ()},
    )


def event(event_id: str = "ev1") -> Event:
    return Event(
        id=event_id, story="st1", type="Battles", sub_type="Armed clash",
        date=DateValue("2014-06-20", "day", "absolute"), place=QAIM, actors=("Islamic State", "Iraqi Army"),
        fatalities=Fatalities(15, 16, 17, ((15, "a1"), (17, "c3"))), mentions=("a1:0:0", "c3:5:0"),
        documents=("a1", "c3"), independent_sources=("Reuters", "Example Daily"),
        contradictions=(Contradiction("fatalities", (ValueReport(15, ("a1",)), ValueReport(17, ("c3",)))),),
        summary="Fighting at al-Qaim.",
    )


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "news.duckdb"


def test_document_round_trips_whole_through_the_store(db):
    plain = Document(id="0000000000000001", source="x.txt", text="Short text.")
    with Store(db) as store:
        store.add_documents([document(), plain])
    with Store(db, read_only=True) as store:
        assert store.documents() == [document(), plain]
        assert store.documents(["0000000000000001"]) == [plain]


def test_annotation_round_trips_and_a_later_one_replaces_it(db):
    with Store(db) as store:
        store.add_annotations([annotation()])
        assert store.annotations() == {"a1b2c3d4e5f60718": annotation()}
        shorter = Annotation(document="a1b2c3d4e5f60718", sentences=())
        store.add_annotations([shorter])
        assert store.annotations() == {"a1b2c3d4e5f60718": shorter}


def test_mentions_round_trip_and_replace_the_mentions_of_their_documents(db):
    with Store(db) as store:
        store.add_mentions([mention("d1", 0), mention("d1", 1), mention("d2", 0)])
        assert store.mentions() == [mention("d1", 0), mention("d1", 1), mention("d2", 0)]
        store.add_mentions([mention("d1", 7)])
        assert store.mentions() == [mention("d2", 0), mention("d1", 7)]
        store.add_mentions([mention("d1", 7), mention("d1", 7)])  # same ids again: replaced, not duplicated
        assert store.mentions() == [mention("d2", 0), mention("d1", 7)]
        store.add_mentions([], documents=["d2"])
        assert store.mentions() == [mention("d1", 7)]
        assert store.mentions(["d1"]) == [mention("d1", 7)]


def test_copy_graph_round_trips_with_groups_and_origins(db):
    with Store(db) as store:
        store.replace_copies(graph())
        assert store.copy_graph() == graph()


def test_stories_events_briefs_and_rejections_round_trip_in_order(db):
    stories = [Story("st2", "Hawija clash", ("c3",)), Story("st1", "Al-Qaim falls", ("a1", "b2"))]
    briefs = [Brief("st1", (BriefSentence("Militants took al-Qaim.", ("a1", "b2")),))]
    rejected = [Rejected("junk.png", "ingest", "junk.png: binary content"), Rejected("x", "clean", "no text")]
    with Store(db) as store:
        store.replace_stories(stories)
        store.replace_events([event("ev2"), event("ev1")])
        store.replace_briefs(briefs)
        store.add_rejections(rejected)
    with Store(db, read_only=True) as store:
        assert store.stories() == stories
        assert store.events() == [event("ev2"), event("ev1")]
        assert store.briefs() == briefs
        assert store.rejections() == rejected
        assert store.story_of("b2") == stories[1]
        assert store.story_of("zz") is None


def test_the_same_rejection_is_stored_once_across_runs_and_within_a_batch(db):
    junk = Rejected("junk.png", "ingest", "junk.png: binary content")
    other = Rejected("junk.png", "clean", "junk.png: no text")
    with Store(db) as store:
        assert store.add_rejections([junk, junk]) == 1
    with Store(db) as store:  # a re-run over the same folder
        assert store.add_rejections([junk, other]) == 1
        assert store.rejections() == [junk, other]


def test_main_fields_are_real_columns_for_sql_users(db):
    with Store(db) as store:
        store.add_documents([document()])
        store.add_mentions([mention()])
        store.replace_events([event()])
        assert store.query("SELECT published_date, outlet FROM documents") == [
            {"published_date": "2014-06-21T14:30", "outlet": "Example Daily"}
        ]
        row = store.query("SELECT place_name, lat, fatalities, type FROM mentions")[0]
        assert row == {"place_name": "Al Qa'im", "lat": 34.36, "fatalities": 16, "type": "Battles"}
        ev = store.query("SELECT fatalities_low, fatalities_high, independent_sources, contradictions FROM events")[0]
        assert ev == {"fatalities_low": 15, "fatalities_high": 17,
                      "independent_sources": ["Reuters", "Example Daily"], "contradictions": 1}
        assert store.query("SELECT credits->>'$[0].name' AS wire FROM documents") == [{"wire": "Reuters"}]
        assert store.arrow("SELECT id FROM documents").num_rows == 1


def test_re_adding_the_same_documents_adds_nothing(db):
    with Store(db) as store:
        assert store.add_documents([document("d1"), document("d2"), document("d1")]) == 2
        assert store.add_documents([document("d1"), document("d2")]) == 0
        assert store.add_documents([document("d2"), document("d3")]) == 1
        assert store.known_ids(["d1", "d3", "d9"]) == {"d1", "d3"}
        assert store.stats()["documents"] == 3
        assert [d.id for d in store.documents()] == ["d1", "d2", "d3"]


def test_documents_survive_closing_and_reopening(db):
    with Store(db) as store:
        store.add_documents([document()])
    with Store(db) as store:
        assert store.add_documents([document()]) == 0
        assert store.document_ids() == [document().id]


def test_a_replace_that_fails_midway_leaves_the_old_tables_untouched(db, monkeypatch):
    old = CopyGraph(relations=(CopyRelation("x", "y", "duplicate", 1.0),), origin_group={"x": "x", "y": "x"})
    with Store(db) as store:
        store.replace_copies(old)
        real_insert = store_module.Store._insert

        def crash_on_origins(con, table, data, where=""):
            if table == "origin_groups":
                raise RuntimeError("disk full")
            return real_insert(con, table, data, where)

        monkeypatch.setattr(store_module.Store, "_insert", staticmethod(crash_on_origins))
        with pytest.raises(RuntimeError, match="disk full"):
            store.replace_copies(graph())  # copies table was already rewritten inside the transaction
        monkeypatch.undo()
        assert store.copy_graph() == old
        store.replace_copies(graph())
        assert store.copy_graph() == graph()


def test_a_batch_of_documents_that_fails_midway_stores_none_of_it(db, monkeypatch):
    with Store(db) as store:
        store.add_documents([document("d1")])
        monkeypatch.setattr(store_module.rows, "arrow", lambda *a: (_ for _ in ()).throw(RuntimeError("crash")))
        with pytest.raises(RuntimeError):
            store.add_documents([document("d2"), document("d3")])
        monkeypatch.undo()
        assert store.document_ids() == ["d1"]


def test_replacing_with_nothing_empties_the_table(db):
    with Store(db) as store:
        store.replace_stories([Story("s", "t", ("a",))])
        store.replace_stories([])
        assert store.stories() == []


def test_a_file_that_is_not_duckdb_gives_a_clear_error_naming_it(tmp_path):
    junk = tmp_path / "notes.duckdb"
    junk.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"notes\.duckdb exists but is not a DuckDB database"):
        Store(junk)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(junk, read_only=True)


def test_read_only_store_refuses_writes_and_a_missing_file(db, tmp_path):
    Store(db).close()
    with Store(db, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_documents([document()])
        assert store.stats()["documents"] == 0
    with pytest.raises(StoreError, match="no database at"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_a_duckdb_file_that_is_not_a_newsfuse_store_is_refused_read_only(tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a newsfuse store"):
        Store(other, read_only=True)


def test_a_store_locked_by_another_process_gives_a_clear_error(db):
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(db)!r})
            print("locked", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=r"news\.duckdb is locked by process \d+"):
            Store(db)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_using_a_closed_store_says_so(db):
    store = Store(db)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.documents()


def test_every_record_type_rebuilds_equal_from_its_dict():
    from newsfuse.records import from_dict, to_dict

    for record in (document(), annotation(), mention(), graph(), event(), Brief("s", (BriefSentence("x", ("a",)),))):
        assert from_dict(type(record), to_dict(record)) == record


def test_a_store_opened_with_a_memory_cap_gives_duckdb_that_cap(tmp_path: Path) -> None:
    with Store(tmp_path / "capped.duckdb", memory_limit="64MB") as s:
        (limit,) = s.con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert limit.replace(" ", "") in {"61.0MiB", "64.0MB", "61MiB", "64MB"}
