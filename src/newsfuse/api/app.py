"""The FastAPI app: read-only JSON over the store, and the web page at ``/``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from newsfuse.api.filters import contradictions, filter_events
from newsfuse.api.security import allowed_hosts, secure
from newsfuse.export.formats import to_geojson
from newsfuse.export.rows import brief_row, copy_row, document_row, event_row, rejection_row, story_row
from newsfuse.export.snapshot import Snapshot, load


class StoreUnavailable(RuntimeError):
    """The database could not be opened for reading (e.g. `newsfuse run` holds its lock)."""


def _store_loader(db_path: Path) -> Callable[[], Snapshot]:
    def read() -> Snapshot:
        from newsfuse.store import Store, StoreError  # late: the API module loads without a database

        try:
            with Store(db_path, read_only=True) as store:
                return load(store)
        except (StoreError, OSError) as err:
            raise StoreUnavailable(str(err)) from err

    return read


class _Cache:
    """The snapshot, re-read only when the database file changes on disk.

    ``newsfuse run`` may add documents while the server is up; keying on the
    file's size and mtime (and its WAL's) shows new results without a restart.
    """

    def __init__(self, read: Callable[[], Snapshot], watch: Path | None):
        self._read, self._watch = read, watch
        self._key: object = None
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()

    def _stamp(self) -> object:
        if self._watch is None:
            return "fixed"
        stamp = []
        for p in (self._watch, self._watch.with_name(self._watch.name + ".wal")):
            st = p.stat() if p.exists() else None
            stamp.append((st.st_mtime_ns, st.st_size) if st else None)
        return tuple(stamp)

    def get(self) -> Snapshot:
        with self._lock:
            key = self._stamp()
            if self._snap is None or key != self._key:
                try:
                    self._snap, self._key = self._read(), key
                except StoreUnavailable as err:
                    # mid-run the writer holds the file: keep serving what was last read
                    if self._snap is None:
                        raise HTTPException(status_code=503, detail=f"store unavailable: {err}") from err
            return self._snap


def _summary(doc: dict[str, Any]) -> dict[str, Any]:
    """A document row for lists: the text replaced by its length."""
    out = {k: v for k, v in doc.items() if k != "text"}
    out["text_length"] = len(doc["text"])
    return out


def create_app(db_path: str | Path, snapshot: Callable[[], Snapshot] | None = None,
               hosts: Sequence[str] = ()) -> FastAPI:
    """The API over the store at ``db_path``. ``snapshot`` replaces the store read (tests, Spark).

    It answers only requests whose Host header is loopback or one of ``hosts``.
    """
    path = Path(db_path)
    if snapshot is None and not path.exists():
        raise FileNotFoundError(f"{path}: no newsfuse database here; run `newsfuse run PATH --db {path}` first")
    cache = _Cache(snapshot or _store_loader(path), None if snapshot else path)
    app = FastAPI(title="newsfuse", version="0.1.0",
                  description="Clean documents, copies, stories, events and briefs read from a newsfuse store.")

    def snap() -> Snapshot:
        return cache.get()

    def events_filtered(story, type_, date_from, date_to, place) -> list[dict[str, Any]]:
        try:
            return filter_events([event_row(e) for e in snap().events], story, type_, date_from, date_to, place)
        except ValueError as err:
            raise HTTPException(status_code=422, detail=str(err)) from err

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return files("newsfuse.api").joinpath("static/index.html").read_text(encoding="utf-8")

    @app.get("/api/documents")
    def documents(story: str | None = None, outlet: str | None = None,
                  limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        s = snap()
        rows = [document_row(d, s) for d in sorted(s.documents, key=lambda d: d.source)]
        rows = [r for r in rows if (not story or r["story"] == story)
                and (not outlet or (r["outlet"] or "").casefold() == outlet.casefold())]
        return [_summary(r) for r in rows[offset:offset + limit]]

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str) -> dict[str, Any]:
        s = snap()
        doc = s.doc_by_id.get(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        row = document_row(doc, s)
        row["removed"] = [{"reason": r.reason, "text": r.text} for r in doc.removed]
        row["credits"] = [{"name": c.name, "kind": c.kind, "evidence": c.evidence, "how": c.how} for c in doc.credits]
        row["paragraphs"] = [list(p) for p in doc.paragraphs]
        row["copies"] = [copy_row(r) for r in s.graph.relations if doc_id in (r.a, r.b)]
        return row

    @app.get("/api/copies")
    def copies(document: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        rels = snap().graph.relations
        return [copy_row(r) for r in rels
                if (not document or document in (r.a, r.b)) and (not kind or r.kind == kind)]

    @app.get("/api/stories")
    def stories() -> list[dict[str, Any]]:
        s = snap()
        out = []
        for st in s.stories:
            row = story_row(st, s)
            row["contradictions"] = sum(len(e.contradictions) for e in s.events_by_story.get(st.id, []))
            out.append(row)
        return sorted(out, key=lambda r: (-len(r["documents"]), r["title"]))

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        s = snap()
        st = next((x for x in s.stories if x.id == story_id), None)
        if st is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        row = story_row(st, s)
        events = [event_row(e) for e in s.events_by_story.get(st.id, [])]
        brief = s.brief_by_story.get(st.id)
        row["events"] = sorted(events, key=lambda e: (e["date"] or "9999", e["id"]))
        row["brief"] = brief_row(brief) if brief else None
        row["contradictions"] = contradictions(events)
        row["sources"] = [_summary(document_row(s.doc_by_id[d], s)) for d in st.documents if d in s.doc_by_id]
        return row

    @app.get("/api/events")
    def events(story: str | None = None, type: str | None = None,  # noqa: A002
               date_from: str | None = Query(None, description="ISO date; events overlapping [date_from, date_to]"),
               date_to: str | None = None,
               place: str | None = Query(None, description="place name (part), ISO country code or GeoNames id"),
               ) -> list[dict[str, Any]]:
        return events_filtered(story, type, date_from, date_to, place)

    @app.get("/api/events.geojson")
    def events_geojson(story: str | None = None, type: str | None = None,  # noqa: A002
                       date_from: str | None = None, date_to: str | None = None,
                       place: str | None = None) -> Response:
        body, missing = to_geojson(events_filtered(story, type, date_from, date_to, place))
        return Response(body, media_type="application/geo+json",
                        headers={"X-Newsfuse-Unplaced": str(missing)})

    @app.get("/api/contradictions")
    def all_contradictions(story: str | None = None) -> list[dict[str, Any]]:
        return contradictions(events_filtered(story, None, None, None, None))

    @app.get("/api/rejections")
    def rejections() -> list[dict[str, Any]]:
        return [rejection_row(r) for r in snap().rejections]

    @app.get("/api/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        s = snap()
        return {"documents": len(s.documents), "stories": len(s.stories), "events": len(s.events)}

    return secure(app, allowed_hosts(hosts))
