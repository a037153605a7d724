"""The store: one DuckDB file holding every stage's records (see schema.sql)."""

from newsfuse.store.errors import StoreError
from newsfuse.store.store import Store

__all__ = ["Store", "StoreError"]
