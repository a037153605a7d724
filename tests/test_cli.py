"""The command line keeps the contract of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app

REPORT = """Gunmen attack a checkpoint near Gao

Posted 11 February 2023, 08:00

GAO, Mali (Reuters) - Gunmen attacked an army checkpoint on the road north of Gao on Friday, killing four soldiers,
the army said on Saturday. Two attackers were killed when troops returned fire, a military source told Reuters.

The army said reinforcements had been sent to the area and that the road to Bourem had been closed for the day.
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "gao.txt").write_text(REPORT, encoding="utf-8")
    path = folder / "test.duckdb"
    result = runner.invoke(app, ["run", str(folder / "gao.txt"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_run_prints_the_events_as_a_table(db: Path) -> None:
    result = runner.invoke(app, ["show", "events", "--db", str(db)])
    assert result.exit_code == 0
    assert "Events" in result.output and "Gao" in result.output


def test_run_exits_non_zero_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1


def test_export_documents_as_json_has_the_contract_fields(db: Path) -> None:
    result = runner.invoke(app, ["export", "documents", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert docs and {"id", "source", "url", "outlet", "title", "published", "text", "origins", "near_duplicate_of"} <= set(docs[0])
    assert docs[0]["source"].endswith("gao.txt")


def test_export_events_as_geojson_places_the_event_at_gao(db: Path) -> None:
    result = runner.invoke(app, ["export", "events", "--db", str(db), "--format", "geojson"])
    assert result.exit_code == 0, result.output
    features = json.loads(result.stdout)["features"]
    lon, lat = features[0]["geometry"]["coordinates"]
    assert abs(lat - 16.27) < 0.5 and abs(lon - (-0.04)) < 0.5


def test_report_writes_one_self_contained_html_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Gao" in html
    # links out to sources are fine; loading anything from elsewhere is not
    assert 'src="http' not in html and 'rel="stylesheet" href="http' not in html


def test_export_of_a_missing_database_names_the_fix(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "newsfuse run" in result.output


def test_a_database_locked_by_another_process_gives_one_line_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,sys,time; c=duckdb.connect({str(path)!r}); print('ready', flush=True); "
                               "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        (tmp_path / "gao.txt").write_text(REPORT, encoding="utf-8")
        result = runner.invoke(app, ["run", str(tmp_path / "gao.txt"), "--db", str(path), "-q"])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "is locked by process" in lines[0] and "Traceback" not in result.output


def test_a_file_that_is_not_duckdb_gives_one_line_for_every_command(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes, not a database\n")
    for args in (["run", str(path), "-q"], ["show"], ["export", "events"], ["report", "-o", str(tmp_path / "r.html")]):
        result = runner.invoke(app, [*args, "--db", str(path)])
        assert result.exit_code == 2, args
        assert result.output.strip().splitlines() == [
            f"error: {path} exists but is not a DuckDB database: pass another --db path, or move that file away"]


def test_markup_and_escapes_in_names_reach_the_terminal_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "x[").mkdir(parents=True)
    (folder / "x[" / "bold].txt").write_text(REPORT.replace("Gao", "Gao [/red] \x1b[31m"), encoding="utf-8")
    feed = {"text": REPORT.replace("Gao", "Kidal"), "outlet": "Outlet [/red]\x1b[2J", "title": "T\nitle [/b]"}
    (folder / "feed.jsonl").write_text(json.dumps(feed) + "\n", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["show", "documents", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Outlet [/red]\\x1b[2J" in shown.output and "\x1b" not in shown.output


def test_run_of_a_missing_path_creates_no_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "nothing to read" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_run_of_only_unreadable_files_leaves_no_database(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    runner.invoke(app, ["run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.duckdb")])
    assert not list(tmp_path.glob("x.duckdb*"))


def test_geojson_of_documents_is_one_line_error_not_a_traceback(db: Path) -> None:
    result = runner.invoke(app, ["export", "documents", "-f", "geojson", "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and result.output.startswith("error: geojson exports events")


def test_export_events_as_acled_writes_acleds_header(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "events", "--format", "acled", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    header, first = out.read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
    assert first.startswith("MLI") and ",Mali," in first


def test_run_prints_a_short_summary_and_tables_only_on_request(tmp_path: Path) -> None:
    (tmp_path / "gao.txt").write_text(REPORT, encoding="utf-8")
    path = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "gao.txt"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "read 1 reports: 1 new" in result.output and "Documents (" not in result.output
    assert len(result.output.splitlines()) < 20
    result = runner.invoke(app, ["run", str(tmp_path / "gao.txt"), "--db", str(path), "--tables"])
    assert "0 new, 1 already stored" in result.output and "Documents (1)" in result.output


def test_version_prints_the_package_version() -> None:
    from newsfuse import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"newsfuse {__version__}"


def test_help_does_not_import_the_pipeline_stages() -> None:
    import subprocess
    import sys

    code = ("import sys; from typer.testing import CliRunner; from newsfuse.cli import app; "
            "CliRunner().invoke(app, ['--help']); "
            "print(sorted(m for m in ('spacy', 'trafilatura', 'duckdb', 'newsfuse.pipeline') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
