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

from newsfuse.clean.lines import Line, line_starts

Rule = Callable[[Line], bool]
RULES: list[tuple[str, Rule]] = []
# lower-case strings of which every line some rule fires on holds at least one, with the rules
# (as bits of their place in RULES) that each belongs to
_RULE_CUES: dict[str, int] = {}
# lines longer than this are not searched for cues: they are the story's paragraphs, two fifths of a
# page's characters, and only the rules without a word limit up to here can fire on them
_SCAN_WORDS = 40
_LONG_LINE_RULES = 0  # bits of those rules


def rule(name: str, cues: tuple[str, ...], max_words: int | None = None) -> Callable[[Rule], Rule]:
    """Register a chrome rule with its ``cues``: literal lower-case strings, one of which is in every
    line the rule fires on, so a line holding none of a rule's cues skips that rule. ``max_words``:
    the longest line the rule fires on (the rule tests it too), None for any."""
    def register(fn: Rule) -> Rule:
        global _LONG_LINE_RULES
        bit = 1 << len(RULES)
        RULES.append((name, fn))
        for cue in cues:
            _RULE_CUES[cue] = _RULE_CUES.get(cue, 0) | bit
        if max_words is None or max_words > _SCAN_WORDS:
            _LONG_LINE_RULES |= bit
        _gate.cache_clear()
        _gate_masks.cache_clear()
        _rules_of.cache_clear()
        return fn

    return register


@cache
def _gate() -> tuple[str, ...]:
    # a cue that contains another adds nothing to the test
    return tuple(c for c in sorted(_RULE_CUES) if not any(o != c and o in c for o in _RULE_CUES))


@cache
def _gate_masks() -> tuple[tuple[str, int], ...]:
    """The gate's cues, each with the rules of every cue that contains it: a line holding 'e-mail'
    holds 'mail', so the hit on 'mail' must wake the rules of both."""
    out = []
    for cue in _gate():
        mask = 0
        for other, bits in _RULE_CUES.items():
            if cue in other:
                mask |= bits
        out.append((cue, mask))
    return tuple(out)


_X = re.compile(r"x(?<!\wx)(?!\w)")  # '\bx\b' opening with the literal: the engine jumps from 'x' to 'x'


def _x_button(line: Line) -> bool:
    """'X' (the former Twitter) is a share button no substring cue can find: it is a letter of many words."""
    return line.words <= 12 and "x" in line.lower and _X.search(line.lower) is not None


def cue_masks(lines: Sequence[Line]) -> list[int]:
    """Per line of a page, the rules (bits of their place in RULES) whose cues the line holds; 0: none.

    Batched: each cue is searched through the whole page at C speed and its hits mapped back to
    lines, instead of every line testing all ~70 cues in a Python loop (the cleaner's hot spot).
    """
    short = [ln.lower if ln.words <= _SCAN_WORDS else "" for ln in lines]
    page = "\n".join(short)
    starts = line_starts(short)
    # a line without words runs every rule (the share rule takes bare separators); a long one the few
    # rules that take long lines, each testing its own cues
    masks = [(0 if ln.words <= _SCAN_WORDS else _LONG_LINE_RULES) if ln.words else -1 for ln in lines]
    ends = len(starts)
    for cue, mask in _gate_masks():  # no cue holds a newline, so a hit never spans two lines
        at = page.find(cue)
        while at != -1:
            k = bisect_right(starts, at) - 1
            masks[k] |= mask
            at = page.find(cue, starts[k + 1]) if k + 1 < ends else -1
    if "x" in page:
        share = _share_bit()
        for m in _X.finditer(page):
            k = bisect_right(starts, m.start()) - 1
            if lines[k].words <= 12:
                masks[k] |= share
    return masks


def cued_lines(lines: Sequence[Line]) -> list[bool]:
    """Per line of a page, whether it holds any rule's cue."""
    return [mask != 0 for mask in cue_masks(lines)]


