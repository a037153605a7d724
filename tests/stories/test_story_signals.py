from datetime import date

from newsfuse.records import (
    ActorMention, Annotation, DateMention, DateValue, Document, Place, PlaceMention, PublishedDate,
)
from newsfuse.stories.signals import entity_bag, stated_ages, story_day, town_counties

VAN = Place("Van", 38.49, 43.38, "TR", 298117)
TURKEY = Place("Turkey", 39.0, 35.0, "TR", 298795, feature="country", precision="country")


def _dates(*values: DateValue) -> Annotation:
    return Annotation("d", (), dates=tuple(DateMention("x", (0, 1), v) for v in values))


def test_the_published_day_is_the_story_day_when_known():
    doc = Document("d", "d.txt", "x", published=PublishedDate("2011-10-24T09:00", "minute", "html-meta"))
    ann = _dates(DateValue("2011-10-23", "day", "absolute"))
    assert story_day(doc, ann) == date(2011, 10, 24).toordinal()


def test_without_a_published_date_the_most_mentioned_day_wins_and_vague_dates_do_not_vote():
    doc = Document("d", "d.txt", "x")
    ann = _dates(DateValue("2011-10-23", "day", "absolute"), DateValue("2011-10-23", "day", "absolute"),
                 DateValue("2011-10-20", "day", "absolute"), DateValue("2011", "year", "absolute"),
                 DateValue("2011-10-01", "week", "absolute"))
    assert story_day(doc, ann) == date(2011, 10, 23).toordinal()


def test_no_dates_and_no_published_date_means_no_story_day():
    assert story_day(Document("d", "d.txt", "x"), None) is None


def test_towns_weigh_more_than_countries_and_actors_count_by_canonical_name():
    ann = Annotation("d", (), places=(PlaceMention("Van", (0, 3), VAN), PlaceMention("Turkey", (5, 11), TURKEY)),
                     actors=(ActorMention("AFAD", (12, 16), "Disaster and Emergency Management Authority"),))
    bag = entity_bag(ann)
    assert bag["place:298117"] == 1.0 and bag["country:tr"] == 0.75
    assert bag["actor:disaster and emergency management authority"] == 1.0


def test_counties_of_one_name_in_two_states_are_two_places():
    from newsfuse.stories.signals import place_key

    def county(state: str) -> Place:
        return Place("Jefferson County", 39.0, -90.0, "US", None, admin1=state, feature="county", precision="region")

    assert place_key(county("Ohio")) != place_key(county("Texas"))
    assert place_key(county("Ohio")) == place_key(county("Ohio"))
    assert place_key(VAN) == "place:298117"


def test_person_names_are_full_names_only():
    from newsfuse.records import ActorMention
    from newsfuse.stories.signals import person_names

    ann = Annotation(document="d", sentences=(), actors=(
        ActorMention("Dana Reyes", (0, 10), "Dana Reyes", "person"), ActorMention("Reyes", (20, 25), "Reyes", "person"),
        ActorMention("Dayton Police", (30, 43), "Dayton Police", "state_force"),
    ))
    assert person_names(ann) == {"person:dana reyes"}
    assert person_names(None) == set()


def test_a_middle_name_or_a_generational_suffix_does_not_tell_a_person_apart():
    from newsfuse.records import ActorMention
    from newsfuse.stories.signals import person_names

    def named(*people: str) -> set[str]:
        return person_names(Annotation(document="d", sentences=(), actors=tuple(
            ActorMention(p, (0, len(p)), p, "person") for p in people)))

    assert named("Jennifer Marie Laber") == named("Jennifer Laber") == {"person:jennifer laber"}
    assert named("Robert Lee Adams Jr.") == named("Robert Adams") == {"person:robert adams"}
    assert named("Toney Keith White II") == {"person:toney white"}
    assert named("Jr.", "Kevin Jr") == set()  # a suffix is no name, nor a first name with one


def test_stated_ages_are_read_in_their_usual_spellings_and_other_numbers_are_not():
    text = "A 15-year-old boy and a 42 year old man were shot; the 3-year-old gun law and 12 shots did not help."
    assert stated_ages(text) == {"age:15", "age:42", "age:3"}
    assert stated_ages("Two 17-Year-Old teens were hurt, police said at 10 p.m.") == {"age:17"}
    assert stated_ages(None) == set()
    assert stated_ages("A four-year-old girl and a Twenty-two year old man") == {"age:4", "age:22"}


def test_the_counties_of_named_towns_are_keyed_in_their_state_and_a_county_named_alone_is_not():
    shelby = Place("Shelby", 35.29, -81.54, "US", 4491180, "North Carolina", "city", "point", admin2="Cleveland County")
    county = Place("Cook County", 41.8, -87.7, "US", None, "Illinois", "county", "region", admin2="Cook County")
    ann = Annotation("d", (), places=(PlaceMention("Shelby", (0, 6), shelby), PlaceMention("Cook County", (9, 20), county)))
    assert town_counties(ann) == {"county:cleveland county|north carolina|us"}
    assert town_counties(None) == set()
