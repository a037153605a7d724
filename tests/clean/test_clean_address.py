"""The day a report's own address files it under stands in for a published date that disagrees."""

from datetime import date

from newsfuse.clean import clean_documents
from newsfuse.clean.address import address_day, dated_by_address
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import PublishedDate, RawDocument
from tests.clean.test_clean_crawl import STORY

ARCHIVED = "http://web.archive.org/web/20151119050713/http://www.example-news.com/news/crime/20130808-two-shot-in-bar"


def test_the_address_day_is_read_past_the_archive_prefix_from_a_path_piece_only():
    days = [address_day(ARCHIVED), address_day("https://www.example-news.com/2014/06/04/three-wounded/"),
            address_day("http://example.com/apps/article?AID=/20130318/NEWS/130319881")]
    assert days == [date(2013, 8, 8), date(2014, 6, 4), date(2013, 3, 18)]
    # the archive's own stamp, a story number and a slug's tail are no address day
    for url in ("http://web.archive.org/web/20151030223013/http://www.example.com/shooting/13334346/",
                "http://www.example.com/local/la-me-triple-murder-20130511-story.html"):
        assert address_day(url) is None


def test_a_published_date_the_address_contradicts_gives_way_unless_the_crawl_forbids_it():
    later = PublishedDate("2013-08-28", "day", "container")
    assert dated_by_address(ARCHIVED, later) == PublishedDate("2013-08-08", "day", "address")
    same = PublishedDate("2013-08-08T09:40", "minute", "container")
    assert dated_by_address(ARCHIVED, same) == same  # the same day keeps its time
    after_crawl = "http://web.archive.org/web/20130101000000/http://www.example.com/2013/08/08/x"
    assert dated_by_address(after_crawl, later) == later


def test_a_report_is_published_on_its_address_day():
    raw = RawDocument(id="a", source="reports.jsonl#L1", content=STORY, kind="text", url=ARCHIVED,
                      title="Two men shot inside Lake Street bar", published="2013-08-28T20:00:00")
    published = [d.published for d in clean_documents([raw], CleanSettings(workers=1))]
    assert published == [PublishedDate("2013-08-08", "day", "address")]
