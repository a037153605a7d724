"""Page text as a list of lines, each with the features the chrome rules and the block finder read.

A line is the unit of page text (WET files, copy-paste and html-text output put one
paragraph, menu item or caption per line). Features are computed once here so the
rules stay one-liners about meaning, not about string handling.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import NamedTuple

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# '(?<=\S)\.com' rather than '\S+\.com': the same lines, without retrying \S+ from every character of the line
_LINKISH = re.compile(r"https?://|www\.|(?<=\S)\.(?:com|org|net)\b|\s[|»>•·]\s|^[|»>•·]|[|»•·]\s*$")

# jusText's stop-word lists are the real multilingual lists trafilatura itself relies on;
# the page-text classifier reads English first, these others keep German/French/... prose prose.
_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
}


@cache
def stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {code: frozenset(justext.get_stoplist(name)) for code, name in _LANGS.items()}


@cache
def all_stopwords() -> frozenset[str]:
    out: set[str] = set()
    for words in stoplists().values():
        out |= words
    return frozenset(out)


class Line(NamedTuple):  # a NamedTuple, not a frozen dataclass: built for every line, its init is 4x cheaper
    index: int
    text: str  # stripped
    words: int
    stop_ratio: float  # share of stop words (prose is full of them, menus are not); 0 unless long and unpunctuated
    terminal: bool  # ends like a sentence
    capital_ratio: float  # share of words starting with a capital letter (headlines, menus, names); 0 above 25 words
    linkish: bool  # URLs, domain names, menu separators
    lower: str = ""  # lower-cased text, computed once: every rule reads it


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


# a sentence ends with . ! ? (or their CJK forms) or a closing quote / bracket after one; ':' ends an
# intro line ("From Reuters:")
_CLOSERS = "\"'”’)]」』"
_ENDS = frozenset(".!?…:。！？")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


_LINK_CUES = ("|", "»", ">", "•", "·", "http", "www.", ".com", ".org", ".net")


def _linkish(text: str) -> bool:
    # substring tests first: the pattern scans every position, and nine lines in ten hold no cue at all
    for cue in _LINK_CUES:
        if cue in text:
            return _LINKISH.search(text) is not None
    return False


def make_line(index: int, text: str) -> Line:
    text = text.strip()
    lower = text.lower()
    tokens = words_of(text)
    n = len(tokens)
    if not text.isascii() and (cjk := len(_CJK.findall(text))):
        # Chinese and Japanese write no spaces: a 60-character sentence is one or two \w runs; count
        # about a word per two characters so such prose is not taken for a menu item
        n += cjk // 2
    # a string test, not a regex call: this runs on every line of every page
    terminal = text.rstrip(_CLOSERS)[-1:] in _ENDS
    stop = 0
    if n >= 12 and not terminal:  # only read by is_prose for long unpunctuated lines: skip the cost elsewhere
        stops = all_stopwords()
        stop = sum(1 for t in words_of(lower) if t in stops)
    # only headline and name tests read it, and they take lines of at most 25 words
    caps = sum(1 for t in tokens if t[0].isupper()) if n <= 25 else 0
    return Line(
        index=index,
        text=text,
        words=n,
        stop_ratio=stop / n if n else 0.0,
        terminal=terminal,
        capital_ratio=caps / n if n else 0.0,
        linkish=_linkish(text),
        lower=lower,
    )


_SOFT_END = re.compile(r"""[^.!?…:"”’)\]]$""")


def _wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` (hard-wrapped copy-paste or e-mail text): the
    previous line stops mid-sentence and this one carries on in lower case."""
    return bool(_SOFT_END.search(previous)) and line[:1].islower() and previous.count(" ") >= 6


def split_lines(content: str) -> list[Line]:
    """Non-empty lines of the page, numbered in page order; hard-wrapped lines joined back."""
    texts: list[str] = []
    joinable = False  # no blank line since the previous line
    for raw in content.splitlines():
        raw = raw.replace("\u00a0", " ").strip()
        if not raw:
            joinable = False
            continue
        if joinable and texts and _wrapped(texts[-1], raw):
            texts[-1] = f"{texts[-1]} {raw}"
        else:
            texts.append(raw)
        joinable = True
    return [make_line(i, t) for i, t in enumerate(texts)]


def is_prose(line: Line, min_words: int) -> bool:
    """A line that reads like running text: long enough, sentence-shaped, full of function words."""
    if line.words < min_words:
        return False
    return line.terminal or (line.stop_ratio >= 0.3 and line.words >= 2 * min_words)


def content_stems(text: str) -> set[str]:
    """Lower-cased 5-letter prefixes of the non-stop words: a cheap stemmer for overlap tests."""
    words = set(words_of(text.lower())) - all_stopwords()  # distinct words first, in C: a story repeats many
    return {w[:5] for w in words if len(w) > 2 or w.isdigit()}


def guess_language(text: str) -> str | None:
    """ISO code of the stop-word list that covers most of the words, if any clearly does."""
    tokens = words_of(text[:5000].lower())
    if len(tokens) < 20:
        return None
    counts = Counter(tokens)  # counted once in C; each list then meets the distinct words as a set
    best, score = None, 0
    for code, words in stoplists().items():  # ties go to the first list (English)
        hits = sum(counts[w] for w in counts.keys() & words)
        if hits > score:
            best, score = code, hits
    return best if score >= 0.15 * len(tokens) else None
