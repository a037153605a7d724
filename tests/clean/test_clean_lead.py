"""The standfirst: found from the page's description, only where the page shows it, put first once."""

from lxml.html import fromstring

from newsfuse.clean.lead import visible_lead, with_lead

LEAD = "Heavy rain closed the Corniche road in Basra for a second day, and the port moved its shifts to night."
BODY = "<p>The Shatt al-Arab rose by forty centimetres overnight, the provincial water authority said on Monday.</p>"


def page(head_meta: str, body: str) -> str:
    return f"<html><head>{head_meta}</head><body>{body}</body></html>"


def test_the_block_that_starts_like_the_description_is_the_lead():
    html = page(
        f'<meta name="description" content="{LEAD[:80]}...">',
        f"<header><h1>Basra floods</h1><p class='teaser'><b>Basra.</b> {LEAD[7:]}</p></header>"
        f"<div class='teaser'>{LEAD}</div><article>{BODY}</article>",
    )
    assert visible_lead(fromstring(html), 40) == LEAD


def test_a_description_shown_nowhere_gives_no_lead():
    html = page(f'<meta property="og:description" content="{LEAD}">', f"<article>{BODY}</article>")
    assert visible_lead(fromstring(html), 40) is None


def test_the_site_blurb_in_the_footer_is_not_a_lead():
    blurb = "Desert Dispatch brings you news from southern Iraq every day since 2009, in English and Arabic."
    html = page(f'<meta name="description" content="{blurb}">', f"<article>{BODY}</article><footer><p>{blurb}</p></footer>")
    assert visible_lead(fromstring(html), 40) is None


def test_a_short_description_is_not_searched():
    html = page('<meta name="description" content="Basra news">', "<p>Basra news</p>" + BODY)
    assert visible_lead(fromstring(html), 40) is None


def test_the_lead_goes_first_unless_the_body_has_it():
    body = "The Shatt al-Arab rose by forty centimetres overnight."
    assert with_lead(body, LEAD) == f"{LEAD}\n{body}"
    assert with_lead(f"{LEAD}\n{body}", LEAD) == f"{LEAD}\n{body}"
    assert with_lead(body, None) == body


def test_no_search_when_the_extraction_already_holds_the_description():
    html = page(f'<meta name="description" content="{LEAD}">', f"<p class='intro'>{LEAD}</p>{BODY}")
    assert visible_lead(fromstring(html), 40, body=f"{LEAD}\nThe Shatt al-Arab rose.") is None
    assert visible_lead(fromstring(html), 40, body="The Shatt al-Arab rose.") == LEAD
