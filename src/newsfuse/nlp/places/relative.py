"""A town written as a reference point ("near X", "20 km north of X"): ACLED geo_precision 2, and
for a distance and bearing the point that far from the town."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from newsfuse.records import Place, Span

_BEARINGS = {"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
             "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315}
_OF_TOWN = r"(?:the\s+(?:town|city|village|district|area)\s+of\s+)?"


# "20 km north of Mosul", "12 miles south-east of Bamako" (the place is that far from the town)
_DISTANCE = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)\s*[- ]?(?P<unit>km|kilometres?|kilometers?|miles?|mi)\s+"
                       r"(?:to\s+the\s+)?(?P<dir>%s)\s+of\s+%s$" % ("|".join(_BEARINGS), _OF_TOWN), re.IGNORECASE)


# "near Mosul", "outside Gao", "on the outskirts of Kidal", "north of Baghdad": somewhere around the town
_AROUND = re.compile(r"\b(?:near|nearby|outside|close\s+to|(?:on\s+)?the\s+outskirts\s+of|outskirts\s+of|"
                     r"just\s+(?:outside|north\s+of|south\s+of|east\s+of|west\s+of)|(?:%s)\s+of|"
                     r"(?:in\s+)?the\s+vicinity\s+of)\s+%s$" % ("|".join(_BEARINGS), _OF_TOWN), re.IGNORECASE)


def relative_place(text: str, span: Span, place: Place) -> Place:
    """A town written as a reference point: ACLED's geo_precision 2 ("near X", "N km north of X"), and
    for a distance and bearing the point that far from the town (great-circle destination)."""
    if place.geo_precision != 1:
        return place
    before = text[max(0, span[0] - 60):span[0]]
    if m := _DISTANCE.search(before):
        km = float(m.group("n").replace(",", "."))
        km *= 1.609344 if m.group("unit").lower().startswith("mi") else 1.0
        lat, lon = _destination(place.lat, place.lon, _BEARINGS[m.group("dir").lower()], km)
        return replace(place, lat=lat, lon=lon, geo_precision=2)
    if _AROUND.search(before):
        return replace(place, geo_precision=2)
    return place


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on the given compass bearing (spherical earth)."""
    d, b = km / 6371.0, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)
