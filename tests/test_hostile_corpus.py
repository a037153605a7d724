"""A hostile corpus, generated here, run end to end: every attack is rejected by name, the good reports get events.

Three good reports of our own writing share the batch with each input of issue 12: a non-UTF-8
file name, Rich markup in names, a FIFO, a link to /dev/zero, an unreadable folder, a text too
long to parse, hostile JSONL lines, a gzip bomb inside a WARC, a liar WARC, UTF-16 without a BOM,
and script links and spreadsheet formulas in the metadata. Re-running stores nothing twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.config import Settings
from newsfuse.pipeline import run
from newsfuse.store import Store
from tests.ingest.unreadable import refuse_folder

GAO = """Gunmen kill six soldiers in attack on army post near Gao

Posted 14 February 2023, 10:20

GAO, Mali - Gunmen on motorbikes attacked an army post on the road north of Gao on Monday, killing six soldiers and
wounding nine others, the army said in a statement on Tuesday.

The attackers set fire to two vehicles before withdrawing towards the border with Niger, a local official said.
Reinforcements were sent from Gao and the road to Bourem was closed to traffic for the rest of the day.
"""

NAIROBI = """Police fire tear gas at traders protesting market fees in Nairobi

Posted 7 March 2024, 16:45

NAIROBI, Kenya - Police fired tear gas at hundreds of traders who marched through central Nairobi on Thursday to
protest against new market fees, witnesses said.

The traders blocked Moi Avenue for two hours and said they would return to the streets next week unless the county
withdrew the fees. A county spokesman said the fees would fund new stalls and drainage in the city's markets.
"""

KIDAL = """Air strike kills four fighters near Kidal, army says

Posted 3 October 2023, 08:05

BAMAKO, Mali - An air strike killed four fighters near the northern town of Kidal on Monday, the army said on
Tuesday, as troops pressed an offensive to retake the town from armed groups.

