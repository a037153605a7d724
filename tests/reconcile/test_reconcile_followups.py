from dataclasses import replace

from newsfuse.records import Document
from newsfuse.reconcile.followups import follow_up_reports, tells_follow_up
from tests.reconcile.border_case import mention


def test_arrests_charges_courts_and_funerals_are_follow_ups_in_any_inflection():
    for text in ("Man arrested in fatal Dayton shooting", "Suspect extradited from Mexico", "Teen charged with murder", "Gunman pleads guilty",
                 "Shooter sentenced to 40 years", "Hundreds attend funeral of slain teen"):
        assert tells_follow_up(text), text


def test_a_new_shooting_or_a_word_merely_starting_like_a_follow_up_is_not_one():
    for text in ("Three shot outside Dayton nightclub", "Photo courtesy of the family", "Chargers fans celebrate", ""):
        assert not tells_follow_up(text), text


def test_a_report_is_a_follow_up_by_its_headline_or_its_main_events_sentence():
    by_title = mention("a", 0, "A man was shot on Friday.")
    by_sentence = mention("b", 0, "The man charged in the shooting appeared in court.")
    plain = mention("c", 0, "A man was shot on Friday.")
    attached = mention("d", 0, "He was later arrested.")
    docs = {"a": Document("a", "a.txt", "...", title="Suspect arrested in Friday shooting"),
            "c": Document("c", "c.txt", "...", title="Man shot on Friday"),
            "d": Document("d", "d.txt", "...", title="Man shot on Friday")}
    mains = [replace(m, main=m.id) for m in (by_title, by_sentence, plain)]
    side = replace(attached, main="x:0:0")  # a sentence attached to another mention: not a report's main event
    assert follow_up_reports([*mains, side], docs) == frozenset({"a", "b"})
