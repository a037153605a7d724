"""Datelines: "BAMAKO, March 8 (Reuters) - " opening a paragraph.

A dateline says where the wire filed from, not who acted or where: left inside
the first sentence, the parser reads the capitalised city as the subject
("BAMAKO ... seized the town") and the city as the event's place. The nlp stage
therefore starts that paragraph's sentences after the dateline. Hand-written
because the cleaner's own dateline cut reads only date-led lines; one regex is
all it takes.
"""

from __future__ import annotations

import re

# CITY (capitals, may be several words) then ", Country" and/or ", Month Day" and/or
# "(Agency)", then a dash. At least one of the comma part or the agency is required,
# so an all-capitals headline word followed by a dash is never taken for a dateline.
_DATELINE = re.compile(
    r"""^(?P<city>[A-Z][A-Z'’.\-]{2,}(?:\s[A-Z][A-Z'’.\-]+){0,3})
        (?P<rest>(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Za-z0-9.]+){0,3}){1,2}(?:\s*\([^()\n]{1,40}\))?
          |\s*\([^()\n]{1,40}\))
        \s*(?:--|—|–|-)\s+(?=\S)""",
    re.VERBOSE,
)


# a dateline in title case, as some sites and wire transcripts write it ("Bogota, 28 May 89 (Inravision) -- ",
# "Savannah (WSAV) – "): stricter than the capitals form, a date after the comma or the agency is required.
# Its town is a place (places/candidates.py), but the line is not cut from the story: its date still dates the
# lead (cut, MUC-4 dev lost dates read from the text, 0.815 -> 0.723)
_DAY_MONTH = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{2,4}"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
_TITLED = re.compile(
    rf"""(?P<city>[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){{0,3}})
        (?:,\s*(?:{_DAY_MONTH}|{_MONTH_DAY})(?:\s*\([^()\n]{{1,40}}\))?|\s*\([^()\n]{{1,40}}\))
        \s*(?:--|—|–|-)\s+(?=\S)""",
    re.VERBOSE,
)


def dateline_end(line: str) -> int:
    """Where the story starts after a leading dateline; 0 when the line has none."""
    m = _DATELINE.match(line)
    return m.end() if m else 0


def titled_dateline_city(text: str, start: int) -> int:
    """Where the city of a title-case dateline starting at ``start`` ends; 0 when none starts there."""
    m = _TITLED.match(text, start)
    return m.end("city") if m else 0
