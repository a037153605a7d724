"""Evaluate the event *fields* (date, place, deaths, perpetrator) on the MUC-4 answer keys, TST3 and TST4.

Per document with at least one relevant key template: does any newsfuse mention of that
document carry a value that matches a key template? Beside it, a simple baseline read from
the same text. TST3 is the dev split, TST4 the test split (nothing here was tuned on TST4).

Input preparation, identical for newsfuse and the baseline:
- the 1989-91 FBIS texts are hard-wrapped at ~70 columns: each paragraph is unwrapped onto
  one line (the text cleaner drops wrapped lines it takes for chrome; see the report);
- they are all upper case (TST4 also exists in its original mixed case): words get the
  casing they most often have in CoNLL-2003 train and ECB+ (English news, no MUC text),
  unseen words are capitalised, vowel-less short words kept as acronyms, sentence starts
  capitalised. TST4 is also run in its original case to show what the restoration costs;
- the dateline date ("LIMA, 9 JAN 90 (EFE) --") is passed as RawDocument.published, as a
  user with the wire's metadata would; the dateline stays in the text.
newsfuse then runs its real path: RawDocument(kind="text") -> clean -> annotate -> extract_mentions.

Scores are per-document slot hits, not the template-matched role F1 of MUC/GRIT (CEAF-REE,
mid-50s for neural extractors): the numbers are not comparable and are not compared.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta

from evaluation.common import console, dataset, table
from evaluation.events import VIOLENT, prf
from evaluation.muc4_keys import KeyTemplate, month_end, parse_keys
from evaluation.muc4_texts import dateline_date, read_texts, restore_case, unwrap
from newsfuse.records import DateValue, Mention, Place, RawDocument

TOWN_KM = 25.0
PUBLISHED_CONTEXT = "GRIT / neural template filling: role F1 (CEAF-REE) mid-50s - a different metric, not compared"

# ---------------------------------------------------------------- predictions (one shape for every system)


@dataclass
class Prediction:
    dates: list[DateValue] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    deaths: list[tuple[int, int | None, str]] = field(default_factory=list)  # (low, high, qualifier)
    perpetrators: list[str] = field(default_factory=list)
    violent: bool = False


def from_mentions(mentions: list[Mention]) -> Prediction:
    p = Prediction(violent=any(m.type in VIOLENT for m in mentions))
    for m in mentions:
        p.dates += [m.date] if m.date else []
        p.places += [m.place] if m.place else []
        p.deaths += [(m.fatalities.low, m.fatalities.high, m.fatalities.qualifier)] if m.fatalities else []
        p.perpetrators += [a.name for a in m.actors if a.role == "actor1"]
    return p


def first_mention(mentions: list[Mention]) -> list[Mention]:
    return next(([m] for m in mentions if m.type in VIOLENT), mentions[:1])


def run_newsfuse(texts: dict[str, str], published: dict[str, str | None]) -> tuple[dict[str, list[Mention]], int]:
    """Mentions per document through the real path, and how many documents the cleaner rejected."""
    from newsfuse.clean import CleanSettings, clean_documents
    from newsfuse.events import EventSettings, extract_mentions
    from newsfuse.nlp import NlpSettings, annotate

    raws = [RawDocument(id=hashlib.sha256(t.encode()).hexdigest()[:16], source=i, content=t, kind="text",
                        published=published[i]) for i, t in texts.items()]
    docs = [d for d in clean_documents(raws, CleanSettings()) if hasattr(d, "text")]
    out: dict[str, list[Mention]] = {i: [] for i in texts}
    for doc, ann in zip(docs, annotate(docs, NlpSettings()), strict=True):
        if hasattr(ann, "sentences"):
            out[doc.source] = extract_mentions(doc, ann, EventSettings())
    return out, len(raws) - len(docs)


NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
DEATHS_BASELINE = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?:[a-z-]+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+)?"
                             r"(?:killed|dead|died|murdered|assassinated|massacred)\b", re.I)
VIOLENCE_WORDS = re.compile(r"\b(kill\w*|murder\w*|assassinat\w*|bomb\w*|dynamite|kidnap\w*|attack\w*|"
                            r"massacre\w*|shot|explo\w*|arson|set fire)\b", re.I)


def baseline(text: str, published: str | None, entities: list[tuple[str, str]]) -> Prediction:
    """Report date as the incident date, first GPE after the dateline as the place (the gazetteer's
    most populous match), first number before killed/dead as deaths, first ORG as perpetrator."""
    p = Prediction(violent=bool(VIOLENCE_WORDS.search(text)))
    p.dates = [DateValue(published, "day", "published date")] if published else []
    gpe = next((t for t, label in entities if label == "GPE" and geocode(t)), None)
    p.places = [geocode(gpe)] if gpe else []
    if m := DEATHS_BASELINE.search(text):
        n = NUMBER_WORDS.get(m.group(1).lower()) if not m.group(1).isdigit() else int(m.group(1))
        p.deaths = [(n, n, "exact")]
    p.perpetrators = [t for t, label in entities if label == "ORG"][:1]
    return p


def body_entities(texts: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """spaCy NER over each text after its dateline ('--'): the baseline's places and organisations."""
    from newsfuse.nlp import model
    from newsfuse.nlp.settings import NlpSettings

    nlp = model.full_pipeline(NlpSettings().model)
    bodies = [t.split("--", 1)[-1] for t in texts.values()]
    return {i: [(e.text, e.label_) for e in d.ents] for i, d in zip(texts, nlp.pipe(bodies, batch_size=16), strict=True)}


