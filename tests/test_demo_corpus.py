"""What newsfuse must find in the demo corpus (examples/), read as an analyst would.

The corpus is our own invented writing about real places (see examples/README.md):

- story A: JNIM fighters seize Douentza, central Mali, on Friday 7 March 2025.
  a1 (The Sahel Ledger, .html) carries the Reuters wire story; a2 (.txt)
  republishes a1 word for word and says so; a3 (a blog) quotes two of its
  paragraphs "From Reuters:"; a4 (AFP, spelled "Douenza") says 12 soldiers were
  killed where Reuters and a5 (a local outlet) say 15.
- story B: a peaceful traders' march in Nairobi dispersed with tear gas on
  Tuesday 18 March 2025 (two reports in one .jsonl, one .html, one .txt).
- story C: a football derby in Nairobi (no event at all).
- story D: a drone strike on a car outside Deir ez-Zor / Deir al-Zor, Syria.

The whole pipeline runs once (module fixture) into a temporary DuckDB file, and
every test reads the store the way a user would.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.pipeline import run
from newsfuse.records import Annotation, CopyGraph, CopyRelation, Document, Event, Mention, Place, Story
from newsfuse.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FEED = "b1_b2_nairobi_levy_protest_feed.jsonl"

# key -> file name, or (jsonl file, url of the record) for reports inside the feed
FILES: dict[str, str | tuple[str, str]] = {
    "a1": "a1_sahel_ledger_douentza_reuters.html",
    "a2": "a2_west_africa_today_douentza_republished.txt",
    "a3": "a3_sahel_security_watch_douentza_analysis.html",
    "a4": "a4_bamako_courier_douenza_afp.txt",
    "a5": "a5_central_mali_observer_douentza.html",
    "b1": (FEED, "https://www.capital-beat.example/news/2025/03/18/police-tear-gas-traders-market-levy"),
    "b2": (FEED, "https://lakeside-herald.example/2025/03/18/traders-march-city-hall-tear-gas-arrests"),
    "b3": "b3_kenya_monitor_nairobi_teargas_ap.html",
    "b4": "b4_nairobi_pulse_traders_vow.txt",
    "c1": "c1_kenya_monitor_mashemeji_derby.html",
    "c2": "c2_capital_beat_derby_report.txt",
    "d1": "d1_levant_daily_deir_ez_zor_strike.txt",
    "d2": "d2_euphrates_post_deir_al_zor_strike.html",
}
STORY = {key: key[0] for key in FILES}  # "a1" -> "a"
A = ["a1", "a2", "a3", "a4", "a5"]
B = ["b1", "b2", "b3", "b4"]
C = ["c1", "c2"]
D = ["d1", "d2"]

# GeoNames cities500 coordinates of the real places
DOUENTZA = (15.00605, -2.9517)  # geonameid 2458334, alternate name "Douenza"
NAIROBI = (-1.28333, 36.81667)
DEIR_EZ_ZOR = (35.33588, 40.14084)  # alternate name "Deir al-Zor"
NEAR_KM = 25.0  # a town-level geocode: within the town's own area, not the region's centre

# what each page says its own publication day is (page meta, date line or JSONL field)
PUBLISHED = {
    "a1": "2025-03-08", "a2": "2025-03-08", "a3": "2025-03-09", "a4": "2025-03-09", "a5": "2025-03-08",
    "b1": "2025-03-18", "b2": "2025-03-18", "b3": "2025-03-18", "b4": "2025-03-19",
    "c1": "2025-03-16", "c2": "2025-03-17", "d1": "2025-03-12", "d2": "2025-03-13",
}

# the opening words of each article body: cleaning must keep the story itself
LEADS = {
    "a1": "Fighters from an al Qaeda-linked group seized the town of Douentza",
    "a2": "Fighters from an al Qaeda-linked group seized the town of Douentza",
    "a3": "For more than a year the pattern in central Mali has been the same",
    "a4": "Jihadists killed 12 Malian soldiers when they overran an army post",
    "a5": "took control of Douentza on 7 March after a day of fighting",
    "b1": "Police fired tear gas on Tuesday to break up a march by hundreds of market traders",
    "b2": "A protest by market traders against a new county levy ended in tear gas",
    "b3": "Kenyan police fired tear gas Tuesday at hundreds of traders",
    "b4": "Market traders in Nairobi said on Wednesday they would march again next week",
    "c1": "Gor Mahia beat AFC Leopards 2-1 in the Mashemeji derby",
    "c2": "Collins Ouma came off the bench to settle the Mashemeji derby",
    "d1": "An air strike hit a car on the southern outskirts of Deir ez-Zor on Wednesday",
    "d2": "Four men were killed on Wednesday when a drone struck the car",
}

# page chrome of each report (navigation, share bars, newsletter boxes, related links,
# reader comments, copyright lines) that must not survive into the clean text
CHROME = {
    "a1": ["Share on WhatsApp", "Sign up for our free newsletter", "Fuel blockade tightens around Mopti",
           "nobody can reach him since yesterday", "All rights reserved"],
    "a2": ["Home | News | Sahel", "Share: Facebook", "Cocoa farmers in the west", "Never miss a story",
           "Stay safe everyone", "Terms of use"],
    "a3": ["Join the discussion", "Excellent analysis as always", "please consider a monthly donation",
           "Convoys and ambushes", "Powered by a static site generator"],
    "a4": ["E-paper", "more than 30 died", "Courage to our soldiers", "what the new mining code means",
           "Reproduction prohibited"],
    "a5": ["Mopti Telecom", "Listen to our Fulfulde and Bambara news bulletins", "Rice harvest in the inner delta",
           "independent local news since 2009"],
    "b1": ["Share this story", "Matatu fares up again", "Capital Beat (c) 2025"],
    "b3": ["We use cookies", "Shilling holds steady", "Sign up for Monitor Morning",
           "Reuse of this report requires a separate agreement"],
    "b4": ["Share on WhatsApp", "Gikomba traders count losses after night fire", "download our app",
           "Comments are closed"],
    "c1": ["Harambee Stars squad named", "Sign up for Monitor Sports Weekly", "Kenya Monitor Media Ltd"],
    "c2": ["Safari Rally: entries open", "Capital Beat Media"],
    "d1": ["Sign up to The Levant Briefing", "power cuts return as fuel ship", "All rights reserved"],
    "d2": ["Support our work", "Bread prices rise in Raqqa bakeries", "All rights reserved"],
}

# the two Reuters paragraphs the blog (a3) quotes
QUOTED = [
    "Fighters from an al Qaeda-linked group seized the town of Douentza in central Mali on Friday",
    "Douentza sits on the main road linking Mopti to Gao, some 800 km northeast of Bamako",
]
BLOG_OWN = "The second paragraph is the one that matters for the months ahead."

TAKEOVER = ("Battles", "Non-state actor overtakes territory")
AIR_STRIKE = ("Explosions/Remote violence", "Air/drone strike")


@dataclass(frozen=True)
class Demo:
    docs: dict[str, Document]  # key ("a1") -> document
    graph: CopyGraph
    stories: list[Story]
    events: list[Event]
    mentions: dict[str, Mention]
    annotations: dict[str, Annotation]  # document id -> what the NLP stage read
    rejected_sources: list[str]

    def id(self, key: str) -> str:
        return self.docs[key].id

    def ids(self, keys: list[str]) -> set[str]:
        return {self.docs[k].id for k in keys}

    def key(self, doc_id: str) -> str | None:
        return next((k for k, d in self.docs.items() if d.id == doc_id), None)

    def relation(self, x: str, y: str) -> CopyRelation | None:
        pair = {self.id(x), self.id(y)}
        return next((r for r in self.graph.relations if {r.a, r.b} == pair), None)

    def story_of(self, key: str) -> Story:
        found = [s for s in self.stories if self.id(key) in s.documents]
        assert len(found) == 1, f"{FILES[key]} is in {len(found)} stories"
        return found[0]

    def events_of(self, keys: list[str]) -> list[Event]:
        wanted = self.ids(keys)
        return [e for e in self.events if wanted & set(e.documents)]

    def main_event(self, keys: list[str]) -> Event:
        """The event of the story most of its documents report (ties: most mentions)."""
        events = self.events_of(keys)
        assert events, f"no event reported by any of {[FILES[k] for k in keys]}"
        wanted = self.ids(keys)
        return max(events, key=lambda e: (len(wanted & set(e.documents)), len(e.mentions)))

    def geocoded(self, key: str, spelling: str) -> list[Place]:
        """Where the NLP stage put each occurrence of ``spelling`` in ``key``'s text."""
        ann = self.annotations.get(self.id(key))
        assert ann is not None, f"{FILES[key]} was not annotated"
        found = [pm.place for pm in ann.places if pm.text == spelling]
        assert found, f"{spelling!r} in {FILES[key]} was not recognised as a place"
        return found

    def mentions_of(self, key: str) -> list[Mention]:
        return [m for m in self.mentions.values() if m.document == self.id(key)]

    def dates_said(self, key: str, words: str) -> set[str | None]:
        """The dates of the event mentions in the sentence of ``key`` that says ``words``."""
        found = [m for m in self.mentions_of(key) if words in m.sentence]
        assert found, f"no event mention in the sentence saying {words!r} in {FILES[key]}"
        return {m.date.date if m.date else None for m in found}


