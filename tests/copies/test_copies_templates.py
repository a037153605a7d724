from newsfuse.copies.templates import headline_told, skeleton_key, template_pages
from newsfuse.records import Document

CHROME = "Almost done!\n\nWe sent a link to your inbox. Open it to finish creating your account and keep reading."


def _page(doc_id: str, title: str, text: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.html", title=title, text=text)


def test_one_text_under_headlines_it_does_not_tell_is_a_site_template():
    pages = [_page("a", "Two wounded in Macon drive-by shooting", CHROME),
             _page("b", "Teenager charged in Warner Robins killing", CHROME)]
    assert template_pages(pages) == {"a", "b"}


def test_one_story_under_an_updated_headline_is_no_template():
    story = ("Two men were wounded in a drive-by shooting on Pio Nono Avenue in Macon late Friday, the sheriff's "
             "office said. Both were taken to the hospital.")
    pages = [_page("a", "Two wounded in Macon drive-by shooting", story),
             _page("b", "Sheriff: two men wounded in Pio Nono drive-by", story)]
    assert template_pages(pages) == frozenset()


def test_a_text_on_one_page_alone_is_no_template():
    assert template_pages([_page("a", "Two wounded in Macon drive-by shooting", CHROME)]) == frozenset()


def test_the_same_headline_twice_is_a_copy_not_a_template():
    pages = [_page("a", "Two wounded in Macon drive-by shooting", CHROME),
             _page("b", "Two wounded in Macon drive-by shooting", CHROME)]
    assert template_pages(pages) == frozenset()


def test_a_headline_is_told_when_the_text_holds_its_words():
    assert headline_told("Macon shooting leaves two wounded", "Two were wounded in a shooting in Macon.")
    assert not headline_told("Macon shooting leaves two wounded", CHROME)


def test_a_template_naming_each_pages_reporter_is_still_one_template():
    pages = [_page("a", "Two wounded in Macon drive-by shooting",
                   "Whenever Lena Ortiz posts new stories, we will send them to your inbox."),
             _page("b", "Teenager charged in Warner Robins killing",
                   "Whenever Sam Boyd posts new stories, we will send them to your inbox.")]
    assert template_pages(pages) == {"a", "b"}


def test_the_site_name_in_every_headline_does_not_make_its_chrome_tell_them():
    chrome = "When you post with a location, Chirper stores that location. You can switch it off at any time."
    pages = [_page("a", "Macon Police on Chirper", chrome),
             _page("b", "County Fire Rescue on Chirper", chrome)]
    assert template_pages(pages) == {"a", "b"}


def test_one_story_under_two_outlets_suffixes_is_still_no_template():
    story = "Two men were wounded in a drive-by shooting in Macon late Friday, the sheriff's office said."
    pages = [_page("a", "Two wounded in Macon drive-by shooting - Channel Nine Macon", story),
             _page("b", "Two wounded in Macon drive-by shooting - Middle Georgia Radio", story)]
    assert template_pages(pages) == frozenset()


def test_stored_skeleton_keys_group_pages_as_their_texts_do():
    pages = [_page("a", "Two wounded in Macon drive-by shooting", CHROME),
             _page("b", "Teenager charged in Warner Robins killing", CHROME),
             _page("c", "Fire on Riverside Drive", "A fire broke out.")]
    stored = {p.id: skeleton_key(p.text) for p in pages[:2]}  # c's key is not stored: read from its text
    assert template_pages(pages, stored) == template_pages(pages) == {"a", "b"}
    assert skeleton_key("Macon Police Department") == ""  # no lower-case word: never grouped
