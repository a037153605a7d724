"""Small SVG charts for the report: an equirectangular map and a timeline.

Hand-written SVG because the report must be one offline file and no plotting
library is a dependency; the map draws Natural Earth borders (``basemap.py``)
under a few dozen shapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from newsfuse.export.days import parse_date
from newsfuse.report.basemap import SOURCE_NOTE, land_svg

__all__ = ["Point", "Span", "map_svg", "parse_date", "timeline_svg"]

PALETTE = ("#c0392b", "#2471a3", "#229954", "#b9770e", "#7d3c98", "#17a589", "#566573")


@dataclass(frozen=True, slots=True)
class Point:
    lon: float
    lat: float
    label: str
    href: str
    kind: str  # colours the dot (event type)
    weight: int = 0  # fatalities: the dot grows with it


@dataclass(frozen=True, slots=True)
class Span:
    start: date
    end: date  # inclusive; equal to start for day precision
    label: str
    href: str
    kind: str


def colour(kind: str, kinds: list[str]) -> str:
    return PALETTE[kinds.index(kind) % len(PALETTE)] if kind in kinds else PALETTE[-1]


def _step(extent: float) -> float:
    """A round graticule step giving at most 10 lines over ``extent`` degrees."""
    for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 45, 90):
        if extent / s <= 10:
            return s
    return 90.0


def degrees(value: float, positive: str, negative: str) -> str:
    """A tick label: 3°W, 40°E, 0°, 12.5°S (never a negative number with an E after it)."""
    if abs(value) < 1e-9:
        return "0°"
    return f"{abs(value):g}°{positive if value > 0 else negative}"


def spread(points: list[tuple[float, float, float]], gap: float = 1.5) -> list[tuple[float, float]]:
    """Screen positions for dots (x, y, r) so that dots at one place stay visible: a group of
    dots within a few pixels of each other is laid out on a small ring around the place."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (x, y, _) in enumerate(points):
        groups.setdefault((round(x / 3), round(y / 3)), []).append(i)
    out = [(x, y) for x, y, _ in points]
    for members in groups.values():
        if len(members) < 2:
            continue
        cx = sum(points[i][0] for i in members) / len(members)
        cy = sum(points[i][1] for i in members) / len(members)
        biggest = max(points[i][2] for i in members)
        # ring radius so neighbours on the ring just touch: chord 2r+gap
        ring = max(biggest + gap, (2 * biggest + gap) / (2 * math.sin(math.pi / len(members))))
        for k, i in enumerate(members):
            angle = -math.pi / 2 + 2 * math.pi * k / len(members)
            out[i] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle))
    return out