def first_rule(line: Line, cued: bool | int | None = None) -> str | None:
    """The name of the first chrome rule that fires on this line, or None if it may be story.

    ``cued``: the line's entry from ``cue_masks`` (only the rules whose cues the line holds then run:
    0 runs none) or from ``cued_lines``, when the caller has the whole page.
    """
    if type(cued) is int:
        mask = cued
    else:
        # most lines of a page hold no cue: this one test replaces ten rule calls (a line without
        # words still goes through: the share rule takes bare separators)
        if cued is None:
            cued = _any(line.lower, _gate())
        if line.words and not cued and not _x_button(line):
            return None
        mask = -1  # every bit: run the whole chain
    for name, fn in _rules_of(mask):
        if fn(line):
            return name
    return None


@cache  # at most one entry per subset of RULES
def _rules_of(mask: int) -> tuple[tuple[str, Rule], ...]:  # the rules of the bits of ``mask``, in order
    return tuple(r for bit, r in enumerate(RULES) if mask >> bit & 1)


@cache
def _share_bit() -> int:
    """The share-button rule's bit: the X button wakes it without any cue."""
    return 1 << next(i for i, (_, fn) in enumerate(RULES) if fn is share_buttons)


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


@rule("source-line", ("source", "via", "originally published"), max_words=40)
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


@rule("copyright", _COPYRIGHT_CUES, max_words=80)
def copyright_notice(line: Line) -> bool:
    return line.words <= 80 and _any(line.lower, _COPYRIGHT_CUES) and bool(_COPYRIGHT.search(line.lower))


_TAGS = re.compile(r"^(?:tags?|tagged(?: with)?|topics?|filed under|categor(?:y|ies)|keywords)\s*:", re.IGNORECASE)


@rule("tags", ("tag", "topic", "filed under", "categor", "keyword"))
def tag_line(line: Line) -> bool:
    return bool(_TAGS.match(line.text))


_WIRE_TAG = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b")


@rule("credit-line", ("reporting by", "writing by", "editing by", "compiled by"), max_words=40)
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


@rule("share", _SHARE_CUES[:-1], max_words=12)  # and the X button: see _x_button
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


_PHOTO_CREDIT_NEEDS = (":", "photo", "getty images", "click ", "map created by")
_CAPTION_CUES = ("photo", "picture", "image", "video", "map", "illustration", "credit", "click")


@rule("caption", _CAPTION_CUES, max_words=60)
def caption(line: Line) -> bool:
    """Picture captions and credits ('...checkpoint.Credit: Reuters'); these never credit the text."""
    # (every phrase of the pattern holds one of _PHOTO_CREDIT_NEEDS: a few C scans spare it most lines)
    return line.words <= 60 and _any(line.lower, _CAPTION_CUES) and _any(line.lower, _PHOTO_CREDIT_NEEDS) \
        and bool(_PHOTO_CREDIT.search(line.lower))


_RELATED_LEAD = re.compile(
    r"^(?:related(?: articles?| stories| coverage| content| news| posts?)?|read (?:more|also|next|these next)|"
    r"see also|also read|recommended(?: for you| stories| reading)?|more (?:from|on|in|stories|news)\b[^:]{0,40}|"
    r"you (?:may|might) also (?:like|enjoy)|(?:what|stories) to read next|(?:don[’']t|do not) miss|"
    r"(?:latest|top) (?:news|stories|headlines)|editor[’']?s[’']? picks|trending(?: now| stories)?|"
    r"most (?:read|popular|viewed|shared)|popular (?:now|stories|posts)|watch|listen)\s*(?:[:|»>-]|$)"
)


@rule("related", ("related", "read", "see also", "recommended", "more", "you may", "you might", "trending",
                   "most", "watch", "listen", "miss", "latest", "top ", "picks", "popular"), max_words=25)
def related_lead(line: Line) -> bool:
    """'Related: ...' / 'Read more: ...' / 'See also: ...': a link to another story."""
    return line.words <= 25 and bool(_RELATED_LEAD.match(line.lower))


