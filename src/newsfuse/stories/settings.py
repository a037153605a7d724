from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    # average-link similarity a document (or a group of new documents) needs to
    # join a story; also the cut of the agglomerative clustering of new documents
    join_threshold: float = 0.25
    title_weight: float = 2.0  # title words count this many times a body word
    lead_sentences: int = 0  # >0: also weight the first N lines like the title
    entity_weight: float = 0.3  # share of the similarity from places/actors (0..1)
    max_gap_days: int = 10  # documents whose event dates differ more ...
    date_penalty: float = 0.5  # ... have their similarity multiplied by this
    # documents that both name towns/points but none in common: similarity x this
    place_penalty: float = 0.7
    min_token_length: int = 2
