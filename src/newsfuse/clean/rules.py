"""Named chrome rules: each says of one line of page text "this is not story".

Every rule is one small function; its registered name becomes ``Removed.reason``,
so a user can see why each piece was dropped. They read the line's features and
a few known phrases of web chrome (sharing, appeals, notices), never the story.
Order matters: the first rule that fires names the line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache

from newsfuse.clean.lines import Line

Rule = Callable[[Line], bool]
RULES: list[tuple[str, Rule]] = []
# lower-case strings of which every line some rule fires on holds at least one
_RULE_CUES: set[str] = set()


def rule(name: str, cues: tuple[str, ...]) -> Callable[[Rule], Rule]:
    """Register a chrome rule with its ``cues``: literal lower-case strings, one of which is in every
    line the rule fires on, so a line holding none of any rule's cues skips the whole chain."""
    def register(fn: Rule) -> Rule:
        RULES.append((name, fn))
        _RULE_CUES.update(cues)
        _gate.cache_clear()
        return fn

    return register


@cache
def _gate() -> tuple[str, ...]:
    # a cue that contains another adds nothing to the test
    return tuple(c for c in sorted(_RULE_CUES) if not any(o != c and o in c for o in _RULE_CUES))


_X = re.compile(r"\bx\b")


def _x_button(line: Line) -> bool:
    """'X' (the former Twitter) is a share button no substring cue can find: it is a letter of many words."""
    return line.words <= 12 and "x" in line.lower and _X.search(line.lower) is not None


def cued_lines(lines: Sequence[Line]) -> list[bool]:
    """Per line of a page, whether it holds any rule's cue.

    Batched: each cue is searched through the whole page at C speed and its hits mapped back to
    lines, instead of every line testing all ~70 cues in a Python loop (the cleaner's hot spot).
    """
    page = "\n".join(ln.lower for ln in lines)
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln.lower) + 1)
    hit = [False] * len(lines)
    for cue in _gate():  # no cue holds a newline, so a hit never spans two lines
        at = page.find(cue)
        while at != -1:
            k = bisect_right(starts, at) - 1
            hit[k] = True
            at = page.find(cue, starts[k + 1]) if k + 1 < len(starts) else -1
    return hit


def first_rule(line: Line, cued: bool | None = None) -> str | None:
    """The name of the first chrome rule that fires on this line, or None if it may be story.

    ``cued``: the line's entry from ``cued_lines`` when the caller has the whole page.
    """
    # most lines of a page hold no cue: this one test replaces ten rule calls (a line without
    # words still goes through: the share rule takes bare separators)
    if cued is None:
        cued = _any(line.lower, _gate())
    if line.words and not cued and not _x_button(line):
        return None
    for name, fn in RULES:
        if fn(line):
            return name
    return None


def _phrases(*words: str) -> re.Pattern[str]:
    """Lower-case phrases as one pattern, matched against ``Line.lower`` (no IGNORECASE: it is slower)."""
    return re.compile(r"(?:%s)" % "|".join(words))


def _any(lower: str, cues: tuple[str, ...]) -> bool:
    """Cheap literal pre-check so the phrase pattern only runs on lines that could match.

    A loop of substring tests, not one alternation pattern: Python's re tries every branch at every
    position (about 3x slower here).
    """
    for cue in cues:
        if cue in lower:
            return True
    return False


# ------------------------------------------------------------------ source and notices

_SOURCE_LINE = re.compile(r"^\[?\s*(?:source|via|originally published (?:at|by|in))\s*:", re.IGNORECASE)


@rule("source-line", ("source", "via", "originally published"))
def source_line(line: Line) -> bool:
    """'[Source: By ..., The Long War Journal, 21Jun14]' / 'Source: http://...': read for credits, not story."""
    return line.words <= 40 and bool(_SOURCE_LINE.match(line.text))


_COPYRIGHT = _phrases(
    r"©", r"\bcopyright\b", r"all rights reserved", r"title 17 u\.?s\.?c", r"in accordance with title 17",
    r"\b(?:document|material|article|story) (?:has been|was) (?:first )?published (?:on|by)\b",
    r"may not be (?:published|reproduced|redistributed|rewritten)", r"\bterms of (?:use|service)\b",
    r"privacy policy", r"cookie policy", r"registered trademarks? of",
)


_COPYRIGHT_CUES = ("©", "copyright", "rights reserved", "title 17", "published", "may not be", "terms of",
                   "policy", "trademark")


@rule("copyright", _COPYRIGHT_CUES)
def copyright_notice(line: Line) -> bool:
    return line.words <= 80 and _any(line.lower, _COPYRIGHT_CUES) and bool(_COPYRIGHT.search(line.lower))


