"""Invented reports about real places, written for these tests (no third-party text)."""

from __future__ import annotations

from newsfuse.records import Document

WIRE_PARAS = [
    "Gunmen stormed a police checkpoint on the southern edge of Tal Afar before dawn on Tuesday, "
    "killing four officers and wounding six others in a firefight that lasted nearly two hours, "
    "local officials told the agency.",
    "The attackers arrived in three pickup trucks and set fire to a fuel tanker parked beside the "
    "checkpoint, according to a police captain who spoke on condition of anonymity because he was "
    "not authorised to brief reporters.",
    "Reinforcements from Mosul reached the town by mid-morning and the road to Sinjar was closed to "
    "civilian traffic for the rest of the day, the captain added.",
    "No group immediately claimed responsibility for the assault, the third on security forces in "
    "western Nineveh province this month.",
]

OWN_PARAS = [
    "Residents of Tal Afar said the town had been quiet for weeks before the latest violence, and "
    "many shopkeepers kept their doors shut on Tuesday afternoon as armoured vehicles patrolled the "
    "main market street.",
    "A teacher who lives near the checkpoint described hearing heavy gunfire and then a loud blast "
    "that shattered the windows of his house, sending his children running into the courtyard.",
    "Provincial council members met in the evening and called on Baghdad to send more troops to "
    "the border districts, arguing that local police were stretched too thin to hold the roads.",
]

INDEPENDENT_PARAS = [
    "Four policemen died and six were hurt when armed men attacked a checkpoint near Tal Afar early "
    "on Tuesday, a security source in Nineveh province said.",
    "The source said the assailants used several vehicles and torched a tanker during the clash, "
    "which went on for about two hours before troops from Mosul arrived.",
    "Traffic on the highway towards Sinjar was halted until the evening while soldiers searched "
    "nearby villages for the attackers.",
]

UNRELATED_PARAS = [
    "Farmers in the Bekaa Valley began the potato harvest a week early this year after an unusually "
    "warm spring, and wholesale prices in Beirut fell for the first time since January.",
    "Cooperative leaders in Zahle said export permits to Gulf markets were still delayed, leaving "
    "warehouses near Chtaura fuller than in any season they could remember.",
]


def make_doc(doc_id: str, paras: list[str], **kw) -> Document:
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text, paragraphs=tuple(spans), **kw)
