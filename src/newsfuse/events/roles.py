"""Who did what to whom: the actors of a trigger and their roles, read from the parse.

actor1 is the agent side (subject of an active trigger, "by X" of a passive
one, X's attack, the first of "between X and Y"); actor2 is the other side or
the target (direct object, passive subject, "on/against X", the second of
"between X and Y", or the second of two conjoined subjects of a clash).
Names come from the nlp stage's actor records (canonical) over the words of a
participant; failing that, from the participant's own words when they name an
armed side or civilians ("security forces", "villagers").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsfuse.events.rules import (
    ARMED_WORDS,
    CIVILIAN_WORDS,
    FACILITY_WORDS,
    NONSTATE_WORDS,
    STATE_WORDS,
)
from newsfuse.events.tree import Tree
from newsfuse.lexicon import PRESS_WORDS
from newsfuse.records import ActorMention

SUBJECT = ("nsubj", "csubj")
OBJECT = ("dobj", "obj", "nsubjpass", "attr")
TARGET_PREPS = frozenset({"on", "against", "at", "upon"})
LIGHT_VERBS = frozenset({"launch", "carry", "stage", "mount", "conduct", "start", "begin",
                         "continue", "hold", "wage", "erupt", "break", "take", "make", "use",
                         "turn", "claim", "lead", "resume", "fire", "kill", "leave", "cost"})


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: str  # "actor1" | "actor2"
    kind: str  # the nlp actor kind, or one read from the words: "state_force", "group", "civilians"
    words: frozenset[str]  # lemmas of the participant's phrase, for the refinement rules
    generic: bool = False  # named only by a common noun ("fighters", "people"), not by a name


def participants(tree: Tree, i: int, actors: tuple[ActorMention, ...], symmetric: bool) -> list[Participant]:
    """The actors of trigger ``i``; ``symmetric`` (a clash) puts a second conjoined subject on side 2."""
    between = _between_heads(tree, i)
    agents = between or _agent_heads(tree, i)
    others = [] if between else _other_heads(tree, i)
    out: list[Participant] = []
    seen: set[str] = set()
    for role, heads in (("actor1", agents), ("actor2", others)):
        for h in heads:
            for p in _name(tree, h, actors, role):
                if p.kind == "person" and tree.tokens[h].dep == "poss":
                    p = replace(p, role="actor2")  # "Diaz's murder": a person's own killing is done to them
                if p.name == "" or p.name.lower() not in seen:
                    seen.add(p.name.lower())
                    out.append(p)
    if (between or symmetric) and not others:
        # "between X and Y", "X and Y clashed": the first named is one side, the rest the other
        named = [p for p in out if p.name]
        out = [replace(p, role="actor1" if p is named[0] else "actor2") if p.name else p for p in out]
    # a name inside a side's phrase that did not name the side ("supporters of X") is not one by word order either
    read = {j for h in agents + others for j in tree.subtree(h)}
    return out + _unparsed(tree, i, actors, out, symmetric, read)


def _between_heads(tree: Tree, i: int) -> list[int]:
    """Objects of "between" on the trigger or its verb: "clashes between X and Y", "fighting erupted between"."""
    for scope in (i, tree.head(i)):
        if scope is None:
            continue
        heads = [c for p in tree.kids(scope, "prep") if tree.lemma(p) == "between"
                 for o in tree.kids(p, "pobj") for c in _with_conj(tree, o)]
        if heads:
            return heads
    return []


def _unparsed(tree: Tree, i: int, actors: tuple[ActorMention, ...], have: list[Participant],
              symmetric: bool, read: set[int] | frozenset[int] = frozenset()) -> list[Participant]:
    """Actors the parse did not attach to the trigger (a misparsed subject), placed by word order.

    Only the nlp stage's actor records are used here, so no stray noun becomes an actor.
    """
    if any(p.role == "actor1" for p in have):
        return []
    lo, hi = tree.char_span(list(range(len(tree.tokens))))
    at = tree.tokens[i].start
    known = {p.name.lower() for p in have}
    here = [a for a in actors if a.span[0] >= lo and a.span[1] <= hi and a.canonical.lower() not in known
            and not _in_clause(tree, a.span[0]) and not _speaker(tree, a.span[0])
            and tree.index_at(a.span[0]) not in read]
    before = [a for a in here if a.span[1] <= at]
    after = [a for a in here if a.span[0] > at]
    out: list[Participant] = []
    # with no parse to go by, only the first actor (and for a clash the second, its other side)
    # is trusted; later ones are usually descriptions ("made up of former army officers")
    for a in before:
        if a.canonical.lower() in known:
            continue
        known.add(a.canonical.lower())
        out.append(Participant(a.canonical, "actor1" if not out else "actor2", a.kind, frozenset()))
        if len(out) == (2 if symmetric else 1):
            break
    if not any(p.role == "actor2" for p in have + out):
        for a in after[:1]:
            if a.canonical.lower() not in known:
                out.append(Participant(a.canonical, "actor2", a.kind, frozenset()))
    return out


# verbs of saying: their subject is the source of the report, not a side of the event
SPEAKING = frozenset({"say", "tell", "report", "announce", "add", "confirm", "claim", "state", "note",
                      "accord", "according"})


def _speaker(tree: Tree, offset: int) -> bool:
    """"The Syrian Observatory ..., said the car was struck": the actor is who reports it."""
    j = tree.index_at(offset)
    steps = 0
    while j is not None and steps < 4:
        h = tree.head(j)
        # the speaker (subject, "according to X") or the one spoken to ("told the Euphrates Post")
        if tree.tokens[j].dep in ("nsubj", "pobj", "dobj", "dative") and h is not None and tree.forms(h) & SPEAKING:
            return True
        j, steps = h, steps + 1
    return False


def _agent_heads(tree: Tree, i: int) -> list[int]:
    toks = tree.tokens
    heads = [c for k in tree.kids(i, *SUBJECT) for c in _with_conj(tree, k)]
    for a in tree.kids(i, "agent"):  # passive "by X"
        heads.extend(c for o in tree.kids(a, "pobj") for c in _with_conj(tree, o))
    heads.extend(tree.kids(i, "poss"))  # "ISIL's attack"
    if heads:
        return heads
    # a noun trigger or an xcomp borrows its subject from the verb it hangs on:
    # "ISIL launched an attack", "militants started fighting", "the fighting erupted"
    h = tree.head(i)
    if h is not None and toks[i].dep in ("dobj", "xcomp", "nsubj", "pobj", "conj", "advcl") \
            and toks[h].pos in ("VERB", "AUX"):
        if toks[i].dep == "conj" or tree.lemma(h) in LIGHT_VERBS or toks[i].dep == "xcomp":
            return [c for k in tree.kids(h, *SUBJECT) if k != i for c in _with_conj(tree, k)]
    # "the 15 people killed by militants": acl trigger
    return _doer_heads(tree, i)


# verbs whose "by X" names who did the noun they describe: "the attack carried out by the FMLN"
DOING_VERBS = frozenset({"carry", "perpetrate", "commit", "cause", "stage", "launch", "mount", "conduct",
                         "orchestrate", "plan", "organize", "organise", "execute"})
# "X claimed responsibility for the attack", "X was responsible for the bombing"
RESPONSIBILITY = frozenset({"responsibility", "responsible", "credit"})


def _doer_heads(tree: Tree, i: int) -> list[int]:
    """Who did a noun trigger, told around it rather than as its subject: "the attack carried out by the
    FMLN", "the Extraditables claimed responsibility for the murder", "Shining Path members were
    responsible for the attack"."""
    for c in tree.kids(i, "acl"):
        if tree.lemma(c) in DOING_VERBS:
            return [x for a in tree.kids(c, "agent") for o in tree.kids(a, "pobj") for x in _with_conj(tree, o)]
    h = tree.head(i)
    if tree.tokens[i].dep != "pobj" or h is None or tree.lemma(h) != "for":
        return []
    owner = tree.head(h)
    if owner is None or tree.lemma(owner) not in RESPONSIBILITY:
        return []
    verb = tree.head(owner)  # "claimed (responsibility)", "were (responsible)"
    if verb is None or tree.tokens[owner].dep not in ("dobj", "acomp", "attr"):
        return []
    return [x for k in tree.kids(verb, *SUBJECT) for x in _with_conj(tree, k)]


