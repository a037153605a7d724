from newsfuse.clean.outlets import names_site, original_url, outlet_of


def test_wayback_address_unwraps_to_the_original_page():
    url = "http://web.archive.org/web/20141108120159/http://www.wkrn.com:80/story/24568412/apartment-shooting"
    assert original_url(url) == "http://www.wkrn.com:80/story/24568412/apartment-shooting"


def test_wayback_address_with_flags_and_a_single_slash_scheme_unwraps():
    assert original_url("https://web.archive.org/web/2016id_/http:/example.com/a") == "http://example.com/a"


def test_archive_today_and_amp_cache_addresses_unwrap():
    assert original_url("https://archive.ph/2023.01.05-101010/https://www.kmov.com/news/x") == "https://www.kmov.com/news/x"
    assert original_url("https://www-wral-com.cdn.ampproject.org/c/s/www.wral.com/story/1/") == "https://www.wral.com/story/1/"
    assert original_url("https://www.google.com/amp/s/www.wsbtv.com/news/y.amp") == "https://www.wsbtv.com/news/y.amp"


def test_an_archive_short_link_has_no_original_address():
    assert original_url("https://archive.ph/AbCdE") is None


def test_an_archived_page_takes_the_outlet_its_title_names_for_the_original_host():
    url = "http://web.archive.org/web/20141108120159/http://www.wkrn.com:80/story/24568412/apartment-shooting"
    assert outlet_of(url, title="Teen charged in fatal shooting - WKRN News 2") == "WKRN News 2"


def test_a_title_part_that_does_not_name_the_host_is_not_the_outlet():
    url = "http://web.archive.org/web/2016/http://www.live5news.com/story/1"
    assert outlet_of(url, title="Man shot on King Street | Charleston, SC | News, Weather") == "live5news.com"


def test_site_name_counts_when_it_names_the_host():
    assert outlet_of("https://www.fox5vegas.com/x", sitename="FOX5 Vegas") == "FOX5 Vegas"
    assert names_site("Chicago Tribune", "chicagotribune.com")
    assert not names_site("Local News", "chicagotribune.com")


def test_without_an_address_the_site_name_or_page_name_or_nothing():
    assert outlet_of(None, page_name="Mopti Voice") == "Mopti Voice"
    assert outlet_of("/data/002_fe1eff5b8ecfef13.txt") is None
    assert outlet_of("https://archive.ph/AbCdE") is None
