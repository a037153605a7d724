"""Places: gazetteer lookup of capitalised n-grams, disambiguated by document context.

spaCy's GPE tags miss transliterated towns ("al-Qaim", "Rawa"), so every
capitalised run of words is looked up in the GeoNames index under a
spelling-insensitive key (see ``names``). A name that many places share is
resolved by the countries the document names (countries, demonyms, places
already resolved), then by population and by whether the spelling is the
place's main name. Small places need that country support: "Ana" is a town in
Iraq only in a document about Iraq.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from newsfuse.nlp.gazetteer import Entry, Gazetteer
from newsfuse.nlp.names import ARTICLES, fold, name_key
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Place, PlaceMention, Span

# A word: letters joined by hyphens/apostrophes ("al-Qaim", "Qā’im", "ez-Zor"), or a dotted abbreviation ("U.S.").
# A possessive "'s" is not part of the name ("Russia’s").
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-‐'’ʼ‘](?![sS]\b)[^\W\d_]+)*")
_HYPHEN_PART_RE = re.compile(r"[^\W\d_]+")
_ARTICLE_PREFIX_RE = re.compile(r"^(?:%s)[-‐][A-Z]" % "|".join(ARTICLES))
# Lower-case words allowed inside a name ("Deir ez Zor", "Rio de Janeiro", "Bosnia and Herzegovina").
_CONNECTORS = set(ARTICLES) | {"de", "del", "la", "le", "du", "da", "dos", "do", "of", "and", "bin", "ibn", "abu"}
_REGION_WORDS = ("province", "governorate", "region", "district", "state", "oblast", "county")
# Titles before a person's name: the capitalised word after them is a name, not a place.
_TITLES = {"mr", "mrs", "ms", "dr", "gen", "maj", "col", "lt", "capt", "sgt", "president", "minister",
           "king", "prince", "sheikh", "imam", "general", "colonel", "major", "captain", "pope", "saint"}
_MAX_WORDS = 5
# How close an alternate spelling must be to a small town's main name to stand alone.
_VARIANT_RATIO = 0.9

# Adjectives of nationality: country context without naming a place ("Iraqi army", "Syrian rebels").
DEMONYMS = {
    "iraqi": "IQ", "syrian": "SY", "iranian": "IR", "turkish": "TR", "kurdish": "IQ", "saudi": "SA",
    "jordanian": "JO", "lebanese": "LB", "israeli": "IL", "palestinian": "PS", "egyptian": "EG",
    "libyan": "LY", "yemeni": "YE", "afghan": "AF", "pakistani": "PK", "indian": "IN", "nigerian": "NG",
    "somali": "SO", "kenyan": "KE", "malian": "ML", "sudanese": "SD", "ethiopian": "ET",
    "ukrainian": "UA", "russian": "RU", "american": "US", "british": "GB", "french": "FR",
    "german": "DE", "chinese": "CN", "mexican": "MX", "colombian": "CO", "filipino": "PH",
    "congolese": "CD", "burkinabe": "BF", "mozambican": "MZ", "yemenis": "YE", "iraqis": "IQ", "syrians": "SY",
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    span: Span
    entries: tuple[tuple[Entry, bool], ...]
    region: bool  # followed by "province"/"governorate"...: the admin area around the town
    weak: bool  # opens a sentence: may be a capitalised common word
    inside_name: bool  # a lone word inside a longer capitalised name ("Nuri al-Maliki", "Lashkar az Zil")


@functools.cache
def _stopwords() -> frozenset[str]:
    """Everyday English words that are also tiny places ("Police", "Center", "March")."""
    import justext  # its English stoplist is a ready list of common words

    own = {"center", "centre", "police", "army", "state", "city", "town", "village", "border", "post",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "may",
           "march", "june", "july", "august", "january", "february", "april", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "levant", "sham", "reuters", "press", "news", "read", "share", "email", "home",
           "sunni", "shiite", "shia", "muslim", "christian", "union", "victory", "liberty", "hope",
           "independence", "mobile", "reading", "nice", "bath", "deal", "best", "sale", "hospital",
           "university", "church", "mosque", "street", "road", "square", "bridge", "airport",
           "caliphate", "islamic", "sunnis", "shiites", "kurds", "kurd", "arab", "arabs", "jihadist",
           "jihadi", "salafist", "alawite", "druze", "yazidi", "turkmen", "christians", "muslims", "government", "ministry", "council", "forces", "front", "media"}
    return frozenset(w.lower() for w in justext.get_stoplist("English")) | own


@functools.cache
def _stop_keys(stop: frozenset[str]) -> frozenset[str]:
    return frozenset(name_key(w) for w in stop if len(w) > 3)


@functools.cache
def _regions() -> dict[str, tuple[str, str, float, float]]:
    table: dict[str, tuple[str, str, float, float]] = {}
    text = files("newsfuse.nlp").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, country, lat, lon = line.split("\t")
        for alias in [name, *aliases.split("|")]:
            if alias.strip():
                table[name_key(alias)] = (name, country.strip() or None, float(lat), float(lon))
    return table


def _namelike(word: str) -> bool:
    return word[:1].isupper() or bool(_ARTICLE_PREFIX_RE.match(word))


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of name-like words separated by single spaces only (punctuation ends a name)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        joined = bool(current) and text[current[-1].end():m.start()] in (" ", "\u00a0")
        if _namelike(word):
            if not joined and current:
                runs.append(current)
                current = []
            current.append(m)
        elif word.lower() in _CONNECTORS and joined:
            current.append(m)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    # A run never starts or ends with a connector word.
    out = []
    for run in runs:
        while run and not _namelike(run[0].group()):
            run = run[1:]
        while run and not _namelike(run[-1].group()):
            run = run[:-1]
        if run:
            out.append(run)
    return out


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \"'“‘(")
    return pos == 0 or not before or before[-1] in ".!?\n:"


@functools.cache
def _stop_for(gaz: Gazetteer) -> frozenset[str]:
    """Common words, minus those naming a country or a big city (justext's list includes "london")."""
    def famous(word: str) -> bool:
        return any(e.feature != "city" or e.population >= 1_000_000 for e, p in gaz.lookup(name_key(word)) if p)
    return frozenset(w for w in _stopwords() if not famous(w))


def find_candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Every gazetteer name in the text, longest match first, before disambiguation."""
    stop = _stop_for(gaz)
    lower_words = {w for w in re.findall(r"\b[a-z][a-z]+\b", text)}
    out: list[_Candidate] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            found = None
            for n in range(min(_MAX_WORDS, len(run) - i), 0, -1):
                words = run[i:i + n]
                if not (_namelike(words[0].group()) and _namelike(words[-1].group())):
                    continue
                start, end = words[0].start(), words[-1].end()
                surface = text[start:end]
                if n == 1 and _reject_single(surface, stop, lower_words):
                    continue
                key = name_key(surface)
                entries = tuple(gaz.lookup(key)) if len(key) >= 2 else ()
                if entries:
                    found = (n, start, end, surface, entries)
                    break
            if not found:
                # "Iraq-Syria", "US-led", "London-based": the parts of a hyphenated word may be places
                word = run[i].group()
                if "-" in word and word.split("-")[0].lower() not in ARTICLES:
                    for part in _HYPHEN_PART_RE.finditer(word):
                        w = part.group()
                        if not _namelike(w) or _reject_single(w, stop, lower_words):
                            continue
                        entries = tuple(gaz.lookup(name_key(w)))
                        if entries:
                            s0 = run[i].start() + part.start()
                            out.append(_Candidate(w, (s0, s0 + len(w)), entries, False, False, len(run) > 1))
                i += 1
                continue
            n, start, end, surface, entries = found
            prev = run[i - 1].group().lower().rstrip(".") if i > 0 else ""
            prev_word = text[max(0, start - 12):start].split()[-1:] if start else []
            if prev in _TITLES or (prev_word and prev_word[0].lower().rstrip(".") in _TITLES):
                i += n
                continue
            after = text[end:end + 14].lower()
            region = any(after.startswith(" " + w) for w in _REGION_WORDS)
            weak = _sentence_start(text, start)
            # "and"/"of" only list places ("Rawa, Ana and Husaybah"); any other neighbour makes a longer name.
            neighbours = run[max(0, i - 1):i] + run[i + n:i + n + 1]
            inside = n == 1 and any(w.group().lower() not in ("and", "of") for w in neighbours)
            out.append(_Candidate(surface, (start, end), entries, region, weak, inside))
            i += n
    return out


def _reject_single(word: str, stop: frozenset[str], lower_words: set[str]) -> bool:
    low = re.sub(r"[-'’ʼ‘]", "", fold(word))
    # A word the document also writes in lower case is a common word there ("Police" / "police").
    if len(low) < 3:
        return not (len(word) == 2 and word.isupper())  # "US", "UK" are the only two-letter names indexed
    return low in stop or name_key(low) in _stop_keys(stop) or low in DEMONYMS or low in lower_words


def context_countries(text: str, candidates: Sequence[_Candidate]) -> set[str]:
    """Countries the document itself points at: country names and nationality adjectives."""
    found = {DEMONYMS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in DEMONYMS}
    for c in candidates:
        for e, primary in c.entries:
            if e.feature == "country" and primary:
                found.add(e.country)
    return found


def _score(entry: Entry, primary: bool, countries: set[str], regions: frozenset[tuple[str, str]] = frozenset()) -> float:
    # Weights: a named country outweighs a 100-fold population gap, a named US state another
    # 100-fold; a main-name match beats a 100-fold bigger place that only lists it as an alternate;
    # a world city (1M+) keeps its name against a small namesake in the document's country
    # ("London" in a US story is still London unless Kentucky is named).
    return (2.0 * (entry.country in countries) + 2.0 * ((entry.country, entry.admin1) in regions)
            + 2.0 * primary + math.log10(entry.population + 10) + 1.0 * (entry.population >= 1_000_000)
            + 5.0 * (entry.feature in ("country", "continent") and primary))


def _place(entry: Entry, region: bool) -> Place:
    if entry.feature == "country":
        return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid, None, "country", "country")
    if entry.feature == "region":
        return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid, entry.admin1, "region", "region")
    if entry.feature == "continent":
        return Place(entry.name, entry.lat, entry.lon, None, entry.geonameid, None, "region", "region")
    return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid, entry.admin1,
                 "region" if region else "city", "region" if region else "point")


def _variant_of(written: str, main: str) -> bool:
    """A spelling variant of the main name: a letter dropped or added ("Douenza" / "Douentza").

    difflib's ratio is the standard library's similarity; names differ in length, so a ratio
    (not a raw edit count) keeps short names strict; 0.9 lets a 7-letter name lose one letter
    but not change a vowel ("Jamison" is a surname, not Jemison, Alabama).
    """
    a, b = name_key(written), name_key(main)
    return difflib.SequenceMatcher(None, a, b).ratio() >= _VARIANT_RATIO


def resolve(cands: Sequence[_Candidate], countries: set[str], settings: NlpSettings,
            regions: frozenset[tuple[str, str]] = frozenset(),
            named: frozenset[int] = frozenset()) -> list[tuple[_Candidate, Place, float] | None]:
    """Each candidate's place, or None; ``named`` holds geonameids the document names otherwise."""
    out: list[tuple[_Candidate, Place, float] | None] = []
    for c in cands:
        pool = [(e, p) for e, p in c.entries if e.population >= settings.gazetteer_min_population or e.feature == "country"]
        if not pool:
            out.append(None)
            continue
        entry, primary = max(pool, key=lambda ep: _score(ep[0], ep[1], countries, regions))
        supported = entry.country in countries
        if entry.feature in ("country", "region", "continent"):
            ok, conf = primary or supported, 1.0
        elif c.inside_name:
            ok, conf = entry.population >= settings.big_place_population and primary, 0.6
        elif supported:
            # A word opening a sentence may be a capitalised common word or a name: there only a
            # main-name, sizable town (or a big one) passes.
            big = entry.population >= settings.big_place_population
            solid = big or (primary and entry.population >= settings.weak_place_population)
            ok = (not c.weak) or solid
            conf = 0.95 if solid else 0.9
        else:
            ok, conf = entry.population >= settings.big_place_population and not c.weak and primary, 0.6
        if ok and not primary and " " not in c.text and entry.feature == "city" and entry.population < \
                settings.big_place_population and (entry.country, entry.admin1) not in regions \
                and not (supported and (entry.geonameid in named or _variant_of(c.text, entry.name))):
            # a lone word that is only an alternate name of a small town ("Lucia") is too weak a sign,
            # unless the document's country backs it and it is either a spelling variant of the
            # main name ("Douenza" / "Douentza") or the place is also named otherwise ("Husaybah"
            # beside "Al Qaim")
            ok = False
        out.append((c, _place(entry, c.region), conf) if ok else None)
    return out


def find_places(text: str, gaz: Gazetteer, settings: NlpSettings) -> list[PlaceMention]:
    """Place mentions in ``text``, resolved to GeoNames entries (or the hand-written region table)."""
    cands = find_candidates(text, gaz)
    countries = context_countries(text, cands)
    first = resolve(cands, countries, settings)
    # Second pass: towns resolved confidently (big, or in a named country) widen the context,
    # so a report naming Mosul and Baghdad but never "Iraq" still places Rawa in Iraq.
    countries |= {r[1].country for r in first if r and r[1].country}
    # Named US states (the admin areas we have) favour their own towns: "Parkland" in a Florida story.
    regions = frozenset((r[1].country, r[1].admin1) for r in first
                        if r and r[1].feature == "region" and r[1].country and r[1].admin1)
    # Places the first pass named by a main name: an alternate name of the same town then
    # refers back to it ("Husaybah" in a report that also says "Al Qaim").
    named = frozenset(r[1].geonameid for r in first if r and r[1].geonameid is not None and
                      any(p and e.geonameid == r[1].geonameid for e, p in r[0].entries))
    resolved = resolve(cands, countries, settings, regions, named)
    # The hand-written region table wins over same-named towns ("Middle East", a US village).
    regions_found = _region_mentions(text, set())
    taken = [m.span for m in regions_found]
    mentions = [PlaceMention(c.text, c.span, place, conf) for r in resolved if r for c, place, conf in [r]
                if not any(a < c.span[1] and c.span[0] < b for a, b in taken)]
    return sorted(mentions + regions_found, key=lambda m: m.span)


def _region_mentions(text: str, taken: set[Span]) -> list[PlaceMention]:
    """Provinces and regions from the hand-written table ("Anbar", "Middle East")."""
    table = _regions()
    out = []
    for run in _runs(text):
        for i in range(len(run)):
            for n in range(min(3, len(run) - i), 0, -1):
                start, end = run[i].start(), run[i + n - 1].end()
                hit = table.get(name_key(text[start:end]))
                if hit and not any(a < end and start < b for a, b in taken):
                    name, country, lat, lon = hit
                    out.append(PlaceMention(text[start:end], (start, end),
                                            Place(name, lat, lon, country, None, None, "region", "region"), 0.8))
                    taken.add((start, end))
                    break
    return out


def resolve_name(name: str, text: str, gaz: Gazetteer, settings: NlpSettings) -> Place | None:
    """Resolve a given toponym (e.g. a gold span in an evaluation) with the document's context."""
    entries = tuple(gaz.lookup(name_key(name)))
    demonym = gaz.country(DEMONYMS.get(fold(name), ""))
    if demonym is not None:  # "Russian" names Russia when it is given as a toponym
        entries = ((demonym, True),)
    region = _regions().get(name_key(name))
    if not entries:
        return Place(region[0], region[2], region[3], region[1], None, None, "region", "region") if region else None
    cands = find_candidates(text, gaz)
    countries = context_countries(text, cands)
    countries |= {r[1].country for r in resolve(cands, countries, settings) if r and r[1].country}
    pool = [(e, p) for e, p in entries if e.population >= settings.gazetteer_min_population or e.feature == "country"]
    if not pool:
        return None
    entry, _ = max(pool, key=lambda ep: _score(ep[0], ep[1], countries))
    return _place(entry, False)
