from newsfuse.clean.credits import outlet_from_url, source_line_credits, wire_credits


def names(text: str) -> dict[str, str]:
    return {c.name: c.how for c in wire_credits(text)}


def test_wire_dateline_means_the_text_is_carried():
    assert names("REUTERS - Gunmen stormed a police post in Ramadi.") == {"Reuters": "carried"}
    assert names("BAGHDAD (Reuters) - Gunmen stormed a police post.") == {"Reuters": "carried"}


def test_from_reuters_colon_introduces_carried_paragraphs():
    assert names("Other outlets agree. From Reuters:\n\nGunmen stormed a post.")["Reuters"] == "carried"


def test_told_reuters_credits_reuters():
    assert names("A police colonel told Reuters the road was closed.") == {"Reuters": "credited"}


def test_afp_reports_credits_afp():
    assert names("The town fell overnight, AFP reports.") == {"AFP": "credited"}


def test_associated_press_report_credits_ap():
    assert names("The Associated Press and other sources report that the town fell.") == {"Associated Press": "credited"}


def test_acronym_inside_a_word_is_not_a_wire():
    assert names("GERMANIC tribes and the SANAA road") == {}


def test_source_line_credits_the_publication_not_the_section():
    credits, byline = source_line_credits("[Source: By Jane Doe, Field Notes, The Desert Dispatch, AZ, 03Feb15]")
    assert [c.name for c in credits] == ["The Desert Dispatch"]
    assert byline == "Jane Doe"


def test_source_url_credits_the_known_outlet():
    credits, _ = source_line_credits("Source: http://voiceofrussia.com/news/2015_02_03/some-story/")
    assert credits[0].name == "Voice of Russia"


def test_outlet_from_unknown_host_is_the_host():
    assert outlet_from_url("https://www.example-news.org/a/b") == "example-news.org"


def test_outlet_is_read_from_a_copyright_line_either_way_round():
    from newsfuse.clean.credits import outlet_from_chrome

    assert outlet_from_chrome([("(c) 2015 Desert Dispatch. All rights reserved.", "copyright")]) == "Desert Dispatch"
    assert outlet_from_chrome([("The Tigris Times (c) 2015 - All rights reserved", "copyright")]) == "The Tigris Times"


def test_outlet_is_read_from_an_upper_case_masthead():
    from newsfuse.clean.credits import outlet_from_masthead

    assert outlet_from_masthead("THE TIGRIS TIMES") == "The Tigris Times"
    assert outlet_from_masthead("Floods cut the road") is None


def test_first_appeared_in_credits_the_original_publisher():
    from newsfuse.clean.credits import publisher_credits

    credits = publisher_credits("Rain fell.\n\nThis story first appeared in The Tigris Times and is republished with permission.")
    assert [(c.name, c.kind) for c in credits] == [("The Tigris Times", "publisher")]
    assert credits[0].evidence.startswith("This story first appeared")


def test_capital_letters_a_and_p_inside_words_do_not_make_an_associated_press_credit():
    from newsfuse.clean.credits import wire_credits

    assert wire_credits("JAPAN AND THE MAP OF APRIL: floods hit Osaka, officials said.") == []
    assert [c.name for c in wire_credits("OSAKA, Japan (AP) - Floods hit the city on Monday.")] == ["Associated Press"]
