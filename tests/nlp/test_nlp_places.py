import pytest

from newsfuse.nlp.gazetteer import load
from newsfuse.nlp.outlets import home_area
from newsfuse.nlp.places import find_places
from newsfuse.nlp.settings import NlpSettings


@pytest.fixture(scope="module")
def gaz():
    return load()


def _places(text, gaz):
    return {m.text: (m.place.name, m.place.country, m.place.precision) for m in find_places(text, gaz, NlpSettings())}


def test_transliterated_towns_resolve_in_an_iraqi_report(gaz):
    text = ("Fighters advanced from al-Qaim towards Rawah and Ana in western Iraq, while others "
            "shelled Bayji and moved on Al Hawijah.")
    found = _places(text, gaz)
    assert found["al-Qaim"][:2] == ("Al Qā’im", "IQ")
    assert found["Rawah"][:2] == ("Rāwah", "IQ")
    assert found["Ana"][:2] == ("‘Anah", "IQ")
    assert found["Bayji"][:2] == ("Bayjī", "IQ")
    assert found["Al Hawijah"][:2] == ("Al Ḩawījah", "IQ")
    assert found["Iraq"] == ("Iraq", "IQ", "country")


def test_al_qaim_has_its_geonames_coordinates(gaz):
    (m,) = [m for m in find_places("Troops returned to Al Qa'im in Iraq.", gaz, NlpSettings()) if m.text == "Al Qa'im"]
    assert m.place.lat == pytest.approx(34.39, abs=0.01) and m.place.lon == pytest.approx(40.99, abs=0.01)
    assert m.place.geonameid is not None


def test_syrian_border_town_spellings_resolve_to_one_place(gaz):
    text = "The road from Albukamal, also written Abu Kamal or Al-Bukamal, crosses into Syria."
    found = _places(text, gaz)
    assert {found[k][0] for k in ("Albukamal", "Abu Kamal", "Al-Bukamal")} == {"Ālbū Kamāl"}


def test_small_town_name_without_country_support_is_not_a_place(gaz):
    assert "Ana" not in _places("Ana said she would bring the tickets.", gaz)


def test_big_city_needs_no_country_context(gaz):
    assert _places("Markets reopened in Mosul after the curfew.", gaz)["Mosul"][:2] == ("Mosul", "IQ")


def test_common_words_that_are_tiny_places_are_ignored(gaz):
    found = _places("Police said the Center was closed. The police then left.", gaz)
    assert "Police" not in found and "Center" not in found


def test_province_of_a_town_gets_region_precision(gaz):
    found = _places("Clashes spread across Kirkuk province in Iraq.", gaz)
    assert found["Kirkuk"] == ("Kirkuk", "IQ", "region")


def test_provinces_missing_from_geonames_come_from_the_region_table(gaz):
    assert _places("Roads in Anbar were closed.", gaz)["Anbar"] == ("Anbar", "IQ", "region")


def test_surname_inside_a_person_name_is_not_a_place(gaz):
    assert "al-Maliki" not in _places("Prime Minister Nuri al-Maliki spoke in Baghdad, Iraq.", gaz)


@pytest.mark.parametrize("side", ["West Side", "Southside", "Northwest Side"])
def test_a_side_of_the_town_is_no_far_town_of_that_name(gaz, side):
    # GeoNames lists "West Side" as another name of Las Vegas
    found = _places(f"A girl was shot on the {side} of San Antonio, Texas, on Friday.", gaz)
    assert side not in found and found["San Antonio"][:2] == ("San Antonio", "US")


def test_a_lake_named_after_a_town_is_no_town(gaz):
    found = _places("It happened at the Rose Valley Lake boat launch in Lycoming County, Pennsylvania.", gaz)
    assert "Rose Valley" not in found and "Lycoming County" in found


def test_nationality_adjectives_are_adjectival_mentions_not_towns_or_countries(gaz):
    (syrian,) = [m for m in find_places("Syrian rebels withdrew from the crossing into Iraq.", gaz, NlpSettings())
                 if m.text == "Syrian"]
    assert syrian.place.feature == "adjectival" and syrian.place.country == "SY"


def test_parts_of_hyphenated_and_possessive_words_are_places(gaz):
    found = _places("On the Iraq-Syria frontier, Russia’s envoy met US-led coalition officers.", gaz)
    assert {found[k][0] for k in ("Iraq", "Syria", "Russia", "US")} == {"Iraq", "Syria", "Russia", "United States"}


def test_a_named_us_state_is_a_region_and_favours_its_own_towns(gaz):
    found = _places("Deputies in Parkland, Florida, closed the school.", gaz)
    assert found["Florida"] == ("Florida", "US", "region")
    assert found["Parkland"][:2] == ("Parkland", "US")
    (m,) = [m for m in find_places("Deputies in Parkland, Florida, closed the school.", gaz, NlpSettings()) if m.text == "Parkland"]
    assert m.place.admin1 == "Florida"  # admin-1 names, not codes


def test_world_city_beats_a_small_namesake_in_the_documents_country(gaz):
    assert _places("The senator flew from Ohio, United States, to London.", gaz)["London"][:2] == ("London", "GB")


def test_continents_are_regions(gaz):
    assert _places("Exports to Africa fell.", gaz)["Africa"][2] == "region"


def test_a_close_alternate_spelling_of_a_small_town_resolves_in_a_report_naming_its_country(gaz):
    # "Douenza" is a GeoNames alternate name of Douentza (Mopti region, Mali)
    found = {m.text: m.place for m in find_places("Soldiers left Douenza on Friday, officials in Mali said.", gaz, NlpSettings())}
    assert found["Douenza"].geonameid == 2458334


def test_an_alternate_name_of_a_town_the_report_also_names_refers_to_that_town(gaz):
    text = "Insurgents took Al-Qaim on Friday. Residents of Husaybah, on the Iraqi side of the border, fled."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}
    assert found["Husaybah"].geonameid == found["Al-Qaim"].geonameid == 92138


