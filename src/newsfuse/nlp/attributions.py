"""Attributions: who the text says a claim comes from ("security sources said", "AFP reports").

Regular expressions over the whole text (cheap, parse-free) for the fixed
shapes of news attribution: "<source> said", "said <Title Name>", "according
to <source>", "told <outlet>", "<outlet> reports". Each is returned as
(span of the attribution phrase, normalised source phrase).
"""

from __future__ import annotations

import re

from newsfuse.records import Span

_VERB = r"(?:said|say|says|told|reported|reports|report|added|stated|confirmed|claimed|announced|warned)"
_ROLE = (r"(?:sources?|officials?|witnesses|residents|spokes(?:man|woman|person)|police|doctors?|medics|"
         r"activists|officers?|commanders?|ministry|army|military|observers|monitors|lawmakers?|"
         r"leaders?|elders?|chiefs?|authorities|statement|governor|mayor|agency|council)")
_MOD = r"(?:[a-z][\w-]*|[A-Z][\w’'-]*)"
# "security sources said", "a senior tribal figure said", "One security official said"
_GENERIC = re.compile(rf"\b(?P<src>(?:(?:the|a|an|one|two|three|several|other|some)\s+)?(?:{_MOD}\s+){{0,3}}?{_ROLE})\s+(?:also\s+)?{_VERB}\b", re.I)
_TITLE = r"(?:(?:Maj|Gen|Brig|Col|Lt|Capt|Sgt|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov)\.?\s+|(?:Sheikh|General|Colonel|Major|Brigadier|Captain|President|Minister|Prime Minister|Governor|Mayor)\s+)*"
_NAME = r"[A-Z][\w’'.-]+(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von)[-\s])?[A-Z][\w’'-]+){0,3}"
# "said Maj. Gen. Qassim al-Moussawi", "said Abdulrahman"
_SAID_NAME = re.compile(rf"\b(?:said|says|according to|told)\s+(?P<src>(?>{_TITLE}{_NAME}))(?!\s+(?:has|had|is|was|were|are|will|would|could|can|did|does|have|must|should)\b)")
# "Rami Abdulrahman said", "AFP reports", "Reuters reported"
_NAME_SAID = re.compile(rf"(?P<src>{_TITLE}{_NAME})\s+(?:also\s+)?{_VERB}\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>(?:the\s+)?[^,.;:\n]{3,60}?)(?=[,.;:\n]|\s+(?:who|which|that)\b)", re.I)
_TOLD = re.compile(r"\btold\s+(?P<src>Reuters|AFP|AP|the Associated Press|Agence France-Presse|[A-Z][\w]+(?:\s+[A-Z][\w]+){0,3})\b")
_NOT_SOURCES = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "which", "who", "there"}
_CALENDAR = re.compile(r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _normal(source: str) -> str:
    s = re.sub(r"^(?:the|a|an|one|two|three|several|some|other)\s+", "", source.strip(), flags=re.I)
    return s.strip(" ,")


def find_attributions(text: str) -> list[tuple[Span, str]]:
    """(span, source) for each attribution cue, earliest pattern winning on overlap."""
    out: list[tuple[Span, str]] = []
    taken: list[Span] = []

    def add(m: re.Match[str]) -> None:
        src = m.group("src")
        if src.lower() in _NOT_SOURCES or _CALENDAR.match(src):
            return
        start, end = m.span()
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        out.append(((start, end), _normal(src) if src.lower() != "the sources" else "sources"))

    for pattern in (_SAID_NAME, _TOLD, _ACCORDING, _GENERIC, _NAME_SAID):
        for m in pattern.finditer(text):
            add(m)
    return sorted(out)
