"""Where, when, how many, says who: the anchors of a mention, chosen from the nlp stage's findings.

Everything here picks among spans the nlp stage already resolved (places,
dates, figures, attributions) by where they sit relative to the trigger.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date, timedelta

from newsfuse.events.classify import REPORTING, candidates
from newsfuse.events.modality import not_asserted
from newsfuse.events.tree import Tree
from newsfuse.nlp.demonyms import ADJECTIVAL
from newsfuse.records import Annotation, DateMention, DateValue, Document, Figure, PlaceMention, Sentence, Span

# how far a place/date lies from the trigger, in characters, before a coarser one nearer wins
COUNTRY_PENALTY = 200
LOWERED = {"day": "week", "week": "week", "month": "month", "year": "year"}


def _inside(span: Span, outer: Span) -> bool:
    return span[0] >= outer[0] and span[1] <= outer[1]


def _distance(span: Span, at: int) -> int:
    return 0 if span[0] <= at < span[1] else min(abs(span[0] - at), abs(span[1] - at))


ORIGIN_SUFFIXES = ("-based", "-born", "-backed", "-led", "-funded", "-registered", "-made")


def sentence_at(ann: Annotation, offset: int) -> Sentence | None:
    """The sentence holding the character at ``offset``."""
    return next((s for s in ann.sentences if s.span[0] <= offset < s.span[1]), None)


def _origin_adjective(p: PlaceMention, sent: Sentence) -> bool:
    """"a Britain-based monitor", "Iran-backed militia": where someone is from, not where it happened."""
    after = sent.text[p.span[1] - sent.span[0]:p.span[1] - sent.span[0] + 12].lower()
    return after.startswith(ORIGIN_SUFFIXES)


# "a 20-year-old Okeechobee man", "Cayle Taylor, of Franklinton, Louisiana": where a person lives, which
# the sentence's other place ("... killed in downtown Fort Myers") beats as the event's place
_RESIDENT_AFTER = re.compile(r"^(?:-area)?\s+(?:area\s+)?(?:man|men|woman|women|boy|boys|girl|girls|teen|teens|"
                             r"teenager|teenagers|youth|resident|residents|native|couple|family|student|students)\b",
                             re.I)
_RESIDENT_BEFORE = re.compile(r",\s*(?:\d{1,3},\s*)?(?:of|from)\s+$", re.I)


def resident_of(p: PlaceMention, sent: Sentence) -> bool:
    """Is the place written as where a person lives ("a 20-year-old Okeechobee man", ", of Franklinton")?"""
    at, end = p.span[0] - sent.span[0], p.span[1] - sent.span[0]
    return bool(_RESIDENT_AFTER.match(sent.text[end:end + 24]) or _RESIDENT_BEFORE.search(sent.text[max(0, at - 16):at]))


# a county named as the agency that tells the news ("The Elm County Sheriff's Office says ... near Millbrook"):
# its area, not the scene a town of the sentence names (gva dev slice right event 0.939 -> 0.940, one event
# moved, 68 km -> 4 km; dev-rest right event unchanged in parts A and B)
_AGENCY_AFTER = re.compile(r"(?:['’]s)?\s+(?:sheriff|police|coroner|prosecutor|medical examiner)", re.IGNORECASE)


def _agency_county(p: PlaceMention, sent: Sentence) -> bool:
    return p.place.feature == "county" and _AGENCY_AFTER.match(sent.text, p.span[1] - sent.span[0]) is not None


# sites a report names once with their place and then by a definite noun alone ("the Al-Qaim border
# crossing" ... "seized the border crossing on June 17"): general nouns for fixed sites, hand-written; only
# sites that take the name of the town they lie at (a mall or a stadium is named after anything: "Eastland
# mall" is in Harper Woods, not in Eastland, Texas)
_SITE = r"(?:border crossing|crossing|checkpoint|refinery|dam|airport|air ?base|oil ?field|gas ?field|" \
        r"power plant|prison|jail|garrison|barracks)"
_DEFINITE_SITE = re.compile(rf"\bthe\s+(?:[\w-]+\s+){{0,3}}?(?:of\s+the\s+)?({_SITE})\b", re.I)


def _named_site(ann: Annotation, sent: Sentence, before: list[PlaceMention]) -> PlaceMention | None:
    """The place an earlier sentence names a site with ("the Al-Qaim border crossing", "the refinery at
    Baiji") when this sentence, naming no place, refers to that site by a definite noun alone: the site's
    place, not merely the latest place named (an aside about a town nearby)."""
    sites = {m.group(1).lower() for m in _DEFINITE_SITE.finditer(sent.text)}
    if not sites:
        return None
    alt = "|".join(re.escape(s) for s in sorted(sites, key=len, reverse=True))
    after = re.compile(rf"^[\s-]+(?:[\w-]+\s+){{0,2}}?(?:{alt})\b", re.I)
    ahead = re.compile(rf"\b(?:{alt})\s+(?:of|at|in|near|outside)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)
    for p in sorted(before, key=lambda p: p.span[0], reverse=True):
        own = sentence_at(ann, p.span[0])
        if own is None:
            continue
        at, end = p.span[0] - own.span[0], p.span[1] - own.span[0]
        if after.match(own.text[end:end + 40]) or ahead.search(own.text[max(0, at - 40):at]):
            return p
    return None


# "in critical condition at a Jackson hospital", "flown to a hospital in Jackson": where a victim is treated, which
# a later sentence naming no place does not take as its scene (the shooting was in Meridian, 140 km off)
_HOSPITAL_AFTER = re.compile(r"^(?:-area)?\s+(?:area\s+)?(?:hospital|medical\s+center|trauma\s+center)\b", re.I)
_HOSPITAL_BEFORE = re.compile(r"\b(?:hospital|medical\s+center|trauma\s+center)\s+in\s+$", re.I)


def hospital_town(ann: Annotation, p: PlaceMention) -> bool:
    """Is the place written as a hospital's town ("a Jackson hospital", "a hospital in Jackson")?"""
    own = sentence_at(ann, p.span[0])
    if own is None:
        return False
    at, end = p.span[0] - own.span[0], p.span[1] - own.span[0]
    return bool(_HOSPITAL_AFTER.match(own.text[end:end + 24]) or _HOSPITAL_BEFORE.search(own.text[max(0, at - 24):at]))


# "was taken into custody in Rutherford County", "arrested in Memphis": where a suspect was caught, which a later
# sentence naming no place ("He has been charged with two counts of murder") does not take as its scene
_CUSTODY_BEFORE = re.compile(r"\b(?:(?:taken|placed) into custody|arrested|apprehended|caught|captured|jailed|booked)"
                             r"(?:\s+\w+){0,2}?\s+(?:in|at)\s+$", re.I)


def custody_town(ann: Annotation, p: PlaceMention) -> bool:
    """Is the place written as where a suspect was caught ("taken into custody in Rutherford County")?"""
    own = sentence_at(ann, p.span[0])
    return own is not None and _CUSTODY_BEFORE.search(own.text[max(0, p.span[0] - own.span[0] - 48):
                                                                p.span[0] - own.span[0]]) is not None


def place_for(ann: Annotation, sent_index: int, trigger_at: int) -> PlaceMention | None:
    """Nearest place in the sentence (a person's home town, or a county named as the agency that reports,
    only when the sentence names no other), else the latest place before it, else the document's first."""
    sent = ann.sentences[sent_index]
    ann = replace(ann, places=tuple(p for p in ann.places if p.place.feature != ADJECTIVAL))  # whose, not where
    here = [p for p in ann.places if _inside(p.span, sent.span) and not _origin_adjective(p, sent)]
    if here:
        return min(here, key=lambda p: _distance(p.span, trigger_at)
                   + (COUNTRY_PENALTY if p.place.precision == "country" else 0)
                   + (COUNTRY_PENALTY if resident_of(p, sent) or _agency_county(p, sent) else 0))
    before = [p for p in ann.places if p.span[1] <= sent.span[0] and not hospital_town(ann, p)
              and not custody_town(ann, p)]
    named = _named_site(ann, sent, before)
    if named is not None:
        return named
    if before:
        # the latest town named before this sentence; a country only if nothing finer came before
        fine = [p for p in before if p.place.precision != "country"]
        return max(fine or before, key=lambda p: p.span[0])
    return next((p for p in ann.places if not hospital_town(ann, p)), None)


def _reporting_date(tree: Tree | None, d: DateMention) -> bool:
    """Is this the day something was *said* ("sources said Saturday"), not the event's day?

    Only a date after its reporting verb counts as such: "In April 2013, protesters
    said ..." opens the sentence and dates what they describe.
    """
    if tree is None:
        return False
    first = tree.index_at(d.span[0])
    if first is None:
        return False
    # "said on Wednesday they would ...": right after the reporting verb, whatever the parse says
    prev = first - 1 if first > 0 and tree.lemma(first - 1) == "on" else first
    if prev > 0 and tree.tokens[prev - 1].pos == "VERB" and tree.lemma(prev - 1) in REPORTING:
        return True
    j = first
    steps = 0
    while j is not None and steps < 4:
        tok = tree.tokens[j]
        if tok.pos in ("VERB", "AUX") and j != first:
            return tree.lemma(j) in REPORTING and tok.start < d.span[0]
        j = tree.head(j)
        steps += 1
    return False


IN_ITS_PHRASE = "in the event's own phrase"


def _dates_trigger(tree: Tree | None, d: DateMention, trigger: int | None) -> bool:
    """Is the date inside the trigger's phrase (its subtree: "shot and killed while he sat in a car ...
    Monday night")?"""
    if tree is None or trigger is None:
        return False
    first = tree.index_at(d.span[0])
    return first is not None and _in_phrase(tree, first, trigger)


def _in_phrase(tree: Tree, token: int, trigger: int) -> bool:
    return token == trigger or trigger in tree.ancestors(token)


def _event_words(tree: Tree) -> set[int]:
    """The tokens an event rule fires on (events.classify.candidates)."""
    return {j for _, j in candidates(tree)}


def _not_the_events_date(tree: Tree | None, d: DateMention, trigger: int | None, purpose_told: bool = False) -> bool:
    """A date that cannot be this event's: a duration's start ("since December", "since 2012"), or
    the date of another, unasserted verb ("would be charged on Wednesday", "march again next week");
    ``purpose_told``: a purpose clause's date ("went to check on them Saturday") is its subject's going."""
    if tree is None:
        return False
    first = tree.index_at(d.span[0])
    if first is None:
        return False
    if first > 0 and tree.lemma(first - 1) == "since" and not _when_clause_after(tree, d):
        return True
    if _reporting_date(tree, d):
        return False  # the day it was said: kept, to stand in when nothing dates the event
    j = _date_verb(tree, first)
    why = not_asserted(tree, j) if j is not None and j != trigger else None
    return why is not None and not (purpose_told and why.startswith("purpose clause"))


def _when_clause_after(tree: Tree, d: DateMention) -> bool:
    """"searching since early Sunday, when shots were fired at the home": the day a when-clause tells right
    after it, not only a duration's start."""
    j = next((k for k, t in enumerate(tree.tokens) if t.start >= d.span[1]), None)
    if j is not None and tree.tokens[j].text == ",":
        j += 1
    return j is not None and j < len(tree.tokens) and tree.lemma(j) == "when"


def _date_verb(tree: Tree, first: int) -> int | None:
    """The verb a date token hangs from (its nearest verb ancestor, within a few steps)."""
    j, steps = tree.head(first), 0
    while j is not None and steps < 4 and tree.tokens[j].pos not in ("VERB", "AUX"):
        j, steps = tree.head(j), steps + 1
    return j if j is not None and tree.tokens[j].pos in ("VERB", "AUX") else None


# words that tie a clause or a phrase to the time of the one it hangs from
AT_THE_TIME = frozenset({"when", "while", "as", "during", "amid"})
# the first response to an incident, on its day ("deputies responded to a shooting Monday night")
RESPONSE = frozenset({"respond", "call", "dispatch", "summon", "arrive", "find", "discover"})


def _news_date(tree: Tree | None, d: DateMention, trigger: int | None) -> bool:
    """Is this the day of news told about the event, not the event's own: a date outside the trigger's
    phrase, of a verb that tells neither violence nor the response to it ("Police were searching late
    Tuesday for two suspects in a shooting ...", "identified the boy Thursday as X, who police say was
    shot ...", "A man who was released from jail Monday was shot")? Such a day only stands in for the
    event's, as the day it was reported does."""
    if tree is None or trigger is None:
        return False
    first = tree.index_at(d.span[0])
    if first is None or _in_phrase(tree, first, trigger):
        return False
    if first > trigger and not any(t.pos in ("VERB", "AUX") for t in tree.tokens[trigger + 1:first]):
        return False  # right after the trigger, before any other verb: "charged in the shooting ... Saturday"
    verb = _date_verb(tree, first)
    if verb is None or verb == trigger or tree.forms(verb) & RESPONSE:
        return False
    if verb in tree.ancestors(trigger):
        path = [trigger, *tree.ancestors(trigger)]
        path = path[:path.index(verb)]
        if any(tree.tokens[j].dep == "conj" or tree.lemma(j) in AT_THE_TIME
               or any(tree.lemma(c) in AT_THE_TIME for c in tree.kids(j, "mark", "advmod")) for j in path):
            return False  # "was inside Friday when two men came in and shot him", "got out Friday and opened fire"
    # a verb of the event itself ("opened fire Monday, killing two"): it, or a word of its frame, is a trigger
    events = _event_words(tree)
    return verb not in events and not any(k in events for k in tree.kids(verb))


# a plan told in a sentence the nlp stage left unparsed ("should face a judge on Monday")
_PLAN = re.compile(r"\b(?:will|would|should|could|might|may|shall|(?:is|are|was|were)\s+(?:expected|scheduled|set|due)\s+to)\b",
                   re.I)


def not_the_events_day(tree: Tree | None, d: DateMention, sentence: str) -> bool:
    """A date that, read outside any event's sentence, dates no event: a plan's ("should face a judge on
    Monday") or a duration's start ("since December")."""
    if tree is None:
        return _PLAN.search(sentence) is not None
    first = tree.index_at(d.span[0])
    verb = _date_verb(tree, first) if first is not None else None
    events = _event_words(tree)
    if first is not None and _right_after(tree, first, events):
        return False  # it names the event it follows, however parsed ("charges over the shooting Saturday night")
    if verb is not None:
        path = tree.ancestors(first)
        if any(j in events for j in path[:path.index(verb)]):
            return False  # it dates an event named on its way up ("a motive for the shooting Friday")
    return _not_the_events_date(tree, d, None, purpose_told=True)


def _right_after(tree: Tree, first: int, events: set[int]) -> bool:
    """Does the date come right after an event noun ("the shooting Saturday night", "the shooting on Friday")?
    The parser often hangs such a date on the clause's verb, but written so it names the incident."""
    j = first - 1 if first > 0 and tree.lemma(first - 1) == "on" else first
    return j > 0 and (j - 1) in events and tree.tokens[j - 1].pos == "NOUN"


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def days_before(tree: Tree | None, i: int) -> int:
    """"..., a day after police used tear gas": how many days the trigger's clause says it came
    before the date of the clause it hangs from (0 when it says nothing of the kind)."""
    if tree is None:
        return 0
    for node in [i, *tree.ancestors(i)]:
        after = [c for c in tree.kids(node, "mark", "prep") if tree.lemma(c) == "after"]
        if not after:
            continue
        for day in tree.kids(node, "npadvmod") + [g for a in after for g in tree.kids(a, "npadvmod")]:
            if tree.lemma(day) != "day":
                continue
            for q in tree.kids(day, "det", "nummod"):
                word = tree.tokens[q].text.lower()
                n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
                if n:
                    return n
        return 0
    return 0


# a finite verb in a sentence the nlp stage did not parse (no candidate words): an auxiliary, a
# reporting verb or a past form. A regex, not the tagger: those sentences were left unparsed for speed
# the simple past of the common irregular verbs ("went out hunting on Christmas Eve", "shot him Friday"), which
# "-ed" misses
_IRREGULAR_PAST = ("went|came|ran|shot|hit|got|found|left|took|saw|heard|held|fled|fell|drove|rode|brought|began|"
                   "broke|caught|fought|gave|kept|knew|led|lost|made|met|put|sat|sent|set|stood|struck|threw|woke|"
                   "wore|won|wrote|bought|sought|felt|slept|spent|stole|hid|grew|told|said")
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|did|does|says|happened|occurred|"
                          rf"took place|{_IRREGULAR_PAST}|\w{{3,}}ed)\b", re.I)


