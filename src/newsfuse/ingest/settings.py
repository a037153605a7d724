from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestSettings:
    # larger inputs are rejected: no news page is 20 MB of text. For WARC/ARC archives the
    # limit applies to each record, since crawls are legitimately large.
    max_bytes: int = 20_000_000
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
    # WARC/ARC payload media types that hold reports; others (images, scripts, CSS) are skipped
    warc_media_types: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain")
