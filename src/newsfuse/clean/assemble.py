"""Build the Document record from what the HTML extractor or the page-text cleaner found."""

from __future__ import annotations

import re

from newsfuse.clean import html_rules, rules
from newsfuse.clean.address import dated_by_address
from newsfuse.clean.crawl import bounded
from newsfuse.clean.credits import outlet_from_chrome, outlet_from_masthead, publisher_credits, wire_credits
from newsfuse.clean.html import Extracted
from newsfuse.clean.lead import with_lead
from newsfuse.clean.lines import Line, guess_language, split_lines
from newsfuse.clean.outlets import outlet_of
from newsfuse.clean.settings import CleanSettings
from newsfuse.clean.text import CleanText, clean_page_text
from newsfuse.clean.titles import headline, page_headline
from newsfuse.records import Credit, Document, PublishedDate, RawDocument, Rejected, Removed, Span

PARAGRAPH_SEP = "\n\n"


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    spans: list[Span] = []
    pos = 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + len(PARAGRAPH_SEP)
    return PARAGRAPH_SEP.join(paragraphs), tuple(spans)


def container_date(raw: RawDocument) -> PublishedDate | None:
    """A date the JSONL/WARC container gave, with the precision its own shape shows."""
    if not raw.published:
        return None
    value = raw.published.strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", value)
    if not m:
        return None
    origin = "warc" if raw.source.endswith((".warc", ".warc.gz")) else "container"
    if m.group(2):
        return PublishedDate(f"{m.group(1)}T{m.group(2)}", "minute", origin)
    return PublishedDate(m.group(1), "day", origin)


def _outlet(raw: RawDocument, *, sitename: str | None = None, title: str | None = None,
            page_name: str | None = None) -> str | None:
    """The container's outlet, else the one the original address, site name and title name (see outlets)."""
    return raw.outlet or outlet_of(raw.url, sitename, raw.title or title, page_name)


def _merge_credits(*groups: list[Credit]) -> tuple[Credit, ...]:
    seen: dict[str, Credit] = {}
    for group in groups:
        for c in group:
            old = seen.get(c.name)
            if old is None or (old.how == "credited" and c.how == "carried"):
                seen[c.name] = c
    return tuple(seen.values())


def _too_short(raw: RawDocument, text: str, settings: CleanSettings, removed: int) -> Rejected | None:
    if len(text) >= settings.min_text_chars:
        return None
    return Rejected(
        raw.source, "clean",
        f"{raw.source}: no story text left after cleaning ({len(text)} characters kept, {removed} pieces removed)",
    )


def has_headline(title: str | None, url: str | None, settings: CleanSettings) -> bool:
    """Does the page title hold a headline (the title without the site's name has enough words to tell
    something), so that a page with no story text left is still a report? See ``Document.headline_only``."""
    if settings.headline_only_min_words <= 0 or not title:
        return False
    told = headline(title, None, url) or ""
    return len(told.split()) >= settings.headline_only_min_words


def _text_outlet(raw: RawDocument, found: CleanText) -> str | None:
    first = raw.content.lstrip().split("\n", 1)[0].strip()
    return outlet_from_chrome([(r.text, r.reason) for r in found.removed]) or outlet_from_masthead(first)


def from_text(raw: RawDocument, settings: CleanSettings) -> Document | Rejected:
    if not raw.content.strip():
        return Rejected(raw.source, "clean", f"{raw.source}: empty page text")
    found = clean_page_text(raw.content, settings, known_title=raw.title)
    return _document(raw, found, settings, "text", outlet=_outlet(raw, page_name=_text_outlet(raw, found)),
                     title=found.title, byline=found.byline,
                     published=dated_by_address(raw.url, bounded(raw.url, container_date(raw), found.published)))


