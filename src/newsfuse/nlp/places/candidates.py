"""Candidate place names: capitalised runs of words looked up in the gazetteer, US states written
as abbreviations, and the runs that are no place (streets, datelines, people's names, station brands)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

from newsfuse.nlp.common_words import common_words
from newsfuse.nlp.datelines import titled_dateline_city
from newsfuse.nlp.gazetteer import Entry, Gazetteer
from newsfuse.nlp.names import ARTICLES, fold, name_key
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
_ABBREVIATED = {"St", "Ste", "Ft", "Mt", "Pt"}


# Street and building types (the USPS street suffixes news writes, and buildings named after a
# place): "Oxford Drive", "Clark Memorial Hospital" name no town.
_STREET_WORDS = {"street", "st", "drive", "dr", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
                 "court", "ct", "way", "place", "pl", "parkway", "pkwy", "highway", "hwy", "circle", "cir",
                 "terrace", "trail", "pike", "alley", "apartments", "apts", "mall", "hospital", "memorial",
                 "elementary", "middle", "academy", "plaza", "expressway", "freeway", "turnpike",
                 "streets", "avenues", "roads",
                 # a water named after a town is no town ("Rose Valley Lake boat launch")
                 "lake", "reservoir", "creek"}


# A town's own institutions after its name: "Urbana Police", "Lebanon Fire" (the town, not a longer name);
# an organisation the NER tags "Richmond Police" keeps its town (nlp/__init__).
TOWN_INSTITUTIONS = {"police", "fire", "sheriff", "mayor", "township", "schools", "council", "municipal", "pd"}


# After a lone town also "Paris City Hall", "Paris High School". (The second line: dev F1 GeoWebNews / LGL
# 0.866 / 0.845 -> 0.866 / 0.852 with the articles below, acc@161 0.910 / 0.904 -> 0.910 / 0.907;
# "library", "college", "school" made person-named institutions towns: "Carnegie Library", "Robinson College".)
# "borough" too, the municipality type of Pennsylvania and New Jersey towns ("in Hummelstown Borough").
_TOWN_INSTITUTIONS = TOWN_INSTITUTIONS | {"city", "high", "public", "volunteer", "regional", "community", "town",
                                          "village", "area", "board", "borough"}


# A day after a lone town dates its event, it makes no longer name ("a shooting in Chelsea Friday")
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# People a headline names by their town ("Yarmouth Girl Shoots Herself", "Tupelo Man Charged"): after a lone
# town they make no longer name, as a day or an institution does not
_RESIDENTS = frozenset({"man", "men", "woman", "women", "girl", "girls", "boy", "boys", "teen", "teens", "teenager",
                        "teenagers", "toddler", "child", "children", "kids", "infant", "baby", "mother", "father",
                        "mom", "dad", "grandmother", "grandfather", "couple", "family", "resident", "residents",
                        "student", "students"})
_AGE_WORD = re.compile(r"-old$")
# Words beside a lone town that list places or open a phrase, not a longer name ("Rawa and Ana", "A Paris man")
_LISTING = frozenset({"and", "of"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "every", "each"})
_BIG = 100_000  # a town this big is named in capitals too ("NEW ORLEANS")
WORLD_CITY = 1_000_000


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
class Candidate:
    text: str
    span: Span
    entries: tuple[tuple[Entry, bool], ...]
    region: bool  # followed by "province"/"governorate"...: the admin area around the town
    weak: bool  # opens a sentence: may be a capitalised common word
    inside_name: bool  # a lone word inside a longer capitalised name ("Nuri al-Maliki", "Lashkar az Zil")


@functools.cache
def _stop_keys(stop: frozenset[str]) -> frozenset[str]:
    return frozenset(name_key(w) for w in stop if len(w) > 3)


@functools.cache
def region_table() -> dict[str, tuple[str, str, float, float]]:
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


def word_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of name-like words separated by single spaces only (punctuation ends a name)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        gap = text[current[-1].end():m.start()] if current else ""
        # "St. Louis", "Ft. Worth", "Mt. Vernon": an abbreviated first word keeps its full stop
        joined = bool(current) and (gap in (" ", "\u00a0") or (gap == ". " and current[-1].group() in _ABBREVIATED))
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
    """Common words, minus those naming a country or a big city (justext's list includes "london").

    Admin areas do not count: "South" (Iceland), "Centre" (Burkina Faso) stay common words."""
    def famous(word: str) -> bool:
        return any(e.feature in ("country", "continent") or (e.feature == "city" and e.population >= WORLD_CITY)
                   for e, p in gaz.lookup(name_key(word)) if p)
    return frozenset(w for w in common_words() if not famous(w) and w not in _ONLY_NAMES)


# words justext's stoplist holds for a frequent name they are part of ("New York"), but that English writes
# only as names: alone they are towns ("York City police", "taken to York Hospital")
_ONLY_NAMES = frozenset({"york"})


def find_candidates(text: str, gaz: Gazetteer, runs: list[list[re.Match[str]]] | None = None) -> list[Candidate]:
    """Every gazetteer name in the text, longest match first, before disambiguation."""
    stop = _stop_for(gaz)
    lower_words = {w for w in re.findall(r"\b[a-z][a-z]+\b", text)}
    out: list[Candidate] = []
    for run in word_runs(text) if runs is None else runs:
        if _names_a_street(text, run):
            continue
        i = 0
        while i < len(run):
            found = None
            for n in range(min(_MAX_WORDS, len(run) - i), 0, -1):
                words = run[i:i + n]
                if not (_namelike(words[0].group()) and _namelike(words[-1].group())):
                    continue
                start, end = words[0].start(), words[-1].end()
                surface = text[start:end]
                if n == 1 and _reject_single(surface, stop, lower_words) and not state_after(text, end, gaz):
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
                            out.append(Candidate(w, (s0, s0 + len(w)), entries, False, False, len(run) > 1))
                i += 1
                continue
            n, start, end, surface, entries = found
            if n > 1 and run[i].group() == "An":
                # "An Opelousas teen": the sentence's capital is the English article's; the name (read without
                # it, as Arabic "An Nasiriyah" is) opens no sentence
                start = run[i + 1].start()
                surface = text[start:end]
            if _SIDE_OF_TOWN.fullmatch(surface):
                entries = tuple((e, p) for e, p in entries if p and name_key(e.name) == name_key(surface))
                if not entries:
                    i += n
                    continue
            if n > 1 and surface.isupper() and any(w.group().lower() in stop for w in run[i:i + n]) and not any(
                    e.feature != "city" or e.population >= _BIG for e, _ in entries):
                # an all-capitals headline's common words ("WE ARE", "FOR TEEN") spell tiny places
                i += 1
                continue
            following = run[i + n].group().lower().rstrip(".") if i + n < len(run) else ""
            if following in _STREET_WORDS or _after_compass(text, start, entries):
                i += n
                continue
            prev = run[i - 1].group().lower().rstrip(".") if i > 0 else ""
            prev_word = text[max(0, start - 12):start].split()[-1:] if start else []
            if prev in _TITLES or (prev_word and prev_word[0].lower().rstrip(".") in _TITLES):
                i += n
                continue
            after = text[end:end + 14].lower()
            region = any(after.startswith(" " + w) for w in _REGION_WORDS)
            weak = _sentence_start(text, start) and not _dateline(text, start, end, surface)
            # "and"/"of" only list places ("Rawa, Ana and Husaybah"); any other neighbour makes a longer name.
            # "A Paris man", "The Dublin City Council": an article before the town opens no longer name
            next_word = [] if following in _TOWN_INSTITUTIONS | _DAYS | _RESIDENTS else run[i + n:i + n + 1]
            # an age before it ("3-Year-Old Yarmouth Girl") opens no longer name either
            before = [] if _AGE_WORD.search(prev) else run[max(0, i - 1):i]
            neighbours = before + next_word
            listing = _LISTING if surface.lower() in _TITLES else _LISTING | _DETERMINERS
            inside = n == 1 and any(w.group().lower() not in listing for w in neighbours)
            out.append(Candidate(surface, (start, end), entries, region, weak, inside))
            i += n
    return out


# a street or building word written in lower case after a name: the name is the street's or the building's
# ("Glenwood avenue", "the Austin Oaks apartments"); a plural one after names listed with "and" is the
# streets' ("Thompson and Colorado avenues"), but alone it may be a town's ("on Chicago streets"), as a
# singular "street" often is ("a Brooklyn street", "north Minneapolis street gangs")
_STREET_AFTER = re.compile(r" (avenue|boulevard|apartments|streets|avenues|roads)\b")
_PLURAL_STREETS = {"streets", "avenues", "roads"}


# a compass abbreviation before a name makes it a street ("SE Fremont", "W. Mitchell and S. 25th") or, a
# lone capital, a person's initial ("Marlon E. Randolph"); a state keeps its name ("N. Dakota")
_COMPASS_BEFORE = re.compile(r"(?<![\w.])(?:[NSEW]|NE|NW|SE|SW)\.? $")
# ... but after "in" it is a part of the town or county ("in SE Houston", "in NW Harris County")
_PART_OF_TOWN = re.compile(r"\b(?:in|from|across|throughout) $", re.IGNORECASE)


def _after_compass(text: str, start: int, entries: tuple[tuple[Entry, bool], ...]) -> bool:
    """The name follows a compass abbreviation that makes it a street or a person's initial (see above)."""
    compass = _COMPASS_BEFORE.search(text, max(0, start - 4), start)
    if compass is None or any(e.feature in ("region", "county") for e, _ in entries):
        return False
    return _PART_OF_TOWN.search(text, max(0, compass.start() - 12), compass.start()) is None


# a side of a town ("on the West Side", "the Southside") is a place only as a GeoNames entry of that very name
# (Chicago's "South Side"), never as another name of a far town ("West Side" of Las Vegas) or a namesake spelled
# otherwise ("Westsyde")
_SIDE_OF_TOWN = re.compile(r"(?:North|South|East|West)(?:east|west)?[ -]?(?:Side|side)")


def _names_a_street(text: str, run: list[re.Match[str]]) -> bool:
    m = _STREET_AFTER.match(text, run[-1].end())
    if m is None:
        return False
    return m.group(1) not in _PLURAL_STREETS or any(w.group() == "and" for w in run)


# after a town in capitals opening a line: ", State" and/or "(Agency)", then a dash ("UNIVERSAL CITY --")
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Za-z.]+){0,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–|-)\s")


