"""Which documents are match reports (invented texts)."""

from newsfuse.events.classify import type_sentence
from newsfuse.events.context import spaceflight_report, sports_report
from newsfuse.events.tree import Tree

MATCH = ("Tusker beat Bandari 2-1 in the league on Sunday. The striker equalised before half-time "
         "and the goalkeeper saved a penalty in stoppage-time.")
STRIKE = ("A drone strike hit a car near Raqqa, killing two men. The monitor said the goal of the "
          "strike was unclear; no group has claimed it since the attack on 4 March.")


def test_a_match_report_with_a_scoreline_and_football_words_is_sports():
    assert sports_report(MATCH)


def test_a_conflict_report_using_one_sports_word_is_not_sports():
    assert not sports_report(STRIKE)


def test_a_page_naming_orbit_payload_and_satellites_is_about_spaceflight():
    assert spaceflight_report("The payload reached orbit on Tuesday; the satellite deployed its panels.")
    assert not spaceflight_report("Rebels fired rockets at the base overnight, killing two soldiers.")


def test_on_a_spaceflight_page_a_rocket_sentence_with_no_space_word_is_no_shelling(annotated):
    _, ann = annotated("Two rockets struck the coast on Tuesday afternoon.")
    tree = Tree(ann.sentences[0].tokens)
    assert type_sentence(tree, ann.actors)[0] is not None
    assert type_sentence(tree, ann.actors, space=True)[0] is None
