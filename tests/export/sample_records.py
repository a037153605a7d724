"""Records built by hand for the read-side tests (export, report, API).

The reports are invented for these tests; the places are real.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.export import Snapshot
from newsfuse.records import (
    ActorRole,
    Brief,
    BriefSentence,
    Contradiction,
    CopyGraph,
    CopyRelation,
    Credit,
    DateValue,
    Document,
    Event,
    Fatalities,
    Figure,
    Mention,
    Passage,
    Place,
    PublishedDate,
    Removed,
    Story,
    ValueReport,
)

WIRE = (
    "Gunmen attacked a checkpoint near Hawija on Tuesday, police sources said. "
    "Fifteen people were killed in the clash, the sources said."
)
TEXT_A = "HAWIJA, Iraq (Reuters) - " + WIRE
TEXT_B = "From Reuters: " + WIRE + " Comments are closed."
TEXT_C = (
    "Seventeen people died when militants stormed a checkpoint outside Hawija, "
    "a local official told our reporter on Wednesday. Residents said <b>curfews</b> were imposed."
)
TEXT_D = "Protesters gathered in Basra on Friday to demand electricity."

HAWIJA = Place("Hawija", 35.3261, 43.7728, "IQ", geonameid=7875082, admin1="Kirkuk")
BASRA = Place("Basra", 30.5085, 47.7804, "IQ", geonameid=99532, admin1="Basra")


def _doc(i: str, text: str, outlet: str, day: str, **kw) -> Document:
    return Document(
        id=i,
        source=f"reports/{outlet.lower().replace(' ', '_')}.html",
        text=text,
        paragraphs=((0, len(text)),),
        outlet=outlet,
        title=f"{outlet} on the checkpoint attack",
        published=PublishedDate(day, "day", "html-meta"),
        kind="html",
        **kw,
    )


def documents() -> tuple[Document, ...]:
    return (
        _doc("aaaa000000000001", TEXT_A, "Wire Daily", "2014-06-17",
             credits=(Credit("Reuters", "wire", "(Reuters)"),), url="https://example.org/a"),
        _doc("bbbb000000000002", TEXT_B, "Republisher", "2014-06-18",
             credits=(Credit("Reuters", "wire", "From Reuters:"),),
             removed=(Removed("Share on Facebook", "share"), Removed("Most read today", "related"))),
        _doc("cccc000000000003", TEXT_C, "Kirkuk Herald", "2014-06-18"),
        _doc("dddd000000000004", TEXT_D, "Basra Times", "2014-07-04"),
    )


def graph() -> CopyGraph:
    a, b = "aaaa000000000001", "bbbb000000000002"
    sa, sb = TEXT_A.index(WIRE), TEXT_B.index(WIRE)
    rel = CopyRelation(a, b, "near_duplicate", 0.9,
                       passages=(Passage(sa, sa + len(WIRE), sb, sb + len(WIRE)),),
                       original=a, evidence="earlier published date")
    reuters = (Credit("Reuters", "wire", "(Reuters)"),)
    return CopyGraph(
        relations=(rel,),
        origin_group={a: a, b: a, "cccc000000000003": "cccc000000000003", "dddd000000000004": "dddd000000000004"},
        origins={a: reuters, b: reuters},
    )


def mentions() -> tuple[Mention, ...]:
    killed15 = Figure("killed", 15, 15, "exact", "Fifteen people", (0, 14))
    killed17 = Figure("killed", 17, 17, "exact", "Seventeen people", (0, 16))
    tue = DateValue("2014-06-17", "day", "relative weekday to published 2014-06-17")
    return (
        Mention("aaaa000000000001:25:0", "aaaa000000000001", (25, len(TEXT_A)), WIRE, "Battles",
                "Armed clash", (ActorRole("Gunmen", "actor1"), ActorRole("Iraqi police", "actor2")),
                HAWIJA, "Hawija", tue, killed15, attribution="police sources"),
        Mention("cccc000000000003:0:0", "cccc000000000003", (0, TEXT_C.index(".") + 1),
                TEXT_C[: TEXT_C.index(".") + 1], "Battles",
                "Armed clash", (ActorRole("Militants", "actor1"),), HAWIJA, "Hawija", tue, killed17),
        Mention("dddd000000000004:0:0", "dddd000000000004", (0, len(TEXT_D)), TEXT_D, "Protests",
                "Peaceful protest", (ActorRole("Protesters", "actor1"),), None, "Basra",
                DateValue("2014-07-04", "day", "absolute")),
    )


def events() -> tuple[Event, ...]:
    docs = ("aaaa000000000001", "bbbb000000000002", "cccc000000000003")
    return (
        Event("ev01", "st01", "Battles", "Armed clash", DateValue("2014-06-17", "day", "absolute"), HAWIJA,
              ("Gunmen", "Iraqi police"),
              Fatalities(15, 16, 17, ((15, docs[0]), (15, docs[1]), (17, docs[2]))),
              ("aaaa000000000001:25:0", "cccc000000000003:0:0"), docs, ("Reuters", "Kirkuk Herald"),
              (Contradiction("fatalities", (ValueReport(15, docs[:2]), ValueReport(17, docs[2:]))),),
              "Gunmen attacked a checkpoint near Hawija; 15-17 killed."),
        Event("ev02", "st02", "Protests", "Peaceful protest", DateValue("2014-07-04", "day", "absolute"), None,
              ("Protesters",), Fatalities(None, None, None), ("dddd000000000004:0:0",),
              ("dddd000000000004",), ("Basra Times",), (), "Protest in Basra."),
    )


def stories() -> tuple[Story, ...]:
    return (
        Story("st01", "Checkpoint attack near Hawija",
              ("aaaa000000000001", "bbbb000000000002", "cccc000000000003")),
        Story("st02", "Electricity protest in Basra", ("dddd000000000004",)),
    )


def briefs() -> tuple[Brief, ...]:
    return (
        Brief("st01", (
            BriefSentence("Gunmen attacked a checkpoint near Hawija on 17 June 2014.",
                          ("aaaa000000000001", "cccc000000000003")),
            BriefSentence("Reports of the dead differ: 15 (Reuters) against 17 (Kirkuk Herald).",
                          ("aaaa000000000001", "cccc000000000003")),
        )),
        Brief("st02", (BriefSentence("Protesters gathered in Basra.", ("dddd000000000004",)),)),
    )


def sample_snapshot() -> Snapshot:
    return Snapshot(documents=documents(), graph=graph(), stories=stories(), events=events(),
                    briefs=briefs(), mentions=mentions())


class FakeStore:
    """Just the read API of newsfuse.store.Store that the read side uses."""

    def __init__(self, snap: Snapshot | None = None):
        self.snap = snap or sample_snapshot()

    def documents(self):
        return list(self.snap.documents)

    def copy_graph(self):
        return self.snap.graph

    def stories(self):
        return list(self.snap.stories)

    def events(self):
        return list(self.snap.events)

    def briefs(self):
        return list(self.snap.briefs)

    def mentions(self):
        return list(self.snap.mentions)

    def rejections(self):
        return []


def store_snapshot(path: Path) -> Path:
    """Write the sample records into a new DuckDB store at ``path``, as a run would."""
    from newsfuse.store import Store

    s = sample_snapshot()
    with Store(path) as store:
        store.add_documents(list(s.documents))
        store.replace_copies(s.graph)
        store.add_mentions(list(s.mentions))
        store.replace_stories(list(s.stories))
        store.replace_events(list(s.events))
        store.replace_briefs(list(s.briefs))
    return path
