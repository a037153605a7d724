"""A labelled text-reuse corpus built from real articles in ../shared (issue 4).

No public set labels verbatim reuse between news outlets, so this builds one,
deterministically from a seed, out of real article text (MUC-4 newswire, India
Police Events, AEB gold bodies): each chosen article is republished in other
page chrome, cut and re-headlined, lightly edited with typos; one to three of
its paragraphs are quoted inside other real articles, with and without
attribution. ECB+ documents of one subtopic (the same real event written up
independently) are added untouched as hard negatives.

The generated text is never committed: ``write`` puts it in a cache folder
(``$NEWSFUSE_CACHE`` or ~/.cache/newsfuse) as JSONL beside the truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.common import dataset
from newsfuse.records import Credit, Document, PublishedDate, to_dict

WIRES = ["Reuters", "AFP", "Associated Press"]
OUTLETS = ["Valley Courier", "Northern Gazette", "Harbour Times", "Plains Herald", "Delta Post", "Ridge Monitor"]
# Page chrome written for this generator (no third-party text).
CHROME_TOP = [
    "Home | News | World | Politics | Sport | Opinion",
    "Skip to main content",
    "Menu  Search  Sign in  Subscribe",
    "Latest headlines  Most read  Video",
    "Advertisement",
]
CHROME_END = [
    "Share this story: Facebook Twitter WhatsApp Email",
    "Sign up for our morning newsletter and never miss a story.",
    "Comments are closed for this article.",
    "More from this section",
    "Copyright {year} {outlet}. All rights reserved. Reproduction without permission is prohibited.",
    "Follow us on social media for live updates.",
]
HEADLINE_FORMS = ["UPDATE: {h}", "{h} - report", "Breaking: {h}", "{h} (updated)", "Officials: {h}"]
ATTRIBUTION_FORMS = ["{o} reported:", "According to {o}:", "In a dispatch, {o} said:", "From {o}:"]
SYNONYMS = {"said": "stated", "killed": "slain", "police": "officers", "attack": "assault", "people": "persons",
            "city": "town", "government": "authorities", "reported": "said", "also": "further"}


@dataclass
class Corpus:
    docs: list[Document]
    near_pairs: set[tuple[str, str]]  # (a, b) with a < b: one article, republished/cut/edited
    passages: list[dict] = field(default_factory=list)  # {src, host, src_span, host_span, attributed, wire}
    negatives: list[tuple[str, str]] = field(default_factory=list)  # ECB+ same-subtopic pairs sharing no text
    origin_truth: dict[str, str] = field(default_factory=dict)  # copy id -> original id


# ------------------------------------------------------------------ real articles


def _sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text).strip()
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if s]


def _paragraphs_of(text: str, rng: random.Random) -> list[str]:
    """Paragraphs as written, or (for texts without breaks) groups of 2-3 sentences."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) >= 3:
        return paras
    sents, out = _sentences(text), []
    while sents:
        k = rng.choice((2, 3))
        out.append(" ".join(sents[:k]))
        sents = sents[k:]
    return out


def _articles(quick: bool) -> list[tuple[str, str]]:
    """(origin label, text) of real articles; quick takes a slice of each."""
    out = []
    muc = dataset("datasets", "muc4", "processed")
    for name in ("dev.json", "test.json", "train.json"):
        for line in (muc / name).read_text().splitlines():
            out.append(("muc4", json.loads(line)["doctext"]))
    for line in dataset("datasets", "india_police_events", "docs.jsonl").read_text().splitlines():
        text = json.loads(line)["doc_text"]
        out.append(("ipe", re.sub(r"^This story is from [^\n]*\n+", "", text)))
    for item in json.loads(dataset("datasets", "scrapinghub_aeb", "ground-truth.json").read_text()).values():
        out.append(("aeb", item["articleBody"]))
    out = [(k, t) for k, t in out if 150 <= len(t.split()) <= 2500]
    if quick:
        by_kind = defaultdict(list)
        for k, t in out:
            by_kind[k].append((k, t))
        out = [a for v in by_kind.values() for a in v[:150]]
    return out


