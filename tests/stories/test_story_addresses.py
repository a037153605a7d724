from newsfuse.stories.addresses import address_words, is_cut


def test_the_headline_a_site_wrote_into_the_address_is_read_without_ids_dates_or_sections():
    archived = ("http://web.archive.org/web/20160922015323/http://www.example-post.com:80/news/crime-law/"
                "4-year-old-girl-shot-killed-in-riviera-beach/nsZ82/")
    assert address_words(archived) == "4 year old girl shot killed in riviera beach"
    assert address_words("http://www.example.com/local/article115880543.html") == ""
    assert address_words("https://example.com/2016/07/25/man-shot-on-elm-street-20160725-story.html?ref=x") \
        == "man shot on elm street story"
    assert address_words(None) == ""


def test_a_headline_ending_in_an_ellipsis_is_cut():
    assert is_cut("Uncle held on bond on charges linked to 4-year-old...")
    assert is_cut("Man killed in drive-by shooting in SW…")
    assert not is_cut("Man killed in drive-by shooting in southwest Atlanta") and not is_cut(None)
