"""Country borders and coastlines under the report's maps, from Natural Earth.

Natural Earth 1:110m admin-0 countries (public domain) as shipped inside the
pinned ``geopandas==0.14.4`` wheel, read with pyshp (no GDAL, no network).
Each country polygon drawn filled as land over a sea background: the outlines
are the coastlines and the borders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso3: str
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north
    label_at: tuple[float, float]  # (lon, lat): middle of its largest ring's box


def _source() -> str:
    # find_spec locates the package without importing it (geopandas would load pandas and shapely)
    spec = find_spec("geopandas")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("geopandas (the package shipping Natural Earth) is not installed")
    return str(Path(spec.submodule_search_locations[0]) / "datasets/naturalearth_lowres/naturalearth_lowres.shp")


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the packaged Natural Earth file; () when the package is missing."""
    try:
        import shapefile

        reader = shapefile.Reader(_source())
    except Exception:  # noqa: BLE001 - no basemap is a degraded map, never a failed report
        return ()
    fields = [f[0] for f in reader.fields[1:]]
    out = []
    with reader:
        for shape, record in zip(reader.iterShapes(), reader.iterRecords(), strict=True):
            data = dict(zip(fields, record, strict=True))
            parts = list(shape.parts) + [len(shape.points)]
            rings = tuple(tuple((float(x), float(y)) for x, y in shape.points[a:b])
                          for a, b in zip(parts, parts[1:]) if b - a >= 3)
            if not rings:
                continue
            big = max(rings, key=len)
            bx = [p[0] for p in big]
            by = [p[1] for p in big]
            out.append(Country(str(data.get("name", "")), str(data.get("iso_a3", "")), rings,
                               tuple(shape.bbox), ((min(bx) + max(bx)) / 2, (min(by) + max(by)) / 2)))
    return tuple(out)


WORLD_ID = "nf-world"


@cache
def world_paths() -> str:
    """Every country as an SVG path in (longitude, -latitude) units, drawn once per page;
    each map shows it through ``<use>`` with its own affine transform (equirectangular
    projection is affine), so a report of many maps carries the borders once."""
    out = []
    for c in countries():
        d = "".join("M" + "L".join(f"{lon:.2f},{-lat:.2f}" for lon, lat in ring) + "Z" for ring in c.rings)
        out.append(f'<path d="{d}" class="land" fill="#f5f1e8" stroke="#8c96a0" stroke-width="0.8" '
                   'stroke-linejoin="round" vector-effect="non-scaling-stroke">'
                   f'<title>{_escape(c.name)}</title></path>')
    return f'<g id="{WORLD_ID}">{"".join(out)}</g>'


def world_defs() -> str:
    """The hidden SVG a page holds once, for every map's ``<use href="#nf-world">``; "" without data."""
    if not countries():
        return ""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" aria-hidden="true" '
            f'style="position:absolute"><defs>{world_paths()}</defs></svg>')


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def land_svg(box: tuple[float, float, float, float], xy: Callable[[float, float], tuple[float, float]],
             clip_id: str, standalone: bool = False) -> list[str]:
    """The countries under a map whose projection is ``xy`` (affine in lon/lat), clipped to
    the frame, and the names of the countries that fit. ``standalone``: the SVG carries the
    country shapes itself (an image on its own); otherwise the page holds ``world_defs()``."""
    shown = [c for c in countries() if _overlaps(c.bbox, box)]
    if not shown:
        return []
    (x0, y0), (x1, _), (_, y1) = xy(0.0, 0.0), xy(1.0, 0.0), xy(0.0, -1.0)
    a, d = x1 - x0, y1 - y0  # pixels per degree east, per degree south
    out = [f'<defs>{world_paths()}</defs>'] if standalone else []
    out.append(f'<g clip-path="url(#{clip_id})" class="basemap">')
    out.append(f'<use href="#{WORLD_ID}" transform="matrix({a:.4f} 0 0 {d:.4f} {x0:.2f} {y0:.2f})"/>')
    out.extend(_country_labels(shown, box, xy))
    out.append("</g>")
    return out


def _country_labels(shown: list[Country], box: tuple[float, float, float, float],
                    xy: Callable[[float, float], tuple[float, float]]) -> list[str]:
    """Names of the countries in view that have room for them: the biggest first, none over another."""
    west, south, east, north = box
    placed: list[tuple[float, float, float, float]] = []
    out = []
    sized = []
    for c in shown:
        (x0, y0), (x1, y1) = xy(c.bbox[0], c.bbox[3]), xy(c.bbox[2], c.bbox[1])
        sized.append((abs(x1 - x0) * abs(y1 - y0), abs(x1 - x0), c))
    for _, width, c in sorted(sized, key=lambda t: -t[0]):
        lon, lat = _label_point(c, box)
        w = 6.6 * len(c.name)  # rough width of 11px italic text
        if not (west < lon < east and south < lat < north) or w > 0.9 * width:
            continue
        x, y = xy(lon, lat)
        rect = (x - w / 2, y - 10, x + w / 2, y + 3)
        if any(rect[0] < b[2] and b[0] < rect[2] and rect[1] < b[3] and b[1] < rect[3] for b in placed):
            continue
        placed.append(rect)
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" class="country" text-anchor="middle">{_escape(c.name)}</text>')
    return out


def _label_point(c: Country, box: tuple[float, float, float, float]) -> tuple[float, float]:
    """Where to write a country's name: the middle of its main ring, or, when that is out of
    view (a close-up on a border town), the middle of the part of its box in view if that
    point lies inside the country, so both sides of a border get their names."""
    west, south, east, north = box
    lon, lat = c.label_at
    if west < lon < east and south < lat < north:
        return lon, lat
    w, e = max(west, c.bbox[0]), min(east, c.bbox[2])
    s, n = max(south, c.bbox[1]), min(north, c.bbox[3])
    # the middle of the part in view first, then the middles of its quarters
    for fx, fy in ((0.5, 0.5), (0.25, 0.5), (0.75, 0.5), (0.5, 0.25), (0.5, 0.75),
                   (0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)):
        point = (w + fx * (e - w), s + fy * (n - s))
        if any(_inside(point, ring) for ring in c.rings):
            return point
    return lon, lat


def _inside(point: tuple[float, float], ring: Ring) -> bool:
    """Even-odd ray casting (a few hundred vertices at most: no geometry library needed)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


SOURCE_NOTE = "Borders and coastlines: Natural Earth 1:110m (public domain)"