_FOLLOW = re.compile(
    r"\bfollow (?:us|him|her|me|them|[\w.-]+(?: [\w.-]+)?) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b"
)


@rule("share", ("follow",), max_words=30)
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
# a literal each phrase of _APPEAL_STRONG / _APPEAL_WEAK holds
_STRONG_NEEDS = ("donat", "deductible", "newsletter", "mailing list", "subscribe ", "support ", "for reading",
                 "become a ")
_WEAK_NEEDS = ("subscri", "sign up", "signed up", "log in", "login", "sign in", "signin", "first month", "register ",
               "advertisement", "sponsored", "paywall", "unlimited access", "free trial")
_READER = re.compile(r"\b(?:you|your|our|us|we)\b")
_SITE_VOICE = re.compile(r"\b(?:our|us|we)\b")


@rule("appeal", _APPEAL_CUES)
def appeal(line: Line) -> bool:
    """Donation, newsletter, subscription and log-in appeals, addressed to the reader.

    Short lines need one cue; longer ones a strong cue ('donation', 'newsletter') said to the reader,
    or a weak cue ('sign up', 'subscription') in the site's own voice ('our', 'we'): a story about a
    streaming deal says 'you can sign up for a free trial' and stays.
    """
    if line.words > 25 and not _any(line.lower, _STRONG_NEEDS):
        return False  # (what the end of this rule says of a long line without a strong cue, in 8 tests not 23)
    if not _any(line.lower, _APPEAL_CUES):
        return False
    # a pattern runs only where a literal of its phrases is (long paragraphs too come here)
    strong = set(_APPEAL_STRONG.findall(line.lower)) if _any(line.lower, _STRONG_NEEDS) else set()
    weak = set(_APPEAL_WEAK.findall(line.lower)) if _any(line.lower, _WEAK_NEEDS) else set()
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


@rule("cookies", ("cookie",), max_words=80)
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


# every header the pattern takes ends in a colon or holds one of these (a literal test skips the pattern
# on the nine short lines in ten that are neither)
_COMMENT_CUES = ("comment", "respons", "repl", "discussion", "conversation")


def comment_header(line: Line) -> bool:
    """'Fred says:' / '12 Comments' / 'Leave a Reply': everything after it is the readers' talk."""
    if line.words > 10 or not (line.text.endswith(":") or _any(line.lower, _COMMENT_CUES)):
        return False
    return _COMMENT_HEADER.match(line.text) is not None


def comment_headers(lines: Sequence[Line]) -> list[int]:
    """Indices of the page's comment headers (``comment_header``), the cheap tests inline: the pattern
    only meets short lines that end in a colon or name comments."""
    return [ln.index for ln in lines if ln.words <= 10 and (
        ln.text.endswith(":") or "comment" in (low := ln.lower) or "respons" in low or "repl" in low
        or "discussion" in low or "conversation" in low  # _COMMENT_CUES, spelled out: no call per line
    ) and _COMMENT_HEADER.match(ln.text) is not None]


# ------------------------------------------------------------------ bylines and datelines

_BY = re.compile(r"^(?i:by|written by|von|par|por)\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\b", re.UNICODE)


def byline_name(line: Line) -> str | None:
    """'By Bill Roggio' -> 'Bill Roggio' (a short line that is only a byline)."""
    if line.words > 10:
        return None
    m = _BY.match(line.text)
    return m.group(1) if m else None


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


_ABOUT = re.compile(
    r"^(?i:about|über|sobre|à propos de|acerca de|over)\s+(?:(?i:the author)|[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){1,3})$"
)


def author_box_header(line: Line) -> bool:
    """'About Jane Doe' / 'Über Moritz Bachmann' / 'Sobre Carlos Nadalim' / 'About the author': the head
    of the writer's box under a story (two to four capitalised words of a name after 'about')."""
    return 2 <= line.words <= 6 and not line.terminal and _ABOUT.match(line.text) is not None
