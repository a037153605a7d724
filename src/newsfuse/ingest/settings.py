from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20_000_000  # larger inputs are rejected: no news page is 20 MB of text
    # suffixes picked up inside folders and globs; a file named explicitly with another suffix is sniffed
    extensions: tuple[str, ...] = (
        ".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".arc", ".arc.gz",
        ".txt.gz", ".html.gz", ".htm.gz", ".jsonl.gz",
    )
    # share of raw bytes that are control characters (not tab/newline/CR/FF/ESC) above which
    # an input is binary junk: real text, even in legacy encodings, has almost none
    max_control_share: float = 0.05
    # hidden files and folders (.git, .DS_Store, editor swap files) are never reports
    skip_hidden: bool = True
    # WARC/ARC records whose payload is one of these media types are read; others
    # (images, scripts, CSS, robots.txt crawls as text/plain are kept) are skipped silently
    warc_media_types: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
    # WARC records without an HTTP status (resource records) or with a 2xx status are read;
    # redirects and errors carry no report
    warc_read_resource_records: bool = True
    # max_bytes applies per WARC record, not per WARC file: crawls are legitimately large
