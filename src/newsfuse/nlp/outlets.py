"""An outlet's home, read from its address: the host (the original site's in an archive address), the
admin-1 area learned for it from dev data or named by a big town in the host ("fox10phoenix.com"), by a state's
name in it ("northwestgeorgianews.com") or by a state section of the page's address ("patch.com/georgia/..."), and
that town ("chicagotribune.com": Chicago). Local news mostly reports its own area."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from newsfuse.learned import learned_file
from newsfuse.nlp.common_words import common_words
from newsfuse.nlp.gazetteer import Entry, Gazetteer
from newsfuse.nlp.names import name_key
from newsfuse.records import Place

_HOME_CITY = 100_000  # a town big enough for sites to be named after it

# learned from the gva_incidents dev half (evaluation/outlet_areas.py, evaluation/outlet_towns.py)
AREAS_TABLE = Path(__file__).parent / "data" / "outlet_areas.tsv"
TOWNS_TABLE = Path(__file__).parent / "data" / "outlet_towns.tsv"
_HOST = re.compile(r"https?:/{1,2}([^/:?#\s]+)", re.IGNORECASE)


@functools.cache
def _home_cities(gaz: Gazetteer) -> tuple[tuple[str, tuple[str, str]], ...]:
    """(letters of the name, (country, admin-1)) of towns of 100,000 or more, longest names first."""
    out = {}
    # the big towns picked from the columns first: building every indexed entry cost a second per process
    column = dict(zip(Entry.__slots__, gaz.columns, strict=False))
    big = {i for i, (feature, population, admin1) in enumerate(zip(column["feature"], column["population"],
                                                                   column["admin1"], strict=True))
           if feature == "city" and population >= _HOME_CITY and admin1}
    for key, hits in gaz.index.items():
        if len(key) < 5 or not key.isalpha():
            continue
        for n in hits:
            if n > 0 and n - 1 in big:
                e = gaz.entry(n - 1)
                if e.feature == "city" and e.population >= _HOME_CITY and e.admin1 and len(key) >= 5 and key.isalpha():
                    if key not in out or e.population > out[key][1]:
                        out[key] = ((e.country, e.admin1), e.population)
    return tuple(sorted(((k, v[0]) for k, v in out.items()), key=lambda kv: -len(kv[0])))


def outlet_host(url: str | None) -> str | None:
    """The outlet's host in an address: the last one of an archive address (the original site's)."""
    hosts = _HOST.findall(url or "")
    return hosts[-1].lower().removeprefix("www.") if hosts else None


@functools.cache
def _area_rows() -> dict[str, tuple[tuple[str, str], int, float]]:
    """Host -> ((country, admin-1 code), dev reports, share of them in that area): outlets' home areas learned
    from dev data (evaluation/outlet_areas.py)."""
    out = {}
    for line in learned_file(AREAS_TABLE).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            host, country, admin1, reports, share = line.split("\t")[:5]
            out[host] = ((country, admin1), int(reports), float(share))
    return out


@functools.cache
def _learned_areas() -> dict[str, tuple[str, str]]:
    """Host -> (country, admin-1 code): outlets' home areas learned from dev data."""
    return {host: area for host, (area, _, _) in _area_rows().items()}


@functools.cache
def _sure_areas(min_reports: int = 3, min_share: float = 0.6) -> dict[str, tuple[str, str]]:
    """The learned home areas of hosts with at least ``min_reports`` dev reports, ``min_share`` of them there."""
    return {host: area for host, (area, reports, share) in _area_rows().items()
            if reports >= min_reports and share >= min_share}


def forget_learned_tables() -> None:
    """Drop the learned outlet tables read so far, so that the next lookup reads ``$NEWSFUSE_LEARNED``'s again."""
    for cached in (_area_rows, _learned_areas, _sure_areas, _learned_towns):
        cached.cache_clear()


# an outlet's web address written in a text ("Stay with Channel 4 and WSMV.com for updates")
_ADDRESS = re.compile(r"(?<![\w.@/-])((?:[a-z0-9-]+\.)+(?:com|net|tv))(?![\w-])", re.I)


