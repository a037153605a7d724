"""Train the learned same-incident link of story clustering (src/newsfuse/stories/links.py).

    python -m training.story_links [--cache FILE] [--check]

Data: the DEV half of gva_incidents only (evaluation/gva.py's halves; the test half is never read).
The whole pipeline runs on every dev report (as ``evaluation/incidents.py`` does); each pair of
documents whose story days are known and at most ``link_window_days`` apart (the pairs the link can
act on: blocking.py looks back that far) is an example, labelled 1 when both report one incident.

Model: logistic regression (L2, scipy's L-BFGS) over ``links.FEATURES``. The threshold is chosen
inside dev: incidents are split in two folds (alternate incidents by id); the model is fitted on
pairs of fold A and the threshold maximising the pairwise F-beta (beta ``BETA``: a wrong link joins two
incidents' stories, a missed one leaves the usual similarity to decide) is read on fold B; then the
model is fitted again on all dev pairs and written with that threshold to
``src/newsfuse/stories/data/story_links.json``. The far model is trained the same way on the pairs more
than ``link_window_days`` and at most ``far_link_days`` apart, into ``story_links_far.json`` (``--far 0``:
not trained). Deterministic: the same data gives the same files.
``--check`` prints the fold figures without writing. ``--cache FILE`` keeps the pipeline's output
(pickle) so a re-run skips the pipeline (about 3 minutes on the dev half).
"""

from __future__ import annotations

import argparse
import json
import pickle
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from evaluation import gva
from evaluation.incidents import run_newsfuse
from newsfuse.stories.links import ARTIFACT, FAR_ARTIFACT, FEATURES
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.similarity import features, pair_features

L2 = 1.0  # ridge on the standardised weights (--l2)
BETA = 0.5
ROWS_PER_BLOCK = 256


