"""The crawl bound: an archived page's published date is never after the day its address says it was crawled."""

from datetime import date

from newsfuse.clean import clean_documents
from newsfuse.clean.crawl import bounded, crawl_day
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import Document, PublishedDate, RawDocument

WAYBACK = "http://web.archive.org/web/20141015130845/http://www.example-news.com:80/news/shooting-on-lake-street"
STORY = (
    "Minneapolis police are investigating a shooting inside a bar on Lake Street early on Saturday that "
    "left two men wounded, a police spokesman said.\n\nBoth men were taken to Hennepin County Medical Center "
    "with injuries that are not thought to be life-threatening, the spokesman added.\n"
)


def test_crawl_day_is_read_from_wayback_and_archive_today_addresses():
    assert crawl_day(WAYBACK) == date(2014, 10, 15)
    assert crawl_day("https://web.archive.org/web/20160906082106id_/http://www.example.com/x") == date(2016, 9, 6)
    assert crawl_day("https://archive.ph/2023.01.05-101010/https://www.example.com/x") == date(2023, 1, 5)
    assert crawl_day("http://www.example-news.com/news/2014/10/15/x") is None


def test_a_date_after_the_crawl_gives_way_to_the_next_possible_one_else_the_crawl_day():
    late = PublishedDate("2017-01-28", "day", "container")
    text = PublishedDate("2014-08-09T17:14", "minute", "text:dateline")
    assert bounded(WAYBACK, late, text) == text
    assert bounded(WAYBACK, late, None) == PublishedDate("2014-10-15", "day", "crawl")
    assert bounded(WAYBACK, text, late) == text  # a possible date is kept as it is
    assert bounded("http://www.example-news.com/x", late, text) == late  # nothing to bound it by


def test_a_report_dated_after_its_crawl_is_published_no_later_than_the_crawl():
    raw = RawDocument(id="a", source="reports.jsonl#L1", content=STORY, kind="text", url=WAYBACK,
                      title="Two men shot inside Lake Street bar", published="2017-01-28T20:00:00")
    (doc,) = clean_documents([raw], CleanSettings(workers=1))
    assert isinstance(doc, Document)
    assert doc.published == PublishedDate("2014-10-15", "day", "crawl")