def _key_of(doc: Document) -> str | None:
    path, _, line = doc.source.partition("#")
    name = Path(path).name
    for key, where in FILES.items():
        if isinstance(where, str) and name == where and not line:
            return key
        if isinstance(where, tuple) and name == where[0] and doc.url == where[1]:
            return key
    return None


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run([str(EXAMPLES)], db, Settings(workers=1))
    with Store(db, read_only=True) as store:
        documents = store.documents()
        docs: dict[str, Document] = {}
        for doc in documents:
            key = _key_of(doc)
            assert key is not None, f"a document nobody wrote: {doc.source} ({doc.url})"
            assert key not in docs, f"{doc.source} was stored twice"
            docs[key] = doc
        return Demo(
            docs=docs,
            graph=store.copy_graph(),
            stories=store.stories(),
            events=store.events(),
            mentions={m.id: m for m in store.mentions()},
            annotations=store.annotations(),
            rejected_sources=[r.source for r in store.rejections()],
        )


def km(lat_lon: tuple[float, float], place) -> float:
    """Great-circle distance (haversine; a one-liner is clearer than a geodesy dependency)."""
    (la1, lo1), la2, lo2 = lat_lon, place.lat, place.lon
    p1, p2, dp, dl = map(math.radians, (la1, la2, la2 - la1, lo2 - lo1))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _passages_in(rel: CopyRelation, doc_id: str) -> list[tuple[int, int]]:
    if rel.a == doc_id:
        return [(p.a_start, p.a_end) for p in rel.passages]
    return [(p.b_start, p.b_end) for p in rel.passages]


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """Share of [start, end) covered by the union of spans."""
    hit = set()
    for s, e in spans:
        hit.update(range(max(s, start), min(e, end)))
    return len(hit) / max(1, end - start)


