"""Which sentences can carry an event: the vocabulary of violence, protest, capture, arrest, agreement.

Only these sentences are parsed (``Sentence.candidate``), which keeps the
stage fast: most sentences of a news page (background, quotes, chrome) never
reach the parser. A sentence that reports a casualty figure is a candidate too.
"""

from __future__ import annotations

import re

# Word stems, matched at a word start: "kill" covers killed/killing, "captur" captured/capture.
_STEMS = (
    "kill", "death", "dying", "slain", "murder", "massacre", "execut", "behead", "assassinat",
    "attack", "bomb", "explo", "blast", "detonat", "suicide", "shoot", "gunfire", "gunmen",
    "shelled", "shelling", "mortar", "rocket", "missile", "airstrike", "air strike", "air raid", "drone", "raid", "ambush",
    "clash", "fight", "battle", "combat", "offensive", "assault", "storm", "besieg", "siege", "overr", "seiz",
    "captur", "took control", "taken control", "take control", "takes control", "taking control", "fell to",
    "fallen", "retook", "retake", "recaptur", "withdr", "retreat", "advanc", "overran",
    "protest", "demonstrat", "rally", "rallied", "riot", "sit-in", "boycott", "unrest",
    "arrest", "detain", "abduct", "kidnap", "hostage", "imprison", "round up", "rounded up", "custody",
    "wound", "injur", "casualt", "victim", "destroy", "burn", "loot", "torch", "displac", "fled", "flee",
    "agree", "ceasefire", "cease-fire", "truce", "negotiat", "surrender",
    "violence", "violent", "insurgen", "militant", "terror", "hijack", "curfew", "evacuat",
    # police action (India Police Events labels): lathi charges, tear gas, bookings, crackdowns
    "picked up", "booked", "behind bars", "jail", "caught", "lathi", "tear gas", "tear-gas", "teargas",
    "firing", "opened fire", "disperse", "rampag", "succumb", "bullet", "pelt", "crack down", "cracking down",
    "crackdown", "inaction", "intervene", "death toll", "mobs",
    # sub-types the events stage types that the words above miss (found on CASE 2021 dev)
    "grenade", "rape", "sexual", "intercept", "arms cache", "weapons cache", "cache of", "defus", "defect",
    "chlorine", "chemical", "nerve agent", "sarin", "prisoner swap", "exchange of prisoners", "set up a base",
    "established a base", "headquarters", "landmine", "mine blast",
)
# Short words matched whole, as stems they would hit "warned", "signal", "diet".
_WORDS = ("war", "wars", "mob", "toll", "die", "died", "dies", "dead", "shot", "fired", "ied", "ieds", "strike", "strikes",
          "peace", "accord", "signed", "signing", "march", "marched", "marches", "pushed", "pushing")
TRIGGER_RE = re.compile(
    r"\b(?:(?:%s)|(?:%s)\b)" % ("|".join(re.escape(s) for s in sorted(_STEMS, key=len, reverse=True)),
                              "|".join(re.escape(w) for w in _WORDS)),
    re.I,
)


def has_trigger(sentence: str) -> bool:
    return TRIGGER_RE.search(sentence) is not None


def is_candidate(sentence: str) -> bool:
    """Event vocabulary, or a casualty/arrest/displacement figure ("17 dead in Tikrit")."""
    if has_trigger(sentence):
        return True
    from newsfuse.nlp.figures import find_figures  # figures import numbers; kept out of the hot path

    return any(f.kind != "count" for f in find_figures(sentence))
