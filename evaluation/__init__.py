"""`make eval`: quality of each stage on real labelled data from ../shared.

Each module here (one per stage) exposes ``main(quick: bool = False) -> dict``
that prints a Rich table of newsfuse's figures beside the peers' and returns
the figures. ``quick`` runs a small fixed slice, used by the test suite as a
regression guard.
"""
