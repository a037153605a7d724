"""Store reads and writes for incremental runs: the copy index, and the parts of the corpus-level
tables a run's new documents can change (their copies, origin groups, stories, events, briefs).

Every read joins an Arrow table of the ids or keys asked for, so its cost follows what is asked,
not the store size, except the n-gram look-up, a scan of one integer column; every write is one
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pyarrow as pa

from newsfuse.records import Annotation, CopyGraph, CopyRelation, Credit, Event, Brief, Story, to_dict
from newsfuse.store import rows
from newsfuse.store.store import Store


def _ids(values: Iterable[str]) -> pa.Table:
    return pa.table({"id": pa.array(sorted(set(values)), pa.string())})


def _query(store: Store, sql: str, params: Sequence[object] = (), **tables: pa.Table) -> list[tuple]:
    """``sql`` with the Arrow ``tables`` registered under their keyword names."""
    with store._lock:
        for name, table in tables.items():
            store.con.register(name, table)
        try:
            return store.con.execute(sql, list(params)).fetchall()
        finally:
            for name in tables:
                store.con.unregister(name)


# ---------------------------------------------------------------- the copy index


def indexed_count(store: Store) -> int:
    return int(store._select("SELECT count(*) FROM copy_index")[0][0])


def stored_gram(gram: np.ndarray) -> np.ndarray:
    """The low 32 bits of an n-gram hash, as ``copy_grams`` keeps it: the look-up of a daily add scans
    that column, and half the bytes scan in 0.5-0.7x the time at 100,000 reports. A new n-gram then
    meets another stored one under its key with a chance of rows / 2**32 (0.8 % at 100,000 reports):
    a stray posting, not a relation (a candidate needs ``min_shared_grams`` shared n-grams, and is
    then aligned word by word)."""
    return gram.astype(np.uint32)


def add_to_index(
    store: Store, documents: Sequence[str], duplicate: np.ndarray, band_document: np.ndarray, band: np.ndarray,
    band_key: np.ndarray, gram_document: np.ndarray, gram: np.ndarray, max_gram_documents: int,
) -> np.ndarray:
    """Index documents (positions in ``documents``) and add the n-grams they made stock; returns the
    stored documents' postings ``(gram, n)`` of the added n-grams that are not stock.

    One pass over ``copy_grams`` (the one index read that grows with the store) serves both the
    stock count here and the n-gram candidates of ``index_candidates``."""
    with store._write() as con:
        first = int(con.execute("SELECT coalesce(max(n), -1) + 1 FROM copy_index").fetchall()[0][0])
        n = np.arange(first, first + len(documents), dtype=np.int32)
        parts = {
            "copy_index": pa.table({"document": pa.array(list(documents), pa.string()), "n": n,
                                    "duplicate": pa.array(duplicate, pa.uint64())}),
            "copy_bands": pa.table({"band": pa.array(band, pa.int16()), "key": pa.array(band_key, pa.uint64()),
                                    "n": n[band_document]}),
            "copy_grams": pa.table({"gram": pa.array(stored_gram(gram), pa.uint32()), "n": n[gram_document]}),
        }
        for table, data in parts.items():
            store._insert(con, table, data)
        added = np.unique(gram)
        con.register("added_grams", pa.table({"gram": pa.array(stored_gram(added), pa.uint32()),
                                              "full": pa.array(added, pa.uint64())}))
        try:
            found = con.sql(
                "SELECT a.full AS gram, g.n FROM copy_grams g JOIN added_grams a ON g.gram = a.gram "
                "WHERE a.full NOT IN (SELECT gram FROM copy_stock)").to_arrow_table()
            grams = np.asarray(found.column("gram").to_numpy(), dtype=np.uint64)
            postings = np.asarray(found.column("n").to_numpy(), dtype=np.int64)
            values, counts = np.unique(grams, return_counts=True)
            stock = values[counts > max_gram_documents]
            if len(stock):
                store._insert(con, "copy_stock", pa.table({"gram": pa.array(stock, pa.uint64())}))
        finally:
            con.unregister("added_grams")
    keep = ~np.isin(grams, stock)
    return np.stack([grams[keep], postings[keep].astype(np.uint64)], axis=1) if len(grams) else \
        np.empty((0, 2), dtype=np.uint64)


def clear_index(store: Store) -> None:
    with store._write() as con:
        for table in ("copy_index", "copy_bands", "copy_grams", "copy_stock"):
            con.execute(f"DELETE FROM {table}")


def stock_grams(store: Store) -> np.ndarray:
    found = store.arrow("SELECT gram FROM copy_stock ORDER BY gram").column("gram").to_numpy()
    return np.asarray(found, dtype=np.uint64)


def index_candidates(
    store: Store, duplicate: np.ndarray, band: np.ndarray, band_key: np.ndarray, gram_document: np.ndarray,
    gram: np.ndarray, stock: np.ndarray, min_shared: int, postings: np.ndarray | None = None,
) -> set[str]:
    """Stored documents a new document may be a copy of: the same duplicate key, a shared LSH band
    key, or ``min_shared`` shared index n-grams that are not stock (with one new document).

    ``postings``: the ``(gram, n)`` rows of ``copy_grams`` for these n-grams, as ``add_to_index``
    returned them (else ``copy_grams`` is read again)."""
    found = {r[0] for r in _query(
        store, "SELECT DISTINCT i.document FROM copy_index i JOIN asked a ON i.duplicate = a.duplicate",
        asked=pa.table({"duplicate": pa.array(duplicate[duplicate != 0], pa.uint64())}))}
    found |= {r[0] for r in _query(
        store, "SELECT DISTINCT i.document FROM copy_bands b JOIN asked a ON b.band = a.band AND b.key = a.key "
               "JOIN copy_index i ON i.n = b.n",
        asked=pa.table({"band": pa.array(band, pa.int16()), "key": pa.array(band_key, pa.uint64())}))}
    keep = ~np.isin(gram, stock)
    asked = pa.table({"gram": pa.array(gram[keep], pa.uint64()), "new": pa.array(gram_document[keep], pa.int64())})
    if postings is None:
        source = "copy_grams"
        asked = asked.set_column(0, "gram", pa.array(stored_gram(gram[keep]), pa.uint32()))
        tables = {"asked": asked}
    else:
        source = "given"
        tables = {"asked": asked, "given": pa.table({"gram": pa.array(postings[:, 0], pa.uint64()),
                                                     "n": pa.array(postings[:, 1].astype(np.int32), pa.int32())})}
    found |= {r[0] for r in _query(
        store, f"SELECT i.document FROM {source} g JOIN asked a ON g.gram = a.gram JOIN copy_index i ON i.n = g.n "
               "GROUP BY a.new, i.document HAVING count(*) >= ?", [min_shared], **tables)}
    return found


# ---------------------------------------------------------------- the copy graph, in parts


def copy_graph_of(store: Store, ids: Iterable[str]) -> CopyGraph:
    """The relations touching ``ids``, and the origin groups and origins of ``ids``."""
    wanted = _ids(ids)
    copies = _query(store, "SELECT c.a, c.b, c.kind, c.overlap, c.original, c.evidence, c.passages FROM copies c "
                           "WHERE c.a IN (SELECT id FROM wanted) OR c.b IN (SELECT id FROM wanted) ORDER BY c.seq",
                    wanted=wanted)
    groups = _query(store, "SELECT g.document, g.origin_group FROM origin_groups g JOIN wanted w ON g.document = w.id",
                    wanted=wanted)
    origins = _query(store, "SELECT o.document, o.credits FROM origins o JOIN wanted w ON o.document = w.id",
                     wanted=wanted)
    return rows.copy_graph_from_rows(copies, groups, origins)


def group_members(store: Store, groups: Iterable[str]) -> dict[str, str]:
    """Every document of the given origin groups -> its group."""
    return dict(_query(store, "SELECT g.document, g.origin_group FROM origin_groups g JOIN wanted w "
                              "ON g.origin_group = w.id", wanted=_ids(groups)))


def extend_copy_graph(
    store: Store, relations: Sequence[CopyRelation], origins: Mapping[str, Sequence[Credit]],
    groups: Mapping[str, str], renamed: Mapping[str, str],
) -> None:
    """Add relations; set the origins and groups of the given documents; rename merged groups."""
    with store._write() as con:
        if relations:
            seq = store._next_seq(con, "copies")
            graph = CopyGraph(relations=tuple(relations))
            data = rows.copy_rows(graph)["copies"]
            for i, row in enumerate(data):
                row["seq"] = seq + i
            store._insert(con, "copies", rows.arrow("copies", data))
        if renamed:
            con.register("renamed", pa.table({"old": list(renamed), "new": list(renamed.values())}))
            try:
                con.execute("UPDATE origin_groups SET origin_group = r.new FROM renamed r "
                            "WHERE origin_groups.origin_group = r.old")
            finally:
                con.unregister("renamed")
        for table, key, data in (
            ("origin_groups", "document", rows.arrow("origin_groups", [
                {"document": d, "origin_group": g} for d, g in groups.items()])),
            ("origins", "document", rows.arrow("origins", [
                {"document": d, "credits": json.dumps([to_dict(c) for c in cs])} for d, cs in origins.items()])),
        ):
            store._replace_keyed(con, table, key, data)


# ---------------------------------------------------------------- story signals, stories, events


def add_story_signals(store: Store, days: Mapping[str, int | None], annotations: Sequence[Annotation],
                      names: Mapping[str, Sequence[int]] | None = None, keys: Mapping[str, str] | None = None) -> None:
    """What story clustering reads of each annotation: its places, actors and dates (no sentences);
    with ``names`` (document -> name keys), the keys its documents are found by (``story_names``); with
    ``keys`` (document -> JSON), what clustering reads of it and its text, reduced (stories/keys.py)."""
    keys = keys or {}
    data = pa.table({
        "document": pa.array([a.document for a in annotations], pa.string()),
        "day": pa.array([days.get(a.document) for a in annotations], pa.int32()),
        "record": pa.array([rows.annotation_json(a) for a in annotations], pa.string()),
        "keys": pa.array([keys.get(a.document) for a in annotations], pa.string()),
    })
    with store._write() as con:
        store._replace_keyed(con, "story_signals", "document", data)
        if names is not None:
            _replace_names(store, con, [a.document for a in annotations], days, names)


def _replace_names(store: Store, con, documents: Sequence[str], days: Mapping[str, int | None],
                   names: Mapping[str, Sequence[int]]) -> None:
    """The name keys of ``documents`` become ``names`` (a document without a day has none: no far pair)."""
    con.register("renaming", _ids(documents))
    try:
        con.execute("DELETE FROM story_names WHERE document IN (SELECT id FROM renaming)")
    finally:
        con.unregister("renaming")
    found = [(k, d, days[d]) for d in documents if days.get(d) is not None for k in names.get(d, ())]
    if found:
        store._insert(con, "story_names", pa.table({
            "key": pa.array([f[0] for f in found], pa.int64()), "document": pa.array([f[1] for f in found], pa.string()),
            "day": pa.array([f[2] for f in found], pa.int32())}))


def names_indexed(store: Store, keying: str) -> bool:
    """Every story-signalled document is in ``story_names``, keyed as ``keying`` says (false in a store
    written before the index, or keyed another way: its keys would not meet a new run's)."""
    return bool(store._select("SELECT 1 FROM store_meta WHERE key = 'story_names' AND value = ?", [keying]))


def index_story_names(store: Store, names: Mapping[str, Sequence[int]], keying: str) -> None:
    """Rebuild ``story_names`` from every stored signal's names (document -> keys, keyed as ``keying``
    says), once per store and keying."""
    days = dict(store._select("SELECT document, day FROM story_signals"))
    with store._write() as con:
        con.execute("DELETE FROM story_names")
        _replace_names(store, con, list(days), days, names)
        con.execute("INSERT OR REPLACE INTO store_meta VALUES ('story_names', ?)", [keying])


def all_story_signals(store: Store) -> dict[str, Annotation]:
    return {doc: rows.annotation_from_json(rec) for doc, rec in store._select("SELECT document, record FROM story_signals")}


# keys per statement of ``named_documents``: a literal IN list is what DuckDB answers from the index
NAME_KEYS_PER_QUERY = 1000


def named_documents(store: Store, keys: Iterable[int]) -> list[tuple[str, int, int]]:
    """(document, story day, key) of the stored documents carrying one of the name ``keys``: an ART index
    look-up (a join with a registered table would scan the whole table)."""
    keys = sorted({int(k) for k in keys})
    out: list[tuple[str, int, int]] = []
    for start in range(0, len(keys), NAME_KEYS_PER_QUERY):
        listed = ", ".join(str(k) for k in keys[start:start + NAME_KEYS_PER_QUERY])  # integers: nothing to escape
        out += store._select(f"SELECT document, day, key FROM story_names WHERE key IN ({listed})")
    return out


def signalled_count(store: Store) -> int:
    return int(store._select("SELECT count(*) FROM story_signals")[0][0])


def documents_near(store: Store, days: Iterable[int], window: int) -> set[str]:
    """Stored documents whose story day is within ``window`` days of one of ``days``."""
    days = sorted(set(days))
    if not days:
        return set()
    ranges = pa.table({"lo": pa.array([d - window for d in days], pa.int32()),
                       "hi": pa.array([d + window for d in days], pa.int32())})
    return {r[0] for r in _query(store, "SELECT DISTINCT s.document FROM story_signals s JOIN ranges r "
                                        "ON s.day BETWEEN r.lo AND r.hi", ranges=ranges)}


def story_signals(store: Store, ids: Iterable[str]) -> dict[str, Annotation]:
    found = store._rows_keyed("story_signals", "document", "t.document, t.record", ids)
    return {doc: rows.annotation_from_json(rec) for doc, rec in found}


def keys_current(store: Store, keying: str) -> bool:
    """Every story signal carries keys made as ``keying`` says (false in a store migrated from schema 2,
    or keyed by an earlier newsfuse: its keys would not be what this one reads)."""
    return bool(store._select("SELECT 1 FROM store_meta WHERE key = 'story_keys' AND value = ?", [keying]))


def rekey_story_signals(store: Store, keys_of: Callable[[str, str], str], keying: str) -> None:
    """Make every stored signal's keys again, ``keys_of(signals JSON, document text)``, once per store and
    keying (about 0.7 ms a document)."""
    with store._write() as con:
        con.create_function("newsfuse_story_keys", keys_of, ["VARCHAR", "VARCHAR"], "VARCHAR")
        try:
            con.execute("UPDATE story_signals SET keys = newsfuse_story_keys(story_signals.record::VARCHAR, d.text) "
                        "FROM documents d WHERE d.id = story_signals.document")
        finally:
            con.remove_function("newsfuse_story_keys")
        con.execute("INSERT OR REPLACE INTO store_meta VALUES ('story_keys', ?)", [keying])


def story_keys(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """Document -> its stored story keys (JSON, stories/keys.py), for the ``ids`` that have them."""
    found = store._rows_keyed("story_signals", "document", "t.document, t.keys", ids)
    return {doc: keys for doc, keys in found if keys is not None}


def stories_with(store: Store, ids: Iterable[str]) -> list[Story]:
    """Stored stories with a member among ``ids``, in store order."""
    found = _query(store, "SELECT s.id, s.title, s.documents FROM stories s WHERE s.id IN (SELECT m.id FROM "
                          "(SELECT id, unnest(documents) AS member FROM stories) m JOIN wanted w ON m.member = w.id) "
                          "ORDER BY s.seq", wanted=_ids(ids))
    return [rows.story_from_row(r) for r in found]


def documents_placed_near(store: Store, documents: Iterable[str], within_km: float) -> set[str]:
    """Stored documents with a report main event placed where one of ``documents``' is: at a place of its name
    in its country (any precision: reconcile/later.py joins two events at one county), or at a town (a
    gazetteer point) within ``within_km`` of its town: the reports an event of ``documents`` can be joined
    with across stories."""
    main = "m.type IS NOT NULL AND m.lat IS NOT NULL AND json_extract_string(m.record, '$.main') = m.id"
    point = "json_extract_string(m.record, '$.place.precision') = 'point'"
    places = _query(store, f"SELECT DISTINCT lower(m.place_name), m.country, m.lat, m.lon, {point} FROM mentions m "
                           f"JOIN wanted w ON m.document = w.id WHERE {main}", wanted=_ids(documents))
    if not places:
        return set()
    wanted = pa.table({"name": pa.array([p[0] for p in places], pa.string()),
                       "country": pa.array([p[1] for p in places], pa.string()),
                       "lat": pa.array([p[2] for p in places], pa.float64()),
                       "lon": pa.array([p[3] for p in places], pa.float64()),
                       "point": pa.array([bool(p[4]) for p in places], pa.bool_())})
    degrees = within_km / 111.0  # a degree of latitude: a band first, the great circle inside it
    return {r[0] for r in _query(store, f"""
        SELECT DISTINCT m.document FROM mentions m JOIN places w
          ON (lower(m.place_name) = w.name AND m.country IS NOT DISTINCT FROM w.country)
          OR (w.point AND {point} AND abs(m.lat - w.lat) <= ?
              AND 12742 * asin(sqrt(pow(sin(radians(m.lat - w.lat) / 2), 2)
                  + cos(radians(w.lat)) * cos(radians(m.lat)) * pow(sin(radians(m.lon - w.lon) / 2), 2))) <= ?)
        WHERE {main}""", (degrees, within_km), places=wanted)}


def event_documents_with(store: Store, documents: Iterable[str]) -> set[str]:
    """Every document of the stored events holding one of ``documents`` (an event can join reports of two
    stories)."""
    return {r[0] for r in _query(store, "SELECT DISTINCT d FROM (SELECT unnest(documents) AS d, documents FROM events) "
                                        "WHERE list_has_any(documents, (SELECT list(id) FROM wanted))",
                                 wanted=_ids(documents))}


def stories_by_id(store: Store, ids: Iterable[str]) -> list[Story]:
    found = _query(store, "SELECT s.id, s.title, s.documents FROM stories s JOIN wanted w ON s.id = w.id "
                          "ORDER BY s.seq", wanted=_ids(ids))
    return [rows.story_from_row(r) for r in found]


def unannotated(store: Store, added: Sequence[str] = ()) -> set[str]:
    """Stored documents without an annotation (the nlp stage rejected them, or a run was cut short).

    ``added``: the documents this run stored (none annotated yet). When the counts say they are the only
    ones, no id is read: the anti-join reads every stored id (40-100 ms at 100,000 reports, every run)."""
    documents, annotated = store._select(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM annotations)")[0]
    if added and documents - annotated == len(set(added)):
        return set(added)
    return {r[0] for r in store._select("SELECT id FROM documents WHERE id NOT IN (SELECT document FROM annotations)")}


def unplaced(store: Store, added: Sequence[str] = ()) -> list[str]:
    """Stored documents in no story (a run was cut short before stories), in store order.

    ``added``: the documents this run stored, in store order (none in a story yet); as in ``unannotated``,
    the counts answer when they are the only ones (stories share out the documents they hold)."""
    documents, placed = store._select(
        "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(len(documents)), 0) FROM stories)")[0]
    if added and documents - placed == len(set(added)):
        return list(dict.fromkeys(added))
    return [r[0] for r in store._select(
        "SELECT id FROM documents WHERE id NOT IN (SELECT unnest(documents) FROM stories) ORDER BY seq")]


def upsert_stories(store: Store, stories: Sequence[Story]) -> None:
    """Replace the stories with these ids (keeping their place in the store's order); add the others after."""
    with store._write() as con:
        have = dict(_known_seq(con, [s.id for s in stories]))
        nxt = store._next_seq(con, "stories")
        data = []
        for s in stories:
            if s.id not in have:
                have[s.id] = nxt
                nxt += 1
            data.append(rows.story_row(s, have[s.id]))
        table = rows.arrow("stories", data)
        store._replace_keyed(con, "stories", "id", table)


def delete_stories(store: Store, ids: Iterable[str]) -> None:
    """Remove these stories (regrouping left them without members); their events go with ``replace_story_events``."""
    ids = list(ids)
    if ids:
        with store._write() as con:
            store._delete_in(con, "stories", "id", ids)


def _known_seq(con, ids: Sequence[str]) -> list[tuple[str, int]]:
    con.register("asking", pa.table({"id": pa.array(list(ids), pa.string())}))
    try:
        return con.execute("SELECT s.id, s.seq FROM stories s JOIN asking a ON s.id = a.id").fetchall()
    finally:
        con.unregister("asking")


def replace_story_events(store: Store, stories: Iterable[str], events: Sequence[Event], briefs: Sequence[Brief]) -> None:
    """The events and briefs of ``stories`` become these (the rest of the store is left as it is)."""
    stories = list(stories)
    with store._write() as con:
        store._delete_in(con, "events", "story", stories)
        store._delete_in(con, "briefs", "story", stories)
        for table, make, records in (("events", rows.event_row, events), ("briefs", rows.brief_row, briefs)):
            if records:
                seq = store._next_seq(con, table)
                store._insert(con, table, rows.arrow(table, [make(r, seq + i) for i, r in enumerate(records)]))


def count(store: Store, table: str) -> int:
    return int(store._select(f"SELECT count(*) FROM {table}")[0][0])


# ---------------------------------------------------------------- outlets' home evidence


def observed(store: Store, ids: Iterable[str]) -> set[str]:
    """The documents among ``ids`` whose outlet-home evidence is stored."""
    return {r[0] for r in _query(store, "SELECT e.document FROM outlet_evidence e JOIN wanted w ON e.document = w.id",
                                 wanted=_ids(ids))}


def add_outlet_evidence(store: Store, evidence: Sequence[tuple[str, str | None, Sequence[str]]]) -> None:
    """Store (document, host, areas) for stored documents not yet observed, with their write order."""
    if not evidence:
        return
    data = pa.table({
        "document": pa.array([e[0] for e in evidence], pa.string()),
        "host": pa.array([e[1] for e in evidence], pa.string()),
        "areas": pa.array([list(e[2]) for e in evidence], pa.list_(pa.string())),
    })
    with store._write() as con:
        con.register("incoming_evidence", data)
        try:
            con.execute("INSERT INTO outlet_evidence (document, host, seq, areas) "
                        "SELECT i.document, i.host, d.seq, i.areas FROM incoming_evidence i "
                        "JOIN documents d ON d.id = i.document "
                        "WHERE i.document NOT IN (SELECT document FROM outlet_evidence)")
        finally:
            con.unregister("incoming_evidence")


def outlet_evidence(store: Store, hosts: Iterable[str]) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """For ``hosts``: documents read per host, and (host, area, documents naming it) in the order the
    documents first named each area (write order, then the order within the document). Two
    aggregates over the rows of those hosts: the read follows the hosts asked, not the store."""
    wanted = _ids(hosts)
    documents = dict(_query(store, "SELECT e.host, count(*) FROM outlet_evidence e JOIN wanted w ON e.host = w.id "
                                   "GROUP BY e.host", wanted=wanted))
    areas = _query(store, "SELECT host, area, count(*) AS k FROM (SELECT e.host, e.seq, unnest(e.areas) AS area, "
                          "unnest(range(len(e.areas))) AS pos FROM outlet_evidence e JOIN wanted w ON e.host = w.id) "
                          "GROUP BY host, area ORDER BY min(seq::HUGEINT * 1000000 + pos), host, area",
                   wanted=wanted)
    return {h: int(n) for h, n in documents.items()}, [(h, a, int(k)) for h, a, k in areas]


def observed_of(store: Store, hosts: Iterable[str]) -> list[str]:
    """The documents read for the home of one of ``hosts``, in write order."""
    return [r[0] for r in _query(store, "SELECT e.document FROM outlet_evidence e JOIN wanted w ON e.host = w.id "
                                        "ORDER BY e.seq", wanted=_ids(hosts))]


def report_main_places(store: Store) -> list[tuple[str, str | None, str | None]]:
    """(document, its url, its place as JSON or None) of every stored report main event with an event type, in
    write order: what outlets' home towns are learned from (reconcile/outlet_homes.py)."""
    return store._select(
        "SELECT m.document, d.url, NULLIF(CAST(json_extract(m.record, '$.place') AS VARCHAR), 'null') FROM mentions m "
        "JOIN documents d ON d.id = m.document WHERE m.type IS NOT NULL "
        "AND json_extract_string(m.record, '$.main') = m.id ORDER BY m.seq")
