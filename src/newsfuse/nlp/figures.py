"""Figures: how many were killed / injured / arrested / displaced, with the qualifier.

Qualifiers, decided once here and relied on downstream:
- "at least N", "no fewer than N"          -> at_least, low=N, high=None
- "more than N", "over N", "upwards of N"  -> at_least, low=N+1, high=None (strictly more)
- "up to N", "as many as N", "at most N"   -> at_most, low=N, high=N (N is a ceiling, also the best guess)
- "about/around/nearly/some/almost N"      -> approximate, low=high=N
- vague words: "a dozen" 12..12, "dozens" 24..99, "scores" 40..99, "several" 3..9,
  "hundreds" 200..999, "thousands" 2000..9999 -> approximate
Regular expressions, not the parser, because the phrasings are few and fixed
and this must run on every sentence, parsed or not.
"""

from __future__ import annotations

import re

from newsfuse.nlp.numbers import NUMBER_RE, parse_number
from newsfuse.records import Figure

_VAGUE = {"a dozen": (12, 12), "dozen": (12, 12), "dozens": (24, 99), "scores": (40, 99), "several": (3, 9),
          "hundreds": (200, 999), "thousands": (2000, 9999), "a handful": (3, 6), "a hundred": (100, 100)}
_NUM = rf"(?:{NUMBER_RE}|a dozen|dozens|scores|several|hundreds|thousands|a handful|a hundred)"
_QUAL = (r"(?:at least|no fewer than|no less than|a minimum of|more than|over|upwards of|in excess of|"
         r"up to|as many as|at most|no more than|about|around|nearly|almost|some|roughly|approximately|"
         r"an estimated|close to|estimated)")

# "Man Shot, Killed", "Mother, Son Shot & Killed": headline style for shot and killed
_KILL_PASSIVE = (r"shot(?:,|\s*&)\s*killed|shot and killed|shot to death|fatally shot|gunned down|killed|dead|died|die|slain|executed|massacred|perished|"
                 r"lost their lives|shot dead|beheaded|murdered")
_INJURE_PASSIVE = r"shot and wounded|shot and injured|wounded|injured|hurt|maimed"
# "four teens were shot": hit by gunfire, killed or not (US crime news counts victims so); the
# events stage reads the injured as the shot less the killed when no one says "injured"
_SHOT_PASSIVE = r"shot(?!\s+(?:dead|and\s+killed|to\s+death|and\s+wounded|and\s+injured))"
_ARREST_PASSIVE = r"arrested|detained|captured|taken prisoner|rounded up|taken into custody"
_DISPLACE_PASSIVE = r"displaced|fled|forced to flee|made homeless|evacuated|uprooted"
_KIND_OF_WORD = [
    ("killed", re.compile(rf"^(?:{_KILL_PASSIVE}|killing|kill|kills|deaths?|bodies|fatalities|lives|death toll|gunning down)$")),
    ("injured", re.compile(rf"^(?:{_INJURE_PASSIVE}|wounding|injuring|wounds|injuries|wounded)$")),
    ("arrested", re.compile(rf"^(?:{_ARREST_PASSIVE}|arresting|detaining|arrests|capturing)$")),
    ("displaced", re.compile(rf"^(?:{_DISPLACE_PASSIVE}|displacing|refugees)$")),
    ("shot", re.compile(r"^(?:shot|shooting|shoots)$")),
]
_PEOPLE = (r"people|persons|civilians|soldiers|troops|policemen|police officers|officers|militants|fighters|"
           r"insurgents|gunmen|rebels|protesters|demonstrators|children|women|men|students|workers|members|"
           r"terrorists|jihadists|guards|villagers|residents|worshippers|pilgrims|migrants|refugees|prisoners|"
           r"bystanders|recruits|personnel|security personnel|militiamen|others|of them|passengers|tourists")