def tells(sent: Sentence, tree: Tree | None) -> bool:
    """Is the sentence a clause that can date an event (not a byline or a caption)? Parsed: it has a
    verb; unparsed: it closes like a sentence and has a finite verb ("It happened just after 10 p.m. Sunday")."""
    if tree is not None:
        return any(t.pos in ("VERB", "AUX") for t in tree.tokens)
    text = sent.text.strip()
    return text.endswith((".", "!", "?", '"', "”")) and bool(_CLAUSE_VERB.search(text))


def date_for(ann: Annotation, doc: Document, sent_index: int, trigger_at: int,
             trees: dict[int, Tree], neighbours: tuple[int, ...] = ()) -> DateValue | None:
    """A date in the sentence, else in an allowed neighbouring sentence, else the day the
    sentence says it was reported, else the published date (precision lowered)."""
    reported: DateValue | None = None
    own = trees.get(sent_index)
    trigger = own.index_at(trigger_at) if own is not None else None
    for k in (sent_index, *neighbours):
        if not 0 <= k < len(ann.sentences):
            continue
        sent = ann.sentences[k]
        if k != sent_index and (trees.get(k) is None or not tells(sent, trees.get(k))):
            # a byline or caption ("Lina Aboud – Thursday, 13 March 2025") dates no event; nor does an
            # unparsed neighbour here (on gva dev it split events by day more than it dated them)
            continue
        dates = [d for d in ann.dates if _inside(d.span, sent.span)
                 and not _not_the_events_date(trees.get(k), d, trigger if k == sent_index else None)]
        here = [d for d in dates if not _reporting_date(trees.get(k), d)
                and not (k == sent_index and _news_date(own, d, trigger))]
        if k == sent_index and dates and not here:
            reported = min(dates, key=lambda d: _distance(d.span, trigger_at)).value  # the nearest the event
        if here:
            phrase = [d for d in here if _dates_trigger(own, d, trigger)] if k == sent_index else []
            # a date in the trigger's own phrase ("shot and killed ... Monday night") before one nearer
            # in characters that another verb governs ("held a vigil Thursday night to honor a boy who ...")
            best = min(phrase or here, key=lambda d: _distance(d.span, trigger_at))
            value = best.value
            if phrase:  # the day the event itself is told, not the day of what a report adds (reconcile)
                value = DateValue(value.date, value.precision, f"{value.resolution}; {IN_ITS_PHRASE}")
            elif k == sent_index and trigger is not None:  # "died Thursday, three days after he was shot"
                value = _counted_back(value, days_before(own, trigger), "the day told")
            if k != sent_index:
                value = DateValue(value.date, value.precision,
                                  f"{value.resolution}; from the {'next' if k > sent_index else 'previous'} sentence")
            return value
    if reported is not None:
        back = days_before(own, trigger) if trigger is not None else 0
        if (counted := _counted_back(reported, back, "the day it was reported")) is not reported:
            return counted
        return DateValue(reported.date, reported.precision, f"{reported.resolution}; day it was reported")
    return published_value(doc)


