from dataclasses import replace

from newsfuse.records import DateValue
from newsfuse.reconcile.merge import group_mentions
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.victims import victim_ages
from tests.reconcile.border_case import CLASH, mention

S = ReconcileSettings()
STORY, ORDER = {"a": "s", "b": "s"}, {"a": 0, "b": 1}


def _report_main(doc: str, sentence: str, day: str, published: str):
    told = DateValue(day, "day", f"relative weekday to published {published}; the day the report gives its incident")
    m = mention(doc, 0, sentence, type_=CLASH, date=told)
    return replace(m, main=m.id)


BOY = _report_main("a", "A 16-year-old boy was shot late Saturday on the north side of Milwaukee.",
                   "2017-03-25", "2017-03-26")
CHILD = _report_main("b", "Police said a 4-year-old boy was shot in his home on the north side of Milwaukee.",
                     "2017-04-02", "2017-04-03")


def test_two_reports_of_a_story_whose_main_sentences_give_other_victims_ages_are_two_incidents():
    assert len(group_mentions([BOY, CHILD], STORY, ORDER, S)) == 2


def test_reports_giving_no_age_or_the_same_age_or_a_follow_up_stay_one_incident():
    no_age = replace(CHILD, sentence="Police said a boy was shot in his home on the north side of Milwaukee.")
    assert len(group_mentions([BOY, no_age], STORY, ORDER, S)) == 1
    same_age = replace(CHILD, sentence="The 16-year-old shot on the north side has died, police said.")
    assert len(group_mentions([BOY, same_age], STORY, ORDER, S)) == 1
    # a trial or a charge gives the suspect's age, not the victim's
    sentenced = replace(CHILD, sentence="A 19-year-old was sentenced Monday for the north side shooting.")
    assert len(group_mentions([BOY, sentenced], STORY, ORDER, S, follow_ups=frozenset({"b"}))) == 1


def test_a_follow_up_whose_main_sentence_gives_another_victims_age_is_another_incident():
    # "4-year-old accidentally shot, mother arrested": an arrest's report, about another child
    assert len(group_mentions([BOY, CHILD], STORY, ORDER, S, follow_ups=frozenset({"b"}))) == 2
    written = replace(CHILD, sentence="Police are investigating an accidental shooting involving a four-year-old boy.")
    assert len(group_mentions([BOY, written], STORY, ORDER, S, follow_ups=frozenset({"b"}))) == 2


def test_a_sentence_about_the_suspect_gives_no_victims_age():
    assert victim_ages(BOY) == {"age:16"}
    assert victim_ages(replace(CHILD, sentence="Police are searching for an 18-year-old murder suspect.")) == set()