# a number of days, kilometres or percent is never a count of people ("killed 13 days ago")
_NOT_PEOPLE = (r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|km|kilomet(?:er|re)s?|miles?|per\s*cent|percent)\b)"
               # nor shots or a gun's bore ("shot seven times", "fired 10 rounds", "a 9 mm gun")
               r"(?!\s+(?:(?:more\s+)?times|rounds|shots|bullets|mm|millimet(?:er|re)s?|caliber|calibre)\b)"
               # nor a time of day ("shooting about 9 p.m.", "at 10:45", "around 3 o'clock")
               r"(?!\s*[ap]\.\s?m\.|\s*[ap]m\b|[:.]\d|\s+o['’]clock)"
               # nor an age ("kills 7-year-old daughter", "a 15-year-old")
               r"(?![-\s]+(?:years?|months?|weeks?|days?)[-\s]+old\b)")
# "15 people were killed", "More than 70 terrorists were killed", "17 killed", "two soldiers died"
_SUBJECT = re.compile(
    rf"(?<![\w-])(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM}){_NOT_PEOPLE}(?P<noun>(?:\s+(?!were\b|was\b|have\b|had\b|are\b|and\b|not\b|never\b|[\w’'-]*n[’']t\b)[\w.’'-]+){{0,3}}?)"
    rf"\s+(?:(?:were|was|have been|had been|are|has been|being|reportedly|also|all|later)\s+)*"
    rf"(?P<verb>{_KILL_PASSIVE}|{_INJURE_PASSIVE}|{_ARREST_PASSIVE}|{_DISPLACE_PASSIVE}|{_SHOT_PASSIVE})\b", re.I)
# "killed 15 people", "killing at least 12", "wounded dozens", "arrested 30 suspects"
_OBJECT = re.compile(
    rf"\b(?P<verb>fatally\s+(?:shot|shooting|shoots|wounded|wounding|stabbed|stabbing)|gunned down|gunning down|killed|killing|kills|kill|wounded|wounding|injured|injuring|arrested|arresting|detained|"
    rf"detaining|displaced|displacing|shot|shooting|shoots|left)\s+(?:(?:another|a further|an additional)\s+)?(?P<qual>{_QUAL}\s+)?"
    rf"(?P<num>{_NUM}){_NOT_PEOPLE}(?P<noun>\s+(?:[\w-]+\s+)?(?:{_PEOPLE}|suspects|lives))?\b", re.I)
# "cost 17 lives", "claimed 12 lives", "the death toll rose to 40", "40 deaths", "12 bodies"
_LIVES = re.compile(rf"\b(?:cost|claimed|took)\s+(?:the\s+)?(?:lives\s+of\s+)?(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})(?:\s+(?P<verb>lives|people))?", re.I)
_TOLL = re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|hit)\s+(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})\b", re.I)
_NOUNS = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})\s+(?:\w+\s+)?(?P<verb>deaths|fatalities|bodies|casualties|injuries|arrests|refugees)\b", re.I)
_COUNT = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})\s+(?:[\w-]+\s+)?(?P<noun>{_PEOPLE})\b", re.I)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# One victim: ACLED counts "a soldier was killed" and "Juan Perez was shot dead" as 1 fatality.
_ONE = (r"soldier|policeman|policewoman|police officer|officer|civilian|man|woman|child|boy|girl|baby|"
        r"journalist|reporter|photographer|student|judge|prosecutor|mayor|governor|priest|imam|teacher|"
        r"doctor|nurse|farmer|worker|guard|militant|fighter|rebel|gunman|protester|demonstrator|resident|"
        r"villager|person|pilgrim|official|leader|commander|member|lawyer|activist|trader|driver|"
        r"businessman|politician|candidate|councillor|prisoner|suspect|tourist|passenger|security guard")
_ONE_KILLED = r"(?:shot dead|killed|slain|murdered|executed|beheaded|assassinated|stabbed to death|beaten to death)"
_BY_AUX = r"(?:was|has been|had been)\s+(?:(?:also|reportedly|allegedly|later|then)\s+)?(?:(?:shot|stabbed|beaten|hacked)\s+and\s+)?"
_ONE_SUBJECT = re.compile(
    rf"(?<![\w-])(?:a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE})\s+{_BY_AUX}{_ONE_KILLED}\b", re.I)
