"""The MUC-4 answer keys (TST3, TST4): the slots newsfuse's event fields are scored against.

Slot fillers may run on over indented lines; ' / ' separates alternatives outside
parentheses; a leading '?' (the annotators' doubt) is dropped; a template whose slot 0 is
'*' marks an irrelevant document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
OPEN_BEFORE_DAYS = 30  # a key "- 02 NOV 89" says "on or before"; we accept the 30 days before


@dataclass(frozen=True)
class KeyTemplate:
    dates: tuple[tuple[date, date, bool], ...] = ()  # (first, last, is a single stated day)
    locations: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (country, places inside it)
    deaths: tuple[int, int] | None = None  # known death count (low, high), None if not countable
    perpetrators: tuple[str, ...] = ()  # PERP: ORGANIZATION ID strings


def split_alternatives(value: str) -> list[str]:
    """'(A) / (B)' -> ['A', 'B']: MUC's ' / ' separates alternatives outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and value.startswith(" / ", i):
            parts.append(value[start:i])
            start = i + 3
    parts.append(value[start:])
    parts = [p.strip() for p in parts]
    parts = [p[1:-1].strip() if p.startswith("(") and p.endswith(")") else p for p in parts]
    return [p.lstrip("?").strip() for p in parts if p.lstrip("?").strip()]  # "?": the key is unsure of it


def _key_day(text: str) -> tuple[date, date] | None:
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Z]{3})\s+(\d{2})", text.strip())
    if not m or m.group(2) not in MONTHS:
        return None
    first = date(1900 + int(m.group(3)), MONTHS[m.group(2)], int(m.group(1) or 1))
    return (first, first) if m.group(1) else (first, month_end(first))


def month_end(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def parse_key_date(value: str) -> list[tuple[date, date, bool]]:
    """'12 JAN 90' (a day), '01 NOV 88 - 30 NOV 88' (a range), '- 02 NOV 89' (on or before)."""
    out = []
    for alt in split_alternatives(value):
        ends = ["", alt[2:]] if alt.startswith("- ") else [e.strip() for e in alt.split(" - ")]
        days = [_key_day(e) if e else None for e in ends]
        if len(ends) == 1 and days[0]:
            out.append((days[0][0], days[0][1], days[0][0] == days[0][1]))
        elif len(ends) == 2 and days[1]:
            first = days[0][0] if days[0] else days[1][1] - timedelta(days=OPEN_BEFORE_DAYS)
            out.append((first, days[1][1], False))
    return out


def parse_key_location(value: str) -> list[tuple[str, tuple[str, ...]]]:
    """'PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)' -> [('PERU', ('LIMA', 'SAN ISIDRO'))]."""
    out = []
    for alt in split_alternatives(value):
        parts = [re.sub(r"\([^()]*\)", "", p).strip() for p in re.split(r":| - ", alt)]
        parts = [p for p in parts if p and p not in ("-", "*")]
        if parts:
            out.append((parts[0], tuple(parts[1:])))
    return out


def _quoted(text: str) -> set[str]:
    return {q for q in re.findall(r'"([^"]*)"', text) if q not in ("", "-")}


def key_deaths(names: list[str], numbers: list[str], effects: list[str]) -> tuple[int, int] | None:
    """Deaths of one template: the HUM TGT: NUMBER of each victim whose EFFECT is DEATH (a named
    victim without a number counts 1). None when any dead victim's count is unknown ('PLURAL')."""
    named = set().union(*map(_quoted, names)) if names else set()
    low = high = 0
    found = False
    for effect in effects:
        label = effect.split(":")[0]
        if "DEATH" not in label or "NO " in label:
            continue
        refs = _quoted(effect)
        counts = [n for n in numbers if _quoted(n) & refs]
        if counts:
            m = re.match(r"^\??\s*(\d+)(?:\s*-\s*(\d+))?\s*:", counts[0].lstrip("( "))
            if not m:
                return None
            low, high = low + int(m.group(1)), high + int(m.group(2) or m.group(1))
        elif refs & named:
            low, high = low + 1, high + 1
        else:
            return None
        found = True
    return (low, high) if found else None


def parse_keys(text: str) -> dict[str, list[KeyTemplate]]:
    """Document id -> its relevant templates (empty list: the key says the document is irrelevant)."""
    raw: list[dict[str, list[str]]] = []
    last = ""
    for line in text.splitlines():
        m = re.match(r"^\s*\d+\.\s+([A-Z ]+: [A-Z ]+?)(?:\s{2,}(\S.*?))?\s*$", line)
        if m:
            last, value = m.group(1), m.group(2) or ""
            if last == "MESSAGE: ID":
                raw.append({})
            if raw:
                raw[-1].setdefault(last, []).append(value.strip())
        elif line.strip() and raw and last:
            raw[-1][last].append(line.strip())  # a further filler of the same slot
    keys: dict[str, list[KeyTemplate]] = {}
    for slots in raw:
        doc = slots["MESSAGE: ID"][0]
        keys.setdefault(doc, [])
        template = slots.get("MESSAGE: TEMPLATE", ["*"])[0]
        if template.startswith("*"):
            continue
        filled = {k: [v for v in vs if v not in ("-", "*", "")] for k, vs in slots.items()}
        keys[doc].append(KeyTemplate(
            dates=tuple(d for v in filled.get("INCIDENT: DATE", []) for d in parse_key_date(v)),
            locations=tuple(p for v in filled.get("INCIDENT: LOCATION", []) for p in parse_key_location(v)),
            deaths=key_deaths(filled.get("HUM TGT: NAME", []), filled.get("HUM TGT: NUMBER", []),
                              filled.get("HUM TGT: EFFECT OF INCIDENT", [])),
            perpetrators=tuple(sorted(set().union(*map(_quoted, filled.get("PERP: ORGANIZATION ID", [])))))))
    return keys
