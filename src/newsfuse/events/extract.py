"""(Document, Annotation) -> [Mention]: one mention per parsed sentence that reports an event."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsfuse.events import anchors
from newsfuse.events.classify import Typing, type_sentence
from newsfuse.events.context import spaceflight_report, sports_report
from newsfuse.events.headline import headline_mention, site_of_past
from newsfuse.events.local import placed_near_home
from newsfuse.events.roles import Participant
from newsfuse.events import salience
from newsfuse.events.relevance import about_events, english, reviews_a_work
from newsfuse.events.salience import follow_up, salient, tells_follow_up
from newsfuse.events.settings import EventSettings
from newsfuse.events.sides import side_name, sole_group
from newsfuse.events.taxonomy import VIOLENT_TYPES, event_type
from newsfuse.events.tree import Tree
from newsfuse.events.unplaced import placed_main
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import ActorRole, Annotation, Document, Mention, Sentence, main_country

# words that open a sentence continuing the previous one's event ("They said the clashes killed 15")
ANAPHORA = frozenset({"they", "he", "she", "it", "this", "these", "those", "the"})
BACK_REFERENCE = frozenset({"clash", "fighting", "attack", "violence", "blast", "explosion",
                            "fight", "battle", "bombing", "strike", "raid", "incident", "firefight",
                            "shooting", "assault", "protest", "riot"})


@dataclass(frozen=True, slots=True)
class _Found:
    index: int  # sentence index
    sent: Sentence
    tree: Tree
    typing: Typing


def extract(doc: Document, ann: Annotation, settings: EventSettings, nlp: NlpSettings | None = None) -> list[Mention]:
    """The event mentions of one document; ``nlp`` (the run's nlp settings) reads its headline."""
    if settings.relevance and (not english(doc) or reviews_a_work(doc)):
        return []  # the rules read English: another language gets none of them; a review tells a work's story
    mentions = _extract(doc, ann, settings)
    if settings.salience and not salience.story_violent(doc, mentions) \
            and (told := headline_mention(doc, ann, nlp, follows=not mentions and tells_follow_up(doc.title or ""))) \
            is not None:
        # the story text tells no violent event (page chrome kept and the story lost, or a lead that
        # tells only the arrest, a gallery of captions telling other days' scenes): the headline tells the
        # incident, the report's main event
        if tells_follow_up(told.sentence):  # "Two arrested after child shot": the incident came before
            told = replace(told, date=salience.follow_up_date(doc, told.date))
        mentions = [told, *mentions]
    if settings.salience:
        mentions = placed_near_home(doc, ann, placed_main(doc, ann, salient(doc, ann, mentions), nlp), settings)
        # "Officials shut down KC motorcycle club, the site of a fatal shooting": a headline telling its incident
        # as a place's past is that incident's later news; it may join the incident, never found one
        mentions = [replace(m, date=salience.as_background(m.date)) if m.span == (0, 0) and m.report_main
                    and site_of_past(m.sentence) else m for m in mentions]
    if settings.relevance and not about_events(doc, ann, mentions):
        # a page that only uses the words of violence in passing founds no event; what it says
        # may still join one its story already has (a report whose lead is lost in page chrome)
        return [replace(m, date=salience.as_background(m.date)) for m in mentions if not m.attached]
    return mentions


def _extract(doc: Document, ann: Annotation, settings: EventSettings) -> list[Mention]:
    trees = {k: Tree(s.tokens) for k, s in enumerate(ann.sentences) if s.tokens}
    found: list[_Found] = []
    sports = sports_report(doc.text)
    space = spaceflight_report(doc.text)
    for k, sent in enumerate(ann.sentences):
        if k not in trees or not (sent.candidate or settings.read_all_parsed):
            continue
        try:
            typing, _ = type_sentence(trees[k], ann.actors, sports, _headline(doc, k, sent), space)
        except (IndexError, KeyError, ValueError, TypeError):
            # a malformed parse (heads out of range, odd records) loses this sentence, not the batch
            continue
        if typing is not None:
            found.append(_Found(k, sent, trees[k], typing))
    # which found sentences continue which ("They said the clashes killed 15 people.")
    continuation: dict[int, list[_Found]] = {}
    folded: set[int] = set()
    main: _Found | None = None
    last = -1  # the last sentence index of the current mention with its continuations
    for cur in found:
        if main is not None and _continues(main, cur, last):
            continuation[main.index].append(cur)
            folded.add(cur.index)
            last = cur.index
        else:
            main, last = cur, cur.index
            continuation[cur.index] = []
    typed = {f.index for f in found}
    group = sole_group(ann.actors)  # the report's one armed group, if it names one: its rebels are that group
    mentions: list[Mention] = []
    for f in found:
        if f.index in folded:
            continue
        conts = continuation.get(f.index, [])
        neighbours = _dating_neighbours(doc, f, conts, typed)
        m = _mention(doc, ann, f, trees, settings, neighbours, group)
        if m is None:
            continue
        for cont in conts:
            m = _fold(m, f, cont, ann, group)
        mentions.append(m)
    return mentions


def _dating_neighbours(doc: Document, f: _Found, conts: list[_Found], typed: set[int]) -> tuple[int, ...]:
    """The sentences that may date an event its own sentence leaves undated, nearest first.

    A headline comes before its story, so the lead after it dates it. Any other sentence goes on in
    the time of the one before it, which may date it if it continues this event or reports no
    other; the sentence after it dates it only when it continues the event: otherwise its date
    belongs to what it tells next ("... they were still in the town on Sunday morning").
    """
    folded = {c.index for c in conts}

    def allowed(k: int) -> bool:
        return k in folded or k not in typed

    if _headline(doc, f.index, f.sent):
        order = (f.index + 1, f.index - 1)
    else:
        order = (f.index - 1,) + ((f.index + 1,) if f.index + 1 in folded else ())
    return tuple(k for k in order if allowed(k))


def _sides(participants: list[Participant] | tuple[Participant, ...], country: str | None,
           group: str | None = None) -> tuple[ActorRole, ...]:
    """Each participant once, generic ones under ACLED's name for the event's country (or the report's one
    armed group: sides.sole_group)."""
    out: list[ActorRole] = []
    for p in participants:
        role = ActorRole(side_name(p, country, group), p.role)  # type: ignore[arg-type]
        if role not in out:
            out.append(role)
    return tuple(out)


def _headline(doc: Document, k: int, sent: Sentence) -> bool:
    """Headlines tell past events in the present ("Drone strike kills four"): the first sentence, the
    title, or a line with no closing punctuation."""
    text = sent.text.strip()
    if doc.title:  # a page with a title: the title line (often repeated at the top of the text)
        return text in doc.title or not text.endswith((".", "!", "?", '"', "'", "”"))
    return k == 0 or not text.endswith((".", "!", "?", '"', "'", "”"))


def _mention(doc: Document, ann: Annotation, f: _Found, trees: dict[int, Tree],
             settings: EventSettings, neighbours: tuple[int, ...], group: str | None) -> Mention | None:
    t = f.typing
    at = f.tree.tokens[t.index].start
    place = anchors.place_for(ann, f.index, at)
    date = anchors.date_for(ann, doc, f.index, at, trees, neighbours)
    # a follow-up's day is the charge's unless told in the incident's own phrase (gva_incidents dev, right
    # event 0.864 -> 0.869)
    if follow_up(f.tree, t.index) and not anchors.told_after(ann, f.sent.span, at, date, f.tree):
        date = salience.follow_up_date(doc, date)
    date, historical = anchors.mark_historical(date, doc, settings.historical_days, ann)
    if historical and not settings.keep_historical:
        return None  # "violence that began in 2012": background to this report, not an event it reports
    typ = event_type(t.sub_type)
    killed = anchors.figure_for(ann.figures, f.sent.span, "killed", at) if typ in VIOLENT_TYPES or \
        t.sub_type == "Excessive force against protesters" else None
    injured = anchors.figure_for(ann.figures, f.sent.span, "injured", at)
    # a saturating score: specific, main-clause, actor-bearing triggers approach 1
    confidence = t.score / (t.score + 1.2) + (0.05 if t.actors else 0.0) + (0.03 if place else 0.0)
    if confidence < settings.min_confidence:
        return None
    return Mention(
        id=f"{doc.id}:{f.sent.span[0]}:0",
        document=doc.id,
        span=f.sent.span,
        sentence=f.sent.text,
        type=typ,
        sub_type=t.sub_type,
        actors=_sides(t.actors, place.place.country if place else main_country(ann.places), group),
        place=place.place if place else None,
        place_text=place.text if place else None,
        date=date,
        fatalities=killed,
        injured=injured,
        attribution=anchors.attribution_for(ann, f.sent),
        confidence=round(confidence, 3),
    )


def _back_reference(f: _Found) -> bool:
    """Does the sentence name an event already told, by a definite noun ("in the attack", "the shooting")?"""
    tree = f.tree
    return any(tree.lemma(j) in BACK_REFERENCE and tok.pos == "NOUN" and any(
        tree.lemma(d) in ("the", "this", "these", "those") for d in tree.kids(j, "det"))
        for j, tok in enumerate(tree.tokens))


def _continues(prev: _Found, cur: _Found, last: int | None = None) -> bool:
    """Does this sentence only go on about the previous one's event ("They said the clashes killed 15")?

    ``last``: the last sentence already folded into ``prev`` (the next one is adjacent). A sentence
    further on continues it only if it names the event by a definite noun and carries no attacker
    of its own and no other kind of event ("15 soldiers were killed in the attack").
    """
    last = prev.index if last is None else last
    if event_type(prev.typing.sub_type) in VIOLENT_TYPES and event_type(cur.typing.sub_type) in VIOLENT_TYPES \
            and cur.typing.rule.name in GENERIC_RULES | {"death-toll"} and _back_reference(cur) \
            and not any(p.role == "actor1" and p.kind != "civilians" for p in cur.typing.actors):
        return True
    if cur.index != last + 1:
        return False
    # a bare toll after a violent event: "Three attacks were repelled. More than 70 were killed."
    if cur.typing.rule.name in ("kill", "dead") and event_type(prev.typing.sub_type) in VIOLENT_TYPES \
            and not any(p.role == "actor1" for p in cur.typing.actors) and not _names_cause(cur):
        return True
    toks = cur.tree.tokens
    if not toks or toks[0].text.lower() not in ANAPHORA:
        return False
    # it must refer back to an event by a definite noun or carry only a casualty verb
    if _back_reference(cur):
        return True
    return cur.typing.rule.name in ("kill", "dead") and not cur.typing.actors


# rules too generic to name how an event was carried out: a continuation may say it ("using grenades")
GENERIC_RULES = frozenset({"kill", "dead", "gun-down", "clash"})


def _names_cause(f: _Found) -> bool:
    """Does the toll sentence say what killed them ("killed in police firing", "died by ...")?"""
    tree, i = f.tree, f.typing.index
    return any(tree.lemma(k) in ("in", "by", "during", "after") for k in tree.kids(i, "prep", "agent"))


def _fold(m: Mention, first: _Found, f: _Found, ann: Annotation, group: str | None) -> Mention:
    """Take the continuation's figures, named actors, place and attribution into the mention it continues."""
    at = f.tree.tokens[f.typing.index].start
    killed = m.fatalities or anchors.figure_for(ann.figures, f.sent.span, "killed", at)
    injured = m.injured or anchors.figure_for(ann.figures, f.sent.span, "injured", at)
    names = {a.name.lower() for a in m.actors}
    # named sides only: "killed 15 people" adds victims, not a side
    country = m.place.country if m.place else main_country(ann.places)
    actors = m.actors + tuple(a for a in _sides([p for p in f.typing.actors if p.kind != "civilians"], country, group)
                              if a.name.lower() not in names)
    place, place_text = m.place, m.place_text
    here = [p for p in ann.places if anchors._inside(p.span, f.sent.span) and p.place.precision == "point"]
    if here and (m.place is None or m.place.precision != "point" or m.place_text not in m.sentence):
        best = min(here, key=lambda p: abs(p.span[0] - at))
        place, place_text = best.place, best.text
    sub = m.sub_type
    if first.typing.rule.name in GENERIC_RULES and f.typing.rule.name not in GENERIC_RULES \
            and f.typing.rule.weight > first.typing.rule.weight \
            and event_type(f.typing.sub_type) in VIOLENT_TYPES and event_type(sub) in VIOLENT_TYPES:
        sub = f.typing.sub_type  # "The attacks, mostly with grenades, ..." names the weapon
    return replace(m, fatalities=killed, injured=injured, actors=actors, place=place, place_text=place_text,
                   type=event_type(sub), sub_type=sub,
                   attribution=m.attribution or anchors.attribution_for(ann, f.sent))
