from evaluation.area_points import learn

TOKYO, MIDDLE = (35.69, 139.75), (36.0, 137.44)


def _mentions(key, ours, golds, gid=1):
    return [(key, ours, g, gid) for g in golds]


def test_an_area_moves_to_the_gold_point_most_of_its_mentions_lie_near():
    key = ("JP", "", "Japan")
    table = learn(_mentions(key, MIDDLE, [TOKYO] * 3 + [MIDDLE]))
    assert table[key][:2] == TOKYO and table[key][2:] == (4, 3, 1)


def test_an_area_already_placed_well_or_seen_once_keeps_its_own_point():
    key = ("JP", "", "Japan")
    assert learn(_mentions(key, TOKYO, [TOKYO] * 3)) == {}
    assert learn(_mentions(key, MIDDLE, [TOKYO])) == {}


def test_an_area_whose_gold_names_several_places_learns_nothing():
    key = ("", "", "Middle East")
    mixed = _mentions(key, MIDDLE, [TOKYO] * 2, gid=7) + _mentions(key, MIDDLE, [TOKYO] * 2, gid=8)
    assert learn(mixed) == {}
