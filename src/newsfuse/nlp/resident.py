"""What lives as long as the process (the spaCy pipeline, the gazetteer), kept out of the cyclic
garbage collector's way once loaded.

Each full pass of the collector walks every tracked object, the model's and the gazetteer's
included: 0.12-0.17 s a pass, five or six passes in a daily add of 20 reports (0.6-0.8 s of a
4-6 s run, more in a store of 100,000 reports, whose rows make more passes). ``gc.freeze`` moves
every object alive at that moment to a permanent generation the passes skip; reference counting
still frees them. At exit they are handed back (``gc.unfreeze``) so the interpreter's shutdown
frees them as usual (DuckDB's nanobind types otherwise report themselves as leaked).
"""

from __future__ import annotations

import atexit
import gc

_unfreeze_at_exit = False


def keep_resident() -> None:
    """Freeze everything alive now (call right after loading a model meant to live for the process)."""
    global _unfreeze_at_exit
    gc.freeze()
    if not _unfreeze_at_exit:
        atexit.register(gc.unfreeze)
        _unfreeze_at_exit = True
