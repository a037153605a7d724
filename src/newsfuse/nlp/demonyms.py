"""Nationality and continent adjectives as place mentions: "Russian hackers", "a European summit".

News often names a country only by its adjective, and geoparsing corpora (GeoWebNews, LGL, TR-News)
count it as a toponym of that country. Such a mention says whose, not where: its place carries the
feature ``ADJECTIVAL``, which context and event placing skip (events/anchors.py), so "Iraqi forces
entered Rawa" stays at Rawa.

The adjectives are countryinfo's demonyms (one per country, general knowledge, not a hand list); a
demonym several countries share ("Chinese": China, Hong Kong, Macau) names the most populous.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newsfuse.nlp.gazetteer import Gazetteer, countryinfo_records
from newsfuse.nlp.names import name_key
from newsfuse.records import Place, PlaceMention, Span

ADJECTIVAL = "adjectival"  # Place.feature of a place named by its adjective
_MAX_WORDS = 3  # "Papua New Guinean"
# The continents' adjectives (six words of general knowledge; countryinfo has countries only).
_CONTINENTS = {"European": "Europe", "African": "Africa", "Asian": "Asia", "North American": "North America",
               "South American": "South America", "Oceanian": "Oceania"}


@functools.cache
def _country_adjectives() -> dict[str, tuple[str, str]]:
    """name key of a demonym -> (the demonym as written, ISO2 of the most populous country it names)."""
    best: dict[str, tuple[int, str, str]] = {}
    for data in countryinfo_records():
        code = (data.get("ISO") or {}).get("alpha2")
        population = int(data.get("population") or 0)
        for word in (data.get("demonym") or "").split(","):  # "Antiguan,Barbudan"
            word = word.strip()
            if code and word[:1].isupper() and "/" not in word:
                key = name_key(word)
                if key not in best or population > best[key][0]:
                    best[key] = (population, word, code)
    return {key: (word, code) for key, (_, word, code) in best.items()}


def adjective_countries(text: str, codes: set[str]) -> frozenset[str]:
    """Those of the countries ``codes`` whose adjective the text writes ("Georgian troops")."""
    return frozenset(code for word, code in _country_adjectives().values()
                     if code in codes and re.search(rf"\b{re.escape(word)}s?\b", text))


@functools.cache
def adjective_places(gaz: Gazetteer) -> dict[str, Place]:
    """name key of an adjective -> the country or continent it names, as an adjectival place."""
    out: dict[str, Place] = {}
    for key, (_, code) in _country_adjectives().items():
        if (e := gaz.country(code)) is not None:
            out[key] = Place(e.name, e.lat, e.lon, code, e.geonameid, None, ADJECTIVAL, "country", geo_precision=3)
    for word, name in _CONTINENTS.items():
        for e, primary in gaz.lookup(name_key(name)):
            if e.feature == "continent" and primary:
                out[name_key(word)] = Place(e.name, e.lat, e.lon, None, e.geonameid, None, ADJECTIVAL, "region",
                                            geo_precision=3)
    return out


_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_PART = re.compile(r"[^\W\d_]+")
# Before a nationality word, a region's ("Central American", "West African"): no country's
_COMPASS = frozenset({"central", "latin", "north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "northeast", "northwest", "southeast", "southwest", "native"})
# After a nationality word used as a noun ("an American who", "French said", "printed in Chinese,")
_NOUN_USE = re.compile(r"(?:[^\S\n]+(?:who|whom|whose|is|are|was|were|has|have|had|said|says|told|added)\b|[^\w\s-]|\s*$)")


@functools.cache
def _adjective_words() -> frozenset[str]:
    """Lower-case words of the adjectives as countryinfo writes them ("south", "korean")."""
    written = [word for word, _ in _country_adjectives().values()] + list(_CONTINENTS)
    return frozenset(w for word in written for w in word.lower().split())


def find_adjectival(text: str, runs: Sequence[Sequence[re.Match[str]]], gaz: Gazetteer,
                    taken: Sequence[Span] = (), common: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Adjectives of countries and continents in the capitalised runs, longest first ("South Korean"
    before "Korean"), and the parts of hyphenated words ("Russian-European", "anti-Russian"), outside
    the spans already read as places (``taken``: "American Samoa").

    An adjective that is a word of a longer name ("Monica French": a capitalised word before it that
    is no ``common`` word; "Central American": a region's), of a pair of them ("African Americans") or
    used as a noun (a person, a language: "an American who", "in Chinese.") names no place."""
    table = adjective_places(gaz)
    words = _adjective_words()
    out: list[PlaceMention] = []
    for run in runs:
        i = 0
        while i < len(run):
            if run[i].group().lower() not in words:  # most capitalised words: no adjective starts here
                i += 1
                continue
            # only word runs made of the adjectives' own words are keyed (name_key is the costly part)
            n = next((n for n in range(min(_MAX_WORDS, len(run) - i), 0, -1)
                      if all(w.group().lower() in words for w in run[i:i + n])
                      and name_key(text[run[i].start():run[i + n - 1].end()]) in table), 0)
            if not n:
                i += 1
                continue
            start, end = run[i].start(), run[i + n - 1].end()
            before = run[i - 1].group().lower() if i > 0 else ""
            after = run[i + n].group() if i + n < len(run) else ""
            if not ((before and (before not in common or before in _COMPASS))
                    or (after and name_key(after.removesuffix("s")) in table) or _NOUN_USE.match(text, end)):
                out.append(PlaceMention(text[start:end], (start, end), table[name_key(text[start:end])], 0.8))
            i += n
    for m in _HYPHENATED.finditer(text):
        for part in _PART.finditer(m.group()):
            word, s0 = part.group(), m.start() + part.start()
            if word[:1].isupper() and word.lower() in words and (place := table.get(name_key(word))) is not None:
                out.append(PlaceMention(word, (s0, s0 + len(word)), place, 0.8))
    return [m for m in out if not any(a < m.span[1] and m.span[0] < b for a, b in taken)]
