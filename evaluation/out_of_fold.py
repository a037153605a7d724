"""Out-of-fold figures on gva_incidents dev: the learned artifacts learned without the incidents scored.

``python -m evaluation.out_of_fold [--quick] [--tables-only]``

The outlets' home areas and towns (evaluation/outlet_areas.py, outlet_towns.py) and the story-link models
(training/story_links.py) are learned from the dev half, so evaluation/incidents.py's dev figures are
in-sample for them: a report's own incident taught its outlet's home town. An analyst's own outlets, the
held-back reports and the test half's new outlets get no such help. Here the dev incidents are split by id
(fold A: odd ids, fold B: even ids); for each fold the tables, and the link models fitted on pairs of the
other fold's incidents (from a run over the whole dev half with those tables), are written to a temporary
``$NEWSFUSE_LEARNED`` (newsfuse/learned.py); the dev slice is run with them and the fold's own incidents
scored. The two folds' scores are pooled (incidents, multi-report incidents for "all merged").

Measured on main ``ab9f37f`` (2026-12-07): dev right event 0.942 in-sample, 0.889 out of fold, where the
test half gives 0.890: the out-of-fold figure is the one that tells how a change of placing does beyond the
outlets of dev. All merged: 0.930 in-sample, 0.904 out of fold, test 0.821 (that gap is not the artifacts').

Every pipeline run is a child process, so the artifacts it reads are those of its own environment.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from evaluation import gva
from evaluation.common import console, table
from evaluation.incidents import COLUMNS, FULL, QUICK, Found, Scores, run_newsfuse, score, slice_of
from newsfuse.learned import ENV

FOLDS = ("A", "B")


def in_fold(incident: gva.Incident, fold: str) -> bool:
    """Fold A holds the odd incident ids, fold B the even ones."""
    return (int(incident.id) % 2 == 1) == (fold == "A")


def learn_tables(incidents: Sequence[gva.Incident], folder: Path) -> None:
    """The outlet tables learned from ``incidents`` alone, written where ``$NEWSFUSE_LEARNED`` reads them."""
    from evaluation import outlet_areas, outlet_towns

    outlet_areas.write(outlet_areas.learn(incidents), folder / outlet_areas.TABLE.name)
    outlet_towns.write(outlet_towns.learn(incidents), folder / outlet_towns.TABLE.name)


def learn_links(found: Found, incidents: Sequence[gva.Incident], folder: Path) -> None:
    """The near and far story-link models fitted on the pairs of ``incidents`` alone (training/story_links.py's
    features and fit; the shipped artifacts' other fields kept)."""
    import numpy as np

    from newsfuse.stories.links import ARTIFACT, FAR_ARTIFACT, FEATURES
    from newsfuse.stories.settings import StorySettings
    from training.story_links import L2, fit, pairs

    of_report = {s: i.id for i in gva.incidents("dev") for s in i.reports}
    incident = {doc: of_report[src] for src, doc in found.doc_of.items() if src in of_report}
    taught = {i.id for i in incidents}
    for far, shipped in ((False, ARTIFACT), (True, FAR_ARTIFACT)):
        x, y, ia, ib = pairs(found.documents, found.annotations, incident, StorySettings(), far)
        keep = np.array([a in taught and b in taught for a, b in zip(ia, ib, strict=True)])
        w, b = fit(x[keep], y[keep], L2)
        data = json.loads(shipped.read_text(encoding="utf-8"))
        data["weights"] = {name: round(float(v), 6) for name, v in zip(FEATURES, w, strict=True)}
        data["bias"] = round(b, 6)
        data["data"] = f"out of fold: {int(keep.sum())} pairs of {len(taught)} dev incidents"
        (folder / shipped.name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def run_child(which: str, multi: int, single: int, learned: Path | None) -> Found:
    """The pipeline on the dev slice (``which`` "slice") or every dev report ("all") in a child process
    whose ``$NEWSFUSE_LEARNED`` is ``learned`` (None: the shipped artifacts)."""
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if learned is not None:
        env[ENV] = str(learned)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "found.pickle"
        subprocess.run([sys.executable, "-m", "evaluation.out_of_fold", "--child", which, str(multi), str(single),
                        str(out)], env=env, check=True)
        return pickle.loads(out.read_bytes())


def child(which: str, multi: int, single: int, out: Path) -> None:
    chosen = list(gva.incidents("dev")) if which == "all" else slice_of("dev", multi, single)
    out.write_bytes(pickle.dumps(run_newsfuse(gva.reports_of(chosen))))


def pooled(parts: Sequence[tuple[Scores, int, int]]) -> Scores:
    """Scores of the folds pooled: weighted by incidents (by multi-report incidents for all merged)."""
    n = sum(s.incidents for s, _, _ in parts)
    multi = sum(m for _, m, _ in parts) or 1

    def mean(field: str) -> float:
        return sum(getattr(s, field) * s.incidents for s, _, _ in parts) / max(1, n)

    return Scores(n, mean("right_event"), mean("killed"), mean("injured"),
                  sum(s.merged * m for s, m, _ in parts) / multi, mean("other_events"), mean("stories_f1"),
                  round(sum(e for _, _, e in parts) / max(1, len(parts))))


def main(quick: bool = False, links: bool = True) -> None:
    multi, single = QUICK if quick else FULL
    links = links and not quick  # the link features need a run over the whole dev half
    chosen = slice_of("dev", multi, single)
    dev = list(gva.incidents("dev"))
    parts = []
    for fold in FOLDS:
        other = [i for i in dev if not in_fold(i, fold)]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            learn_tables(other, folder)
            if links:
                learn_links(run_child("all", multi, single, folder), other, folder)
            found = run_child("slice", multi, single, folder)
        mine = [i for i in chosen if in_fold(i, fold)]
        s = score(mine, found)
        parts.append((s, sum(len(i.reports) >= 2 for i in mine), s.events))
        console.print(f"fold {fold}: {s.incidents} incidents, right event {s.right_event:.3f}, all merged "
                      f"{s.merged:.3f}", highlight=False)
    inside = score(chosen, run_child("slice", multi, single, None))
    learned = "outlet tables and story links" if links else "outlet tables"
    rows = [inside.row(f"newsfuse dev, in-sample ({inside.incidents} incidents)"),
            pooled(parts).row(f"newsfuse dev, out of fold ({learned} learned on the other fold)")]
    console.print(table(f"gva_incidents dev: in-sample against out-of-fold learned artifacts (folds by incident "
                        f"id; {multi} incidents with 2+ reports and {single} with one)", COLUMNS, rows))


if __name__ == "__main__":
    if "--child" in sys.argv:
        which, multi, single, out = sys.argv[sys.argv.index("--child") + 1:][:4]
        child(which, int(multi), int(single), Path(out))
    else:
        main(quick="--quick" in sys.argv, links="--tables-only" not in sys.argv)