def geocode(name: str, country: str | None = None) -> Place | None:
    """Country first, then the most populous city of that name (in ``country`` when given)."""
    from newsfuse.nlp import gazetteer  # loaded once by the nlp stage itself (cached)
    from newsfuse.nlp.names import name_key

    hits = [e for e, _ in gazetteer.load().lookup(name_key(name)) if country is None or e.country == country]
    if not hits:
        return None
    e = max(hits, key=lambda e: (e.feature == "country" and country is None, e.population))
    return Place(e.name, e.lat, e.lon, e.country, e.geonameid, e.admin1, e.feature,
                 "country" if e.feature == "country" else "point")


# ---------------------------------------------------------------- scoring


def date_span(value: DateValue) -> tuple[date, date] | None:
    """The days a value can mean. newsfuse's weeks start on their Monday (nlp.dates), except the
    'published date' stand-in, which covers the 7 days up to publication (reconcile's report lag)."""
    try:
        d = date.fromisoformat(value.date[:10] if value.precision in ("day", "week") else value.date[:7] + "-01")
    except ValueError:
        return None
    if value.precision == "week":
        return (d - timedelta(days=6), d) if is_fallback(value) else (d, d + timedelta(days=6))
    if value.precision == "year":
        return d.replace(month=1), d.replace(month=12, day=31)
    return (d, month_end(d)) if value.precision == "month" else (d, d)


def is_fallback(value: DateValue) -> bool:
    return value.resolution.startswith("published")


def date_hits(pred: list[DateValue], key: list[tuple[date, date, bool]]) -> tuple[bool, bool]:
    """(exact day, within): exact = a day-precision date equal to a key's stated day; within = the
    predicted span lies inside a key's range widened by one day (so no vaguer than the key)."""
    exact = within = False
    one = timedelta(days=1)
    for value in pred:
        span = date_span(value)
        if span is None:
            continue
        for first, last, single in key:
            exact |= single and value.precision == "day" and span[0] == first
            within |= first - one <= span[0] and span[1] <= last + one
    return exact, within


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def place_hits(pred: list[Place], key: list[tuple[str, tuple[str, ...]]]) -> tuple[bool, bool]:
    """(country, town): town = a point place whose folded name equals a key place below the country,
    or within 25 km of a gazetteer place of that name in the key's country."""
    from newsfuse.nlp.names import fold

    country = town = False
    for key_country, below in key:
        code = (geocode(key_country) or Place("", 0, 0, None)).country
        for place in pred:
            country |= code is not None and place.country == code
            if place.precision != "point" or place.country != code:
                continue
            for name in below:
                if fold(name) == fold(place.name):
                    town = True
                elif (where := geocode(name, code)) and _km((where.lat, where.lon), (place.lat, place.lon)) <= TOWN_KM:
                    town = True
    return country, town


