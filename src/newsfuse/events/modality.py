"""Is a trigger asserted as having happened? Negated, future and hypothetical triggers are not.

Read from the dependency tree: a ``neg`` child ("did not attack"), a modal or
future auxiliary ("could attack", "will attack"), a governing verb of intent or
threat ("threatens to attack", "plans to seize"), a conditional clause ("if
they attack"), or a denial ("denied attacking").
"""

from __future__ import annotations

from newsfuse.events.tree import Tree

MODALS = frozenset({"could", "might", "may", "would", "will", "shall", "should", "must", "can",
                    "'ll", "wo", "ca"})
INTENT = frozenset({"threaten", "plan", "vow", "intend", "want", "aim", "seek", "prepare", "warn",
                    "fear", "deny", "hope", "pledge", "promise", "propose", "consider", "urge",
                    "call", "demand", "expect", "attempt", "try", "plot", "prevent", "avert",
                    "avoid", "refuse", "fail", "unable", "need", "order", "ask",
                    "decide", "agree", "mull", "risk", "allow", "stop", "request", "offer", "threat",
                    "possibility", "prospect", "danger", "effort", "bid"})
HYPOTHETICAL = frozenset({"possible", "potential", "planned", "future", "threatened", "feared",
                          "imminent", "likely", "prospective"})
# "agree to a ceasefire" is itself the event: intent words that do not cancel these sub-types
INTENT_EXEMPT = {"Agreement": frozenset({"agree", "sign", "decide"})}
NEGATORS = frozenset({"not", "n't", "never", "no"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
# pronouns that say no one underwent the event ("Nobody was killed": gva dev slice killed 0.900 -> 0.902)
NO_ONE = frozenset({"nobody", "none", "noone", "no-one"})


# "police were called to a shooting": summoned to one, not calling for one
SUMMONED = frozenset({"call"})


def _passive(tree: Tree, k: int) -> bool:
    return any(tree.tokens[c].dep in ("auxpass", "nsubjpass") for c in tree.kids(k))


def not_asserted(tree: Tree, i: int, sub_type: str = "") -> str | None:
    """Why trigger ``i`` is not a report of something that happened, or None if it is."""
    toks = tree.tokens
    exempt = INTENT_EXEMPT.get(sub_type, frozenset())
    # the trigger and the verbs it hangs from in its own clause (xcomp/aux chains)
    chain = [i]
    j = i
    while True:
        h = tree.head(j)
        if h is None or toks[j].dep not in ("xcomp", "aux", "auxpass", "acomp", "pcomp", "pobj",
                                            "prep", "dobj", "compound", "amod", "nsubj",
                                            "nsubjpass") \
                or toks[h].pos not in ("VERB", "AUX", "ADJ", "ADP", "NOUN"):
            break
        chain.append(h)
        j = h
        if toks[j].pos == "VERB" and toks[j].dep not in ("xcomp",):
            break
    for k in chain:
        lemma = tree.lemma(k)
        if k != i and lemma in INTENT and lemma not in exempt and not (lemma in SUMMONED and _passive(tree, k)):
            return f"governed by '{toks[k].text}'"
        for c in tree.kids(k):
            cl = tree.lemma(c)
            ct = toks[c].text.lower()
            if k == i and toks[c].dep == "amod" and cl in HYPOTHETICAL:
                return f"hypothetical '{toks[c].text}'"
            if toks[c].dep == "neg" or (toks[c].dep == "det" and ct == "no" and k == i):
                return f"negated by '{toks[c].text}'"
            if k == i and toks[c].dep in ("nsubj", "nsubjpass") and any(
                    toks[d].text.lower() == "no" for d in tree.kids(c, "det")):
                return f"negated subject 'no {toks[c].text}'"  # "no lorries had left"
            if k == i and toks[c].dep in ("nsubj", "nsubjpass", "npadvmod") and ct in NO_ONE:
                return f"negated subject '{toks[c].text}'"  # "nobody was wounded"
            if toks[c].dep == "aux" and (ct in MODALS or cl in MODALS):
                return f"modal '{toks[c].text}'"
            if toks[c].dep == "aux" and cl == "go" and any(toks[g].text.lower() == "to"
                                                           for g in tree.kids(c)):
                return "future 'going to'"
            if k == i and toks[c].dep == "aux" and ct == "to" and toks[i].dep in ("acl", "relcl", "advcl"):
                return "purpose clause 'to ...'"
            if toks[c].dep == "mark" and cl in CONDITIONAL:
                return f"conditional '{toks[c].text}'"
    return None
