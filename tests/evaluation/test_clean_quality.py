"""Quality guard for the clean stage on quick slices of the real benchmarks (skipped without ../shared).

Bars sit just under today's figures (see evaluation/clean.py and the README): a change that makes
the cleaner worse on real pages fails here, not only in `make eval`.
"""

import json

import pytest

from evaluation.clean import (aeb_metrics, halves, load_trafilatura_eval, raw, run_newsfuse, shingle_counts,
                              snippet_metrics)
from newsfuse.clean.settings import CleanSettings
from newsfuse.config import shared_dir

AEB = shared_dir() / "datasets" / "scrapinghub_aeb"
pytestmark = pytest.mark.skipif(not AEB.exists(), reason=f"{AEB} absent (real corpora not installed)")


def gold() -> dict:
    return json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))


def test_page_text_cleaner_beats_raw_page_text_by_a_wide_margin_on_aeb_test_half():
    truth = gold()
    page_text = json.loads((AEB / "baseline_outputs" / "html-text.json").read_text(encoding="utf-8"))["output"]
    keys = halves(list(truth))["test"]
    raws = {k: raw(k, (page_text[k] or {}).get("articleBody") or " ", "text") for k in keys}
    docs = run_newsfuse(raws, CleanSettings())
    m = aeb_metrics([shingle_counts(truth[k]["articleBody"], docs[k].text if docs[k] else "") for k in keys])
    assert m["f1"] >= 0.90  # today 0.911 (dev half, where the rules were chosen: 0.919); the raw page text scores 0.67


def test_html_cleaner_is_at_least_as_good_as_trafilatura_on_a_slice_of_aeb():
    truth = gold()
    keys = halves(list(truth))["test"][:30]
    raws = {k: raw(k, (AEB / "html" / f"{k}.html").read_text(encoding="utf-8", errors="replace"), "html") for k in keys}
    docs = run_newsfuse(raws, CleanSettings(workers=2))
    m = aeb_metrics([shingle_counts(truth[k]["articleBody"], docs[k].text if docs[k] else "") for k in keys])
    assert m["f1"] >= 0.955  # today 0.966 on these 30 pages (trafilatura 2.3.1 alone: 0.955 on the test half)


def test_html_cleaner_keeps_the_snippets_of_a_slice_of_trafilatura_eval():
    try:
        items, pages = load_trafilatura_eval(quick=False)
    except Exception as err:  # DataMissing, or the set absent while AEB is present
        pytest.skip(str(err))
    keys = sorted(items)[1::20]  # 50 pages of the test half
    raws = {k: raw(items[k]["file"], pages[k], "html", k) for k in keys}
    docs = run_newsfuse(raws, CleanSettings(workers=2))
    m = snippet_metrics([(docs[k].text if docs[k] else None, items[k]) for k in keys])
    assert m["f1"] >= 0.945  # today 0.956 on these 50 pages (whole set 0.941, trafilatura 0.921)