def test_an_unrelated_alternate_name_of_a_small_town_stays_unplaced(gaz):
    # "Husaybah" alone is only an alternate name of Al Qa'im, and "Douenza" needs Mali named
    assert "Husaybah" not in _places("Residents of Husaybah fled, officials in Iraq said.", gaz)
    assert "Douenza" not in _places("Soldiers left Douenza on Friday.", gaz)


def test_a_town_followed_by_an_ap_state_abbreviation_is_the_town_in_that_state(gaz):
    found = {m.text: m.place for m in find_places("Deputies were called to a home in Denmark, S.C., late Monday.", gaz, NlpSettings())}
    assert (found["Denmark"].country, found["Denmark"].admin1) == ("US", "South Carolina")
    assert found["S.C."].name == "South Carolina" and found["S.C."].geo_precision == 3


def test_jefferson_ga_is_the_georgia_town_with_its_county(gaz):
    found = {m.text: m.place for m in find_places("A man was killed in Jefferson, Ga., on Friday.", gaz, NlpSettings())}
    assert (found["Jefferson"].admin1, found["Jefferson"].admin2) == ("Georgia", "Jackson County")


def test_a_us_state_beats_the_country_of_its_name_when_its_towns_are_named(gaz):
    found = {m.text: m.place for m in find_places("Georgia lawmakers met in Atlanta on Tuesday.", gaz, NlpSettings())}
    assert found["Georgia"].country == "US" and found["Georgia"].feature == "region"


def test_a_us_state_beats_the_country_of_its_name_when_the_documents_towns_lie_in_another_state(gaz):
    # the text's own places are American (Dallas) and none Georgian: the officer is the state's
    text = ("A Georgia police officer who was shot Friday was ambushed, authorities say. There is no connection "
            "to Thursday night's shootings in Dallas, the chief said.")
    for home in (("US", "NY"), None):
        found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=home)}
        assert (found["Georgia"].country, found["Georgia"].feature) == ("US", "region")


def test_the_country_of_a_states_name_stays_where_the_text_points_at_it(gaz):
    for text in ("Russia and Georgia fought a short war in 2008.",
                 "Georgian troops withdrew; Georgia and Washington signed the accord."):
        found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=("US", "CT"))}
        assert found["Georgia"].country == "GE", text
    # and backs the country's own small towns as it did
    found = _places("TBILISI, Georgia -- Georgian police said the brigade in Gori was on alert.", gaz)
    assert found["Gori"][1] == "GE"


def test_a_town_written_after_another_towns_state_is_in_that_state(gaz):
    found = {m.text: m.place for m in find_places("Two people were hurt in Dublin, Ohio, on Sunday.", gaz, NlpSettings())}
    assert (found["Dublin"].country, found["Dublin"].admin1) == ("US", "Ohio")


def test_every_town_carries_its_admin1_and_admin2_names(gaz):
    (m,) = [m for m in find_places("Shots were fired in Rocky Mount, North Carolina.", gaz, NlpSettings())
            if m.text == "Rocky Mount"]
    assert m.place.admin1 == "North Carolina" and m.place.admin2 in ("Nash County", "Edgecombe County")


def test_near_a_town_has_geo_precision_two_at_the_town(gaz):
    (m,) = [m for m in find_places("Gunmen attacked a checkpoint near Mosul, Iraq.", gaz, NlpSettings()) if m.text == "Mosul"]
    assert m.place.geo_precision == 2 and m.place.name == "Mosul"


def test_a_distance_and_bearing_from_a_town_moves_the_point_that_far(gaz):
    (m,) = [m for m in find_places("The convoy was hit 20 km north of Mosul, Iraq.", gaz, NlpSettings()) if m.text == "Mosul"]
    assert m.place.geo_precision == 2
    assert m.place.lat == pytest.approx(36.34 + 20 / 111.2, abs=0.02)


def test_a_province_named_after_its_town_is_a_region_with_geo_precision_three(gaz):
    (m,) = [m for m in find_places("Clashes spread across Kirkuk province in Iraq.", gaz, NlpSettings()) if m.text == "Kirkuk"]
    assert m.place.precision == "region" and m.place.geo_precision == 3


def test_a_county_is_a_place(gaz):
    found = {m.text: m.place for m in find_places("Laurel County deputies said the man was armed, in Kentucky.", gaz, NlpSettings())}
    assert found["Laurel County"].feature == "county" and found["Laurel County"].admin1 == "Kentucky"


def test_a_town_and_a_county_it_lies_in_decide_each_other(gaz):
    found = {m.text: m.place for m in find_places("Paris and Henry County is rich in history, the class learned.",
                                                  gaz, NlpSettings())}
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Tennessee")


def test_an_ocean_is_a_region_but_atlantic_city_is_the_town(gaz):
    found = {m.text: m.place for m in find_places("Storms formed over the tropical Atlantic. Casinos in Atlantic City, "
                                                  "New Jersey, closed.", gaz, NlpSettings())}
    assert found["Atlantic"].name == "Atlantic Ocean"
    assert found["Atlantic City"].admin1 == "New Jersey"


def test_an_outlets_host_names_its_home_area_at_the_start_or_end_of_a_part(gaz):
    assert home_area("https://www.fox10phoenix.com/news/x", gaz) == ("US", "AZ")
    assert home_area("http://chicago.suntimes.com/a", gaz) == ("US", "IL")
    assert home_area("https://web.archive.org/web/2015/http://www.nbcmiami.com/n", gaz) == ("US", "FL")
    assert home_area("https://example.org/x", gaz) is None


def test_an_outlets_home_area_is_learned_for_the_original_host_inside_an_archive_address(gaz):
    from newsfuse.nlp.outlets import home_area

    assert home_area("https://web.archive.org/web/2016/http://www.lex18.com/story/123", gaz) == ("US", "KY")
    assert home_area("http://weather.lex18.com/story/123", gaz) == ("US", "KY")  # a subdomain of a learned host


def test_a_host_naming_a_big_town_gives_its_state_when_the_host_is_not_learned(gaz):
    from newsfuse.nlp.outlets import home_area

    assert home_area("http://www.fox10phoenix.com/news/1", gaz, learned=False) == ("US", "AZ")
    assert home_area("http://www.example.org/news/1", gaz) is None


