from newsfuse.clean.dates import dateline_only, find_date, leading_dateline


def test_posted_line_with_dotted_month_gives_minute_precision():
    found = dateline_only("Posted March. 04, 2015 09:12,")
    assert found is not None
    assert (found.iso, found.precision) == ("2015-03-04T09:12", "minute")


def test_leading_dateline_is_cut_from_the_story():
    text = "04 March 2015, 09:12 -- Gunmen attacked a checkpoint near Tikrit."
    found, cut = leading_dateline(text)
    assert found.iso == "2015-03-04T09:12"
    assert text[cut:].startswith("Gunmen attacked")


def test_compact_archive_date_is_read_with_day_precision():
    found = find_date("[Source: Desert Dispatch, 03Feb15]")
    assert (found.iso, found.precision) == ("2015-02-03", "day")


def test_line_with_words_besides_the_date_is_not_a_dateline():
    assert dateline_only("Fighting resumed on March 4, 2015 near the dam") is None