def _fatality_values(event: Event) -> dict[object, set[str]]:
    found = [c for c in event.contradictions if c.field == "fatalities"]
    assert len(found) == 1, f"fatalities contradictions: {found}"
    return {v.value: set(v.documents) for v in found[0].values}  # exact figures are plain ints


# ---------------------------------------------------------------- ingest and clean


def test_every_report_in_examples_becomes_exactly_one_document(demo: Demo):
    assert sorted(demo.docs) == sorted(FILES)
    ours = [s for s in demo.rejected_sources if any(
        (w if isinstance(w, str) else w[0]) in s for w in FILES.values())]
    assert ours == []


def test_the_article_body_of_every_report_survives_cleaning(demo: Demo):
    missing = [k for k, lead in LEADS.items() if lead not in demo.docs[k].text]
    assert missing == []


def test_page_chrome_and_reader_comments_are_removed(demo: Demo):
    left = {k: [c for c in chrome if c in demo.docs[k].text] for k, chrome in CHROME.items()}
    assert {k: v for k, v in left.items() if v} == {}


def test_each_report_carries_the_publication_day_its_page_states(demo: Demo):
    got = {k: (d.published.date[:10] if d.published else None) for k, d in demo.docs.items()}
    assert got == PUBLISHED


def test_outlets_are_read_from_the_page_or_the_feed(demo: Demo):
    assert demo.docs["a1"].outlet == "The Sahel Ledger"
    assert demo.docs["b1"].outlet == "Capital Beat"
    assert demo.docs["b2"].outlet == "Lakeside Herald"
    assert demo.docs["d2"].outlet == "The Euphrates Post"


