"""Type one parsed sentence: find the rule triggers, drop the unasserted ones, refine, pick the best."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.events import rules as R
from newsfuse.events.modality import not_asserted
from newsfuse.events.roles import Participant, participants
from newsfuse.events.taxonomy import event_type
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


def subject_words(tree: Tree, i: int, active: bool = False) -> set[str]:
    out: set[str] = set()
    for k in tree.kids(i, *(("nsubj",) if active else ("nsubj", "agent"))):
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
    if tok.dep == "compound" and h is not None and tree.forms(h) & R.EQUIPMENT_WORDS:
        return True  # "rocket launchers": equipment someone has
    if tok.dep in ("compound", "npadvmod", "nmod") and h is not None:
        k = h  # "carried rocket-propelled grenades": the weapon word modifies the noun that is carried
        while tree.tokens[k].dep in ("compound", "amod", "npadvmod", "nmod") and tree.head(k) is not None:
            k = tree.head(k)
        if tree.tokens[k].pos in ("NOUN", "PROPN") and k != j and _background(tree, k):
            return True
    if tok.pos in ("NOUN", "PROPN") and any(tree.forms(k) & R.SHOWING for k in range(len(tree.tokens))):
        return True  # "paraded ..., heavily armed with rocket launchers and missiles"
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


def _month_name(tree: Tree, j: int) -> bool:
    """"13 March 2025", "March 8": the month, not a march."""
    tok = tree.tokens[j]
    if tok.text != "March":
        return False
    near = [tree.tokens[k].text for k in (j - 1, j + 1) if 0 <= k < len(tree.tokens)]
    return tok.pos == "PROPN" or any(w[:1].isdigit() for w in near)


def _refers_back(tree: Tree, j: int) -> bool:
    """"the dead were men from the city", "since the attack": a definite back-reference to an
    event already reported, not a new one."""
    tok = tree.tokens[j]
    definite = any(tree.lemma(d) in R.DEFINITE for d in tree.kids(j, "det", "poss"))
    if not definite or tok.pos not in ("NOUN", "PROPN", "ADJ"):
        return False
    if tok.text.lower() == "dead":
        return True
    h = tree.head(j)
    return h is not None and tree.lemma(h) in R.TIME_PREPOSITIONS and tok.dep == "pobj"


def _habitual(tree: Tree, j: int) -> bool:
    """"repeated strikes and ambushes", "protests have become frequent": a pattern over time,
    not one event ACLED could date and place."""
    if any(tree.lemma(a) in R.HABITUAL_ADVERBS for k in [j, *tree.ancestors(j)] for a in tree.kids(k, "advmod")):
        return True  # "have repeatedly accused police of using force against demonstrators"
    first = j
    while tree.tokens[first].dep == "conj" and tree.head(first) is not None:
        first = tree.head(first)  # "strikes and ambushes": the list's first noun carries the adjective
    if tree.tokens[first].pos not in ("NOUN", "PROPN"):
        return False
    if any(tree.forms(a) & R.HABITUAL for a in tree.kids(first, "amod")):
        return True
    h = tree.head(first)
    if h is not None and tree.tokens[first].dep == "nsubj" and tree.lemma(h) in ("be", "become", "grow", "remain"):
        return any(tree.forms(c) & (R.HABITUAL | {"common", "frequent", "commonplace", "widespread"})
                   for c in tree.subtree(h) if tree.tokens[c].dep in ("acomp", "advmod", "amod"))
    return False


def _generic_present(tree: Tree, j: int) -> bool:
    """"militias fill the gap and then clash with the jihadists": a verb in the simple present with
    no auxiliary describes what usually happens; news reports past events in past tenses (headlines,
    which use the present for the past, are not passed here)."""
    tok = tree.tokens[j]
    if tok.pos != "VERB":
        return False
    word, lemma = tok.text.lower(), tree.lemma(j)
    if word not in (lemma, lemma + "s", lemma + "es") or word in R.IRREGULAR_PAST:
        return False
    k = j
    while True:  # "fill ... and then clash": the auxiliaries sit on the first verb of the list
        xcomp = tree.tokens[k].dep == "xcomp"
        if [a for a in tree.kids(k, "aux", "auxpass", "neg") if not (xcomp and tree.lemma(a) == "to")]:
            return False
        h = tree.head(k)
        if tree.tokens[k].dep not in ("conj", "xcomp") or h is None:
            break
        k = h  # "continue to fight": the tense is the governing verb's
        word, lemma = tree.tokens[k].text.lower(), tree.lemma(k)
        if tree.tokens[k].pos not in ("VERB", "AUX") or word not in (lemma, lemma + "s", lemma + "es"):
            return False
    return tree.tokens[k].dep not in ("xcomp", "pcomp", "advcl", "acl", "relcl", "ccomp") \
        or (tree.tokens[k].dep == "ccomp" and not _past_head(tree, k))


def _past_head(tree: Tree, k: int) -> bool:
    """Does the verb this clause hangs from read as past ("said they clash")? Then its tense governs."""
    h = tree.head(k)
    return h is not None and tree.tokens[h].text.lower() != tree.lemma(h) and not tree.tokens[h].text.lower().endswith("s")


def not_new(tree: Tree, j: int, headline: bool = False) -> str | None:
    """Why trigger ``j`` tells no new, datable event (a back-reference, a pattern, a generic
    present), or None."""
    if _refers_back(tree, j):
        return "refers back to an event already told"
    if _habitual(tree, j):
        return "a recurring pattern, not one event"
    if not headline and _generic_present(tree, j):
        return "simple present outside a headline: what usually happens"
    return None


def _sports_use(tree: Tree, j: int, rule: R.Rule) -> bool:
    """In a match report "fired a shot", "drove forward", "a low strike" are football, not violence;
    crowd trouble (riots, tear gas, arrests, deaths) is still read."""
    if rule.name not in R.SPORTS_AMBIGUOUS:
        return False
    return rule.name != "kill" or bool(tree.forms(j) & R.SPORTS_AMBIGUOUS_VERBS)


def candidates(tree: Tree, sports: bool = False, title: bool = False) -> list[tuple[R.Rule, int]]:
    """Every (rule, trigger) pair whose lemma, part of speech and frame match.

    ``sports``: the document is a match report (see context.py), so sports senses of
    violent words are not read as violence. ``title``: the sentence is the page's title, whose clauses
    commas join ("Shots fired, four wounded at party"): the parse breaks the frame there, so the rules
    of R.HEADLINE_FRAMES find their frame words anywhere in it. (Any unpunctuated line of a text, read
    as a headline elsewhere, does not: a CASE 2021 dev snippet "Dozens were injured as forces fired
    rubber bullets" became an armed clash, dev weighted F1 0.595 -> 0.594.)
    """
    words = sentence_words(tree)
    sports = sports or len(words & R.SPORTS_WORDS) >= 2
    found = []
    for j, tok in enumerate(tree.tokens):
        if _month_name(tree, j):
            continue
        rules = {r.name: r for f in tree.forms(j) for r in R.BY_LEMMA.get(f, ())}
        for rule in sorted(rules.values(), key=R.RULES.index):
            if tok.pos not in rule.pos:
                continue
            if sports and _sports_use(tree, j, rule):
                continue
            if rule.with_any and not (rule.with_any & (words if title and rule.name in R.HEADLINE_FRAMES
                                                       else frame(tree, j))):
                continue
            if rule.in_sentence and not (rule.in_sentence & words):
                continue
            if rule.subject_any and not (rule.subject_any & subject_words(tree, j, rule.active)):
                continue
            if _modifies_force(tree, j) or _background(tree, j):
                continue
            found.append((rule, j))
    return found


def type_sentence(tree: Tree, actors: tuple[ActorMention, ...], sports: bool = False, headline: bool = False,
                  space: bool = False, only: frozenset[str] | None = None,
                  title: bool = False) -> tuple[Typing | None, list[str]]:
    """The best asserted typing of the sentence, and why the others were dropped; ``space``: the page is
    about spaceflight (context.spaceflight_report); ``only``: the event types asked for (a sentence may
    tell two events, "Two arrested after child shot": the best of these types, not the best overall);
    ``title``: the sentence is the page's title (see ``candidates``)."""
    dropped: list[str] = []
    best: Typing | None = None
    lemmas = sentence_words(tree)
    for rule, j in candidates(tree, sports, title):
        reason = not_asserted(tree, j, rule.sub_type) or not_new(tree, j, headline)
        if not reason and rule.name in R.ACCIDENT_PRONE and lemmas & R.ACCIDENT_WORDS \
                and not lemmas & (R.HOSTILE_WORDS | R.FIREARM_WORDS):
            reason = "an accident or disaster, no hostile actor"
        if not reason and _animal_victims(tree, j):
            reason = "what was killed or attacked is an animal, not a person"
        if not reason and tree.forms(j) & R.SPACE_PRONE and (space or lemmas & R.SPACE_WORDS):
            reason = "a launcher of spaceflight, not a weapon"
        if not reason and any(tree.forms(k) & R.CYBER_WORDS for k in tree.kids(j, "compound", "amod")):
            reason = "an attack on computers, not on people"
        if not reason and rule.name == "defuse" and _describes_a_weapon(tree, j):
            reason = "where a weapon of another event was found, not a seizure"
        if not reason and "execute" in tree.forms(j) and any(
                tree.forms(k) & R.CARRIED_OUT for k in tree.kids(j, "dobj", "nsubjpass")):
            reason = "a warrant or a plan carried out, not a person put to death"
        if reason:
            dropped.append(f"{tree.tokens[j].text} ({rule.name}): {reason}")
            continue
        parts = tuple(participants(tree, j, actors, symmetric=rule.sub_type == "Armed clash"))
        sub = refine(rule, tree, j, parts, lemmas)
        if sub is None:
            dropped.append(f"{tree.tokens[j].text} ({rule.name}): not an event given its actors")
            continue
        if only is not None and event_type(sub) not in only:
            continue
        parts = tuple(p for p in parts if p.name)
        score = rule.weight + _salience(tree, j) + (0.2 if parts else 0.0)
        if sub != rule.sub_type and sub in ("Armed clash", "Excessive force against protesters",
                                            "Mob violence", "Arrests"):
            score = max(score, 2.2 + _salience(tree, j))  # the actors made a generic word specific
        if best is None or score > best.score:
            best = Typing(rule, j, sub, parts, score, f"{tree.tokens[j].text} ({rule.name})")
    return best, dropped


def _describes_a_weapon(tree: Tree, i: int) -> bool:
    """"fatally shoots himself with gun found in home": the finding is a clause describing a weapon that
    a clause of its own uses (the weapon is no headline's subject: "Weapons cache found in raid" is one)."""
    h = tree.head(i)
    return tree.tokens[i].dep == "acl" and h is not None and tree.head(h) is not None


def _animal_victims(tree: Tree, i: int) -> bool:
    """"killed and ate a wild rabbit", "shot two deer": every head word of what the trigger acts on (its
    own object, else the object it shares with the verbs listed with it) names an animal."""
    objects = list(tree.kids(i, "dobj", "nsubjpass"))
    if not objects and tree.tokens[i].pos == "VERB":
        objects = [k for c in tree.kids(i, "conj") for k in tree.kids(c, "dobj", "nsubjpass")]
    return bool(objects) and all(tree.forms(k) & R.ANIMAL_WORDS for k in objects)


def _salience(tree: Tree, i: int) -> float:
    """Main-clause verbs carry the event; nouns deep in a clause are often background."""
    tok = tree.tokens[i]
    h = tree.head(i)
    s = 0.3 if tok.pos == "VERB" else 0.0
    if h is None or (tok.dep in ("ccomp", "conj") and tree.lemma(h) in REPORTING):
        s += 0.3
    if tok.dep in ("amod", "compound") and tok.pos != "NOUN":
        s -= 0.2
    if _names_a_charge(tree, i):
        s -= 0.1
    return s


# what a suspect is charged with, accused of, arrested for: the offence's name ("charged with murder Thursday
# in connection with a shooting on Tuesday"), whose own day is the charge's; the event is the other word
CHARGING = frozenset({"charge", "accuse", "convict", "indict", "arrest", "acquit", "suspect", "book", "jail",
                      "sentence", "plead"})


def _names_a_charge(tree: Tree, i: int) -> bool:
    """Is the noun the name of an offence a suspect is charged with ("charged with murder", "arrested for
    attempted murder", "a murder charge"), not an event told? Such a word only loses a tie with another."""
    if tree.tokens[i].pos != "NOUN":
        return False
    h = tree.head(i)
    if h is None:
        return False
    if tree.tokens[i].dep == "compound":
        return bool(tree.forms(h) & {"charge", "count"})
    if tree.tokens[i].dep != "pobj" or tree.lemma(h) not in ("with", "of", "for"):
        return False  # "charged in the shooting" names the incident
    g = tree.head(h)
    return g is not None and bool(tree.forms(g) & CHARGING)


def _is_state(p: Participant) -> bool:
    if p.kind in ("group", "civilians", "person"):
        return False
    return p.kind == "state_force" or (bool(p.words & R.STATE_WORDS) and not p.words & R.NONSTATE_WORDS)


def _is_armed(p: Participant) -> bool:
    return p.kind in ("state_force", "group", "facility") or bool(p.words & R.ARMED_WORDS)


def _lethal_words(tree: Tree, lemmas: set[str]) -> frozenset[str]:
    """Words of serious force; "fired tear gas" / "shot rubber bullets" are crowd control, not lethal
    force (ACLED: protest with intervention), unless live rounds or casualties are also named."""
    live = any(tree.lemma(k) == "live" and tree.head(k) is not None  # "live rounds", not "cost of living"
               and tree.lemma(tree.head(k)) in ("bullet", "round", "ammunition", "fire") for k in range(len(tree.tokens)))
    words = R.EXCESSIVE_WORDS if live else R.EXCESSIVE_WORDS - {"live"}
    if lemmas & R.CROWD_CONTROL and not live:
        return words - {"fire", "shoot", "bullet"}
    return words


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
        if lemmas & (R.PROTEST_WORDS | {"march", "marcher"}) and not any(_is_armed(p) for p in side1) \
                and not lemmas & R.ARMED_WORDS:
            return None  # a march moving through a district takes no territory
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
        lethal = bool(lemmas & _lethal_words(tree, lemmas))
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
    if rule.name == "protest" and ((side1 and all(_is_armed(p) for p in side1))
                                   or subject_words(tree, i) & R.ARMED_WORDS) \
            and not tree.forms(i) & R.PROTEST_WORDS:
        return None  # troops marching is a parade, not a protest
    if rule.refine == "protest":
        if rule.name in ("tear-gas", "teargas") and lemmas & R.RIOT_WORDS:
            return "Violent demonstration"  # tear gas against a crowd that fights back: a riot (ACLED)
        lethal = lemmas & ({"kill", "shoot", "bullet", "ammunition", "gunfire", "die", "dead", "death"}
                           - (R.EXCESSIVE_WORDS - _lethal_words(tree, lemmas)))
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
