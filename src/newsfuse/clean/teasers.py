"""Where a story hands over to the site's teaser list, and lines that copy the whole story.

A news page often closes its story with a section header ('Read these next', 'More Washington
Examiner', 'You may also like', 'Related coverage from Money:') and then a list of other stories:
headline, byline or date, a one-sentence blurb, again and again. The blurbs are sentences, so the
block finder (text.py) happily runs on through them. What tells the list from the story is its
rhythm: under the header, headline-shaped lines and bylines come about as often as sentences,
whereas a story's subheads each lead several paragraphs. A header inside a story ('More
protests are planned', a 'Related: ...' link between paragraphs) is followed by the story's
paragraphs and so does not end it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.clean.lines import Line

# the first words of a section header that introduces other stories (page text of any English site;
# the related-lead rule in rules.py names the fixed ones, these also take a site or section name
# after them: 'More Washington Examiner', 'More in Latest Galleries', 'Other stories from Kabul')
_HEADER = re.compile(
    r"^(?:more|other|related|read|recommended|you (?:may|might|will|['’]ll)|also|latest|top|popular|trending|"
    r"most|further|similar|editor['’]?s|what to read|up next|next|keep reading|around the web|from the web|"
    r"in case you missed|elsewhere|sponsored|promoted|featured|recent|previous)\b"
)
# labels of lines the list is made of besides its headlines: the teasers' bylines, dates, repeated
# headlines, share counts and ads between them
# a headline cut short to fit its box ('Microsoft offers a Surface Go bundle plus JBL he...') ends in dots
# like a sentence but is a list line
_CUT = ("...", "…")
_LIST_LABELS = frozenset({"byline", "dateline", "duplicate", "related", "navigation", "share", "appeal", "title"})


def teaser_header(line: Line, label: str | None) -> bool:
    """A short line that names a list of other stories: no sentence, at most eight words."""
    if line.words == 0 or line.words > 8 or (line.terminal and not line.text.endswith(":")):
        return False
    if ":" in line.text.rstrip(":"):
        return False  # 'Related: The 15 weirdest galaxies' is one link inside the story, not a section header
    return label == "related" or _HEADER.match(line.lower) is not None


def teaser_list_start(
    lines: Sequence[Line], labels: dict[int, str], prose: Sequence[bool], span: tuple[int, int],
    min_story_share: float, min_list_ratio: float,
) -> int | None:
    """Index of the header that opens a teaser list closing the block ``span``, or None.

    The header must come after ``min_story_share`` of the block's prose words (the story comes
    first), and under it list lines (headlines, bylines, dates) must number at least
    ``min_list_ratio`` times the sentences, with at least three of them, and no three sentences may
    follow each other to the block's end (a teaser has one blurb; a story has paragraphs).
    """
    first, last = span
    words = [lines[i].words if prose[i] and i not in labels else 0 for i in range(first, last + 1)]
    total = sum(words)
    if not total:
        return None
    seen = 0
    for i in range(first, last + 1):
        seen += words[i - first]
        if seen < min_story_share * total or not teaser_header(lines[i], labels.get(i)):
            continue
        sentences = items = run = 0
        for j in range(i + 1, last + 1):
            label = labels.get(j)
            if label is None and prose[j] and not lines[j].text.endswith(_CUT):
                sentences += 1
                run += 1
                if run >= 3:
                    break  # three paragraphs in a row: the story goes on under a widget in its middle
            elif label in _LIST_LABELS or (label is None and 3 <= lines[j].words <= 25 and (
                    not lines[j].terminal or lines[j].text.endswith(_CUT))):
                items += 1
                run = 0
        else:
            if items >= 3 and items >= min_list_ratio * sentences:
                return i
    return None


def story_copies(lines: Sequence[Line], min_words: int) -> list[int]:
    """Indices of very long lines that hold three or more of the page's paragraphs verbatim: the whole
    story run together once more (a page's JSON-LD or meta description printed as text)."""
    out = []
    for line in lines:
        if line.words < min_words:
            continue
        held = 0
        for other in lines:
            if other.index != line.index and other.words >= 15 and other.words < line.words and other.text in line.text:
                held += 1
                if held >= 3:
                    out.append(line.index)
                    break
    return out
