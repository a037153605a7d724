"""Place identity and distance."""

from __future__ import annotations

import math

from newsfuse.records import Place

PRECISION_RANK = {"point": 2, "region": 1, "country": 0}


def km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine; a one-liner, no library needed)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def same_place(a: Place, b: Place) -> bool:
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return a.name.lower() == b.name.lower() and a.country == b.country


def contains(outer: Place, inner: Place) -> bool:
    """A country or region holds a point when the point's country (and admin1) match."""
    if outer.precision == "country":
        return outer.country is not None and outer.country == inner.country
    if outer.precision == "region" and inner.precision == "point":
        return outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1
    return False


def place_label(place: Place) -> str:
    return f"{place.name}, {place.country}" if place.country else place.name
