from copies_texts import make_doc

from newsfuse.copies.direction import names_match, norm_name, original_of
from newsfuse.records import Credit, PublishedDate


def test_outlet_names_match_across_articles_and_owner_prefixes():
    assert norm_name("FDD's Long War Journal") == "long war journal"
    assert names_match("The Long War Journal", "FDD's Long War Journal")
    assert not names_match("AP", "Reuters")


def test_later_publication_is_the_republication_of_a_whole_article():
    a = make_doc("a", ["x"], published=PublishedDate("2014-06-21", "day", "t"))
    b = make_doc("b", ["x"], published=PublishedDate("2014-06-25T10:00", "minute", "t"))
    assert original_of(a, b, "near_duplicate")[0] == "a"
    assert original_of(a, b, "shared_passages") == (None, None)


def test_month_precision_dates_decide_nothing():
    a = make_doc("a", ["x"], published=PublishedDate("2014-06", "month", "t"))
    b = make_doc("b", ["x"], published=PublishedDate("2014-07", "month", "t"))
    assert original_of(a, b, "near_duplicate") == (None, None)


def test_source_line_naming_a_publisher_the_other_page_names_makes_that_page_the_original():
    src = Credit("The Long War Journal", "publisher", "[Source: The Long War Journal, 21Jun14]")
    copy = make_doc("a", ["story", "[Source: The Long War Journal, 21Jun14]"], credits=(src,))
    page = make_doc("b", ["story", "Editor of FDD's Long War Journal."])
    original, why = original_of(copy, page, "near_duplicate")
    assert original == "b" and "Long War Journal" in why


def test_an_outlet_crediting_itself_is_no_evidence():
    own = Credit("Mosul Observer", "publisher", "Mosul Observer")
    a = make_doc("a", ["x"], outlet="Mosul Observer", credits=(own,))
    b = make_doc("b", ["x Mosul Observer"])
    assert original_of(a, b, "near_duplicate") == (None, None)
