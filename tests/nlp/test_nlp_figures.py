from newsfuse.nlp.figures import find_figures


def _one(text):
    (f,) = find_figures(text)
    return f.kind, f.low, f.high, f.qualifier


def test_active_verb_with_object_count_is_a_death_toll():
    assert _one("Witnesses said the clashes killed 15 people in Tuz Khurmatu.") == ("killed", 15, 15, "exact")


def test_cost_lives_is_a_death_toll():
    assert _one("Fighting near Baquba that cost 17 lives ended at dawn.") == ("killed", 17, 17, "exact")


def test_headline_number_followed_by_killed():
    assert _one("12 killed in car bomb at Karbala market") == ("killed", 12, 12, "exact")


def test_more_than_means_strictly_more_and_open_ended():
    assert _one("More than 70 attackers were killed, the army said.") == ("killed", 71, None, "at_least")


def test_at_least_is_open_ended_from_the_number():
    assert _one("At least 50 demonstrators were wounded in Ramadi.") == ("injured", 50, None, "at_least")


def test_vague_quantities_get_documented_ranges():
    assert _one("Dozens were wounded in the blast.") == ("injured", 24, 99, "approximate")
    assert _one("A dozen villagers were arrested.") == ("arrested", 12, 12, "approximate")


def test_numbers_in_words_are_counted():
    assert _one("Two soldiers died when their patrol hit a mine.") == ("killed", 2, 2, "exact")


def test_killed_and_wounded_in_one_clause_are_two_figures():
    figures = find_figures("The bomb exploded, killing at least 12 and wounding 30 near Hilla.")
    assert [(f.kind, f.low, f.qualifier) for f in figures] == [("killed", 12, "at_least"), ("injured", 30, "exact")]


def test_up_to_is_a_ceiling():
    assert _one("Up to 3,000 families were displaced from Sinjar.") == ("displaced", 3000, 3000, "at_most")


def test_a_year_is_not_a_figure():
    assert find_figures("In 2013 the talks collapsed in Erbil.") == []


def test_plain_head_count_is_kind_count():
    assert _one("Some 300 fighters gathered outside Fallujah.") == ("count", 300, 300, "approximate")


def test_figure_span_points_at_its_text():
    text = "Officials said 9 policemen were killed overnight."
    (f,) = find_figures(text)
    assert text[f.span[0]:f.span[1]] == f.text == "9 policemen were killed"


def test_a_number_of_days_or_kilometres_is_not_a_toll():
    assert find_figures("Gunmen killed 13 days ago a judge in Lima.") == []
    assert _one("The blast killed 4 people 20 km from Gao.") == ("killed", 4, 4, "exact")


def test_one_named_or_singular_victim_is_one_death():
    assert _one("Juan Perez, a reporter for a local station, was shot and killed today.")[:2] == ("killed", 1)
    assert _one("Gunmen killed Dolores Quispe, the mayor of the district.")[:2] == ("killed", 1)
    assert _one("A woman was also murdered in Huamanga.")[:2] == ("killed", 1)
    assert find_figures("Troops killed Islamic State fighters near Mosul.") == []


def test_the_murder_of_a_number_of_people_is_a_toll():
    assert _one("Police are investigating the murder of two young tourists.") == ("killed", 2, 2, "exact")


def test_an_attempted_murder_of_people_kills_no_one():
    found = find_figures("Six men were indicted for the attempted murders of five teenagers in Memphis.")
    assert not [f for f in found if f.kind == "killed"], found


def test_people_shot_are_counted_as_shot_and_shot_and_killed_as_killed():
    from newsfuse.nlp.figures import find_figures

    def kinds(text):
        return [(f.kind, f.low) for f in find_figures(text)]

    assert kinds("Four teens were shot on the court.") == [("shot", 4)]
    assert kinds("A man was shot Tuesday night.") == [("shot", 1)]
    assert kinds("Two men were shot and killed.") == [("killed", 2)]
    assert kinds("Two people were fatally shot.") == [("killed", 2)]
    assert kinds("he and three others were shot") == [("shot", 4)]
    assert kinds("killing three men and wounding another") == [("killed", 3), ("injured", 1)]
    assert kinds("Five people were shot, two of them fatally.") == [("shot", 5), ("killed", 2)]


def _kinds(text):
    return [(f.kind, f.low) for f in find_figures(text)]


def test_a_time_of_day_is_not_a_count_of_people_shot():
    assert ("shot", 9) not in _kinds("Police heard a shooting about 9 p.m. on Elm Street.")


def test_victims_listed_by_name_are_counted_one_each():
    assert _kinds("Tariq Moss, 19, Dana Wu and Li McKenna were also struck by gunfire.") == [("shot", 3)]
    assert _kinds("Ann Lee, 31, and Bo Park, 22, were shot and killed.") == [("killed", 2)]


def test_two_singular_victims_joined_by_and_are_two():
    assert _kinds("A man and his mother were killed in the house fire.") == [("killed", 2)]