def _dateline(text: str, start: int, end: int, surface: str) -> bool:
    """A dateline ("BELL — A grandfather ...", "WARREN TOWNSHIP - ..."): the town the story was filed
    from, in capitals at a line's start; no capitalised common word opening a sentence."""
    if start != 0 and text[start - 1] != "\n":
        return False
    if surface.isupper():
        return len(surface) > 2 and bool(_DATELINE_TAIL.match(text, end))
    return titled_dateline_city(text, start) == end  # "Bogota, 28 May 89 (Inravision) --"


def is_dateline(text: str, cand: Candidate) -> bool:
    """The candidate is the text's dateline: the town the story was filed from."""
    return _dateline(text, cand.span[0], cand.span[1], cand.text)


# English two-letter words, which an all-capitals text writes like "US" ("AN INVESTIGATION")
_TWO_LETTER_WORDS = frozenset({"an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
                               "of", "on", "or", "so", "to", "up", "we", "am"})


def _reject_single(word: str, stop: frozenset[str], lower_words: set[str]) -> bool:
    low = re.sub(r"[-'’ʼ‘]", "", fold(word))
    # A word the document also writes in lower case is a common word there ("Police" / "police").
    if len(low) < 3:
        # "US", "UK" are the only two-letter names indexed; an all-capitals text's "AN", "IN" are words
        return not (len(word) == 2 and word.isupper()) or low in _TWO_LETTER_WORDS
    return low in stop or name_key(low) in _stop_keys(stop) or low in DEMONYMS or low in lower_words


