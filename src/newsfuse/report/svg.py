"""Small SVG charts for the report: an equirectangular place plot and a timeline.

Hand-written SVG because the report must be one offline file and no plotting
library is a dependency; both charts are a few dozen shapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from newsfuse.export.days import parse_date

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


def map_svg(points: list[Point], width: int = 520, height: int = 320, palette: list[str] | None = None) -> str:
    """Points on an equirectangular frame fitted to them, with a graticule and labels.

    ``palette``: all kinds the colours are drawn from, shared with the timeline.
    """
    if not points:
        return ""
    kinds = sorted({p.kind for p in points})
    palette = palette or kinds
    lons, lats = [p.lon for p in points], [p.lat for p in points]
    # pad the box so a single place still sits inside a readable frame
    pad = max(0.5, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    west, east = min(lons) - pad, max(lons) + pad
    south, north = max(-90.0, min(lats) - pad), min(90.0, max(lats) + pad)
    # equirectangular with the standard parallel at the middle, so shapes near
    # the box keep their proportions (a degree of longitude shrinks with cos(lat))
    kx = math.cos(math.radians((north + south) / 2))
    span_x, span_y = (east - west) * kx, north - south
    scale = min((width - 40) / span_x, (height - 40) / span_y)
    ox = (width - span_x * scale) / 2
    oy = (height - span_y * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - west) * kx * scale, oy + (north - lat) * scale

    out = [f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-label="places of events">',
           f'<rect x="0" y="0" width="{width}" height="{height}" class="sea"/>']
    step = _step(max(east - west, north - south))
    g = math.ceil(west / step) * step
    while g <= east:
        x, _ = xy(g, north)
        out.append(f'<line x1="{x:.1f}" y1="{oy:.1f}" x2="{x:.1f}" y2="{height - oy:.1f}" class="grid"/>')
        out.append(f'<text x="{x + 2:.1f}" y="{height - oy - 3:.1f}" class="gridlabel">{g:g}°E</text>')
        g += step
    g = math.ceil(south / step) * step
    while g <= north:
        _, y = xy(west, g)
        out.append(f'<line x1="{ox:.1f}" y1="{y:.1f}" x2="{width - ox:.1f}" y2="{y:.1f}" class="grid"/>')
        out.append(f'<text x="{ox + 2:.1f}" y="{y - 2:.1f}" class="gridlabel">{g:g}°N</text>')
        g += step
    dots = []
    for p in sorted(points, key=lambda p: -p.weight):
        x, y = xy(p.lon, p.lat)
        r = 5 + min(12.0, 2 * math.sqrt(max(0, p.weight)))
        dots.append((p, x, y, r))
        out.append(f'<a href="{escape(p.href)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                   f'fill="{colour(p.kind, palette)}" class="dot"><title>{escape(p.label)}</title></circle></a>')
    out.extend(_labels(dots, width, height))
    out.append(_legend(kinds, palette, 8, 14))
    out.append("</svg>")
    return "\n".join(out)


def _labels(dots: list[tuple[Point, float, float, float]], width: int, height: int) -> list[str]:
    """One label per place, put right, left, above or below its dot, wherever it
    overlaps no label already placed; a label with no free spot is left out (the
    dot keeps its tooltip, the events table names the place)."""
    placed: list[tuple[float, float, float, float]] = []
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
    lane_h, left, right, top = 30, 130, 44, 10
    height = top + lane_h * len(kinds) + 34
    first = min(s.start for s in spans) - timedelta(days=1)
    last = max(s.end for s in spans) + timedelta(days=1)
    days = (last - first).days + 1  # both end days are drawn whole
    scale = (width - left - right) / days

    def x(d: date) -> float:
        return left + (d - first).days * scale

    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="timeline of events">']
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
