"""The page-text cleaner: lines in, story paragraphs and labelled chrome out.

Steps, each readable on its own:
1. named chrome rules label lines that are never story (rules.py);
2. the comment section (from the first 'Fred says:' header on) is dropped whole;
3. the main block is the maximum-sum run of line scores (prose lines score their word
   count, every other line costs a fixed price) - Finn et al.'s body-text-extraction idea
   applied to lines, so a story survives short subheads and a caption in its middle; lines that
   repeat the whole story run together (a page's JSON-LD printed as text) are left out first; the
   block then ends at the first share row / tag line / appeal found after 80% of its prose, or at
   a teaser list under a header such as 'Read these next' (teasers.py);
4. around the block, the headline is picked as the title, bylines and datelines are read,
   and what is left is navigation, related headlines or other off-story text;
5. inside the block, a headline-shaped line that the next paragraph does not elaborate is a
   related-story link ('PM Maliki's aide thanks Russia...'), while one it does elaborate is a
   subhead and stays ('17 killed in ... clashes' followed by the story of those clashes).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsfuse.clean import rules, teasers
from newsfuse.clean.credits import source_line_credits
from newsfuse.clean.dates import (PAGE_DATE_HINT, FoundDate, dateline_only, find_date, leading_dateline, page_date,
                                  slash_order)
from newsfuse.clean.lines import (Line, content_stems_lower, guess_language, line_stems, lines_matching, prose_flags,
                                  split_lines)
from newsfuse.clean.settings import CleanSettings
from newsfuse.records import Credit, PublishedDate, Removed


_DIGIT = re.compile(r"\d")
_BY_WORDS = ("by", "written", "von", "par", "por")  # the openings rules.byline_name takes
# every date dates.find_date reads holds a year 19xx/20xx or is a compact '25Jun14'
_YEARISH = re.compile(r"(?:19|20)\d\d|\d\d[A-Z][a-z]{2}\d\d")
_DATED_ITEM = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\s*(?:[-–—:,@|]|$)"
)


@dataclass(slots=True)
class CleanText:
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    published: PublishedDate | None = None
    credits: list[Credit] = field(default_factory=list)


def headline_like(line: Line) -> bool:
    """Short, not a sentence, not a menu: the shape of a headline or subhead."""
    return 3 <= line.words <= 25 and not line.linkish and (not line.terminal or line.text.endswith("?"))


def _date(found: FoundDate | None, origin: str) -> PublishedDate | None:
    return PublishedDate(found.iso, found.precision, origin) if found else None  # type: ignore[arg-type]


def _main_block(
    lines: list[Line], labels: dict[int, str], prose: list[bool], settings: CleanSettings
) -> tuple[int, int] | None:
    """Indices (first, last) of the maximum-sum run of unlabelled lines."""
    best, best_span = 0.0, None
    run, start = 0.0, None
    cost = -settings.chrome_line_cost
    for line in lines:
        if line.index in labels:
            continue
        score = float(line.words) if prose[line.index] else cost
        if start is None or run <= 0:
            run, start = 0.0, line.index
        run += score
        if run > best:
            best, best_span = run, (start, line.index)
    return best_span


_END_MARKERS = {"related", "share", "tags", "appeal", "comment", "copyright", "source-line"}


def _cut_at_story_end(
    lines: list[Line], labels: dict[int, str], prose_lines: list[bool], span: tuple[int, int], settings: CleanSettings
) -> tuple[int, int]:
    """End the block at the first share row / tag line / appeal / related lead that comes after most
    of the block's prose: what follows such a marker is the page's footer, however prose-like."""
    if settings.end_marker_after > 1:
        return span
    first, last = span
    prose = [ln.words if ln.index not in labels and prose_lines[ln.index] else 0 for ln in lines[first : last + 1]]
    total, seen = sum(prose), 0
    for ln, words in zip(lines[first : last + 1], prose, strict=True):
        seen += words
        if labels.get(ln.index) in _END_MARKERS and seen >= settings.end_marker_after * total:
            kept = [x.index for x in lines[first : ln.index] if x.index not in labels]
            return (first, kept[-1]) if kept else span
    return span


def _take_dated_list(lines: list[Line], labels: dict[int, str], last: int) -> int:
    """Right below the block, a run of dated entries ('June 14 -- Alpharetta, GA'), perhaps under an
    intro line ('Tour dates:'), is the story's own tour or timeline list: the block finder left it out
    as it holds no prose. Returns the new last index of the block."""
    start = last + 1
    if start < len(lines) and start not in labels and (lines[start].text.endswith(":") or headline_like(lines[start])):
        start += 1  # its intro line: 'Tour dates:', 'The Band's Tour Dates'
    end = start
    while end < len(lines) and end not in labels and _DATED_ITEM.match(lines[end].lower):
        end += 1
    return end - 1 if end - start >= 3 else last


def _pick_title(header: list[Line], body: list[Line]) -> Line | None:
    """The headline among the lines above the story: the one sharing most words with the story."""
    stems = line_stems(body)
    best, best_score = None, 0.0
    # a line can share at most as many stems as it has words: trying the candidates by that bound,
    # the search stops once no line left can beat the best (most nav lines are never stemmed)
    candidates = [(ln.words + 0.01 * ln.index, ln) for ln in header if headline_like(ln) and ln.words >= 3]
    candidates.sort(key=lambda c: (-c[0], c[1].index))
    for bound, line in candidates:
        if bound < best_score:
            break
        score = len(content_stems_lower(line.lower) & stems) + 0.01 * line.index  # ties: nearer the story
        if score > best_score or (score == best_score and best is not None and line.index < best.index):
            best, best_score = line, score
    return best


def clean_page_text(content: str, settings: CleanSettings, known_title: str | None = None) -> CleanText:
    lines = split_lines(content)
    labels: dict[int, str] = {}
    out = CleanText(paragraphs=[])
    dates: dict[str, PublishedDate] = {}
    min_words = settings.prose_min_words
    prose = prose_flags(lines, min_words)  # read by every step below: computed once

    # 1-2. context-free chrome rules, then the comment section takes every line they left
    comments_from = _comments_start(lines, prose, settings)
    cued = rules.cue_masks(lines)
    # one scan of the page for date-like lines: the page-date candidates, and among them the short
    # lines holding a year that may be a byline's or dateline's
    hinted = sorted(lines_matching(lines, PAGE_DATE_HINT, _PAGE_DATE_WORDS))
    dated = {i for i in hinted if lines[i].words <= 12 and _YEARISH.search(lines[i].text)}
    for line, mask in zip(lines, cued, strict=True):
        if line.words == 0:
            labels[line.index] = "navigation"
            continue
        name = rules.first_rule(line, mask) if mask else None  # most lines hold no rule's cue
        if name == "source-line":
            credits, byline = source_line_credits(line.text)
            out.credits.extend(credits)
            out.byline = out.byline or byline
            if (d := _date(find_date(line.text), "source-line")) and "source-line" not in dates:
                dates["source-line"] = d
        elif name == "copyright" and (d := _date(find_date(line.text), "text:notice")):
            dates.setdefault("text:notice", d)
        elif name is None and line.words <= 12 and (line.lower.startswith(_BY_WORDS) or line.index in dated) \
                and (name := _byline_or_dateline(line, out, dates)):
            pass  # (a byline opens with 'By', a dateline holds a year: the test spares a call on most lines)
        if name:
            labels[line.index] = name
        elif line.index >= comments_from:
            labels[line.index] = "comment"

    # repeated lines are page furniture, every copy of them: a teaser headline printed as link and
    # as image text, a gallery caption, a byline above and below the picture
    counts = Counter(ln.lower for ln in lines if ln.words <= settings.duplicate_max_words)
    for line in lines:
        if line.index not in labels and counts[line.lower] > 1:
            labels[line.index] = "duplicate"
    for index in [i for i, name in labels.items() if name == "caption" and i > 0]:
        if index - 1 not in labels and lines[index].text.startswith(lines[index - 1].text):
            labels[index - 1] = "caption"  # the caption's text above its 'caption. Credit: AFP' line

    for index in teasers.story_copies(lines, settings.story_copy_min_words):
        labels[index] = "duplicate"  # the whole story once more, run into one line

    # 3. the story's block
    span = _main_block(lines, labels, prose, settings)
    if span is None:
        for line in lines:
            out.removed.append(Removed(line.text, labels.get(line.index, "navigation")))
        out.title = known_title.strip() if known_title else None  # no story, but the page may still show its headline
        return out
    first, last = _cut_at_story_end(lines, labels, prose, span, settings)
    if (head := teasers.teaser_list_start(lines, labels, prose, (first, last), settings.teaser_story_share,
                                          settings.teaser_list_ratio)) is not None:
        kept = [i for i in range(first, head) if i not in labels]
        if kept:
            last = kept[-1]
    # (stemming only the story's first 3000 characters saved a tenth of the time but picked a
    # related headline or a timestamp as the title on 4 of 181 AEB pages)
    block = [ln for ln in lines[first : last + 1] if ln.index not in labels]

    # 4. above the block: title, byline, dateline; the rest is navigation
    header = [ln for ln in lines[:first] if labels.get(ln.index) in (None, "duplicate")]
    title_line = None
    if known_title:
        title_line = next((ln for ln in lines[: last + 1] if ln.text.strip() == known_title.strip()), None)
        out.title = known_title.strip()
    else:
        title_line = _pick_title(header, block)
        out.title = title_line.text if title_line else None
    if title_line is not None:
        labels[title_line.index] = "title"
        for ln in lines[: last + 1]:  # its other copies (page <title> and <h1>) go with it
            if ln.lower == title_line.lower and ln.index != title_line.index:
                labels[ln.index] = "title"
    for ln in lines[first : last + 1]:
        if labels.get(ln.index) == "duplicate" and rules.bare_name(ln) and out.byline is None:
            out.byline = ln.text  # 'Kamal Namaa' above and below the picture
    for ln in header:
        if ln.index in labels:
            continue
        if title_line is not None and ln.index > title_line.index and rules.bare_name(ln):
            labels[ln.index] = "byline"
            out.byline = out.byline or ln.text
        elif prose[ln.index]:
            labels[ln.index] = "outside-body"
        else:
            labels[ln.index] = "navigation"

    last = _take_dated_list(lines, labels, last)

    # below the block: runs of headlines are related-story lists
    footer = [ln for ln in lines[last + 1 :] if ln.index not in labels]
    for ln in footer:
        if rules.author_bio(ln):
            labels[ln.index] = "author-bio"
        elif headline_like(ln) and ln.capital_ratio >= 0.5:
            labels[ln.index] = "related"
        elif prose[ln.index]:
            labels[ln.index] = "outside-body"
        else:
            labels[ln.index] = "navigation"

    # 5. inside the block
    body = [ln for ln in lines[first : last + 1] if ln.index not in labels]
    for k, ln in enumerate(body[:3]):
        if out.title and rules.bare_name(ln):  # 'Kamal Namaa' between the standfirst and the story
            labels[ln.index] = "byline"
            out.byline = out.byline or ln.text
    body = [ln for ln in body if ln.index not in labels]
    # for each body line, the next prose line below it (filled bottom-up: one pass, not a scan per line)
    next_prose: list[Line | None] = [None] * len(body)
    below = None
    for k in range(len(body) - 1, -1, -1):
        next_prose[k] = below
        if prose[body[k].index]:
            below = body[k]
    for k, ln in enumerate(body):
        if k >= len(body) - 3 and rules.author_bio(ln):
            labels[ln.index] = "author-bio"
            continue
        if k >= len(body) - 3 and rules.author_box_header(ln):
            for rest in body[k:]:  # 'Über Moritz Bachmann' and the lines about him under it
                labels[rest.index] = "author-bio"
            break
        if ln.words <= 2 and not ln.terminal:
            labels[ln.index] = "navigation"  # 'Royals', 'instagram', 'Caption': labels and buttons, never story
            continue
        if prose[ln.index] or not headline_like(ln) or ln.words < 5:
            continue
        if _DATED_ITEM.match(ln.lower) or (k + 1 < len(body) and _DATED_ITEM.match(body[k + 1].lower)):
            continue  # 'June 14 -- Alpharetta, GA @ ...': an entry of the story's own tour or timeline list, or its title
        nxt = next_prose[k]
        if nxt is None or len(content_stems_lower(ln.lower) & content_stems_lower(nxt.lower)) < 2:
            labels[ln.index] = "related"

    # the story's own lines, with a leading dateline cut off
    for ln in lines:
        reason = labels.get(ln.index)
        if reason:
            if reason != "title":
                out.removed.append(Removed(ln.text, reason))
            continue
        text = ln.text
        if not out.paragraphs and (lead := leading_dateline(text)):
            found, cut = lead
            dates.setdefault("text:dateline", _date(found, "text:dateline"))  # type: ignore[arg-type]
            dates.setdefault("text:lead", dates["text:dateline"])  # the story's own opening date
            out.removed.append(Removed(text[:cut].strip(), "dateline"))
            text = text[cut:]
        out.paragraphs.append(text)

    lead = dates.pop("text:lead", None)
    candidates = [(i, lines[i].text) for i in hinted]
    # a story that opens on its date ("21 June 2014, 14:30 -- ...") needs no other date line
    page = page_date(candidates, _first_paragraph(lines, labels),
                     lambda: _day_first("\n".join(t for _, t in candidates), content)) if hinted and not lead else None
    if page and page[1] and not any(d.date[:10] == page[0].iso[:10] for d in dates.values()):
        out.published = _date(page[0], "text:page")  # a date line above the story, or one a cue word marks
        return out
    for origin in ("text:dateline", "source-line", "text:notice"):
        if origin in dates:
            out.published = dates[origin]
            break
    if out.published is None and page:
        out.published = _date(page[0], "text:page")
    return out


def _day_first(date_lines: str, content: str) -> bool:
    """Slashed dates day first: as the page's date lines show, else unless the page is in English."""
    order = slash_order(date_lines)
    return order if order is not None else guess_language(content) not in ("en", None)


