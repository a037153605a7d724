from newsfuse.clean.titles import headline


def test_site_name_after_a_dash_is_dropped():
    assert headline("Floods cut Basra road - Desert Dispatch", "Desert Dispatch") == "Floods cut Basra road"


def test_everything_after_a_pipe_is_dropped():
    assert headline("Floods cut Basra road | Iraq | News", None) == "Floods cut Basra road"


def test_site_name_from_the_url_host_is_dropped():
    assert headline("Floods cut Basra road - Tigristimes", None, "https://www.tigristimes.com/a") == "Floods cut Basra road"


def test_a_dash_inside_the_headline_stays():
    assert headline("Basra floods - part 2 of our series", "Desert Dispatch") == "Basra floods - part 2 of our series"
