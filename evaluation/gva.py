"""The gva_incidents corpus (../shared/datasets/gva_incidents): incidents, their reports, fixed halves.

One loader for every evaluation that reads it (incidents, places, outlets), so all of them split
the same way: incidents sorted by id, even positions are the dev half, odd positions the test half.
Every rule is chosen on dev; test is only reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from evaluation.common import dataset

HALVES = ("dev", "test", "all")


@dataclass(frozen=True)
class Incident:
    id: str
    date: str  # ISO day
    state: str
    city: str
    address: str
    killed: int
    injured: int
    lat: float | None
    lon: float | None
    reports: tuple[str, ...]  # source_ids of its reports


@dataclass(frozen=True)
class Report:
    source_id: str
    url: str
    title: str
    published: str
    text: str


@cache
def _incidents() -> tuple[Incident, ...]:
    rows = json.loads(dataset("datasets", "gva_incidents", "incidents.json").read_text(encoding="utf-8"))
    out = [
        Incident(
            id=str(r["incident"]),
            date=r["date"],
            state=r.get("state") or "",
            city=r.get("city") or "",
            address=(r.get("address") or "").strip(),
            killed=int(r.get("killed") or 0),
            injured=int(r.get("injured") or 0),
            lat=r.get("lat"),
            lon=r.get("lon"),
            reports=tuple(r["documents"]),
        )
        for r in rows
    ]
    return tuple(sorted(out, key=lambda i: i.id))


def incidents(half: str = "dev") -> list[Incident]:
    """The incidents of one half: 'dev' (even positions by id), 'test' (odd) or 'all'."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    every = _incidents()
    if half == "all":
        return list(every)
    start = 0 if half == "dev" else 1
    return list(every[start::2])


@cache
def reports() -> dict[str, Report]:
    """Every report by source_id."""
    out: dict[str, Report] = {}
    with dataset("datasets", "gva_incidents", "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            out[r["source_id"]] = Report(
                source_id=r["source_id"],
                url=r.get("url") or "",
                title=r.get("title") or "",
                published=r.get("published") or "",
                text=r.get("text") or "",
            )
    return out


def reports_of(chosen: list[Incident]) -> list[Report]:
    """The reports of these incidents, each once, in incident order."""
    by_id = reports()
    seen: set[str] = set()
    out = []
    for incident in chosen:
        for sid in incident.reports:
            if sid in by_id and sid not in seen:
                seen.add(sid)
                out.append(by_id[sid])
    return out