def credited_outlet(text: str, own: str | None) -> tuple[str, tuple[str, str]] | None:
    """Another outlet a text names by its address, when every such outlet of a surely learned home lies in
    one area: (its host, that area). A sister station's story carried whole keeps its credit line ("Stay with
    Channel 4 and WSMV.com for updates" on a Birmingham station's page of a Nashville shooting), and is about
    that station's area, not the carrier's."""
    sure = _sure_areas()
    found = {}
    for m in _ADDRESS.finditer(text):
        host = m.group(1).lower().removeprefix("www.")
        if own and (host == own or own.endswith("." + host) or host.endswith("." + own)):
            continue
        if host in sure:
            found[host] = sure[host]
    if not found:
        return _credited_station(text, own, sure)
    return next(iter(found.items())) if len(set(found.values())) == 1 else None


# a station's call letters credited in a story's dateline ("(WMC) - On Saturday ...", "NASHVILLE, Tenn. (WKRN) -"):
# US stations' letters start with K or W, a channel may follow ("WUSA9", "KRON-TV")
_CALL_LETTERS = re.compile(r"\(([KW][A-Z]{2,3})(?:[-/ ]?(?:TV|DT|\d{1,2}))?\)")
_DATELINE_CHARS = 200


def _credited_station(text: str, own: str | None, sure: dict[str, tuple[str, str]]
                      ) -> tuple[str, tuple[str, str]] | None:
    """The station whose call letters the story's dateline credits, when it is not the page's own and the hosts of a
    surely learned home starting with those letters ("wmcactionnews5.com") lie in one area: a sister station's story
    carried whole ("(WMC) - ..." on an Albany, Georgia station's page of a Memphis shooting)."""
    found = _CALL_LETTERS.search(text, 0, _DATELINE_CHARS)
    if found is None:
        return None
    call = found.group(1).lower()
    if own and own.split(".")[0].startswith(call):
        return None
    hosts = {host: area for host, area in sure.items() if host.split(".")[0].startswith(call)}
    return next(iter(hosts.items())) if len(set(hosts.values())) == 1 else None


def home_area(url: str | None, gaz: Gazetteer, learned: bool = True, named: bool = True,
              country: str | None = None) -> tuple[str, str] | None:
    """The admin-1 area of an outlet's home: local news mostly reports its own area. Learned for the
    hosts of the dev data (``learned``), else (``named``) a big town the site names in its host
    ("fox10phoenix.com", "chicago.suntimes.com", "nbcmiami.com"), in ``country`` when the run has one (a US
    run's "foxcarolina.com" names the Carolinas, not Carolina, Puerto Rico). The last host of an archive
    address is the original site's."""
    host = outlet_host(url)
    if host is None:
        return None
    if learned:
        table = _learned_areas()
        labels = host.split(".")
        for i in range(len(labels) - 1):  # "homicides.suntimes.com" falls back to "suntimes.com"
            if (area := table.get(".".join(labels[i:]))) is not None:
                return area
    area = named_area(host, gaz) if named else None
    return area if area is None or country is None or area[0] == country else None


class HomeTown(NamedTuple):
    """An outlet's home town learned from dev data, and how sure: the host's dev incidents, and the share
    of them within 40 km of the town."""

    place: Place
    incidents: int
    share: float


@functools.cache
def _learned_towns() -> dict[str, HomeTown]:
    """Host -> its home town, learned from dev data (evaluation/outlet_towns.py), as an area (precision
    "region", ACLED's geo_precision 3): where the outlet's incidents mostly lie, not where one did."""
    path = learned_file(TOWNS_TABLE)
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            host, geonameid, name, country, admin1, admin2, lat, lon, incidents, share = line.split("\t")[:10]
            out[host] = HomeTown(Place(name, float(lat), float(lon), country, int(geonameid), admin1, "city", "region",
                                       admin2 or None, 3), int(incidents), float(share))
    return out


def learned_town(url: str | None, min_incidents: int = 1, min_share: float = 0.0) -> Place | None:
    """The home town learned for the outlet's host (or the site it is a part of), None for an unknown host
    or one learned from fewer than ``min_incidents`` incidents, less than ``min_share`` of them near it."""
    host = outlet_host(url)
    return None if host is None else host_learned_town(host, min_incidents, min_share)


def host_learned_town(host: str, min_incidents: int = 1, min_share: float = 0.0) -> Place | None:
    """``learned_town`` of a host."""
    table = _learned_towns()
    labels = host.split(".")
    for i in range(len(labels) - 1):  # "homicides.suntimes.com" falls back to "suntimes.com"
        if (town := table.get(".".join(labels[i:]))) is not None:
            return town.place if town.incidents >= min_incidents and town.share >= min_share else None
    return None