# a television station's brand, a town and its channel ("Download the Cleveland 19 News app"), names the
# outlet, not a place of the story (dev: gva right event +1 incident; LGL and GeoWebNews unchanged)
STATION_BRAND = re.compile(r" \d{1,2} News\b")
# a national network's name and channel before a town or a state ("FOX Carolina", "NBC 4 New York", "CBS Chicago")
# is a local station's brand, in a photo credit or a copyright line: the outlet, not a place of the story
NETWORK_BEFORE = re.compile(r"\b(?:ABC|CBS|CW|FOX|NBC|PBS)(?: ?\d{1,2})? $")


def after_network(text: str, cand: Candidate) -> bool:
    """The name follows a network's ("FOX Carolina"): a station's brand."""
    return NETWORK_BEFORE.search(text, max(0, cand.span[0] - 8), cand.span[0]) is not None


# a time zone after a clock time ("Posted: Sunday, November 30, 2014 8:20 AM EST") is no place: GeoNames holds
# "Est" as a region of Burkina Faso (gva dev: 39 such readings in 6 reports, three events placed there)
CLOCK_ZONE = re.compile(r"(?:\d{1,2}(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?|noon|midnight)\s+$")
TIME_ZONES = frozenset({"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "ET", "CT",
                        "MT", "PT", "GMT", "UTC", "BST", "CET", "CEST", "IST", "AEST", "AEDT"})


