"""Two places in different countries, beyond a misreading: events there are two events.

Two reports of one story can give their main events any two places: a suspect's home town, a
county seat, a namesake the gazetteer picked. But a drone strike in Syria and a town taken in Mali
are two events however the stories and days agree (a roundup clustered with one of its reports).
The gazetteer misreads namesakes ("Paris" of Texas read as France's), so two places are told apart
only when neither's written name can be read as a place of the other's country.
"""

from __future__ import annotations

import functools

from newsfuse.records import Mention

__all__ = ["other_countries"]


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


def _names(m: Mention) -> frozenset[str]:
    assert m.place is not None
    return frozenset(n.lower() for n in (m.place.name, m.place_text) if n)


def _readable_in(names: frozenset[str], country: str, cache_dir: str | None) -> bool:
    return any(country in _countries_of(n, cache_dir) for n in names)


@functools.lru_cache(maxsize=4096)
def _countries_of(name: str, cache_dir: str | None) -> frozenset[str]:
    """The countries the gazetteer knows a place of this name in (loaded on the first pair of
    countries only: a corpus of one country never pays for it)."""
    from newsfuse.nlp import gazetteer
    from newsfuse.nlp.names import name_key

    return frozenset(e.country for e, _ in gazetteer.load(cache_dir).lookup(name_key(name)))

