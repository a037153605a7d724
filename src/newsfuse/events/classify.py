"""Type one parsed sentence: find the rule triggers, drop the unasserted ones, refine, pick the best."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.events import rules as R
from newsfuse.events.modality import not_asserted
from newsfuse.events.roles import Participant, participants
from newsfuse.events.tree import Tree
from newsfuse.records import ActorMention

REPORTING = frozenset({"say", "tell", "report", "announce", "add", "confirm", "claim", "state",
                       "quote", "accord", "according", "allege", "note"})


@dataclass(frozen=True, slots=True)
class Typing:
    rule: R.Rule
    index: int  # the trigger token
    sub_type: str
    actors: tuple[Participant, ...]
    score: float
    why: str  # "seized (take-territory)"


def frame(tree: Tree, i: int) -> set[str]:
    """Lemmas in the trigger's frame: children, grandchildren through prepositions, the head."""
    out: set[str] = set()
    for c in tree.kids(i):
        out |= tree.forms(c)
        if tree.tokens[c].dep in ("prep", "agent", "prt", "dobj", "compound", "amod", "advmod",
                                  "nsubjpass", "pobj"):
            for g in tree.kids(c):
                out |= tree.forms(g)
    h = tree.head(i)
    if h is not None:
        out |= tree.forms(h)
        if tree.tokens[i].dep in ("compound", "amod", "nmod"):
            for s in tree.kids(h):
                if s != i:
                    out |= tree.forms(s)
    return out


def subject_words(tree: Tree, i: int) -> set[str]:
    out: set[str] = set()
    for k in tree.kids(i, "nsubj", "agent"):
        for j in tree.subtree(k):
            out |= tree.forms(j)
    return out


def sentence_words(tree: Tree) -> set[str]:
    out: set[str] = set()
    for j in range(len(tree.tokens)):
        out |= tree.forms(j)
    return out


def _modifies_force(tree: Tree, j: int) -> bool:
    """"riot police", "protest marshals": a trigger word naming a unit, not an event."""
    h = tree.head(j)
    return (h is not None and tree.tokens[j].dep in ("compound", "amod")
            and bool(tree.forms(h) & (R.STATE_WORDS | {"gear", "squad", "unit", "leader", "site",
                                                       "organiser", "organizer"})))


def _background(tree: Tree, j: int) -> bool:
    """A participle naming a past state ("the captured post") or a weapon someone has ("carried rockets")."""
    tok = tree.tokens[j]
    if tok.pos == "VERB" and tok.dep == "amod":
        return True
    h = tree.head(j)
    if tok.pos in ("NOUN", "PROPN") and h is not None:
        gov = tree.head(h) if tree.tokens[h].pos == "ADP" else h
        if tok.dep == "conj":  # "rifles and rockets": the list's governor
            first = h
            while tree.tokens[first].dep == "conj" and tree.head(first) is not None:
                first = tree.head(first)
            gov = tree.head(first)
            if gov is not None and tree.tokens[gov].pos == "ADP":
                gov = tree.head(gov)
        if gov is not None and tree.forms(gov) & R.POSSESSION and not any(
                tree.lemma(p) == "out" for p in tree.kids(gov, "prt")):  # "carried out" is doing
            return True
    return False


def candidates(tree: Tree) -> list[tuple[R.Rule, int]]:
    """Every (rule, trigger) pair whose lemma, part of speech and frame match."""
    words = sentence_words(tree)
    found = []
    for j, tok in enumerate(tree.tokens):
        rules = {r.name: r for f in tree.forms(j) for r in R.BY_LEMMA.get(f, ())}
        for rule in sorted(rules.values(), key=R.RULES.index):
            if tok.pos not in rule.pos:
                continue
            if rule.with_any and not (rule.with_any & frame(tree, j)):
                continue
            if rule.in_sentence and not (rule.in_sentence & words):
                continue
            if rule.subject_any and not (rule.subject_any & subject_words(tree, j)):
                continue
            if _modifies_force(tree, j) or _background(tree, j):
                continue
            found.append((rule, j))
    return found


def type_sentence(tree: Tree, actors: tuple[ActorMention, ...]) -> tuple[Typing | None, list[str]]:
    """The best asserted typing of the sentence, and why the others were dropped."""
    dropped: list[str] = []
    best: Typing | None = None
    lemmas = sentence_words(tree)
    for rule, j in candidates(tree):
        reason = not_asserted(tree, j, rule.sub_type)
        if not reason and rule.name in R.ACCIDENT_PRONE and lemmas & R.ACCIDENT_WORDS \
                and not lemmas & R.HOSTILE_WORDS:
            reason = "an accident or disaster, no hostile actor"
        if reason:
            dropped.append(f"{tree.tokens[j].text} ({rule.name}): {reason}")
            continue
        parts = tuple(participants(tree, j, actors, symmetric=rule.sub_type == "Armed clash"))
        sub = refine(rule, tree, j, parts, lemmas)
        if sub is None:
            dropped.append(f"{tree.tokens[j].text} ({rule.name}): not an event given its actors")
            continue
        parts = tuple(p for p in parts if p.name)
        score = rule.weight + _salience(tree, j) + (0.2 if parts else 0.0)
        if sub != rule.sub_type and sub in ("Armed clash", "Excessive force against protesters",
                                            "Mob violence", "Arrests"):
            score = max(score, 2.2 + _salience(tree, j))  # the actors made a generic word specific
        if best is None or score > best.score:
            best = Typing(rule, j, sub, parts, score, f"{tree.tokens[j].text} ({rule.name})")
    return best, dropped


