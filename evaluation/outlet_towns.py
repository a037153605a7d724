"""Learn each outlet's home town from the gva_incidents DEV half: ``python -m evaluation.outlet_towns [--write]``.

A report whose text names no place at all (a lead saying only "police said", a page whose story was
lost in chrome, a street and a neighbourhood) is still local news: its incident mostly lies near
the outlet's home town. ``outlet_areas`` learns the outlet's state; this learns a point: of a host's
dev incidents, the town of the one with most of the others within 40 km (the evaluation's radius),
as the gazetteer names it (src/newsfuse/nlp/data/outlet_towns.tsv, read by
``nlp.outlets.learned_town``; events/unplaced.py places such a report's main event there, as an area).
Only the dev half is read.

The inclusion rule was chosen by two-fold cross-validation inside dev (learn on the even incidents,
score the odd ones' reports, and back): ``python -m evaluation.outlet_towns --folds``, the share of
reports whose outlet's learned town lies within 40 km of their incident. With at least 1 / 2 / 3
incidents of the host and no share asked, 0.587 / 0.606 / 0.686 of 1473 / 1170 / 864 reports; asking
half of the host's incidents near the town, 0.619 / 0.650 / 0.763 of 1346 / 1043 / 737. The town
only places a main event that has no place at all, a sure miss otherwise, so coverage counts more
than precision: 1 incident, no share (the wrong ones fall where the outlet reports, not on others).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from evaluation import gva
from evaluation.outlet_areas import command_line, state_codes
from evaluation.outlets import original_host
from newsfuse.nlp.outlets import TOWNS_TABLE

TABLE = TOWNS_TABLE
HEADER = ("# Outlet host -> home town (a GeoNames town), learned from the gva_incidents dev half by\n"
          "# evaluation/outlet_towns.py (incidents of the host, share of them within 40 km). Do not edit by hand.\n"
          "# host\tgeonameid\tname\tcountry\tadmin1\tadmin2\tlat\tlon\tincidents\tshare\n")
NEAR_KM = 40.0  # the evaluation's radius: a home town this near an incident places it right

# every host with a placed dev incident gets a home town (see the module's docstring)
MIN_INCIDENTS = 1
MIN_SHARE = 0.0


def _km(a: gva.Incident, b: gva.Incident) -> float:
    from evaluation.incidents import km

    return km(a.lat, a.lon, b.lat, b.lon)


def host_incidents(chosen: Sequence[gva.Incident]) -> dict[str, list[gva.Incident]]:
    """Host -> its placed incidents (each once, however many of its reports tell it)."""
    reports = gva.reports()
    out: dict[str, dict[str, gva.Incident]] = defaultdict(dict)
    for incident in chosen:
        if incident.lat is None:
            continue
        for sid in incident.reports:
            if sid in reports and (host := original_host(reports[sid].url)):
                out[host][incident.id] = incident
    return {h: list(d.values()) for h, d in out.items()}


def _town(incident: gva.Incident, gaz, codes: dict[str, str]):
    """The gazetteer town the incident's city names in its state, nearest its point (None if none is near)."""
    from newsfuse.nlp.names import name_key

    code = codes.get(incident.state)
    towns = [e for e, _ in gaz.lookup(name_key(incident.city)) if e.feature == "city" and e.country == "US"
             and e.admin1 == code]
    if not towns:
        return None
    best = min(towns, key=lambda e: (e.lat - incident.lat) ** 2 + (e.lon - incident.lon) ** 2)
    from evaluation.incidents import km

    return best if km(best.lat, best.lon, incident.lat, incident.lon) <= NEAR_KM else None


def learn(chosen: Sequence[gva.Incident], min_incidents: int = MIN_INCIDENTS, min_share: float = MIN_SHARE
          ) -> dict[str, tuple[object, int, float]]:
    """Host -> (gazetteer entry of its home town, incidents, share of them within 40 km of it)."""
    from newsfuse.nlp import NlpSettings, gazetteer

    gaz = gazetteer.load(NlpSettings().cache_dir)
    codes = state_codes()
    out = {}
    for host, incidents in host_incidents(chosen).items():
        if len(incidents) < min_incidents:
            continue
        towns = [(a, town) for a in incidents if (town := _town(a, gaz, codes)) is not None]
        if not towns:
            continue
        # of incidents as many others near, the biggest town's (a station reports from its own city and
        # the towns around: 4 incidents in 4 towns of Ohio are Columbus's station's), then the earliest id
        best, town = min(towns, key=lambda at: (-sum(_km(at[0], b) <= NEAR_KM for b in incidents),
                                                -at[1].population, at[0].id))
        share = sum(_km(best, b) <= NEAR_KM for b in incidents) / len(incidents)
        if share >= min_share:
            out[host] = (town, len(incidents), round(share, 3))
    return out


def write(table: dict[str, tuple[object, int, float]], path: Path = TABLE) -> None:
    rows = "".join(f"{h}\t{e.geonameid}\t{e.name}\t{e.country}\t{e.admin1_name}\t{e.admin2_name or ''}\t"
                   f"{e.lat:.4f}\t{e.lon:.4f}\t{n}\t{s}\n" for h, (e, n, s) in sorted(table.items()))
    path.write_text(HEADER + rows, encoding="utf-8")


def folds() -> None:
    """Two-fold cross-validation inside dev: reports whose outlet's learned town is within 40 km."""
    from evaluation.incidents import km

    dev = [i for i in gva.incidents("dev") if i.lat is not None]
    halves = (dev[0::2], dev[1::2])
    reports = gva.reports()
    for min_incidents in (1, 2, 3):
        for min_share in (0.0, 0.5):
            ok = n = 0
            for k in (0, 1):
                table = learn(halves[k], min_incidents, min_share)
                for incident in halves[1 - k]:
                    for sid in incident.reports:
                        host = original_host(reports[sid].url) if sid in reports else None
                        if host in table:
                            town = table[host][0]
                            n += 1
                            ok += km(town.lat, town.lon, incident.lat, incident.lon) <= NEAR_KM
            print(f"min incidents {min_incidents} min share {min_share}: within 40 km {ok / max(n, 1):.3f} ({n})")


if __name__ == "__main__":
    command_line(learn, write, folds, TABLE, "a home town")
