"""The FastAPI app: read-only JSON over the store, and the web page at ``/``.

Lists take ``limit`` / ``offset`` (the total is in the ``X-Total-Count``
header) and ``sort`` (``field`` or ``-field``); a query parameter an endpoint
does not know is a 422 naming it, never silently ignored. ``/docs`` serves
Swagger UI from the pinned fastapi-offline package: no CDN.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi_offline import FastAPIOffline

from newsfuse import __version__
from newsfuse.api.filters import (
    COPY_SORTS,
    DOCUMENT_SORTS,
    EVENT_SORTS,
    STORY_SORTS,
    contradictions,
    filter_events,
    page,
    sort_rows,
)
from newsfuse.api.security import allowed_hosts, secure
from newsfuse.export.flat import event_flat_row
from newsfuse.export.formats import to_geojson
from newsfuse.export.rows import brief_row, copy_row, document_row, event_row, rejection_row, story_row
from newsfuse.export.snapshot import Snapshot, load
from newsfuse.report import svg
from newsfuse.report.view import event_points, event_spans


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


_EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 1"></svg>'


def reject_unknown_parameters(request: Request) -> None:
    """A 422 for any query parameter the endpoint does not declare (a typo must not widen the answer)."""
    if not request.url.path.startswith("/api/"):  # the web page reads its own address (/?country=IQ)
        return
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        known |= {p.alias for p in sub.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        accepted = ", ".join(sorted(known)) or "none"
        raise HTTPException(status_code=422, detail=f"unknown query parameter {', '.join(unknown)}: "
                                                    f"this endpoint takes {accepted}")


def _unprocessable(err: ValueError) -> HTTPException:
    return HTTPException(status_code=422, detail=str(err))


Limit = Query(100, ge=1, le=10000, description="page size")
Offset = Query(0, ge=0, description="rows to skip")


def create_app(db_path: str | Path, snapshot: Callable[[], Snapshot] | None = None,
               hosts: Sequence[str] = ()) -> FastAPI:
    """The API over the store at ``db_path``. ``snapshot`` replaces the store read (tests, Spark).

    It answers only requests whose Host header is loopback or one of ``hosts``.
    """
    path = Path(db_path)
    if snapshot is None and not path.exists():
        raise FileNotFoundError(f"{path}: no newsfuse database here; run `newsfuse run PATH --db {path}` first")
    cache = _Cache(snapshot or _store_loader(path), None if snapshot else path)
    app = FastAPIOffline(
        title="newsfuse", version=__version__,
        description="Clean documents, copies, stories, events and briefs read from a newsfuse store. "
                    "Lists page with limit/offset (total in the X-Total-Count header) and sort with sort=field "
                    "or sort=-field; unknown query parameters are refused with a 422.",
        dependencies=[Depends(reject_unknown_parameters)],
    )

    def snap() -> Snapshot:
        return cache.get()

    def paged(rows: list[dict[str, Any]], response: Response, sort: str | None, allowed: tuple[str, ...],
              limit: int, offset: int) -> list[dict[str, Any]]:
        try:
            rows = sort_rows(rows, sort, allowed)
        except ValueError as err:
            raise _unprocessable(err) from err
        response.headers["X-Total-Count"] = str(len(rows))
        return page(rows, limit, offset)

    def events_filtered(**filters: Any) -> list[dict[str, Any]]:
        try:
            return filter_events([event_row(e) for e in snap().events], **filters)
        except ValueError as err:
            raise _unprocessable(err) from err

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def web_page() -> str:
        return files("newsfuse.api").joinpath("static/index.html").read_text(encoding="utf-8")

    @app.get("/api/documents")
    def documents(response: Response, story: str | None = None, outlet: str | None = None,
                  sort: str | None = Query(None, description=f"one of {', '.join(DOCUMENT_SORTS)}"),
                  limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        """Documents without their text (its length instead); ``outlet`` matches case-insensitively."""
        s = snap()
        rows = [document_row(d, s) for d in sorted(s.documents, key=lambda d: d.source)]
        rows = [r for r in rows if (not story or r["story"] == story)
                and (not outlet or (r["outlet"] or "").casefold() == outlet.casefold())]
        return [_summary(r) for r in paged(rows, response, sort, DOCUMENT_SORTS, limit, offset)]

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
        row["copies"] = [copy_row(r) for r in s.graph.by_document.get(doc_id, ())]
        return row

    @app.get("/api/copies")
    def copies(response: Response, document: str | None = None, kind: str | None = None,
               sort: str | None = Query(None, description=f"one of {', '.join(COPY_SORTS)}"),
               limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        g = snap().graph
        rels = g.by_document.get(document, ()) if document else g.relations
        rows = [copy_row(r) for r in rels if not kind or r.kind == kind]
        return paged(rows, response, sort, COPY_SORTS, limit, offset)

    @app.get("/api/stories")
    def stories(response: Response, sort: str | None = Query(None, description=f"one of {', '.join(STORY_SORTS)}"),
                limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        """Stories, the biggest first unless ``sort`` says otherwise."""
        s = snap()
        out = []
        for st in s.stories:
            row = story_row(st, s)
            row["contradictions"] = sum(len(e.contradictions) for e in s.events_by_story.get(st.id, []))
            out.append(row)
        out.sort(key=lambda r: (-len(r["documents"]), r["title"]))
        return paged(out, response, sort, STORY_SORTS, limit, offset)

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

    def event_filters(
        story: str | None = None,
        type: list[str] | None = Query(  # noqa: A002, B008 - the API's parameter name
            None, description="ACLED event or sub-event type; repeat for any of several"),
        date_from: str | None = Query(None, description="ISO date; events overlapping [date_from, date_to]"),
        date_to: str | None = Query(None, description="ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        place: str | None = Query(None, description="any spelling of a place (Al Qaim, al-Qa'im), part of its "
                                                    "name, a GeoNames id, or a country name or code"),
        country: str | None = Query(None, description="country name or ISO code (Iraq, IQ, IRQ)"),
        bbox: str | None = Query(None, description="west,south,east,north in degrees"),
        actor: str | None = Query(None, description="part of an actor's name, any case"),
        min_fatalities: int | None = Query(None, ge=0, description="events with at least this many killed"),
    ) -> dict[str, Any]:
        return {"story": story, "type": type, "date_from": date_from, "date_to": date_to, "place": place,
                "country": country, "bbox": bbox, "actor": actor, "min_fatalities": min_fatalities}

    EventFilters = Depends(event_filters)  # noqa: N806

    @app.get("/api/events")
    def events(response: Response, filters: dict[str, Any] = EventFilters,
               sort: str | None = Query(None, description=f"one of {', '.join(EVENT_SORTS)}; -date for newest first"),
               limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        """Events matching every filter given."""
        return paged(events_filtered(**filters), response, sort, EVENT_SORTS, limit, offset)

    @app.get("/api/events.geojson")
    def events_geojson(filters: dict[str, Any] = EventFilters) -> Response:
        """The filtered events that have coordinates, as a GeoJSON FeatureCollection (flat properties)."""
        keep = {r["id"] for r in events_filtered(**filters)}
        flat = [event_flat_row(e) for e in snap().events if e.id in keep]
        body, missing = to_geojson(flat)
        return Response(body, media_type="application/geo+json", headers={"X-Newsfuse-Unplaced": str(missing)})

    def chart_events(filters: dict[str, Any]) -> list[Any]:
        keep = {r["id"] for r in events_filtered(**filters)}
        return [e for e in snap().events if e.id in keep]

    @app.get("/api/map.svg")
    def map_image(filters: dict[str, Any] = EventFilters) -> Response:
        """The filtered events on a map over Natural Earth borders (the report's map), as SVG."""
        events = chart_events(filters)
        palette = sorted({e.type for e in snap().events})
        body = svg.map_svg(event_points(events), width=760, height=460, palette=palette, map_id="webmap")
        return Response(body or _EMPTY_SVG, media_type="image/svg+xml",
                        headers={"X-Newsfuse-Unplaced": str(sum(1 for e in events if e.place is None))})

    @app.get("/api/timeline.svg")
    def timeline_image(filters: dict[str, Any] = EventFilters) -> Response:
        """The filtered events on a date axis, one lane per event type, as SVG."""
        palette = sorted({e.type for e in snap().events})
        body = svg.timeline_svg(event_spans(chart_events(filters)), width=520, palette=palette)
        return Response(body or _EMPTY_SVG, media_type="image/svg+xml")

    @app.get("/api/contradictions")
    def all_contradictions(response: Response, story: str | None = None,
                           limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        rows = contradictions(events_filtered(story=story))
        return paged(rows, response, None, (), limit, offset)

    @app.get("/api/rejections")
    def rejections(response: Response, limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        return paged([rejection_row(r) for r in snap().rejections], response, None, (), limit, offset)

    @app.get("/api/overview")
    def overview() -> dict[str, Any]:
        """Counts, the date range and the event types: what the web page's filters offer."""
        s = snap()
        days = sorted(e.date.date[:10] for e in s.events if e.date)
        return {
            "documents": len(s.documents), "stories": len(s.stories), "events": len(s.events),
            "contradictions": sum(len(e.contradictions) for e in s.events),
            "first_day": days[0] if days else None, "last_day": days[-1] if days else None,
            "types": sorted({e.type for e in s.events}),
            "countries": sorted({e.place.country for e in s.events if e.place and e.place.country}),
        }

    @app.get("/api/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        s = snap()
        return {"documents": len(s.documents), "stories": len(s.stories), "events": len(s.events)}

    return secure(app, allowed_hosts(hosts))
