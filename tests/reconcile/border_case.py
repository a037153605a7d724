"""A hand-built case shaped like the seeds (our own invented wording, real places):
the takeover of Al-Qaim reported by five documents, one a republication of
another, three carrying one wire story; a clash in Hawija reported as 15 dead
by the wire and 17 dead by another agency."""

from __future__ import annotations

from newsfuse.records import (
    ActorRole, CopyGraph, CopyRelation, Credit, DateValue, Document, Figure, Mention, Passage, Place,
    PublishedDate, Story,
)

QAIM = Place("Al Qā’im", 34.39251, 40.98945, "IQ", 92138, "01")
RAWAH = Place("Rāwah", 34.48229, 41.91898, "IQ", 92004, "01")
HAWIJA = Place("Al Ḩawījah", 35.32592, 43.77267, "IQ", 390188, "13")
IRAQ = Place("Iraq", 33.0, 44.0, "IQ", 99237, feature="country", precision="country")

FRIDAY = DateValue("2014-06-20", "day", "relative weekday to published 2014-06-21")
SATURDAY = DateValue("2014-06-21", "day", "absolute")
PUBLISHED = DateValue("2014-06-23", "day", "published date")

REUTERS = Credit("Reuters", "wire", "From Reuters:", "carried")
TAKEOVER = "Battles", "Non-state actor overtakes territory"
WIRE_SENTENCE = "Militants led by the Islamic State moved into the border town of Al-Qaim on Friday, driving out the police."


def doc(id_: str, outlet: str, text: str, day: str, credits=()) -> Document:
    return Document(id=id_, source=f"{id_}.txt", text=text, outlet=outlet, title=f"{outlet} report",
                    published=PublishedDate(day, "day", "test"), credits=tuple(credits))


# the republication (nizkor) repeats the original (lwj) word for word
LWJ = doc("lwj", "The Long War Journal", WIRE_SENTENCE + " Our map shows the towns held by the group.", "2014-06-21", [REUTERS])
NIZKOR = doc("nizkor", "Equipo Nizkor", WIRE_SENTENCE + " Our map shows the towns held by the group.", "2014-06-22", [REUTERS])
HAARETZ = doc("haaretz", "Haaretz", WIRE_SENTENCE + " In Hawija fifteen people died in a clash with the army.", "2014-06-22", [REUTERS])
DONGA = doc("donga", "Dong-A Ilbo", "Insurgents took Al-Qaim last Friday, the AP reported, and later Rawah.", "2014-06-23")
VOR = doc("vor", "Voice of Russia", "Militants took the Al-Qaim crossing on Saturday. 17 killed in a clash in Hawija.", "2014-06-21")
DOCS = [LWJ, NIZKOR, HAARETZ, DONGA, VOR]

SPAN = (0, len(WIRE_SENTENCE))
GRAPH = CopyGraph(
    relations=(
        CopyRelation("lwj", "nizkor", "near_duplicate", 0.98, original="lwj", evidence="earlier, credited"),
        CopyRelation("haaretz", "lwj", "shared_passages", 0.4, (Passage(*SPAN, *SPAN),)),
        CopyRelation("haaretz", "nizkor", "shared_passages", 0.4, (Passage(*SPAN, *SPAN),)),
    ),
    origin_group={"lwj": "lwj", "nizkor": "lwj", "haaretz": "lwj", "donga": "donga", "vor": "vor"},
    origins={d: (REUTERS,) for d in ("lwj", "nizkor", "haaretz")},
)
STORY = Story("s-border", "Militants take the Al-Qaim border crossing", tuple(d.id for d in DOCS))

ISIL = ActorRole("Islamic State", "actor1")
ARMY = ActorRole("Iraqi Army", "actor2")


def mention(doc_id: str, n: int, sentence: str, type_=TAKEOVER, place=QAIM, date=FRIDAY, actors=(ISIL,),
            killed: Figure | None = None, start: int = 0) -> Mention:
    return Mention(id=f"{doc_id}:{start}:{n}", document=doc_id, span=(start, start + len(sentence)),
                   sentence=sentence, type=type_[0], sub_type=type_[1], actors=tuple(actors), place=place,
                   date=date, fatalities=killed)


def killed(n: int, qualifier="exact", high=None) -> Figure:
    return Figure("killed", n, high, qualifier, f"{n} killed", (0, 1))


CLASH = "Battles", "Armed clash"
HAARETZ_CLASH = "In Hawija fifteen people died in a clash with the army."
VOR_CLASH = "17 killed in a clash in Hawija."
MENTIONS = [
    mention("lwj", 0, WIRE_SENTENCE),
    mention("nizkor", 0, WIRE_SENTENCE),
    mention("haaretz", 0, WIRE_SENTENCE),
    mention("haaretz", 1, HAARETZ_CLASH, CLASH, HAWIJA, None, (ISIL, ARMY), killed(15), start=len(WIRE_SENTENCE) + 1),
    mention("donga", 0, "Insurgents took Al-Qaim last Friday, the AP reported, and later Rawah.", actors=()),
    mention("vor", 0, "Militants took the Al-Qaim crossing on Saturday.", date=SATURDAY),
    mention("vor", 1, VOR_CLASH, CLASH, HAWIJA, None, (ISIL,), killed(17), start=50),
]
