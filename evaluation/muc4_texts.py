"""The MUC-4 texts, prepared the same way for every system compared.

The 1989-91 FBIS texts are hard-wrapped and upper case: paragraphs are unwrapped onto one line,
and words take the casing they most often have in mixed-case English news (CoNLL-2003 train,
ECB+; no MUC text). The dateline gives the report's own date.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from evaluation.common import dataset
from evaluation.muc4_keys import MONTHS


def read_texts(path: Path) -> dict[str, str]:
    parts = re.split(r"^(TST\d-MUC4-\d{4})\s*$", path.read_text(encoding="latin-1"), flags=re.M)
    return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts), 2)}


def unwrap(text: str) -> str:
    """One line per paragraph: the texts are hard-wrapped, paragraphs separated by blank lines."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


@cache
def learned_casing() -> dict[str, str]:
    """lower-case word -> its most frequent casing in CoNLL-2003 train and ECB+ (mixed-case English
    news, no MUC text); sentence-initial words are left out, their capital says nothing."""
    seen: dict[str, Counter[str]] = {}

    def add(word: str) -> None:
        if word.isalpha():
            seen.setdefault(word.lower(), Counter())[word] += 1

    first = True
    for line in dataset("datasets", "conllpp", "conllpp_train.txt").open(encoding="utf-8"):
        word = line.split(" ", 1)[0].strip()
        if word and word != "-DOCSTART-" and not first:
            add(word)
        first = not word or word == "-DOCSTART-"
    for path in dataset("datasets", "ecbplus", "ECB+_LREC2014", "ECB+").rglob("*.xml"):
        for number, word in re.findall(r'<token [^>]*number="(\d+)"[^>]*>([^<]*)</token>', path.read_text("utf-8")):
            if number != "0":
                add(word)
    return {w: c.most_common(1)[0][0] for w, c in seen.items()}


def restore_case(text: str) -> str:
    """A simple truecaser for all-caps text, applied identically to every system compared."""
    casing = learned_casing()

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if m.start() and text[m.start() - 1] == "'":
            return w.lower()  # the S of 'S, the T of DON'T
        if w.lower() in casing:
            return casing[w.lower()]
        if len(w) <= 5 and not re.search(r"[AEIOUY]", w):
            return w  # FMLN, PCN, ELN: a vowel-less short word is an acronym
        return w.capitalize()  # unseen in English news: most often a Spanish name

    out = re.sub(r"[A-Za-z]+", word, text)
    out = re.sub(r"\bmay\b(?=\s+\d)|(?<=\d )may\b", "May", out)  # the month, not the modal verb
    # sentence and paragraph starts, bracketed labels ("[TEXT]") and the story after the header begin with a capital
    out = re.sub(r"(^|[.!?]\s+|--\s*(?:\[[^\]\n]*\]\s*)*|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
    return re.sub(r"\[([a-z])", lambda m: "[" + m.group(1).upper(), out)


def dateline_date(text: str) -> str | None:
    """The report's own date from 'PLACE, DD MMM YY (SOURCE) --', ISO; None for 'NO DATE'."""
    m = re.match(r"\s*[^,\n]+,\s*(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2})\b", text)
    if not m or m.group(2).upper() not in MONTHS:
        return None
    return date(1900 + int(m.group(3)), MONTHS[m.group(2).upper()], int(m.group(1))).isoformat()
