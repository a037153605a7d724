"""The tolls of a report's main event, read across the whole report: the headline's figures ("4 dead,
2 injured in shooting"), the main sentence's, a death told without a number ("Teen dies after shooting",
"where she later died"), the attacker who died too, the wounded told further down ("A woman was also
shot"), and the shot who did not die. A headline or sentence summing many incidents ("weekend
shootings across the city") gives no toll of one. ``events.salience`` decides which sentences go on
about the main event; this module reads their figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.events.headline import VICTIM
from newsfuse.events.taxonomy import VIOLENT_TYPES
from newsfuse.nlp import find_figures
from newsfuse.nlp.headlines import TITLE_PARTS, headline_text
from newsfuse.records import Annotation, Document, Figure, Mention


def main_tolls(doc: Document, ann: Annotation, main: Mention, folded: list[Mention], kept: list[Mention],
               lead: int) -> tuple[Figure | None, Figure | None]:
    """Killed and injured of a report's main event. ``folded``: the sentences going on about it in its
    town; ``kept``: the distinct events the report also tells (their figures are theirs); ``lead``: where
    the lead ends."""
    # a headline summing many incidents ("5 dead, 17 wounded in weekend shootings") gives no toll of one
    title = [] if ROLL_UP.search(headline_text(doc) or "") else _title_figures(doc)
    killed = main.fatalities
    violent = main.type in VIOLENT_TYPES
    if violent:  # the headline's or the main sentence's toll, else a death they tell without a
        # number ("Teen dies after shooting"), else the toll a sentence going on about it gives
        killed = _toll("killed", main, [], title) or _murder_suicide(doc.title or "") or _murder_suicide(main.sentence) \
            or _one_death(doc.title or "") or _one_death(main.sentence) \
            or _toll("killed", main, folded, []) or _death_told_later(main, folded)
        told = f"{doc.title or ''}\n{doc.text[:lead]}"
        killed = _with_attacker(killed, told)
    injured = _toll("injured", main, folded, title)
    if injured is None and violent:
        # a headline's one victim shot is the one who died when the report tells a death
        injured = _injured_from_shot(_shot(ann, main, title, lead), killed) \
            or (_one_hurt(doc.title or "") if killed is None else None) \
            or _injured_told_later(ann, main, kept, killed, lead) \
            or (_one_victim_hurt(f"{doc.title or ''}\n{main.sentence}") if killed is None else None) \
            or (_one_more_hurt(f"{doc.title or ''}\n{main.sentence}") if killed is not None else None)
    return killed, injured


def _title_figures(doc: Document) -> list[Figure]:
    """Figures the headline gives ("4 dead, 2 injured in shooting"), read part by part so that a
    site's name ("News Channel 12 - Five injured") lends no number; spans are offsets into the title."""
    if not doc.title:
        return []
    out: list[Figure] = []
    start = 0
    for sep in [*TITLE_PARTS.finditer(doc.title), None]:
        end = sep.start() if sep else len(doc.title)
        out.extend(replace(f, span=(f.span[0] + start, f.span[1] + start)) for f in find_figures(doc.title[start:end]))
        start = sep.end() if sep else end
    return out


# a death told without a number ("Teen dies after shooting", "the shooting death of", "was fatally
# shot"): one dead, as ACLED and the GVA count a named or singular victim
_ONE_DEATH = re.compile(r"\b(?:dies|died|dead|killed|kills|slain|fatal|fatally|death|murdered|homicide|pass(?:es|ed)\s+away)\b|"
                        r"\b(?:claims|claimed|takes|took|taken)\s+(?:the\s+)?(?:\w+(?:’s|'s)?\s+)?life\b", re.I)
_NOT_A_DEATH = re.compile(r"\b(?:attempted murder|death threats?|near[- ]death|threatened to kill|no one was killed|"
                          r"nobody was killed|non-?fatal|not life[- ]threatening)\b", re.I)


def _one_told(kind: str, pattern: re.Pattern[str], text: str, *vetoes: re.Pattern[str]) -> Figure | None:
    """One victim of ``kind`` when ``pattern`` tells one in ``text`` and none of ``vetoes`` denies it."""
    found = pattern.search(text)
    if found is None or any(v.search(text) for v in vetoes):
        return None
    return Figure(kind, 1, 1, "exact", found.group(), found.span())


def _one_death(text: str) -> Figure | None:
    return _one_told("killed", _ONE_DEATH, text, _NOT_A_DEATH)


