"""The MUC-4 field evaluation's key parser and scorers, on small invented key snippets (no MUC text),
and a guard on a fixed quick slice of TST3+TST4, skipped when ../shared is absent."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation import events_muc4 as muc
from evaluation import muc4_keys as key_file
from evaluation import muc4_texts as texts
from evaluation.common import DataMissing
from newsfuse.records import DateValue, Place

# Invented in the MUC answer-key layout: slot number, name, filler; further fillers on indented lines.
KEY = """\
0.  MESSAGE: ID                    TST9-MUC4-0001
1.  MESSAGE: TEMPLATE              1
2.  INCIDENT: DATE                 03 FEB 90
3.  INCIDENT: LOCATION             PERU: LIMA (CITY): MIRAFLORES (DISTRICT)
4.  INCIDENT: TYPE                 BOMBING
10. PERP: ORGANIZATION ID          "RED DAWN FRONT" / "RDF"
18. HUM TGT: NAME                  "ANA TORRES"
21. HUM TGT: NUMBER                3: "GUARDS"
                                   -
23. HUM TGT: EFFECT OF INCIDENT    DEATH: "GUARDS"
                                   DEATH: "ANA TORRES"

0.  MESSAGE: ID                    TST9-MUC4-0001
1.  MESSAGE: TEMPLATE              2 (OPTIONAL)
2.  INCIDENT: DATE                 - 05 FEB 90
3.  INCIDENT: LOCATION             (CHILE: VALPARAISO (CITY)) / (CHILE)
10. PERP: ORGANIZATION ID          -
21. HUM TGT: NUMBER                PLURAL: "PEASANTS"
23. HUM TGT: EFFECT OF INCIDENT    DEATH: "PEASANTS"

