"""Which event a report is about, and which of its other sentences tell a different one.

A news report tells one main event in its headline and lead; most of its other event sentences
go on about it (the victims, the arrest, the vigil), recall background ("a similar shooting last
year"), or quote commentary. Read sentence by sentence, each of them became an event of its own
at the report's date. Here every report gets one main event, the first violent one of its
headline and lead (else its first), and another sentence stays an event only when it states a
distinct violent event with its own time (an explicit day more than ``same_event_days`` from
the main event's) or its own place (a town named in it, far from the main event's). One with its
own place but no time of its own is background: it is marked so that reconcile links it to an
event the store already has there, never founds one at the report's date. Everything else is
attached to the main event (``Mention.main``): evidence of it that gives none of its values, while
the main event takes the tolls, day and place the report gives anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date as Date

from newsfuse.events.anchors import hospital_town, not_the_events_day, resident_of, sentence_at, tells
from newsfuse.events.county import county_place
from newsfuse.events.incident_day import incident_day, took_place_day, written_out
from newsfuse.events.taxonomy import STRATEGIC, VIOLENT_TYPES
from newsfuse.events.tolls import died_of_wounds, main_tolls
from newsfuse.events.tree import Tree
from newsfuse.nlp.dates import counted_in_weeks, dateline_day
from newsfuse.records import Annotation, DateValue, Document, Mention, PlaceMention, km

# what happens to an incident after it: the arrest, the charge, the court, the funeral (lemmas and forms)
FOLLOW_UP_WORDS = frozenset("arrest charge plead sentence sentencing convict conviction trial indict indictment "
                            "guilty jury judge court arraign arraignment funeral vigil memorial lawsuit sue "
                            "manslaughter verdict testify hearing prosecutor acquit bond custody".split())
# inflections of the follow-up lemmas ("arrested", "charges", "pleads", "sentenced"), and a suspect
# accused or extradited (gva_incidents dev: +2 incidents merged): a regex rather than a lemmatiser
# because headlines are a few words and this runs over every report
JUDICIAL_WORDS = frozenset({"accuse", "extradite"})
# a police appeal for tips or a reward offered comes after the incident, often weeks on
APPEAL_WORDS = frozenset({"tip", "reward"})


def _forms(words: frozenset[str]) -> re.Pattern[str]:
    """The lemmas with their inflections ("arrested", "charges", "pleads", "sentenced")."""
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")(?:s|es|d|ed|ing)?\b", re.IGNORECASE)


_FOLLOW_UP_FORMS = _forms(FOLLOW_UP_WORDS | JUDICIAL_WORDS | APPEAL_WORDS)
# the court process and the appeals for help, which come weeks or months after an incident (a plea, a trial,
# a sentence, a reward offered); an arrest, a charge, a vigil mostly come within days of it
LATE_FOLLOW_UP_WORDS = frozenset("plead sentence sentencing convict conviction trial indict indictment guilty jury "
                                 "judge court arraign arraignment lawsuit sue verdict testify hearing acquit "
                                 "memorial extradite".split()) | APPEAL_WORDS
_LATE_FOLLOW_UP_FORMS = _forms(LATE_FOLLOW_UP_WORDS)
FOLLOW_UP = "follow-up"  # marks a date that is the follow-up's, so the incident it tells of is earlier
SOON_AFTER = "soon after"  # marks a follow-up's date whose news (an arrest, a charge) comes within days
NO_DAY_TOLD = "no day told"  # marks a publication date standing in for the day of a report telling no follow-up
BACKGROUND = "background"  # marks the date resolution of a mention that may only join an event
LEAD_PARAGRAPHS = 3  # the lead: the first paragraphs of story text (not the title line)
LEAD_MIN_CHARS = 60  # shorter paragraphs (a dateline, a caption credit) are not the lead
SAME_EVENT_DAYS = 1  # an own day this close to the main event's is the main event's
DISTINCT_KM = 40.0  # a town this far from the main event's place is another place
REPORTED = "; day it was reported"  # events.anchors.date_for: a main sentence dated only by its news's day
REPORT_LAG_DAYS = 7  # a day this far before publication can be the day of the event reported
# a picture's caption: a paragraph ending in its credit ("... in Chicago. (AP Photo/Jane Doe)", "(Photo: KXYZ)",
# "(Getty Images)"). It tells what the picture shows, often another day's scene (a news conference weeks
# before), not the report's news (gva_incidents dev: 6 reports hold such paragraphs, in 2 of them the main
# event was read from one: a poster shown at a news conference 38 days before, dating a shooting's report
# whose story was lost to a gallery of captions; read from the headline and the story instead, slice all merged
# 0.922 -> 0.924, other events 0.170 -> 0.165, no guard row lost; dev-rest holds no such paragraph)
_CAPTION_CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s+){0,3}(?:Photo|Photograph|Image|Images)\b[^()]{0,80}\)\s*$"
                             r"|\bGetty\s+Images\)?\s*$")


def tells_follow_up(text: str) -> bool:
    """Does a headline or sentence name what follows an incident (an arrest, a charge, a trial)?"""
    return bool(text) and _FOLLOW_UP_FORMS.search(text) is not None


def follow_up(tree: Tree, trigger: int) -> bool:
    """Does the sentence tell of an incident through what followed it ("charged in the shooting",
    "sentencing was delayed for the man convicted in the shooting")? The trigger is then a noun
    naming the incident, and the sentence's day is the follow-up's, not the incident's."""
    tok = tree.tokens[trigger]
    if tok.pos not in ("NOUN", "PROPN"):
        return False
    return any(tree.forms(j) & FOLLOW_UP_WORDS for j in range(len(tree.tokens)) if j != trigger)


