from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    join_threshold: float = 0.25  # similarity to join an existing story
