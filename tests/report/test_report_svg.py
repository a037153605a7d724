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


def test_labels_of_nearby_places_do_not_overlap():
    pts = [Point(43.77, 35.33, "Al Hawijah", "#a", "Battles", 15),
           Point(43.49, 34.93, "Bayji", "#b", "Battles", 71),
           Point(41.14, 34.38, "Al Qa'im", "#c", "Battles"),
           Point(43.77, 35.33, "Al Hawijah", "#d", "Protests")]
    svg = map_svg(pts)
    texts = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)" class="place">([^<]+)</text>', svg)
    assert sorted(t[3] for t in texts) == ["Al Hawijah", "Al Qa&#x27;im", "Bayji"]  # one label per place
    boxes = []
    for x, y, anchor, name in texts:
        x, y, w = float(x), float(y), 7.0 * len(name.replace("&#x27;", "'"))
        left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
        boxes.append((left, y - 10, left + w, y + 3))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_long_timelines_tick_on_the_first_of_months_inside_the_axis():
    from newsfuse.report.svg import _ticks

    ticks = _ticks(date(2013, 3, 31), date(2014, 6, 22))
    assert ticks[0] == (date(2013, 4, 1), True)
    assert all(d.day == 1 and date(2013, 3, 31) <= d <= date(2014, 6, 22) for d, _ in ticks)
    assert 5 <= len(ticks) <= 9


def test_short_timelines_tick_on_days():
    from newsfuse.report.svg import _ticks

    assert _ticks(date(2014, 6, 16), date(2014, 6, 18)) == [
        (date(2014, 6, 16), False), (date(2014, 6, 17), False), (date(2014, 6, 18), False)]


def test_a_shared_palette_gives_an_event_type_one_colour_on_map_and_timeline():
    palette = ["Battles", "Explosions/Remote violence", "Protests"]
    m = map_svg([Point(44.4, 33.3, "Baghdad", "#a", "Protests")], palette=palette)
    t = timeline_svg([Span(date(2014, 6, 1), date(2014, 6, 1), "x", "#a", "Protests")], palette=palette)
    fill = re.search(r'fill="(#[0-9a-f]{6})" class="dot"', m).group(1)
    assert fill and f'fill="{fill}" class="dot"' in t


def test_map_draws_natural_earth_borders_and_names_the_countries_in_view():
    points = [Point(40.99, 34.39, "Al Qa'im", "#a", "Battles"), Point(40.14, 35.34, "Deir ez-Zor", "#b", "Battles")]
    svg = map_svg(points)
    shapes = re.findall(r'class="land"[^>]*><title>([^<]+)</title>', svg)
    assert {"Iraq", "Syria", "Brazil"} <= set(shapes)  # a standalone map carries the world's borders
    names = re.findall(r'class="country"[^>]*>([^<]+)<', svg)
    assert "Syria" in names and "Brazil" not in names and "Natural Earth" in svg


def test_the_world_is_projected_onto_the_map_by_its_transform():
    """The <use> transform puts a longitude/latitude where the dots' projection puts it."""
    svg = map_svg([Point(40.99, 34.39, "Al Qa'im", "#a", "Battles"), Point(44.4, 33.3, "Baghdad", "#b", "Battles")])
    a, _, _, d, e, f = (float(v) for v in re.search(r'transform="matrix\(([^)]+)\)"', svg).group(1).split())
    (x1, y1), (x2, y2) = sorted(_circles(svg))
    assert abs(a * 40.99 + e - x1) < 1 and abs(d * -34.39 + f - y1) < 1
    assert abs(a * 44.4 + e - x2) < 1 and abs(d * -33.3 + f - y2) < 1


def test_maps_in_a_page_share_one_copy_of_the_borders():
    from newsfuse.report.basemap import WORLD_ID, world_defs

    svg = map_svg([Point(40.99, 34.39, "Al Qa'im", "#a", "Battles")], standalone=False)
    assert f'href="#{WORLD_ID}"' in svg and 'class="land"' not in svg
    assert f'id="{WORLD_ID}"' in world_defs()


def test_west_longitudes_and_south_latitudes_are_written_w_and_s():
    from newsfuse.report.svg import degrees

    svg = map_svg([Point(-3.0, -1.0, "Somewhere", "#a", "Battles")])
    assert "°W" in svg and "°S" in svg and "-" not in "".join(re.findall(r'class="gridlabel">([^<]+)<', svg))
    assert (degrees(-3, "E", "W"), degrees(40, "E", "W"), degrees(0, "N", "S")) == ("3°W", "40°E", "0°")


def test_events_at_one_place_are_fanned_out_so_each_dot_shows():
    svg = map_svg([Point(44.4, 33.34, f"Baghdad · {i}", f"#e{i}", "Battles") for i in range(3)])
    circles = _circles(svg)
    assert len(set(circles)) == 3
    assert min(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a in circles for b in circles if a != b) > 8
    assert svg.count('class="leader"') == 3


def test_a_label_never_covers_another_events_dot():
    svg = map_svg([Point(40.92, 34.45, "Albu Kamal", "#a", "Battles"), Point(41.92, 34.48, "Rawah", "#b", "Battles"),
                   Point(40.99, 34.39, "Al Qaim", "#c", "Battles")], width=300, height=200)
    dots = _circles(svg)
    for x, y, anchor, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)" class="place">([^<]+)<', svg):
        x, y, w = float(x), float(y), 7.0 * len(text)
        left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        for dx, dy in dots:
            assert not (left < dx < left + w and y - 10 < dy < y + 3), text


def test_a_close_up_on_a_border_town_still_names_its_country():
    svg = map_svg([Point(40.99, 34.39, "Al Qa'im", "#a", "Battles")])  # Iraq's middle is far out of view
    assert "Iraq" in re.findall(r'class="country"[^>]*>([^<]+)<', svg)