def test_local_news_places_a_small_namesake_in_the_outlets_state(gaz):
    text = "Two men were shot outside an apartment in Winchester late Tuesday, police said."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=("US", "KY"))}
    assert (found["Winchester"].country, found["Winchester"].admin1) == ("US", "Kentucky")


def test_in_local_news_a_small_town_of_another_state_needs_its_state_written(gaz):
    text = "Detectives spoke with Burns after the shooting in Louisville on Friday."
    settings = NlpSettings()
    assert {m.text for m in find_places(text, gaz, settings, home=("US", "KY"))} == {"Louisville"}
    # with no known outlet, the one state the document's towns lie in plays the home's part
    assert {m.text for m in find_places(text, gaz, settings)} == {"Louisville"}
    written = "Detectives spoke with a man from Burns, Oregon, after the shooting in Louisville."
    assert "Burns" in {m.text for m in find_places(written, gaz, settings, home=("US", "KY"))}


def test_a_street_or_building_named_after_a_town_is_no_place(gaz):
    text = "Officers were called to an apartment on Oxford Drive and took the victim to Clark Memorial Hospital."
    assert _places(text, gaz) == {}


def test_a_towns_police_name_the_town(gaz):
    text = "A man was arrested by Urbana Police on Friday after a shooting in Ohio."
    assert _places(text, gaz)["Urbana"][:2] == ("Urbana", "US")


def test_short_names_of_countries_and_the_eu_are_places(gaz):
    text = "Envoys from the EU and the UAE met officials of the DPRK in Geneva to talk about the Korean Peninsula."
    found = _places(text, gaz)
    assert found["UAE"][1] == "AE" and found["DPRK"][1] == "KP"
    assert found["EU"][0] == "European Union" and found["EU"][2] == "region"
    assert found["Korean Peninsula"][2] == "region"


def test_compass_words_that_name_admin_areas_abroad_are_no_places(gaz):
    text = "The South Korean envoy said the West must act. A farmers' service Centre opened in Kenya."
    found = _places(text, gaz)
    assert "South" not in found and "West" not in found and "Centre" not in found
    assert found["Kenya"][1] == "KE"


def test_an_ap_state_abbreviation_is_the_state_even_where_a_town_shares_its_letters(gaz):
    found = {m.text: m.place for m in find_places("Deputies in Paris, Tenn., arrested two men.", gaz, NlpSettings())}
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Tennessee")
    assert found["Tenn."].feature == "region"


def test_an_abbreviated_saint_keeps_its_town_whole_and_washington_is_in_its_district(gaz):
    [louis] = find_places("Police in St. Louis said on Monday that two men were shot.", gaz, NlpSettings())
    assert (louis.text, louis.place.admin1, louis.place.country) == ("St. Louis", "Missouri", "US")
    [washington] = find_places("Officials in Washington said on Monday.", gaz, NlpSettings())
    assert washington.place.admin1 == "District of Columbia"


def test_wales_and_scotland_are_regions_of_the_united_kingdom(gaz):
    found = _places("Storms closed roads in Wales and Scotland on Monday.", gaz)
    assert found["Wales"] == ("Wales", "GB", "region") and found["Scotland"] == ("Scotland", "GB", "region")


def test_a_town_before_its_own_institutions_or_after_an_article_is_the_town(gaz):
    text = ("A Lewisburg man was arrested at Lewisburg City Hall on Monday. The Lewisburg High School "
            "band played in Marshall County, Tennessee.")
    found = [(m.text, m.place.admin1) for m in find_places(text, gaz, NlpSettings()) if m.text == "Lewisburg"]
    assert found == [("Lewisburg", "Tennessee")] * 3


def test_a_town_followed_by_borough_is_the_town(gaz):
    text = "Police in Dauphin County, Pa., responded to a home in Hummelstown Borough on Thursday."
    assert _places(text, gaz)["Hummelstown"][:2] == ("Hummelstown", "US")


def test_york_alone_is_a_town_though_a_stoplist_holds_it_for_new_york(gaz):
    text = "Police in York County, Pa., said two men were shot in York City on Friday. They were taken to York Hospital."
    assert _places(text, gaz)["York"][:2] == ("York", "US")
    assert _places("He moved to New York last year.", gaz)["New York"][0] == "New York"


def test_a_small_town_named_like_a_state_is_the_state_unless_qualified(gaz):
    text = "She moved from Albany, New York, to Florida last year."
    assert _places(text, gaz)["Florida"] == ("Florida", "US", "region")
    assert _places("He lives in Florida, N.Y., near Goshen.", gaz)["Florida"] == ("Florida", "US", "point")


def test_a_bare_district_name_of_a_country_the_text_never_names_yields_to_the_town(gaz):
    found = _places("Researchers at Cambridge published the study on Monday.", gaz)
    assert found["Cambridge"][2] == "point"


def test_a_name_qualified_once_is_that_place_all_through_the_document(gaz):
    text = ("A boy died after a shooting in Portsmouth, Va. on Saturday. Portsmouth police arrested two men. "
            "Anyone with information should call Portsmouth detectives.")
    found = [m for m in find_places(text, gaz, NlpSettings()) if m.text == "Portsmouth"]
    assert len(found) == 3 and {m.place.admin1 for m in found} == {"Virginia"}


def test_in_local_news_a_town_abroad_needs_its_country_named(gaz):
    text = "Deputies said the Toyota was found near Carolina Avenue in Greenville after the shooting."
    kept = {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "SC"))}
    assert "Toyota" not in kept and "Greenville" in kept
    abroad = "The soldier from Greenville had served in Toyota, Japan, before he was shot."
    assert "Toyota" in {m.text for m in find_places(abroad, gaz, NlpSettings(), home=("US", "SC"))}


def test_the_state_a_report_names_most_decides_its_counties_and_towns(gaz):
    text = ("Jobless rate edges up. Boone County posted 7.1 percent in March, the Indiana labor office said. "
            "Across Indiana the rate was 8.4 percent, while neighbouring Kentucky reported 9 percent. "
            "Indiana officials expect Boone County to recover by summer.")
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}
    assert found["Boone County"].admin1 == "Indiana"
    # one mention of each state names no main area: the county is ranked as before
    once = "Boone County posted 7.1 percent, between Indiana and Kentucky figures."
    assert {m.text: m.place for m in find_places(once, gaz, NlpSettings())}["Boone County"].admin1 != "Indiana"


