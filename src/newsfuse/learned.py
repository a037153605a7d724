"""Where the artifacts learned from data are read: the outlet tables and the story-link models.

They ship inside the package (``nlp/data``, ``stories/data``). ``$NEWSFUSE_LEARNED`` names a directory
whose files of the same names replace them, for an evaluation that learns them on one fold of its dev
data and scores the other (evaluation/out_of_fold.py): the only honest figure for outlets and incidents
the tables never saw, the case of every user's own feeds.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "NEWSFUSE_LEARNED"


def learned_file(shipped: Path) -> Path:
    """The file replacing ``shipped`` in ``$NEWSFUSE_LEARNED`` when there is one, else ``shipped``."""
    folder = os.environ.get(ENV)
    if folder and (replacement := Path(folder) / shipped.name).is_file():
        return replacement
    return shipped
