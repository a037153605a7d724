"""The web page run in a real headless Chromium against a live server (skipped without Chromium)."""

import shutil
import socket
import subprocess
import threading
import time

import pytest
import uvicorn

from newsfuse.api import create_app
from tests.export.sample_records import sample_snapshot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")


def _serve(snap):
    """The API over ``snap`` on a free local port, in a thread, for as long as the generator lives."""
    app = create_app("unused.duckdb", snapshot=lambda: snap)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def server():
    yield from _serve(sample_snapshot())


def _dom(url: str, tmp_path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           f"--user-data-dir={tmp_path}", "--virtual-time-budget=5000", "--dump-dom", url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout


def test_page_lists_stories_and_shows_the_first_ones_events_brief_and_contradiction(server, tmp_path):
    dom = _dom(server, tmp_path)
    assert "Checkpoint attack near Hawija" in dom and "Electricity protest in Basra" in dom
    assert 'id="story-ev-ev01"' in dom  # the events table of the first story, filled by the page's JS
    assert 'id="brief"' in dom and "Gunmen attacked a checkpoint near Hawija on 17 June 2014." in dom
    assert 'class="contradiction"' in dom and "Kirkuk Herald" in dom


def test_page_shows_a_map_with_borders_a_timeline_and_the_filtered_events(server, tmp_path):
    dom = _dom(server + "?country=IQ", tmp_path)
    explore = dom.split('id="explore"')[1].split('id="story"')[0]
    assert 'class="land"' in explore and 'class="timeline"' in explore  # map over Natural Earth, timeline
    assert 'id="ev-ev01"' in explore and 'id="ev-ev02"' not in explore  # the protest has no place in Iraq
    assert "events 1–1 of 1" in explore


@pytest.fixture(scope="module")
def busy_server():
    """40 events at Hawija on 40 days: more than one page of the events table."""
    import dataclasses
    import datetime

    from newsfuse.records import DateValue

    snap = sample_snapshot()
    first = snap.events[0]
    day = datetime.date(2014, 6, 1)
    events = tuple(dataclasses.replace(first, id=f"ev{i:02d}", contradictions=(),
                                       date=DateValue((day + datetime.timedelta(days=i)).isoformat(), "day", "absolute"))
                   for i in range(40))
    yield from _serve(dataclasses.replace(snap, events=events))


def test_a_link_to_an_event_on_a_later_page_opens_that_page(busy_server, tmp_path):
    dom = _dom(busy_server + "#ev-ev30", tmp_path)
    assert "events 26–40 of 40" in dom and 'id="ev-ev30"' in dom
