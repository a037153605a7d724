"""The stage entry point: both input kinds, ordering, rejections and the time limit."""

from newsfuse.clean import clean_documents
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import Document, RawDocument, Rejected

STORY = (
    "Gunmen attacked a police checkpoint on the road from Samarra to Tikrit before dawn on Tuesday, "
    "killing two officers, a provincial council member told Reuters. "
)
HTML = (
    "<html><head><title>Checkpoint attacked near Samarra</title>"
    '<meta property="article:published_time" content="2015-03-04T08:00:00Z"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Checkpoint attacked near Samarra</h1>"
    + "".join(f"<p>{STORY} Paragraph {i} adds that the road stayed closed for hours.</p>" for i in range(4))
    + "<p>Share on Facebook</p></article><footer>© 2015 Example Times. All rights reserved.</footer></body></html>"
)
TEXT = "Checkpoint attacked near Samarra\n\n" + STORY + "\n" + STORY.replace("two", "three") + "\nShare | Tweet\n"


def raw(id_: str, content: str, kind: str, url: str | None = None) -> RawDocument:
    return RawDocument(id=id_, source=f"{id_}.{kind}", content=content, kind=kind, url=url)  # type: ignore[arg-type]


def test_html_and_text_come_out_in_input_order_with_metadata():
    settings = CleanSettings(workers=1)
    out = list(clean_documents(
        [raw("a", HTML, "html", "https://www.reuters.com/world/x"), raw("b", TEXT, "text"), raw("c", "", "text")],
        settings,
    ))
    assert [type(o) for o in out] == [Document, Document, Rejected]
    html_doc, text_doc, rejected = out
    assert html_doc.title == "Checkpoint attacked near Samarra"
    assert html_doc.published.date == "2015-03-04" and html_doc.published.origin == "html-meta"
    assert html_doc.outlet == "Reuters"
    assert "Share on Facebook" not in html_doc.text
    assert any(c.name == "Reuters" for c in html_doc.credits)
    assert text_doc.title == "Checkpoint attacked near Samarra"
    assert "c.text" in rejected.reason and rejected.stage == "clean"


def test_paragraph_spans_point_at_the_paragraphs():
    (doc,) = clean_documents([raw("b", TEXT, "text")], CleanSettings())
    assert len(doc.paragraphs) == 2
    for start, end in doc.paragraphs:
        assert doc.text[start:end].startswith("Gunmen attacked")


def test_page_with_no_story_is_rejected_with_its_name():
    (out,) = clean_documents([raw("nav", "<html><body><a href='/'>Home</a></body></html>", "html")], CleanSettings(workers=1))
    assert isinstance(out, Rejected)
    assert out.reason.startswith("nav.html:")


def test_page_over_the_time_limit_is_rejected_and_the_batch_goes_on():
    huge = "<html><body>" + "".join(f"<div><p>{STORY}{i}</p></div>" for i in range(20000)) + "</body></html>"
    slow = CleanSettings(workers=1, timeout_seconds=0.05)
    first = list(clean_documents([raw("huge", huge, "html"), raw("b", TEXT, "text")], slow))
    assert isinstance(first[0], Rejected) and "exceeded" in first[0].reason
    assert isinstance(first[1], Document)
    (after,) = clean_documents([raw("a", HTML, "html")], CleanSettings(workers=1))
    assert isinstance(after, Document)  # the pool was restarted


GERMAN = (
    "Der Rhein bei Köln ist am Dienstag auf einen Pegel von 8,10 Metern gestiegen, teilte die Stadt mit. "
    "Die Altstadt wurde mit mobilen Wänden geschützt, die Schifffahrt ist seit dem Morgen eingestellt. "
)
STANDFIRST = "In Köln steigt der Rhein weiter, die Altstadt ist geschützt und die Schiffe liegen still."
HTML_DE = (
    "<html><head><title>Hochwasser in Köln | Rheinblatt</title>"
    f'<meta name="description" content="{STANDFIRST}"></head><body>'
    f"<header><h1>Hochwasser in Köln</h1><p class='intro'>{STANDFIRST}</p></header><article>"
    + "".join(f"<p>{GERMAN} Absatz {i} nennt die Sperrungen am Ufer.</p>" for i in range(4))
    + "<p>Lesen Sie auch: Pegelstand in Bonn erreicht Höchstwert</p><p>Quelle: Stadt Köln</p>"
    "</article></body></html>"
)


def test_html_body_starts_with_the_standfirst_and_drops_german_chrome_with_reasons():
    (doc,) = clean_documents([raw("de", HTML_DE, "html", "https://www.rheinblatt.example/koeln")], CleanSettings(workers=1))
    assert isinstance(doc, Document)
    assert doc.text.startswith(STANDFIRST)
    assert doc.text.count(STANDFIRST) == 1
    assert "Lesen Sie auch" not in doc.text and "Quelle:" not in doc.text
    reasons = {r.reason for r in doc.removed}
    assert {"related", "source-line"} <= reasons
    assert doc.title == "Hochwasser in Köln"


def test_standfirst_and_html_rules_can_be_switched_off():
    settings = CleanSettings(workers=1, standfirst_min_chars=0, html_rules=False)
    (doc,) = clean_documents([raw("de", HTML_DE, "html")], settings)
    assert not doc.text.startswith(STANDFIRST)
    assert "Lesen Sie auch" in doc.text


# an archived local-news page: the headline survives, the story does not (a sign-in wall instead)
LOST_STORY = (
    "Teen wounded in drive-by shooting on Elm Street - Millbrook Courier\n\n"
    "Sign in\nSubscribe\nWeather\nSports\nObituaries\n"
)


def test_a_page_with_no_story_text_but_a_headline_is_kept_headline_only():
    page = RawDocument(id="lost", source="lost.jsonl", content=LOST_STORY, kind="text",
                       title="Teen wounded in drive-by shooting on Elm Street - Millbrook Courier")
    (doc,) = clean_documents([page], CleanSettings())
    assert isinstance(doc, Document) and doc.headline_only
    assert doc.text == "" and doc.paragraphs == ()
    assert doc.title.startswith("Teen wounded in drive-by shooting")
    assert doc.removed  # the chrome it threw away is still on record


def test_a_page_with_no_story_text_and_a_short_title_is_still_rejected():
    page = RawDocument(id="idx", source="idx.jsonl", content="Home\nNews\nSports\n", kind="text",
                       title="Home | Millbrook Courier")
    (out,) = clean_documents([page], CleanSettings())
    assert isinstance(out, Rejected) and "no story text left" in out.reason


def test_headline_only_documents_can_be_switched_off():
    page = RawDocument(id="lost", source="lost.jsonl", content=LOST_STORY, kind="text",
                       title="Teen wounded in drive-by shooting on Elm Street - Millbrook Courier")
    (out,) = clean_documents([page], CleanSettings(headline_only_min_words=0))
    assert isinstance(out, Rejected)


def test_a_document_with_a_body_is_not_headline_only():
    (doc,) = clean_documents([raw("b", TEXT, "text")], CleanSettings())
    assert not doc.headline_only
