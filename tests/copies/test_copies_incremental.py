"""Growing the copy graph by new documents gives what a whole-corpus run gives them."""

from __future__ import annotations

import numpy as np
import pytest

from copies_texts import INDEPENDENT_PARAS, OWN_PARAS, UNRELATED_PARAS, WIRE_PARAS, make_doc
from newsfuse.copies import CopySettings, find_copies
from newsfuse.copies.incremental import index_entries, link_new, merged_groups
from newsfuse.copies.origins import origins
from newsfuse.records import Credit, Document, PublishedDate


def corpus() -> list[Document]:
    wire = make_doc("a1", ["TAL AFAR, Iraq (Reuters) - " + WIRE_PARAS[0], *WIRE_PARAS[1:]], outlet="Reuters",
                    published=PublishedDate("2021-03-02", "day", "text:byline"),
                    credits=(Credit("Reuters", "wire", "(Reuters) -", "carried"),))
    again = make_doc("b2", ["Checkpoint attack kills four", *WIRE_PARAS, "Share this article"], outlet="Nineveh Daily",
                     published=PublishedDate("2021-03-03", "day", "text:byline"))
    quoting = make_doc("c3", [OWN_PARAS[0], "According to Reuters: " + WIRE_PARAS[0], OWN_PARAS[1], OWN_PARAS[2]],
                       outlet="Mosul Observer", credits=(Credit("Reuters", "wire", "According to Reuters:", "credited"),))
    same = make_doc("f6", WIRE_PARAS, outlet="Copy Shop")
    return [wire, again, quoting, same, make_doc("d4", INDEPENDENT_PARAS), make_doc("e5", UNRELATED_PARAS)]


@pytest.mark.parametrize("new_ids", [{"a1"}, {"b2"}, {"c3"}, {"f6", "e5"}, {"a1", "c3"}])
def test_new_documents_get_the_relations_and_groups_a_whole_corpus_run_gives_them(new_ids: set[str]) -> None:
    settings = CopySettings()
    docs = corpus()
    whole = find_copies(docs, settings)
    new = [d for d in docs if d.id in new_ids]
    stored = [d for d in docs if d.id not in new_ids]
    before = find_copies(stored, settings)

    relations = link_new(new, stored, np.empty(0, dtype=np.uint64), settings)

    expected = [r for r in whole.relations if r.a in new_ids or r.b in new_ids]
    assert relations == expected and expected
    every = sorted({*before.relations, *relations}, key=lambda r: (r.a, r.b))
    _, wire_pairs = origins(docs, every, settings.attribution_window)
    merged = merged_groups(sorted(new_ids), before.origin_group, relations, wire_pairs, settings.group_min_overlap)
    grown = {d: merged.get(before.origin_group.get(d, d), merged.get(d, d)) for d in whole.origin_group}
    assert grown == whole.origin_group


def test_identical_texts_share_the_duplicate_key_and_every_band_key() -> None:
    docs = corpus()
    e = index_entries(docs, CopySettings())
    at = {d: i for i, d in enumerate(e.documents)}
    assert e.duplicate[at["a1"]] != e.duplicate[at["f6"]]  # the dateline makes a1's words differ
    same = make_doc("g7", WIRE_PARAS)
    e2 = index_entries([same], CopySettings())
    assert e2.duplicate[0] == e.duplicate[at["f6"]]
    assert set(e2.band_key) <= set(e.band_key[e.band_document == at["f6"]])
    assert set(e2.gram) == set(e.gram[e.gram_document == at["f6"]])