def test_page_text_reports_name_their_outlet_from_masthead_or_copyright_line(demo: Demo):
    got = {k: demo.docs[k].outlet for k in ("a2", "a4", "d1")}
    assert got == {"a2": "West Africa Today", "a4": "The Bamako Courier", "d1": "Levant Daily"}


def test_wire_credits_are_read_from_datelines_and_attributions(demo: Demo):
    def credited(key: str) -> set[str]:
        return {c.name for c in demo.docs[key].credits} | {c.name for c in demo.graph.origins.get(demo.id(key), ())}

    assert "Reuters" in credited("a1")
    assert "Reuters" in credited("a2")
    assert "Reuters" in credited("a3")  # "From Reuters:" before the quoted paragraphs
    assert "AFP" in credited("a4")
    assert "Associated Press" in credited("b3")
    assert "Reuters" not in credited("a4") | credited("a5")


# ---------------------------------------------------------------- copies


def test_the_republished_wire_copy_is_a_near_duplicate_of_the_ledger_page(demo: Demo):
    rel = demo.relation("a1", "a2")
    assert rel is not None and rel.kind == "near_duplicate"
    # a2 says it "first appeared in The Sahel Ledger" and came out hours later: a1 is the original
    assert rel.original == demo.id("a1")
    assert demo.graph.near_duplicate_of(demo.id("a2")) == demo.id("a1")
    assert demo.graph.near_duplicate_of(demo.id("a1")) is None


def test_the_blog_shares_exactly_the_two_quoted_wire_paragraphs(demo: Demo):
    blog = demo.docs["a3"]
    for wire in ("a1", "a2"):
        rel = demo.relation("a3", wire)
        assert rel is not None and rel.kind == "shared_passages", f"a3 / {wire}: {rel}"
        spans = _passages_in(rel, blog.id)
        for quote in QUOTED:
            start = blog.text.index(quote)
            assert _covered(spans, start, start + len(quote)) >= 0.9, quote
        own = blog.text.index(BLOG_OWN)
        assert _covered(spans, own, own + len(BLOG_OWN)) == 0.0


def test_only_the_wire_copies_and_the_quoting_blog_share_text(demo: Demo):
    pairs = {frozenset((demo.key(r.a), demo.key(r.b))) for r in demo.graph.relations}
    assert pairs == {frozenset(("a1", "a2")), frozenset(("a1", "a3")), frozenset(("a2", "a3"))}


def test_the_wire_copies_and_the_quoting_blog_form_one_origin_group(demo: Demo):
    group = {k: demo.graph.origin_group.get(demo.id(k), demo.id(k)) for k in A}
    assert group["a1"] == group["a2"] == group["a3"]
    assert len({group["a1"], group["a4"], group["a5"]}) == 3


# ---------------------------------------------------------------- stories


def test_every_document_is_in_exactly_one_story(demo: Demo):
    for key in FILES:
        demo.story_of(key)


def test_the_five_douentza_reports_form_one_story(demo: Demo):
    assert len({demo.story_of(k).id for k in A}) == 1


def test_the_four_nairobi_protest_reports_form_one_story(demo: Demo):
    assert len({demo.story_of(k).id for k in B}) == 1


def test_the_football_reports_form_a_story_of_their_own(demo: Demo):
    # same city, same week and same outlets as the protest, but a different story
    story = demo.story_of("c1")
    assert set(story.documents) == demo.ids(C)


