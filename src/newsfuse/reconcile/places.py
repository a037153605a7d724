"""Place identity and distance."""

from __future__ import annotations

import functools

from newsfuse.records import Place, km, same_place

__all__ = ["PRECISION_RANK", "big_city", "contains", "km", "place_label", "same_place"]

PRECISION_RANK = {"point": 2, "region": 1, "country": 0}


def contains(outer: Place, inner: Place) -> bool:
    """A country or region holds a point when the point's country (and admin1) match."""
    if outer.precision == "country":
        return outer.country is not None and outer.country == inner.country
    if outer.precision == "region" and inner.precision == "point":
        return outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1
    return False


def place_label(place: Place) -> str:
    return f"{place.name}, {place.country}" if place.country else place.name


def big_city(place: Place, min_population: int, cache_dir: str | None = None) -> bool:
    """A gazetteer town of ``min_population`` people or more."""
    return place.geonameid is not None and _population(place.name, place.geonameid, cache_dir) >= min_population


@functools.lru_cache(maxsize=4096)
def _population(name: str, geonameid: int, cache_dir: str | None) -> int:
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.names import name_key

    return max((e.population for e, _ in gazetteer.load(cache_dir).lookup(name_key(name)) if e.geonameid == geonameid),
               default=0)