def follow_up_date(doc: Document, value: DateValue | None) -> DateValue | None:
    """The incident a follow-up tells of happened on or before the report: its date only bounds it."""
    if doc.published is None:
        return value
    return DateValue(doc.published.date[:10], "week", f"published date; {FOLLOW_UP}")


def is_background(m: Mention) -> bool:
    return m.date is not None and BACKGROUND in m.date.resolution


def own_date(m: Mention) -> bool:
    """A date read for this event from its sentence or a neighbour, not the day it was reported or published."""
    if m.date is None:
        return False
    how = m.date.resolution.lower()
    return not how.startswith("published") and "day it was reported" not in how and BACKGROUND not in how


def _day(value: DateValue | None) -> Date | None:
    if value is None or value.precision != "day":
        return None
    try:
        return Date.fromisoformat(value.date[:10])
    except ValueError:
        return None


def own_place(m: Mention) -> bool:
    """A town named in the mention's own sentence (not carried from an earlier one)."""
    return m.place is not None and m.place.precision == "point" and bool(m.place_text) \
        and m.place_text in m.sentence


def is_caption(paragraph: str) -> bool:
    """Is a paragraph a picture's caption, ending in the picture's credit?"""
    return _CAPTION_CREDIT.search(paragraph.strip()) is not None


def caption_spans(doc: Document) -> list[tuple[int, int]]:
    """The spans of the report's caption paragraphs."""
    return [(a, b) for a, b in doc.paragraphs or () if is_caption(doc.text[a:b])]


def in_caption(span: tuple[int, int], captions: list[tuple[int, int]]) -> bool:
    """Does a sentence lie in a caption (the headline's, span (0, 0), never; a sentence running on past the
    caption into the story is the story's)?"""
    return span != (0, 0) and any(a <= span[0] and span[1] <= b + 1 for a, b in captions)


def story_violent(doc: Document, mentions: list[Mention]) -> bool:
    """Does the story text, its captions aside, tell a violent event?"""
    captions = caption_spans(doc)
    return any(m_violent(m) and not in_caption(m.span, captions) for m in mentions)