def named_area(host: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The admin-1 area of the biggest town of a name the host is made of ("fox10phoenix.com")."""
    named = _host_named(host, gaz)
    return named[1] if named else None


# the endings of US sites' hosts: a ".ge" site's "georgia" is the country, a ".de" site's "/georgia/" section too
US_SITE_ENDINGS = frozenset({"com", "org", "net", "us", "gov", "edu", "tv", "info", "news"})


def _us_site(host: str) -> bool:
    return host.rsplit(".", 1)[-1] in US_SITE_ENDINGS


def host_state(host: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The US state whose whole name a part of a US site's host holds, the longest of several ("arkansas", not
    "kansas"), when it names no big town ("washingtonpost.com", "kansascity.com" name towns)."""
    if not _us_site(host) or _host_named(host, gaz) is not None:
        return None
    states = _state_letters(gaz)
    for label in host.split(".")[:-1]:
        letters = re.sub(r"[^a-z]", "", label)
        found = [key for key in states if key in letters]
        if found:
            return "US", states[max(found, key=len)]
    return None


_PATH_SEGMENTS = 3  # "/georgia/decatur/child-injured": a section's state comes first, a story's words later


def path_state(url: str | None, gaz: Gazetteer) -> tuple[str, str] | None:
    """The US state a section of the page's address names in whole ("patch.com/georgia/decatur/...",
    "nydailynews.com/new-york/..."): a site of many towns files each story under its state. A name that is
    also a big town's ("/washington/") may be the town's section, and says nothing."""
    hosts = list(_HOST.finditer(url or ""))  # the last: the original site's in an archive's address
    if not hosts or not _us_site(hosts[-1].group(1).lower()):
        return None
    path = re.split(r"[?#]", url[hosts[-1].end():], maxsplit=1)[0]  # after the host (and its port, ":80/...")
    states, towns = _state_letters(gaz), _home_city_ranks(gaz)
    for segment in path.lower().split("/")[1:1 + _PATH_SEGMENTS]:
        letters = re.sub(r"[^a-z]", "", segment)
        if (code := states.get(letters)) is not None and name_key(letters) not in towns:
            return "US", code
    return None


@functools.cache
def _state_letters(gaz: Gazetteer) -> dict[str, str]:
    """The letters of each US state's name ("newjersey") -> its code."""
    return {re.sub(r"[^a-z]", "", e.name.lower()): code for code, e in gaz.us_states().items()}


def host_town(url: str | None, gaz: Gazetteer) -> Place | None:
    """The town an outlet's host is named after ("chicagotribune.com": Chicago, Illinois), the biggest of
    its name (100,000 or more), as a place of the outlet's home area: precision "region", ACLED's
    geo_precision 3. None when the host names no such town or the outlet's learned home is another area."""
    host = outlet_host(url)
    named = _host_named(host, gaz) if host else None
    if named is None or home_area(url, gaz, named=False) not in (None, named[1]):
        return None
    key, area = named
    towns = [e for e, p in gaz.lookup(key) if p and e.feature == "city" and (e.country, e.admin1) == area]
    if not towns:
        return None
    e = max(towns, key=lambda e: e.population)
    return Place(e.name, e.lat, e.lon, e.country, e.geonameid, e.admin1_name, "city", "region", e.admin2_name, 3)


def _host_named(host: str, gaz: Gazetteer) -> tuple[str, tuple[str, str]] | None:
    """(name key, admin-1 area) of the biggest town of a name the host is made of."""
    common = common_words()
    ranked = _home_city_ranks(gaz)
    for label in host.split(".")[:-1]:
        letters = name_key(re.sub(r"[^a-z]", "", label))  # keyed as the names are ("jacksonvile")
        # the name opens or closes a part of the host ("nbcmiami", "chicagotribune"), never sits
        # inside a word ("trentonian" is no Renton), and is no everyday word ("enterprise");
        # of several, the first in _home_cities' order (longest name first)
        ends = {letters[:k] for k in range(1, len(letters) + 1)} | {letters[k:] for k in range(len(letters))}
        found = [(*ranked[key], key) for key in ends if key in ranked and key not in common]
        if found:
            _, area, key = min(found)
            return key, area
    return None


@functools.cache
def _home_city_ranks(gaz: Gazetteer) -> dict[str, tuple[int, tuple[str, str]]]:
    # by name: a host is looked up by its own prefixes and suffixes, not by scanning every big town
    return {key: (rank, area) for rank, (key, area) in enumerate(_home_cities(gaz))}