0.  MESSAGE: ID                    TST9-MUC4-0002
1.  MESSAGE: TEMPLATE              *
2.  INCIDENT: DATE                 *
"""


def test_keys_give_each_document_its_relevant_templates_and_an_irrelevant_one_none():
    keys = key_file.parse_keys(KEY)
    assert set(keys) == {"TST9-MUC4-0001", "TST9-MUC4-0002"}
    assert keys["TST9-MUC4-0002"] == []
    first, second = keys["TST9-MUC4-0001"]
    assert first.dates == ((date(1990, 2, 3), date(1990, 2, 3), True),)
    assert first.locations == (("PERU", ("LIMA", "MIRAFLORES")),)
    assert first.perpetrators == ("RDF", "RED DAWN FRONT")
    assert second.locations == (("CHILE", ("VALPARAISO",)), ("CHILE", ()))


def test_deaths_add_numbered_victims_and_one_per_named_victim():
    first, second = key_file.parse_keys(KEY)["TST9-MUC4-0001"]
    assert first.deaths == (4, 4)
    assert second.deaths is None  # "PLURAL" peasants: the count is unknown, so not scored


def test_deaths_with_a_range_and_no_death_effect():
    assert key_file.key_deaths([], ['5 - 7: "SOLDIERS"'], ['DEATH: "SOLDIERS"']) == (5, 7)
    assert key_file.key_deaths([], ['2: "MEN"'], ['NO INJURY OR DEATH: "MEN"']) is None


def test_key_dates_read_days_ranges_open_starts_and_alternatives():
    assert key_file.parse_key_date("01 MAR 89 - 15 MAR 89") == [(date(1989, 3, 1), date(1989, 3, 15), False)]
    assert key_file.parse_key_date("- 10 APR 89") == [(date(1989, 3, 11), date(1989, 4, 10), False)]
    assert key_file.parse_key_date("(07 JUN 89) / (? 08 JUN 89)") == [
        (date(1989, 6, 7), date(1989, 6, 7), True), (date(1989, 6, 8), date(1989, 6, 8), True)]


def test_a_day_matches_exactly_and_a_neighbouring_day_only_within_range():
    key = key_file.parse_key_date("03 FEB 90")
    assert muc.date_hits([DateValue("1990-02-03", "day", "absolute")], key) == (True, True)
    assert muc.date_hits([DateValue("1990-02-04", "day", "absolute")], key) == (False, True)
    assert muc.date_hits([DateValue("1990-02-06", "day", "absolute")], key) == (False, False)


def test_a_month_is_too_vague_for_a_day_but_fits_a_month_long_range():
    value = DateValue("1990-02", "month", "absolute")
    assert muc.date_hits([value], key_file.parse_key_date("03 FEB 90")) == (False, False)
    assert muc.date_hits([value], key_file.parse_key_date("01 FEB 90 - 28 FEB 90")) == (False, True)


def test_the_publication_stand_in_covers_the_week_before_publication():
    stand_in = DateValue("1990-02-05", "week", "published date")
    assert muc.date_span(stand_in) == (date(1990, 1, 30), date(1990, 2, 5))
    assert muc.date_hits([stand_in], key_file.parse_key_date("- 05 FEB 90"))[1]
    assert muc.date_span(DateValue("1990-02-05", "week", "this week of 1990-02-07 (Monday)"))[1] == date(1990, 2, 11)


def _place(name: str, lat: float, lon: float, country: str, precision: str = "point") -> Place:
    return Place(name, lat, lon, country, precision=precision)


def test_places_score_by_country_by_folded_name_and_by_distance():
    key = key_file.parse_key_location("PERU: LIMA (CITY)")
    assert muc.place_hits([_place("Lima", -12.05, -77.04, "PE")], key) == (True, True)
    assert muc.place_hits([_place("Callao", -12.06, -77.15, "PE")], key) == (True, True)  # ~12 km away
    assert muc.place_hits([_place("Cusco", -13.52, -71.97, "PE")], key) == (True, False)
    assert muc.place_hits([_place("Peru", -10.0, -76.0, "PE", "country")], key) == (True, False)
    assert muc.place_hits([_place("Quito", -0.22, -78.51, "EC")], key) == (False, False)


def test_deaths_exact_needs_the_count_and_at_least_reaches_up():
    assert muc.deaths_hits([(4, None, "exact")], [(4, 4)]) == (True, True)
    assert muc.deaths_hits([(3, None, "at_least")], [(4, 4)]) == (False, True)
    assert muc.deaths_hits([(5, None, "exact")], [(4, 4)]) == (False, False)


def test_perpetrators_match_by_words_or_initials_but_not_by_one_generic_word():
    assert muc.perpetrator_hit(["Red Dawn Front"], ["RED DAWN FRONT"])
    assert muc.perpetrator_hit(["Red Dawn Front"], ["RDF"])
    assert muc.perpetrator_hit(["Red Dawn Front (Peru)"], ["RED DAWN FRONT"])
    assert not muc.perpetrator_hit(["Front"], ["RED DAWN FRONT"])
    assert not muc.perpetrator_hit(["Blue Sky Party"], ["RED DAWN FRONT"])


def test_a_document_scores_only_the_fields_its_key_fills():
    templates = key_file.parse_keys(KEY)["TST9-MUC4-0001"]
    pred = muc.Prediction(dates=[DateValue("1990-02-03", "day", "absolute")], deaths=[(4, None, "exact")])
    scores = muc.score_document(pred, templates)
    assert scores["date exact"] and scores["deaths exact"]
    assert scores["place country"] is False and scores["perpetrator"] is False
    assert muc.score_document(pred, [key_file.KeyTemplate()])["date"] is None


def test_texts_are_unwrapped_and_their_dateline_date_read():
    raw = "   QUITO, 4 MAR 90 (RADIO X) -- [TEXT] A BOMB\nWENT OFF.\n\n   NO ONE WAS HURT."
    assert texts.unwrap(raw) == "QUITO, 4 MAR 90 (RADIO X) -- [TEXT] A BOMB WENT OFF.\n\nNO ONE WAS HURT."
    assert texts.dateline_date(raw) == "1990-03-04"
    assert texts.dateline_date("CLANDESTINE, NO DATE (RADIO X) -- [TEXT] ...") is None


def test_case_restoration_uses_learned_casing_acronyms_and_sentence_starts(monkeypatch):
    monkeypatch.setattr(texts, "learned_casing", lambda: {"the": "the", "police": "police", "in": "in", "may": "may", "blamed": "blamed"})
    text = "QUITO, 4 MAY 90 -- [TEXT] THE POLICE IN QUITO BLAMED THE FPL. THE ZORRO'S MEN"
    assert texts.restore_case(text) == "Quito, 4 May 90 -- [Text] The police in Quito blamed the FPL. The Zorro's Men"


def test_quick_slice_field_scores_stay_above_todays():
    """Today on the fixed 50 (dev / test): date 0.87 / 1.00, country 0.56 / 0.71, town 0.40 / 0.62,
    relevant-document F1 0.82 / 0.71, deaths 0.40 / 0.17; the bars sit just under the means of the two halves."""
    try:
        figures = muc.main(quick=True)
    except DataMissing as err:
        pytest.skip(str(err))

    def mean(field: str) -> float:
        return (figures[f"muc4_dev_{field}_newsfuse"] + figures[f"muc4_test_{field}_newsfuse"]) / 2

    assert mean("date") >= 0.85
    assert mean("place_country") >= 0.58
    assert mean("place_town") >= 0.45
    assert mean("relevant_doc_F1") >= 0.70
    assert mean("deaths_exact") >= 0.25  # today 0.40 / 0.17 (one victim per name or "a soldier" counts 1)