# A kept sentence this long is the story (the date lines of the page's head are above it). Chosen on the
# trafilatura_eval dev half rendered to page text: 12 words 0.773, 20 0.782, 30 0.787, 40 0.790, 60 0.776.
_STORY_WORDS = 40
_PAGE_DATE_WORDS = 25  # longer lines are sentences of the story, not the page's date line


def _first_paragraph(lines: list[Line], labels: dict[int, str]) -> int | None:
    """Index of the first long line of running text the cleaner kept (the story is under way there)."""
    return next((ln.index for ln in lines if ln.index not in labels and ln.terminal and ln.words >= _STORY_WORDS), None)


def _comments_start(lines: list[Line], is_prose_line: list[bool], settings: CleanSettings) -> int:
    """Index of the comment header that opens the readers' section, or len(lines).

    A 'Comments' link also sits in menus above the story, so a header only opens the section when
    at least half of the page's prose lies above it (the story comes before its comments).
    """
    prose = [ln.words if p else 0 for ln, p in zip(lines, is_prose_line, strict=True)]
    total = sum(prose)
    headers = rules.comment_headers(lines)
    # a long thread can outweigh the story; many headers make the section plain, so the story then
    # need only hold a smaller share of the prose above the first of them
    share = settings.comment_thread_story_share if len(headers) >= settings.comment_thread_headers else 0.5
    above, at = 0, 0
    for index in headers:
        above += sum(prose[at:index])
        at = index
        if above and above >= share * total:
            return index
    return len(lines)


def _byline_or_dateline(line: Line, out: CleanText, dates: dict[str, PublishedDate]) -> str | None:
    if name := rules.byline_name(line):
        out.byline = out.byline or name
        return "byline"
    if line.words <= 12 and _DIGIT.search(line.text) and (found := dateline_only(line.text)):
        dates.setdefault("text:dateline", _date(found, "text:dateline"))  # type: ignore[arg-type]
        return "dateline"
    return None
