import pytest
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.store import Store
from tests.export.sample_records import sample_snapshot, store_snapshot


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_snapshot(tmp_path_factory.mktemp("api") / "news.duckdb")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def test_document_list_leaves_out_the_text_but_gives_its_length(client):
    docs = client.get("/api/documents").json()
    assert len(docs) == 4
    assert "text" not in docs[0] and docs[0]["text_length"] > 0


def test_document_list_filters_by_story(client):
    ids = {d["id"] for d in client.get("/api/documents", params={"story": "st02"}).json()}
    assert ids == {"dddd000000000004"}


def test_one_document_carries_text_removed_chrome_and_its_copies(client):
    doc = client.get("/api/documents/bbbb000000000002").json()
    assert doc["text"].startswith("From Reuters:")
    assert {"reason": "share", "text": "Share on Facebook"} in doc["removed"]
    assert doc["near_duplicate_of"] == "aaaa000000000001"
    assert doc["copies"][0]["direction"] == "a->b"


def test_unknown_document_is_a_404_naming_it(client):
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_copies_filter_by_document(client):
    assert len(client.get("/api/copies", params={"document": "aaaa000000000001"}).json()) == 1
    assert client.get("/api/copies", params={"document": "dddd000000000004"}).json() == []


def test_stories_list_biggest_first_with_contradiction_counts(client):
    stories = client.get("/api/stories").json()
    assert [s["id"] for s in stories] == ["st01", "st02"]
    assert stories[0]["contradictions"] == 1 and stories[0]["events"] == 1


def test_story_detail_has_events_brief_contradictions_and_sources(client):
    s = client.get("/api/stories/st01").json()
    assert [e["id"] for e in s["events"]] == ["ev01"]
    assert s["brief"]["sentences"][0]["documents"] == ["aaaa000000000001", "cccc000000000003"]
    assert s["contradictions"][0]["field"] == "fatalities"
    assert {d["outlet"] for d in s["sources"]} == {"Wire Daily", "Republisher", "Kirkuk Herald"}


def test_unknown_story_is_a_404(client):
    assert client.get("/api/stories/zzz").status_code == 404


@pytest.mark.parametrize("params, expected", [
    ({}, ["ev01", "ev02"]),
    ({"story": "st02"}, ["ev02"]),
    ({"type": "battles"}, ["ev01"]),
    ({"type": "Peaceful protest"}, ["ev02"]),
    ({"place": "hawi"}, ["ev01"]),
    ({"place": "7875082"}, ["ev01"]),
    ({"place": "IQ"}, ["ev01"]),
    ({"date_from": "2014-07-01"}, ["ev02"]),
    ({"date_to": "2014-06"}, ["ev01"]),
    ({"date_from": "2014-06-18", "date_to": "2014-06-30"}, []),
])
def test_events_filters(client, params, expected):
    assert [e["id"] for e in client.get("/api/events", params=params).json()] == expected


def test_a_bad_date_filter_is_a_422_saying_what_to_send(client):
    r = client.get("/api/events", params={"date_from": "last week"})
    assert r.status_code == 422 and "ISO date" in r.json()["detail"]


def test_events_geojson_has_only_placed_events_and_reports_the_rest_in_a_header(client):
    r = client.get("/api/events.geojson")
    assert r.headers["content-type"].startswith("application/geo+json")
    assert [f["id"] for f in r.json()["features"]] == ["ev01"]
    assert r.headers["x-newsfuse-unplaced"] == "1"


def test_contradictions_list_values_with_their_documents(client):
    (c,) = client.get("/api/contradictions").json()
    assert c["event"] == "ev01" and c["story"] == "st01"
    assert [v["value"] for v in c["values"]] == [15, 17]
    event = next(e for e in sample_snapshot().events if e.id == "ev01")
    assert c["label"] == event.label  # named by the event (type, place, date), not by a sentence of one report


def test_root_serves_the_web_page_with_no_external_resources(client):
    r = client.get("/")
    assert r.status_code == 200 and "<script>" in r.text
    assert "http://" not in r.text and "https://" not in r.text