def deaths_hits(pred: list[tuple[int, int | None, str]], key: list[tuple[int, int]]) -> tuple[bool, bool]:
    """(exact, within): exact = the figure's best value in the key's count; within = the figure's
    range ('at least 5' reaches up without end) overlaps the key's count."""
    exact = within = False
    for low, high, qualifier in pred:
        best = low if high is None else (low + high) // 2
        top = high if high is not None else (10**9 if qualifier == "at_least" else low)
        for k_low, k_high in key:
            exact |= k_low <= best <= k_high
            within |= low <= k_high and k_low <= top
    return exact, within


def perpetrator_hit(pred: list[str], key: list[str]) -> bool:
    """The key's name inside newsfuse's (folded, whole words), newsfuse's name of two words or more
    inside the key's, or the key is the initials of newsfuse's name (FMLN)."""
    from newsfuse.nlp.names import fold

    def words(s: str) -> str:
        return " " + " ".join(re.findall(r"[a-z0-9]+", fold(s))) + " "

    for p in map(words, pred):
        initials = "".join(w[0] for w in p.split() if w not in ("of", "the", "for", "de", "del", "la"))
        for k in map(words, key):
            if k in p or (p in k and p.count(" ") > 2) or k.strip() == initials:
                return True
    return False


FIELDS = ["date", "date exact", "date read from text", "place country", "place town",
          "deaths exact", "deaths range", "perpetrator"]


def score_document(pred: Prediction, templates: list[KeyTemplate]) -> dict[str, bool | None]:
    """Each field: None when the key has no value for it, else whether any prediction matches any template."""
    dates = [d for t in templates for d in t.dates]
    places = [p for t in templates for p in t.locations]
    deaths = [t.deaths for t in templates if t.deaths is not None]
    perps = [p for t in templates for p in t.perpetrators]
    exact, within = date_hits(pred.dates, dates)
    country, town = place_hits(pred.places, places)
    d_exact, d_range = deaths_hits(pred.deaths, deaths)
    read = date_hits([d for d in pred.dates if not is_fallback(d)], dates)[1]
    return {"date": within if dates else None, "date read from text": read if dates else None,
            "date exact": exact if any(single for *_, single in dates) else None,
            "place country": country if places else None, "place town": town if any(p[1] for p in places) else None,
            "deaths exact": d_exact if deaths else None, "deaths range": d_range if deaths else None,
            "perpetrator": perpetrator_hit(pred.perpetrators, perps) if perps else None}


# ---------------------------------------------------------------- the run

SPLITS = {"dev": "tst3", "test": "tst4"}  # TST3 is the dev split, TST4 the test split


def load(quick: bool) -> list[tuple[str, dict[str, str], dict[str, str | None], dict[str, list[KeyTemplate]]]]:
    """(split name, prepared texts, dateline dates, keys); quick = every 4th document, a fixed 50."""
    root = dataset("datasets", "muc4", "raw", "muc34", "TASK", "CORPORA")
    out = []
    for name, folder in SPLITS.items():
        raw = read_texts(root / folder / f"{folder}-muc4")
        keys = parse_keys((root / folder / next(p.name for p in (root / folder).glob("key-*"))).read_text("latin-1"))
        ids = sorted(raw)[::4] if quick else sorted(raw)
        published = {i: dateline_date(raw[i]) for i in ids}
        out.append((name, {i: restore_case(unwrap(raw[i])) for i in ids}, published, keys))
        mixed = root / folder / f"{folder}-muc4.mixed-case"
        if mixed.exists() and not quick:  # the original casing: what the case restoration costs
            original = read_texts(mixed)
            out.append((f"{name} orig-case", {i: unwrap(original[i]) for i in ids}, published, keys))
    return out


