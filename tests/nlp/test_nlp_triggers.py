"""Which sentences are parsed: those that can carry an event, or date one beside event vocabulary."""

from __future__ import annotations

from newsfuse.nlp.triggers import has_rule_word, is_candidate


def test_a_sentence_with_a_word_an_event_rule_fires_on_is_parsed():
    assert has_rule_word("Police said the man was shot twice.")
    assert is_candidate("Police said the man was shot twice.")


def test_event_vocabulary_no_rule_fires_on_is_not_parsed():
    # "victim" and "unrest" are the vocabulary of violence, but no event rule is triggered by them
    assert not is_candidate("The victim's family gathered at the church.")
    assert not is_candidate("The mayor spoke about the unrest.")


def test_such_a_sentence_is_parsed_when_it_holds_a_date_a_neighbouring_event_may_take():
    assert is_candidate("The victim's family gathered at the church.", dated=True)


def test_a_dated_sentence_without_event_vocabulary_is_still_not_parsed():
    assert not is_candidate("The council met on Monday to discuss the budget.", dated=True)
