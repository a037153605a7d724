"""The Store: newsfuse's only shared state, one DuckDB file.

Every write is one transaction over an Arrow table registered with DuckDB, so a
batch lands whole or not at all and rows are never inserted one by one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsfuse.records import Annotation, Brief, CopyGraph, Document, Event, Mention, Rejected, Story
from newsfuse.store import rows
from newsfuse.store.connect import open_database
from newsfuse.store.errors import StoreError

TABLES = ("documents", "annotations", "mentions", "copies", "origin_groups", "origins", "stories", "events",
          "briefs", "rejections")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False, memory_limit: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = open_database(self.path, read_only, memory_limit)
        # one connection, used from one thread at a time (the API serves from a thread pool)
        self._lock = threading.RLock()

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, read_only={self.read_only})"

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._con

    # ------------------------------------------------------------ plumbing

    @contextmanager
    def _write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: everything inside commits together or not at all."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: open Store({str(self.path)!r}) to write")
        with self._lock:
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    @classmethod
    def _replace_keyed(cls, con: duckdb.DuckDBPyConnection, table: str, key: str, data: pa.Table) -> None:
        """Bulk replace by ``key``: the stored rows whose ``key`` the incoming rows carry go, the rows come in."""
        con.register("replacing", data)
        try:
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM replacing)")
        finally:
            con.unregister("replacing")
        if data.num_rows:
            cls._insert(con, table, data)

    @staticmethod
    def _delete_in(con: duckdb.DuckDBPyConnection, table: str, column: str, ids: Iterable[str]) -> None:
        """Bulk delete of the rows whose ``column`` is one of ``ids`` (one registered Arrow column)."""
        con.register("deleting", pa.table({"id": pa.array(list(ids), pa.string())}))
        try:
            con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM deleting)")
        finally:
            con.unregister("deleting")

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table, where: str = "") -> int:
        """Bulk insert of an Arrow table; ``where`` filters the incoming rows (alias ``incoming``)."""
        cols = ", ".join(data.column_names)
        name = f"incoming_{table}"
        con.register(name, data)
        try:
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name} AS incoming {where}")
            found = con.fetchall()  # DuckDB wants every result read before the next statement
            return int(found[0][0]) if found else 0
        finally:
            con.unregister(name)

    @staticmethod
    def _next_seq(con: duckdb.DuckDBPyConnection, table: str) -> int:
        return int(con.execute(f"SELECT coalesce(max(seq), -1) + 1 FROM {table}").fetchall()[0][0])

    def _select(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.con.execute(sql, params or []).fetchall()

    def _select_in(self, sql: str, ids: Iterable[str]) -> list[tuple[Any, ...]]:
        """``sql`` joined to the given ids, registered as the Arrow table ``wanted(id)``."""
        wanted = pa.table({"id": pa.array(sorted(set(ids)), pa.string())})
        with self._lock:
            self.con.register("wanted", wanted)
            try:
                return self.con.execute(sql).fetchall()
            finally:
                self.con.unregister("wanted")

    def _rows_keyed(self, table: str, key: str, columns: str, ids: Iterable[str], order: str = "") -> list[tuple[Any, ...]]:
        """The ``columns`` (alias ``t``) of the rows of ``table`` whose ``key`` is among ``ids``, in two
        steps: their row ids (a scan of the key column alone), then those rows by row id. One join
        selecting every column scanned every column of the whole table: for 1,200 of 100,000 stored
        documents 0.34 s against 0.14 s (cold, as in each run's fresh process)."""
        with self._lock:  # no write between the two steps moves a row id
            found = self._select_in(f"SELECT t.rowid FROM {table} t JOIN wanted w ON t.{key} = w.id", ids)
            con = self.con
            con.register("wanted_rows", pa.table({"r": pa.array(sorted(r[0] for r in found), pa.int64())}))
            try:
                return con.execute(
                    f"SELECT {columns} FROM {table} t WHERE t.rowid IN (SELECT r FROM wanted_rows) {order}").fetchall()
            finally:
                con.unregister("wanted_rows")

    # ------------------------------------------------------------ documents

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        with self._lock:
            return self._known(self.con, set(ids))

    def add_documents(self, docs: Sequence[Document]) -> int:
        """Store new documents; ids already stored (or repeated in ``docs``) are skipped. Returns how many were added."""
        first: dict[str, Document] = {}
        for d in docs:
            first.setdefault(d.id, d)  # the first of repeated ids wins, order kept
        unique = list(first.values())
        if not unique:
            return 0
        with self._write() as con:
            # rows are built only for new ids: on a re-run most documents are known
            known = self._known(con, first)
            fresh = [d for d in unique if d.id not in known]
            if not fresh:
                return 0
            seq = self._next_seq(con, "documents")
            data = rows.arrow("documents", [rows.document_row(d, seq + i) for i, d in enumerate(fresh)])
            return self._insert(con, "documents", data, "WHERE incoming.id NOT IN (SELECT id FROM documents)")

    @staticmethod
    def _known(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
        con.register("asking", pa.table({"id": pa.array(list(ids), pa.string())}))
        try:
            return {r[0] for r in con.execute("SELECT d.id FROM documents d JOIN asking a ON d.id = a.id").fetchall()}
        finally:
            con.unregister("asking")

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        cols = ", ".join(f"t.{c}" for c in rows.DOCUMENT_COLUMNS)
        if ids is None:
            found = self._select(f"SELECT {cols} FROM documents t ORDER BY t.seq")
        else:
            found = self._rows_keyed("documents", "id", cols, ids, "ORDER BY t.seq")
        return [rows.document_from_row(r) for r in found]

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._select("SELECT id FROM documents ORDER BY seq")]

    # ------------------------------------------------------------ annotations, mentions

    def add_annotations(self, anns: Sequence[Annotation]) -> None:
        """Store annotations, replacing any stored for the same documents."""
        latest = {a.document: a for a in anns}
        if not latest:
            return
        data = rows.arrow("annotations", [rows.annotation_row(a) for a in latest.values()])
        with self._write() as con:
            self._replace_keyed(con, "annotations", "document", data)

    def annotations(self, ids: Iterable[str] | None = None) -> dict[str, Annotation]:
        if ids is None:
            found = self._select("SELECT document, record FROM annotations")
        else:
            found = self._rows_keyed("annotations", "document", "t.document, t.record", ids)
        return {doc: rows.annotation_from_blob(rec) for doc, rec in found}

    def add_mentions(self, mentions: Sequence[Mention], documents: Iterable[str] = ()) -> None:
        """Store mentions, replacing every stored mention of their documents (and of ``documents``,
        so a re-extraction that finds nothing in a document clears its old mentions)."""
        latest = {m.id: m for m in mentions}
        clear = sorted({m.document for m in latest.values()} | set(documents))
        if not clear:
            return
        with self._write() as con:
            self._delete_in(con, "mentions", "document", clear)
            if latest:
                seq = self._next_seq(con, "mentions")
                data = rows.arrow("mentions", [rows.mention_row(m, seq + i) for i, m in enumerate(latest.values())])
                self._insert(con, "mentions", data)

    def mentions(self, documents: Iterable[str] | None = None) -> list[Mention]:
        if documents is None:
            found = self._select("SELECT record FROM mentions ORDER BY seq")
        else:
            found = self._select_in(
                "SELECT m.record FROM mentions m JOIN wanted w ON m.document = w.id ORDER BY m.seq", documents
            )
        return [rows.record_from_json(Mention, r[0]) for r in found]

    # ------------------------------------------------------------ corpus-level tables (replaced whole)

    def _replace(self, tables: dict[str, pa.Table]) -> None:
        """Swap the content of several tables in one transaction: readers see old or new, never a mix."""
        with self._write() as con:
            for table, data in tables.items():
                con.execute(f"DELETE FROM {table}")
                if data.num_rows:
                    self._insert(con, table, data)

    def replace_copies(self, graph: CopyGraph) -> None:
        parts = rows.copy_rows(graph)
        self._replace({t: rows.arrow(t, r) for t, r in parts.items()})

    def copy_graph(self) -> CopyGraph:
        with self._lock:
            copies = self._select("SELECT a, b, kind, overlap, original, evidence, passages FROM copies ORDER BY seq")
            groups = self._select("SELECT document, origin_group FROM origin_groups")
            origins = self._select("SELECT document, credits FROM origins")
        return rows.copy_graph_from_rows(copies, groups, origins)

    def replace_stories(self, stories: Sequence[Story]) -> None:
        self._replace({"stories": rows.arrow("stories", [rows.story_row(s, i) for i, s in enumerate(stories)])})

    def stories(self) -> list[Story]:
        return [rows.story_from_row(r) for r in self._select("SELECT id, title, documents FROM stories ORDER BY seq")]

    def story_of(self, doc_id: str) -> Story | None:
        """The (first) story a document belongs to, or None."""
        found = self._select(
            "SELECT id, title, documents FROM stories WHERE list_contains(documents, ?) ORDER BY seq LIMIT 1", [doc_id]
        )
        return rows.story_from_row(found[0]) if found else None

    def replace_events(self, events: Sequence[Event]) -> None:
        self._replace({"events": rows.arrow("events", [rows.event_row(e, i) for i, e in enumerate(events)])})

    def events(self) -> list[Event]:
        return [rows.record_from_json(Event, r[0]) for r in self._select("SELECT record FROM events ORDER BY seq")]

    def replace_briefs(self, briefs: Sequence[Brief]) -> None:
        self._replace({"briefs": rows.arrow("briefs", [rows.brief_row(b, i) for i, b in enumerate(briefs)])})

    def briefs(self) -> list[Brief]:
        return [rows.record_from_json(Brief, r[0]) for r in self._select("SELECT record FROM briefs ORDER BY seq")]

    # ------------------------------------------------------------ rejections

    def add_rejections(self, rejected: Sequence[Rejected]) -> int:
        """Store rejections not stored before (same source, stage and reason): a re-run adds none. Returns added."""
        unique = list(dict.fromkeys((r.source, r.stage, r.reason) for r in rejected))
        if not unique:
            return 0
        with self._write() as con:
            seq = self._next_seq(con, "rejections")
            data = rows.arrow("rejections", [rows.rejection_row(Rejected(*r), seq + i) for i, r in enumerate(unique)])
            return self._insert(con, "rejections", data, "WHERE NOT EXISTS (SELECT 1 FROM rejections r WHERE "
                                "r.source = incoming.source AND r.stage = incoming.stage AND r.reason = incoming.reason)")

    def rejections(self) -> list[Rejected]:
        found = self._select("SELECT source, stage, reason FROM rejections ORDER BY seq")
        return [Rejected(source=s, stage=st, reason=r) for s, st, r in found]

    # ------------------------------------------------------------ for export / report / API

    def stats(self) -> dict[str, int]:
        """Row count of every table."""
        with self._lock:
            return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in TABLES}

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of any SQL as dicts (read it for ad-hoc views; write through the methods above)."""
        with self._lock:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Result of any SQL as an Arrow table (for Parquet / bulk export)."""
        with self._lock:
            rel = self.con.sql(sql, params=list(params) if params else None)
            return rel.to_arrow_table() if rel is not None else pa.table({})