def test_a_home_read_off_the_hosts_own_town_name_does_not_decide_that_town(gaz):
    text = "Council approves budget. Newark will repave four streets in Licking County this summer."
    places = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=("US", "NJ"),
                                                 host="newarkledger.com")}
    assert places["Newark"].admin1 == "Ohio"  # the Licking County seat, not the biggest Newark
    # a home learned for the host (not its biggest namesake's) still places its town
    paris = {m.text: m.place for m in find_places("Paris council meets.", gaz, NlpSettings(), home=("US", "TN"),
                                                host="parisledger.com")}
    assert paris["Paris"].admin1 == "Tennessee"


def test_a_country_sits_at_the_point_learned_from_geonames_labelled_dev_data(gaz):
    text = "Japan and Canada signed the accord; Japanese officials welcomed it."
    learned = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}
    own = {m.text: m.place for m in find_places(text, gaz, NlpSettings(area_points=False))}
    assert (round(learned["Japan"].lat, 1), round(learned["Japan"].lon, 1)) == (35.7, 139.8)  # GeoNames: Tokyo
    assert (learned["Japanese"].lat, learned["Japanese"].lon) == (learned["Japan"].lat, learned["Japan"].lon)
    assert (own["Japan"].lat, own["Japan"].lon) != (learned["Japan"].lat, learned["Japan"].lon)
    # towns keep their own GeoNames points
    town = "Officials met in Osaka, Japan."
    assert {m.text: m.place.lat for m in find_places(town, gaz, NlpSettings())}["Osaka"] == \
        {m.text: m.place.lat for m in find_places(town, gaz, NlpSettings(area_points=False))}["Osaka"]


def test_a_county_named_in_full_is_meant_by_its_bare_name_later(gaz):
    text = ("Commissioners in DeKalb County, Ga., approved the plan. The land lies in unincorporated DeKalb, "
            "near Decatur.")
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}
    assert (found["DeKalb"].feature, found["DeKalb"].admin1) == ("county", "Georgia")
    # with no county named, the bare name is the town
    town = find_places("The mayor of DeKalb, Ill., said the road reopened.", gaz, NlpSettings())[0].place
    assert (town.feature, town.admin1) == ("city", "Illinois")


def test_in_local_news_a_county_abroad_needs_its_country_named(gaz):
    # "Teen" is also Tinn, a Norwegian municipality (an admin-2 area)
    text = "Teen arrested after a fight outside the mall, deputies said on Friday."
    assert "Teen" not in {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "SC"))}


def test_local_news_reads_a_county_namesake_as_the_one_nearest_the_outlets_state(gaz):
    # Sumter County lies in Alabama, Florida, Georgia and South Carolina, none in North Carolina
    text = "A person of interest in a Sumter County death is no longer wanted by investigators."
    (m,) = find_places(text, gaz, NlpSettings(), home=("US", "NC"))
    assert m.place.admin1 == "South Carolina"
    (m,) = find_places(text, gaz, NlpSettings(), home=("US", "FL"))
    assert m.place.admin1 == "Florida"
    # ... unless the document's towns lie in another state holding one
    text = "A teen shot five people near a school in southwest Atlanta. He is held at the Fulton County Jail."
    found = {m.text: m.place.admin1 for m in find_places(text, gaz, NlpSettings(), home=("US", "TN"))}
    assert found["Fulton County"] == "Georgia"



def test_a_bare_town_of_another_state_in_local_news_is_the_namesake_near_the_outlets_home_town(gaz, monkeypatch):
    from newsfuse.nlp import outlets
    from newsfuse.records import Place

    philadelphia = Place("Philadelphia", 39.9524, -75.1636, "US", 4560349, "Pennsylvania", "city", "region", None, 3)
    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"valleystation.com": outlets.HomeTown(philadelphia, 9, 0.8)})
    text = "Police in Wilmington are investigating a shooting that left two men wounded on Sunday."
    (m,) = find_places(text, gaz, NlpSettings(), home=("US", "PA"), host="valleystation.com")
    assert m.place.admin1 == "Delaware"  # 45 km from Philadelphia; North Carolina's is bigger
    # a host with no learned home town reads it as before
    (m,) = find_places(text, gaz, NlpSettings(), home=("US", "PA"), host="otherstation.com")
    assert m.place.admin1 == "North Carolina"


def test_a_home_abroad_chooses_no_county_namesake(gaz):
    # Santa Cruz County lies in Arizona and California; a home in Sonora, Mexico says nothing of which
    text = "It is the second deadly shooting by U.S. deputies in Santa Cruz County this month."
    found = {m.text: m.place.admin1 for m in find_places(text, gaz, NlpSettings(), home=("MX", "26"))}
    assert found["Santa Cruz County"] == {m.text: m.place.admin1 for m in find_places(text, gaz, NlpSettings())}[
        "Santa Cruz County"]


def test_in_local_news_a_big_town_of_another_state_beside_a_local_one_is_a_namesake(gaz):
    # a neighbourhood named like a big town elsewhere: AP style would write the other state
    text = "Memphis police are searching for two men who shot three people in Raleigh on Saturday."
    kept = {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "TN"))}
    assert "Raleigh" not in kept and "Memphis" in kept
    # in a sentence of its own it is still the big town
    apart = "Memphis police arrested two men on Saturday. They had driven to Raleigh after the robbery."
    found = {m.text: m.place for m in find_places(apart, gaz, NlpSettings(), home=("US", "TN"))}
    assert found["Raleigh"].admin1 == "North Carolina"
    # a dateline writes a well-known town without its state
    dateline = "WASHINGTON — Six men were indicted for shootings in Memphis, the Justice Department said."
    assert "WASHINGTON" in {m.text for m in find_places(dateline, gaz, NlpSettings(), home=("US", "TN"))}


