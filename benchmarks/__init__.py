"""`make bench`: speed of each stage beside its peer, in one run.

Each module here (one per stage) exposes ``main(quick: bool = False) -> dict``
that prints documents per second (and peak memory) beside the peer and returns
the figures. ``quick`` runs a small fixed slice, used by the test suite as a
regression guard.
"""