def _other_heads(tree: Tree, i: int) -> list[int]:
    heads = [c for k in tree.kids(i, *OBJECT) for c in _with_conj(tree, k)]
    for p in tree.kids(i, "prep"):
        if tree.lemma(p) in TARGET_PREPS:
            heads.extend(c for o in tree.kids(p, "pobj") for c in _with_conj(tree, o))
    return heads


def _with_conj(tree: Tree, k: int) -> list[int]:
    out = [k]
    for c in tree.kids(k, "conj"):
        out.extend(_with_conj(tree, c))
    return out


def _name(tree: Tree, h: int, actors: tuple[ActorMention, ...], role: str) -> list[Participant]:
    toks = tree.tokens
    # the phrase of this participant, without its own conjuncts (they are separate participants)
    phrase = [j for j in tree.subtree(h) if j == h or not _under_conj(tree, j, h) or _conj_in_pp(tree, j, h)]
    words = frozenset(w for j in phrase for w in tree.forms(j))
    # the phrase without its clauses ("members of the Naqshbandi Army, made up of former army
    # officers"): actors inside a clause are not this side, except its leader ("militants led by ISIL")
    core = [j for j in phrase if j == h or not _under_clause(tree, j, h)
            or (_conj_in_pp(tree, j, h) and not _under(tree, j, h, _CLAUSE_DEPS - _CONJ_DEPS))]
    found = [a for a in _actors_over(tree, core, actors) if a.kind != "person" or _is_head(tree, a, h)]
    if any(a.kind == "group" and not a.canonical.startswith(UNIDENTIFIED) for a in found):
        # "gunmen loyal to the FSA and al-Nusra Front": the groups named are the side, the gunmen their members
        found = [a for a in found if not a.canonical.startswith(UNIDENTIFIED)]
    for c in tree.kids(h, "acl", "relcl"):
        if tree.lemma(c) == "lead":
            # the leader is the agent of "led" ("militants led by ISIL"), not whatever else the clause names
            leader = [j for a in tree.kids(c, "agent") for o in tree.kids(a, "pobj") for j in tree.subtree(o)]
            found += [a for a in _actors_over(tree, leader, actors) if a not in found]
    if found:
        return [Participant(a.canonical, role, a.kind, words) for a in found]
    head = toks[h]
    if head.pos == "PRON":
        return []
    mods = [j for j in tree.kids(h, "compound", "amod", "nmod") if j < h] + [h]
    own = {w for j in mods for w in tree.forms(j)}
    if tree.forms(h) & FACILITY_WORDS:
        # a checkpoint or base: it makes an attack a battle, but it is not an actor (no name)
        return [Participant("", role, "facility", words)]
    if tree.lemma(h) == "force" and _political_forces(tree, h):
        return []  # "fascist and communal forces": a political camp, not an armed side
    kind = ("group" if own & NONSTATE_WORDS else "state_force" if own & STATE_WORDS
            else "group" if own & ARMED_WORDS else "civilians" if own & CIVILIAN_WORDS else "")
    # A named organisation, group or person is a side only through the nlp stage's actor records, which
    # have already judged it (a place, the press, an affiliation are none): its bare words are not.
    # A state named by its place ("Syria shelled ...") has no record and is read from its words.
    if not kind and not (head.pos == "PROPN" and head.ent == "GPE"):
        return []
    # the noun with its compounds and adjectives: "Iraqi security forces"
    name = " ".join(toks[j].text if toks[j].pos == "PROPN" or toks[j].ent else toks[j].text.lower()
                    for j in sorted(mods))
    if not kind and not _could_be_a_side(tree, h, name):
        return []
    generic = bool(kind) and head.pos != "PROPN" and not head.ent
    if not kind:
        kind = {"PERSON": "person", "GPE": "state_force"}.get(head.ent, "group")
    return [Participant(name, role, kind, words, generic)]


