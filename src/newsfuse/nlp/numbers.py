"""Numbers written in words or digits -> int ("17", "1,200", "seventy-five", "two hundred").

Hand-written: spaCy marks number-like tokens but gives no value, and no number
parser is among the pinned dependencies; the vocabulary news uses is small.
"""

from __future__ import annotations

import re

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# one number word, longest first so "seventeen" is not read as "seven"
NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
# One number expression: digits, or words like "seventy-five", "two hundred", "three thousand".
NUMBER_RE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{NUMBER_WORD})(?:[- ](?:{NUMBER_WORD}))?(?:\s+(?:hundred|thousand|million))?"
    rf"(?:\s+(?:and\s+)?(?:{NUMBER_WORD})(?:[- ](?:{NUMBER_WORD}))?)?))"
)


def parse_number(text: str) -> int | None:
    """The value of a NUMBER_RE match, or None when it is not a number."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None