def evaluate(predictions: dict[str, dict[str, Prediction]], keys: dict[str, list[KeyTemplate]],
             ids: list[str]) -> dict[str, tuple[int, dict[str, float]]]:
    """field -> (documents whose key has it, {system: share of them matched}); plus relevance P/R/F1."""
    relevant = [i for i in ids if keys.get(i)]
    out: dict[str, tuple[int, dict[str, float]]] = {}
    for fld in FIELDS:
        shares, n = {}, 0
        for system, preds in predictions.items():
            scored = [s for s in (score_document(preds[i], keys[i])[fld] for i in relevant) if s is not None]
            n, shares[system] = len(scored), (sum(scored) / len(scored) if scored else 0.0)
        out[fld] = (n, shares)
    gold = [bool(keys.get(i)) for i in ids]
    for k, name in enumerate(("relevant doc P", "relevant doc R", "relevant doc F1")):
        out[name] = (sum(gold), {system: prf(gold, [preds[i].violent for i in ids])[k]
                                 for system, preds in predictions.items()})
    return out


def main(quick: bool = False) -> dict[str, float]:
    splits = load(quick)
    texts = {f"{name}|{i}": t for name, ts, _, _ in splits for i, t in ts.items()}
    published = {f"{name}|{i}": pub[i] for name, ts, pub, _ in splits for i in ts}
    mentions, rejected = run_newsfuse(texts, published)
    entities = body_entities(texts)
    figures = {"muc4_documents": float(len(texts)), "muc4_rejected_by_clean": float(rejected)}
    results = {}
    for name, ts, pub, keys in splits:
        predictions = {
            "newsfuse": {i: from_mentions(mentions[f"{name}|{i}"]) for i in ts},
            # one guess per document, as the baseline makes: the first violent mention (else the first)
            "first": {i: from_mentions(first_mention(mentions[f"{name}|{i}"])) for i in ts},
            "baseline": {i: baseline(t, pub[i], entities[f"{name}|{i}"]) for i, t in ts.items()}}
        results[name] = evaluate(predictions, keys, list(ts))
        slug = name.replace("-", "_")
        for fld, (_, shares) in results[name].items():
            figures.update({f"muc4_{slug}_{fld.replace(' ', '_')}_{system}": v for system, v in shares.items()})
    columns, rows = ["field"], []
    for name in results:
        columns += [f"{name} n", "newsfuse", "first", "baseline"]
    for fld in [*FIELDS, "relevant doc P", "relevant doc R", "relevant doc F1"]:
        row: list[object] = [fld]
        for res in results.values():
            n, shares = res[fld]
            row += [n, shares["newsfuse"], shares["first"], shares["baseline"]]
        rows.append(row)
    console.print(table("events: MUC-4 event fields - share of relevant documents whose key value is found",
                        columns, rows))
    console.print(
        "A document scores when any mention's value matches any of its key templates; n = documents whose key "
        "has the field (relevance: relevant documents in the split). dev = TST3, test = TST4, orig-case = TST4 in "
        "its original casing. date = inside the key's range +-1 day ('- D' = the 30 days before D); date exact = "
        "the key's stated day; read from text = without the publication-date stand-in; town = folded name or "
        "within 25 km via newsfuse's gazetteer; deaths = HUM TGT: NUMBER of victims with EFFECT DEATH (a named "
        "victim = 1); perpetrator = PERP: ORGANIZATION ID vs actor1. first = newsfuse's first violent mention "
        "alone, one guess as the baseline makes. Baseline: dateline date, first spaCy GPE after the dateline, "
        "first number before killed/dead, first ORG; relevant = a violence word. All read the same unwrapped, "
        f"case-restored text. {rejected} of {len(texts)} documents rejected by the cleaner.")
    console.print(f"published context: {PUBLISHED_CONTEXT}")
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
