from newsfuse.nlp.dates import find_dates
from newsfuse.records import PublishedDate

SATURDAY = PublishedDate("2014-06-21", "day", "test")


def _values(text, published=SATURDAY):
    return {d.text: (d.value.date, d.value.precision) for d in find_dates(text, published)}


def test_weekday_resolves_to_the_last_such_day_before_the_report():
    found = _values("Gunmen entered the market in Tal Afar on Friday, police said.")
    assert found == {"on Friday": ("2014-06-20", "day")}


def test_weekday_with_part_of_day_still_resolves():
    assert _values("Shelling began on Friday evening near Samarra.")["on Friday evening"] == ("2014-06-20", "day")


def test_report_day_weekday_means_the_same_day():
    assert _values("Officials said on Saturday that the road was closed.")["on Saturday"] == ("2014-06-21", "day")


def test_yesterday_and_last_week_are_relative_to_the_report():
    found = _values("The town fell yesterday after fighting that began last week.")
    assert found["yesterday"] == ("2014-06-20", "day")
    assert found["last week"] == ("2014-06-09", "week")


def test_absolute_day_without_year_takes_the_report_year():
    found = find_dates("The convoy left Ramadi on June 17.", SATURDAY)
    assert [(d.value.date, d.value.precision) for d in found] == [("2014-06-17", "day")]
    assert "year from published" in found[0].value.resolution


def test_month_and_year_give_month_precision():
    assert _values("Protests began in April 2013 in the square.")["April 2013"] == ("2013-04", "month")


def test_last_year_gives_year_precision():
    assert _values("The bridge was destroyed last year.")["last year"] == ("2013", "year")


def test_without_a_published_date_relative_dates_are_skipped_but_absolute_kept():
    found = _values("On Friday the council met; on 3 March 2012 it had voted.", None)
    assert found == {"3 March 2012": ("2012-03-03", "day")}


def test_resolution_says_how_the_date_was_found():
    (d,) = find_dates("The checkpoint was attacked on Friday.", SATURDAY)
    assert d.value.resolution == "relative weekday to published 2014-06-21"


def test_a_bare_weekday_naming_the_day_after_the_report_is_that_next_day():
    # a Saturday report: "on Sunday" is tomorrow, not six days back; "last Sunday" is still back
    found = _values("The man will appear in court on Sunday. He was arrested last Sunday.")
    assert found["on Sunday"] == ("2014-06-22", "day")
    assert found["last Sunday"] == ("2014-06-15", "day")


def test_a_dateline_day_dates_the_report_on_a_page_published_later():
    crawled = PublishedDate("2017-01-05", "day", "test")
    found = _values("MACON, GA (March 7, 2015) - Two men were shot early Saturday outside a bar.", crawled)
    assert found["early Saturday"] == ("2015-03-07", "day")
    assert _values("Two men were shot early Saturday outside a bar.", crawled)["early Saturday"] == ("2016-12-31", "day")


def test_a_weekday_naming_the_date_after_it_is_that_date_not_a_second_day():
    # published Saturday 2014-06-21: "Monday" alone would be 2014-06-16, but the date it names is two weeks back
    found = _values("Two men were shot on Monday, June 2, outside a bar in Dayton.")
    assert found == {"on Monday, June 2": ("2014-06-02", "day")}


def test_a_numeric_date_is_read_month_first_unless_the_first_number_cannot_be_a_month():
    found = _values("The shooting was reported to deputies on 6/19/14 at about 8:50 p.m. and filed on 20/6/2014.")
    assert found["6/19/14"] == ("2014-06-19", "day") and found["20/6/2014"] == ("2014-06-20", "day")
    assert "3/4" not in " ".join(_values("About 3/4 of the residents left in 2014/15.").keys())


def test_weeks_ago_is_the_day_that_many_whole_weeks_before_the_report():
    found = _values("The man was shot two weeks ago outside a bar in Dayton.")
    assert found["two weeks ago"] == ("2014-06-07", "day")


def test_over_the_weekend_is_the_saturday_of_the_weekend_before_the_report():
    monday = PublishedDate("2014-06-23", "day", "test")
    assert _values("Two men were shot over the weekend in Dayton.", monday)["over the weekend"] == ("2014-06-21", "day")
    # in a weekend's own report "last weekend" is the one before it; "this weekend" on a Thursday is a plan
    assert _values("A man was shot last weekend in Dayton.")["last weekend"] == ("2014-06-14", "day")
    thursday = PublishedDate("2014-06-19", "day", "test")
    assert "this weekend" not in _values("Police will add patrols this weekend in Dayton.", thursday)
