"""The five real seed pages (read from ../shared at test time): what must be kept, dropped and read."""

import pytest

from newsfuse.clean import clean_documents
from newsfuse.clean.settings import CleanSettings
from newsfuse.config import shared_dir
from newsfuse.records import Document, RawDocument

SEEDS = shared_dir() / "corpora" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason=f"{SEEDS} absent (real corpora not installed)")


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    paths = sorted(SEEDS.glob("*.txt"))
    raws = [RawDocument(id=p.stem, source=str(p), content=p.read_text(encoding="utf-8"), kind="text") for p in paths]
    out = {}
    for p, d in zip(paths, clean_documents(raws, CleanSettings()), strict=True):
        assert isinstance(d, Document), d
        out[p.name[:3]] = d
    return out


def removed(doc: Document, reason: str) -> list[str]:
    return [r.text for r in doc.removed if r.reason == reason]


def source_sentences(name: str, first: str, last: str) -> list[str]:
    """The story's sentences between two markers of the raw page, split on full stops."""
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    start, end = text.index(first), text.index(last) + len(last)
    return [s.strip() for s in text[start:end].replace("\n", " ").split(". ") if len(s.strip()) > 20]


def test_every_story_sentence_of_the_haaretz_reuters_copy_is_kept(docs):
    text = " ".join(docs["003"].text.split())
    for sentence in source_sentences("003", "REUTERS - Sunni", "violence soared in Iraq."):
        assert " ".join(sentence.split()).replace("REUTERS - ", "") in text


def test_haaretz_chrome_is_dropped_and_reuters_is_carried(docs):
    d = docs["003"]
    assert "Send in e-mail" not in d.text and "Credit: Reuters" not in d.text
    assert not any("Artist Who Survived" in t for t in [d.text]) and any("Artist Who Survived" in t for t in removed(d, "related"))
    assert "first month" not in d.text and "LOG IN" not in d.text
    assert d.byline == "Kamal Namaa"
    assert {c.name: c.how for c in d.credits}["Reuters"] == "carried"


def test_long_war_journal_comments_appeal_and_bio_are_dropped(docs):
    d = docs["001"]
    assert "Fred says" not in d.text and "underground bunkers" not in d.text
    assert "donation" not in d.text and "Tags:" not in d.text
    assert "Senior Fellow" not in d.text
    assert "ISIS is keen to keep the border" in d.text
    assert {c.name: c.how for c in d.credits}["Reuters"] == "carried"


def test_nizkor_copy_reads_source_line_and_drops_title_17_notice(docs):
    d = docs["000"]
    assert d.published.date == "2014-06-21" and d.published.origin == "source-line"
    assert any(c.name == "The Long War Journal" and c.kind == "publisher" for c in d.credits)
    assert "Title 17" not in d.text and "Donations" not in d.text
    assert d.title == "ISIS seizes border crossing in western Anbar"


def test_dong_a_posted_line_gives_minute_date(docs):
    d = docs["002"]
    assert (d.published.date, d.published.precision) == ("2014-06-23T04:57", "minute")
    assert "Go to contents" not in d.text
    assert any(c.name == "Associated Press" for c in d.credits)


def test_voice_of_russia_page_keeps_the_carried_hawija_story_but_drops_the_related_link(docs):
    d = docs["004"]
    assert "PM Maliki's aide thanks Russia" not in d.text
    assert "cost 17 lives" in d.text  # the second story the page carries: a real report, kept
    assert d.text.startswith("Sunni militants led by")
    assert (d.published.date, d.published.precision) == ("2014-06-21T14:30", "minute")
    names = {c.name for c in d.credits}
    assert {"AFP", "Voice of Russia"} <= names
    assert "NEWSLETTER" not in d.text and "mailing list" not in d.text
