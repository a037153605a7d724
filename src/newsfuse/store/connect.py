"""Opening the DuckDB file, turning DuckDB's errors into messages that say what to do."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

from newsfuse.store.errors import StoreError
from newsfuse.store.migrate import migrate

SCHEMA_VERSION = "3"
# versions a read-only open still reads (their differences are handled where rows are read)
READABLE_VERSIONS = ("1", "2", SCHEMA_VERSION)


def open_database(path: Path, read_only: bool, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """``memory_limit``: DuckDB's buffer pool cap (``"512MB"``); None leaves DuckDB's default, 80 % of the
    machine's memory, which it fills with the pages it has read (the copy index scan of a big store)."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file: pass a file path such as {path / 'newsfuse.duckdb'}")
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}: run `newsfuse run PATH --db {path}` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only,
                             config={"memory_limit": memory_limit} if memory_limit else {})
    except duckdb.Error as err:
        raise StoreError(_explain(path, err)) from err
    try:
        if read_only:
            _check_is_store(con, path)
        else:
            _create_schema(con, path)
    except BaseException:
        con.close()
        raise
    return con


def _explain(path: Path, err: duckdb.Error) -> str:
    msg = str(err)
    if "not a valid DuckDB database" in msg:
        return f"{path} exists but is not a DuckDB database: pass another --db path, or move that file away"
    if "Could not set lock" in msg or "Conflicting lock" in msg:
        pid = re.search(r"PID (\d+)", msg)
        holder = f"process {pid.group(1)}" if pid else "another process"
        return (
            f"{path} is locked by {holder} (a running `newsfuse run` or `serve`?): "
            "wait for it to finish or stop it, then retry"
        )
    if "different configuration" in msg:
        return (
            f"{path} is already open in this process in another mode (read-only vs writable): "
            "close that Store first"
        )
    return f"cannot open {path} as a DuckDB database: {msg}"


def _create_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    sql = resources.files("newsfuse.store").joinpath("schema.sql").read_text(encoding="utf-8")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(sql)
        row = next(iter(con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchall()), None)
        if row is None:
            version = SCHEMA_VERSION
            con.execute("INSERT INTO store_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        else:
            version = migrate(con, row[0], SCHEMA_VERSION)
            if version != row[0]:
                con.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", [version])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    _check_version(version, path)


def _check_is_store(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "store_meta" not in tables or "documents" not in tables:
        raise StoreError(f"{path} is a DuckDB database but not a newsfuse store: run `newsfuse run PATH --db {path}`")
    row = next(iter(con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchall()), None)
    _check_version(row[0] if row else None, path, READABLE_VERSIONS)


def _check_version(version: str | None, path: Path, accepted: tuple[str, ...] = (SCHEMA_VERSION,)) -> None:
    if version not in accepted:
        raise StoreError(
            f"{path} holds store schema version {version}, this newsfuse reads version {SCHEMA_VERSION}: "
            "rebuild it with `newsfuse run` into a new --db file"
        )
