"""A page gives events only in English and when its headline and lead tell one."""

from dataclasses import replace

import pytest

from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.relevance import english


def test_a_german_page_gets_no_english_rules(annotated):
    doc, ann = annotated("Gunmen killed two people in Hawija on Friday, police said.", places=[("Hawija", "Hawija")])
    assert extract_mentions(replace(doc, language="de"), ann, EventSettings()) == []
    assert extract_mentions(replace(doc, language="en"), ann, EventSettings()) != []


def test_text_of_another_script_with_no_detected_language_is_not_english(annotated):
    doc, _ = annotated("Gunmen killed two people.")
    assert not english(replace(doc, text="Боевики захватили город на границе с Сирией в пятницу.", language=None))
    assert english(replace(doc, language=None))


def test_a_product_page_that_uses_a_word_of_violence_in_passing_gives_no_event(annotated):
    filler = " ".join(f"The new model {i} has a bigger screen and a longer battery life." for i in range(8))
    text = filler + " Fans will fight for the last units in the shops."
    doc, ann = annotated(text)
    doc = replace(doc, title="The best phones of the year", language="en")
    assert [m for m in extract_mentions(doc, ann, EventSettings()) if not m.date or "background" not in m.date.resolution] == []


@pytest.mark.parametrize(("text", "town", "title"), [
    ("A boy was flown to a hospital in Elkin after he shot himself with a pistol on Sunday evening. "
     "His parents had left the pistol in the glove box of their car. "
     "Deputies said the family was cooperating. The sheriff urged owners to lock up their guns.",
     "Elkin", "Boy, 4, accidentally shoots himself with father's pistol"),
    # the bullet, not the shooter, is what such a headline names
    ("Officers were called to a report of shots fired at an apartment complex in Dayton on Saturday afternoon. "
     "The girl was taken to a hospital and is expected to recover. "
     "Detectives asked anyone with information to call the department.",
     "Dayton", "Stray bullet hits girl riding in a car"),
])
def test_a_headline_telling_someone_shoots_makes_a_report_with_one_event_sentence_about_an_event(
        annotated, text, town, title):
    doc, ann = annotated(text, places=[(town, town)])
    doc = replace(doc, title=title, language="en")
    [main] = [m for m in extract_mentions(doc, ann, EventSettings()) if m.report_main]
    assert "background" not in main.date.resolution


def test_a_headline_only_page_counting_its_victims_in_the_headline_founds_an_event(annotated):
    doc, ann = annotated("")
    doc = replace(doc, title="3 injured by gunfire in Baiji", language="en")
    [main] = extract_mentions(doc, ann, EventSettings())
    assert main.injured is not None and main.injured.best == 3 and "background" not in main.date.resolution


def test_a_review_of_a_game_full_of_fights_gives_no_event(annotated):
    text = ("The hero fights three enemy factions with a sword, and troopers die in a single strike. "
            "Rebels attacked the outpost in the second act and killed its guards. "
            "Combat borrows from older action games but sets its own rules.")
    doc, ann = annotated(text)
    review = replace(doc, title="Galaxy Blades review – a sword fight worth the wait", language="en")
    report = replace(doc, title="Rebels attacked an outpost and killed its guards", language="en")
    assert extract_mentions(review, ann, EventSettings()) == []
    assert extract_mentions(report, ann, EventSettings()) != []


def test_a_report_whose_lead_is_lost_in_chrome_founds_the_event_its_headline_names(annotated):
    chrome = ["Sign up for our morning newsletter and get the headlines in your inbox every day.",
              "Download our free app for alerts on weather, traffic and school closings near you.",
              "Follow our reporters and anchors on social media for updates through the day."]
    story = "Officials said the boy was taken to a hospital in Baiji where he later died of his wounds."
    text = "\n\n".join([*chrome, story])
    doc, ann = annotated(text, places=[("Baiji", "Baiji")])
    starts = [text.index(p) for p in [*chrome, story]]
    doc = replace(doc, title="Shooting death of teenager ruled accidental", language="en",
                  paragraphs=tuple((s, s + len(p)) for s, p in zip(starts, [*chrome, story])))
    mentions = extract_mentions(doc, ann, EventSettings())
    assert any(m.report_main and "background" not in m.date.resolution for m in mentions)


FOUND = ("Two men were found in a house on Main Street on Monday evening after a neighbour called police. "
         "Officers said both had died of gunshot wounds. The names of the men were not released.")


def test_a_headline_telling_people_were_found_dead_makes_a_report_about_an_event(annotated):
    doc, ann = annotated(FOUND)
    titled = replace(doc, title="Police identify two men found dead after standoff", language="en")
    dated = [m.date for m in extract_mentions(titled, ann, EventSettings()) if m.date]
    assert dated and all("background" not in d.resolution for d in dated)



def test_a_headline_only_page_telling_a_shooting_with_its_wounded_counted_gives_its_event():
    # no story text kept: the headline is all the page says, its count of victims is the count it gives
    from newsfuse.records import Annotation, Document, PublishedDate

    doc = Document(id="h1", source="h1.html", text="", title="Dozens of shots fired, four wounded at Hawija party",
                   published=PublishedDate("2014-06-21", "day", "test"), language="en")
    mentions = extract_mentions(doc, Annotation(document="h1", sentences=()), EventSettings())
    assert [m for m in mentions if m.report_main and "background" not in m.date.resolution]