def test_the_two_deir_ez_zor_reports_form_a_story_of_their_own(demo: Demo):
    assert set(demo.story_of("d1").documents) == demo.ids(D)


def test_no_story_mixes_documents_of_different_invented_stories(demo: Demo):
    for story in demo.stories:
        letters = {STORY[demo.key(d)] for d in story.documents}
        assert len(letters) == 1, f"{story.title!r} mixes {sorted(letters)}"


# ---------------------------------------------------------------- story A: the seizure of Douentza


def test_the_seizure_of_douentza_is_a_battle_where_a_non_state_actor_overtakes_territory(demo: Demo):
    event = demo.main_event(A)
    assert (event.type, event.sub_type) == TAKEOVER


def test_the_seizure_is_supported_by_all_five_douentza_reports(demo: Demo):
    assert demo.ids(A) <= set(demo.main_event(A).documents)


def test_the_seizure_is_placed_in_douentza_not_at_a_dateline_or_the_region(demo: Demo):
    place = demo.main_event(A).place
    assert place is not None and place.country == "ML"
    assert km(DOUENTZA, place) <= NEAR_KM, place


def test_douenza_and_douentza_are_geocoded_to_the_same_town(demo: Demo):
    places = {}
    for key, spelling in (("a1", "Douentza"), ("a4", "Douenza")):
        placed = demo.geocoded(key, spelling)
        for place in placed:
            assert km(DOUENTZA, place) <= NEAR_KM, (spelling, place)
        places[spelling] = {p.geonameid for p in placed}
    assert places["Douentza"] == places["Douenza"]


def test_on_friday_in_saturday_wire_copy_resolves_to_friday_7_march(demo: Demo):
    for key in ("a1", "a2"):  # both dated Saturday 8 March 2025
        assert demo.dates_said(key, "in central Mali on Friday") == {"2025-03-07"}, key


def test_late_on_friday_in_the_sunday_afp_report_resolves_to_the_same_friday(demo: Demo):
    assert demo.dates_said("a4", "late on Friday") == {"2025-03-07"}


def test_the_seizure_is_dated_friday_7_march_2025_to_the_day(demo: Demo):
    date = demo.main_event(A).date
    assert date is not None and (date.date, date.precision) == ("2025-03-07", "day")


def test_the_death_toll_contradiction_is_12_against_15_with_who_says_which(demo: Demo):
    values = _fatality_values(demo.main_event(A))
    # the "more than 30" of a reader comment is chrome, not a report
    assert set(values) == {12, 15}
    assert values[12] == {demo.id("a4")}
    assert {demo.id("a1"), demo.id("a5")} <= values[15]
    assert demo.id("a4") not in values[15]


def test_the_reconciled_toll_spans_the_reported_12_to_15(demo: Demo):
    fat = demo.main_event(A).fatalities
    assert (fat.low, fat.high) == (12, 15)
    assert fat.best is not None and 12 <= fat.best <= 15


def test_independent_sources_count_the_wire_copies_once(demo: Demo):
    event = demo.main_event(A)
    # Reuters (a1, its republication a2, the blog quoting it a3), AFP (a4), the local outlet (a5)
    assert len(event.independent_sources) == 3, event.independent_sources
    assert "Reuters" in event.independent_sources
    assert {"AFP", demo.docs["a4"].outlet} & set(event.independent_sources)


def test_the_attackers_are_one_group_whether_called_jnim_or_gsim(demo: Demo):
    actors = demo.main_event(A).actors
    jnim = [a for a in actors if re.search(r"JNIM|GSIM|Nusrat|Support of Islam", a, re.IGNORECASE)]
    assert len(jnim) == 1, actors


# ---------------------------------------------------------------- story B: the Nairobi march


def test_the_nairobi_march_is_typed_as_protests(demo: Demo):
    assert demo.main_event(B).type == "Protests"


def test_the_tear_gassed_march_is_a_protest_with_intervention(demo: Demo):
    # peaceful marchers dispersed with tear gas and arrests, no serious injuries (ACLED definition)
    assert demo.main_event(B).sub_type == "Protest with intervention"


