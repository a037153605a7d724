"""page_meta gives exactly trafilatura's title, date, site name and author, without its unused steps."""

from lxml.html import fromstring
from trafilatura.metadata import extract_metadata

from newsfuse.clean.html_meta import page_meta

HTML = (
    "<html><head><title>Power cuts hit Erbil as summer heat peaks | Kurdistan Wire</title>"
    '<meta property="og:site_name" content="Kurdistan Wire">'
    '<meta name="author" content="Shirin Hassan">'
    '<meta property="article:published_time" content="2022-07-14T06:30:00+03:00"></head><body>'
    "<article><h1>Power cuts hit Erbil as summer heat peaks</h1>"
    "<p>Neighbourhoods in Erbil had four hours of grid power on Wednesday as temperatures passed 48C.</p>"
    "</article></body></html>"
)


def test_page_meta_matches_trafilatura_metadata():
    ours = page_meta(fromstring(HTML), "https://kurdistanwire.example/erbil-power")
    theirs = extract_metadata(fromstring(HTML), "https://kurdistanwire.example/erbil-power")
    assert (ours.title, ours.date, ours.sitename, ours.author) == (theirs.title, theirs.date, theirs.sitename, theirs.author)
    assert ours.date == "2022-07-14" and ours.author == "Shirin Hassan" and ours.sitename == "Kurdistan Wire"