def _salience(tree: Tree, i: int) -> float:
    """Main-clause verbs carry the event; nouns deep in a clause are often background."""
    tok = tree.tokens[i]
    h = tree.head(i)
    s = 0.3 if tok.pos == "VERB" else 0.0
    if h is None or (tok.dep in ("ccomp", "conj") and tree.lemma(h) in REPORTING):
        s += 0.3
    if tok.dep in ("amod", "compound") and tok.pos != "NOUN":
        s -= 0.2
    return s


def _is_state(p: Participant) -> bool:
    if p.kind in ("group", "civilians", "person"):
        return False
    return p.kind == "state_force" or (bool(p.words & R.STATE_WORDS) and not p.words & R.NONSTATE_WORDS)


def _is_armed(p: Participant) -> bool:
    return p.kind in ("state_force", "group", "facility") or bool(p.words & R.ARMED_WORDS)


def _object_words(tree: Tree, i: int) -> set[str]:
    """Head words of what the trigger acts on (object or passive subject)."""
    return {w for k in tree.kids(i, "dobj", "nsubjpass") for w in tree.forms(k)}


def refine(rule: R.Rule, tree: Tree, i: int, parts: tuple[Participant, ...], lemmas: set[str]) -> str | None:
    """The sub-type once the actors and the sentence's other words are known; None: no event after all."""
    side1 = [p for p in parts if p.role == "actor1"]
    side2 = [p for p in parts if p.role == "actor2"]
    if rule.refine == "chemical" and "tear" in lemmas and not lemmas & {
            "chemical", "chlorine", "sarin", "mustard", "nerve", "poisonous", "toxic"}:
        return None  # tear gas is crowd control, not a chemical weapon
    if rule.refine == "territory":
        taken = _object_words(tree, i)
        if taken & R.WEAPON_WORDS and not taken & R.PLACE_WORDS:
            return "Disrupted weapons use"
        if rule.name in ("take-territory", "take-control") and taken & R.PERSON_WORDS \
                and not taken & R.PLACE_WORDS:
            # people, not ground, were seized
            return "Abduction/forced disappearance" if side1 and not _is_state(side1[0]) else "Arrests"
        if side1:
            state = _is_state(side1[0])
            return "Government regains territory" if state else "Non-state actor overtakes territory"
        return rule.sub_type
    if rule.refine == "clash" and lemmas & (R.PROTEST_WORDS | {"rioter", "riot"}):
        return "Violent demonstration"
    if rule.refine == "arrest" and lemmas & R.PROTEST_WORDS:
        return "Protest with intervention"
    protest_ctx = bool(lemmas & R.PROTEST_WORDS)
    if rule.refine == "violence":
        lethal = bool(lemmas & R.EXCESSIVE_WORDS)
        state_side = (_is_state(side1[0]) if side1 else bool(lemmas & R.STATE_WORDS))
        if protest_ctx and state_side:
            return "Excessive force against protesters" if lethal else "Protest with intervention"
        if any("mob" in p.words for p in side1) or "mob" in lemmas and not side1:
            return "Mob violence"
        if side2 and all(_is_armed(p) for p in side2) and (not side1 or _is_armed(side1[0])):
            return "Armed clash"
        if side1 and side2 and _is_armed(side1[0]) and any(p.kind in ("state_force", "group") for p in side2):
            return "Armed clash"
        return "Attack"
    if rule.refine == "protest" and side1 and all(_is_armed(p) for p in side1) \
            and not tree.forms(i) & R.PROTEST_WORDS:
        return None  # troops marching is a parade, not a protest
    if rule.refine == "protest":
        lethal = lemmas & {"kill", "shoot", "bullet", "ammunition", "gunfire", "die", "dead", "death"}
        if lethal and lemmas & (R.STATE_WORDS | {"gunfire", "bullet", "shoot"}):
            return "Excessive force against protesters"
        if lemmas & {"beat", "baton", "hit", "injure", "wound"} and lemmas & R.STATE_WORDS:
            return "Excessive force against protesters"
        if lemmas & R.INTERVENTION_WORDS:
            return "Protest with intervention"
        if lemmas & R.RIOT_WORDS:
            return "Violent demonstration"
        return "Peaceful protest"
    if rule.refine == "riot":
        if lemmas & {"mob", "lynch", "vigilante"}:
            return "Mob violence"
        return "Violent demonstration"
    return rule.sub_type
