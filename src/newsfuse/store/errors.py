"""The store's one error type: a message naming the database file and what to do."""


class StoreError(ValueError):
    """The database file cannot be used (not DuckDB, locked, missing, read-only, wrong version)."""
