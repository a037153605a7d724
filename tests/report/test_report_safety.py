"""report.html links only http(s) URLs and carries a strict Content-Security-Policy of its own."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import pytest

from newsfuse.report import render_report
from tests.export.sample_records import sample_snapshot


def _with_url(url: str) -> str:
    snap = sample_snapshot()
    docs = (replace(snap.documents[0], url=url), *snap.documents[1:])
    return render_report(replace(snap, documents=docs))


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
                                 " JAVASCRIPT:alert(1)", "vbscript:msgbox(1)"])
def test_a_script_url_from_a_report_is_never_linked(url):
    html = _with_url(url)
    assert not re.search(r'href="\s*(javascript|data|vbscript):', html, re.IGNORECASE)
    assert "alert(" not in html and "msgbox" not in html


def test_an_https_url_is_linked():
    assert 'href="https://example.org/a"' in render_report(sample_snapshot())


def test_the_page_declares_a_policy_that_allows_only_its_own_script_and_style():
    html = render_report(sample_snapshot())
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert html.index("Content-Security-Policy") < html.index("<style>") < html.index("<script>")
    for tag in ("script", "style"):
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL)
        assert bodies, tag
        for body in bodies:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy.split(f"{tag}-src ")[1].split(";")[0]
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "'self'" not in policy
    assert "'unsafe-inline'" not in policy.replace("style-src-attr 'unsafe-inline'", "")