def map_svg(points: list[Point], width: int = 560, height: int = 400, palette: list[str] | None = None,
            map_id: str = "map", standalone: bool = True) -> str:
    """Points on an equirectangular frame fitted to them, over Natural Earth borders and
    coastlines, with a graticule labelled in °N/°S and °E/°W.

    ``palette``: all kinds the colours are drawn from, shared with the timeline;
    ``map_id`` makes the clip path's id unique when a page holds several maps;
    ``standalone=False`` leaves the country shapes to the page's ``basemap.world_defs()``.
    """
    if not points:
        return ""
    kinds = sorted({p.kind for p in points})
    palette = palette or kinds
    lons, lats = [p.lon for p in points], [p.lat for p in points]
    # pad the box so a single place still sits inside a readable frame, with its neighbours around it
    pad = max(1.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    west, east = max(-180.0, min(lons) - pad), min(180.0, max(lons) + pad)
    south, north = max(-85.0, min(lats) - pad), min(85.0, max(lats) + pad)
    # equirectangular with the standard parallel at the middle, so shapes near
    # the box keep their proportions (a degree of longitude shrinks with cos(lat))
    kx = math.cos(math.radians((north + south) / 2))
    span_x, span_y = (east - west) * kx, north - south
    scale = min((width - 40) / span_x, (height - 40) / span_y)
    # widen the box to the frame's shape, so land and borders fill the whole map
    extra_x = ((width - 40) / scale - span_x) / kx / 2
    extra_y = ((height - 40) / scale - span_y) / 2
    west, east = west - extra_x, east + extra_x
    south, north = south - extra_y, north + extra_y
    span_x, span_y = (east - west) * kx, north - south
    ox = (width - span_x * scale) / 2
    oy = (height - span_y * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - west) * kx * scale, oy + (north - lat) * scale

    clip = f"{map_id}-frame"
    fw, fh = width - 2 * ox, height - 2 * oy
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width} {height}" role="img" '
           'aria-label="places of events">',
           f'<defs><clipPath id="{clip}"><rect x="{ox:.1f}" y="{oy:.1f}" width="{fw:.1f}" height="{fh:.1f}"/>'
           '</clipPath></defs>',
           f'<rect x="0" y="0" width="{width}" height="{height}" class="sea"/>']
    out.extend(land_svg((west, south, east, north), xy, clip, standalone))
    out.append(f'<rect x="{ox:.1f}" y="{oy:.1f}" width="{fw:.1f}" height="{fh:.1f}" class="frame"/>')
    step = _step(max(east - west, north - south))
    g = math.ceil(west / step) * step
    while g <= east:
        x, _ = xy(g, north)
        out.append(f'<line x1="{x:.1f}" y1="{oy:.1f}" x2="{x:.1f}" y2="{height - oy:.1f}" class="grid"/>')
        out.append(f'<text x="{x + 2:.1f}" y="{height - oy - 3:.1f}" class="gridlabel">{degrees(g, "E", "W")}</text>')
        g += step
    g = math.ceil(south / step) * step
    while g <= north:
        _, y = xy(west, g)
        out.append(f'<line x1="{ox:.1f}" y1="{y:.1f}" x2="{width - ox:.1f}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{ox + 2:.1f}" y="{y - 2:.1f}" class="gridlabel">{degrees(g, "N", "S")}</text>')
        g += step
    ordered = sorted(points, key=lambda p: (-p.weight, p.lon, p.lat, p.label))
    true_xy = [xy(p.lon, p.lat) for p in ordered]
    radii = [5 + min(12.0, 2 * math.sqrt(max(0, p.weight))) for p in ordered]
    shown = spread([(x, y, r) for (x, y), r in zip(true_xy, radii)])
    dots = []
    for p, (tx, ty), (x, y), r in zip(ordered, true_xy, shown, radii):
        if (x, y) != (tx, ty):  # moved off a shared place: a leader line shows where it belongs
            out.append(f'<line x1="{tx:.1f}" y1="{ty:.1f}" x2="{x:.1f}" y2="{y:.1f}" class="leader"/>'
                       f'<circle cx="{tx:.1f}" cy="{ty:.1f}" r="2" class="hub"/>')
        dots.append((p, x, y, r))
        out.append(f'<a href="{escape(p.href)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                   f'fill="{colour(p.kind, palette)}" class="dot"><title>{escape(p.label)}</title></circle></a>')
    out.extend(_labels(dots, width, height))
    out.append(_legend(kinds, palette, 8, 14))
    out.append(f'<text x="{width - 4}" y="{height - 3}" class="credit" text-anchor="end">{escape(SOURCE_NOTE)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _labels(dots: list[tuple[Point, float, float, float]], width: int, height: int) -> list[str]:
    """One label per place, put right, left, above or below its dot, wherever it
    overlaps no dot and no label already placed; a label with no free spot is left out (the
    dot keeps its tooltip, the events table names the place)."""
    # dots count as taken space too: a label must not hide another event's dot
    placed: list[tuple[float, float, float, float]] = [(x - r, y - r, x + r, y + r) for _, x, y, r in dots]
    out, seen = [], set()
    for p, x, y, r in dots:
        name = p.label.split(" · ")[0]
        if name in seen:  # several events at one town share its label
            continue
        seen.add(name)
        w, h = 7.0 * len(name), 13.0  # rough box of 12px bold text
        for lx, ly, anchor, left in ((x + r + 3, y + 4, "start", x + r + 3), (x - r - 3, y + 4, "end", x - r - 3 - w),
                                     (x, y - r - 4, "middle", x - w / 2), (x, y + r + 13, "middle", x - w / 2)):
            box = (left, ly - h + 3, left + w, ly + 3)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                out.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" class="place">{escape(name)}</text>')
                break
    return out


def _legend(kinds: list[str], palette: list[str], x: int, y: int) -> str:
    # a light box behind the keys so graticule labels never show through them
    w = 22 + 6 * max(len(k) for k in kinds)
    parts = [f'<rect x="{x - 4}" y="{y - 14}" width="{w}" height="{16 * len(kinds) + 6}" rx="3" '
             'fill="#fff" fill-opacity="0.85"/>']
    for i, k in enumerate(kinds):
        parts.append(f'<circle cx="{x + 5}" cy="{y + 16 * i - 4}" r="5" fill="{colour(k, palette)}"/>'
                     f'<text x="{x + 14}" y="{y + 16 * i}" class="legend">{escape(k)}</text>')
    return "".join(parts)


def _ticks(first: date, last: date) -> list[tuple[date, bool]]:
    """About eight axis ticks: every n days over two months or less, else on the
    first of every n months (a reader finds "Jun 2014" faster than "31 Mar")."""
    days = (last - first).days + 1
    if days <= 60:
        step = max(1, math.ceil(days / 8))
        return [(first + timedelta(days=i), False) for i in range(0, days, step)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / 8))
    # months counted from year 0; start at the month after ``first``'s so every tick is inside the axis
    out, m = [], first.year * 12 + first.month  # (month - 1) + 1
    while True:
        d = date(m // 12, m % 12 + 1, 1)
        if d > last:
            return out
        out.append((d, True))
        m += step


def timeline_svg(spans: list[Span], width: int = 600, palette: list[str] | None = None) -> str:
    """Events on a date axis, one lane per event type; vague dates drawn as bars.

    ``palette`` is the full list of kinds the colours are taken from, so a
    close-up of some of the events keeps the colours of the whole timeline.
    """
    if not spans:
        return ""
    kinds = sorted({s.kind for s in spans})
    palette = palette or kinds
    # room for the longest lane name ("Explosions/Remote violence") at 11px
    lane_h, right, top = 30, 44, 10
    left = min(220, 16 + round(6.2 * max(len(k) for k in kinds)))
    height = top + lane_h * len(kinds) + 34
    first = min(s.start for s in spans) - timedelta(days=1)
    last = max(s.end for s in spans) + timedelta(days=1)
    days = (last - first).days + 1  # both end days are drawn whole
    scale = (width - left - right) / days

    def x(d: date) -> float:
        return left + (d - first).days * scale

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="timeline of events">']
    for i, k in enumerate(kinds):
        y = top + lane_h * i + lane_h / 2
        out.append(f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" class="lane"/>'
                   f'<text x="{left - 8}" y="{y + 4}" class="lanelabel" text-anchor="end">{escape(k)}</text>')
    axis_y = top + lane_h * len(kinds) + 6
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" class="axis"/>')
    year = None
    for d, monthly in _ticks(first, last):
        # the year only where it changes, so eight ticks fit a narrow chart
        fmt = "%b" if monthly else "%d %b"
        text = f"{d:{fmt}}" if d.year == year else f"{d:{fmt} %Y}"
        year = d.year
        mid = x(d) + scale / 2  # a day's mark sits at the middle of its day
        out.append(f'<line x1="{mid:.1f}" y1="{axis_y}" x2="{mid:.1f}" y2="{axis_y + 4}" class="axis"/>'
                   f'<text x="{mid:.1f}" y="{axis_y + 16}" class="tick" text-anchor="middle">{text}</text>')
    for s in spans:
        y = top + lane_h * kinds.index(s.kind) + lane_h / 2
        fill = colour(s.kind, palette)
        if s.end > s.start:
            w = max(4.0, ((s.end - s.start).days + 1) * scale)
            shape = (f'<rect x="{x(s.start):.1f}" y="{y - 5}" width="{w:.1f}" height="10" rx="4" '
                     f'fill="{fill}" fill-opacity="0.45"/>')
        else:
            shape = f'<circle cx="{x(s.start) + scale / 2:.1f}" cy="{y}" r="6" fill="{fill}" class="dot"/>'
        out.append(f'<a href="{escape(s.href)}"><g>{shape}<title>{escape(s.label)}</title></g></a>')
    out.append("</svg>")
    return "\n".join(out)
