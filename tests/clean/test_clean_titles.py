from newsfuse.clean.titles import headline, page_headline


def test_site_name_after_a_dash_is_dropped():
    assert headline("Floods cut Basra road - Desert Dispatch", "Desert Dispatch") == "Floods cut Basra road"


def test_everything_after_a_pipe_is_dropped():
    assert headline("Floods cut Basra road | Iraq | News", None) == "Floods cut Basra road"


def test_site_name_from_the_url_host_is_dropped():
    assert headline("Floods cut Basra road - Tigristimes", None, "https://www.tigristimes.com/a") == "Floods cut Basra road"


def test_a_dash_inside_the_headline_stays():
    assert headline("Basra floods - part 2 of our series", "Desert Dispatch") == "Basra floods - part 2 of our series"


def test_the_h1_inside_the_title_is_the_headline_without_decorations():
    title = "Floods cut Basra road › Tigris Notes by Sara"
    assert page_headline(title, ("Tigris Notes", "Floods cut Basra road")) == "Floods cut Basra road"


def test_a_lone_long_h1_beats_a_rewritten_title():
    title = "Basra road closed: what we know"
    assert page_headline(title, ("Floods cut the Basra road for a second day",)) == "Floods cut the Basra road for a second day"


def test_a_short_h1_is_a_site_name_and_the_title_is_cleaned_instead():
    assert page_headline("Floods cut Basra road - Desert Dispatch", ("Desert Dispatch",), "Desert Dispatch") == "Floods cut Basra road"


def test_several_long_h1s_leave_the_title_to_decide():
    h1s = ("Weather warnings for southern Iraq", "Floods cut the Basra road again")
    assert page_headline("Port shifts move to night | Desert Dispatch", h1s) == "Port shifts move to night"
