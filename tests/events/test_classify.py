"""Sentence typing over real spaCy parses of invented sentences."""

import pytest

from newsfuse.events.classify import type_sentence
from newsfuse.events.tree import Tree


def _type(annotated, text, actors=()):
    _, ann = annotated(text, actors=actors)
    typing, dropped = type_sentence(Tree(ann.sentences[0].tokens), ann.actors)
    return typing, dropped


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Coalition warplanes struck a fuel depot near Deir ez-Zor on Tuesday.", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint in Ramadi.", "Suicide bomb"),
    ("A roadside bomb hit a police patrol outside Kirkuk.", "Remote explosive/landmine/IED"),
    ("Unknown men threw a grenade into a cafe in Mogadishu.", "Grenade"),
    ("The pipeline was blown up again near Arauca on Sunday.", "Remote explosive/landmine/IED"),
    ("Rebels shelled the outskirts of Aleppo overnight.", "Shelling/artillery/missile attack"),
    ("Police arrested twelve men after the raid in Karachi.", "Arrests"),
    ("Gunmen kidnapped two engineers near Kano.", "Abduction/forced disappearance"),
    ("Both sides signed a ceasefire agreement in Doha on Monday.", "Agreement"),
    ("Hundreds of teachers protested peacefully outside parliament in Nairobi.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Harare.", "Protest with intervention"),
    ("Soldiers shot dead four protesters in Mandalay.", "Excessive force against protesters"),
    ("Rioters torched shops and pelted police with stones in Dhaka.", "Violent demonstration"),
    ("A mob lynched a man accused of theft in Jharkhand.", "Mob violence"),
    ("Army engineers defused an explosive device found near the bridge.", "Disrupted weapons use"),
    ("Government troops withdrew from the town overnight without a fight.", "Non-violent transfer of territory"),
])
def test_sentence_is_typed_by_its_trigger(annotated, text, sub_type):
    typing, _ = _type(annotated, text)
    assert typing is not None and typing.sub_type == sub_type, typing


def test_who_takes_a_town_decides_between_the_two_territory_sub_types(annotated):
    rebels, _ = _type(annotated, "Rebel fighters captured the town of Tal Afar on Sunday.")
    army, _ = _type(annotated, "The Iraqi army recaptured the town of Tal Afar on Sunday.")
    assert rebels.sub_type == "Non-state actor overtakes territory"
    assert army.sub_type == "Government regains territory"


def test_seizing_weapons_is_disrupted_weapons_use_not_territory(annotated):
    typing, _ = _type(annotated, "Police seized six rifles and 300 rounds of ammunition in Kingston.")
    assert typing.sub_type == "Disrupted weapons use"


def test_attack_on_soldiers_is_a_battle_and_on_villagers_violence_against_civilians(annotated):
    armed, _ = _type(annotated, "Militants attacked an army base near Maiduguri.")
    civilians, _ = _type(annotated, "Militants attacked villagers near Maiduguri.")
    assert armed.sub_type == "Armed clash"
    assert civilians.sub_type == "Attack"


@pytest.mark.parametrize("text", [
    "The militants did not attack the town.",
    "The group threatens to attack the city next week.",
    "Officials fear the rebels could seize the airport.",
    "The army plans to retake the district.",
    "If the talks fail, the militia will storm the capital.",
    "Troops were sent to protect the dam against a possible attack.",
    "Nobody was wounded by the gunfire at the market.",
    "Protesters called for an attack on the embassy.",
])
def test_negated_future_and_hypothetical_events_are_not_typed(annotated, text):
    typing, dropped = _type(annotated, text)
    assert typing is None, typing
    assert dropped


