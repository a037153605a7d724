"""A learned same-incident link between two documents: logistic regression over pair features.

Two reports of one incident told weeks apart (the victim named, then a suspect charged) share few
words; two shootings in one city share many. What tells them apart is a mix of signals (a shared
person's name, a shared town, the toll, the headlines' words, how many days lie between them),
whose weights were learned on the dev half of gva_incidents (``training/story_links.py`` writes
``data/story_links.json``; nothing is downloaded). For two documents at most ``link_window_days``
apart, the model's probability that they report one incident is their similarity
(``link_weight`` of it; ``similarity.block_similarity``), so average-link clustering cuts at
``join_threshold`` on it. Pairs further apart (up to ``far_link_days``) have a model of their own,
the same features weighed on such pairs (``data/story_links_far.json``): months apart, the words
two shootings of one city share count for little, a victim's name for much.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

ARTIFACT = Path(__file__).parent / "data" / "story_links.json"
# the same features weighed for pairs further apart than ``link_window_days`` (a follow-up months later
# names the victim; two shootings in one city years apart share only words): a model of their own
FAR_ARTIFACT = Path(__file__).parent / "data" / "story_links_far.json"

# the pair features, in the artifact's order (similarity.pair_features computes them)
FEATURES = (
    "text",  # title-weighted TF-IDF cosine of the words
    "title",  # TF-IDF cosine of the titles alone
    "entities",  # TF-IDF cosine of places and actors (0 when one has none)
    "shared_place",  # both name a town/point in common
    "disjoint_places",  # both name towns, none in common
    "shared_name",  # both name one person (full name)
    "same_killed",  # both state a death toll and one figure agrees
    "other_killed",  # both state a death toll and none agrees
    "same_outlet",  # one outlet (a local station reports many incidents of its city)
    "log_gap",  # log(1 + days between their story days); 0 when one is unknown
    "follow_up",  # one title tells a follow-up (an arrest, a charge, a trial)
    "text_x_log_gap",  # the words count for less the further apart they are
    "name_x_place",  # a person and a town in common
    "follow_up_x_log_gap",  # a follow-up may come months later
    "title_x_shared_place",
    "place_overlap",  # towns in common / towns either names (Jaccard)
    "entities_x_log_gap",
)


@dataclass(frozen=True, slots=True)
class LinkModel:
    weights: np.ndarray  # one per feature, in ``FEATURES`` order
    bias: float

    def probability(self, features: Iterable[tuple[str, np.ndarray]]) -> np.ndarray:
        """P(one incident) per pair, from (name, matrix) in ``FEATURES`` order (summed as they come)."""
        return probabilities(features, (self,))[0]


def probabilities(features: Iterable[tuple[str, np.ndarray]], models: Sequence[LinkModel]) -> list[np.ndarray]:
    """Each model's P(one incident) per pair, reading the (name, matrix) features once, in ``FEATURES`` order."""
    zs: list[np.ndarray | None] = [None] * len(models)
    for k, (name, x) in enumerate(features):
        want = FEATURES[k] if k < len(FEATURES) else None
        if name != want:
            raise ValueError(f"link feature {name!r} where {want!r} was expected")
        x = x.astype(np.float32, copy=False)
        for i, model in enumerate(models):
            term = np.float32(model.weights[k]) * x
            zs[i] = term + np.float32(model.bias) if zs[i] is None else zs[i].__iadd__(term)
    return [(1.0 / (1.0 + np.exp(-z))).astype(np.float32) for z in zs]


def model_from_json(data: dict) -> LinkModel:
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{ARTIFACT.name}: features {data['features']} differ from the code's {list(FEATURES)}")
    return LinkModel(np.asarray([data["weights"][f] for f in FEATURES], dtype=np.float32), float(data["bias"]))


@cache
def link_model(path: Path = ARTIFACT) -> LinkModel | None:
    """The shipped model (``FAR_ARTIFACT``: the far pairs' one), loaded once; None when the artifact is
    absent (links off)."""
    if not path.exists():
        return None
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))
