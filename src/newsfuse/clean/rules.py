"""Named chrome rules: each says of one line of page text "this is not story".

Every rule is one small function; its registered name becomes ``Removed.reason``,
so a user can see why each piece was dropped. They read the line's features and
a few known phrases of web chrome (sharing, appeals, notices), never the story.
Order matters: the first rule that fires names the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfuse.clean.lines import Line

Rule = Callable[[Line], bool]
RULES: list[tuple[str, Rule]] = []


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES.append((name, fn))
        return fn

    return register


def first_rule(line: Line) -> str | None:
    """The name of the first chrome rule that fires on this line, or None if it may be story."""
    for name, fn in RULES:
        if fn(line):
            return name
    return None


def _phrases(*words: str) -> re.Pattern[str]:
    """Lower-case phrases as one pattern, matched against ``Line.lower`` (no IGNORECASE: it is slower)."""
    return re.compile(r"(?:%s)" % "|".join(words))


_CUE_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _any(lower: str, cues: tuple[str, ...]) -> bool:
    """Cheap literal pre-check (one C-level scan) so the phrase pattern only runs on lines that could match."""
    pattern = _CUE_PATTERNS.get(cues)
    if pattern is None:
        pattern = _CUE_PATTERNS[cues] = re.compile("|".join(map(re.escape, cues)))
    return pattern.search(lower) is not None


# ------------------------------------------------------------------ source and notices

_SOURCE_LINE = re.compile(r"^\[?\s*(?:source|via|originally published (?:at|by|in))\s*:", re.IGNORECASE)


@rule("source-line")
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


@rule("copyright")
def copyright_notice(line: Line) -> bool:
    return line.words <= 80 and _any(line.lower, _COPYRIGHT_CUES) and bool(_COPYRIGHT.search(line.lower))


_TAGS = re.compile(r"^(?:tags?|tagged(?: with)?|topics?|filed under|categor(?:y|ies)|keywords)\s*:", re.IGNORECASE)


@rule("tags")
def tag_line(line: Line) -> bool:
    return bool(_TAGS.match(line.text))


_WIRE_TAG = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b")


@rule("credit-line")
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


@rule("share")
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


@rule("caption")
def caption(line: Line) -> bool:
    """Picture captions and credits ('...checkpoint.Credit: Reuters'); these never credit the text."""
    return line.words <= 60 and _any(line.lower, _CAPTION_CUES) and bool(_PHOTO_CREDIT.search(line.lower))


_CAPTION_CUES = ("photo", "picture", "image", "video", "map", "illustration", "credit", "click")


_RELATED_LEAD = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content)?|read (?:more|also|next)|see also|also read|"
    r"recommended(?: for you)?|more (?:from|on|stories)\b[^:]{0,40}|you (?:may|might) also like|"
    r"trending|most (?:read|popular)|watch|listen)\s*(?:[:|»>-]|$)"
)


@rule("related")
def related_lead(line: Line) -> bool:
    """'Related: ...' / 'Read more: ...' / 'See also: ...': a link to another story."""
    return line.words <= 25 and bool(_RELATED_LEAD.match(line.lower))


_FOLLOW = re.compile(
    r"\bfollow (?:us|him|her|me|them|[\w.-]+(?: [\w.-]+)?) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b"
)


@rule("share")
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
_APPEAL_CUES = ("donat", "deductible", "newsletter", "subscri", "mailing", "sign", "log", "support",
                "reading", "month", "become a", "register", "advertis", "sponsor", "paywall", "access", "trial")
_READER = re.compile(r"\b(?:you|your|our|us|we)\b")
_SITE_VOICE = re.compile(r"\b(?:our|us|we)\b")


@rule("appeal")
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


# ------------------------------------------------------------------ comments

_COMMENT_HEADER = re.compile(
    r"^[\W_]*[\w .,'’@-]{1,40}?\s+(?:says|said|writes|wrote|replied|commented)\s*:\s*$"
    r"|^\d*\s*(?:comments?|responses?|replies)(?: on this (?:article|story|post))?\s*(?:\(\d+\))?\s*:?\s*$"
    r"|^(?:leave|post|add|write) (?:a|your) (?:comment|reply)"
    r"|^(?:join|start) the (?:discussion|conversation)"
    r"|^(?:show|view|read|load) (?:all )?(?:\d+ )?comments",
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
