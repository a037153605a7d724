from datetime import date

from newsfuse.records import DateValue
from newsfuse.reconcile.dates import day_range, gap_days, is_fallback


def test_a_month_covers_all_its_days_and_a_day_only_itself():
    assert day_range(DateValue("2014-02", "month", "absolute")) == (
        date(2014, 2, 1).toordinal(), date(2014, 2, 28).toordinal())
    assert day_range(DateValue("2014-06-20", "day", "absolute")) == (date(2014, 6, 20).toordinal(),) * 2


def test_gap_is_zero_for_overlapping_ranges_and_counts_days_otherwise():
    assert gap_days(DateValue("2014-06", "month", "absolute"), DateValue("2014-06-20", "day", "absolute")) == 0
    assert gap_days(DateValue("2014-06-20", "day", "absolute"), DateValue("2014-06-23", "day", "absolute")) == 3
    assert gap_days(DateValue("not a date", "day", "absolute"), DateValue("2014-06-23", "day", "absolute")) is None


def test_only_a_bare_publication_date_is_a_fallback():
    assert is_fallback(DateValue("2014-06-21", "day", "published date"))
    assert not is_fallback(DateValue("2014-06-20", "day", "relative weekday to published 2014-06-21"))



def test_a_week_read_from_the_text_runs_from_its_monday_and_a_stand_in_week_up_to_publication():
    last_week = DateValue("2014-06-09", "week", "previous week of published 2014-06-21 (Monday)")
    assert day_range(last_week) == (date(2014, 6, 9).toordinal(), date(2014, 6, 15).toordinal())
    stand_in = DateValue("2014-06-21", "week", "published date")
    assert day_range(stand_in) == (date(2014, 6, 15).toordinal(), date(2014, 6, 21).toordinal())
