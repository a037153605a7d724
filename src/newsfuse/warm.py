"""Imported once by the worker pool's fork server: newsfuse, the model and the gazetteer loaded
before the workers are forked from it, so every worker starts with them (see ``workers.WorkerPool``).

Loads what the default settings name; a run with another model or cache directory loads its own in
each worker (``workers._warm``). A failure here must not stop the fork server: the workers then load
what they need themselves and report any error where a document needs it.
"""

try:
    from newsfuse.config import Settings
    from newsfuse.workers import _warm

    _warm(Settings())
except Exception:  # noqa: BLE001 - see the docstring
    pass
