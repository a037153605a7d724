"""Country names, ISO codes and ACLED regions, read from the pinned country_converter table.

country_converter ships one TSV of every country with its ISO codes, UN
sub-region and a regular expression matching the spellings of its name
("Iraq", "Republic of Iraq", "Iraqi"); we read the TSV directly (importing the
package would load pandas for a table lookup).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    numeric: int | None
    name: str
    un_region: str
    pattern: re.Pattern[str] | None

    @property
    def acled_region(self) -> str:
        return acled_region(self.iso2, self.un_region)


# ACLED's regions are the UN M49 sub-regions with these differences (ACLED codebook, "Region")
_ACLED_REGION = {
    "Western Asia": "Middle East",
    "Southern Asia": "South Asia",
    "Central Asia": "Caucasus and Central Asia",
    "South-eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Northern America": "North America",
    "Eastern Europe": "Europe", "Northern Europe": "Europe", "Southern Europe": "Europe", "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}
_CAUCASUS = {"AM", "AZ", "GE"}


def acled_region(iso2: str, un_region: str) -> str:
    if iso2 in _CAUCASUS:
        return "Caucasus and Central Asia"
    if iso2 == "IR":  # UN: Southern Asia; ACLED: Middle East
        return "Middle East"
    if iso2 == "CY":  # UN: Western Asia; ACLED: Europe
        return "Europe"
    return _ACLED_REGION.get(un_region, un_region)


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-2 -> Country."""
    text = files("country_converter").joinpath("country_data.tsv").read_text(encoding="utf-8")
    out: dict[str, Country] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        iso2 = row["ISO2"].strip()
        if len(iso2) != 2 or iso2 in out:
            continue
        try:
            pattern = re.compile(row["regex"], re.I) if row["regex"] else None
        except re.error:
            pattern = None
        numeric = row["ISOnumeric"].strip()
        out[iso2] = Country(iso2, row["ISO3"].strip(), int(numeric) if numeric.isdigit() else None,
                            row["name_short"].strip(), row["UNregion"].strip(), pattern)
    return out


def country(iso2: str | None) -> Country | None:
    return countries().get((iso2 or "").upper()) if iso2 else None


def country_codes(query: str) -> set[str]:
    """ISO alpha-2 codes a user's country query names: "IQ", "IRQ", "368", "Iraq", "republic of iraq"."""
    q = query.strip()
    if not q:
        return set()
    table = countries()
    up = q.upper()
    if len(up) == 2 and up in table:
        return {up}
    codes = {c.iso2 for c in table.values() if up == c.iso3 or (q.isdigit() and c.numeric == int(q))}
    if codes:
        return codes
    return {c.iso2 for c in table.values() if c.pattern is not None and c.pattern.search(q)}
