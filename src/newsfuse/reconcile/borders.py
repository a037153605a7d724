"""Two places in different countries, beyond a misreading: events there are two events.

Two reports of one story can give their main events any two places: a suspect's home town, a
county seat, a namesake the gazetteer picked. But a drone strike in Syria and a town taken in Mali
are two events however the stories and days agree (a roundup clustered with one of its reports).
The gazetteer misreads namesakes ("Paris" of Texas read as France's), so two places are told apart
only when neither's written name can be read as a place of the other's country.
"""

from __future__ import annotations

import functools

from newsfuse.records import Mention, km

__all__ = ["far_states", "other_countries"]


def other_countries(a: Mention, b: Mention, cache_dir: str | None = None) -> bool:
    """Both mentions placed at a town or a province, in two countries, and neither place's name (as
    written or as the gazetteer names it) a place of the other's country."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or not pa.country or not pb.country or pa.country == pb.country:
        return False
    # a country's name or an adjective ("Jordan", "Syrian") is often a person's or a thing's
    if pa.precision == "country" or pb.precision == "country":
        return False
    if _names(a) & _names(b):
        return False
    return not (_readable_in(_names(a), pb.country, cache_dir) or _readable_in(_names(b), pa.country, cache_dir))


def far_states(a: Mention, b: Mention, apart_km: float, cache_dir: str | None = None) -> bool:
    """Both mentions placed at towns of two states of one country more than ``apart_km`` apart, and neither
    town's name one the gazetteer knows in the other's state: a story's report mains so placed tell two
    incidents (a police officer shot in Milwaukee and those shot in Baton Rouge the same morning), where a
    suspect's home town or a county seat lies near, and a namesake misread has a town of its name there."""
    pa, pb = a.place, b.place
    if apart_km <= 0 or pa is None or pb is None or pa.precision != "point" or pb.precision != "point":
        return False
    if not pa.country or pa.country != pb.country or not pa.admin1 or not pb.admin1 or pa.admin1 == pb.admin1:
        return False
    if km(pa, pb) <= apart_km or _names(a) & _names(b):
        return False
    return not (any((pb.country, pb.admin1) in _areas_of(n, cache_dir) for n in _names(a))
                or any((pa.country, pa.admin1) in _areas_of(n, cache_dir) for n in _names(b)))


def _names(m: Mention) -> frozenset[str]:
    assert m.place is not None
    return frozenset(n.lower() for n in (m.place.name, m.place_text) if n)


def _readable_in(names: frozenset[str], country: str, cache_dir: str | None) -> bool:
    return any(country == c for n in names for c, _ in _areas_of(n, cache_dir))


@functools.lru_cache(maxsize=4096)
def _areas_of(name: str, cache_dir: str | None) -> frozenset[tuple[str, str | None]]:
    """The (country, admin-1 name) of every place of this name the gazetteer knows (loaded on the first pair
    of far places only: a corpus whose reports agree never pays for it)."""
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.names import name_key

    return frozenset((e.country, e.admin1_name) for e, _ in gazetteer.load(cache_dir).lookup(name_key(name)))


