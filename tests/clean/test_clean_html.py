"""The HTML worker's choices: precision body, the default body as a second opinion, one parse for all."""

from newsfuse.clean.html import Extracted, choose_body, extract, needs_second_opinion
from newsfuse.clean.settings import CleanSettings

S = CleanSettings()
STORY = (
    "Fishermen in Mosul said the Tigris had fallen lower than at any time they remember, leaving boats "
    "stranded on mud banks below the old bridge, and the city's water department began trucking water. "
)


def test_the_precision_body_stays_unless_it_lost_most_of_the_story():
    assert choose_body("a" * 500, "a" * 800, S) == ("a" * 500, "precision")
    assert choose_body("a" * 100, "a" * 800, S) == ("a" * 800, "default")
    assert choose_body("", "a" * 800, S) == ("a" * 800, "default")
    assert choose_body("a" * 100, None, S) == ("a" * 100, "precision")


def test_a_second_opinion_is_asked_only_for_short_bodies():
    assert needs_second_opinion("a" * 100, 1000, S)
    assert needs_second_opinion("", 0, S)
    assert not needs_second_opinion("a" * 900, 1000, S)


def test_extract_reads_body_metadata_and_standfirst_from_one_page():
    lead = "The Tigris at Mosul is at its lowest level in decades, and the city is trucking drinking water."
    html = (
        "<html><head><title>Tigris at record low in Mosul - River Post</title>"
        f'<meta name="description" content="{lead}">'
        '<meta property="article:published_time" content="2021-08-02T09:00:00Z"></head><body>'
        f"<header><h1>Tigris at record low in Mosul</h1><p class='standfirst'>{lead}</p></header><article>"
        + "".join(f"<p>{STORY}Paragraph {i}.</p>" for i in range(5))
        + "</article></body></html>"
    )
    out = extract(html, "https://riverpost.example/mosul", S)
    assert isinstance(out, Extracted)
    assert out.extractor == "precision"
    assert "stranded on mud banks" in out.text
    assert out.date == "2021-08-02"
    assert out.title.startswith("Tigris at record low in Mosul")
    assert out.lead == lead


def test_a_page_without_text_says_why():
    out = extract("<html><head><title>Mosul</title></head><body><div></div></body></html>", None, S)
    assert isinstance(out, str) and "no main text" in out
