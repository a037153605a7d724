"""Place identity and distance."""

from __future__ import annotations

from newsfuse.records import Place, km, same_place

__all__ = ["PRECISION_RANK", "contains", "km", "place_label", "same_place"]

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