@pytest.mark.parametrize("text", [
    "Three men accused in the shooting death of a girl entered into plea agreements on Friday.",
    "Tom Reed, of Dayton, was taken into custody and charged with assault and obstructing official business.",
])
def test_a_plea_agreement_entered_into_or_a_suspect_taken_into_custody_takes_no_territory(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is None or typing.sub_type != "Non-state actor overtakes territory", typing


def test_fighters_entering_a_town_take_it(annotated):
    typing, _ = _type(annotated, "Rebel fighters entered the town on Sunday after the army withdrew.")
    assert typing is not None and typing.sub_type == "Non-state actor overtakes territory", typing


def test_police_called_to_a_shooting_were_summoned_to_one_that_happened(annotated):
    typing, _ = _type(annotated, "The coroner was called to the scene of a reported shooting in Lycoming County.")
    assert typing is not None and typing.sub_type == "Attack", typing


@pytest.mark.parametrize("text", [
    "A man was charged with murder in connection with a shooting at a store.",
    "A man is accused of murder in a shooting at a store.",
])
def test_the_offence_a_suspect_is_charged_with_gives_way_to_the_event_told(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is not None and typing.why.startswith("shooting"), typing


def test_where_the_weapon_of_a_shooting_was_found_is_no_seizure(annotated):
    typing, dropped = _type(annotated, "A 4-year-old boy fatally shot himself with a gun found in the home.")
    assert typing is not None and typing.sub_type == "Attack", typing
    assert any(d.startswith("found (defuse)") for d in dropped)
    typing, _ = _type(annotated, "Weapons cache found in raid near Ramadi.")
    assert typing is not None and typing.sub_type == "Disrupted weapons use", typing


def test_weapons_someone_carries_are_not_an_attack(annotated):
    typing, _ = _type(annotated, "The fighters paraded through the city carrying rockets and grenades.")
    assert typing is None or typing.sub_type not in ("Grenade", "Shelling/artillery/missile attack")


def test_riot_police_is_not_a_riot(annotated):
    typing, _ = _type(annotated, "Riot police stood guard outside the ministry in Tunis.")
    assert typing is None


def test_deaths_in_an_accident_are_not_political_violence(annotated):
    typing, dropped = _type(annotated, "Six workers died when a boiler exploded at a factory in Surat.")
    assert typing is None
    assert any("accident" in d for d in dropped)


def test_a_death_in_a_hunting_accident_is_a_shooting(annotated):
    # a hunting accident is a gun going off: gun-violence counts hold it, so it is read as an event
    typing, _ = _type(annotated, "A 16-year-old was killed in a hunting accident near Millbrook on Saturday.")
    assert typing is not None and typing.sub_type == "Attack"
    # an accident told with no word of a gun stays an accident
    typing, dropped = _type(annotated, "A 16-year-old was killed in a tractor accident near Millbrook on Saturday.")
    assert typing is None and any("accident" in d for d in dropped)


def test_police_opening_fire_on_a_crowd_of_protesters_is_excessive_force(annotated):
    typing, _ = _type(annotated, "Police opened fire on protesters in Srinagar, killing two.")
    assert typing.sub_type == "Excessive force against protesters"
    assert typing.why.startswith("opened")


# ---- precision: words of violence that report no new event (all sentences invented)

@pytest.mark.parametrize(("text", "sub_type"), [
    ("Police fired tear gas on Tuesday to break up a march by traders protesting a levy in Kisumu.",
     "Protest with intervention"),
    ("Police fired tear gas at hundreds of traders protesting over the cost of living in Mombasa.",
     "Protest with intervention"),
    ("Police used tear gas to scatter the protest of market traders near the county offices.",
     "Protest with intervention"),
    ("Police fired live bullets and tear gas at protesters in Kisumu, killing two.",
     "Excessive force against protesters"),
    ("Thousands of workers went on strike over unpaid salaries in Kano.", "Peaceful protest"),
])
def test_crowd_control_is_intervention_and_live_fire_is_excessive_force(annotated, text, sub_type):
    typing, _ = _type(annotated, text)
    assert typing is not None and typing.sub_type == sub_type, typing


@pytest.mark.parametrize("text", [
    "The winger cut in from the left and fired a low shot past the goalkeeper.",
    "His low strike from the edge of the box left the goalkeeper with no chance in the derby.",
])
def test_sports_senses_of_violent_words_are_not_events(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is None, typing


def test_a_match_report_drops_sports_senses_even_without_sports_words_in_the_sentence(annotated):
    _, ann = annotated("Their captain drove forward from the middle and found Otieno, who fired a shot on the hour.")
    assert type_sentence(Tree(ann.sentences[0].tokens), ann.actors, sports=True)[0] is None


def test_a_riot_at_a_match_is_still_a_riot(annotated):
    _, ann = annotated("Fans rioted and torched cars outside the stadium after the derby.")
    typing, _ = type_sentence(Tree(ann.sentences[0].tokens), ann.actors, sports=True)
    assert typing is not None and typing.sub_type == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "No lorries have left for the town since the attack.",
    "Transporters said fuel prices had doubled before the attack.",
    "It has been the scene of repeated strikes and ambushes in recent months.",
    "Protests over fuel prices have become frequent in Uganda.",
    "Local militias fill the gap and then clash with the jihadists.",
    "Sunni militants continue to fight across the province.",
    "Several air forces operate drones over the eastern desert.",
    "Thousands of fighters in military fatigues marched through the streets of Basra.",
    "No party has claimed the strike.",
    "Truck drivers described paying informal tolls at several checkpoints.",
])
def test_background_patterns_and_back_references_are_not_typed(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is None, typing


def test_a_march_moving_through_a_district_takes_no_territory(annotated):
    typing, _ = _type(annotated, "The march moved slowly through the central business district of Kampala.")
    assert typing is None or typing.rule.refine == "protest", typing


def test_a_headline_in_the_present_is_still_an_event(annotated):
    _, ann = annotated("Drone strike kills four near Raqqa")
    typing, _ = type_sentence(Tree(ann.sentences[0].tokens), ann.actors, headline=True)
    assert typing is not None and typing.sub_type == "Air/drone strike"


def test_the_month_of_march_is_no_protest_march(annotated):
    typing, _ = _type(annotated, "By Amina Yusuf, Thursday 13 March 2025")
    assert typing is None


@pytest.mark.parametrize("text", [
    "They carried rocket-propelled grenades and rifles through the square.",
    "Thousands of militiamen paraded in Basra, heavily armed with machine guns and rocket launchers.",
])
def test_weapons_carried_or_paraded_are_no_attack(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is None or typing.sub_type not in ("Grenade", "Shelling/artillery/missile attack"), typing


def test_victims_hurt_by_gunfire_with_no_attacker_named_are_an_attack(annotated):
    typing, _ = _type(annotated, "Four people were injured by gunfire outside a bar in Toledo.")
    assert typing is not None and typing.sub_type == "Attack", typing


@pytest.mark.parametrize("text", [
    "A bullet struck an 11-year-old girl in a parking lot in Toledo.",
    "Two bullets grazed the boy as he slept in his bedroom in Toledo.",
])
def test_a_round_hitting_someone_with_no_shooter_named_is_an_attack(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is not None and typing.sub_type == "Attack" and typing.rule.name == "bullet-hits", typing


def test_a_victim_struck_by_a_bullet_is_not_read_by_the_round_hitting_rule(annotated):
    # the passive tells the victim's state beside the shooting, which its own sentence types
    typing, _ = _type(annotated, "Officers found that the girl had been struck in the head by a bullet.")
    assert typing is None or typing.rule.name != "bullet-hits", typing


@pytest.mark.parametrize("text", [
    "A farmer who killed and ate a wild rabbit near Lanzhou fell ill last week.",
    "Hunters shot two deer in the forest near Brno on Saturday.",
    "The plague killed three villagers in the district last month.",
    "The county was hit by a ransomware attack on Monday.",
    "Engineers fitted four engines to the rocket before its flight to orbit.",
    "The contractors built two rockets at the plant last year.",
])
def test_animals_killed_diseases_cyber_attacks_and_spaceflight_rockets_are_no_event(annotated, text):
    typing, _ = _type(annotated, text)
    assert typing is None, typing


def test_killing_a_person_beside_an_animal_word_is_still_an_event(annotated):
    typing, _ = _type(annotated, "Gunmen shot two farmers near their cattle pen in Jos.")
    assert typing is not None


def test_executing_a_search_warrant_is_no_killing(annotated):
    typing, _ = _type(annotated, "Detectives executed a search warrant at a garage behind the house on Monday.")
    assert typing is None or typing.sub_type != "Attack", typing


def test_storming_a_place_takes_it_but_a_storm_in_the_forecast_is_no_event(annotated):
    stormed, _ = _type(annotated, "Gunmen stormed the police station in Kidal on Friday.")
    weather, _ = _type(annotated, "Showers and storms are in the forecast for Saturday.")
    assert stormed.sub_type == "Non-state actor overtakes territory"
    assert weather is None, weather


def test_a_title_finds_the_gunfire_of_its_wounded_anywhere_an_unpunctuated_line_does_not(annotated):
    _, ann = annotated("Dozens of shots fired, four wounded at Hawija party")
    tree = Tree(ann.sentences[0].tokens)
    typing, _ = type_sentence(tree, (), headline=True, title=True)
    assert typing is not None and typing.sub_type == "Attack"
    # a line inside a text (a caption, a snippet without its full stop) keeps the parse's frame
    typing, _ = type_sentence(tree, (), headline=True)
    assert typing is None


def test_a_temper_or_a_feed_that_blows_up_is_no_explosion(annotated):
    typing, _ = _type(annotated, "Social media blew up after the mayor's remarks on Sunday.")
    assert typing is None