_ONE_OBJECT = re.compile(rf"\b(?:killed|killing|murdered|murdering|shot dead|assassinated)\s+(?:a|an|one)\s+"
                         rf"(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE})\b", re.I)
# "a 19-year-old man was critically injured", "one officer was wounded": one injured
# "five people were shot, two of them fatally", "four teens, one fatally, were shot": the dead among the shot
_FATALLY = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})\s+(?:of\s+them\s+)?fatally\b(?!\s+(?:shot|wounded|injured|stabbed))",
                      re.I)
_ONE_VICTIM_WAS = (rf"(?<![\w-])(?:a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE}|teen|teenager|toddler|\d+-year-old)\s+"
                   r"(?:was|has been|had been)\s+")
_ONE_HURT = re.compile(
    rf"{_ONE_VICTIM_WAS}(?:(?:also|reportedly|critically|seriously|badly|slightly)\s+)?"
    rf"(?:injured|wounded|hurt|hospitalized|hospitalised)\b", re.I)
_ONE_SHOT = re.compile(
    rf"{_ONE_VICTIM_WAS}(?:(?:also|reportedly|allegedly|critically|seriously)\s+)?{_SHOT_PASSIVE}\b", re.I)
# "he and three others were shot": the three and him
_AND_OTHERS = re.compile(rf"(?<![\w-])(?:he|she|[A-Z][a-z’'-]+)\s+and\s+(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})\s+others\s+"
                         rf"(?:were|have been|had been)\s+(?P<verb>shot|wounded|injured|hurt|killed)\b")
# "killing three men and wounding another", "left three dead and another injured": one more
_ANOTHER = re.compile(r"\b(?:wounding|injuring|wounded|injured)\s+another\b|\band\s+another\s+(?:\w+\s+)?(?:was\s+)?"
                      r"(?:injured|wounded|hurt)\b", re.I)
# A person's name: two to four capitalised words, case-sensitive, not followed by a plural noun
# ("killed Islamic State fighters" kills fighters, not one Islamic State).
_NAME = (r"(?:[A-Z][a-z’'-]+\s+){1,3}[A-Z][a-z’'-]+\b"
         r"(?!\s+(?!(?:was|has|is|as|his|this|its|thus|across|plus)\b)[a-z]+s\b)")
_NOT_A_NAME = (r"(?!(?:In|On|At|By|For|From|With|The|This|That|These|Those|A|An|And|But|When|After|Before|"
               r"Later|Yesterday|Today|Police|Officials|Witnesses)\b)")
# "Danilo Barillas, a former ambassador, was killed today"
_NAMED_SUBJECT = re.compile(rf"(?<![\w-]){_NOT_A_NAME}{_NAME}(?:,\s+[^.;]{{3,120}}?,)?\s+{_BY_AUX}{_ONE_KILLED}\b")
# "Juan Perez, 23, was shot in the leg": a named victim shot
_NAMED_SHOT = re.compile(rf"(?<![\w-]){_NOT_A_NAME}{_NAME}(?:,\s+[^.;]{{1,60}}?,)?\s+(?:was|had been)\s+"
                         rf"(?:(?:also|critically|seriously)\s+)?{_SHOT_PASSIVE}\b")
# "gunmen killed Dolores Hinostroza", "the murder of Guillermo Cano"
_NAMED_OBJECT = re.compile(
    rf"(?<!attempted\s)\b(?:killed|killing|murdered|assassinated|shot dead|"
    rf"(?:[Mm]urder|[Kk]illing|[Aa]ssassination)\s+of)\s+"
    rf"(?:(?:[a-z]+|[A-Z][a-z]+ [a-z]+|\d+-year-old)\s+){{0,3}}?{_NOT_A_NAME}{_NAME}")
