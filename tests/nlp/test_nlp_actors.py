from newsfuse.nlp.actors import find_actors

IRAQ = {"IQ": "Iraq"}


def _canon(text, main="IQ"):
    return [(a.text, a.canonical, a.kind) for a in find_actors(text, IRAQ, main)]


def test_every_name_of_islamic_state_becomes_one_actor():
    text = ("ISIS fighters and ISIL commanders, the Islamic State of Iraq and the Levant, Daesh, "
            "the Islamic State in Iraq and the Sham and Islamic State of Iraq and Syria.")
    assert {c for _, c, _ in _canon(text)} == {"Islamic State"}


def test_acronym_is_only_matched_as_written():
    assert _canon("What is clear is that IS moved north.") == [("IS", "Islamic State", "group")]


def test_bare_is_inside_a_capitalised_headline_is_skipped():
    assert _canon("WHY THE BORDER IS OPEN") == []


def test_naqshbandi_names_meet():
    found = {c for _, c, _ in _canon("JRTN, the Naqshbandi Army or Army of the Men of the Naqshbandiyah Order")}
    assert found == {"JRTN: Army of the Men of the Naqshbandi Order"}


def test_state_forces_take_the_country_of_their_adjective():
    assert _canon("Iraqi army units withdrew.")[0][1:] == ("Military Forces of Iraq", "state_force")


def test_generic_border_guards_take_the_documents_country():
    assert _canon("border guards left their posts")[0][1] == "Military Forces of Iraq"


def test_generic_forces_without_a_known_country_drop_the_placeholder():
    assert _canon("Police sealed the area.", main=None)[0][1] == "Police Forces"


def test_civilians_and_protesters_have_their_kinds():
    kinds = {c: k for _, c, k in _canon("Protesters marched while civilians fled.")}
    assert kinds == {"Protesters (Iraq)": "group", "Civilians (Iraq)": "civilians"}


def test_hyphenated_compound_after_a_name_still_names_the_actor():
    assert ("Islamic State", "group") in {(c, k) for _, c, k in _canon("Islamic State-held villages were shelled")}


def test_a_group_named_only_as_someone_elses_affiliate_is_not_that_group():
    # ACLED codes the affiliate itself: "Al-Qaeda-affiliated Al-Nusra Front" is the Nusra Front
    assert _canon("gunmen from the Al-Qaeda-affiliated Al-Nusra Front")[1:] == [
        ("Al-Nusra Front", "Nusra Front", "group")]
    assert "Al Qaeda" not in {c for _, c, _ in _canon("fighters from an al Qaeda-linked group, the main al-Qaeda affiliate")}


def test_jnim_is_one_group_under_its_arabic_english_and_french_derived_names():
    text = ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) attacked the camp. The Group for the Support of "
            "Islam and Muslims (GSIM) said it held the town.")
    assert {c for _, c, _ in _canon(text)} >= {"JNIM: Group for Support of Islam and Muslims"}
    assert {t for t, c, _ in _canon(text) if c.startswith("JNIM")} == {
        "Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "Group for the Support of Islam and Muslims", "GSIM"}


def test_the_press_and_a_groups_affiliation_are_not_actors_from_spacy_entities():
    from newsfuse.nlp.actors import entity_actors

    text = "An Associated Press reporter saw fighters from an al Qaeda-linked group enter Kidal."
    ents = [("Associated Press", (3, 19), "ORG"), ("al Qaeda", (50, 58), "ORG"), ("Kidal", (78, 83), "ORG")]
    assert text[3:19] == "Associated Press" and text[50:58] == "al Qaeda" and text[78:83] == "Kidal"
    assert [a.canonical for a in entity_actors(ents, [], text)] == ["Kidal"]


def test_a_name_after_a_preposition_of_place_is_a_place_not_an_actor():
    from newsfuse.nlp.actors import entity_actors

    text = "Vendors from Gikomba marched towards the Euphrates bridge, where Hamas fighters met them."
    ents = [(w, (text.index(w), text.index(w) + len(w)), "ORG") for w in ("Gikomba", "Euphrates", "Hamas")]
    assert [a.canonical for a in entity_actors(ents, [], text)] == ["Hamas"]


def test_aliases_are_found_where_the_whole_alias_pattern_would_find_them():
    from newsfuse.nlp.actors import _alias_matches, _table

    text = ("ISLAMIC STATE fighters and Afghan-police officers clashed; al‑Qaeda’s men, the Iraqi Army and "
            "AL QAEDA were named, as were Kurdish forces, ıslamic state (dotless i) and the Taliban-linked group.")
    assert [m.span() for m in _alias_matches(text)] == [m.span() for m in _table()[0].finditer(text)]
    assert _alias_matches(text)


def test_armed_groups_of_other_regions_are_named_as_acled_names_them():
    found = {c for _, c, _ in _canon("The FMLN and the Shining Path, Sendero Luminoso, the Tamil Tigers, "
                                     "the Revolutionary Armed Forces of Colombia and the Extraditables", main=None)}
    assert found == {"FMLN: Farabundo Marti National Liberation Front", "Shining Path",
                     "LTTE: Liberation Tigers of Tamil Eelam", "FARC: Revolutionary Armed Forces of Colombia",
                     "Medellin Cartel"}


def test_a_group_acronym_that_is_also_a_word_is_not_read_lowercased():
    assert _canon("The farc and eln were mentioned in lowercase.", main=None) == []