def test_a_town_in_a_persons_name_given_with_an_age_is_no_place_in_the_document(gaz):
    text = ("Marisol Ann Houston, 24, was shot in the leg on Elm Street in Brooklyn. "
            "Houston was taken to a hospital. The 19-year-old Dallas Reed was arrested.")
    kept = {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "NY"))}
    assert "Houston" not in kept and "Dallas" not in kept and "Brooklyn" in kept
    # after a locative word the town is on the map again
    moved = "Marisol Ann Houston, 24, moved to Brooklyn from Houston last year."
    assert "Houston" in {m.text for m in find_places(moved, gaz, NlpSettings(), home=("US", "NY"))}
    # a town before "girl", "man" after an age is where the person is from
    resident = "A 2-year-old Eastside Jacksonville girl was shot on Christmas night."
    assert "Jacksonville" in {m.text for m in find_places(resident, gaz, NlpSettings(), home=("US", "FL"))}


def test_a_television_stations_brand_names_no_place(gaz):
    text = "Deputies in Stark County are investigating. Download the Cleveland 19 News app for updates."
    assert "Cleveland" not in {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "OH"))}


@pytest.mark.parametrize("credit, brand", [
    ("(March 6, 2014/FOX Carolina)", "Carolina"),  # a photo credit
    ("Copyright 2016 NBC 4 New York. All rights reserved.", "New York"),
    ("He told CBS Chicago he heard six shots.", "Chicago"),
])
def test_a_networks_local_station_brand_names_no_place(gaz, credit, brand):
    text = f"Deputies said a man was shot near Pelzer, S.C., on Wednesday. {credit}"
    assert brand not in {m.text for m in find_places(text, gaz, NlpSettings())}


def test_surnames_read_as_small_towns_of_other_states_spread_no_context_in_a_runs_country(gaz):
    # no outlet known, the run's reports in the US: "Rice", "Hernandez" and "McDonald's" are no towns' evidence, and
    # the apartments "Lake Shore" are no small town in one of their states
    text = ("Police in Springfield said a man shot two children before he killed himself in an apartment on Monday. "
            "Missouri troopers helped. The family had lived at Lake Shore for a year, a neighbor said. "
            "Lake Shore residents waited all day. He worked at McDonald's. Rice, who lives next door, heard the "
            "shots. Hernandez said nobody else was hurt.")
    found = find_places(text, gaz, NlpSettings(), None, "example.com", "US")
    assert {m.place.admin1 for m in found} == {"Missouri"}
    # a small town the story is filed from still places its county
    filed = "WALLKILL - A man shot his two children at a home in the Town of Wallkill, Orange County, on Thursday."
    found = find_places(filed, gaz, NlpSettings(), None, "example.com", "US")
    assert {m.place.admin1 for m in found} == {"New York"}


def test_a_town_named_as_its_county_is_no_evidence_for_that_countys_state(gaz):
    # "Paulding police" may be Paulding, Ohio, which lies in Ohio's Paulding County: one name, not a town and a
    # county of the document lying together; Atlanta places the county in Georgia
    text = ("A boy found a gun in an Atlanta apartment. On Oct. 17, a girl was killed inside her family's Paulding "
            "County home. A Paulding police spokesman said the case will go before a grand jury.")
    found = find_places(text, gaz, NlpSettings(), None, "example.com", "US")
    assert {m.place.admin1 for m in found if m.text == "Paulding County"} == {"Georgia"}


def test_a_town_written_with_a_state_that_holds_no_such_town_is_no_namesake_elsewhere(gaz):
    # the gazetteer knows Tyrone only outside Missouri (the Missouri one is too small for it)
    found = _places("TYRONE, Mo. -- A gunman killed seven people in Texas County on Thursday.", gaz)
    assert "TYRONE" not in found
    assert found["Texas County"][:2] == ("Texas County", "US")
    # the same name with a state that holds it is still that town
    assert _places("Police in Tyrone, Pa., said a man was shot.", gaz)["Tyrone"][:2] == ("Tyrone", "US")


def test_a_county_name_of_several_states_does_not_make_a_namesake_town_local(gaz):
    # "Texas County" is Missouri's and Oklahoma's: read before any context it says nothing of the report's
    # state, so a bare "Tyrone" (known in Oklahoma, not Missouri) stays a word of a Missouri report
    text = ("A southern Missouri man shot seven people, the Texas County sheriff said.\n\n"
            "The shootings happened late Thursday in Tyrone, a small community.")
    found = _places(text, gaz)
    assert "Tyrone" not in found
    assert found["Texas County"][:2] == ("Texas County", "US")


def test_names_before_a_street_or_building_word_in_lower_case_are_no_towns(gaz):
    listed = "Two men were shot near Thompson and Colorado avenues in Kansas City, Mo., on Sunday."
    assert "Colorado" not in _places(listed, gaz)
    building = "Four people were hurt in a shooting at the Austin Oaks apartments near Decatur, Ga."
    assert "Austin" not in _places(building, gaz)
    # a plural street word after a lone town is the town's streets
    assert "Chicago" in _places("Gunfire on Chicago streets left three dead, Illinois police said.", gaz)


def test_a_neighborhood_named_like_a_town_of_another_state_is_no_such_town(gaz):
    text = "CHICAGO — A man was shot in the Austin neighborhood on the West Side, Cook County officials said."
    assert "Austin" not in _places(text, gaz)
    # with no other place of the report, the city's own neighborhood stays the city
    assert "Baltimore" in _places("Police patrolled the east Baltimore neighborhood overnight.", gaz)


def test_a_state_named_like_a_country_and_a_county_of_it_support_each_other(gaz):
    text = ("Richmond County deputies arrested a man after a shooting on Sunday night.\n\n"
            "The victim was taken to a hospital in south Georgia, the sheriff's office said.")
    found = _places(text, gaz)
    assert found["Georgia"] == ("Georgia", "US", "region")
    county = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}["Richmond County"]
    assert county.admin1 == "Georgia"
    # unless a town of the document lies in another state's county of that name (Seneca, in Oconee County, S.C.)
    linked = ("Oconee County deputies and Seneca police were called to a bar on Sunday.\n\n"
              "The news reached viewers across south Georgia.")
    assert {m.text: m.place for m in find_places(linked, gaz, NlpSettings())}["Oconee County"].admin1 == "South Carolina"


