"""Outlets, independent sources and places on real US local news (gva_incidents, fixed dev/test halves).

Every report of ../shared/datasets/gva_incidents was crawled from web.archive.org, so its address
names the archive; the outlet is right when it names the site of the original host inside that
address ("WKRN News 2" or "wkrn.com" for .../web/2014.../http://www.wkrn.com/story/...). The
archive itself, a file name or nothing count as wrong.

Independent sources: for every incident with reports from two or more sites, its reports are
cleaned, their copy graph built (over the whole half, as a run would), and the independent sources
of the event they support named as reconcile names them; right when their number is the number of
distinct original sites among the reports, sites merged when their reports are plainly one text
(a fifth of the shorter report's 8-word shingles in the other: station groups and wire copies,
checked here without newsfuse's copy graph). The count against plain distinct sites is shown too. The peer is the address's host as it stands (what a
system without unwrapping gives: web.archive.org for every report).
"""

from __future__ import annotations

import re
import time

from evaluation import gva
from evaluation.common import console, table
from newsfuse.clean import CleanSettings, clean_documents
from newsfuse.clean.outlets import names_site
from newsfuse.copies import CopySettings, find_copies
from newsfuse.ingest.ids import content_id
from newsfuse.nlp import NlpSettings, annotate
from newsfuse.records import Annotation, Document, RawDocument
from newsfuse.reconcile.sources import SourceNamer

# the original address inside a Wayback Machine address (the gold, read without newsfuse's code)
_ORIGINAL_HOST = re.compile(r"/web/[^/]+/(?:https?:/{1,2})?(?P<host>[^/:?#]+)", re.IGNORECASE)


def original_host(url: str) -> str | None:
    m = _ORIGINAL_HOST.search(url)
    return m.group("host").lower().removeprefix("www.") if m else None


def outlet_right(outlet: str | None, host: str | None) -> bool:
    if not outlet or not host:
        return False
    return outlet.lower().removeprefix("www.") == host or names_site(outlet, host)


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i:i + 8])) for i in range(max(0, len(words) - 7))}


def _site_groups(present: list[str], hosts: dict[str, str | None], texts: dict[str, str]) -> int:
    """Distinct sites, those whose reports share one text merged (union-find over the reports)."""
    parent = {sid: sid for sid in present}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    shingles = {sid: _shingles(texts[sid]) for sid in present}
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            small = min(len(shingles[a]), len(shingles[b]))
            if hosts[a] == hosts[b] or (small and len(shingles[a] & shingles[b]) >= 0.2 * small):
                parent[root(a)] = root(b)
    return len({root(sid) for sid in present})


def _documents(reports: list[gva.Report]) -> dict[str, Document]:
    raws = [RawDocument(id=content_id(r.text + r.url), source=f"gva/{r.source_id}", content=r.text, kind="text",
                        url=r.url, title=r.title or None, published=r.published or None) for r in reports]
    out: dict[str, Document] = {}
    for report, doc in zip(reports, clean_documents(raws, CleanSettings(workers=1)), strict=True):
        if isinstance(doc, Document):
            out[report.source_id] = doc
    return out


def evaluate(half: str, limit: int | None = None) -> dict:
    chosen = gva.incidents(half)[:limit]
    reports = gva.reports_of(chosen)
    t0 = time.perf_counter()
    docs = _documents(reports)
    seconds = time.perf_counter() - t0
    hosts = {r.source_id: original_host(r.url) for r in reports}
    right = sum(outlet_right(d.outlet, hosts[sid]) for sid, d in docs.items())
    peer = sum(outlet_right(re.sub(r"^https?://([^/]+).*", r"\1", r.url), hosts[r.source_id]) for r in reports)
    graph = find_copies(list(docs.values()), CopySettings())
    namer = SourceNamer({d.id: d for d in docs.values()}, graph)
    texts = {sid: d.text for sid, d in docs.items()}
    multi = counted = naive = 0
    for incident in chosen:
        present = [sid for sid in incident.reports if sid in docs]
        sites = {hosts[sid] for sid in present}
        if len(sites) < 2:
            continue
        multi += 1
        found = len(namer.independent_sources([docs[sid].id for sid in present]))
        counted += found == _site_groups(present, hosts, texts)
        naive += found == len(sites)
    figures = {"reports": len(reports), "cleaned": len(docs), "outlet_right": right / len(docs) if docs else 0.0,
               "peer_outlet_right": peer / len(reports) if reports else 0.0, "multi_site_events": multi,
               "sources_counted_right": counted / multi if multi else 0.0,
               "sources_equal_distinct_sites": naive / multi if multi else 0.0, "clean_seconds": seconds}
    console.print(table(
        f"outlets on gva_incidents, {half} half ({len(chosen)} incidents, {len(reports)} reports, {len(docs)} cleaned)",
        ["measure", "newsfuse", "address host as is", "target"],
        [["outlet names the original site", figures["outlet_right"], figures["peer_outlet_right"], 0.95],
         [f"events from 2+ sites ({multi}): independent sources counted right", figures["sources_counted_right"],
          "-", 0.95],
         ["  ... equal to plain distinct sites (copies not merged)", figures["sources_equal_distinct_sites"], "-", "-"]]))
    return figures


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from evaluation.nlp import km

    return km(lat1, lon1, lat2, lon2)


def main_town(ann: Annotation):
    """The report's town: the town (point place) it names most often, the first named on a tie."""
    towns = [p for p in ann.places if p.place.precision == "point"]
    if not towns:
        return None
    counts: dict[object, int] = {}
    for p in towns:
        key = p.place.geonameid or p.place.name
        counts[key] = counts.get(key, 0) + 1
    return max(towns, key=lambda p: (counts[p.place.geonameid or p.place.name], -p.span[0]))


def evaluate_places(half: str, limit: int | None = None) -> dict:
    """Places of US local news: is the report's main town within 40 km of its incident, and is any of its
    places? (The events stage picks each event's place among these; the incident evaluation scores it.)"""
    chosen = [i for i in gva.incidents(half)[:limit] if i.lat is not None and i.lon is not None]
    reports = gva.reports_of(chosen)
    docs = _documents(reports)
    where = {sid: (i.lat, i.lon) for i in chosen for sid in i.reports}
    order = [sid for sid in docs]
    t0 = time.perf_counter()
    anns = list(annotate([docs[sid] for sid in order], NlpSettings()))
    seconds = time.perf_counter() - t0
    main_ok = any_ok = n = 0
    for sid, ann in zip(order, anns, strict=True):
        if not isinstance(ann, Annotation):
            continue
        n += 1
        lat, lon = where[sid]
        town = main_town(ann)
        main_ok += town is not None and _km(town.place.lat, town.place.lon, lat, lon) <= 40
        any_ok += any(_km(p.place.lat, p.place.lon, lat, lon) <= 40 for p in ann.places)
    figures = {"reports": n, "main_town_within_40km": main_ok / n if n else 0.0,
               "any_place_within_40km": any_ok / n if n else 0.0, "annotate_seconds": seconds}
    console.print(table(f"places of gva_incidents reports, {half} half ({n} reports of {len(chosen)} incidents)",
                        ["measure", "newsfuse"],
                        [["main town within 40 km of the incident", figures["main_town_within_40km"]],
                         ["any place within 40 km (ceiling for the events stage)", figures["any_place_within_40km"]]]))
    return figures


def main(quick: bool = False) -> dict:
    if quick:
        return {"dev": evaluate("dev", limit=150)}
    return {half: evaluate(half) for half in ("dev", "test")} | {
        f"places_{half}": evaluate_places(half) for half in ("dev", "test")}


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
