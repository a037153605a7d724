from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    max_date_gap_days: int = 2  # mentions further apart in time are different events
    brief_sentences: int = 4
