"""The report's little script, run in a real headless Chromium (skipped without Chromium)."""

import shutil
import subprocess

import pytest

from newsfuse.report import render_report
from tests.export.sample_records import sample_snapshot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")


def test_following_a_passage_link_opens_the_collapsed_document_that_holds_it(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_report(sample_snapshot()), encoding="utf-8")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom",
           page.as_uri() + "#pass-aaaa000000000001-25"]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
    assert '<details class="doc" id="doc-aaaa000000000001" open="">' in dom
    assert '<details class="doc" id="doc-cccc000000000003">' in dom  # the others stay collapsed