def _ecb_docs(quick: bool) -> dict[str, list[tuple[str, str]]]:
    """subtopic -> [(doc name, text)] rebuilt from the ECB+ token XML."""
    root = dataset("datasets", "ecbplus")
    by_sub = defaultdict(list)
    rows = (root / "doc_clusters.tsv").read_text().splitlines()[1:]
    for row in rows:
        doc, _topic, sub, path = row.split("\t")
        by_sub[sub].append((doc, path))
    subs = sorted(by_sub)[: 16 if quick else None]
    out = {}
    for sub in subs:
        docs = []
        for doc, path in by_sub[sub]:
            tree = ET.parse(root / path)
            sents = defaultdict(list)
            for tok in tree.getroot().iter("token"):
                sents[int(tok.get("sentence"))].append(tok.text or "")
            text = "\n\n".join(_detok(" ".join(sents[k])) for k in sorted(sents))
            docs.append((doc, text))
        out[sub] = docs
    return out


def _detok(s: str) -> str:
    s = re.sub(r" ([.,;:!?%)\]'])", r"\1", s)
    return re.sub(r"([(\[$]) ", r"\1", s)


# ------------------------------------------------------------------ edits


def _typos(text: str, rng: random.Random, rate: float) -> str:
    def swap(m: re.Match[str]) -> str:
        w = m.group()
        if len(w) < 4 or rng.random() > rate:
            return w
        i = rng.randrange(1, len(w) - 2)
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]

    return re.sub(r"[A-Za-z]+", swap, text)


def _light_edits(text: str, rng: random.Random, rate: float) -> str:
    def sub(m: re.Match[str]) -> str:
        w = m.group()
        if w.lower() in SYNONYMS and rng.random() < rate * 10:
            return SYNONYMS[w.lower()]
        return w

    text = re.sub(r"[A-Za-z]+", sub, text)
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)  # straight to curly quotes
    text = text.replace("'", "\u2019").replace(" -- ", " \u2014 ")
    if rng.random() < 0.5:
        text = re.sub(r",(?= )", lambda m: "" if rng.random() < 0.3 else ",", text)
    return _typos(text, rng, rate)


def _doc_id(text: str, salt: str) -> str:
    return hashlib.sha256((salt + text).encode()).hexdigest()[:16]


def _headline(paras: list[str]) -> str:
    return " ".join(paras[0].split()[:9]).rstrip(".,;:").capitalize()


# ------------------------------------------------------------------ build