def test_new_results_show_without_a_restart(tmp_path):
    path = tmp_path / "live.duckdb"
    s = sample_snapshot()
    with Store(path) as store:
        store.replace_stories(list(s.stories[:1]))
    client = TestClient(create_app(path))
    assert len(client.get("/api/stories").json()) == 1
    with Store(path) as store:
        store.replace_stories(list(s.stories))
    assert len(client.get("/api/stories").json()) == 2


def test_missing_database_is_refused_with_how_to_make_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsfuse run"):
        create_app(tmp_path / "absent.duckdb")


def test_a_store_that_cannot_be_read_mid_run_keeps_serving_the_last_snapshot():
    from newsfuse.api.app import StoreUnavailable

    calls = {"n": 0}
    snap = sample_snapshot()

    def flaky():
        calls["n"] += 1
        if calls["n"] > 1:
            raise StoreUnavailable("database is locked by another process")
        return snap

    from newsfuse.api.app import _Cache

    cache = _Cache(flaky, None)
    assert cache.get() is snap
    cache._key = "changed"  # as if the file had changed on disk
    assert cache.get() is snap


def test_a_store_that_was_never_readable_answers_503_with_the_reason():
    from newsfuse.api.app import StoreUnavailable

    def locked():
        raise StoreUnavailable("database is locked by another process")

    client = TestClient(create_app("x.duckdb", snapshot=locked))
    r = client.get("/api/stories")
    assert r.status_code == 503 and "locked" in r.json()["detail"]


@pytest.mark.parametrize("params, expected", [
    ({"place": "Al Ḩawījah"}, ["ev01"]),
    ({"place": "al-Hawijah"}, ["ev01"]),
    ({"place": "Iraq"}, ["ev01"]),
    ({"country": "Iraq"}, ["ev01"]),
    ({"country": "IRQ"}, ["ev01"]),
    ({"country": "Mali"}, []),
    ({"bbox": "43,35,44,36"}, ["ev01"]),
    ({"bbox": "-10,0,10,10"}, []),
    ({"actor": "police"}, ["ev01"]),
    ({"type": ["Battles", "Protests"]}, ["ev01", "ev02"]),
    ({"min_fatalities": 16}, ["ev01"]),
    ({"min_fatalities": 20}, []),
])
def test_events_filter_by_place_spelling_country_bbox_actor_types_and_toll(client, params, expected):
    assert [e["id"] for e in client.get("/api/events", params=params).json()] == expected


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"bbox_": "1"}), ("/api/events", {"limt": "1"}), ("/api/documents", {"country": "IQ"}),
    ("/api/stories", {"place": "x"}),
])
def test_unknown_parameters_are_a_422_naming_them(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422 and list(params)[0] in r.json()["detail"]


def test_a_bad_bbox_or_country_or_sort_is_a_422_saying_what_to_send(client):
    assert "west,south,east,north" in client.get("/api/events", params={"bbox": "1,2"}).json()["detail"]
    assert client.get("/api/events", params={"country": "Atlantis"}).status_code == 422
    assert "sort by one of" in client.get("/api/events", params={"sort": "colour"}).json()["detail"]


def test_events_page_and_sort_with_the_total_in_a_header(client):
    r = client.get("/api/events", params={"limit": 1, "offset": 1, "sort": "-date"})
    assert r.headers["x-total-count"] == "2" and [e["id"] for e in r.json()] == ["ev01"]
    r = client.get("/api/events", params={"sort": "-fatalities"})
    assert [e["id"] for e in r.json()] == ["ev01", "ev02"]


def test_every_list_pages(client):
    for path in ("/api/documents", "/api/copies", "/api/stories", "/api/contradictions", "/api/rejections"):
        r = client.get(path, params={"limit": 1})
        assert r.status_code == 200 and len(r.json()) <= 1 and "x-total-count" in r.headers, path


def test_openapi_docs_are_served_without_a_cdn(client):
    html = client.get("/docs").text
    assert "swagger-ui-bundle.js" in html and "cdn" not in html.lower() and "https://" not in html
    script = [line for line in html.splitlines() if "swagger-ui-bundle.js" in line][0]
    src = script.split('src="')[1].split('"')[0]
    assert client.get(src).status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "newsfuse"


def test_events_geojson_properties_are_flat(client):
    (feature,) = client.get("/api/events.geojson").json()["features"]
    assert feature["properties"]["latitude"] == 35.3261 and feature["properties"]["fatalities"] == 16