Residents of Kidal said the strike hit a vehicle on the road east of the town and that smoke could be seen for
hours. The armed groups did not comment on the figure given by the army.
"""


def _gzip_bomb_warc(decoded: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = packer.compress(b"<p>" + b"a" * decoded) + packer.flush()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + body)
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/[/b]\r\n"
            b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(http), http))


def hostile_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "gao.txt").write_text(GAO, encoding="utf-8")
    (folder / "nairobi.txt").write_text(NAIROBI, encoding="utf-8")
    feed = [
        {"text": KIDAL, "outlet": "Outlet [/red]\x1b[2J", "title": "=HYPERLINK(\"http://evil.example\",\"x\")",
         "url": "javascript:alert(document.cookie)"},
    ]
    lines = [json.dumps(feed[0]), "[" * 200_000 + "]" * 200_000, '{"text": "x", "n": ' + "9" * 10_000 + "}",
             json.dumps({"text": GAO.replace("Gao", "Menaka").replace("six soldiers", "three \ud800 soldiers")})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    with open(os.fsencode(folder) + b"/caf\xe9 report.txt", "wb") as fh:  # latin-1 byte in the name
        fh.write(NAIROBI.replace("Nairobi", "Mombasa").encode())
    (folder / "x[").mkdir()
    (folder / "x[" / "bold].txt").write_text(KIDAL.replace("Kidal", "Tessalit"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    (folder / "shut").mkdir()
    (folder / "shut" / "inside.txt").write_text(GAO, encoding="utf-8")
    words = GAO.split()
    sentences = (" ".join(words[(i * 7) % len(words):][:12]) + f" number {i}." for i in range(40_000))
    (folder / "huge.txt").write_text("\n\n".join(sentences), encoding="utf-8")
    (folder / "bomb.warc").write_bytes(_gzip_bomb_warc(30_000_000))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    (folder / "liar.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n%s" % (len(http), http))
    (folder / "utf16.txt").write_bytes(KIDAL.replace("Kidal", "Aguelhok").encode("utf-16-le"))


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    hostile_corpus(folder)
    db = root / "hostile.duckdb"
    settings = Settings()
    settings = replace(settings, nlp=replace(settings.nlp, max_document_chars=100_000))
    console = Console(record=True, width=100)
    mp = pytest.MonkeyPatch()
    refuse_folder(mp, "shut")
    try:
        first = run([str(folder)], db, settings, console=console)
        second = run([str(folder)], db, settings, console=Console(record=True, width=100))
    finally:
        mp.undo()
    return db, first, second, console.export_text()


def _reasons(summary) -> str:
    return "\n".join(f"{r.source} | {r.reason}" for r in summary.rejected)


def test_every_attack_is_rejected_by_name_with_its_reason(hostile_run):
    _, first, _, _ = hostile_run
    reasons = _reasons(first)
    for expected in (
        "pipe.txt: a FIFO (named pipe), not a regular file, skipped",
        "zero.txt: a character device, not a regular file, skipped",
        "shut: folder cannot be read (Permission denied), its files skipped",
        "over the nlp limit of 100,000 (NlpSettings.max_document_chars)",
        "feed.jsonl#L2: JSON nested too deeply to read",
        "feed.jsonl#L3: unreadable JSON value (Exceeds the limit (4300 digits)",
        "http://bomb.example/[/b]: HTTP body decodes to over 20.0 MB (IngestSettings.max_bytes)",
        "liar.warc: corrupt WARC: record 1 is an HTTP response without a WARC-Target-URI",
    ):
        assert expected in reasons, expected
    assert "Traceback" not in reasons and "AttributeError" not in reasons


def test_the_good_reports_and_the_readable_odd_ones_are_stored_with_events(hostile_run):
    db, _, _, _ = hostile_run
    with Store(db, read_only=True) as store:
        docs = {Path(d.source).name: d for d in store.documents()}
        mentioned = {m.document for m in store.mentions()}
        assert store.events()
    for name in ("gao.txt", "nairobi.txt", "feed.jsonl#L1"):
        assert docs[name].id in mentioned, name
    # read although hostile: a non-UTF-8 name, markup in a name, a lone surrogate, UTF-16 without a BOM
    assert {"caf\\xe9 report.txt", "bold].txt", "feed.jsonl#L4", "utf16.txt", "huge.txt"} <= set(docs)
    assert "\ufffd" in docs["feed.jsonl#L4"].text


def test_rejections_are_printed_one_per_line_with_markup_and_escapes_shown_literally(hostile_run):
    _, first, _, printed = hostile_run
    lines = [line for line in printed.splitlines() if line.startswith("rejected ")]
    assert len(lines) == len(first.rejected)
    assert any("http://bomb.example/[/b]" in line for line in lines) and "\x1b" not in printed


def test_a_rerun_stores_no_document_and_no_rejection_twice(hostile_run):
    db, first, second, _ = hostile_run
    assert second.added == 0 and second.known == first.added + first.known
    with Store(db, read_only=True) as store:
        stored = store.rejections()
    assert len(stored) == len({(r.source, r.stage, r.reason) for r in stored})
    assert len(stored) <= len(first.rejected)


def test_show_export_and_report_stay_safe_after_the_hostile_run(hostile_run, tmp_path: Path):
    db = hostile_run[0]
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Outlet [/red]" in shown.output and "\x1b" not in shown.output
    exported = runner.invoke(app, ["export", "documents", "--format", "csv", "--db", str(db)])
    assert exported.exit_code == 0
    csv.field_size_limit(10_000_000)  # the too-long-to-parse document is exported whole
    cells = [c for row in csv.reader(io.StringIO(exported.stdout)) for c in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells
    assert not [c for c in cells if c.startswith(("=", "@"))]
    report = tmp_path / "report.html"
    assert runner.invoke(app, ["report", "--db", str(db), "-o", str(report)]).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE)
    assert '<meta http-equiv="Content-Security-Policy"' in html
