"""The API answers only its own Host names and sends CSP, X-Frame-Options and nosniff on every response."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi.testclient import TestClient

from newsfuse.api import create_app
from tests.export.sample_records import sample_snapshot


def client(base_url: str = "http://127.0.0.1:8000", hosts=()) -> TestClient:
    snap = sample_snapshot()
    return TestClient(create_app("unused.duckdb", snapshot=lambda: snap, hosts=hosts), base_url=base_url)


def test_a_foreign_host_header_is_refused_before_any_data_is_read():
    response = client("http://attacker.example").get("/api/events")
    assert response.status_code == 400 and response.text == "Invalid host header"


def test_loopback_and_the_served_host_name_are_answered():
    assert client("http://localhost:8000").get("/api/health").status_code == 200
    assert client("http://newsroom.lan:8000", hosts=["newsroom.lan"]).get("/api/health").status_code == 200
    assert client("http://newsroom.lan:8000", hosts=["0.0.0.0"]).get("/api/health").status_code == 400


def test_json_responses_forbid_everything_and_framing():
    response = client().get("/api/events")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"


def test_the_page_runs_only_its_own_inline_script_by_hash():
    response = client().get("/")
    policy = response.headers["content-security-policy"]
    [script] = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}' 'self';" in policy and "connect-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.replace("style-src-attr 'unsafe-inline'", "")
    assert response.headers["x-frame-options"] == "DENY"
    assert int(response.headers["content-length"]) == len(response.content)