def test_no_nairobi_report_yields_a_riot_or_a_violent_event(demo: Demo):
    # the marchers threw nothing and nobody was hurt: protest, plus at most the arrests as such
    types = {e.type for e in demo.events_of(B)}
    assert "Protests" in types
    assert types <= {"Protests", "Strategic developments"}, types


def test_the_march_is_placed_in_nairobi_on_tuesday_18_march(demo: Demo):
    event = demo.main_event(B)
    assert event.place is not None and km(NAIROBI, event.place) <= NEAR_KM, event.place
    assert event.date is not None and event.date.date == "2025-03-18"


def test_on_tuesday_in_the_wednesday_follow_up_resolves_to_the_march_day(demo: Demo):
    assert demo.dates_said("b4", "the demonstration on Tuesday") == {"2025-03-18"}


def test_every_nairobi_event_is_dated_on_the_day_of_the_march(demo: Demo):
    # the protest, the tear gas and the arrests all happened on Tuesday 18 March;
    # "would be charged on Wednesday" and "march again next week" are not past events
    dates = {e.date.date if e.date else None for e in demo.events_of(B)}
    assert dates == {"2025-03-18"}


# ---------------------------------------------------------------- story C: the football derby


def test_the_football_reports_yield_no_event(demo: Demo):
    assert demo.events_of(C) == []


# ---------------------------------------------------------------- story D: the drone strike


def test_the_deir_ez_zor_strike_is_an_air_or_drone_strike(demo: Demo):
    event = demo.main_event(D)
    assert (event.type, event.sub_type) == AIR_STRIKE
    assert demo.ids(D) <= set(event.documents)


def test_the_strike_is_placed_in_deir_ez_zor_city(demo: Demo):
    place = demo.main_event(D).place
    assert place is not None and km(DEIR_EZ_ZOR, place) <= NEAR_KM, place


def test_deir_ez_zor_and_deir_al_zor_are_geocoded_to_the_same_city(demo: Demo):
    places = {}
    for key, spelling in (("d1", "Deir ez-Zor"), ("d2", "Deir al-Zor")):
        placed = demo.geocoded(key, spelling)
        for place in placed:
            assert km(DEIR_EZ_ZOR, place) <= NEAR_KM, (spelling, place)
        places[spelling] = {p.geonameid for p in placed}
    assert places["Deir ez-Zor"] == places["Deir al-Zor"]


def test_the_two_strike_reports_yield_one_event_only(demo: Demo):
    # the funeral, a byline date, drones "heard every night" and past ambushes are not events
    assert len(demo.events_of(D)) == 1, [(e.type, e.sub_type, e.summary) for e in demo.events_of(D)]


def test_agreeing_tolls_of_four_are_not_a_contradiction(demo: Demo):
    event = demo.main_event(D)
    assert (event.fatalities.low, event.fatalities.high) == (4, 4)
    assert [c for c in event.contradictions if c.field == "fatalities"] == []
    assert event.date is not None and event.date.date == "2025-03-12"
    assert len(event.independent_sources) == 2


# ---------------------------------------------------------------- the whole record


def test_independent_sources_are_named_by_wire_or_outlet_never_by_file_path(demo: Demo):
    names = {n for e in demo.events for n in e.independent_sources}
    assert [n for n in names if "/" in n or n.endswith((".txt", ".html", ".jsonl"))] == []


def test_background_history_does_not_become_events(demo: Demo):
    # every invented event happened between 7 and 18 March 2025; "since 2012", "last year"
    # and "since December" are background, not events to put on a map
    dates = {e.date.date for e in demo.events if e.date is not None}
    assert [d for d in dates if not "2025-03-07" <= d[:10] <= "2025-03-19"] == []


# ---------------------------------------------------------------- the map


def test_the_events_are_spread_over_mali_kenya_and_syria(demo: Demo):
    countries = {e.place.country for e in demo.events if e.place is not None}
    assert {"ML", "KE", "SY"} <= countries