# "the murder of two employees", "the assassination of six Jesuit priests" (an "attempted murder of" kills no one)
_KILLING_OF = re.compile(
    rf"(?<!attempted\s)\b(?:murders?|killings?|assassinations?|massacre)\s+of\s+(?:the\s+)?"
    rf"(?P<qual>{_QUAL}\s+)?(?P<num>{_NUM})"
    rf"{_NOT_PEOPLE}\s+(?:[\w.’'-]+\s+){{0,3}}?[A-Za-z]+s\b", re.I)


# victims listed by name: "Ann Lee, 19, Bo Park and Cy Diaz, 22, were also shot": one each
_LIST_NAME = r"(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+"  # "Marquise McPherson": capitals inside a name too
_NAME_ITEM = rf"{_NOT_A_NAME}{_LIST_NAME}(?:,\s+\d{{1,3}},?)?"
_NAMED_LIST = re.compile(
    rf"(?<![\w-])(?P<names>{_NAME_ITEM}(?:,?\s+{_NAME_ITEM})*,?\s+and\s+{_NAME_ITEM})\s+"
    rf"(?:were|have been|had been)\s+(?:(?:also|both|all|fatally|critically|seriously)\s+)?"
    rf"(?P<verb>shot and killed|shot and wounded|shot dead|shot|struck|wounded|injured|hurt|killed)\b")
# "a man and a woman were killed", "a teen and his mother were shot": two
_PAIR = re.compile(
    rf"(?<![\w-])(?:a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE}|teen|teenager|toddler|\d+-year-old)\s+and\s+"
    rf"(?:a|an|one|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE}|teen|teenager|toddler|\d+-year-old|"
    rf"mother|father|son|daughter|brother|sister|wife|husband|girlfriend|boyfriend|friend|cousin|uncle|aunt)\s+"
    rf"(?:were|have been|had been)\s+(?:(?:both|also|fatally|critically|seriously)\s+)?"
    rf"(?P<verb>shot and killed|shot and wounded|shot dead|shot|wounded|injured|hurt|killed|found dead)\b", re.I)
# "killed his wife and three children", "fatally shot a mother and her son": the victims of one verb
_KIN = (r"wife|husband|girlfriend|boyfriend|partner|mother|father|mom|dad|son|daughter|brother|sister|grandmother|"
        r"grandfather|grandson|granddaughter|stepfather|stepmother|stepson|stepdaughter|cousin|uncle|aunt|niece|nephew|"
        r"neighbou?r|friend|roommate|child|baby|infant|toddler")
_KILL_VERB = r"killed|killing|kills|murdered|murdering|shot and killed|shooting and killing|fatally shot|fatally shooting|shot dead"
_ONE_OF = rf"(?:his|her|their|a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE}|{_KIN})"
_KILLED_KIN = re.compile(
    rf"\b(?:{_KILL_VERB})\s+{_ONE_OF}\s*,?\s+(?:and|as well as)\s+(?:(?:his|her|their)\s+)?"
    rf"(?:(?P<num>{_NUM})\s+(?:[\w’'-]+\s+)?(?:children|sons|daughters|grandchildren|kids|relatives|others|people)"
    rf"|(?:his|her|their|a|an|one)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_ONE}|{_KIN}))\b", re.I)
# "shot and killed his 12- and 10-year-old sons": two ages, two victims
_KILLED_AGES = re.compile(rf"\b(?:{_KILL_VERB})\s+(?:his|her|their)\s+\d+-?\s+and\s+\d+-year-old\s+[a-z]+s\b", re.I)
# "3 men, 1 female passerby injured", "two boys and two girls were shot", "3-year-old and four
# adults shot": the parts of one victim count, added up
_WHO = (rf"{_PEOPLE}|{_ONE}|boys|girls|teens|teenagers|adults|kids|youths|juveniles|passersby|passerby|victims|"
        r"relatives|customers|patrons|partygoers|bystanders?|males?|females?")
_PART = (rf"(?:(?P<nIDX>{_NUM}|a|an|one)\s+(?:[\w’'-]+\s+)?(?:{_WHO})|"
         rf"(?:an?\s+)?\d+-year-old(?:\s+(?:{_ONE}|boy|girl|teen|child|toddler))?)")
