from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CopySettings:
    # --- near-duplicates: MinHash over word shingles, banded LSH
    num_perm: int = 128
    shingle_words: int = 5
    near_duplicate_threshold: float = 0.8  # Jaccard over word shingles (LSH banding target)
    seed: int = 1  # MinHash permutations are drawn from this seed, so runs are reproducible
    max_bucket: int = 64  # an LSH bucket bigger than this links its members to its first one only
    # a pair whose aligned text covers this share of the shorter document is the same article
    near_duplicate_containment: float = 0.8
    # ...and this share of the longer one: a host that quotes a short piece whole is no copy of it
    near_duplicate_min_longer: float = 0.4
    # --- shared passages: inverted index over word n-grams, then seed-and-extend alignment
    min_passage_words: int = 20  # matched words a passage needs (a ~25-word paragraph with edits)
    index_gram_words: int = 4  # n-gram length of the candidate index
    min_shared_grams: int = 5  # distinct index n-grams two documents must share to be aligned
    max_gram_documents: int = 40  # n-grams in more documents than this are stock phrases: ignored
    anchor_words: int = 3  # n-gram length of alignment anchors
    max_gap_words: int = 10  # an edit of up to this many words does not break a passage
    min_passage_density: float = 0.7  # matched words / passage length, on both sides
    # --- origins and independence
    attribution_window: int = 400  # chars before a passage in which a wire credit attributes it
    group_min_overlap: float = 0.5  # unattributed shared text this large also makes one source
