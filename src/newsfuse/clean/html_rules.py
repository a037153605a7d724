"""Chrome that trafilatura keeps inside its main block, in the languages of the web, not only English.

rules.py (shared with the page-text path) reads English chrome; trafilatura's output of German,
Spanish, French, Italian, Portuguese and Dutch pages keeps the same furniture in those languages:
'Lesen Sie auch: ...', 'Lea también: ...', 'Quelle: dpa', 'Aktualisiert am 03.02.2021', 'Keine
Kommentare', newsletter and log-in appeals. Each rule is a small named function over one ``Line``
(its name becomes ``Removed.reason``) and reads only the phrase that opens or makes up the line,
never the story. They run only on HTML extractions: the page-text path has its own block finder.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfuse.clean.lines import Line

HtmlRule = Callable[[Line], bool]
HTML_RULES: list[tuple[str, HtmlRule]] = []


def html_rule(name: str) -> Callable[[HtmlRule], HtmlRule]:
    def register(fn: HtmlRule) -> HtmlRule:
        HTML_RULES.append((name, fn))
        return fn

    return register


def first_html_rule(line: Line) -> str | None:
    """The name of the first HTML chrome rule that fires on this line, or None."""
    if line.words > 40:  # every rule below is about short lines: a long paragraph skips them all
        return None
    for name, fn in HTML_RULES:
        if fn(line):
            return name
    return None


def _alternation(*phrases: str) -> str:
    return "(?:%s)" % "|".join(phrases)


# ------------------------------------------------------------------ links to other stories

# leads that introduce a link to another story; the lead alone on a line heads a list of such links
_RELATED = _alternation(
    # German
    r"lesen sie (?:auch|mehr|hier|dazu)", r"(?:das )?könnte sie (?:auch )?interessieren", r"auch interessant",
    r"mehr (?:zum thema|dazu|themen|zu diesem thema|artikel|aus (?:der|dem) (?:rubrik|ressort))",
    r"weitere (?:artikel|beiträge|themen|nachrichten|meldungen|news)(?: zum thema)?", r"zum weiterlesen",
    r"passend (?:dazu|zum thema)", r"(?:ähnliche|verwandte) (?:artikel|beiträge|themen)", r"top-themen",
    r"meist(?:-| )?(?:gelesen|diskutiert|kommentiert)(?:e artikel)?", r"kommentierte artikel",
    r"(?:vorschau auf den )?nächsten? (?:artikel|beitrag)", r"vorherige[rs]? (?:artikel|beitrag)",
    # Spanish
    r"le(?:a|e) (?:también|más|además)", r"lea", r"(?:le|te) puede(?: también)? interesar", r"puede interesarte",
    r"v(?:ea|er) (?:también|más)", r"mira", r"noticias relacionadas", r"(?:te )?recomendamos", r"lo más (?:leído|visto)",
    r"(?:más|otras) noticias",
    # French
    r"(?:à )?lire (?:aussi|également|la suite)", r"voir aussi", r"sur le même sujet", r"articles? (?:similaires|liés)",
    r"les plus lus",
    # Italian, Portuguese, Dutch
    r"leggi anche", r"(?:ti )?potrebbe (?:anche )?interessarti", r"articoli correlati", r"leia (?:também|mais)",
    r"veja também", r"saiba mais", r"lees (?:ook|meer)",
    # English forms rules.py does not cover
    r"further reading", r"(?:you )?may also be interested in", r"(?:next|previous) (?:article|story|post)",
)
# the lead then a separator ('Lea: ...'), or a longer list head ending in a colon ('Lesen Sie auch die folgenden Beiträge:')
_RELATED_LEAD = re.compile(r"^[\W_]{0,6}" + _RELATED + r"(?:\s*(?:[:|»>.-]|$)|(?P<head>\b.*:\s*$))")
# 'Weitere Informationen zum Coronavirus in Thüringen:' / 'Weitere Tourentipps in Schweden': the German
# head of a list of links ('more tips / articles / news ...'), never a sentence of the story
_MORE_HEAD = re.compile(
    r"^[\W_]{0,6}(?:weitere|mehr) (?:\w+ )?\w*(?:infos?|informationen|themen|artikel|beiträge|tipps|news|"
    r"nachrichten|meldungen)\b"
)


@html_rule("related")
def related_lead(line: Line) -> bool:
    """'Lesen Sie auch: ...' / 'VEA TAMBIÉN: ...' / 'Mehr zum Thema': a link to another story, or a list's head."""
    if line.words > 25:
        return False
    m = _RELATED_LEAD.match(line.lower)
    if m is not None:
        return m.group("head") is None or line.words <= 10
    return line.words <= 8 and not line.text.endswith(".") and _MORE_HEAD.match(line.lower) is not None