def build(quick: bool = False, seed: int = 14) -> Corpus:
    rng = random.Random(seed)
    articles = _dedupe(_articles(quick))
    rng.shuffle(articles)
    n = len(articles)
    # disjoint roles so the truth is complete: copied, quoted, hosting, standalone
    copied, quoted = articles[: n // 4], articles[n // 4 : n // 2]
    hosts, alone = articles[n // 2 : 3 * n // 4], articles[3 * n // 4 :]
    docs: list[Document] = []
    near: set[tuple[str, str]] = set()
    passages: list[dict] = []
    origin_truth: dict[str, str] = {}

    for k, (_kind, text) in enumerate(copied):
        paras = _paragraphs_of(text, rng)
        first, outlet = rng.sample(OUTLETS, 2)
        day = 1 + k % 20
        orig = _make(paras, first, f"2014-06-{day:02d}", [], "o")
        family = [orig]
        for variant in rng.sample(("chrome", "cut", "edit"), rng.choice((1, 2))):
            body = list(paras)
            if variant == "cut":
                body = body[: max(2, round(len(body) * rng.uniform(0.55, 0.85)))]
                body = [rng.choice(HEADLINE_FORMS).format(h=_headline(paras)), *body]
            elif variant == "edit":
                body = [_light_edits(p, rng, 0.02) for p in body]
            top = rng.sample(CHROME_TOP, rng.randint(1, 3))
            end = [c.format(year=2014, outlet=outlet) for c in rng.sample(CHROME_END, rng.randint(1, 3))]
            src_line = f"[Source: {orig.outlet}, June 2014]"
            credit = Credit(orig.outlet, "publisher", src_line)
            copy = _make([*top, *body, src_line, *end], outlet, f"2014-06-{day + 2:02d}", [credit], variant)
            family.append(copy)
            origin_truth[copy.id] = orig.id
        docs.extend(family)
        for i, x in enumerate(family):
            for y in family[i + 1 :]:
                near.add(tuple(sorted((x.id, y.id))))

    for (_, src_text), (_, host_text) in zip(quoted, hosts, strict=False):
        wire = rng.choice(WIRES)
        src_paras = _paragraphs_of(src_text, rng)
        long_enough = [i for i, p in enumerate(src_paras) if len(p.split()) >= 25]
        if not long_enough:
            continue
        dateline = f"({wire}) - "
        src = _make([dateline + src_paras[0], *src_paras[1:]], wire, "2014-06-10",
                    [Credit(wire, "wire", f"({wire}) -", "carried")], "w")
        start = rng.choice(long_enough)
        count = rng.choice((1, 1, 2, 3))
        chosen = [p for p in src_paras[start : start + count] if len(p.split()) >= 25][:count] or [src_paras[start]]
        # a quote is a part: at most half of the source (a whole short piece would be a copy)
        while len(chosen) > 1 and sum(len(p.split()) for p in chosen) > len(src_text.split()) / 2:
            chosen.pop()
        if len(chosen[0].split()) > len(src_text.split()) / 2:
            continue
        attributed = rng.random() < 0.5
        quote = [_light_edits(p, rng, 0.01) for p in chosen]
        host_paras = _paragraphs_of(host_text, rng)
        at = rng.randint(1, max(1, len(host_paras) - 1))
        lead = [rng.choice(ATTRIBUTION_FORMS).format(o=wire)] if attributed else []
        credits = [Credit(wire, "wire", lead[0], "credited")] if attributed else []
        host = _make([*host_paras[:at], *lead, *quote, *host_paras[at:]], rng.choice(OUTLETS), "2014-06-11", credits, "h")
        docs.extend([src, host])
        for orig_p, quoted_p in zip(chosen, quote, strict=True):
            s0 = src.text.index(orig_p)
            h0 = host.text.index(quoted_p)
            passages.append({"src": src.id, "host": host.id, "src_span": (s0, s0 + len(orig_p)),
                             "host_span": (h0, h0 + len(quoted_p)), "attributed": attributed, "wire": wire,
                             "words": len(orig_p.split())})

    for _, text in alone:
        docs.append(_make(_paragraphs_of(text, rng), rng.choice(OUTLETS), "2014-06-15", [], "s"))

    negatives = []
    for sub, members in sorted(_ecb_docs(quick).items()):
        made = [_make(text.split("\n\n"), f"ECB+ {name}", None, [], sub) for name, text in members]
        docs.extend(made)
        # "share no text": not one run of 6 words in common (ECB+ also holds wire copies with edits)
        grams = [_grams(d.text, 6) for d in made]
        for i, x in enumerate(made):
            for j in range(i + 1, len(made)):
                if not grams[i] & grams[j]:
                    negatives.append(tuple(sorted((x.id, made[j].id))))
    return Corpus(docs, near, passages, negatives, origin_truth)


def _make(paras: list[str], outlet: str, day: str | None, credits: list[Credit], salt: str) -> Document:
    text = "\n\n".join(paras)
    published = PublishedDate(day, "day", "generator") if day else None
    doc_id = _doc_id(text, salt)
    return Document(id=doc_id, source=f"reuse/{doc_id}", text=text, outlet=outlet, published=published,
                    credits=tuple(credits))


def _grams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _dedupe(articles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop real articles that already share text (8-word runs) with an earlier one,
    so that every reuse in the corpus is one the generator made and labelled."""
    seen: dict[tuple[str, ...], int] = {}
    kept = []
    for kind, text in articles:
        grams = _grams(text, 8)
        if sum(1 for g in grams if g in seen) >= 2:
            continue
        for g in grams:
            seen[g] = 1
        kept.append((kind, text))
    return kept


def cache_dir() -> Path:
    return Path(os.environ.get("NEWSFUSE_CACHE", Path.home() / ".cache" / "newsfuse")) / "reuse"


def write(corpus: Corpus, name: str) -> Path:
    """Write documents (JSONL) and truth (JSON) to the cache folder; never into the repo."""
    out = cache_dir() / name
    out.mkdir(parents=True, exist_ok=True)
    with (out / "documents.jsonl").open("w") as f:
        for d in corpus.docs:
            f.write(json.dumps(to_dict(d)) + "\n")
    truth = {"near_pairs": sorted(corpus.near_pairs), "passages": corpus.passages,
             "negatives": corpus.negatives, "origin_truth": corpus.origin_truth}
    (out / "truth.json").write_text(json.dumps(truth))
    return out


if __name__ == "__main__":
    c = build(quick=True)
    print(len(c.docs), "documents,", len(c.near_pairs), "near pairs,", len(c.passages), "passages,",
          len(c.negatives), "negative pairs ->", write(c, "quick"))
