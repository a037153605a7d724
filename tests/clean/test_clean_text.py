"""The page-text cleaner on an invented page about a real place, with all the usual chrome."""

from newsfuse.clean.settings import CleanSettings
from newsfuse.clean.text import clean_page_text

PAGE = """Desert Dispatch
Home | World | Middle East | Opinion
Donate

Floods cut the main road between Basra and Nasiriyah

Posted March. 04, 2015 09:12,

By Omar Haddad
Share | Tweet | Email

Flood water covers the highway south of Nasiriyah.Credit: AFP

Heavy rain overnight flooded the main highway between Basra and Nasiriyah, cutting the road for thousands of travellers, provincial officials said on Wednesday.
Two people drowned when their car was swept off a bridge near Suq al-Shuyukh, a civil defence officer told Reuters.
Oil exports resume after storm delay
Engineers were trying to pump water from the lowest stretch of the road, which is expected to stay closed until Friday.
Rescue boats reach stranded villages
Rescue boats reached three stranded villages west of the highway late on Tuesday, where families had waited on roofs for most of the day.
The boats carried food and water to the villages, and the families were taken to a school in Nasiriyah.
Omar Haddad is a senior correspondent for the Desert Dispatch based in Amman.
Do you value our reporting? Support our work with a tax-deductible donation today.
Tags: Iraq, Basra, floods

• Layla says:
This happens every winter and nobody fixes the drains.
• Sami says:
Stay safe everyone in the south, we are praying for you all tonight.

Power cuts hit Mosul as temperatures drop
Baghdad marathon draws record crowd
© 2015 Desert Dispatch. All rights reserved.
"""


def clean():
    return clean_page_text(PAGE, CleanSettings())


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def test_every_story_sentence_is_kept():
    kept = "\n".join(clean().paragraphs)
    for sentence in (
        "Heavy rain overnight flooded the main highway",
        "Two people drowned when their car was swept off a bridge",
        "Engineers were trying to pump water",
        "Rescue boats reached three stranded villages",
        "The boats carried food and water",
    ):
        assert sentence in kept


def test_subhead_elaborated_by_the_next_paragraph_is_kept():
    assert "Rescue boats reach stranded villages" in clean().paragraphs


def test_headline_the_next_paragraph_does_not_elaborate_is_a_related_link():
    assert reasons(clean())["Oil exports resume after storm delay"] == "related"


def test_headline_is_the_title_and_not_in_the_text():
    result = clean()
    assert result.title == "Floods cut the main road between Basra and Nasiriyah"
    assert result.title not in result.paragraphs


def test_posted_line_gives_the_date_with_minute_precision():
    published = clean().published
    assert (published.date, published.precision, published.origin) == ("2015-03-04T09:12", "minute", "text:dateline")


def test_byline_is_read_and_removed():
    result = clean()
    assert result.byline == "Omar Haddad"
    assert reasons(result)["By Omar Haddad"] == "byline"


def test_chrome_is_removed_with_named_reasons():
    r = reasons(clean())
    assert r["Share | Tweet | Email"] == "share"
    assert r["Flood water covers the highway south of Nasiriyah.Credit: AFP"] == "caption"
    assert r["Do you value our reporting? Support our work with a tax-deductible donation today."] == "appeal"
    assert r["Tags: Iraq, Basra, floods"] == "tags"
    assert r["© 2015 Desert Dispatch. All rights reserved."] == "copyright"
    assert r["Home | World | Middle East | Opinion"] == "navigation"
    assert r["Omar Haddad is a senior correspondent for the Desert Dispatch based in Amman."] == "author-bio"


def test_reader_comments_are_dropped_from_the_first_header_on():
    r = reasons(clean())
    assert r["• Layla says:"] == "comment"
    assert r["This happens every winter and nobody fixes the drains."] == "comment"
    assert not any("praying" in p for p in clean().paragraphs)


def test_page_without_prose_keeps_nothing():
    result = clean_page_text("Home\nNews | Sport\nContact us\n", CleanSettings())
    assert result.paragraphs == []
    assert {r.reason for r in result.removed} == {"navigation"}


def test_leading_dateline_is_cut_and_read():
    page = (
        "Militants seize checkpoint near Tikrit\n"
        "04 March 2015, 09:12 -- Gunmen seized a checkpoint north of Tikrit overnight, two police officers said on Wednesday.\n"
        "The officers said the gunmen arrived in pick-up trucks and set fire to a police vehicle before dawn.\n"
    )
    result = clean_page_text(page, CleanSettings())
    assert result.paragraphs[0].startswith("Gunmen seized a checkpoint")
    assert result.published.date == "2015-03-04T09:12"


