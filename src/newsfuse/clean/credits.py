"""Who a text credits: wire services whose reporting it carries or cites, and original publishers
named in source lines.

'Credit: Reuters' under a photo is a caption and never reaches here (the caption rule removes it
first); 'told Reuters' means Reuters did the interview, so it credits Reuters.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from newsfuse.records import Credit

# canonical name -> how it is written in running text
WIRES: dict[str, str] = {
    "Reuters": r"Reuters|REUTERS",
    "AFP": r"AFP|Agence France[- ]Presse",
    "Associated Press": r"Associated Press|\(AP\)|AP(?= reported| reports| said)",
    "Xinhua": r"Xinhua",
    "DPA": r"DPA|dpa|Deutsche Presse-Agentur",
    "UPI": r"UPI|United Press International",
    "Anadolu": r"Anadolu(?: Agency| Ajansı)?",
    "ANI": r"ANI",
    "PTI": r"PTI|Press Trust of India",
    "IANS": r"IANS",
    "EFE": r"EFE",
    "Kyodo": r"Kyodo(?: News)?",
    "Yonhap": r"Yonhap",
    "TASS": r"TASS|ITAR-TASS",
    "RIA Novosti": r"RIA Novosti",
    "Interfax": r"Interfax",
    "ANSA": r"ANSA",
    "Bernama": r"Bernama",
    "IRNA": r"IRNA",
    "WAFA": r"WAFA",
    "SANA": r"SANA",
}

# forms that say the text itself is the wire's copy, not just a citation
_CARRIED = [
    r"^[ \t]*(?:\w[\w ,]{0,30}[ \t]*)?\(?(?:{w})\)?[ \t]*[-–—:][ \t]",  # 'REUTERS - ...', 'BAGHDAD (Reuters) - ...'
    r"\((?:{w})\)\s*[-–—]",
    r"\b(?i:from|via|according to a report by)\s+(?:{w})\s*:",  # 'From Reuters:'
]
_CREDITED = [
    r"\b(?:{w})\s+(?:reports?|reported|said|says|quoted|cited|news agency|analy[sz]ed|and other sources)",
    r"\b(?i:told|according to|quoted by|cited by|reported by|reports? from|by)\s+(?i:the\s+)?(?:{w})",
    r"(?:{w})\s+(?:account|report|story|dispatch|correspondent|journalist|reporter)",
    r"\b(?i:such as|including)\s+(?i:the\s+)?(?:{w})",
]


def _compile(forms: list[str], wire: str) -> list[re.Pattern[str]]:
    bounded = rf"(?<![\w-])(?:{wire})(?![\w-])"  # 'ANI' must not match inside 'GERMANIC'
    return [re.compile(f.replace("{w}", bounded), re.MULTILINE) for f in forms]


_PATTERNS = {name: (_compile(_CARRIED, w), _compile(_CREDITED, w)) for name, w in WIRES.items()}


def _evidence(text: str, m: re.Match[str]) -> str:
    return text[m.start() : m.end()].strip()


# plain substrings one of which must occur before a wire's phrase patterns are worth running:
# `in` is a C-speed scan, the bounded patterns are not (page text must run at hundreds of docs/s)
_TRIGGERS = {name: (name,) for name in WIRES}
_TRIGGERS.update({
    "Reuters": ("Reuters", "REUTERS"), "AFP": ("AFP", "Agence France"),
    # the forms its pattern takes: a bare "AP" is inside every capitalised word holding those letters
    "Associated Press": ("Associated Press", "(AP)", "AP reported", "AP reports", "AP said"),
    "DPA": ("DPA", "dpa", "Deutsche Presse"), "UPI": ("UPI", "United Press"), "PTI": ("PTI", "Press Trust"),
    "TASS": ("TASS",),
})


# (trigger, wire) pairs flat, in _PATTERNS order: one comprehension tests them all
_FLAT_TRIGGERS = [(t, name) for name in WIRES for t in _TRIGGERS[name]]


def wire_credits(text: str) -> list[Credit]:
    """Wire services the clean text carries or credits, with the words that showed it."""
    out: list[Credit] = []
    # a substring pre-check per wire; the phrase patterns run only for the wires the text names
    named = {name for t, name in _FLAT_TRIGGERS if t in text}
    for name, (carried, credited) in _PATTERNS.items():
        if name not in named:
            continue
        hit = None
        for p in carried:
            if m := p.search(text):
                hit = Credit(name, "wire", _evidence(text, m), "carried")
                break
        if hit is None:
            for p in credited:
                if m := p.search(text):
                    hit = Credit(name, "wire", _evidence(text, m), "credited")
                    break
        if hit:
            out.append(hit)
    return out


# hosts seen on news chrome whose names a domain does not spell; a fallback keeps the host itself.
# (Hand-written: no packaged outlet directory exists in our dependencies.)
KNOWN_HOSTS = {
    "voiceofrussia.com": "Voice of Russia",
    "longwarjournal.org": "The Long War Journal",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "afp.com": "AFP",
    "haaretz.com": "Haaretz",
    "donga.com": "The Dong-A Ilbo",
    "globalsecurity.org": "GlobalSecurity.org",
    "derechos.org": "Equipo Nizkor",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "aljazeera.com": "Al Jazeera",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "wsj.com": "The Wall Street Journal",
    "cnn.com": "CNN",
    "xinhuanet.com": "Xinhua",
    "aa.com.tr": "Anadolu",
    "rt.com": "RT",
    "sputniknews.com": "Sputnik",
    "france24.com": "France 24",
    "dw.com": "Deutsche Welle",
}


def host_of(url: str) -> str | None:
    try:
        host = urlparse(url.strip().replace(" ", "")).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def outlet_from_url(url: str) -> str | None:
    host = host_of(url)
    if host is None:
        return None
    for known, name in KNOWN_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


_REPUBLISHED = re.compile(
    r"\b(?:first|originally) (?:appeared|published|ran) (?:in|on|at|by) "
    r"|\b(?:reproduced|reprinted|republished|syndicated) (?:here )?(?:with (?:kind )?permission )?(?:from|of) "
)
_REPUBLISHED_WORDS = ("appeared", "published", "ran ", "reproduced", "reprinted", "syndicated")
_PUB_NAME = re.compile(r"((?:[Tt]he )?[A-Z][\w.&'’-]*(?: (?:of |and |& )?[A-Z][\w.&'’-]*){0,5})")


def publisher_credits(text: str) -> list[Credit]:
    """'This article first appeared in The Sahel Ledger and is republished here with permission.'
    credits The Sahel Ledger as the original publisher."""
    out: list[Credit] = []
    if not any(w in text for w in _REPUBLISHED_WORDS):
        return out  # the pattern scans every position; these words are in every line it can match
    for m in _REPUBLISHED.finditer(text):
        if n := _PUB_NAME.match(text, m.end()):
            name = n.group(1)
            name = "The" + name[3:] if name.startswith("the ") else name
            start = text.rfind("\n", 0, m.start()) + 1
            out.append(Credit(name, "publisher", text[start : n.end()].strip()))
    return out


_URL = re.compile(r"https?://\S+(?:\s+\S+(?=/))?")
_BY_PART = re.compile(r"^\s*by\s+", re.IGNORECASE)
_DATEISH = re.compile(r"\d")


def source_line_credits(line: str) -> tuple[list[Credit], str | None]:
    """Publisher credited by a source line, and the byline it names.

    '[Source: By Bill Roggio, Threat Matrix, The Long War Journal, NJ, 21Jun14]'
    -> The Long War Journal (the last multi-word name: blog sections come before the publication),
    byline 'Bill Roggio'. 'Source: http://voiceofrussia.com/...' -> Voice of Russia.
    """
    body = re.sub(r"^\[?\s*\w+(?: \w+){0,3}\s*:\s*", "", line.strip()).rstrip("]").strip()
    if m := _URL.search(body):
        name = outlet_from_url(m.group(0))
        return ([Credit(name, "publisher", line.strip())] if name else []), None
    byline = None
    names = []
    for part in (p.strip() for p in body.split(",")):
        if not part:
            continue
        if _BY_PART.match(part):
            byline = _BY_PART.sub("", part)
            continue
        if _DATEISH.search(part) or (part.isupper() and len(part) <= 4):
            continue  # dates and archive codes ('NJ')
        names.append(part)
    multi = [n for n in names if len(n.split()) >= 2] or names
    if not multi:
        return [], byline
    return [Credit(multi[-1], "publisher", line.strip())], byline


_DOMAIN = re.compile(r"\b((?:[A-Za-z0-9-]+\.)+(?:com|org|net|co\.uk|info|news|ru|de|fr))\b")
_PUBLISHED_BY = re.compile(r"published (?:on \S+ )?by (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")


_NAME = r"(?P<name>(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})"
_COPY = r"(?:©|\([cC]\)|[cC]opyright)"
_COPYRIGHT_NAMES = [
    re.compile(_COPY + r"\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by )?" + _NAME + r"\s*(?:[.,|-]|$)"),  # '(c) 2025 Levant Daily.'
    re.compile(r"^" + _NAME + r"\s+" + _COPY),  # 'The Bamako Courier (c) 2025'
]


def outlet_from_masthead(first_line: str) -> str | None:
    """'WEST AFRICA TODAY' as the page's first line: the masthead, in title case."""
    words = first_line.split()
    if 1 <= len(words) <= 5 and first_line.isupper() and not any(ch.isdigit() for ch in first_line):
        return " ".join(w.capitalize() if w.isalpha() else w for w in words)
    return None


def outlet_from_chrome(pieces: list[tuple[str, str]]) -> str | None:
    """The site's own name as its chrome gives it: '(c) 2025 Levant Daily. All rights reserved.',
    'published on 25Jun14 by the Equipo Nizkor', 'Join the GlobalSecurity.org mailing list'.
    Source lines name the original publisher, not the site, and are not read here."""
    for text, reason in pieces:
        if reason == "copyright":
            for pattern in _COPYRIGHT_NAMES:
                if m := pattern.search(text):
                    return m.group("name")
    for text, reason in pieces:
        if reason == "copyright" and (m := _PUBLISHED_BY.search(text)):
            return m.group(1)
    for text, reason in pieces:
        if reason in ("appeal", "copyright", "navigation") and (m := _DOMAIN.search(text)):
            return outlet_from_url("http://" + m.group(1).lower()) and KNOWN_HOSTS.get(m.group(1).lower(), m.group(1))
    return None