def _counted_back(value: DateValue, back: int, what: str) -> DateValue:
    """The day ``back`` days before ``value`` ("..., a day after police used tear gas"), when it is a day."""
    if not back or value.precision != "day":
        return value
    try:
        day = _as_date(value.date) - timedelta(days=back)
    except ValueError:
        return value
    return DateValue(day.isoformat(), "day", f"{value.resolution}; {back} day(s) before {what}")


def told_after(ann: Annotation, span: Span, trigger_at: int, value: DateValue | None, tree: Tree | None = None) -> bool:
    """Was ``value`` read in the phrase of the trigger, after it and before any other verb? In a
    follow-up ("charged in the shooting death of a man Saturday afternoon") that day is the incident's,
    not the charge's ("..., police said Tuesday" is not)."""
    if value is None or tree is None:
        return False
    for d in ann.dates:
        # the day, not its resolution: date_for marks one read in the trigger's phrase (IN_ITS_PHRASE)
        if not (_inside(d.span, span) and d.span[0] > trigger_at
                and (d.value.date, d.value.precision) == (value.date, value.precision)):
            continue
        between = [t for t in tree.tokens if trigger_at < t.start < d.span[0]]
        if not any(t.pos in ("VERB", "AUX") for t in between):
            return True
    return False


def published_value(doc: Document) -> DateValue | None:
    """The publication date standing in for an event's own (precision lowered: the event came before)."""
    if doc.published is None:
        return None
    p = doc.published
    return DateValue(p.date[:10], LOWERED.get(p.precision, p.precision) if p.precision != "minute" else "week",
                     "published date")