# ------------------------------------------------------------------ sources, credits, dates

_SOURCE = re.compile(
    r"^[(\[]?\s*" + _alternation(
        r"quellen?(?:angaben?)?", r"bildquellen?", r"(?:bild|foto|fotos|titelbild|beitragsbild)(?:nachweis)?",
        r"fuentes?", r"fotos?", r"crédits? photos?", r"crédits?", r"sources?", r"fonte", r"image illustrative",
        r"originalpublikation", r"credit",
    ) + r"\s*(?::|$)"
)


@html_rule("source-line")
def source_line(line: Line) -> bool:
    """'Quelle: dpa' / 'Foto: Stadt Leipzig' / 'Crédits photos : ...': credits read for no story."""
    return line.words <= 15 and _SOURCE.match(line.lower) is not None


_DATE_TOKEN = r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*uhr)?)"
_STAMP = re.compile(
    r"^" + _alternation(
        r"(?:zuletzt )?aktualisiert(?: am)?", r"letzte änderung", r"stand", r"veröffentlicht(?: am)?",
        r"erstellt(?: am)?", r"datum", r"publié le", r"mis à jour(?: le)?", r"actualizado(?: el)?", r"publicado(?: el)?",
        r"last modified", r"release date", r"last updated", r"",
    ) + r"\s*:?\s*(?:" + _DATE_TOKEN + r"[\s,|-]*)*$"
)


@html_rule("dateline")
def date_stamp(line: Line) -> bool:
    """'Aktualisiert am 03.02.2021, 14:30' / '27.01.2022' / 'Letzte Änderung': a page stamp, read as metadata."""
    return line.words <= 8 and _STAMP.match(line.lower) is not None


# ------------------------------------------------------------------ appeals and notices

_APPEAL = re.compile(
    _alternation(
        r"\bnewsletter\b", r"\babonnieren\b", r"\beingeloggt\b", r"\bregistrier(?:en|ung)\b", r"\banmelden\b",
        r"\bsuscr[ií]b", r"\bhazte (?:miembro|socio)\b", r"\búnete\b", r"\bs[ií]guenos\b", r"\bnuestro canal\b",
        r"\babonnez-vous\b", r"\binscrivez-vous\b", r"\biscriviti\b", r"\binscreva-se\b",
        r"\bdownload (?:the|our) .{0,30}apps?\b", r"\bdo you want to be informed\b",
    )
)
# the reader addressed in the languages above: an appeal speaks to the reader or in the site's voice
_READER = re.compile(r"\b(?:sie|ihr|ihre|du|dein|deine|unser|unsere|unserem|wir|tu|tus|nuestro|nuestra|vous|votre|"
                     r"nous|notre|you|your|our|we)\b")


@html_rule("appeal")
def appeal(line: Line) -> bool:
    """'Mit unserem Newsletter erhalten Sie ...' / 'Sie sind nicht eingeloggt' / '¡Únete a nuestro canal!'."""
    if line.words > 30 or _APPEAL.search(line.lower) is None:
        return False
    return line.words <= 6 or _READER.search(line.lower) is not None


_AD_LABEL = re.compile(r"^[*(\[]?\s*(?:werbung|anzeige|publicidad|publicité|pubblicità|advertorial)\b")


@html_rule("appeal")
def ad_label(line: Line) -> bool:
    """'*Werbung. Dieser Beitrag enthält Werbung für ...' / 'Anzeige': a sponsor's label."""
    return line.words <= 25 and _AD_LABEL.match(line.lower) is not None


# ------------------------------------------------------------------ comments

_COMMENTS = re.compile(
    r"^" + _alternation(
        r"(?:keine |\d+ )?kommentare?", r"(?:schreibe|schreiben sie|verfasse) (?:einen|ihren|deinen) kommentar",
        r"kommentar (?:schreiben|verfassen|abgeben)", r"(?:\d+ )?coment[aá]rios?", r"deja (?:un|tu) comentario",
        r"(?:\d+ )?commentaires?", r"laisser un commentaire", r"(?:\d+ )?commenti", r"lascia un commento",
        r"view comments", r"no comments",
    ) + r"\s*(?:\(\d+\))?\s*:?$"
)


def comment_header(line: Line) -> bool:
    """'Keine Kommentare' / '3 Kommentare' / 'Deja un comentario': the readers' section starts here."""
    return line.words <= 6 and _COMMENTS.match(line.lower) is not None