_COMPOSITE = re.compile(
    rf"(?<![\w-])(?P<parts>{_PART.replace('IDX', '0')}(?:\s*,\s*{_PART.replace('IDX', '1')})*\s*,?\s+and\s+{_PART.replace('IDX', '2')}"
    rf"|{_PART.replace('IDX', '3')}(?:\s*,\s*{_PART.replace('IDX', '4')})+)"
    rf"\s+(?:(?:were|are|have been|had been|all|also)\s+)*(?P<verb>shot|injured|wounded|hurt|killed)\b", re.I)
_PART_RE = re.compile(_PART.replace('IDX', '0'), re.I)


# two people named as one: "a couple", "twins", "his parents", "brothers" without a count
_PAIR_WORDS = r"couple|twins|parents|brothers|sisters|siblings"
# victims listed by kind, headline style ("Woman, boyfriend killed", "Child, three adults injured", "Man kills woman, her son, himself",
# "Couple, 2 children dead"): one each, a couple two, a number its count; the attacker's "himself" one
_VICTIM = (rf"{_ONE}|{_KIN}|mom|teen|teenager|toddler|grandma|grandpa|granddad")
_ITEM = (rf"(?:(?:(?:a|an|one|his|her|their|the)\s+)?(?:\d+-year-old\s+|young\s+|adopted\s+|teenage\s+|elderly\s+|pregnant\s+)?"
         rf"(?:{_VICTIM}|{_PAIR_WORDS})|(?:{_NUM})\s+(?:[\w’'-]+\s+)?(?:{_WHO}|children|kids|sons|daughters|grandchildren|"
         rf"brothers|sisters|siblings)|"
         rf"himself|herself|self)(?![\w’'-])")
_ITEMS = rf"{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM})*(?:\s*,?\s+(?:and|&)\s+{_ITEM})?"
_LISTED_VICTIMS = re.compile(
    rf"(?<![\w-])(?P<items>{_ITEMS})\s+(?:(?:were|are|have been|had been|all|both)\s+)*"
    rf"(?P<verb>killed|dead|murdered|slain|found dead|shot dead|shot(?:,|\s*&|\s+and)\s*killed|shot to death|shot|wounded|"
    rf"injured|hurt)\b", re.I)
_LISTED_OBJECT = re.compile(
    rf"\b(?:kills|killed|killing|murders|murdered|murdering|fatally shoots|fatally shot|fatally shooting|"
    rf"shoots and kills|shot and killed|shooting and killing)\s+(?P<items>{_ITEMS})\b", re.I)
_ITEM_RE = re.compile(_ITEM, re.I)


def _listed_count(items: str) -> int | None:
    """How many a headline-style victim list holds; None if a part has no count ("children")."""
    total = 0
    for m in _ITEM_RE.finditer(items):
        word = m.group().lower().split()
        num = parse_number(word[0]) if word[0] not in ("a", "an", "one", "his", "her", "their", "the") else None
        total += num if num is not None and not word[0].endswith("-year-old") else 2 if _PAIR_WORD.fullmatch(word[-1]) else 1
    return total


_PAIR_WORD = re.compile(_PAIR_WORDS)


def _several(items: str, dead: bool = True) -> bool:
    """Two items or more, or, told ``dead``, one naming two people ("Elderly couple killed", "Brothers shot
    dead"; "Couple shot 9-year-old" tells who shot)."""
    found = _ITEM_RE.findall(items)
    return len(found) >= 2 or (dead and len(found) == 1 and _PAIR_WORD.fullmatch(found[0].lower().split()[-1]) is not None)


# the verbs the victim lists end on: those patterns are tried only in the stretch before one (a list
# scanned from every capitalised word of a page cost a third of the module's time)
_LIST_VERB = re.compile(r"\b(?:shot|struck|wounded|injured|hurt|killed|dead|murdered|slain)\b", re.I)
_LIST_REACH = 240  # characters before the verb a victim list may start


