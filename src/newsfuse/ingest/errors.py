"""The one exception the ingest readers raise internally; it becomes a ``Rejected``."""


class BadInput(ValueError):
    """An input newsfuse cannot read; the message is the one-line rejection reason."""