def _document(raw: RawDocument, found: CleanText, settings: CleanSettings, kind: str, *, outlet: str | None,
              title: str | None, byline: str | None, published: PublishedDate | None,
              language: str | None = None) -> Document | Rejected:
    """The Document both paths end in: the kept paragraphs joined, their credits and language read."""
    text, spans = join_paragraphs(found.paragraphs)
    if bad := _too_short(raw, text, settings, len(found.removed)):
        if not has_headline(title, raw.url, settings):
            return bad
        # the story text is lost (an archive page keeping only its chrome) but the page still shows
        # the report's headline: keep the report, headline-only (empty body), for the later stages
        # to read its title; the body figures stay honest (no text is claimed as extracted)
        text, spans = "", ()
        language = language or guess_language(raw.content)  # no body to read it from: the whole page
    return Document(
        id=raw.id,
        source=raw.source,
        text=text,
        paragraphs=spans,
        url=raw.url,
        outlet=outlet,
        title=title,
        byline=byline,
        published=published,
        language=language or guess_language(text),
        removed=tuple(found.removed),
        credits=_merge_credits(wire_credits(text), publisher_credits(text), found.credits),
        kind=kind,  # type: ignore[arg-type]
    )


def _comment_cut(lines: list[Line], settings: CleanSettings) -> int | None:
    """Index of the first comment-section header after the first line ('12 Comments', 'Keine Kommentare')."""
    for line in lines:
        if line.index > 0 and (rules.comment_header(line) or settings.html_rules and html_rules.comment_header(line)):
            return line.index
    return None


def post_filter(paragraphs: list[str], settings: CleanSettings) -> CleanText:
    """trafilatura's paragraphs through the chrome rules it misses (comments, share rows, appeals...).

    Only the context-free rules and the comment cut run here: trafilatura has already chosen the
    main block, so the block finder and the headline logic of the page-text path would second-guess it.
    """
    out = CleanText(paragraphs=[])
    lines = split_lines("\n".join(paragraphs))
    cut = _comment_cut(lines, settings)
    cued = rules.cued_lines(lines) if settings.post_filter_html else []  # each cue searched once per page
    # runs of headline-shaped lines are NOT cut in general: in trafilatura's output they are as often a
    # story's own lists (tour dates, Q&A, prices) as related links (measured on the AEB dev half); only
    # right under a list head such as 'Mehr zum Thema' (AEB dev 0.9765 -> 0.9770)
    under_related_head = False
    for line in lines:
        if cut is not None and line.index >= cut:
            out.removed.append(Removed(line.text, "comment"))
            continue
        reason = rules.first_rule(line, cued[line.index]) if settings.post_filter_html else None
        if reason is None and settings.html_rules:
            reason = html_rules.first_html_rule(line)
        if reason is None and line.index >= len(lines) - 2 and rules.author_bio(line):
            reason = "author-bio"
        if settings.html_rules:
            if reason is None and under_related_head and line.words <= 15 and not line.terminal:
                reason = "related"
            elif reason == "related" and line.words <= 8 and not line.terminal:
                under_related_head = True
            elif reason is None:
                under_related_head = False
        if reason:
            out.removed.append(Removed(line.text, reason))
        else:
            out.paragraphs.append(line.text)
    return out


def from_html(raw: RawDocument, extracted: Extracted | str | object, settings: CleanSettings) -> Document | Rejected:
    if not isinstance(extracted, Extracted):
        return Rejected(raw.source, "clean", f"{raw.source}: {extracted}")
    found = post_filter(with_lead(extracted.text, extracted.lead).split("\n"), settings)
    meta = PublishedDate(extracted.date[:10], "day", "html-meta") if extracted.date else None
    published = dated_by_address(raw.url, bounded(raw.url, container_date(raw), meta))
    return _document(raw, found, settings, "html", outlet=_outlet(raw, sitename=extracted.sitename, title=extracted.title),
                     title=raw.title or page_headline(extracted.title, extracted.h1s, extracted.sitename, raw.url),
                     byline=extracted.author, published=published, language=extracted.language)
