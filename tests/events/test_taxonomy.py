from newsfuse.events.rules import RULES
from newsfuse.events.taxonomy import EVENT_TYPE_OF, TAXONOMY, event_type

import pytest


def test_taxonomy_has_the_six_acled_event_types_and_twenty_five_sub_types():
    assert len(TAXONOMY) == 6
    assert len(EVENT_TYPE_OF) == 25


def test_sub_type_names_its_acled_event_type():
    assert event_type("Non-state actor overtakes territory") == "Battles"
    assert event_type("Remote explosive/landmine/IED") == "Explosions/Remote violence"
    assert event_type("Excessive force against protesters") == "Protests"


def test_unknown_sub_type_is_an_error_naming_it():
    with pytest.raises(KeyError, match="Firefight"):
        event_type("Firefight")


def test_every_rule_types_to_an_acled_sub_type_and_rule_names_are_unique():
    assert all(r.sub_type in EVENT_TYPE_OF for r in RULES)
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
