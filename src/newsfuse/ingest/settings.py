from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20_000_000  # larger inputs are rejected: no news page is 20 MB of text
    extensions: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".arc", ".arc.gz")