def without_captions(doc: Document, ann: Annotation, captions: list[tuple[int, int]]) -> tuple[Document, Annotation]:
    """The report with its captions blanked (offsets kept) and their dates and figures dropped."""
    if not captions:
        return doc, ann
    text = list(doc.text)
    for a, b in captions:
        text[a:b] = " " * (b - a)
    kept = [d for d in ann.dates if not in_caption(d.span, captions)]
    figures = [f for f in ann.figures if not in_caption(f.span, captions)]
    return replace(doc, text="".join(text)), replace(ann, dates=tuple(kept), figures=tuple(figures))


def lead_end(doc: Document) -> int:
    """Character offset where the headline and lead end: after the first few substantial paragraphs
    (a picture's caption is none of them)."""
    seen = 0
    for start, end in doc.paragraphs or ((0, len(doc.text)),):
        text = doc.text[start:end].strip()
        if len(text) < LEAD_MIN_CHARS or (doc.title and text in doc.title) or is_caption(text):
            continue
        seen += 1
        if seen >= LEAD_PARAGRAPHS:
            return end
    return len(doc.text)


def main_event(doc: Document, mentions: list[Mention]) -> int | None:
    """Index of the report's main event: the first violent mention of the lead, else its first
    mention, else the first violent mention anywhere; None when the report has none in its lead
    and none violent. A mention read from a picture's caption is none of these while the story
    tells one."""
    captions = caption_spans(doc)
    if captions:
        story = [m for m in mentions if not in_caption(m.span, captions)]
        if story and len(story) < len(mentions):
            k = main_event(replace(doc, paragraphs=tuple(p for p in doc.paragraphs if p not in captions)), story)
            return None if k is None else mentions.index(story[k])
    end = lead_end(doc)
    lead = [i for i, m in enumerate(mentions) if m.span[0] < end]
    violent = [i for i, m in enumerate(mentions) if m_violent(m)]
    # the lead's violent event; else, when the lead tells only what followed (an arrest, a
    # charge), the incident the report tells of further on; else the lead's own event
    in_lead = [i for i in violent if i in lead]
    if in_lead:
        return in_lead[0]
    if violent and (not lead or all(mentions[i].type == STRATEGIC for i in lead)):
        return violent[0]
    return lead[0] if lead else None


def m_violent(m: Mention) -> bool:
    return m.type in VIOLENT_TYPES


def _distinct_day(m: Mention, main_day: Date | None) -> bool:
    """A day of its own far from the main event's; not one counted in weeks back ("a week ago"), which is
    only about that day."""
    day = _day(m.date)
    return own_date(m) and day is not None and main_day is not None and not counted_in_weeks(m.date) \
        and abs((day - main_day).days) > SAME_EVENT_DAYS


def _distinct_place(m: Mention, main: Mention) -> bool:
    """A town of its own far from the main event's: named in its sentence, or carried from the text
    around it by a sentence with its own day and toll ("... clashes cost 17 lives")."""
    if m.place is None or m.place.precision != "point":
        return False
    if not (own_place(m) or (own_date(m) and m.fatalities is not None)):
        return False
    if main.place is None or main.place.precision != "point":
        return False
    return km(m.place, main.place) > DISTINCT_KM


def _same_town(m: Mention, main: Mention) -> bool:
    """Placed nowhere, or at a town near the main event's (when that has one)."""
    if m.place is None or main.place is None or main.place.precision != "point":
        return True
    return m.place.precision == "point" and km(m.place, main.place) <= DISTINCT_KM


