"""Learn where GeoNames puts countries and areas, from the geoparsing DEV halves: ``python -m evaluation.area_points``.

newsfuse's gazetteer is GeoNames (cities500 points), but the pinned packages carry no GeoNames point
for a country, a province or a region: countries sit midway between countryinfo's point and their
outline's centroid, admin areas at the middle of their towns, the hand-written regions at rough
centroids. GeoNames places some of them elsewhere by its own convention (Japan at Tokyo, Canada at
60 N 113.6 W, Ontario at 49.25 N 84.5 W, the European Union at Brussels), and so do the corpora
labelled with it. This script reads the GeoWebNews and LGL DEV halves only (even articles): for each
gold toponym newsfuse reads as an area (country, its adjective, admin-1/admin-2 area, region-table
entry) within ``SAME_AREA_KM`` of the gold point (the same area, placed by another convention), it
keeps the gold point; an area gets the gold point that most of its dev mentions lie within 161 km of,
when that point covers at least ``MIN_MENTIONS`` of them and more than newsfuse's own point does.
The table (src/newsfuse/nlp/data/area_points.tsv) is read by ``nlp.gazetteer`` and ``nlp.places``.
Test halves, TR-News and GeoVirus stay unseen.

``--folds`` checks the rule across the two dev halves: learn on GeoWebNews dev, score LGL dev's area
mentions, and back (``--write`` writes the table from both dev halves).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path

from evaluation.nlp import ADDRESSES, half, km, load_gwn, load_lgl

SAME_AREA_KM = 1000.0  # farther than this, newsfuse read another place: nothing to learn from it
MIN_MENTIONS = 2
WITHIN = 161.0
TABLE = Path(str(files("newsfuse.nlp").joinpath("data/area_points.tsv")))
HEADER = ("# Area (country code, admin-1 name, name) -> the point GeoNames-labelled dev data puts it at, learned\n"
          "# from the GeoWebNews and LGL dev halves by evaluation/area_points.py (mentions within 161 km of the\n"
          "# point, and of newsfuse's own point). Do not edit by hand.\n"
          "# country\tadmin1\tname\tlat\tlon\tmentions\tcovered\tcovered_before\n")

Key = tuple[str, str, str]
# area, newsfuse's point, gold point, the gold's GeoNames id
Mention = tuple[Key, tuple[float, float], tuple[float, float], int | None]
SAME_ENTITY = 0.9  # an area with no GeoNames id of its own: this share of its mentions must name one gold id


def area_mentions(data: list) -> list[Mention]:
    """(area key, newsfuse's point, the gold point) of every gold toponym newsfuse reads as an area."""
    from newsfuse.nlp import annotate
    from newsfuse.nlp.gazetteer import area_key
    from newsfuse.nlp.settings import NlpSettings
    from newsfuse.records import Document

    docs = [Document(id=f"a{i}", source=f"area/{i}", text=t, url=ADDRESSES.get(t)) for i, (t, _) in enumerate(data)]
    # the table being rebuilt must not shape what it learns from: areas are read at their own points
    out: list[Mention] = []
    for ann, (_, golds) in zip(annotate(docs, NlpSettings(area_points=False)), data, strict=True):
        for g in golds:
            hit = next((m for m in ann.places if m.span[0] < g.end and g.start < m.span[1]), None)
            if hit is None or hit.place.precision == "point":
                continue
            ours = (hit.place.lat, hit.place.lon)
            # the same area: its own GeoNames id where it has one (a country, a US state: "New York" the
            # state is not the city the gold may mean), else, for a region of the hand-written table
            # ("Middle East"), one gold id near it (checked in learn()); counties and other admin areas
            # carry no id, and a wrong one of them ("Madison County" of another state) is no convention
            if hit.place.geonameid:
                same = g.geonameid == hit.place.geonameid
            else:
                same = hit.place.admin1 is None and km(*ours, g.lat, g.lon) <= SAME_AREA_KM
            if same:
                out.append((area_key(hit.place.country, hit.place.admin1, hit.place.name), ours, (g.lat, g.lon),
                            g.geonameid))
    return out


def learn(mentions: list[Mention], min_mentions: int = MIN_MENTIONS) -> dict[Key, tuple[float, float, int, int, int]]:
    """Area -> (lat, lon, mentions, covered by that point, covered by newsfuse's own point)."""
    by_area: dict[Key, list[tuple[tuple[float, float], tuple[float, float], int | None]]] = defaultdict(list)
    for key, ours, gold, gid in mentions:
        by_area[key].append((ours, gold, gid))
    out = {}
    for key, triples in sorted(by_area.items()):
        ids = Counter(gid for _, _, gid in triples)
        top, n = ids.most_common(1)[0]
        if top is None or n < SAME_ENTITY * len(triples):
            continue  # the gold names several places here: newsfuse's reading is not one area
        pairs = [(o, g) for o, g, gid in triples]
        golds = [g for o, g, gid in triples if gid == top]
        before = sum(km(*o, *g) <= WITHIN for o, g in pairs)
        # the gold point covering most mentions; ties: the one written most often, then the first
        best = max(dict.fromkeys(golds), key=lambda p: (sum(km(*p, *g) <= WITHIN for g in golds), golds.count(p)))
        covered = sum(km(*best, *g) <= WITHIN for g in golds)
        if covered >= min_mentions and covered > before:
            out[key] = (best[0], best[1], len(pairs), covered, before)
    return out


def covered(mentions: list[Mention], table: dict[Key, tuple]) -> int:
    return sum(km(*(table[k][:2] if k in table else ours), *gold) <= WITHIN for k, ours, gold, _ in mentions)


def main(argv: list[str]) -> None:
    gwn, lgl = area_mentions(half(load_gwn(), "dev")), area_mentions(half(load_lgl(), "dev"))
    if "--folds" in argv:
        for name, train, test in (("GeoWebNews dev -> LGL dev", gwn, lgl), ("LGL dev -> GeoWebNews dev", lgl, gwn)):
            for n in (1, 2, 3):
                table = learn(train, n)
                print(f"{name}, min {n}: {len(table)} areas; area mentions within 161 km "
                      f"{covered(test, {})} -> {covered(test, table)} of {len(test)}")
    table = learn(gwn + lgl)
    for key, (lat, lon, n, cov, before) in table.items():
        print(f"{key}: {lat}, {lon} ({cov} of {n} mentions within 161 km; {before} at newsfuse's own point)")
    if "--write" in argv:
        rows = "".join(f"{c}\t{a}\t{name}\t{lat}\t{lon}\t{n}\t{cov}\t{before}\n"
                       for (c, a, name), (lat, lon, n, cov, before) in table.items())
        TABLE.write_text(HEADER + rows, encoding="utf-8")
        print(f"wrote {TABLE} ({len(table)} areas)")


if __name__ == "__main__":
    main(sys.argv[1:])
