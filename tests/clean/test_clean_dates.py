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


def test_common_date_lines_of_real_pages_are_read():
    from newsfuse.clean.dates import find_date

    assert find_date("Published: 03/03/2025 - 17:42").iso == "2025-03-03T17:42"
    assert find_date("Mopti Voice | 5 March 2025").iso == "2025-03-05"
    assert find_date("Senegal Observer, March 3, 2025").iso == "2025-03-03"
    assert find_date("Veröffentlicht am 10. Februar 2019").iso == "2019-02-10"
    assert find_date("Par Awa Diallo | 30 septembre 2018").iso == "2018-09-30"
    assert find_date("miércoles, 11 de mayo de 2022").iso == "2022-05-11"
    assert find_date("20.06.2019 11:43").iso == "2019-06-20T11:43"


def test_slashed_dates_follow_the_order_the_page_shows():
    from newsfuse.clean.dates import find_date, slash_order

    assert slash_order("Updated 23/10/2020 and 11/11/2021") is True
    assert slash_order("Posted 10/23/2020") is False
    assert find_date("Publié le 04/05/2022", day_first=True).iso == "2022-05-04"
    assert find_date("Posted 04/05/2022").iso == "2022-04-05"


def test_page_text_without_a_dateline_takes_the_date_line_above_the_story():
    from newsfuse.clean import CleanSettings
    from newsfuse.clean.text import clean_page_text

    page = "\n".join([
        "MOPTI VOICE",
        "Home | Politics | Sport",
        "Herders and farmers meet in Sévaré after the clashes",
        "Mopti Voice | 5 March 2025",
        "Representatives of herders and farmers met in Sévaré on Tuesday to agree on the routes the herds "
        "will take this season, after clashes last month left several villages without their harvest and "
        "many families without the animals they had kept through the dry months of the year before.",
        "The meeting was called by the regional council, which said it would publish the routes on Friday.",
        "Comments",
        "Amadou, 7 March 2025: about time.",
    ])
    found = clean_page_text(page, CleanSettings())
    assert found.published.date == "2025-03-05" and found.published.origin == "text:page"
