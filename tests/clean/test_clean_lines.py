"""Line features: the fast ASCII word split must find exactly the words of the pattern."""

from newsfuse.clean.lines import _WORD, content_stems, lines_matching, make_line, split_lines, word_set

SAMPLES = [
    "Don’t miss: the ‘old’ bridge — reopened… in Mosul’s centre",
    "rock'n'roll a''b '' x' 'quoted' e-mail U.S. 9:08 $234.99 __init__",
    "“Quoted” text with « guillemets » and © 2015 notices",
    "Straße über Köln, café in Montréal",  # other letters: the pattern decides
    "a’’b and a'’b",
]


def test_word_counts_match_the_word_pattern():
    for text in SAMPLES:
        assert make_line(0, text).words == len(_WORD.findall(text)), text


def test_word_set_matches_the_word_pattern():
    for text in SAMPLES:
        lower = text.lower()
        assert word_set(lower) == set(_WORD.findall(lower)), text


def test_capital_ratio_counts_words_that_open_with_a_capital():
    assert make_line(0, "“Floods Cut” the Road").capital_ratio == 0.75


def test_repeated_lines_keep_their_own_place():
    lines = split_lines("Home\nNews\nHome\n")
    assert [ln.index for ln in lines] == [0, 1, 2]
    assert lines[2].text == "Home" and lines[2].words == 1


def test_content_stems_drop_stop_words_and_cut_to_five_letters():
    assert content_stems("The floods reached Nasiriyah’s villages") == {"flood", "reach", "nasir", "villa"}


def test_lines_matching_finds_each_short_line_once_and_skips_long_ones():
    import re

    lines = split_lines("Posted June 23, 2014\nHome\n" + "In 2014 the militants took the border post. " * 3 + "\n2019-11-13")
    assert lines_matching(lines, re.compile(r"(?:19|20)\d\d"), 12) == {0, 3}


def test_line_starts_are_the_offsets_in_the_joined_page():
    from newsfuse.clean.lines import line_starts

    texts = ["Home", "", "Floods cut the road", "x"]
    page = "\n".join(texts)
    assert line_starts(texts) == [0, 5, 6, 26]
    assert [page[s : s + len(t)] for s, t in zip(line_starts(texts), texts, strict=True)] == texts
    assert line_starts([]) == []


WRAPPED = """Flood warning for the Niger at Mopti

MOPTI, 3 SEP 24 (RADIO X) -- THE REGIONAL GOVERNOR SAID TODAY THAT THE RIVER
HAD RISEN BY TWO METRES IN A WEEK. MINISTER AMADOU DIALLO. WHO VISITED THE
PORT ON MONDAY, ORDERED THE EVACUATION OF THREE NEIGHBOURHOODS BESIDE THE
WATER.

FARMERS IN THE DELTA SAID THAT THE RICE HARVEST WOULD BE LATE THIS YEAR, AND
THAT SEVERAL VILLAGES COULD ONLY BE REACHED BY BOAT.
"""


def test_a_hard_wrapped_report_is_joined_back_into_its_paragraphs():
    texts = [ln.text for ln in split_lines(WRAPPED)]
    assert len(texts) == 3
    assert texts[1].startswith("MOPTI, 3 SEP 24") and texts[1].endswith("BESIDE THE WATER.")


def test_page_text_with_one_paragraph_per_line_is_not_joined():
    page = "\n".join(["Home | News | Sport", "A headline about the floods in Mopti"] +
                     ["The river rose by two metres in a week, officials said on Monday in the town."] * 3)
    assert len(split_lines(page)) == 5
