"""Teaser lists that close a story, and lines that copy the whole story (invented pages about real places)."""

from newsfuse.clean import teasers
from newsfuse.clean.lines import make_line, split_lines
from newsfuse.clean.settings import CleanSettings
from newsfuse.clean.text import clean_page_text

STORY = [
    "Farmers near Basra began the date harvest a week early this year after a dry summer, the provincial agriculture office said on Monday.",
    "Officials said the crop would be smaller than last year's, as salt water from the Shatt al-Arab reached more of the orchards along the river.",
    "Growers in Abu al-Khasib told reporters they had lost about a third of their palms since 2018 and asked the government for fresh-water pumps.",
    "The ministry said it would send two hundred pumps to the district before the winter and repair the canal that feeds the oldest groves.",
]
TEASERS = [
    "Read these next",
    "Baghdad opens its first electric bus line",
    "by Sara Ali",
    "The city's transport office said the new line would run between Tahrir Square and the university every ten minutes from Sunday.",
    "Mosul's old bridge reopens to traffic",
    "by Omar Haddad",
    "Engineers finished the repairs after two years of work, and the bridge carried its first cars across the Tigris on Saturday morning.",
    "Erbil airport adds flights to Istanbul",
    "by Sara Ali",
    "Two more airlines will fly the route from next month, the airport said, as demand grows ahead of the holiday season in the region.",
]


def test_a_teaser_list_under_a_section_header_closes_the_story():
    result = clean_page_text("\n".join(STORY + TEASERS), CleanSettings())
    assert result.paragraphs == STORY
    removed = {r.text for r in result.removed}
    assert "Read these next" in removed
    assert not any("electric bus" in p or "Tigris" in p for p in result.paragraphs)


def test_a_site_name_after_more_is_a_teaser_header():
    assert teasers.teaser_header(make_line(0, "More Desert Dispatch"), None)
    assert teasers.teaser_header(make_line(0, "Related coverage from Money:"), None)


def test_a_related_link_with_its_headline_is_not_a_section_header():
    assert not teasers.teaser_header(make_line(0, "Related: Floods cut the road to Basra"), "related")
    assert not teasers.teaser_header(make_line(0, "More than 200 families were moved to schools."), None)


def test_a_widget_in_the_middle_of_the_story_does_not_end_it():
    # the story's own paragraphs go on under the widget: three sentences in a row are no teaser list
    widget = ["Related", "Baghdad opens its first electric bus line", "Mosul's old bridge reopens to traffic",
              "Erbil airport adds flights to Istanbul"]
    more = [
        "Farmers said the early harvest meant lower prices at the Basra market, where dates sold for half of last year's price.",
        "The agriculture office said exports to the Gulf would go ahead as planned despite the smaller crop this season.",
        "A spokesman said the ministry would review the water plan for the whole province before the next planting season.",
    ]
    result = clean_page_text("\n".join(STORY + widget + more), CleanSettings())
    for sentence in STORY + more:
        assert sentence in result.paragraphs


def test_teaser_list_start_needs_the_story_first():
    lines = split_lines("\n".join(TEASERS[:1] + STORY + TEASERS[1:]))
    prose = [ln.words >= 10 and ln.terminal for ln in lines]
    # the header sits above all the story's prose: it is a menu, not the story's end
    assert teasers.teaser_list_start(lines, {}, prose, (0, len(lines) - 1), 0.3, 1.0) is None


def test_a_line_holding_the_story_run_together_is_a_copy():
    copy = " ".join(STORY * 3)
    lines = split_lines("\n".join(STORY + [copy]))
    assert teasers.story_copies(lines, 150) == [len(STORY)]
    result = clean_page_text("\n".join(STORY + ["Share", copy]), CleanSettings())
    assert result.paragraphs == STORY
