"""Learn each outlet's home area from the gva_incidents DEV half: ``python -m evaluation.outlet_areas [--write]``.

US local news mostly reports its own area, and a page rarely says which state its "Springfield" is
in. Every dev report's original host (inside its web.archive.org address) is counted against its
incident's state; a host whose dev reports lie mostly in one state gets that state as its home area
(src/newsfuse/nlp/data/outlet_areas.tsv, read by ``nlp.outlets.home_area``). Only the dev half is
read: the test half and every other corpus stay unseen.

The inclusion rule (at least ``MIN_REPORTS`` reports, the top state holding at least ``MIN_SHARE``
of them) was chosen by two-fold cross-validation inside dev (learn on the even incidents, score the
odd ones' reports, and back): ``python -m evaluation.outlet_areas --folds``. Main town within 40 km
(find_places alone) with the final rules: no table 0.648; min 1 report at share 0.5 / 0.6 / 0.75 / 0.9:
0.721 / 0.718 / 0.716 / 0.707; min 2: 0.701 / 0.697 / 0.696 / 0.687; min 3: 0.690 / 0.688 / 0.686 /
0.677. 0.6 rather than 0.5 (within noise of each other) so that a host split evenly between two
states gets no home.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from evaluation import gva
from evaluation.outlets import original_host
from newsfuse.nlp.outlets import AREAS_TABLE

MIN_REPORTS = 1
MIN_SHARE = 0.6
TABLE = AREAS_TABLE
HEADER = ("# Outlet host -> home area (country, GeoNames admin-1 code), learned from the gva_incidents dev half\n"
          "# by evaluation/outlet_areas.py (reports of the host, share of them in that area). Do not edit by hand.\n"
          "# host\tcountry\tadmin1\treports\tshare\n")


def state_codes() -> dict[str, str]:
    """US state name -> GeoNames admin-1 code (the postal code)."""
    from newsfuse.nlp import NlpSettings, gazetteer

    gaz = gazetteer.load(NlpSettings().cache_dir)
    return {e.name: code for code, e in gaz.us_states().items()} | {"District of Columbia": "DC"}


def count_areas(chosen: Sequence[gva.Incident]) -> dict[str, Counter[str]]:
    """Host -> Counter of its reports' incident states (codes)."""
    codes = state_codes()
    reports = gva.reports()
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for incident in chosen:
        code = codes.get(incident.state)
        for sid in incident.reports:
            if code and sid in reports and (host := original_host(reports[sid].url)):
                out[host][code] += 1
    return out


def learn(chosen: Sequence[gva.Incident], min_reports: int = MIN_REPORTS, min_share: float = MIN_SHARE
          ) -> dict[str, tuple[str, int, float]]:
    """Host -> (admin-1 code, reports, share) for hosts whose reports mostly lie in one state."""
    out = {}
    for host, states in count_areas(chosen).items():
        n = sum(states.values())
        code, top = states.most_common(1)[0]
        if n >= min_reports and top / n >= min_share:
            out[host] = (code, n, round(top / n, 3))
    return out


def write(table: dict[str, tuple[str, int, float]], path: Path = TABLE) -> None:
    rows = "".join(f"{h}\tUS\t{c}\t{n}\t{s}\n" for h, (c, n, s) in sorted(table.items()))
    path.write_text(HEADER + rows, encoding="utf-8")


def folds() -> None:
    """Two-fold cross-validation inside dev: the main town within 40 km, per inclusion rule."""
    from evaluation.nlp import km
    from evaluation.outlets import _documents, main_town
    from newsfuse.nlp import NlpSettings, gazetteer
    from newsfuse.nlp.outlets import home_area
    from newsfuse.nlp.places import find_places

    dev = [i for i in gva.incidents("dev") if i.lat is not None]
    halves = (dev[0::2], dev[1::2])
    docs = _documents(gva.reports_of(dev))
    settings = NlpSettings()
    gaz = gazetteer.load(settings.cache_dir)

    class _Places:
        def __init__(self, places):
            self.places = places

    for min_reports in (1, 2, 3):
        for min_share in (0.5, 0.6, 0.75, 0.9, 1.01):
            ok = n = 0
            for k in (0, 1):
                table = {h: ("US", c) for h, (c, _, _) in learn(halves[k], min_reports, min_share).items()}
                for incident in halves[1 - k]:
                    for sid in incident.reports:
                        if sid not in docs:
                            continue
                        doc = docs[sid]
                        host = original_host(doc.url or "")
                        home = table.get(host or "") or home_area(doc.url, gaz, learned=False)
                        town = main_town(_Places(find_places(doc.text, gaz, settings, home)))
                        n += 1
                        ok += town is not None and km(town.place.lat, town.place.lon, incident.lat, incident.lon) <= 40
            print(f"min reports {min_reports} min share {min_share}: main town within 40 km {ok / n:.3f} ({n})")
            if min_share > 1:
                break


def command_line(learn, write, folds, table: Path, what: str) -> None:
    """``--folds``: the cross-validation; else learn from the dev half (and ``--write`` the table)."""
    if "--folds" in sys.argv:
        folds()
        return
    learned = learn(gva.incidents("dev"))
    print(f"{len(learned)} hosts with {what} (dev half)")
    if "--write" in sys.argv:
        write(learned)
        print(f"written {table}")


if __name__ == "__main__":
    command_line(learn, write, folds, TABLE, "a home area")
