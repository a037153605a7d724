"""One gazetteer entry per candidate: each reading scored by the countries and admin-1 areas the
document points at, its size and whether the name is its main one; namesakes weighed against each other."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence

from newsfuse.nlp.gazetteer import Entry
from newsfuse.nlp.names import name_key
from newsfuse.nlp.places.candidates import Candidate, DEMONYMS, WORLD_CITY
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Place
from newsfuse.records import km as distance_km

# How close an alternate spelling must be to a small town's main name to stand alone.
_VARIANT_RATIO = 0.9


def context_countries(text: str, candidates: Sequence[Candidate]) -> set[str]:
    """Countries the document itself points at: country names and nationality adjectives.

    A country whose name is also an admin-1 area's ("Georgia") is no evidence by itself: which
    one it is, is what the context has to decide.
    """
    found = {DEMONYMS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in DEMONYMS}
    for c in candidates:
        if any(e.feature == "region" and p for e, p in c.entries):
            continue
        for e, primary in c.entries:
            if e.feature == "country" and primary:
                found.add(e.country)
    return found


# Weights of the context (chosen on the GeoWebNews and LGL dev halves): a named country outweighs a
# 100-fold population gap; an admin-1 area the document otherwise places towns in (or names) another
# 1000-fold; a main-name match beats a 100-fold bigger place that only lists it as an alternate; a
# world city (1M+) keeps its name against a small namesake in the document's country.
_W_COUNTRY = 2.0
_W_ADMIN1 = 3.0
_W_QUALIFIED = 20.0


# an admin-1 area whose towns the document names beats a same-named country ("Georgia" beside Atlanta):
# dev acc@161 GeoWebNews / LGL 0.866 / 0.790 without, 0.872 / 0.803 with
_W_REGION = 5.0


# a town and a county of the document that lie together ("Paris" and "Henry County": Paris, Tennessee)
# (dev: LGL acc@161 0.808 -> 0.825 at 2, 0.829 at 4 but F1 0.770 -> 0.769; GeoWebNews unchanged)
_W_COUNTY = 2.0  # "Dublin, Ohio": the written state or country decides


# (the outlet's home area counts as one more admin-1 area of the document: an extra weight for it,
# 1 / 2 / 3 / 5, gave LGL dev acc@161 0.868 / 0.856 / 0.853 / 0.863 against 0.870 without)


# the admin-1 area the document's state names and "Town, State" qualifiers point at most often
# ("Boone County" in a report naming Indiana five times, Kentucky once): dev acc@161 GeoWebNews / LGL
# 0.914 / 0.915 -> 0.915 / 0.924 at 1 (0.5: 0.922, 1.5: 0.924, 2-3: 0.920; counting every town the
# first pass placed instead of the names: 0.922 at 1, lower above)
_W_MAIN = 1.0


def score_entry(entry: Entry, primary: bool, countries: set[str], regions: frozenset[tuple[str, str]] = frozenset(),
           qualifier: tuple[str, str | None] | None = None, against_country: bool = False,
           linked: frozenset[tuple[str, str | None, str | None]] = frozenset(),
           main: tuple[str, str] | None = None) -> float:
    qualified = qualifier is not None and entry.country == qualifier[0] and (
        qualifier[1] is None or entry.admin1 == qualifier[1]) and entry.feature != "country"
    return (_W_COUNTRY * (entry.country in countries) + _W_ADMIN1 * ((entry.country, entry.admin1) in regions)
            + _W_QUALIFIED * qualified
            + 2.0 * primary + math.log10(entry.population + 10) + 1.0 * (entry.population >= WORLD_CITY)
            + 5.0 * (entry.feature in ("country", "continent") and primary)
            + _W_REGION * (against_country and entry.feature == "region" and primary
                           and (entry.country, entry.admin1) in regions)
            + _W_COUNTY * ((entry.country, entry.admin1, entry.admin2_name) in linked)
            + _W_MAIN * (main is not None and (entry.country, entry.admin1) == main and entry.feature != "country"))


def place_of(entry: Entry, region: bool) -> Place:
    if entry.feature == "country":
        return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid, None, "country", "country",
                     geo_precision=3)
    if entry.feature in ("region", "county"):
        return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid or None, entry.admin1_name,
                     entry.feature, "region", entry.admin2_name, 3)
    if entry.feature == "continent":
        return Place(entry.name, entry.lat, entry.lon, None, entry.geonameid, None, "region", "region", geo_precision=3)
    return Place(entry.name, entry.lat, entry.lon, entry.country, entry.geonameid, entry.admin1_name,
                 "region" if region else "city", "region" if region else "point", entry.admin2_name,
                 3 if region else 1)


def _variant_of(written: str, main: str) -> bool:
    """A spelling variant of the main name: a letter dropped or added ("Douenza" / "Douentza").

    difflib's ratio is the standard library's similarity; names differ in length, so a ratio
    (not a raw edit count) keeps short names strict; 0.9 lets a 7-letter name lose one letter
    but not change a vowel ("Jamison" is a surname, not Jemison, Alabama).
    """
    a, b = name_key(written), name_key(main)
    return difflib.SequenceMatcher(None, a, b).ratio() >= _VARIANT_RATIO


def _with_run_country(countries: set[str], country: str | None, pool: Sequence[tuple[Entry, bool]],
                      settings: NlpSettings) -> set[str]:
    """The document's countries and the run's (find_places' ``country``), unless the name is also a big town
    abroad: a country the text never names backs its own small towns ("Chelsea" of Massachusetts over
    London's), not a namesake over a big town elsewhere ("Vancouver International Airport" is Canada's)."""
    if not country or country in countries or any(
            primary and e.country != country and e.feature == "city" and e.population >= settings.big_place_population
            for e, primary in pool):
        return countries
    return countries | {country}


def resolve(cands: Sequence[Candidate], countries: set[str], settings: NlpSettings,
            regions: frozenset[tuple[str, str]] = frozenset(),
            named: frozenset[int] = frozenset(),
            qualifiers: Sequence[tuple[str, str | None] | None] = (),
            own_regions: Sequence[frozenset[tuple[str, str]]] = (),
            linked: frozenset[tuple[str, str | None, str | None]] = frozenset(),
            home: tuple[str, str] | None = None, stated: frozenset[str] = frozenset(),
            mains: Sequence[tuple[str, str] | None] = (), beside_home: frozenset[int] = frozenset(),
            towns: Sequence[tuple[str, Entry]] = (), country: str | None = None,
            own_countries: frozenset[str] | None = None, served: frozenset[int] = frozenset(),
            ) -> list[tuple[Candidate, Place, float, Entry] | None]:
    """Each candidate's place, or None; ``named`` holds geonameids the document names otherwise.

    ``qualifiers[i]`` is the (country, admin-1 code) written after candidate i ("Dublin, Ohio");
    ``own_regions[i]`` the admin-1 areas only candidate i itself put into ``regions`` (a name
    never supports itself); ``stated`` the countries the document itself names (not those its towns
    were placed in); ``towns`` the (name key, entry) of the towns the first pass placed; ``own_countries`` the
    countries the document's own words point at (its towns, countries and adjectives; not the outlet's or the
    run's), which decide a name that is a state's and a country's (``state_over_country``); ``served`` the
    candidates whose name the text writes before a town's police or mayor ("Valdosta Police"): towns whatever their
    state.
    """
    out: list[tuple[Candidate, Place, float, Entry] | None] = []
    for i, c in enumerate(cands):
        pool = [(e, p) for e, p in c.entries if e.population >= settings.gazetteer_min_population or e.feature == "country"]
        if not pool:
            out.append(None)
            continue
        qualifier = qualifiers[i] if i < len(qualifiers) else None
        pool = _states_over_namesakes(pool, qualifier)
        backing = _with_run_country(countries, country, pool, settings)
        if own_countries is not None and state_over_country(pool, own_countries):
            pool = [(e, p) for e, p in pool if e.feature != "country"]
        if any(e.feature == "city" and p for e, p in pool):
            # a bare admin-2 name of a country the document never points at is rather a town of that name
            # ("Cambridge" is no Perth district) (dev acc@161 GeoWebNews / LGL 0.910 / 0.907 -> 0.912 / 0.912;
            # dropping such counties with no town instead: 0.915 / 0.902, F1 lower)
            pool = [(e, p) for e, p in pool if e.feature != "county" or e.country in backing] or pool
        mine = regions - own_regions[i] if i < len(own_regions) else regions
        against = any(e.feature == "country" for e, _ in pool)  # "Georgia": a state or a country
        main = mains[i] if i < len(mains) else None
        entry, primary = max(pool, key=lambda ep: score_entry(ep[0], ep[1], backing, mine, qualifier, against, linked, main))
        entry, primary = _nearest_namesake((entry, primary), pool, [e for k, e in towns if k != name_key(c.text)])
        supported = entry.country in backing
        qualified = qualifier is not None and entry.country == qualifier[0] and entry.feature != "country"
        local = (entry.country, entry.admin1) in mine or qualified or (entry.country, entry.admin1, entry.admin2_name) in linked
        if entry.feature in ("country", "region", "continent", "county"):
            ok, conf = primary or supported, 1.0

        elif c.inside_name:
            ok, conf = entry.population >= settings.big_place_population and primary, 0.6
        elif qualified or (entry.country, entry.admin1, entry.admin2_name) in linked:  # "Dublin, Ohio"; Paris by Henry County
            ok, conf = True, 0.95
        elif supported:
            # A word opening a sentence may be a capitalised common word or a name: there only a
            # main-name, sizable town (or a big one) passes.
            big = entry.population >= settings.big_place_population
            solid = big or (primary and entry.population >= settings.weak_place_population)
            ok = (not c.weak) or solid
            conf = 0.95 if solid else 0.9
            # beside a town of the outlet's own area in one sentence, a town of another state below a world
            # city's size is a local namesake ("Memphis police ... shot five people in Raleigh": a Memphis
            # neighbourhood, not North Carolina's capital). Dev: gva right event +2 incidents; LGL P 0.8864 ->
            # 0.8868, R 0.8389 -> 0.8385, F1 0.8620 = , acc@161 0.935 =; GeoWebNews unchanged. (Every such town
            # with a known home, not only beside a local one: LGL F1 0.862 -> 0.859; up to 300,000: 0.861)
            small = WORLD_CITY if i in beside_home else settings.big_place_population
            if not local and i not in served and entry.population < small and (
                    (home and entry.country == home[0])
                    or (home is None and entry.country == "US"
                        and len({a for a in mine if a[0] == entry.country}) == 1)):
                # local news: a small town of another state of the outlet's country (or, with no known
                # outlet, of the one US state the document's other towns lie in: AP style writes the
                # state after a town outside it), its state unsaid and none of the document's other
                # places there, is mostly a surname or a word ("Smith", "Grill"); not one whose police or
                # mayor the text names ("Valdosta Police were called"): a surname has none
                ok = False
        else:
            # unsupported: a big town, or a sizable one whose several-word main name is no person's
            # ("Rocky Mount" in a report naming no state)
            # (dev: LGL F1 0.770 -> 0.773; gva dev first 400 incidents, main town within 40 km 0.681 -> 0.692)
            floor = settings.weak_place_population if " " in c.text.strip() else settings.big_place_population
            ok, conf = entry.population >= floor and not c.weak and primary, 0.6
        if ok and _elsewhere_than_written(entry, pool, qualifier):
            ok = False
        if ok and home and entry.feature in ("city", "county") and entry.country != home[0] \
                and entry.country not in stated and entry.population < WORLD_CITY:
            # local news of a known outlet: a town abroad, its country unnamed, is a world city or a
            # namesake ("FOX Carolina" is no Puerto Rican town, nor "Toyota" a Japanese one); a county abroad
            # likewise ("Teen" is no Norwegian Tinn, a byline's "Bogan" no Australian shire)
            ok = False
        if ok and not primary and " " not in c.text and entry.feature == "city" and entry.population < \
                settings.big_place_population \
                and not (supported and (entry.geonameid in named or _variant_of(c.text, entry.name))):
            # a lone word that is only an alternate name of a small town ("Lucia") is too weak a sign,
            # unless the document's country backs it and it is either a spelling variant of the
            # main name ("Douenza" / "Douentza") or the place is also named otherwise ("Husaybah"
            # beside "Al Qaim"); a state of the document's (or the outlet's) holding it does not back it
            # either ("Chisholm", a Montgomery neighbourhood, is listed for Richland, Georgia)
            # (dev: GeoWebNews F1 0.8686 -> 0.8696, LGL F1 0.8614 -> 0.8617 and acc@161 0.9394 -> 0.9398)
            ok = False
        out.append((c, place_of(entry, c.region), conf, entry) if ok else None)
    return out


# a same-state namesake this near the document's other towns, and at most this many times smaller than the
# one the score picked, is the one meant ("Riverview" beside St. Louis towns is St. Louis County's, not a
# village of the same size 250 km off)
_NAMESAKE_NEAR_KM = 50.0
_NAMESAKE_RATIO = 20


def state_or_country_name(pool: Sequence[tuple[Entry, bool]]) -> bool:
    """The name is a country's and, as its main name, an admin-1 area's ("Georgia")."""
    return any(e.feature == "country" for e, _ in pool) and any(p and e.feature == "region" for e, p in pool)


def state_over_country(pool: Sequence[tuple[Entry, bool]], own_countries: frozenset[str]) -> bool:
    """A name that is an admin-1 area's and a country's ("Georgia") in a document whose own places lie in the
    area's country and nowhere point at the other country is the area: a US report naming Dallas means the
    state. (The score alone prefers the country, as it should for a name that stands alone.)"""
    return state_or_country_name(pool) \
        and any(p and e.feature == "region" and e.country in own_countries for e, p in pool) \
        and not any(e.feature == "country" and e.country in own_countries for e, _ in pool)


def _nearest_namesake(chosen: tuple[Entry, bool], pool: Sequence[tuple[Entry, bool]], others: Sequence[Entry]
                      ) -> tuple[Entry, bool]:
    """Of towns sharing a name in one state (the score tells them apart by size alone), the one nearest the
    document's other towns of that state."""
    entry = chosen[0]
    if entry.feature != "city":
        return chosen
    area = (entry.country, entry.admin1)
    around = [o for o in others if (o.country, o.admin1) == area and o.geonameid != entry.geonameid]
    same = [(e, p) for e, p in pool if e.feature == "city" and (e.country, e.admin1) == area and p == chosen[1]]
    if len(same) < 2 or not around:
        return chosen

    def gap(e: Entry) -> float:
        return min(distance_km(e, o) for o in around)  # type: ignore[arg-type]  # entries have lat and lon

    best = min(same, key=lambda ep: gap(ep[0]))
    if best[0].geonameid == entry.geonameid or gap(best[0]) > _NAMESAKE_NEAR_KM \
            or best[0].population * _NAMESAKE_RATIO < entry.population:
        return chosen
    return best


def _elsewhere_than_written(entry: Entry, pool: Sequence[tuple[Entry, bool]],
                            qualifier: tuple[str, str | None] | None) -> bool:
    """A town written with its state ("Tyrone, Mo.") that the gazetteer holds only in other states is a
    place too small for it, not a namesake elsewhere: no reading beats a wrong one hundreds of km off."""
    if qualifier is None or qualifier[1] is None or entry.feature != "city" or entry.country != qualifier[0]:
        return False
    return not any((e.country, e.admin1) == qualifier for e, _ in pool)


def _states_over_namesakes(pool: list[tuple[Entry, bool]], qualifier: tuple[str, str | None] | None
                           ) -> list[tuple[Entry, bool]]:
    """A town of an admin-1 area's country that shares the area's name and is smaller than the area's
    largest town is not what the name means ("Florida" is no village of New York) unless a state or
    country is written after it. (Dev acc@161 GeoWebNews / LGL 0.906 / 0.900 -> 0.909 / 0.904; also
    taking the area's largest town named like it as its main name, "New York", lowered LGL to 0.897.)"""
    areas = {e.country: e for e, p in pool if p and e.feature == "region"}
    if not areas or (qualifier and qualifier[0] in areas):
        return pool
    return [(e, p) for e, p in pool if not (e.feature == "city" and e.country in areas
                                            and e.population < areas[e.country].population)]


_COUNTY_WORD = re.compile(r"\s+(?:county|parish|borough)$", re.IGNORECASE)


def linked_counties(cands: Sequence[Candidate]) -> frozenset[tuple[str, str | None, str | None]]:
    """(country, admin-1, county) where one of the document's towns may lie in one of its counties."""
    counties: dict[tuple[str, str | None, str | None], set[str]] = {}
    for c in cands:
        for e, _ in c.entries:
            if e.feature == "county":
                # keyed by the county's own name: "Paulding County" and a town "Paulding" are one name too
                counties.setdefault((e.country, e.admin1, e.admin2_name), set()).add(
                    name_key(_COUNTY_WORD.sub("", c.text)))
    if not counties:
        return frozenset()
    out = set()
    for c in cands:
        for e, p in c.entries:
            key = (e.country, e.admin1, e.admin2_name)
            # another name of the document: "Paris" and the Paris département, "Paulding" and Paulding County (Ohio's,
            # not Georgia's) are one name, no support
            if p and e.feature == "city" and key in counties and counties[key] - {name_key(c.text)}:
                out.add(key)
    return frozenset(out)


def qualifiers(text: str, cands: Sequence[Candidate]) -> list[tuple[str, str | None] | None]:
    """The state, province or country written right after each candidate: "Denmark, S.C.", "Toronto, Ontario"."""
    out: list[tuple[str, str | None] | None] = [None] * len(cands)
    for i in range(len(cands) - 1):
        nxt = cands[i + 1]
        gap = text[cands[i].span[1]:nxt.span[0]].removeprefix(".")  # "JACKSON CO., Fla."
        if len(gap) > 3 or not gap.startswith(","):
            continue
        areas = [e for e, p in nxt.entries if p and e.feature in ("region", "country")]
        if len(areas) == 1 or (areas and all(e.feature == "region" for e in areas) and len({(e.country, e.admin1) for e in areas}) == 1):
            e = areas[0]
            out[i] = (e.country, e.admin1 if e.feature == "region" else None)
    return out