def dev_run(cache: Path | None):
    """(documents, annotations, incident of each document) for every report of the dev half."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    chosen = list(gva.incidents("dev"))
    found = run_newsfuse(gva.reports_of(chosen))
    incident_of_report = {s: inc.id for inc in chosen for s in inc.reports}
    incident = {doc: incident_of_report[src] for src, doc in found.doc_of.items()}
    data = (found.documents, found.annotations, incident)
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


def pairs(docs, annotations, incident, settings: StorySettings, far: bool = False):
    """Feature matrix, labels and (incident a, incident b) of every candidate pair (i < j): at most
    ``link_window_days`` apart, or (``far``) further apart but at most ``far_link_days``."""
    f = features(docs, annotations, replace(settings, learned_links=True), with_model=False)
    n = f.size
    every = np.arange(n)
    inc = np.array([incident.get(d.id, "") for d in docs])
    xs, ys, ia, ib = [], [], [], []
    for start in range(0, n, ROWS_PER_BLOCK):
        rows = every[start:start + ROWS_PER_BLOCK]
        x = dict(pair_features(f, rows, every))
        gap = np.abs(f.days[rows][:, None] - f.days[None, :])
        known = (f.days[rows][:, None] >= 0) & (f.days[None, :] >= 0)
        window = (gap > settings.link_window_days) & (gap <= settings.far_link_days) if far \
            else gap <= settings.link_window_days
        keep = known & window & (rows[:, None] < every[None, :])
        r, c = np.nonzero(keep)
        xs.append(np.stack([x[name][r, c] for name in FEATURES], axis=1).astype(np.float32))
        ys.append(inc[rows][r] == inc[c])
        ia.append(inc[rows][r])
        ib.append(inc[c])
    return np.concatenate(xs), np.concatenate(ys).astype(np.float64), np.concatenate(ia), np.concatenate(ib)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression with an L2 penalty on standardised features; weights on the raw features."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = (x - mu) / sd

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        t = z @ w + b
        p = 1.0 / (1.0 + np.exp(-t))
        nll = np.sum(np.logaddexp(0.0, t) - y * t) + 0.5 * l2 * w @ w
        g = p - y
        return nll, np.concatenate([z.T @ g + l2 * w, [g.sum()]])

    theta = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B",
                     options={"maxiter": 2000}).x
    w = theta[:-1] / sd
    return w, float(theta[-1] - w @ mu)


def probability(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, float]]:
    """The probability cut with the best pairwise F-beta, and its precision / recall."""
    best = (0.5, {"precision": 0.0, "recall": 0.0, "f": -1.0})
    for t in np.round(np.arange(0.2, 0.96, 0.025), 3):
        hit = p >= t
        tp = float((hit & (y == 1)).sum())
        prec = tp / max(1.0, float(hit.sum()))
        rec = tp / max(1.0, float(y.sum()))
        f = (1 + BETA**2) * prec * rec / max(1e-9, BETA**2 * prec + rec)
        if f > best[1]["f"]:
            best = (float(t), {"precision": round(prec, 4), "recall": round(rec, 4), "f": round(f, 4)})
    return best


def train(x: np.ndarray, y: np.ndarray, ia: np.ndarray, ib: np.ndarray, fold_b: set[str], l2: float,
          fold_a_only: bool) -> tuple[np.ndarray, float, float, dict[str, float]]:
    """Weights and bias (fitted on all pairs, or fold A's), the cut and figures held out on fold B."""
    in_a = np.array([a not in fold_b for a in ia]) & np.array([b not in fold_b for b in ib])
    in_b = np.array([a in fold_b for a in ia]) & np.array([b in fold_b for b in ib])
    w, b = fit(x[in_a], y[in_a], l2)
    threshold, held_out = best_threshold(probability(x[in_b], w, b), y[in_b])
    print(f"pairs {len(y)} ({int(y.sum())} same incident); fold A {int(in_a.sum())}, fold B {int(in_b.sum())}")
    print(f"fold B: threshold {threshold}, precision {held_out['precision']}, recall {held_out['recall']}, "
          f"F{BETA} {held_out['f']}")
    if not fold_a_only:
        w, b = fit(x, y, l2)
    for name, weight in zip(FEATURES, w, strict=True):
        print(f"  {name:22s} {weight:+.3f}")
    return w, b, threshold, held_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--window", type=int, default=StorySettings().link_window_days,
                        help="link_window_days to train for (the settings' default)")
    parser.add_argument("--far", type=int, default=StorySettings().far_link_days,
                        help="far_link_days to train the far model for (the settings' default; 0: no far model)")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    parser.add_argument("--far-out", type=Path, default=FAR_ARTIFACT)
    parser.add_argument("--fold-a-only", action="store_true",
                        help="write the fold-A models (to check end to end on fold B's incidents), not the final ones")
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args()
    settings = StorySettings(link_window_days=args.window, far_link_days=args.far)
    docs, annotations, incident = dev_run(args.cache)
    fold_b = set(sorted(set(incident.values()))[1::2])  # alternate dev incidents by id
    jobs = [(False, args.out, f"at most link_window_days ({settings.link_window_days}) apart")]
    if settings.far_link_days > settings.link_window_days:
        jobs.append((True, args.far_out, f"more than link_window_days ({settings.link_window_days}) and at most "
                                         f"far_link_days ({settings.far_link_days}) apart"))
    for far, path, which in jobs:
        print(f"{'far' if far else 'near'} model: pairs {which}")
        x, y, ia, ib = pairs(docs, annotations, incident, settings, far)
        w, b, threshold, held_out = train(x, y, ia, ib, fold_b, args.l2, args.fold_a_only)
        if args.check:
            continue
        out = {
            "model": "logistic regression, L2 on standardised features (training/story_links.py)",
            "data": f"gva_incidents dev half: pairs of reports {which}",
            "link_window_days": settings.link_window_days,
            **({"far_link_days": settings.far_link_days} if far else {}),
            "features": list(FEATURES),
            "weights": {name: round(float(v), 6) for name, v in zip(FEATURES, w, strict=True)},
            "bias": round(b, 6),
            "held_out": {"fold": "B (alternate dev incidents), fitted on fold A", "best_cut": threshold, **held_out},
            "pairs": int(len(y)), "positive_pairs": int(y.sum()),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