def test_a_lone_alternate_name_of_a_small_town_of_the_outlets_state_is_no_place(gaz):
    # GeoNames lists "Chisholm" among Richland, Georgia's other names; on a Georgia station it is still a
    # neighbourhood or a surname, not that town
    text = "A girl was shot in Chisholm on Thursday night, Georgia police said."
    assert "Chisholm" not in {m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "GA"))}


def test_of_two_same_sized_towns_of_one_name_in_a_state_the_one_near_the_reports_other_towns_is_meant(gaz):
    # Missouri has a Riverview in St. Louis County and one of the same size in Morgan County, 250 km off
    text = "A man was shot in Riverview on Sunday. Police from Ferguson and Bellefontaine Neighbors, Missouri, responded."
    riverview = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}["Riverview"]
    assert riverview.admin2 == "Saint Louis County"
    # written alone with its state, size decides as before
    alone = {m.text: m.place for m in find_places("A man was shot in Riverview, Missouri.", gaz, NlpSettings())}
    assert alone["Riverview"].admin2 == "Morgan County"


def test_a_bare_town_that_is_a_zip_town_of_the_county_the_report_names_is_that_town(gaz):
    # Peck is in cities500 only in Michigan; the USPS holds a Peck in Nez Perce County, Idaho
    text = "Nez Perce County deputies were sent to a farm north of Peck on Sunday after a boy was shot."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings())}
    assert (found["Peck"].admin1, found["Peck"].admin2) == ("Idaho", "Nez Perce County")
    # without the county, the bare name is not read from the ZIP towns
    text = "Deputies were sent to a farm north of Peck on Sunday after a boy was shot."
    assert all(m.place.admin1 != "Idaho" for m in find_places(text, gaz, NlpSettings()))


def test_a_county_name_several_states_share_goes_to_the_state_whose_county_holds_a_town_named(gaz):
    # Paulding County is in Georgia and in Ohio; Dallas is a ZIP town of Georgia's only. An outlet in
    # Connecticut would put a county name of several states in the one nearest home (Ohio).
    text = "A three-year-old shot himself in the chest Tuesday morning in Paulding County. He was taken to a hospital in Dallas."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), ("US", "CT"))}
    assert found["Paulding County"].admin1 == "Georgia"
    assert (found["Dallas"].admin1, found["Dallas"].admin2) == ("Georgia", "Paulding County")
    # the state written after the county decides instead
    text = "A boy was shot in Paulding County, Ohio. He was taken to a hospital in Dallas."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), ("US", "CT"))}
    assert found["Paulding County"].admin1 == "Ohio" and found["Dallas"].admin1 == "Texas"


def test_a_town_placed_in_the_county_state_does_not_move_the_county(gaz):
    # Crossville is a Tennessee town and also a ZIP town of White County, Illinois; White County of
    # Tennessee lies beside it: the Tennessee reading stands
    text = ("CROSSVILLE - A boy was shot in a parked car in Crossville on Monday. The car belongs to a woman "
            "from White County, police said.")
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), ("US", "TN"))}
    assert found["Crossville"].admin1 == "Tennessee" and found["White County"].admin1 == "Tennessee"


def test_a_towns_abbreviated_first_word_finds_the_town_geonames_spells_out(gaz):
    text = "A Mt. Pleasant teen was charged in Westmoreland County, Pa., and a man was shot in Ft. Wayne, Indiana."
    found = {p.text: (p.place.name, p.place.admin1) for p in find_places(text, gaz, NlpSettings())}
    assert found["Mt. Pleasant"] == ("Mount Pleasant", "Pennsylvania")
    assert found["Ft. Wayne"] == ("Fort Wayne", "Indiana")


def test_a_town_abroad_the_outlets_home_drops_widens_no_context_for_the_other_towns(gaz):
    text = "Two men were hurt in a shooting at Tom Bradford Park on Friday. Birmingham police say a man opened fire."
    found = {p.text: p.place.country for p in find_places(text, gaz, NlpSettings(), ("US", "AL"))}
    assert found == {"Birmingham": "US"}


def test_a_namesake_many_times_the_home_towns_size_beside_the_outlets_home_town_is_that_one(gaz):
    text = "Five people were shot at a home in Newark on Monday night, police said."
    near_home = find_places(text, gaz, NlpSettings(), ("US", "NY"), "nbcnewyork.com")  # learned home: Brooklyn
    assert [(p.text, p.place.admin1) for p in near_home] == [("Newark", "New Jersey")]


def test_a_datelines_abbreviated_county_takes_the_state_written_after_it(gaz):
    text = "MARION CO., Fla. -- A man was shot on Friday, deputies said."
    found = {p.text: (p.place.name, p.place.admin1) for p in find_places(text, gaz, NlpSettings(), ("US", "GA"))}
    assert found["MARION CO"] == ("Marion County", "Florida")


@pytest.mark.parametrize("text", ["Bogota, 28 May 89 (Inravision television) -- Rebels blew up a pipeline on Sunday.",
                                  "Bogota (AFP) – Rebels blew up a pipeline on Sunday."])
def test_the_town_of_a_title_case_dateline_is_a_place(gaz, text):
    assert _places(text, gaz)["Bogota"][:2] == ("Bogotá", "CO")


def test_a_town_opening_a_sentence_without_a_datelines_shape_is_still_read_with_caution(gaz):
    assert "Bogota" not in _places("Bogota, the officials said, was quiet on Sunday.", gaz)


def test_a_name_after_a_compass_abbreviation_is_a_street_but_after_in_a_part_of_the_town(gaz):
    found = _places("Topeka officers were called to the intersection of SE Golf Park Boulevard and SE Fremont. "
                    "A child was shot in NW Harris County. Two men were shot in SE Houston.", gaz)
    assert "Fremont" not in found
    assert found["Harris County"][:2] == ("Harris County", "US") and found["Houston"][:2] == ("Houston", "US")


