"""All settings in one typed object, composed from each stage's own settings.

Each stage owns its ``settings.py`` so its knobs live beside the code that reads
them; this module only composes them, and reads the few that come from the
environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsfuse.clean.settings import CleanSettings
from newsfuse.copies.settings import CopySettings
from newsfuse.events.settings import EventSettings
from newsfuse.ingest.settings import IngestSettings
from newsfuse.nlp.settings import NlpSettings
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.stories.settings import StorySettings

from newsfuse import DEFAULT_DB  # noqa: F401, E402 - defined beside __version__ so the CLI need not import every stage


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    copies: CopySettings = field(default_factory=CopySettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    events: EventSettings = field(default_factory=EventSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    workers: int = field(default_factory=lambda: max(1, (os.cpu_count() or 1)))
    # a worker process is replaced by a fresh fork after this many documents: spaCy's string store
    # only grows (every new name, number, misspelling), by ~45 MB per 1,000 reports per worker on the
    # scale corpus (10,000 added into 100,000 reports); a fork from the fork server costs milliseconds,
    # as the model's pages are shared
    worker_documents: int = 1000
    # a run that adds more documents than this stops its workers once they have cleaned the pages and
    # starts them again for the next step, so their idle models (1.2 GB of RSS over the fork server and
    # two workers) and the copy step's peak (0.3 GB over the driver's 0.65 GB at 10,000 added into
    # 100,000) do not add up; loading the models again costs about 1.5 s, nothing beside such a run
    big_run: int = 2000
    # DuckDB's buffer pool during a run: by default it keeps every page it read up to 80 % of the machine's
    # memory (0.2 GB of copy index pages at 30,000 stored reports, growing with the store); a run's
    # driver needs the memory for story clustering, and DuckDB evicts or spills beyond the cap
    store_memory_limit: str | None = "256MB"
    # compare new documents with what they can affect only (blocking.py); False recomputes the
    # copy graph, stories and events over the whole store on every run
    incremental: bool = True

    def __post_init__(self) -> None:
        # reconcile reads the gazetteer the nlp stage cached, wherever the user put it
        if self.reconcile.cache_dir != self.nlp.cache_dir:
            object.__setattr__(self, "reconcile", replace(self.reconcile, cache_dir=self.nlp.cache_dir))


def shared_dir() -> Path:
    """Where the real corpora live: ``$NEWSFUSE_SHARED`` or ``../shared`` beside the repo."""
    env = os.environ.get("NEWSFUSE_SHARED")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    return repo.parent / "shared"
