"""The five real seed reports (read from ../shared at run time, skipped when absent)."""

from pathlib import Path

import pytest

from newsfuse.config import shared_dir
from newsfuse.copies import CopySettings, find_copies
from newsfuse.records import Document

SEEDS = shared_dir() / "corpora" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} not found (shared corpora absent)")


def _by_prefix(docs):
    return {Path(d.source).name[:3]: d.id for d in docs}


def _rel(graph, a, b):
    return next((r for r in graph.relations if {r.a, r.b} == {a, b}), None)


@pytest.fixture(scope="module")
def raw_docs():
    return [Document(id=p.stem.split("_")[1], source=str(p), text=p.read_text()) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def cleaned():
    clean = pytest.importorskip("newsfuse.clean")
    ingest = pytest.importorskip("newsfuse.ingest")
    from newsfuse.clean.settings import CleanSettings
    from newsfuse.ingest.settings import IngestSettings

    raws = [r for r in ingest.read_inputs([str(SEEDS)], IngestSettings()) if not hasattr(r, "stage")]
    docs = [d for d in clean.clean_documents(raws, CleanSettings()) if isinstance(d, Document)]
    assert len(docs) == 5
    return docs, find_copies(docs, CopySettings())


def test_raw_seed_pages_pair_the_lwj_copy_and_the_reuters_paragraphs_only(raw_docs):
    graph = find_copies(raw_docs, CopySettings())
    n = _by_prefix(raw_docs)
    pairs = {frozenset((r.a, r.b)): r.kind for r in graph.relations}
    assert pairs == {
        frozenset((n["000"], n["001"])): "near_duplicate",
        frozenset((n["000"], n["003"])): "shared_passages",
        frozenset((n["001"], n["003"])): "shared_passages",
    }


def test_cleaned_nizkor_page_republishes_the_long_war_journal_original(cleaned):
    docs, graph = cleaned
    n = _by_prefix(docs)
    rel = _rel(graph, n["000"], n["001"])
    assert rel.kind in ("duplicate", "near_duplicate")
    assert rel.original == n["001"] and "Long War Journal" in rel.evidence
    assert graph.near_duplicate_of(n["000"]) == n["001"]


def test_haaretz_carries_the_same_reuters_paragraphs_as_the_lwj_article(cleaned):
    docs, graph = cleaned
    n = _by_prefix(docs)
    text = {d.id: d.text for d in docs}
    for other in ("000", "001"):
        rel = _rel(graph, n[other], n["003"])
        assert rel.kind == "shared_passages" and rel.original is None
        (p,) = rel.passages
        haaretz = (p.b_start, p.b_end) if rel.b == n["003"] else (p.a_start, p.a_end)
        lwj = (p.a_start, p.a_end) if rel.b == n["003"] else (p.b_start, p.b_end)
        in_haaretz = text[n["003"]][haaretz[0] : haaretz[1]]
        in_lwj = text[n[other]][lwj[0] : lwj[1]]
        assert in_haaretz.startswith("Sunni fighters seized a border post")
        assert in_haaretz.endswith("still in control of al-Qaim")
        assert in_lwj.startswith("Sunni fighters have seized") and "Sameer al-Shwiali" in in_lwj
        assert "Hawija" not in in_haaretz  # the Hawija clash is Haaretz's own later paragraph


def test_lwj_copies_and_haaretz_count_as_one_source_and_the_others_are_independent(cleaned):
    docs, graph = cleaned
    n = _by_prefix(docs)
    g = graph.origin_group
    assert g[n["000"]] == g[n["001"]] == g[n["003"]]
    assert len({g[n["000"]], g[n["002"]], g[n["004"]]}) == 3
    assert not [r for r in graph.relations if {n["002"], n["004"]} & {r.a, r.b}]
    assert "Reuters" in [c.name for c in graph.origins[n["003"]]]
