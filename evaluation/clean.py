"""Clean-stage evaluation: article bodies, titles and dates against the labelled pages in ../shared.

- scrapinghub_aeb, HTML -> body: token-4-gram shingle precision/recall per page (shingle counts,
  normalised per page), averaged over pages; F1 of the two averages (the benchmark's own rule).
- scrapinghub_aeb, whole-page text (baseline_outputs/html-text.json) -> body, same rule, through
  the page-text path.
- trafilatura_eval: snippet-level counts over all pages ('with' snippets found = TP, missed = FN;
  'without' snippets found = FP), precision/recall/F1 of the totals (trafilatura's own rule).
- titles and dates on trafilatura_eval pages whose gold has them: exact match after normalising
  whitespace/case (title) and on the ISO day (date), beside trafilatura's title and htmldate's date.

newsfuse's HTML path is trafilatura's favor_precision extraction, its default extraction where the
precision one looks short for the page, the page's standfirst, and multilingual chrome filters; the
live trafilatura rows show its default, favor_precision and favor_recall modes on the same pages.

Development half = even positions of the sorted page ids, test half = odd; rules and settings were
tuned on the development half only. Everything runs through ``clean_documents``, the code path of
``newsfuse run``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from evaluation.common import console, dataset, table
from newsfuse.clean import clean_documents
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import Document, RawDocument

_TOKEN = re.compile(r"\w+", re.UNICODE)


# ------------------------------------------------------------------ scoring rules


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) over token n-gram shingles with multiplicity, normalised to sum to 1 per page."""
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = _TOKEN.findall(text or "")
        return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])

    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def aeb_metrics(counts: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Mean per-page precision (pages with predicted shingles) and recall (pages with gold shingles)."""
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def snippet_metrics(results: Sequence[tuple[str | None, dict]]) -> dict[str, float]:
    tp = fn = fp = 0
    for text, item in results:
        for snippet in item["with"]:
            if text is not None and snippet in text:
                tp += 1
            else:
                fn += 1
        for snippet in item["without"]:
            if text is not None and snippet in text:
                fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def halves(keys: Sequence[str]) -> dict[str, list[str]]:
    ordered = sorted(keys)
    return {"dev": ordered[0::2], "test": ordered[1::2], "all": ordered}


# ------------------------------------------------------------------ running newsfuse


def raw(source: str, content: str, kind: str, url: str | None = None) -> RawDocument:
    digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return RawDocument(id=digest, source=source, content=content, kind=kind, url=url)  # type: ignore[arg-type]


def run_newsfuse(raws: dict[str, RawDocument], settings: CleanSettings) -> dict[str, Document | None]:
    keys = list(raws)
    out: dict[str, Document | None] = {}
    for key, result in zip(keys, clean_documents([raws[k] for k in keys], settings), strict=True):
        out[key] = result if isinstance(result, Document) else None
    return out


def body(doc: Document | None) -> str:
    return doc.text if doc is not None else ""


# ------------------------------------------------------------------ scrapinghub_aeb


def load_aeb() -> tuple[dict[str, dict], Path]:
    root = dataset("datasets", "scrapinghub_aeb")
    return json.loads((root / "ground-truth.json").read_text(encoding="utf-8")), root


def _aeb_rows(name: str, texts: dict[str, str], gold: dict[str, dict]) -> tuple[list[object], dict]:
    figures = {}
    row: list[object] = [name]
    for half, keys in halves(list(gold)).items():
        m = aeb_metrics([shingle_counts(gold[k]["articleBody"], texts.get(k) or "") for k in keys])
        figures[half] = m
        row += [m["precision"], m["recall"], m["f1"]] if half != "all" else [m["f1"]]
    return row, figures


def evaluate_aeb_html(settings: CleanSettings, quick: bool) -> dict:
    gold, root = load_aeb()
    pages = {k: (root / "html" / f"{k}.html").read_text(encoding="utf-8", errors="replace") for k in gold}
    raws = {k: raw(f"aeb/{k}.html", html, "html", gold[k].get("url")) for k, html in pages.items()}
    t0 = time.perf_counter()
    ours = run_newsfuse(raws, settings)
    took = time.perf_counter() - t0
    systems: dict[str, dict[str, str]] = {"newsfuse": {k: body(d) for k, d in ours.items()}}
    systems["trafilatura 2.3.1 (live)"] = _trafilatura_texts(pages)
    for name, mode in _TRAFILATURA_MODES.items():
        systems[f"trafilatura 2.3.1 {name} (live)"] = _trafilatura_texts(pages, **mode)
    for peer in ("trafilatura", "readability", "readability_js", "justext", "goose3", "html-text"):
        stored = json.loads((root / "baseline_outputs" / f"{peer}.json").read_text(encoding="utf-8"))
        systems[f"{peer} {stored.get('version', '')} (stored)"] = {
            k: (v or {}).get("articleBody") or "" for k, v in stored["output"].items()
        }
    return _print_aeb("scrapinghub_aeb HTML -> article body (181 pages)", systems, gold, took)


def _trafilatura_texts(pages: dict[str, str], **mode: bool) -> dict[str, str]:
    import trafilatura

    return {k: trafilatura.extract(html, include_comments=False, **mode) or "" for k, html in pages.items()}


# trafilatura's two other modes beside its default: newsfuse starts from favor_precision
_TRAFILATURA_MODES = {"favor_precision": {"favor_precision": True}, "favor_recall": {"favor_recall": True}}


def evaluate_aeb_text(settings: CleanSettings, quick: bool) -> dict:
    gold, root = load_aeb()
    page_text = json.loads((root / "baseline_outputs" / "html-text.json").read_text(encoding="utf-8"))["output"]
    texts = {k: (v or {}).get("articleBody") or "" for k, v in page_text.items()}
    raws = {k: raw(f"aeb-text/{k}.txt", t, "text") for k, t in texts.items() if t.strip()}
    t0 = time.perf_counter()
    ours = run_newsfuse(raws, settings)
    took = time.perf_counter() - t0
    systems = {"newsfuse page-text cleaner": {k: body(ours.get(k)) for k in gold}, "whole-page text (input)": texts}
    return _print_aeb("scrapinghub_aeb whole-page text -> article body (no DOM)", systems, gold, took)


def _print_aeb(title: str, systems: dict[str, dict[str, str]], gold: dict[str, dict], took: float) -> dict:
    rows, figures = [], {}
    for name, texts in systems.items():
        row, figs = _aeb_rows(name, texts, gold)
        rows.append(row)
        figures[name] = figs
    cols = ["system", "dev P", "dev R", "dev F1", "test P", "test R", "test F1", "all F1"]
    console.print(table(title, cols, rows))
    console.print(f"[dim]newsfuse took {took:.1f}s on {len(gold)} pages[/]")
    return figures


# ------------------------------------------------------------------ trafilatura_eval


def load_trafilatura_eval(quick: bool) -> tuple[dict[str, dict], dict[str, str]]:
    from trafilatura.utils import decode_file

    root = dataset("datasets", "trafilatura_eval")
    items = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    keys = sorted(items)
    if quick:
        keys = keys[::5]  # a fixed fifth of the pages, both halves represented
    pages = {}
    for k in keys:
        with gzip.open(root / "html" / (items[k]["file"] + ".gz"), "rb") as fh:
            pages[k] = decode_file(fh.read())
    return {k: items[k] for k in keys}, pages


_DASHES = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'})


def _norm_title(t: str | None) -> str:
    """Whitespace, case, dash and quote styles do not make a different title (same rule for every system)."""
    return re.sub(r"\s+", " ", (t or "").translate(_DASHES)).strip().casefold()


def evaluate_trafilatura_eval(settings: CleanSettings, quick: bool) -> dict:
    import htmldate
    import trafilatura

    items, pages = load_trafilatura_eval(quick)
    raws = {k: raw(items[k]["file"], html, "html", k) for k, html in pages.items()}
    t0 = time.perf_counter()
    ours = run_newsfuse(raws, settings)
    took = time.perf_counter() - t0
    # one trafilatura pass gives the peer's body and its title (bare_extraction is what extract formats)
    traf_meta = {k: trafilatura.bare_extraction(pages[k], url=k, with_metadata=True) for k in items}
    peer_docs = {"trafilatura 2.3.1 (default)": {k: (traf_meta[k].text if traf_meta[k] else None) for k in items}}
    for name, mode in _TRAFILATURA_MODES.items():
        peer_docs[f"trafilatura 2.3.1 {name}"] = {k: v or None for k, v in _trafilatura_texts(pages, **mode).items()}
    split = halves(list(items))
    rows, figures = [], {}
    systems = {"newsfuse": {k: (d.text if d else None) for k, d in ours.items()}, **peer_docs}
    for name, texts in systems.items():
        row: list[object] = [name]
        figures[name] = {}
        for half, keys in split.items():
            m = snippet_metrics([(texts[k], items[k]) for k in keys])
            figures[name][half] = m
            row += [m["precision"], m["recall"], m["f1"]] if half != "all" else [m["f1"]]
        rows.append(row)
    rows.append(["trafilatura 2.2 (published)", "", "", "", "", "", "", 0.924])
    rows.append(["justext (published)", "", "", "", "", "", "", 0.862])
    cols = ["system", "dev P", "dev R", "dev F1", "test P", "test R", "test F1", "all F1"]
    n = len(items)
    console.print(table(f"trafilatura_eval snippets ({n} pages{', quick fifth' if quick else ''})", cols, rows))
    console.print(f"[dim]newsfuse took {took:.1f}s on {n} pages[/]")

    # titles and dates
    meta_rows, meta = [], {}
    candidates = {
        "newsfuse": (
            lambda k: ours[k].title if ours[k] else None,
            lambda k: ours[k].published.date[:10] if ours[k] and ours[k].published else None,
        ),
        "trafilatura title / htmldate date": (
            lambda k: traf_meta[k].title if traf_meta[k] else None,
            lambda k: htmldate.find_date(pages[k], url=k),
        ),
    }
    for name, (title_of, date_of) in candidates.items():
        row = [name]
        meta[name] = {}
        for half, keys in split.items():
            with_title = [k for k in keys if items[k].get("title")]
            with_date = [k for k in keys if items[k].get("date")]
            t_acc = sum(_norm_title(title_of(k)) == _norm_title(items[k]["title"]) for k in with_title) / max(1, len(with_title))
            d_acc = sum((date_of(k) or "") == items[k]["date"][:10] for k in with_date) / max(1, len(with_date))
            meta[name][half] = {"title_accuracy": t_acc, "date_accuracy": d_acc, "titles": len(with_title), "dates": len(with_date)}
            row += [t_acc, d_acc]
        meta_rows.append(row)
    console.print(table("trafilatura_eval titles and dates (pages whose gold has them)",
                        ["system", "dev title", "dev date", "test title", "test date", "all title", "all date"], meta_rows))
    figures["metadata"] = meta
    return figures


def evaluate_text_dates(settings: CleanSettings, quick: bool) -> dict:
    """Publication dates read from page text: trafilatura_eval pages rendered to their whole-page text
    (html-text, the renderer of AEB's html-text.json) and cleaned as text, against the gold dates, beside
    htmldate on the HTML itself. A page counts when its ISO day is the gold's."""
    import html_text
    import htmldate

    items, pages = load_trafilatura_eval(quick)
    keys = [k for k in items if items[k].get("date")]
    texts = {k: html_text.extract_text(pages[k], guess_layout=True) for k in keys}
    t0 = time.perf_counter()
    ours = run_newsfuse({k: raw(items[k]["file"], texts[k], "text") for k in keys}, settings)
    took = time.perf_counter() - t0
    systems = {
        "newsfuse on page text": lambda k: ours[k].published.date[:10] if ours[k] and ours[k].published else None,
        "htmldate 1.11.0 on the HTML": lambda k: htmldate.find_date(pages[k], url=k),
    }
    dated = set(keys)
    split = {half: [k for k in ks if k in dated] for half, ks in halves(list(items)).items()}  # the clean eval's halves
    rows, figures = [], {}
    for name, date_of in systems.items():
        figures[name] = {half: sum((date_of(k) or "") == items[k]["date"][:10] for k in ks) / max(1, len(ks))
                         for half, ks in split.items()}
        rows.append([name, *figures[name].values(), 0.85 if name.startswith("newsfuse") else "-"])
    console.print(table(f"trafilatura_eval publication dates, page text vs HTML ({len(keys)} pages with a gold date)",
                        ["system", "dev", "test", "all", "target"], rows))
    console.print(f"[dim]newsfuse cleaned {len(keys)} page texts in {took:.1f}s[/]")
    return figures


# ------------------------------------------------------------------ seeds


def evaluate_seeds(settings: CleanSettings) -> dict:
    root = dataset("corpora", "seeds")
    raws = {p.name: raw(str(p), p.read_text(encoding="utf-8"), "text") for p in sorted(root.glob("*.txt"))}
    docs = run_newsfuse(raws, settings)
    rows = []
    for name, d in docs.items():
        if d is None:
            rows.append([name, "rejected", "", "", "", ""])
            continue
        reasons = Counter(r.reason for r in d.removed)
        rows.append([
            name, (d.title or "")[:40], d.published.date if d.published else "-",
            ", ".join(f"{c.name}:{c.how}" for c in d.credits) or "-", len(d.paragraphs),
            ", ".join(f"{r}×{n}" for r, n in sorted(reasons.items())),
        ])
    console.print(table("seeds: what the cleaner kept and read", ["seed", "title", "date", "credits", "paragraphs", "removed"], rows))
    return {name: (d.title if d else None) for name, d in docs.items()}


def main(quick: bool = False) -> dict:
    settings = CleanSettings()
    return {
        "seeds": evaluate_seeds(settings),
        "aeb_html": evaluate_aeb_html(settings, quick),
        "aeb_text": evaluate_aeb_text(settings, quick),
        "trafilatura_eval": evaluate_trafilatura_eval(settings, quick),
        "text_dates": evaluate_text_dates(settings, quick),
    }


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
