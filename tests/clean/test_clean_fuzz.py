"""Fuzz: thousands of generated hostile pages through clean; each gives a Document or a named Rejected.

Pages mix prose with markup, scripts, script URLs, control characters, Rich markup and
bidirectional overrides, as text and as HTML. Derandomised so CI is repeatable.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean import CleanSettings, clean_documents
from newsfuse.ingest.ids import content_id, normalise
from newsfuse.records import Document, RawDocument, Rejected

EXAMPLES = int(os.environ.get("NEWSFUSE_FUZZ_EXAMPLES", "120")) // 3
PAGES_PER_EXAMPLE = 50  # 2,000 pages by default

PROSE = [
    "Gunmen attacked a checkpoint near Gao on Friday, killing four soldiers, the army said on Saturday.",
    "Floods cut the road between Mopti and Sevare on Monday, leaving hundreds of trucks stranded, officials said.",
    "Protesters marched through Nairobi on Tuesday against the new levy, and police fired tear gas at them.",
]
HOSTILE = [
    "<script>alert(1)</script>", '<a href="javascript:alert(1)">read more</a>', "<iframe src=x>", "<p>", "</p>",
    "<div>", "<!-- x", "<title>[/red]</title>", '<meta name="author" content="[bold]x\x1b[2J">', "&#xD800;", "&#0;",
    "[/b]", "[bold red]", "\x1b[31m", "\u202e", "\r", "\n", "\n\n", "\x0b", "\x0c", "\x85", "\u2028", "=cmd|'/C calc'!A0",
    "Share: Facebook | X", "By [/red] Reporter", "(Reuters) -", "Posted 31 February 2023", "99999999999 killed",
]
page_text = st.lists(st.sampled_from(PROSE + HOSTILE) | st.text(max_size=30), min_size=1, max_size=30).map("".join)


@st.composite
def raw_page(draw) -> RawDocument:
    kind = draw(st.sampled_from(["text", "html"]))
    text = normalise(draw(page_text))
    if kind == "html" and draw(st.booleans()):
        text = f"<html><head><title>{draw(page_text)}</title></head><body><article>{text}</article></body></html>"
    url = draw(st.sampled_from([None, "javascript:alert(1)", "https://news.example/[/b]", "data:,x"]))
    return RawDocument(id=content_id(text), source=f"page[/b]\x1b.{kind}", content=text, kind=kind, url=url)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pages=st.lists(raw_page(), min_size=PAGES_PER_EXAMPLE, max_size=PAGES_PER_EXAMPLE))
def test_no_generated_hostile_page_crashes_clean_or_comes_out_unencodable(pages):
    out = list(clean_documents(pages, CleanSettings(workers=1, timeout_seconds=10)))
    assert len(out) == len(pages)
    for page, item in zip(pages, out, strict=True):
        assert isinstance(item, Document | Rejected) and item.source == page.source
        texts = (item.text, item.title, item.byline, item.outlet) if isinstance(item, Document) else (item.reason,)
        for text in texts:
            if text:
                text.encode("utf-8")  # the store and the terminal refuse lone surrogates
        if isinstance(item, Rejected):
            assert item.stage == "clean" and item.reason
