"""Fixtures of the copies tests; the invented paragraphs live in copies_texts.py.

(Test modules import them from there: ``from conftest import`` would pick up whichever conftest
was imported first when several test folders run together.)
"""

import pytest

from copies_texts import INDEPENDENT_PARAS, OWN_PARAS, UNRELATED_PARAS, WIRE_PARAS, make_doc
from newsfuse.records import Credit, Document, PublishedDate

@pytest.fixture
def wire_story() -> Document:
    return make_doc(
        "a1",
        ["TAL AFAR, Iraq (Reuters) - " + WIRE_PARAS[0], *WIRE_PARAS[1:]],
        outlet="Reuters",
        published=PublishedDate("2021-03-02", "day", "text:byline"),
        credits=(Credit("Reuters", "wire", "(Reuters) -", "carried"),),
    )


@pytest.fixture
def republished(wire_story: Document) -> Document:
    """The same story later, in another site's chrome, with curly quotes and a new headline."""
    chrome_top = ["Home | World | Middle East | Subscribe", "Checkpoint attack kills four in northern Iraq"]
    chrome_end = ["Share this article on Facebook Twitter Email", "Copyright 2021 Nineveh Daily. All rights reserved."]
    body = [p.replace("'", "\u2019") for p in WIRE_PARAS]
    return make_doc(
        "b2",
        [*chrome_top, "(Reuters) " + body[0], *body[1:], *chrome_end],
        outlet="Nineveh Daily",
        published=PublishedDate("2021-03-03", "day", "text:byline"),
        credits=(Credit("Reuters", "wire", "(Reuters)", "credited"),),
    )


@pytest.fixture
def quoting(wire_story: Document) -> Document:
    """Another outlet's own report that quotes one wire paragraph, with a typo and edits."""
    quoted = (
        "Gunmen stormed a police check-point on the southern edge of Tal Afar before dawn on Tuesday, "
        "killing four officers and wounding six others in a firefight that lasted nearly two hours, "
        "local oficials told the agency."
    )
    return make_doc(
        "c3",
        [OWN_PARAS[0], "According to Reuters: " + quoted, OWN_PARAS[1], OWN_PARAS[2]],
        outlet="Mosul Observer",
        credits=(Credit("Reuters", "wire", "According to Reuters:", "credited"),),
    )


@pytest.fixture
def independent() -> Document:
    """The same event in its own words: same place, same figures, different text."""
    return make_doc("d4", INDEPENDENT_PARAS, outlet="Kurdistan Wire")


@pytest.fixture
def unrelated() -> Document:
    return make_doc("e5", UNRELATED_PARAS, outlet="Beirut Ledger")
