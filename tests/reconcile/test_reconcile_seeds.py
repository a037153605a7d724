"""The real seeds through every stage: the case reconcile has to get right.

Skipped without ../shared. It runs the other stages too, so a failure here may
start upstream; the assertions are about what an analyst reads in the output.
"""

import pytest

from evaluation.common import DataMissing, dataset
from newsfuse.config import Settings
from newsfuse.records import Document, RawDocument

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds():
    try:
        folder = dataset("corpora", "seeds")
    except DataMissing as err:
        pytest.skip(str(err))
    from newsfuse.clean import clean_documents
    from newsfuse.copies import find_copies
    from newsfuse.events import extract_mentions
    from newsfuse.ingest import read_inputs
    from newsfuse.nlp import annotate
    from newsfuse.reconcile import reconcile
    from newsfuse.stories import cluster_stories

    s = Settings()
    raws = [r for r in read_inputs(sorted(str(p) for p in folder.glob("*.txt")), s.ingest) if isinstance(r, RawDocument)]
    docs = [d for d in clean_documents(raws, s.clean) if isinstance(d, Document)]
    graph = find_copies(docs, s.copies)
    anns = {a.document: a for a in annotate(docs, s.nlp)}
    mentions = [m for d in docs for m in extract_mentions(d, anns[d.id], s.events)]
    stories = cluster_stories(docs, anns, [], s.stories)
    events, briefs = reconcile(stories, mentions, docs, graph, s.reconcile)
    number = {d.id: d.source.rsplit("/", 1)[-1][:3] for d in docs}
    return stories, events, briefs, graph, number


def test_the_five_seed_reports_are_one_story(seeds):
    stories, *_ = seeds
    assert [len(s.documents) for s in stories] == [5]


def test_the_hawija_clash_is_one_event_with_15_and_17_dead_as_a_contradiction(seeds):
    _, events, _, _, number = seeds
    [clash] = [e for e in events if e.place is not None and "awījah" in e.place.name and e.fatalities.best]
    [c] = [c for c in clash.contradictions if c.field == "fatalities"]
    reported = {v.value: {number[d] for d in v.documents} for v in c.values}
    assert reported[15] == {"003"} and reported[17] == {"004"}


def test_the_al_qaim_takeover_counts_the_republished_copy_once(seeds):
    _, events, _, graph, number = seeds
    takeover = max((e for e in events if e.place is not None and e.place.geonameid == 92138),
                   key=lambda e: len(e.documents))
    assert {number[d] for d in takeover.documents} == {"000", "001", "002", "003", "004"}
    groups = {graph.origin_group.get(d, d) for d in takeover.documents}
    assert len(takeover.independent_sources) == len(groups) < 5


def test_every_brief_sentence_cites_at_least_one_document(seeds):
    _, _, briefs, _, _ = seeds
    assert briefs and all(s.documents for b in briefs for s in b.sentences)