_TAGS = re.compile(r"^(?:tags?|tagged(?: with)?|topics?|filed under|categor(?:y|ies)|keywords)\s*:", re.IGNORECASE)


@rule("tags", ("tag", "topic", "filed under", "categor", "keyword"))
def tag_line(line: Line) -> bool:
    return bool(_TAGS.match(line.text))


_WIRE_TAG = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b")


@rule("credit-line", ("reporting by", "writing by", "editing by", "compiled by"))
def reporting_credit(line: Line) -> bool:
    """'(Reporting by ...; Editing by ...)': the wire's staff tag line, not story."""
    return line.words <= 40 and bool(_WIRE_TAG.match(line.lower))


# ------------------------------------------------------------------ buttons and captions

_SHARE = _phrases(
    r"send in e-?mail", r"share (?:on|via|this(?: article| story)?|article)", r"e-?mail (?:this|to a friend)",
    r"copy link", r"follow us(?: on)?", r"print(?: this)?(?: article| page)?", r"\bshare\b", r"\btweet\b",
    r"\be-?mail\b", r"\bfacebook\b", r"\btwitter\b", r"\bwhatsapp\b", r"\blinkedin\b", r"\bpinterest\b",
    r"\breddit\b", r"\btelegram\b", r"\bflipboard\b", r"\bmessenger\b", r"\bsms\b", r"\bsave\b",
    r"\bcomments?\b", r"\bx\b",
)


_SHARE_CUES = ("mail", "share", "link", "follow", "print", "tweet", "facebook", "twitter", "whatsapp",
               "linkedin", "pinterest", "reddit", "telegram", "flipboard", "messenger", "sms", "save", "comment",
               "x")


@rule("share", _SHARE_CUES[:-1])  # and the X button: see _x_button
def share_buttons(line: Line) -> bool:
    """A line made only of sharing buttons ('Send in e-mailSend in e-mail', 'Share | Tweet | Email')."""
    if line.words > 12 or line.terminal and line.words > 3:
        return False
    if line.words and not _any(line.lower, _SHARE_CUES):
        return False
    rest = _SHARE.sub(" ", line.lower)
    return not re.search(r"\w", rest)


_PHOTO_CREDIT = _phrases(
    r"\b(?:photo|photograph|picture|image|video|map|illustration)\s*(?:credit|courtesy)?\s*:",
    r"(?:^|[\s.)])credit:\s*\S", r"\bphoto(?:graph)?s? by\b", r"\bgetty images\b", r"\(ap photo",
    r"click (?:to|here to) (?:view|enlarge|see)", r"\bmap created by\b", r"\bfile photo\b",
)


_CAPTION_CUES = ("photo", "picture", "image", "video", "map", "illustration", "credit", "click")


@rule("caption", _CAPTION_CUES)
def caption(line: Line) -> bool:
    """Picture captions and credits ('...checkpoint.Credit: Reuters'); these never credit the text."""
    return line.words <= 60 and _any(line.lower, _CAPTION_CUES) and bool(_PHOTO_CREDIT.search(line.lower))


_RELATED_LEAD = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| news| posts?)?|read (?:more|also|next|these next)|"
    r"see also|also read|recommended(?: for you| stories| reading)?|more (?:from|on|in|stories|news)\b[^:]{0,40}|"
    r"you (?:may|might) also (?:like|enjoy)|(?:what|stories) to read next|(?:don[’']t|do not) miss|"
    r"(?:latest|top) (?:news|stories|headlines)|editor[’']?s[’']? picks|trending(?: now| stories)?|"
    r"most (?:read|popular|viewed|shared)|popular (?:now|stories|posts)|watch|listen)\s*(?:[:|»>-]|$)"
)


@rule("related", ("related", "read", "see also", "recommended", "more", "you may", "you might", "trending",
                   "most", "watch", "listen", "miss", "latest", "top ", "picks", "popular"))
def related_lead(line: Line) -> bool:
    """'Related: ...' / 'Read more: ...' / 'See also: ...': a link to another story."""
    return line.words <= 25 and bool(_RELATED_LEAD.match(line.lower))


_FOLLOW = re.compile(
    r"\bfollow (?:us|him|her|me|them|[\w.-]+(?: [\w.-]+)?) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b"
)


@rule("share", ("follow",))
def follow_buttons(line: Line) -> bool:
    """'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.'"""
    return line.words <= 30 and "follow" in line.lower and bool(_FOLLOW.search(line.lower))


# ------------------------------------------------------------------ appeals

