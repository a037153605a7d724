"""HTML-only chrome rules: multilingual furniture that trafilatura keeps, and story lines they leave alone."""

import pytest

from newsfuse.clean.html_rules import comment_header, first_html_rule
from newsfuse.clean.lines import make_line


def reason(text: str) -> str | None:
    return first_html_rule(make_line(0, text))


CHROME = {
    "related": [  # links to other stories
        "Lesen Sie auch: Hochwasser in Passau - die Pegel steigen weiter",
        "VEA TAMBIÉN: Lluvias dejan daños en la zona 18 de Ciudad de Guatemala",
        "Lea: Alcaldía de Managua cierra el mercado Oriental por dos días",
        "Mehr zum Thema",
        "|   Weitere Artikel zum Thema |",
        "Lire aussi : Les quais de Lyon rouverts aux piétons",
        "Weitere Informationen zum Hochwasser in Sachsen:",
    ],
    "source-line": ["Quelle: Stadtverwaltung Leipzig", "Foto: Hafen Hamburg Marketing",
                    "Crédits photos : Mairie de Bordeaux"],
    "dateline": ["Aktualisiert am 03.02.2021, 14:30", "27.01.2022", "Letzte Änderung: 12.5.2020"],
    "appeal": [  # newsletters, log-in prompts, ad labels
        "Mit unserem Newsletter erhalten Sie jeden Freitag die wichtigsten Nachrichten aus Dresden.",
        "Sie sind aktuell nicht eingeloggt.",
        "¡Únete a nuestro canal de Telegram!",
        "*Werbung. Dieser Beitrag enthält Werbung für eine Bäckerei in Köln.",
    ],
}


@pytest.mark.parametrize(("expected", "text"), [(r, t) for r, texts in CHROME.items() for t in texts])
def test_multilingual_chrome_gets_its_rules_name(expected, text):
    assert reason(text) == expected


@pytest.mark.parametrize("text", [
    # story sentences that share words with the rules
    "Weitere Überschwemmungen erwartet der Wetterdienst am Wochenende für die Region um Passau.",
    "Die Stadt Leipzig will ihre Quellen der Trinkwasserversorgung bis 2030 erneuern.",
    "Der Newsletter des Rathauses in Bremen wurde im Mai eingestellt, sagte ein Sprecher am Montag der Presse.",
    "Mira Nair drehte ihren neuen Film in Mumbai.",
    "Stand der Ermittlungen ist, dass das Feuer im Keller eines Hauses in Essen ausbrach.",
])
def test_story_sentences_pass(text):
    assert reason(text) is None


def test_comment_section_headers_in_other_languages():
    assert comment_header(make_line(3, "Keine Kommentare"))
    assert comment_header(make_line(3, "3 Kommentare"))
    assert comment_header(make_line(3, "Deja un comentario"))
    assert not comment_header(make_line(3, "Kommentare von Lesern aus Bonn haben den Stadtrat beschäftigt."))
