"""post_filter on trafilatura's paragraphs: the comment cut and the link list under a 'more' head."""

from newsfuse.clean.assemble import post_filter
from newsfuse.clean.settings import CleanSettings

S = CleanSettings()
STORY = [
    "Die Fähre zwischen Konstanz und Meersburg fährt seit Montag wieder im Viertelstundentakt, teilten die Stadtwerke mit.",
    "Wegen Niedrigwassers am Bodensee waren im August nur zwei der fünf Schiffe im Einsatz gewesen.",
]


def test_german_comment_header_cuts_the_readers_section():
    out = post_filter([*STORY, "2 Kommentare", "Tolle Nachricht, endlich wieder pünktlich!"], S)
    assert out.paragraphs == STORY
    assert [r.reason for r in out.removed] == ["comment", "comment"]


def test_headlines_under_a_more_head_are_related_links():
    links = ["Neue Radwege am Seeufer in Friedrichshafen", "Bregenzer Festspiele melden Rekord"]
    out = post_filter([*STORY, "Mehr zum Thema", *links], S)
    assert out.paragraphs == STORY
    assert {r.reason for r in out.removed} == {"related"}


def test_a_list_inside_the_story_stays():
    items = ["Konstanz ab 6.00 Uhr", "Meersburg ab 6.15 Uhr"]
    out = post_filter([STORY[0], *items, STORY[1]], S)
    assert out.paragraphs == [STORY[0], *items, STORY[1]]


def test_html_rules_off_keeps_the_furniture():
    out = post_filter([*STORY, "Lesen Sie auch: Pegel in Lindau steigt"], CleanSettings(html_rules=False))
    assert out.paragraphs[-1] == "Lesen Sie auch: Pegel in Lindau steigt"