def clock_zone(text: str, cand: Candidate) -> bool:
    """A time zone's abbreviation written after a clock time."""
    return cand.text in TIME_ZONES and CLOCK_ZONE.search(text, max(0, cand.span[0] - 16), cand.span[0]) is not None


# "Richmond Police", "Sacramento County Sheriff's Office": an organisation named after its town places it
INSTITUTION_AFTER = re.compile(r"\s+(?:County\s+|City\s+)?(?:%s)\b" % "|".join(sorted(TOWN_INSTITUTIONS)), re.I)


# a town's own police or mayor after its name ("Valdosta Police were called"); a sheriff is a county's ("St. Mary
# Sheriff's Office" names a parish), "Chatham County Police" no town Chatham, nor "Savannah-Chatham police" (a joint
# department) a town Chatham; a township's police name one of the many townships of its name in many states
_TOWN_POLICE = re.compile(r"\s+(?:police|pd|mayor)\b", re.I)


def serves_town(text: str, cand: Candidate) -> bool:
    """A name written before its own police or mayor: a town's."""
    return _TOWN_POLICE.match(text, cand.span[1]) is not None \
        and text[cand.span[0] - 1:cand.span[0]] not in ("-", "–") and not cand.text.lower().endswith(" township")


# a lone name right after the death or the attack it suffered, ending its clause, is the victim's ("charged with
# murder in the death of Simpson, according to"), not a town ("the shooting of Dillon police officers" is)
_VICTIM_BEFORE = re.compile(r"\b(?:death|deaths|killing|murder|slaying|shooting|stabbing|beating)\s+of\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)]|$)")


def victim_name(text: str, cand: Candidate) -> bool:
    """A one-word name written as whom a death or an attack befell."""
    return " " not in cand.text and _VICTIM_BEFORE.search(text, max(0, cand.span[0] - 20), cand.span[0]) is not None \
        and _CLAUSE_END.match(text, cand.span[1]) is not None


# "a 2-year-old Eastside Jacksonville girl": where the person is from, not a name
_WHO = r"(?:man|men|woman|women|boy|boys|girl|girls|teen|teens|teenager|resident|residents|native|student|child)\b"
_NAME = r"[A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
# a person after a name: the name says where the person is from ("a 2-year-old Eastside Jacksonville girl")
PERSON_AFTER = re.compile(rf"\s+{_WHO}")


# a person's full name with the age news gives its people: "Special-Caijae Houston, 19, was hit", "the death
# of 17-year-old Dallas James Graciano"
_AGED_NAME = re.compile(rf"(?P<a>{_NAME}),\s+\d{{1,3}},|\b\d{{1,3}}-year-old\s+(?P<b>{_NAME})(?!\s+{_WHO})")


