from newsfuse.nlp.numbers import parse_number


def test_digits_with_thousands_separators_are_read():
    assert parse_number("1,200") == 1200


def test_numbers_in_words_are_read():
    assert parse_number("seventeen") == 17
    assert parse_number("seventy-five") == 75
    assert parse_number("two hundred") == 200
    assert parse_number("three thousand five hundred") == 3500


def test_a_non_number_gives_none():
    assert parse_number("several") is None