def test_hard_wrapped_paragraph_is_joined_back_into_one():
    page = (
        "Gunmen attack a checkpoint near Samarra\n\n"
        "SAMARRA, Iraq (Reuters) - Gunmen attacked an army checkpoint on the road north of Samarra on Friday,\n"
        "killing four soldiers, the army said on Saturday. Two attackers were killed, a source told Reuters.\n"
    )
    result = clean_page_text(page, CleanSettings())
    assert result.title == "Gunmen attack a checkpoint near Samarra"
    assert result.paragraphs == [
        "SAMARRA, Iraq (Reuters) - Gunmen attacked an army checkpoint on the road north of Samarra on Friday, "
        "killing four soldiers, the army said on Saturday. Two attackers were killed, a source told Reuters."
    ]


STORY = [
    "Traders in Erbil's old bazaar reopened their shops on Sunday after a three-day strike over new electricity tariffs, the chamber of commerce said.",
    "The strike began when the provincial council doubled the price of generator power for shops that stay open after sunset in the winter months.",
    "Council members agreed on Saturday to delay the new tariff until the spring, a spokesman for the traders told reporters outside the citadel.",
]
READERS = [
    "Traders always win these fights in the end, the council never learns from it and the bills will come back next year anyway, just wait and see.",
    "My uncle has a shop near the citadel and he says the generators cost more than the rent now, which is why they closed the whole bazaar for days.",
    "The council should fix the grid instead of raising prices on small traders who already pay for everything themselves out of their own pockets.",
    "Good news for the shoppers at least, the bazaar was empty last week and the whole city felt it, from the taxi drivers to the tea sellers nearby.",
    "This is what happens when nobody plans for winter: the same story every year, the same promises from the same people, and then the same strikes.",
]


def test_a_long_comment_thread_is_dropped_even_when_it_outweighs_the_story():
    names = ["Karwan", "Shilan", "Dara", "Hana", "Rebin"]
    thread = "\n".join(f"{name} says:\n{text}" for name, text in zip(names, READERS, strict=True))
    result = clean_page_text("\n".join(STORY) + "\n" + thread, CleanSettings())
    assert result.paragraphs == STORY
    assert reasons(result)["Karwan says:"] == "comment"


def test_a_lone_comment_link_above_most_of_the_prose_does_not_open_the_thread():
    page = "Dara says:\n" + "\n".join(STORY + READERS[:2])
    result = clean_page_text(page, CleanSettings())
    assert STORY[0] in result.paragraphs


def test_tour_dates_under_the_story_stay_with_it():
    dates = ["June 9 -- Franso Hariri Stadium, Erbil", "June 12 -- Sulaymaniyah Park, Sulaymaniyah",
             "June 15 -- Duhok Sports Hall, Duhok", "June 19 -- Zakho Bridge Square, Zakho"]
    page = "\n".join(STORY + ["The band's summer tour dates:"] + dates + ["Power cuts hit Mosul as temperatures drop"])
    result = clean_page_text(page, CleanSettings())
    assert result.paragraphs[-4:] == dates
    assert "Power cuts hit Mosul as temperatures drop" not in result.paragraphs


def test_japanese_prose_without_spaces_is_kept_as_story():
    page = "\n".join([
        "ホーム",
        "ニュース",
        "エルビルの旧市場では、電気料金の値上げに抗議する三日間のストライキの後、日曜日に商店が営業を再開したと商工会議所が発表した。",
        "州議会は土曜日、新しい料金の導入を春まで延期することで合意したと、商人の代表が記者団に語った。",
        "市場の商人たちは、発電機の電気代が家賃よりも高くなったと訴えており、市当局に送電網の改善を求めている。",
    ])
    result = clean_page_text(page, CleanSettings())
    assert len(result.paragraphs) == 3 and result.paragraphs[0].startswith("エルビル")


def test_tour_dates_under_a_headline_shaped_title_stay_with_the_story():
    dates = ["June 9 -- Franso Hariri Stadium, Erbil", "June 12 -- Sulaymaniyah Park, Sulaymaniyah",
             "June 15 -- Duhok Sports Hall, Duhok", "June 19 -- Zakho Bridge Square, Zakho"]
    page = "\n".join(STORY + ["The Band's Summer Tour Dates"] + dates)
    result = clean_page_text(page, CleanSettings())
    assert result.paragraphs[-5:] == ["The Band's Summer Tour Dates"] + dates


def test_the_writers_box_under_the_story_is_an_author_bio():
    box = ["Über Layla Hassan",
           "Layla Hassan schreibt seit zehn Jahren über den Irak und lebt mit ihrer Familie in Erbil und Berlin."]
    result = clean_page_text("\n".join(STORY + box), CleanSettings())
    assert result.paragraphs == STORY
    assert {r.text: r.reason for r in result.removed}["Über Layla Hassan"] == "author-bio"


def test_a_long_caption_printed_twice_is_dropped_both_times():
    caption = ("Traders stand outside their closed shops in the old bazaar of Erbil on Thursday, the third day of a "
               "strike over new electricity tariffs for the generators that light the bazaar after sunset in the "
               "winter months, as council members meet in the citadel to discuss the prices again.")
    assert 40 < len(caption.split()) <= 80
    result = clean_page_text("\n".join([caption, "Photo: Omar Haddad", caption] + STORY), CleanSettings())
    assert result.paragraphs == STORY
