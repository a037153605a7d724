"""Page text as a list of lines, each with the features the chrome rules and the block finder read.

A line is the unit of page text (WET files, copy-paste and html-text output put one
paragraph, menu item or caption per line). Features are computed once here so the
rules stay one-liners about meaning, not about string handling.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate, repeat
from operator import add
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


def _linkish_lines(texts: list[str]) -> set[int]:
    """Indices of the ``_linkish`` texts of a page: each cue searched once through the whole page (ten
    substring tests per line were a fifth of the cost of making a line)."""
    page = "\n".join(texts)
    starts = line_starts(texts)
    ends = len(starts)
    held: set[int] = set()
    for cue in _LINK_CUES:  # no cue holds a newline
        at = page.find(cue)
        while at != -1:
            k = bisect_right(starts, at) - 1
            held.add(k)
            at = page.find(cue, starts[k + 1]) if k + 1 < ends else -1
    return {k for k in held if _LINKISH.search(texts[k]) is not None}


def line_starts(texts: Sequence[str]) -> list[int]:
    """Offsets of the texts in ``"\\n".join(texts)``."""
    # running sums of (length + 1) in C (map / accumulate), not a Python loop over the page's lines
    starts = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))
    starts.pop()
    return starts


# ASCII text: every byte that is not a word character becomes a space, so splitting on spaces finds
# the same words as _WORD (apostrophes are dropped first: "don't" stays one word) at bytes.translate
# speed, a fifth of the pattern's time on a long paragraph (same counts on all 27k ASCII AEB lines)
_ASCII_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NON_WORD_TO_SPACE = bytes(c if c in _ASCII_WORD else 32 for c in range(256))


# English pages are seldom pure ASCII only because of typographic punctuation: with these swapped for
# what _WORD makes of them, most lines take the fast path (any other non-ASCII letter sends the line to
# the pattern). The curly apostrophe joins words as "'" does, and stands in as the byte \x01 so the
# words found keep it.
_CURLY = "\x01"
_TYPOGRAPHY = (("’", _CURLY), ("“", " "), ("”", " "), ("‘", " "), ("–", " "), ("—", " "), ("…", " "),
               ("•", " "), ("·", " "), ("«", " "), ("»", " "), ("©", " "), ("€", " "), ("£", " "))


_DOUBLED = ("''", "'\x01", "\x01'", "\x01\x01")  # two apostrophes in a row: there the pattern splits a word


def _ascii_form(text: str) -> str | None:
    """``text`` with typographic punctuation made ASCII, if that leaves it all ASCII (and no two
    apostrophes meet); else None."""
    if _CURLY in text:
        return None
    if not text.isascii():
        for char, ascii_char in _TYPOGRAPHY:
            if char in text:
                text = text.replace(char, ascii_char)
        if not text.isascii():
            return None
    if "'" in text or _CURLY in text:
        for pair in _DOUBLED:
            if pair in text:
                return None
    return text


def make_line(index: int, text: str) -> Line:
    """The features of one line of text (a page's lines are made together by ``split_lines``)."""
    text = " ".join(text.split("\n")).strip()  # one line: a newline would split it in _page_lines
    return _page_lines([text], {0} if _linkish(text) else set())[0]._replace(index=index)


def _pattern_counts(text: str) -> tuple[int, float]:
    """Words and capital ratio of a line the fast ASCII split cannot take, by the word pattern."""
    tokens = _WORD.findall(text)
    n = len(tokens)
    if n and (cjk := len(_CJK.findall(text))):
        # Chinese and Japanese write no spaces: a 60-character sentence is one or two \w runs; count
        # about a word per two characters so such prose is not taken for a menu item
        n += cjk // 2
    return n, len([t for t in tokens if t[0].isupper()]) / n if 0 < n <= 25 else 0.0


# as _NON_WORD_TO_SPACE, but capitals become "A", other word bytes "a", and newlines stay: a line's
# words then begin at its b" a" and b" A", counted in C instead of splitting the line into words
_WORD_STARTS = bytes(65 if 65 <= c <= 90 else 97 if c in _ASCII_WORD else c if c == 10 else 32 for c in range(256))
_new_line = tuple.__new__  # what Line(...) runs, without its Python-level __new__ frame


def _page_lines(texts: list[str], linkish: set[int]) -> list[Line]:
    """The Lines of a page's texts (stripped, no newline in them), the string work done over the whole
    page and feature by feature (C-level maps over the lines, not a Python call per line: split_lines
    109 -> 98 ms on the 181 AEB page texts, best of 20; copying the features of repeated lines no
    longer paid). ``make_line`` runs it on a single text, so each feature is computed in one place.

    Lower-casing, the typographic swaps of _ascii_form and the byte translation run on the texts
    joined by newlines (no text holds one; none of these moves one, and a newline ends a word as a
    text's end does), so each line only counts its word starts.
    """
    page = "\n".join(texts)
    ascii_page = page
    if not page.isascii():
        for char, ascii_char in _TYPOGRAPHY:
            if char in ascii_page:
                ascii_page = ascii_page.replace(char, ascii_char)
    if ascii_page.isascii():
        # no letters but ASCII ones (the typographic marks have no case): lower-cased as bytes, in
        # a third of the time str.lower takes on a page holding a curly quote
        lowers = page.encode().lower().decode().split("\n")
    else:
        lowers = page.lower().split("\n")
    forms = ascii_page.split("\n")
    # a space before every line, so its first word also begins after one; the bytes of non-ASCII
    # lines ("?" from the encoder) are never read
    starts = (b" " + ascii_page.encode("ascii", "replace").translate(_WORD_STARTS, b"'\x01")
              .replace(b"\n", b"\n ")).split(b"\n")
    capitals = list(map(bytes.count, starts, repeat(b" A")))
    words = list(map(add, capitals, map(bytes.count, starts, repeat(b" a"))))
    caps = [c / n if 0 < n <= 25 else 0.0 for c, n in zip(capitals, words)]
    doubled = any(pair in ascii_page for pair in _DOUBLED)  # (a pair never spans a newline)
    curly = _CURLY in page  # a text holding the stand-in byte itself goes to the pattern, as in _ascii_form
    for i, form in enumerate(forms):
        if not form.isascii() or doubled and any(pair in form for pair in _DOUBLED) or curly and _CURLY in texts[i]:
            words[i], caps[i] = _pattern_counts(texts[i])
    terminal = [t[-1:] in _ENDS for t in map(str.rstrip, texts, repeat(_CLOSERS))]
    stop = [0.0] * len(texts)
    stops = all_stopwords()
    for i, n in enumerate(words):
        if n >= 12 and not terminal[i]:  # only read by is_prose for long unpunctuated lines
            stop[i] = sum(1 for t in _WORD.findall(lowers[i]) if t in stops) / n
    flags = [False] * len(texts)
    for i in linkish:
        flags[i] = True
    return list(map(_new_line, repeat(Line), zip(range(len(texts)), texts, words, stop, terminal, caps, flags, lowers)))


_SOFT_END = re.compile(r"""[^.!?…:"”’)\]]$""")


def _wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues ``previous`` (hard-wrapped copy-paste or e-mail text): the
    previous line stops mid-sentence and this one carries on in lower case."""
    return bool(_SOFT_END.search(previous)) and line[:1].islower() and previous.count(" ") >= 6


def _fixed_width(rows: Sequence[str]) -> int:
    """The column a hard-wrapped text (old wire feeds, e-mail, 'text only' pages) wraps at, or 0.

    Wrapped, most lines that have a next line in their paragraph end near one width (60-100
    characters); page text keeps a paragraph on one line, so its lines' lengths are all over.
    """
    inner = [len(a) for a, b in zip(rows, rows[1:]) if a and b]
    if len(inner) < 4:
        return 0
    width = sorted(inner)[int(len(inner) * 0.9)]
    if not 60 <= width <= 100:
        return 0
    near = sum(1 for n in inner if width - 20 <= n <= width)
    return width if near >= 0.6 * len(inner) else 0


def split_lines(content: str) -> list[Line]:
    """Non-empty lines of the page, numbered in page order; hard-wrapped lines joined back."""
    rows = [raw.strip() for raw in content.replace("\u00a0", " ").splitlines()]
    width = _fixed_width(rows) if len(rows) > 4 else 0
    texts: list[str] = []
    joinable = False  # no blank line since the previous line
    for raw in rows:
        if not raw:
            joinable = False
            continue
        if joinable and texts and (
                (width and len(texts[-1].rsplit("\n", 1)[-1]) >= width - 20)  # a full line: its paragraph goes on
                or (raw[:1].islower() and _wrapped(texts[-1], raw))):
            texts[-1] = f"{texts[-1]}\n{raw}" if width else f"{texts[-1]} {raw}"
        else:
            texts.append(raw)
        joinable = True
    if width:
        texts = [t.replace("\n", " ") for t in texts]
    return _page_lines(texts, _linkish_lines(texts))


def lines_matching(lines: Sequence[Line], pattern: re.Pattern[str], max_words: int) -> set[int]:
    """Indices of the lines of at most ``max_words`` words in which ``pattern`` (never across a line
    break) matches: one scan of the page instead of a call per line."""
    texts = [ln.text if ln.words <= max_words else "" for ln in lines]
    starts = line_starts(texts)
    return {bisect_right(starts, m.start()) - 1 for m in pattern.finditer("\n".join(texts))}


def is_prose(line: Line, min_words: int) -> bool:
    """A line that reads like running text: long enough, sentence-shaped, full of function words."""
    if line.words < min_words:
        return False
    return line.terminal or (line.stop_ratio >= 0.3 and line.words >= 2 * min_words)


def prose_flags(lines: Sequence[Line], min_words: int) -> list[bool]:
    """``is_prose`` of every line of a page, in one comprehension (no call per line: it runs on all)."""
    twice = 2 * min_words
    return [ln.words >= min_words and (ln.terminal or (ln.stop_ratio >= 0.3 and ln.words >= twice)) for ln in lines]


def content_stems(text: str) -> set[str]:
    """Lower-cased 5-letter prefixes of the non-stop words: a cheap stemmer for overlap tests."""
    words = word_set(text.lower()) - all_stopwords()  # distinct words first, in C: a story repeats many
    return {w[:5] for w in words if len(w) > 2 or w.isdigit()}


def line_stems(lines: Iterable[Line]) -> set[str]:
    """``content_stems`` of the lines' text (their lower-cased forms, already at hand)."""
    return content_stems_lower(" ".join(line.lower for line in lines))


def content_stems_lower(lower: str) -> set[str]:
    words = word_set(lower) - all_stopwords()
    return {w[:5] for w in words if len(w) > 2 or w.isdigit()}


# as _NON_WORD_TO_SPACE, but the apostrophes stay: a run like "don't" or "'quoted'" is one chunk
_NON_WORD_APOSTROPHE_TO_SPACE = bytes(c if c in _ASCII_WORD or c in (1, 39) else 32 for c in range(256))


def word_set(text: str) -> set[str]:
    """The distinct words (``words_of``) of ``text``.

    ASCII text is split at bytes.translate speed (a story's block is ~5 kB, split for every page):
    each chunk of word characters and apostrophes is one word once its outer apostrophes are
    stripped (_ascii_form leaves no two apostrophes in a row).
    """
    if (ascii_text := _ascii_form(text)) is None:
        return set(_WORD.findall(text))
    chunks = set(ascii_text.encode("ascii").translate(_NON_WORD_APOSTROPHE_TO_SPACE).decode("ascii").split())
    if "'" not in ascii_text and _CURLY not in ascii_text:
        return chunks
    out = {_apostrophes_fixed(w) if "'" in w or _CURLY in w else w for w in chunks}
    out.discard("")
    return out


def word_counts(text: str) -> Counter[str]:
    """How often each word (``words_of``) occurs in ``text``, split as in ``word_set``."""
    if (ascii_text := _ascii_form(text)) is None:
        return Counter(_WORD.findall(text))
    counts = Counter(ascii_text.encode("ascii").translate(_NON_WORD_APOSTROPHE_TO_SPACE).decode("ascii").split())
    if "'" in ascii_text or _CURLY in ascii_text:
        for chunk in [w for w in counts if "'" in w or _CURLY in w]:
            n = counts.pop(chunk)
            if word := _apostrophes_fixed(chunk):
                counts[word] += n
    return counts


def _apostrophes_fixed(chunk: str) -> str:
    """A chunk's word: outer apostrophes stripped, the curly one given back."""
    return chunk.replace(_CURLY, "’").strip("'’")


def guess_language(text: str) -> str | None:
    """ISO code of the stop-word list that covers most of the words, if any clearly does."""
    # (the first 2000 characters, not 5000: no language on the 181 AEB outputs changed, 2.5x less work)
    counts = word_counts(text[:2000].lower())  # counted once in C; each list then meets the distinct words
    total = sum(counts.values())
    if total < 20:
        return None
    distinct = set(counts)  # a set, not the keys view: set & frozenset walks the smaller side
    best, score = None, 0
    for code, words in stoplists().items():  # ties go to the first list (English)
        hits = sum(map(counts.__getitem__, distinct & words))
        if hits > score:
            best, score = code, hits
    return best if score >= 0.15 * total else None
