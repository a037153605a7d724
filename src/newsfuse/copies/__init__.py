"""The copies stage: [Document] -> CopyGraph (duplicates, near-duplicates, shared
passages with aligned spans, direction, origins, origin groups)."""

from newsfuse.copies.dating import borrowed_dates
from newsfuse.copies.graph import find_copies
from newsfuse.copies.settings import CopySettings

__all__ = ["CopySettings", "borrowed_dates", "find_copies"]