def test_a_weekday_after_a_lone_town_dates_the_event_and_makes_no_longer_name(gaz):
    text = "A teenager is dead after a shooting in Chelsea Friday, Massachusetts State Police said."
    assert _places(text, gaz)["Chelsea"][:2] == ("Chelsea", "US")


def test_an_article_opening_the_sentence_leaves_the_town_after_it_a_name_of_mid_sentence(gaz):
    found = {m.text: m.place for m in find_places("An Opelousas teen hospitalized after a weekend shooting has died.",
                                                  gaz, NlpSettings(), country="US")}
    assert found["Opelousas"].admin1 == "Louisiana"


def test_a_time_zone_after_a_clock_time_is_no_place(gaz):
    text = "Posted: Sunday, November 30, 2014 8:20 AM EST. Updated at 5 p.m. EST. Five people were shot in Chattanooga."
    found = [m.text for m in find_places(text, gaz, NlpSettings(), home=("US", "TN"))]
    assert found == ["Chattanooga"]


def test_a_lone_name_after_the_death_it_suffered_is_the_victim_not_a_town(gaz):
    text = "Police charged two men with murder in the death of Simpson, according to the sheriff."
    assert find_places(text, gaz, NlpSettings(), country="US") == []
    # a town naming whose officers were shot stays a town
    found = find_places("The shooting of Dillon police officers shocked the town.", gaz, NlpSettings(), home=("US", "SC"))
    assert [m.text for m in found] == ["Dillon"]


def test_a_small_town_of_another_state_whose_police_the_text_names_is_that_town(gaz):
    # a Tennessee outlet's report of a Georgia town: the state is unsaid, but a surname has no police
    text = "A Valdosta teenager was shot on Wednesday. Valdosta Police were called to the home."
    found = find_places(text, gaz, NlpSettings(), home=("US", "TN"))
    assert [(m.text, m.place.admin1) for m in found] == [("Valdosta", "Georgia"), ("Valdosta", "Georgia")]
    # a sheriff is a county's, and a joint department names no town of its second name
    assert find_places("The St. Mary Sheriff's Office said a boy died.", gaz, NlpSettings(), home=("US", "LA")) == []
    found = find_places("Savannah-Chatham police are investigating.", gaz, NlpSettings(), home=("US", "GA"))
    assert [m.text for m in found] == ["Savannah"]
    # an Ohio paper's "Warren Township police" are no New Jersey township's
    found = find_places("The boy was shot at home, Warren Township police said.", gaz, NlpSettings(), home=("US", "OH"))
    assert all(m.place.admin1 != "New Jersey" for m in found)


@pytest.mark.parametrize("text, town, state", [
    ("A man was shot in Mobile, Ala., on Friday.", "Mobile", "Alabama"),
    ("Hope, Ark., police are investigating a shooting. We hope to learn more.", "Hope", "Arkansas"),
    ("Police in Independence, Missouri, said a man was shot.", "Independence", "Missouri"),
    ("A man was shot in Liberty, MO on Sunday.", "Liberty", "Missouri"),
])
def test_a_common_word_written_with_a_us_state_after_it_is_that_states_town(gaz, text, town, state):
    found = find_places(text, gaz, NlpSettings(), country="US")
    assert (town, state) in [(m.text, m.place.admin1) for m in found]


def test_a_bigger_towns_namesake_beside_a_town_of_another_state_is_that_towns_post_office_community(gaz):
    # the gazetteer holds California's Antioch, not the Nashville community; the ZIP data does
    text = "Two men were shot at an apartment complex in Antioch late Monday. Metro Nashville Police are investigating."
    found = {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=("US", "TN"))}
    assert found["Antioch"].admin1 == "Tennessee" and found["Antioch"].admin2 == "Davidson County"
    # with no town of another state beside it, the gazetteer's reading stands
    found = {m.text: m.place for m in find_places("Two men were shot in Antioch on Monday.", gaz, NlpSettings(),
                                                  country="US")}
    assert found["Antioch"].admin1 == "California"


def test_an_all_capitals_texts_two_letter_words_are_no_places(gaz):
    text = "A SHOOTING IN LEFLORE COUNTY KILLED A BOY. AN INVESTIGATION IS UNDER WAY, US OFFICIALS SAID."
    assert [m.text for m in find_places(text, gaz, NlpSettings(), country="US")] == ["LEFLORE COUNTY", "US"]


def test_a_bare_town_of_another_state_beside_a_town_of_the_documents_state_is_a_local_namesake(gaz):
    # an outlet of no known home: Seattle's High Point, not North Carolina's city of 110,000
    text = "Seattle Police said a teenager in High Point was handling a gun when he shot himself."
    assert [m.text for m in find_places(text, gaz, NlpSettings(), country="US")] == ["Seattle"]
    # in a sentence of its own it stays the city of its name
    found = find_places("A man was shot in High Point on Sunday.", gaz, NlpSettings(), country="US")
    assert [(m.text, m.place.admin1) for m in found] == [("High Point", "North Carolina")]


def test_a_township_is_no_town_of_its_name_in_another_state_nor_a_world_city(gaz):
    # an Ohio outlet's "Washington Township" is one of Ohio's many, not Washington, D.C.
    found = find_places("A man was shot in Washington Township on Friday.", gaz, NlpSettings(), home=("US", "OH"))
    assert found == []
    found = find_places("A man was shot in Jerome Township, Union County, Ohio.", gaz, NlpSettings())
    assert all(m.place.admin1 == "Ohio" for m in found if m.text == "Jerome")


def test_a_township_is_no_town_of_its_name_far_from_the_outlets_home_town(gaz, monkeypatch):
    from newsfuse.nlp import outlets
    from newsfuse.records import Place

    dayton = Place("Dayton", 39.7589, -84.1916, "US", 4509884, "Ohio", "city", "region", "Montgomery County", 3)
    monkeypatch.setattr(outlets, "_learned_towns", lambda: {"valleystation.com": outlets.HomeTown(dayton, 9, 0.8)})
    text = "HARRISON TOWNSHIP, Ohio - A man was shot dead in Harrison Township on Tuesday, police said."
    found = find_places(text, gaz, NlpSettings(), home=("US", "OH"), host="valleystation.com")
    assert "Harrison" not in {m.place.name for m in found}  # Harrison, Ohio lies 80 km off, near Cincinnati
    # an outlet of no learned home town reads it as before
    found = find_places(text, gaz, NlpSettings(), home=("US", "OH"), host="otherstation.com")
    assert "Harrison" in {m.place.name for m in found}


