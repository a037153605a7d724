"""US towns too small for GeoNames cities500, from the USPS ZIP data the pinned zipcodes package ships.

cities500 lacks many unincorporated US places a local report names ("Foxhome, Minn.",
"Leavittsburg, Ohio"). Every ZIP code carries its post-office town, state, county and a point;
a town is placed at the middle of its ZIP points. The table is a fallback only (``places`` reads
it for a town written with its state that the gazetteer does not place): surnames and everyday
words are ZIP towns too ("Coward, SC"), so it never reads a bare name.

Reading the package's JSON takes about a second, so the built table is pickled under the user
cache dir beside the gazetteer, keyed by the package version.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.metadata import version

from newsfuse.nlp.cache import cache_dir_path, read_pickle, write_pickle
from newsfuse.nlp.names import name_key
from newsfuse.records import Place, km

_FORMAT = 1  # bump when the table layout changes, so stale caches are rebuilt
# a name whose ZIP points lie further apart than this is several places (or a big city's many
# post offices), not one small town: no single point to give it
_MAX_SPREAD_KM = 25.0
# ZIP kinds that are a town's delivery area; "UNIQUE" ZIPs belong to one institution and
# "MILITARY" ones to bases abroad
_KINDS = ("STANDARD", "PO BOX")


@dataclass(frozen=True, slots=True)
class ZipTown:
    name: str  # the USPS spelling, "Leavittsburg"
    state: str  # postal code, "OH"
    county: str | None  # "Trumbull County"
    lat: float
    lon: float


def build() -> dict[tuple[str, str], ZipTown]:
    """(state postal code, name key) -> the town at the middle of the ZIP points whose main town it is."""
    import zipcodes  # reads the package's JSON: only when (re)building

    points: dict[tuple[str, str], list[tuple[float, float, str, str]]] = {}
    for z in zipcodes.list_all():
        if z.get("zip_code_type") not in _KINDS or z.get("country") != "US" or not z.get("city"):
            continue
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        # a ZIP's main town only: its "acceptable" other names are mostly neighbouring places or
        # parts of it, which would pull a town's point toward another's
        points.setdefault((z["state"], name_key(z["city"])), []).append((lat, lon, z["city"], z.get("county") or ""))
    out: dict[tuple[str, str], ZipTown] = {}
    for key, pts in points.items():
        middle = Place(pts[0][2], sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts), "US")
        if any(km(middle, Place(p[2], p[0], p[1], "US")) > _MAX_SPREAD_KM for p in pts):
            continue
        counties = {p[3] for p in pts}
        out[key] = ZipTown(pts[0][2], key[0], counties.pop() if len(counties) == 1 else None,
                           round(middle.lat, 4), round(middle.lon, 4))
    return out


@functools.cache
def load(cache_dir: str | None = None) -> dict[tuple[str, str], ZipTown]:
    """The table, from the disk cache when present (built and cached otherwise)."""
    path = cache_dir_path(cache_dir) / f"ziptowns-zipcodes-{version('zipcodes')}-v{_FORMAT}.pickle"
    table = read_pickle(path)
    if not isinstance(table, dict):
        table = build()
        write_pickle(table, path)
    return table


def town(state: str, name: str, cache_dir: str | None = None) -> ZipTown | None:
    """The ZIP town of this name in this state (postal code), if the USPS data has one."""
    return load(cache_dir).get((state, name_key(name)))
