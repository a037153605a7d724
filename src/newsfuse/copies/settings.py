from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CopySettings:
    num_perm: int = 128
    shingle_words: int = 5
    near_duplicate_threshold: float = 0.8  # Jaccard over word shingles
    min_passage_words: int = 20