# what "forces" are when they are a political camp or a trend, not troops ("communal forces", "market forces")
POLITICAL_FORCES = frozenset({"fascist", "communal", "secular", "democratic", "progressive", "reactionary",
                              "divisive", "vested", "market", "political", "extremist", "fundamentalist",
                              "sectarian", "anti-social", "antisocial", "evil", "dark", "external", "hidden",
                              "inimical", "negative", "destructive", "retrogressive", "obscurantist"})


def _political_forces(tree: Tree, h: int) -> bool:
    mods = list(tree.kids(h, "amod", "compound"))
    mods += [c for j in mods for c in tree.kids(j, "conj")]  # "fascist and communal forces"
    return bool(mods) and all(tree.lemma(j) in POLITICAL_FORCES for j in mods)


# A bare proper name is a side only if it is not the press reporting the event, nor a
# group named only as someone's affiliation ("an al Qaeda-linked group" is not al Qaeda).
_AFFILIATION_WORDS = frozenset({"linked", "affiliated", "backed", "allied", "inspired", "aligned"})


def _could_be_a_side(tree: Tree, h: int, name: str) -> bool:
    if set(name.lower().replace("-", " ").split()) & PRESS_WORDS:
        return False
    following = [t.text.lower().lstrip("-") for t in tree.tokens[h + 1 : h + 3]]
    return not (set(following) & _AFFILIATION_WORDS)


