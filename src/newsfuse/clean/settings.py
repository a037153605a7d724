from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanSettings:
    timeout_seconds: float = 20.0  # per-document limit for HTML extraction (hanging/ballooning pages)
    min_text_chars: int = 40  # below this the page has no story to keep