def test_a_triple_homicide_is_three_killed_and_a_quadruple_shooting_four_shot():
    assert _kinds("Detectives are working the triple homicide.") == [("killed", 3)]
    assert _kinds("A woman died in a quadruple shooting.") == [("shot", 4)]


def test_the_victims_of_one_killing_verb_are_counted_together():
    assert _kinds("Police said he killed his wife and three children at the farm.") == [("killed", 4)]
    assert _kinds("She fatally shot her partner and their two children.") == [("killed", 3)]
    assert _kinds("He shot and killed his 8- and 6-year-old nephews.") == [("killed", 2)]


def test_an_age_is_not_a_count_of_people_killed():
    assert ("killed", 7) not in _kinds("A man kills 7-year-old daughter, then himself.")


def test_the_emergency_number_is_not_a_count():
    assert _kinds("A woman called 911 to say she shot an intruder.") == []


def test_the_parts_of_one_victim_count_are_added_up():
    assert _kinds("Two women, one man injured in riverside shootout") == [("injured", 3)]
    assert _kinds("Police said two boys and three girls were shot.") == [("shot", 5)]
    assert _kinds("A 4-year-old and two adults shot on Elm Street") == [("shot", 3)]


def test_two_victims_found_dead_are_two_killed():
    assert _kinds("A woman and her son were found dead in the house.") == [("killed", 2)]


def test_victims_listed_by_kind_in_a_headline_are_one_each():
    assert _kinds("Woman, boyfriend killed in Elm Street shooting") == [("killed", 2)]
    assert _kinds("Man, baby found dead inside home") == [("killed", 2)]
    assert _kinds("6-year-old girl and grandfather found dead") == [("killed", 2)]


def test_a_couple_or_brothers_told_dead_are_two_killed_but_a_couple_who_shot_is_no_count():
    assert _kinds("Elderly couple killed in home invasion") == [("killed", 2)]
    assert _kinds("Brothers killed were lured to Elm Street") == [("killed", 2)]
    assert _kinds("Man kills parents, self") == [("killed", 3)]
    assert _kinds("Couple shot 9-year-old, grandmother in Elm Street home") == []


def test_the_victims_of_one_killing_verb_include_the_attacker_himself():
    assert _kinds("Neighbor kills woman, her son, himself") == [("killed", 3)]
    assert _kinds("Retired officer kills himself, 2 children") == [("killed", 3)]
    assert _kinds("Gunman fatally shoots 3 men, self") == [("killed", 4)]
    assert ("killed", 15) in _kinds("Fighters seized the town, killing 15 soldiers, two security sources said.")
    assert _kinds("He killed his wife.") == []


def test_gunned_down_is_killed_and_a_named_victim_after_killing_is_one():
    assert _kinds("Men arrested for gunning down 3 teens near Atwater") == [("killed", 3)]
    assert _kinds("Three men were gunned down Friday.") == [("killed", 3)]
    assert ("killed", 1) in _kinds("He shot four people, killing 20-year-old Tia Brown.")


def test_victims_listed_by_kind_count_the_shot_and_the_injured_too():
    assert _kinds("Child, three adults injured in Elm Street shooting") == [("injured", 4)]
    assert _kinds("Pregnant woman, 2 others shot at club") == [("shot", 3)]


def test_no_one_else_hurt_counts_no_one():
    assert find_figures("No one else was injured in the shooting.") == []
    assert [f.kind for f in find_figures("Two men were killed and no one else was hurt.")] == ["killed"]


def test_a_number_and_a_verb_of_two_sentences_are_no_figure():
    assert find_figures("He lived off Highway 81 in Dorset.\n\nDeputies shot the man twice.") == []
    assert find_figures("The boy turned 4 on Dec. 23 when he shot himself.") == []


def test_shots_fired_and_a_guns_bore_are_no_count_of_people():
    assert _kinds("Marla Quent was shot seven times on Birch Lane.") == [("shot", 1)]
    assert find_figures("The man shot about 10 times at the parked van.") == []
    assert find_figures("Deputies found a 9 mm pistol Lyle shot with.") == []


def test_killed_and_injured_of_one_sentence_keep_their_own_numbers():
    assert _kinds("A gunman killed three people and injured two others in Elmwood.") == [("killed", 3), ("injured", 2)]
    assert find_figures("There were four shoppers who weren't injured inside the store.") == []
    assert find_figures("He took two steps and shot the clerk.") == []


def test_shot_comma_killed_in_a_headline_is_killed():
    assert _kinds("Guard, 2 customers shot, killed in Dorval store robbery") == [("killed", 3)]
    assert _kinds("Father, son shot & killed on Juniper Road") == [("killed", 2)]
    assert _kinds("Two men shot, one killed near Ashby park") == [("shot", 2), ("killed", 1)]


def test_fatally_shooting_a_count_kills_that_many():
    assert _one("Police said the man fatally shot four people at a Toledo garage.") == ("killed", 4, 4, "exact")