def _in_clause(tree: Tree, offset: int) -> bool:
    """Is the word at ``offset`` inside a relative/participial clause or an apposition?"""
    j = tree.index_at(offset)
    while j is not None:
        if tree.tokens[j].dep in ("acl", "relcl", "appos"):
            return True
        j = tree.head(j)
    return False


def _is_head(tree: Tree, a: ActorMention, h: int) -> bool:
    """Is the actor the participant itself, not a name inside its phrase? A person inside it is whom the
    side follows or belongs to ("loyalists of Saddam Hussein", "Saddam Hussein's Baath party"): ACLED
    names the group, and the person is no side."""
    return any(a.span[0] <= tree.tokens[j].start < a.span[1] for j in [h] + _name_words(tree, h))


def _name_words(tree: Tree, h: int) -> list[int]:
    # the words of a multi-word name hang on its last word: "Saddam" -compound-> "Hussein"
    return [w for k in tree.kids(h, "compound", "flat") for w in [k, *_name_words(tree, k)]]


def _actors_over(tree: Tree, indices: list[int], actors: tuple[ActorMention, ...]) -> list[ActorMention]:
    starts = {tree.tokens[j].start for j in indices}
    return [a for a in actors if any(a.span[0] <= s < a.span[1] for s in starts)]


_CLAUSE_DEPS = frozenset({"acl", "relcl", "appos", "advcl", "conj", "cc"})
_CONJ_DEPS = frozenset({"conj", "cc"})
# a conjunct inside a prepositional phrase of the side ("loyal to the FSA and al-Nusra Front") is no side of
# its own: it is named by the side's phrase
_PP_DEPS = frozenset({"prep", "pobj"})
UNIDENTIFIED = "Unidentified Armed Group"  # the alias table's name for gunmen, militants, armed men


def _under_clause(tree: Tree, j: int, root: int) -> bool:
    return _under(tree, j, root, _CLAUSE_DEPS)


def _under_conj(tree: Tree, j: int, root: int) -> bool:
    """Is token j inside a conjunct (or a coordinator) hanging from ``root``?"""
    return _under(tree, j, root, _CONJ_DEPS)


def _conj_in_pp(tree: Tree, j: int, root: int) -> bool:
    """Is token j's conjunct inside a prepositional phrase of ``root`` ("loyal to the FSA and al-Nusra"), not
    a conjunct of ``root`` itself ("fighters and soldiers of the army")? The arc nearest ``root`` decides."""
    nearest = None
    while j != root:
        if tree.tokens[j].dep in _PP_DEPS | _CONJ_DEPS:
            nearest = tree.tokens[j].dep
        h = tree.head(j)
        if h is None:
            return False
        j = h
    return nearest in _PP_DEPS


def _under(tree: Tree, j: int, root: int, deps: frozenset[str]) -> bool:
    """Does the path from token j up to ``root`` pass through an arc labelled with one of ``deps``?"""
    while j != root:
        if tree.tokens[j].dep in deps:
            return True
        h = tree.head(j)
        if h is None:
            return False
        j = h
    return False