# a murder-suicide told without a number ("Police: couple dead in apparent murder-suicide"): the victim and
# the attacker, two dead, as the GVA and ACLED count the attacker's death with the victim's
_MURDER_SUICIDE = re.compile(r"\bmurder[- ]suicides?\b", re.I)


def _murder_suicide(text: str) -> Figure | None:
    found = _MURDER_SUICIDE.search(text)
    return None if found is None else Figure("killed", 2, 2, "exact", found.group(), found.span())


# a toll summed over many incidents: plural shootings or incidents, a whole city, a weekend
ROLL_UP = re.compile(r"\b(?:shootings|incidents|attacks|separate|citywide|city-wide|across the (?:city|state|county)|"
                     r"weekend|so far this year|this year|since (?:Friday|Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday))\b",
                     re.I)


# the attacker dead too ("... before turning the gun on himself", "the gunman was killed by
# police"): the GVA and ACLED count every death, the attacker's with the victims'
_ATTACKER_DEAD = re.compile(
    r"\b(?:killed|killing|kills|fatally shot|fatally shooting|shot and killed|shooting and killing)\s+(?:himself|herself)\b|"
    r"\bturn(?:ed|ing|s)?\s+the\s+gun\s+on\s+(?:himself|herself)\b|\b(?:took|taking|takes)\s+(?:his|her)\s+own\s+life\b|"
    r"\b(?:suspect|gunman|shooter|attacker|assailant)\s+(?:was|is)\s+(?:also\s+)?(?:killed|dead|fatally\s+shot|shot\s+dead|"
    r"shot\s+and\s+killed)\b|\b(?:suspect|gunman|shooter|attacker)\s+(?:killed|dead)\b|"
    r"\b(?:before|then|until|after)\s+(?:he|she)(?:['’]s|\s+was|\s+is)\s+(?:fatally\s+shot|shot\s+dead|killed)\b", re.I)
# a toll that already counts the attacker ("seven dead, including the gunman")
_COUNTS_ATTACKER = re.compile(r"\b(?:including|among them|counting)\s+(?:the\s+)?(?:suspect|gunman|shooter|attacker|"
                              r"assailant|himself|herself)|\bmurder[- ]suicide\b|\bfound dead\b", re.I)


# a headline's one victim hurt ("11-year-old shot on Elm Drive", "Deputy injured in shooting"):
# headlines drop the article the text's "a man was shot" has
_ONE_HURT_HEADLINE = re.compile(
    rf"{VICTIM.pattern}(?:,\s+\d{{1,3}},)?(?:\s+(?!(?:says|said|who|each|that|and)\b)[\w,’'-]+){{0,3}}?\s+(?:(?:was|is|critically|seriously|accidentally|reportedly)\s+)*"
    r"(?:shot|wounded|injured|hurt|grazed|hospitalized)\b", re.I)


def _one_hurt(headline: str) -> Figure | None:
    """One hurt, when the headline names one victim shot or injured and not killed ("shot, killed")."""
    found = _ONE_HURT_HEADLINE.search(headline)
    if found is None or _ONE_DEATH.search(headline[found.start():found.end() + 25]):
        return None
    return Figure("injured", 1, 1, "exact", found.group(), found.span())


