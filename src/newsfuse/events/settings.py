from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventSettings:
    min_confidence: float = 0.5  # mentions typed less surely than this are dropped
    historical_days: int = 60  # an event dated this long before publication is background
    # keep background mentions (marked "historical" in their date) instead of dropping them
    keep_historical: bool = False
    # a sentence is read even if the nlp stage did not flag it as a candidate, as long as it is parsed
    read_all_parsed: bool = True
    # one main event per report, other sentences attached to it unless they tell a distinct event
    # (events/salience.py); off: every event sentence stands alone (the evaluation's baseline)
    salience: bool = True
    # a report gives events only in English and when it is about events (events/relevance.py)
    relevance: bool = True
    # a main event placed farther than this from the outlet's learned home town (events/local.py) ...
    far_from_home_km: float = 300.0
    # ... in a report naming a town this near that home is placed at that town; only a home learned from
    # this many dev incidents of the outlet, this share of them near it (evaluation/outlet_towns.py --folds:
    # 0.761 of such homes lie within 40 km of an incident of theirs; one learned from any incident, 0.611)
    home_town_km: float = 40.0
    home_min_incidents: int = 3
    home_min_share: float = 0.5
