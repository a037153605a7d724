"""Which sentences can carry an event: the vocabulary of violence, protest, capture, arrest, agreement.

Only these sentences are parsed (``Sentence.candidate``), which keeps the
stage fast: most sentences of a news page (background, quotes, chrome) never
reach the parser. A sentence that reports a casualty figure is a candidate too.
"""

from __future__ import annotations

import functools
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
    "blew up", "blown up", "blow up", "blows up", "blowing up",
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


_WORD = re.compile(r"[A-Za-z]+")


@functools.cache
def _rule_forms() -> tuple[frozenset[str], dict[str, bool]]:
    """The lemmas the event rules fire on, and the irregular forms the model's lemmatizer maps to them.

    Read from the events stage's own rule table, so the shortcut never drops a sentence a rule
    could type, and grows with the rules."""
    from newsfuse.events.rules import BY_LEMMA

    lemmas = frozenset(BY_LEMMA)
    irregular: dict[str, bool] = {}
    try:
        from newsfuse.nlp.model import full_pipeline
        from newsfuse.nlp.settings import NlpSettings

        exceptions = full_pipeline(NlpSettings().model).get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in exceptions.keys():
            for form, forms_lemmas in exceptions[pos].items():
                if lemmas.intersection(forms_lemmas):
                    irregular[form] = True
    except Exception:  # no model or no exception table: the suffix rules alone ("shot" is in tree.IRREGULAR)
        pass
    return lemmas, irregular


def has_rule_word(sentence: str) -> bool:
    """Does the sentence hold a word whose lemma an event rule fires on ("killed", "shot", "fled")?

    The rules type a sentence only from such a trigger token, so a sentence without one cannot
    carry an event however violent its vocabulary ("a grieving man on a dead-end street")."""
    from newsfuse.events.tree import forms

    lemmas, irregular = _rule_forms()
    for word in _WORD.findall(sentence):
        w = word.lower()
        if w in irregular or not lemmas.isdisjoint(forms(w, w)):
            return True
    return False


def is_candidate(sentence: str, dated: bool = False) -> bool:
    """Event vocabulary or a casualty/arrest/displacement figure ("17 dead in Tikrit"), in a
    sentence that can carry an event (a word an event rule fires on) or date one beside it
    (``dated``: it holds a date; the events stage dates an event from a parsed neighbour)."""
    if not (dated or has_rule_word(sentence)):
        return False
    if has_trigger(sentence):
        return True
    from newsfuse.nlp.figures import find_figures  # figures import numbers; kept out of the hot path

    return any(f.kind != "count" for f in find_figures(sentence))
