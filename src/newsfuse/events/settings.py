from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventSettings:
    min_confidence: float = 0.5
