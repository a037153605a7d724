"""Which documents are match reports (invented texts)."""

from newsfuse.events.context import sports_report

MATCH = ("Tusker beat Bandari 2-1 in the league on Sunday. The striker equalised before half-time "
         "and the goalkeeper saved a penalty in stoppage-time.")
STRIKE = ("A drone strike hit a car near Raqqa, killing two men. The monitor said the goal of the "
          "strike was unclear; no group has claimed it since the attack on 4 March.")


def test_a_match_report_with_a_scoreline_and_football_words_is_sports():
    assert sports_report(MATCH)


def test_a_conflict_report_using_one_sports_word_is_not_sports():
    assert not sports_report(STRIKE)
