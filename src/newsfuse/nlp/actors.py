"""Actors: an alias table of our own (data/actors.json), then spaCy ORG/NORP/PERSON as fallback.

ISIS / ISIL / IS / Daesh all become "Islamic State"; "Iraqi army" and, in a
report about Iraq, "border guards" become "Military Forces of Iraq" (ACLED's
naming). Acronyms match only as written ("IS" but not "is"); a bare "IS"
inside an all-capitals headline is skipped.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from newsfuse.lexicon import PRESS_WORDS
from newsfuse.nlp.places import DEMONYMS
from newsfuse.records import ActorMention, Span


@dataclass(frozen=True, slots=True)
class _Alias:
    canonical: str
    kind: str
    demonym: str | None  # country code the alias itself names ("Iraqi army" -> IQ)


@functools.cache
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, _Alias], dict[str, _Alias]]:
    data = json.loads(files("newsfuse.nlp").joinpath("data/actors.json").read_text(encoding="utf-8"))
    folded: dict[str, _Alias] = {}
    exact: dict[str, _Alias] = {}
    for actor in data["actors"]:
        for alias in actor["aliases"]:
            if "{demonym}" in alias:
                for dem, code in DEMONYMS.items():
                    if not dem.endswith("s"):
                        folded.setdefault(_norm(alias.replace("{demonym}", dem)), _Alias(actor["canonical"], actor["kind"], code))
            else:
                folded.setdefault(_norm(alias), _Alias(actor["canonical"], actor["kind"], None))
        for acronym in actor["acronyms"]:
            exact[acronym] = _Alias(actor["canonical"], actor["kind"], None)
    # Longest alias first so "Islamic State of Iraq and the Levant" beats "Islamic State".
    alts = sorted(folded, key=len, reverse=True)
    words = [re.escape(a).replace(r"\ ", r"[\s-]+").replace("'", "['’]") for a in alts]
    # a hyphen may follow ("al-Qaeda-affiliated") but not precede ("pro-Hamas" is not Hamas itself)
    folded_re = re.compile(r"(?<![\w-])(?:%s)(?!\w)" % "|".join(words), re.I)
    exact_re = re.compile(r"(?<![\w.-])(?:%s)(?![\w-])" % "|".join(re.escape(a) for a in sorted(exact, key=len, reverse=True)))
    return folded_re, exact_re, folded, exact


@functools.cache
def named_groups() -> frozenset[str]:
    """The armed groups the alias table names (not its generic rows: "Unidentified Armed Group ({country})")."""
    return frozenset(a.canonical for a in (*_table()[2].values(), *_table()[3].values())
                     if a.kind == "group" and "{" not in a.canonical)


@functools.cache
def _openings() -> re.Pattern[str]:
    """Where an alias can begin: a word opening with an alias's first three characters (any case), or
    with a character outside ASCII, whose lower case may differ in length (always tried)."""
    def char(c: str) -> str:  # as the alias pattern writes it
        return {" ": r"[\s-]", "'": "['’]"}.get(c, re.escape(c))

    tree: dict[str, dict[str, set[str]]] = {}
    for alias in _table()[2]:
        third = char(alias[2]) if len(alias) > 2 else r"(?!\w)"
        tree.setdefault(char(alias[0]), {}).setdefault(char(alias[1]), set()).add(third)
    branches = [first + "(?:" + "|".join(second + "(?:" + "|".join(sorted(thirds)) + ")"
                                          for second, thirds in sorted(seconds.items())) + ")"
                for first, seconds in sorted(tree.items())]
    return re.compile(r"(?<![\w-])(?:%s|[^\x00-\x7f]|\w{0,2}[^\x00-\x7f])" % "|".join(branches), re.I)


def _alias_matches(text: str) -> list[re.Match[str]]:
    """``folded_re.finditer(text)``, tried only where a word opens as an alias does.

    Hand-written because the alias pattern is an alternation of ~900 names that Python's re tries one
    by one at every word, and most words open no alias; the matches are the same."""
    folded_re = _table()[0]
    out: list[re.Match[str]] = []
    end = 0
    for w in _openings().finditer(text):
        start = w.start()
        if start < end:
            continue
        m = folded_re.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


# A name used only to say whom another group is tied to ("al Qaeda-linked", "the main al-Qaeda
# affiliate"): ACLED codes the affiliate itself, so the parent is no actor of the event.
_AFFILIATE_RE = re.compile(
    r"(?:[-‐]\s?(?:linked|affiliated|allied|aligned|inspired|loyal)\b|\s+(?:affiliates?|offshoots?|franchises?)\b)", re.I)


def _norm(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.replace("’", "'")).strip().lower()


def _fill(canonical: str, country: str | None) -> str:
    if "{country}" not in canonical:
        return canonical
    if country:
        return canonical.replace("{country}", country)
    # unknown country: drop the placeholder and its brackets / "of"
    return re.sub(r"\s*(?:\(\{country\}\)|of \{country\})", "", canonical)


def find_actors(text: str, country_names: dict[str, str], main_country: str | None) -> list[ActorMention]:
    """Actor mentions from the alias table; ``main_country`` (ISO2) names generic state forces."""
    folded_re, exact_re, folded, exact = _table()
    out: list[ActorMention] = []
    taken: list[Span] = []
    for m in _alias_matches(text):
        if _AFFILIATE_RE.match(text, m.end()):
            continue  # "an al Qaeda-linked group" is another group, not al Qaeda itself
        alias = folded[_norm(m.group())]
        code = alias.demonym or main_country
        out.append(ActorMention(m.group(), m.span(), _fill(alias.canonical, country_names.get(code or "")), alias.kind))
        taken.append(m.span())
    for m in exact_re.finditer(text):
        start, end = m.span()
        if any(a < end and start < b for a, b in taken):
            continue
        if len(m.group()) <= 2 and _in_capitals(text, start, end):
            continue  # "IS" in "ISLAMIC STATE IS ADVANCING"
        alias = exact[m.group()]
        out.append(ActorMention(m.group(), m.span(), _fill(alias.canonical, country_names.get(main_country or "")), alias.kind))
        taken.append(m.span())
    return sorted(out, key=lambda a: a.span)


def _in_capitals(text: str, start: int, end: int) -> bool:
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])[-1:]
    after = re.findall(r"[A-Za-z]+", text[end:end + 30])[:1]
    return any(w.isupper() and len(w) > 1 for w in before + after)


_ENT_KIND = {"ORG": "organisation", "NORP": "group", "PERSON": "person"}


# The press reporting an event is not a side of it ("An Associated Press reporter saw ...").
_PRESS_RE = re.compile(r"\b(?:%s)\b" % "|".join(sorted(PRESS_WORDS)), re.I)
# A name after a preposition of place is where something happened, whatever label spaCy gave it
# ("traders from Gikomba", "towards the Euphrates bridge"); sides come after "by", "with", "against".
_PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|at|from|to|towards?|near|across|along|into|outside|inside|around|through)\s+(?:the\s+)?$", re.I)


def entity_actors(
    ents: Iterable[tuple[str, Span, str]], known: list[ActorMention], document: str = ""
) -> list[ActorMention]:
    """spaCy entities not covered by the alias table, lightly normalised ("the Pentagon" -> "Pentagon").

    Left out: the press, and a name used only as another group's affiliation ("al Qaeda-linked").
    """
    out = []
    for text, (start, end), label in ents:
        if label not in _ENT_KIND or any(a.span[0] < end and start < a.span[1] for a in known):
            continue
        if _PRESS_RE.search(text) or (document and _AFFILIATE_RE.match(document, end)):
            continue
        if document and _PLACE_BEFORE_RE.search(document, max(0, start - 20), start):
            continue
        name = re.sub(r"^(?:the|The)\s+|['’]s$", "", text).strip()
        if len(name) < 2 or name.lower() in DEMONYMS or re.search(r"https?:|www\.|/|@", name):
            continue
        # A bare religious/national adjective ("Sunni", "Islamic") names no actor; plurals and
        # longer names ("Kurds", "Shi'ite militiamen") may.
        if label == "NORP" and " " not in name and not name.endswith("s"):
            continue
        out.append(ActorMention(text, (start, end), name, _ENT_KIND[label]))
    return out
