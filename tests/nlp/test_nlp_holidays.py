"""Holidays named as days: the last one on or before the report's day (nlp/holidays.py through find_dates)."""

from newsfuse.records import PublishedDate
from tests.nlp.test_nlp_dates import _values as _dates

# a Monday three days after Christmas 2015
MONDAY = PublishedDate("2015-12-28", "day", "test")


def _values(text, published=MONDAY):
    return _dates(text, published)


def test_christmas_night_is_the_last_christmas_before_the_report():
    found = _values("Deputies identified the four people wounded in the Christmas night shooting on Pine Street.")
    assert found == {"Christmas night": ("2015-12-25", "day")}


def test_a_holiday_later_in_the_year_than_the_report_is_last_years():
    found = _values("A man was shot outside a bar on the Fourth of July in Tulsa, police said.")
    assert found["Fourth of July"] == ("2015-07-04", "day")
    found = _values("Two men were wounded in Macon on New Year's Eve.", PublishedDate("2016-01-02", "day", "test"))
    assert found["New Year's Eve"] == ("2015-12-31", "day")


def test_floating_holidays_fall_on_their_weekday_of_that_year():
    found = _values("A teenager was shot Thanksgiving morning in Akron; a woman was hurt on Easter Sunday in Gary.")
    assert found["Thanksgiving morning"] == ("2015-11-26", "day")
    assert found["Easter Sunday"] == ("2015-04-05", "day")
    assert _values("Three people were shot on Memorial Day in Flint.")["Memorial Day"] == ("2015-05-25", "day")


def test_a_bare_holiday_or_its_weekend_names_no_day_but_on_the_holiday_does():
    assert _values("Neighbours had put up Christmas lights along Oak Street.") == {}
    assert _values("Police reported a quiet Labor Day weekend in Dayton.") == {}
    assert _values("The boy was shot on Christmas in Toledo.") == {"Christmas": ("2015-12-25", "day")}


def test_days_counted_from_a_holiday_name_the_day_counted_even_from_a_bare_name():
    # a January report: the Thanksgiving counted from is last year's
    january = PublishedDate("2017-01-25", "day", "test")
    found = _values("The shooting happened about 3:30 a.m., two days after Thanksgiving.", january)
    assert found == {"two days after Thanksgiving": ("2016-11-26", "day")}
    assert _values("He was shot the day before Christmas Eve.")["the day before Christmas Eve"] == ("2015-12-23", "day")
    assert _values("Classes resumed three days after Christmas break.") == {}