def test_a_small_place_after_in_or_near_that_only_the_zip_table_knows_is_the_home_states_near_the_outlet(gaz):
    # Jean, Nevada is no cities500 town; a Las Vegas paper's "near Jean" is the ZIP town 50 km off
    found = find_places("Two hikers were shot near Jean on Saturday.", gaz, NlpSettings(), home=("US", "NV"),
                        host="reviewjournal.com")
    assert [(m.text, m.place.admin1) for m in found] == [("Jean", "Nevada")]
    # a longer capitalised name is no town of its first word, and no outlet means no home to be near
    assert find_places("A man was shot outside Jean Market.", gaz, NlpSettings(), home=("US", "NV"),
                       host="reviewjournal.com") == []
    assert find_places("Two hikers were shot near Jean on Saturday.", gaz, NlpSettings()) == []


def test_a_city_police_acronym_places_the_story_in_its_city_unless_the_text_names_a_town_of_its_state(gaz):
    found = find_places("BRPD: Shooting death of 14-year-old accidental", gaz, NlpSettings(), home=("US", "LA"))
    assert [(m.text, m.place.name) for m in found] == [("BRPD", "Baton Rouge")]
    # an acronym several cities share is read only in an outlet's home state that has one of them
    found = find_places("MPD officers found a man shot in a car.", gaz, NlpSettings(), home=("US", "TN"))
    assert [(m.text, m.place.name) for m in found] == [("MPD", "Memphis")]
    assert find_places("MPD officers found a man shot in a car.", gaz, NlpSettings()) == []
    # a town of the city's state named in the text is finer than the department's city
    found = find_places("NYPD officers found a man shot in Brooklyn.", gaz, NlpSettings(), home=("US", "NY"))
    assert [m.text for m in found] == ["Brooklyn"]


def test_a_countys_police_named_by_its_bare_name_place_the_story_in_that_county_of_the_home_state(gaz):
    # no town is called Gwinnett: "Gwinnett police" of an Atlanta paper are Gwinnett County's
    found = find_places("Gwinnett police said a man was shot.", gaz, NlpSettings(), home=("US", "GA"))
    assert [(m.text, m.place.name, m.place.precision) for m in found] == [("Gwinnett", "Gwinnett County", "region")]
    assert find_places("Gwinnett police said a man was shot.", gaz, NlpSettings()) == []
    # a name the text reads as a town elsewhere is that town throughout ("Montgomery police" on a Columbus station)
    found = find_places("Montgomery police are investigating. The boy lived in Montgomery, Ala.", gaz, NlpSettings(),
                        home=("US", "GA"))
    assert {m.place.name for m in found if m.text == "Montgomery"} == {"Montgomery"}


def test_a_town_of_another_state_named_alone_is_the_zip_town_of_its_name_near_the_outlets_home(gaz):
    # Nashville's Antioch is in no cities500 table: a Nashville station's "in Antioch" is not California's
    found = find_places("Two teens were killed in Antioch on Saturday afternoon.", gaz, NlpSettings(),
                        home=("US", "TN"), host="wsmv.com")
    assert [(m.text, m.place.admin1) for m in found] == [("Antioch", "Tennessee")]
    # a big city named alone stays itself
    found = find_places("The attorney general spoke Monday in Washington.", gaz, NlpSettings(),
                        home=("US", "LA"), host="theadvocate.com")
    assert [(m.text, m.place.admin1) for m in found] == [("Washington", "District of Columbia")]


def test_a_town_before_its_police_is_the_namesake_near_the_outlets_home_across_a_state_line(gaz):
    # a Columbus, Georgia station's "Montgomery police": Alabama's city 130 km off, not a Georgia village
    text = "Montgomery police are investigating a homicide. Call the Montgomery Police Department at 652-2831."
    found = find_places(text, gaz, NlpSettings(), home=("US", "GA"), host="wtvm.com")
    assert {m.place.admin1 for m in found} == {"Alabama"}


@pytest.mark.parametrize("headline", ["Yarmouth Girl Shoots Herself With Father's Gun",
                                      "3-Year-Old Yarmouth Girl Accidentally Shoots Herself"])
def test_a_town_naming_a_headlines_resident_is_that_town_not_part_of_a_longer_name(gaz, headline):
    # "Yarmouth Girl" reads as a title-case name, but a person noun after a town is its resident, as in "a
    # Yarmouth girl"; an age before it is the resident's
    found = {m.text: m.place for m in find_places(headline, gaz, NlpSettings(), home=("US", "MA"))}
    assert found["Yarmouth"].admin1 == "Massachusetts"
    # any other capitalised word after it still makes a longer name (a person's: "Yarmouth Jones")
    assert "Yarmouth" not in {m.text for m in find_places("Yarmouth Jones Shoots Herself", gaz, NlpSettings(),
                                                          home=("US", "MA"))}


def test_a_countys_bare_name_before_its_police_is_the_county_of_the_outlets_home_state(gaz):
    # "Henry police" in an Atlanta paper are Henry County's (Georgia has no town Henry); a surname before
    # "said" is nobody's county, and a joint department's second part ("Charlotte-Mecklenburg") is its city's
    def read(text, home):
        return {m.text: m.place for m in find_places(text, gaz, NlpSettings(), home=home)}

    henry = read("A man was shot on Monday. Henry police are investigating.", ("US", "GA"))["Henry"]
    assert henry.name == "Henry County"
    assert "Henry" not in read("A man was shot on Monday, Henry said.", ("US", "GA"))
    assert "Mecklenburg" not in read("Charlotte-Mecklenburg police said a boy was shot.", ("US", "NC"))
    assert "Henry" not in read("A man was shot on Monday. Henry police are investigating.", ("US", "OR"))