def _before_verbs(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of ``pattern`` that end at a victim verb, found in the stretch before each one."""
    out: dict[int, re.Match[str]] = {}  # by start, the longest ("shot and killed", not "shot")
    for verb in _LIST_VERB.finditer(text):
        for m in pattern.finditer(text, max(0, verb.start() - _LIST_REACH), verb.end()):
            if m.start() not in out or m.end() > out[m.start()].end():
                out[m.start()] = m
    return [out[k] for k in sorted(out)]


def _composite_count(parts: str) -> int | None:
    """The sum of a victim list's parts ("3 men, 1 female passerby": 4); None if a part is no count."""
    total = 0
    for m in _PART_RE.finditer(parts):
        word = m.group("n0")
        n = 1 if word is None or word.lower() in ("a", "an", "one") else parse_number(word)
        if n is None:
            return None
        total += n
    return total or None


_LIST_KIND = {"shot": "shot", "struck": "shot", "wounded": "injured", "injured": "injured", "hurt": "injured",
              "killed": "killed", "shot and killed": "killed", "shot dead": "killed", "shot and wounded": "injured",
              "found dead": "killed"}


# "a triple homicide" (3 killed), "a quadruple shooting" (4 shot): US crime news counts in the noun
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE = re.compile(r"\b(?P<num>double|triple|quadruple|quintuple)[- ](?P<what>homicides?|murders?|slayings?|killings?|"
                       r"fatal shootings?|shootings?|stabbings?)\b", re.I)


def _named_count(names: str) -> int:
    """How many people a list of names holds: its capitalised runs, ages and "and" aside."""
    return len(re.findall(_LIST_NAME, re.sub(r",?\s+\d{1,3},?|\s+and\s+", ",", names)))


def _kind(word: str) -> str:
    w = word.lower()
    for kind, pattern in _KIND_OF_WORD:
        if pattern.match(w):
            return kind
    return "count"


def _value(num: str, qual: str | None) -> tuple[int, int | None, str] | None:
    n_text = num.lower().strip()
    if n_text in _VAGUE:
        low, high = _VAGUE[n_text]
        q = (qual or "").strip().lower()
        if q in ("more than", "over", "upwards of", "in excess of"):
            return low + 1, None, "at_least"
        if q in ("at least", "no fewer than", "no less than"):
            return low, None, "at_least"
        return low, high, "approximate"
    n = parse_number(num)
    if n is None or (_YEAR.match(n_text) and not qual):
        return None
    q = (qual or "").strip().lower()
    if q in ("more than", "over", "upwards of", "in excess of"):
        return n + 1, None, "at_least"
    if q in ("at least", "no fewer than", "no less than", "a minimum of"):
        return n, None, "at_least"
    if q in ("up to", "as many as", "at most", "no more than"):
        return n, n, "at_most"
    if q:
        return n, n, "approximate"
    return n, n, "exact"


def find_figures(text: str) -> list[Figure]:
    """Figures in ``text``, earlier patterns winning where matches overlap."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def take(m: re.Match[str], kind: str, low: int, high: int | None, qual: str = "exact") -> None:
        """Keep the figure ``m`` tells unless an earlier pattern's match overlaps it, or it is negated
        ("No one else was injured" counts no one)."""
        if re.search(r"\bno\s+$", text[max(0, m.start() - 4):m.start()], re.I):
            return
        if "\n" in m.group() or re.search(r"[a-z]{3}\.\s+[A-Z]", m.group()):
            return  # a number and a verb of two sentences ("on Highway 81 in Piedmont. Williams shot")
        if not any(a < m.end() and m.start() < b for a, b in taken):
            taken.append(m.span())
            out.append(Figure(kind, low, high, qual, m.group(), m.span()))  # type: ignore[arg-type]

    def add(m: re.Match[str], kind: str) -> None:
        start, end = m.span()
        # a number right after a month name or before "%" is a date or a share, not a head count
        if re.search(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s*$", text[max(0, start - 12):start]) or text[end:end + 1] == "%":
            return
        if re.match(r"9-?1-?1\b", text[start:end]) and re.search(r"\b(?:call(?:ed|s|ing)?|dial(?:l?ed|s|ing)?|to)\s*$",
                                                                 text[max(0, start - 10):start], re.I):
            return  # "called 911 to say she shot ...": the emergency number, not a count
        value = _value(m.group("num"), m.group("qual"))
        if value is None or value[0] <= 0:
            return
        take(m, kind, *value)

    for m in _before_verbs(_NAMED_LIST, text):
        if (n := _named_count(m.group("names"))) >= 2:
            take(m, _LIST_KIND[m.group("verb")], n, n)
    for m in _before_verbs(_PAIR, text):
        take(m, _LIST_KIND[" ".join(m.group("verb").lower().split())], 2, 2)
    for m in _before_verbs(_LISTED_VICTIMS, text):
        verb = m.group("verb").lower()
        kind = "shot" if verb == "shot" else "injured" if verb in ("wounded", "injured", "hurt") else "killed"
        if _several(m.group("items"), kind == "killed") and (n := _listed_count(m.group("items"))):
            take(m, kind, n, n)
    for m in _LISTED_OBJECT.finditer(text):
        if _several(m.group("items")) and (n := _listed_count(m.group("items"))):
            take(m, "killed", n, n)
    for m in _before_verbs(_COMPOSITE, text):
        if (n := _composite_count(m.group("parts"))) and n >= 2:
            take(m, _LIST_KIND[m.group("verb").lower()], n, n)
    for m in _KILLED_KIN.finditer(text):
        extra = _value(m.group("num"), None) if m.group("num") else (1, 1, "exact")
        if extra is not None:
            take(m, "killed", 1 + extra[0], 1 + extra[0])
    for m in _KILLED_AGES.finditer(text):
        take(m, "killed", 2, 2)
    for m in _MULTIPLE.finditer(text):
        n = _TIMES[m.group("num").lower()]
        what = m.group("what").lower()
        take(m, "shot" if what.startswith("shooting") else "injured" if what.startswith("stabbing") else "killed", n, n)
    for m in _AND_OTHERS.finditer(text):
        value = _value(m.group("num"), m.group("qual"))
        if value is not None:
            low, high, qual = value
            take(m, _kind(m.group("verb")), low + 1, None if high is None else high + 1, qual)
    for m in _FATALLY.finditer(text):
        add(m, "killed")
    for m in _TOLL.finditer(text):
        add(m, "killed")
    for m in _LIVES.finditer(text):
        if m.group("verb") or re.match(r"\s+lives", text[m.end():]):
            add(m, "killed")
    for m in _SUBJECT.finditer(text):
        verb = m.group("verb").lower()
        add(m, "killed" if verb.startswith(("fatally", "gunned")) else _kind(verb.split()[-1] if verb != "lost their lives" else "lives"))
    for m in _OBJECT.finditer(text):
        verb = m.group("verb").lower()
        if verb == "left":  # "left 15 dead / wounded"
            tail = text[m.end():m.end() + 12].lower().split()
            if not tail or tail[0] not in ("dead", "wounded", "injured"):
                continue
            kind = "killed" if tail[0] == "dead" else "injured"
        else:  # "fatally shot seven people": seven dead
            kind = "killed" if verb.startswith("fatally") else _kind(verb)
        add(m, kind)
    for m in _KILLING_OF.finditer(text):
        add(m, "killed")
    for pattern in (_ONE_SUBJECT, _ONE_OBJECT, _NAMED_SUBJECT, _NAMED_OBJECT):
        for m in pattern.finditer(text):
            take(m, "killed", 1, 1)
    for m in _ANOTHER.finditer(text):
        take(m, "injured", 1, 1)
    for pattern, kind in ((_ONE_SHOT, "shot"), (_ONE_HURT, "injured"), (_NAMED_SHOT, "shot")):
        for m in pattern.finditer(text):
            take(m, kind, 1, 1)
    for m in _NOUNS.finditer(text):
        word = m.group("verb").lower()
        add(m, "count" if word == "casualties" else _kind(word))
    for m in _COUNT.finditer(text):
        add(m, "count")
    return sorted(out, key=lambda f: f.span)
