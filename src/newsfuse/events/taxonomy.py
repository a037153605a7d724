"""The ACLED event taxonomy as data: event type -> its sub-event types (exact ACLED names).

Kept as data so the trigger rules, the evaluation mappings and the report all
read one list, and a typo in a rule's sub-type fails at import (see rules.py).
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: (
        "Violent demonstration",
        "Mob violence",
    ),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# sub-event type -> event type; every sub-type name is unique across types in ACLED
EVENT_TYPE_OF: dict[str, str] = {sub: typ for typ, subs in TAXONOMY.items() for sub in subs}

# violent sub-types: the ones whose fatalities ACLED counts and the ones a
# "killed" figure can belong to
VIOLENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, RIOTS})


def event_type(sub_type: str) -> str:
    """The ACLED event type of a sub-event type; KeyError names the unknown sub-type."""
    try:
        return EVENT_TYPE_OF[sub_type]
    except KeyError:
        raise KeyError(f"not an ACLED sub-event type: {sub_type!r}") from None