def mark_historical(value: DateValue | None, doc: Document, days: int,
                    ann: Annotation | None = None) -> tuple[DateValue | None, bool]:
    """Flag a date more than ``days`` before publication as background, in its resolution text.

    With no publication date, the latest date the document mentions stands in for it (a report
    is written after everything it tells), so "In April 2013 ..." in an undated June 2014 report
    is still background.
    """
    if value is None or value.resolution == "published date":
        return value, False
    try:
        when = _as_date(value.date)
        if doc.published is not None:
            pub = _as_date(doc.published.date[:10])
        else:
            latest = [_as_date(d.value.date) for d in (ann.dates if ann else ()) if d.value.date[:1].isdigit()]
            if not latest:
                return value, False
            pub = max(latest)
    except ValueError:
        return value, False
    gap = (pub - when).days
    if gap > days:
        return DateValue(value.date, value.precision,
                         f"{value.resolution}; historical: {gap} days before publication"), True
    return value, False


def _as_date(iso: str) -> Date:
    parts = iso.split("-") + ["01", "01"]  # "2013-04" compares as its first day
    y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
    return Date(y, m, d)


def figure_for(figs: tuple[Figure, ...], span: Span, kind: str, trigger_at: int) -> Figure | None:
    here = [f for f in figs if f.kind == kind and _inside(f.span, span)]
    return min(here, key=lambda f: _distance(f.span, trigger_at)) if here else None


def attribution_for(ann: Annotation, sent: Sentence) -> str | None:
    for span, who in ann.attributions:
        if span[0] < sent.span[1] and span[1] > sent.span[0]:
            return who
    return None