_APPEAL_STRONG = _phrases(
    r"\bdonat(?:e|ion|ions|ing)\b", r"tax-deductible", r"\bnewsletters?\b", r"mailing list",
    r"subscribe (?:to|now|today|here)", r"support (?:our|us|independent)", r"thanks? (?:you )?for reading",
    r"become a (?:member|patron|supporter)",
)
_APPEAL_WEAK = _phrases(
    r"\bsubscri(?:be|ber|bers|ption|ptions)\b", r"sign(?:ed)? up\b", r"\blog ?in\b", r"\bsign ?in\b",
    r"first month", r"\bregister (?:now|here|for free)\b", r"\badvertisement\b", r"\bsponsored\b",
    r"\bpaywall\b", r"unlimited access", r"free trial",
)
# as close to the phrases as literals go: 'sign up', not 'sign' (common words made the two phrase
# patterns below run on one line in four)
_APPEAL_CUES = ("donat", "deductible", "newsletter", "mailing list", "subscri", "support our", "support us",
                "support independent", "for reading", "become a", "sign up", "signed up", "sign in", "signin",
                "login", "log in", "first month", "register", "advertisement", "sponsored", "paywall",
                "unlimited access", "free trial")
_READER = re.compile(r"\b(?:you|your|our|us|we)\b")
_SITE_VOICE = re.compile(r"\b(?:our|us|we)\b")


@rule("appeal", _APPEAL_CUES)
def appeal(line: Line) -> bool:
    """Donation, newsletter, subscription and log-in appeals, addressed to the reader.

    Short lines need one cue; longer ones a strong cue ('donation', 'newsletter') said to the reader,
    or a weak cue ('sign up', 'subscription') in the site's own voice ('our', 'we'): a story about a
    streaming deal says 'you can sign up for a free trial' and stays.
    """
    if not _any(line.lower, _APPEAL_CUES):
        return False
    strong = set(_APPEAL_STRONG.findall(line.lower))
    weak = set(_APPEAL_WEAK.findall(line.lower))
    if not strong and not weak:
        return False
    if line.words <= 8:
        return True
    if strong and _READER.search(line.lower):
        return line.words <= 25 or len(strong | weak) >= 2
    return bool(weak) and line.words <= 25 and bool(_SITE_VOICE.search(line.lower))


_COOKIES = re.compile(
    r"\bcookies?\b.*\b(?:website|site|browser|consent|accept|opt[- ]out|privacy|experience|we use|you agree)\b"
    r"|\b(?:we use|this (?:website|site) uses|accept(?: all)?|manage|necessary|essential) cookies\b"
)


@rule("cookies", ("cookie",))
def cookie_notice(line: Line) -> bool:
    """'This website uses cookies to improve your experience...': the consent banner, never story."""
    return line.words <= 80 and "cookie" in line.lower and _COOKIES.search(line.lower) is not None


# ------------------------------------------------------------------ comments

_COMMENT_HEADER = re.compile(
    r"^[\W_]*[\w .,'’@-]{1,40}?\s+(?:says|said|writes|wrote|replied|commented)\s*:\s*$"
    r"|^\d*\s*(?:comments?|responses?|replies)(?: on this (?:article|story|post))?\s*(?:\(\d+\))?\s*:?\s*$"
    r"|^(?:leave|post|add|write) (?:a|your) (?:comment|reply)"
    r"|^(?:join|start) the (?:discussion|conversation)"
    r"|^(?:show|view|read|load) (?:all |more |new |older )?(?:\d+ )?comments",
    re.IGNORECASE,
)


def comment_header(line: Line) -> bool:
    """'Fred says:' / '12 Comments' / 'Leave a Reply': everything after it is the readers' talk."""
    return line.words <= 10 and bool(_COMMENT_HEADER.match(line.text))


# ------------------------------------------------------------------ bylines and datelines

_BY = re.compile(r"^(?i:by|written by|von|par|por)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\b", re.UNICODE)


def byline_name(line: Line) -> str | None:
    """'By Bill Roggio' -> 'Bill Roggio' (a short line that is only a byline)."""
    m = _BY.match(line.text)
    if m and line.words <= 10:
        return m.group(1)
    return None


def bare_name(line: Line) -> bool:
    """'Kamal Namaa': two to four capitalised words and nothing else (a byline under a headline)."""
    return 2 <= line.words <= 4 and line.capital_ratio == 1.0 and not line.terminal and not line.linkish and \
        not any(ch.isdigit() for ch in line.text)


_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was|has been) (?:a|an|the)\b.{0,200}\b"
    r"(?i:fellow|editor|correspondent|reporter|writer|journalist|contributor|author|columnist|analyst)\b",
)


def author_bio(line: Line) -> bool:
    """'Bill Roggio is a Senior Fellow at ... and the Editor of ...': about the writer, not the story."""
    return line.words <= 60 and bool(_BIO.match(line.text))
