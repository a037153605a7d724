import re
from datetime import date

from newsfuse.report.svg import Point, Span, map_svg, parse_date, timeline_svg


def _circles(svg: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="[^"]+" class="dot"', svg)]


def test_map_puts_east_to_the_right_and_north_up():
    svg = map_svg([Point(43.77, 35.33, "Hawija", "#a", "Battles"), Point(47.78, 30.51, "Basra", "#b", "Protests")])
    (hx, hy), (bx, by) = sorted(_circles(svg), key=lambda c: c[0])
    assert bx > hx  # Basra lies east of Hawija
    assert by > hy  # and south of it, so lower on the page


def test_map_labels_places_and_draws_a_graticule_in_degrees():
    svg = map_svg([Point(41.14, 34.38, "Al Qa'im · Battles", "#e1", "Battles")])
    assert "Al Qa&#x27;im" in svg and "°E" in svg and "°N" in svg
    assert 'href="#e1"' in svg


def test_map_of_nothing_is_empty():
    assert map_svg([]) == ""


def test_month_precision_dates_cover_the_whole_month():
    assert parse_date("2014-06", "month") == (date(2014, 6, 1), date(2014, 6, 30))
    assert parse_date("2014-12-05", "month") == (date(2014, 12, 1), date(2014, 12, 31))


def test_unreadable_dates_are_left_off_the_timeline():
    assert parse_date("sometime", "day") is None
    assert parse_date(None, None) is None


def test_timeline_draws_days_as_dots_and_vague_dates_as_bars_in_date_order():
    svg = timeline_svg([
        Span(date(2014, 6, 20), date(2014, 6, 20), "seized", "#e1", "Battles"),
        Span(date(2014, 6, 1), date(2014, 6, 30), "fighting in June", "#e2", "Battles"),
        Span(date(2014, 6, 25), date(2014, 6, 25), "strike", "#e3", "Explosions/Remote violence"),
    ])
    dots = _circles(svg)
    assert len(dots) == 2 and dots[0][0] < dots[1][0]
    assert svg.count("<rect") == 1
    assert "Explosions/Remote violence" in svg and "2014" in svg