# "moved to Houston": a word before a town that puts it on the map whatever else the document calls a person
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside|of|into|toward|towards|across|around)\s+$", re.I)


def not_aged_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop one-word towns that are words of a person's name the document gives with an age, all through
    the document ("Houston was taken to a hospital"), unless a locative word comes before. The parser's NER
    misses such names ("Special-Caijae Houston" is a GPE to it). Dev: gva right event +1 incident; LGL P
    0.8868 -> 0.8876, F1 0.8620 -> 0.8624; GeoWebNews unchanged."""
    stop = common_words()
    words = set()
    for m in _AGED_NAME.finditer(text):
        parts = (m.group("a") or m.group("b")).split()
        # "Memphis Police, 2," is no name (a common or institution word in it)
        if not any(w.lower().rstrip(".") in stop or w.lower() in _TOWN_INSTITUTIONS for w in parts):
            words.update(parts)
    if not words:
        return cands
    return [c for c in cands if " " in c.text or c.text not in words
            or _LOCATIVE_BEFORE.search(text[max(0, c.span[0] - 12):c.span[0]])]


# AP style abbreviations of US states ("Ga.", "S.C."), as US local news writes them after a town.
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA",
    "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC",
    "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV",
    "W. Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
}
_AP_RE = re.compile(r"(?<![\w.])(%s)(?![\w])" % "|".join(re.escape(k) for k in sorted(AP_STATES, key=len, reverse=True)))
_POSTAL_RE = re.compile(r"(?<=, )([A-Z]{2})(?=[\s.,;:)—–-]|$)")


_STATE_NAME_AT = re.compile(r"(?:New |North |South |West |Rhode )?[A-Z][a-z]+")


def state_after(text: str, end: int, gaz: Gazetteer) -> bool:
    """A US state written after a comma right at ``end``, as AP style writes a town's ("Mobile, Ala.", "Hope, AR",
    "Independence, Missouri"): the word before it is a town's name even if it is a common word."""
    if not text.startswith(", ", end):
        return False
    at = end + 2
    if _AP_RE.match(text, at) or ((m := _POSTAL_RE.match(text, at)) and m.group(1) in gaz.us_states()):
        return True
    word = _STATE_NAME_AT.match(text, at)
    return word is not None and any(e.name == word.group() for e in gaz.us_states().values())


def state_abbreviations(text: str, gaz: Gazetteer) -> list[Candidate]:
    """US states written as AP abbreviations ("Denmark, S.C.") or postal codes after a town ("Macon, GA").

    A one-part abbreviation that is also a word ("Miss.", "Ind.", "Wash.") counts only after a comma.
    """
    if "." not in text and ", " not in text:
        return []
    states = gaz.us_states()
    out = []
    for m in _AP_RE.finditer(text):
        word = m.group(1)
        if word.count(".") < 2 and text[max(0, m.start() - 2):m.start()] != ", ":
            continue
        if (e := states.get(AP_STATES[word])) is not None:
            out.append(Candidate(word, (m.start(), m.end()), ((e, True),), False, False, False))
    for m in _POSTAL_RE.finditer(text):
        if (e := states.get(m.group(1))) is not None:
            out.append(Candidate(m.group(1), (m.start(), m.end()), ((e, True),), False, False, False))
    return out


def region_mentions(text: str, taken: set[Span], runs: list[list[re.Match[str]]]) -> list[PlaceMention]:
    """Provinces and regions from the hand-written table ("Anbar", "Middle East")."""
    table = region_table()
    out = []
    for run in runs:
        for i in range(len(run)):
            for n in range(min(3, len(run) - i), 0, -1):
                start, end = run[i].start(), run[i + n - 1].end()
                hit = table.get(name_key(text[start:end]))
                if hit and not any(a < end and start < b for a, b in taken):
                    name, country, lat, lon = hit
                    out.append(PlaceMention(text[start:end], (start, end),
                                            Place(name, lat, lon, country, None, None, "region", "region",
                                                  geo_precision=3), 0.8))
                    taken.add((start, end))
                    break
    return out