# one victim hurt told without a count ("shot himself in the stomach", "the shooting of a Ballwin
# police officer", "hit the little boy", "A 2 year old little boy was shot"): one wounded
_ONE_VICTIM_HURT = re.compile(
    rf"\b(?:shot|shoots|shooting|wounded|wounding|injured|injuring)\s+(?:him|her)?self\b|"
    rf"\b(?:shooting|wounding|shot|shoots|hit|hits|struck|strikes)\s+(?:of\s+)?(?:a|an|the|his|her)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"{VICTIM.pattern}|{VICTIM.pattern}(?:\s+[\w’'-]+){{0,3}}?\s+(?:was|is)\s+(?:\w+ly\s+)?(?:shot|wounded|injured|hurt)\b", re.I)
# ... or told by the state the one victim is left in ("A 4-year-old boy is recovering", "left one person in
# critical condition", "sends woman to local hospital", "Lewis County Woman Airlifted") or by a verb of hurting
# with its one victim ("hurts Wichita child", "hits Texas legislator", "shoots self", "injured a woman")
_ONE_PERSON = rf"(?:{VICTIM.pattern}|\b(?:person|driver|friend|cousin|neighbou?r|worker|passenger|customer|clerk|legislator)\b)"
_ONE_HURT_STATE = re.compile(
    rf"{_ONE_PERSON}(?:,\s+\d{{1,3}},)?(?:\s+(?:is|was|remains|remained|being|left|now|still))*\s+"
    r"(?:recovering|hospitali[sz]ed|airlifted|flown|in\s+(?:critical|serious|stable|fair|good|grave)\s+condition)\b|"
    r"\b(?:one|1)\s+(?:person\s+)?(?:hospitali[sz]ed|in\s+(?:critical|serious|stable|fair|good|grave)\s+condition)\b|"
    rf"\b(?:sends?|sent|sending|puts?|putting|lands?|landed)\s+(?:(?:a|an|the|his|her|one|1)\s+)?(?:[\w’'-]+\s+){{0,2}}?"
    rf"(?:{_ONE_PERSON}|one)\s+(?:to|in)\s+(?:the\s+|a\s+|local\s+|area\s+)*"
    r"(?:hospital|er|emergency\s+room|trauma\s+cent(?:er|re))\b|"
    r"\b(?:hurts|injures|injured|wounds|wounded|hits|shoots)\s+(?:(?:a|an|the|his|her)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,2}}?{_ONE_PERSON}|"
    r"\bshooting\s+of\s+\d{1,3}-year-old\b", re.I)
_NO_ONE_HURT = re.compile(r"\b(?:no one|nobody|none)\s+(?:was\s+|were\s+)?(?:hurt|injured|struck|hit|shot|wounded)|"
                          r"\bno injuries\b|\bmissed\b", re.I)


def _one_victim_hurt(told: str) -> Figure | None:
    return _one_told("injured", _ONE_VICTIM_HURT, told, _NO_ONE_HURT, _ONE_DEATH) \
        or _one_told("injured", _ONE_HURT_STATE, told, _NO_ONE_HURT, _ONE_DEATH)


# one more victim hurt beside the dead ("left a girl dead and her grandmother wounded", "kills sister,
# injures boy", "girl killed, grandmother injured"): the headline or main sentence names a second victim
# hurt without a number (gva_incidents dev, injured right 0.825 -> 0.830)
_ONE_MORE_HURT = re.compile(
    r"(?:\band|,)\s+another(?:\s+(?!(?:was|is)\b)[\w’'-]+)?\s+(?:(?:was|is|critically|seriously)\s+)*"
    r"(?:wounded|injured|hurt|hospitalized)\b|"
    rf"(?:\band|,)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w’'-]+\s+){{0,2}}?{VICTIM.pattern}\s+"
    r"(?:(?:was|is|were|also|critically|seriously)\s+)*(?:wounded|injured|hurt|hospitalized)\b|"
    rf"\b(?:injures|wounds|injuring|wounding|injured|wounded)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w’'-]+\s+){{0,2}}?"
    rf"{VICTIM.pattern}", re.I)


def _one_more_hurt(told: str) -> Figure | None:
    return _one_told("injured", _ONE_MORE_HURT, told, _NO_ONE_HURT)


# "a triple murder-suicide", "in triple murder, suicide": the murders' count is the victims', the suicide the
# attacker's, whom the GVA and ACLED count with them
_MULTIPLE = r"(?:double|triple|quadruple|quintuple)\b"
_MURDERS_THEN_SUICIDE = re.compile(rf"\b{_MULTIPLE}\s+(?:murder|homicide|killing)s?"
                                   r"(?:\s*[-,/]\s*|\s+and\s+)(?:a\s+)?suicide\b", re.I)


def _with_attacker(killed: Figure | None, told: str) -> Figure | None:
    """The victims' toll plus the attacker when the headline or lead tells he died too."""
    if killed is not None and _MURDERS_THEN_SUICIDE.search(told) \
            and re.match(_MULTIPLE, killed.text, re.I):
        return _one_more(killed)
    if killed is None or not _ATTACKER_DEAD.search(told) or _COUNTS_ATTACKER.search(told):
        return killed
    if _ATTACKER_DEAD.search(killed.text) or _ONE_DEATH.fullmatch(killed.text) \
            or re.search(r"\b(?:himself|herself|self)\b", killed.text, re.I):
        # the toll is or counts the attacker's own death ("killed himself", "kills daughter, himself"),
        # or a death told without a number, which may be his ("Boy, 9, fatally shoots himself")
        return killed
    return _one_more(killed)


def _one_more(killed: Figure) -> Figure:
    return Figure("killed", killed.low + 1, None if killed.high is None else killed.high + 1, killed.qualifier,
                  killed.text, killed.span)


def _toll(kind: str, main: Mention, folded: list[Mention], title: list[Figure]) -> Figure | None:
    """The report's figure of one kind for its main event: the headline's, else the main sentence's
    (unless it sums many incidents: "Five killed in separate shootings across the city"), else the
    first the report gives in a sentence folded into it."""
    for f in title:
        if f.kind == kind:
            return f
    own = main.fatalities if kind == "killed" else main.injured
    if own is not None and not ROLL_UP.search(main.sentence):
        return own
    for m in folded:
        if ROLL_UP.search(m.sentence):
            # "17 killed in clashes in Iraq", "eight killed in shootings across the city since
            # Friday": a toll of somewhere else, or of many incidents
            continue
        f = m.fatalities if kind == "killed" else m.injured
        if f is not None:
            return f
    return None


def _shot(ann: Annotation, main: Mention, title: list[Figure], end: int) -> Figure | None:
    """How many were shot (killed or not), from the headline, else the main sentence, else the lead."""
    for f in title:
        if f.kind == "shot":
            return f
    here = [f for f in ann.figures if f.kind == "shot" and main.span[0] <= f.span[0] < main.span[1]]
    lead = [f for f in ann.figures if f.kind == "shot" and f.span[0] < end]
    return (here or lead or [None])[0]


def _death_told_later(main: Mention, folded: list[Mention]) -> Figure | None:
    """One dead when a sentence going on about the main event tells a death without a number ("The
    man died at the hospital", "where she later died")."""
    for m in folded:
        if not ROLL_UP.search(m.sentence) and (died := _DIED.search(m.sentence)) \
                and not _NOT_A_DEATH.search(m.sentence):
            return Figure("killed", 1, 1, "exact", died.group(), died.span())
    return None


_DIED = re.compile(r"\b(?:died|dies|pronounced dead|succumbed|pass(?:es|ed)\s+away)\b", re.I)


def _injured_told_later(ann: Annotation, main: Mention, kept: list[Mention], killed: Figure | None,
                        lead: int) -> Figure | None:
    """The wounded told in another sentence of the lead or further down ("Four women were injured", "A
    woman was also shot", "All four had been shot"), one that is no distinct event of its own and sums
    no many incidents: "also" adds the shot to the dead, else the shot who did not die were wounded."""
    own = [m.span for m in kept]
    for sent in ann.sentences:
        if (sent.span[0] < main.span[1] and (sent.span[0] >= lead or sent.span == main.span)) or any(a <= sent.span[0] < b for a, b in own) or ROLL_UP.search(sent.text):
            continue
        for f in ann.figures:
            if f.kind not in ("shot", "injured") or not sent.span[0] <= f.span[0] < sent.span[1]:
                continue
            if f.kind == "injured":
                return f
            if re.search(r"\balso\b", f.text, re.I):
                return Figure("injured", f.low, f.high, f.qualifier, f.text, f.span)
            if (hurt := _injured_from_shot(f, killed)) is not None:
                return hurt
    return None


def _injured_from_shot(shot: Figure | None, killed: Figure | None) -> Figure | None:
    """"Four teens were shot" and no one said injured: the shot who did not die were wounded."""
    if shot is None:
        return None
    dead = killed.best if killed is not None else 0
    if shot.low - dead <= 0:
        return None
    return Figure("injured", shot.low - dead, None if shot.high is None else shot.high - dead, shot.qualifier,
                  shot.text, shot.span)


# a wound told beside a death ("died Friday after being shot", "shot in the head ... has died"): the death may
# come days after the shooting, and the day such a sentence gives is the death's
_WOUND = re.compile(r"\b(?:shot|shooting|wounded|wounds?|injured|injuries|gunshot)\b", re.I)


def died_of_wounds(sentence: str) -> bool:
    """Does the sentence tell a victim dying of a wound ("The boy shot Tuesday died Friday")? Its own day
    may be the death's, days after the incident: the day a clause gives the incident, or another sentence's,
    comes first (gva_incidents dev: other events 0.213 -> 0.204, nothing else moved)."""
    return _DIED.search(sentence) is not None and _WOUND.search(sentence) is not None