def _after(value: DateValue | None, published: Date | None) -> bool:
    """A date that starts after the day after publication: a plan or a forecast, not a reported event."""
    if value is None or published is None or not own_date_value(value):
        return False
    parts = value.date.split("-")
    try:
        first = Date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2][:2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return False
    return (first - published).days > 1


def own_date_value(value: DateValue) -> bool:
    how = value.resolution.lower()
    return not how.startswith("published") and "day it was reported" not in how


def _published(doc: Document) -> Date | None:
    """The report's own day: its dateline's when it gives one (a page's published date may be a
    later crawl's), else its published date."""
    if (own := dateline_day(doc.text)) is not None:
        return own
    if doc.published is None:
        return None
    try:
        return Date.fromisoformat(doc.published.date[:10])
    except ValueError:
        return None


def _main_day(doc: Document, ann: Annotation, main: Mention, others: list[Mention]) -> DateValue | None:
    """The main event's day: the day a clause says the incident took place, else its own, else a day the
    report gives its incident otherwise (incident_day), else the first own day another violent sentence
    gives within the days before publication (the lead's "Monday evening" is often in the next sentence;
    an arrest's or a charge's day is not the incident's)."""
    pub = _published(doc)
    # any day before publication in a follow-up, whose lead tells the charge's or the plea's day
    follow = tells_follow_up(doc.title or "") or tells_follow_up(main.sentence)
    lag = None if follow else REPORT_LAG_DAYS
    if (said := took_place_day(doc.text, ann, pub, lag)) is not None:  # gva_incidents dev +1, none lost
        return said
    if own_date(main) and _day(main.date) is not None and not died_of_wounds(main.sentence):
        return main.date
    if own_date(main) and main.date.precision in ("week", "month"):
        # "killed ... last week" then "shot ... on March 11": the day within its own week (gva_incidents dev +1)
        for m in others:
            day = _day(m.date)
            if own_date(m) and day is not None and m_violent(m) and _refines(main.date, day) and (pub is None or day <= pub):
                return DateValue(m.date.date, "day", f"{m.date.resolution}; within the main event's {main.date.precision}")
        # ... or a day another sentence tells that no event word dates ("... in an accidental shooting last
        # week." then "At about 11 p.m. Jan. 3, the man and two friends were passing around a shotgun")
        inside = next((v for v, day in _told_days(doc, ann, main, follow)
                       if _refines(main.date, day) and (pub is None or day <= pub)), None)
        if inside is not None:
            return DateValue(inside.date, "day", f"{inside.resolution}; within the main event's {main.date.precision}")
    # the day the report says its incident took place, the police responded, or a date names it ("the
    # Dec. 12 shooting") (gva_incidents dev: right event 0.892 -> 0.897, all merged 0.864 -> 0.868; with the
    # police's response, 0.900; none lost)
    if (said := incident_day(doc.text, ann, pub, lag)) is not None:
        return said
    for m in others:
        day = _day(m.date)
        if own_date(m) and day is not None and m_violent(m) and (pub is None or 0 <= (pub - day).days <= REPORT_LAG_DAYS):
            return DateValue(m.date.date, m.date.precision, f"{m.date.resolution}; from a later sentence of the report")
    if main.date is not None and main.date.resolution.endswith(REPORTED) and (reported := _day(main.date)) is not None:
        # the lead dates only its news ("Police were searching late Tuesday for two suspects in a shooting",
        # "was charged Friday with shooting her"): an earlier day the text tells is the incident's, in the
        # days before publication, or in a follow-up written out however far back but not in a sentence on
        # the court process ("next court date is April 14") (gva_incidents dev slice + part A, main day
        # right per report 1425 -> 1432, none lost)
        recent = next((v for v, day in _told_days(doc, ann, main, follow)
                       if day < reported and (pub is None or 0 <= (pub - day).days <= REPORT_LAG_DAYS)), None)
        if recent is not None:
            return DateValue(recent.date, "day", f"{recent.resolution}; from the text")
        older = next((v for v, day in _told_days(doc, ann, main, False, tells_late_follow_up)
                      if written_out(v) and day < reported), None) if follow else None
        if older is not None:
            return DateValue(older.date, "day", f"{older.resolution}; from the text, written out")
    if main.date is not None and not main.date.resolution.startswith("published"):
        return main.date  # the day it was reported, or one counted back from it ("a day after")
    # else the first day a sentence tells ("shot at about 6 p.m. Monday"), in the days before publication: of
    # the lead in a follow-up, else of the whole report, but past the lead not one telling what followed
    # (an arrest, a vigil). A byline or caption (no verb) dates nothing, nor does a plan's day ("should
    # face a judge on Monday")
    told = _told_days(doc, ann, main, follow)
    recent = next((v for v, day in told if pub is None or 0 <= (pub - day).days <= REPORT_LAG_DAYS), None)
    if recent is not None:
        return DateValue(recent.date, "day", f"{recent.resolution}; from the text")
    # else a date written out ("on Oct. 3", "Jan. 5, 2015") before those days: a report telling its incident
    # weeks on (a trial, an anniversary) names its day so, while a weekday only reaches back a week
    # (gva_incidents dev, main day right per report: slice +15, dev-rest +3, none lost)
    older = next((v for v, day in told if written_out(v) and (pub is None or day < pub)), None)
    if older is not None:
        return DateValue(older.date, "day", f"{older.resolution}; from the text, written out")
    return main.date


def _told_days(doc: Document, ann: Annotation, main: Mention, follow: bool,
               skip: Callable[[str], bool] | None = None) -> list[tuple[DateValue, Date]]:
    """The day-precision dates read from the text outside the main sentence, in text order, each in a
    sentence that tells something (a verb), past the lead not one telling a follow-up (or none at all in a
    follow-up report), and not a plan's day nor one in a sentence ``skip`` tells; with their days. Each sentence is parsed into its tree once."""
    lead = lead_end(doc)
    out: list[tuple[DateValue, Date]] = []
    for sent in ann.sentences:
        if sent.span == main.span or (sent.span[0] >= lead and (follow or tells_follow_up(sent.text))):
            continue  # the main sentence's own days were weighed
        if skip is not None and skip(sent.text):
            continue
        tree = Tree(sent.tokens) if sent.tokens else None
        if not tells(sent, tree):
            continue
        for d in ann.dates:
            day = _day(d.value)
            if day is not None and sent.span[0] <= d.span[0] < sent.span[1] \
                    and not d.value.resolution.startswith("published") and not not_the_events_day(tree, d, sent.text):
                out.append((d.value, day))
    return out


def _refines(value: DateValue, day: Date) -> bool:
    """Is ``day`` inside the week (dated by its Monday) or the month ``value`` means?"""
    try:
        if value.precision == "week":
            start = Date.fromisoformat(value.date[:10])
            return 0 <= (day - start).days <= 6
        return value.date[:7] == day.isoformat()[:7]
    except ValueError:
        return False


def _report_day(doc: Document, main: Mention, day: DateValue | None) -> DateValue | None:
    """A main event dated only by its publication, in a report that tells no follow-up (arrest,
    charge, trial) in its headline or main sentence, is marked as such: reconcile takes that day as
    the event's when no report of it tells one (gva_incidents dev: 73 % of such reports are published
    the incident's day or the next, 17 % of those whose headline tells a follow-up). A follow-up
    telling no court process is marked too: reconcile takes the day before as the event's when no other
    report dates it (gva_incidents dev slice + part A, such reports: 16 of 27 published 0 to 2 days
    after the incident; of those telling the court process, 0 of 18)."""
    if day is None or day.resolution not in ("published date", f"published date; {FOLLOW_UP}"):
        return day
    title = doc.title or ""
    if not (tells_follow_up(title) or tells_follow_up(main.sentence) or day.resolution.endswith(FOLLOW_UP)):
        return DateValue(day.date, day.precision, f"{day.resolution}; {NO_DAY_TOLD}")
    if tells_late_follow_up(title) or tells_late_follow_up(main.sentence):
        return day
    return DateValue(day.date, day.precision, f"{day.resolution}; {SOON_AFTER}")


def tells_late_follow_up(text: str) -> bool:
    """Does a headline or sentence name the court process or an appeal, weeks or months after an incident?"""
    return bool(text) and _LATE_FOLLOW_UP_FORMS.search(text) is not None


def salient(doc: Document, ann: Annotation, mentions: list[Mention]) -> list[Mention]:
    """The main event (with what the whole report says of it) and the distinct events, in text order."""
    if not mentions:
        return mentions
    k = main_event(doc, mentions)
    if k is None:
        return mentions
    main = mentions[k]
    others = [m for i, m in enumerate(mentions) if i != k]
    # a main event told by the story reads its day and tolls from the story, not from the captions' scenes
    captions = caption_spans(doc)
    captions = [] if in_caption(main.span, captions) else captions
    told_doc, told_ann = without_captions(doc, ann, captions)
    story = [m for m in others if not in_caption(m.span, captions)]
    day = _report_day(doc, main, _main_day(told_doc, told_ann, main, story))
    main = replace(main, date=day)
    if not own_place(main):  # placed before the others are compared with it
        main = _main_place(doc, ann, main, others)
    else:
        main = _not_at_home_town(ann, main)
    # the county the lead names over a town outside it (gva_incidents dev, right event 0.845 -> 0.864)
    main = county_place(ann, main, lead_end(doc))
    main_day = None if counted_in_weeks(day) else _day(day)  # a day counted in weeks is about that day
    kept: list[Mention] = []
    folded: list[Mention] = []
    pub = _published(doc)
    for m in others:
        if not m_violent(m) or _after(m.date, pub):  # what followed, or a plan ("three rockets by 2024")
            folded.append(m)  # the arrest, the charge, the vigil: what followed the main event
        elif _distinct_day(m, main_day):
            kept.append(m)
        elif _distinct_place(m, main):  # another town: its own event that day, else background
            kept.append(m if own_date(m) else replace(m, date=as_background(m.date)))
        else:
            folded.append(m)
    # the tolls the whole report gives, from the sentences folded into the main event in its town only
    killed, injured = main_tolls(told_doc, told_ann, main,
                                 [m for m in folded if _same_town(m, main) and not in_caption(m.span, captions)], kept,
                                 lead_end(told_doc))
    main = replace(main, fatalities=killed, injured=injured, main=main.id)
    attached = [replace(m, main=main.id) for m in folded]
    return sorted([main, *kept, *attached], key=lambda m: m.span[0])


def _main_place(doc: Document, ann: Annotation, main: Mention, others: list[Mention]) -> Mention:
    """A main event whose sentence names no town: the town of the next event sentence of the lead
    that names one ("The sources said insurgents took control of the Al-Qaim crossing"), else
    the town the report names most."""
    end = lead_end(doc)
    nxt = next((m for m in others if main.span[0] < m.span[0] < end and own_place(m) and m_violent(m) == m_violent(main)),
               None)
    if nxt is not None:
        return replace(main, place=nxt.place, place_text=nxt.place_text)
    home = home_place(ann)
    return main if home is None else replace(main, place=home.place, place_text=home.text)


def _not_at_home_town(ann: Annotation, main: Mention) -> Mention:
    """A main sentence whose only town is where its victim lives ("A Woodville man died ...") places the
    event at the town the report names most, when that is another one named at least twice."""
    if main.span == (0, 0):  # the headline's: no sentence of the text
        return main
    sent = sentence_at(ann, main.span[0])
    here = [p for p in ann.places if sent and sent.span[0] <= p.span[0] < sent.span[1] and p.place.precision == "point"]
    if not here or not all(resident_of(p, sent) for p in here):
        return main
    home = home_place(ann)
    if home is None or home.place == main.place or \
            sum(p.place.name == home.place.name and p.place.admin1 == home.place.admin1 for p in ann.places) < 2:
        return main
    return replace(main, place=home.place, place_text=home.text)


def home_place(ann: Annotation) -> PlaceMention | None:
    """The town the report is about: the one it names most often (ties: the first named).

    A local report names its town in the dateline and again in the story; a street, a
    suspect's home town is named less often; a victim's hospital town is none ("at a Jackson hospital")."""
    counts: dict[object, int] = {}
    first: dict[object, PlaceMention] = {}
    for pm in ann.places:
        if pm.place.precision != "point" or hospital_town(ann, pm):
            continue
        key = pm.place.geonameid if pm.place.geonameid is not None else pm.place.name
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, pm)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k].span[0]))
    return first[best]


def as_background(value: DateValue | None) -> DateValue | None:
    if value is None:
        return None
    return DateValue(value.date, value.precision, f"{value.resolution}; {BACKGROUND}")
