from newsfuse.records import DateValue, Fatalities, Mention, Place
from newsfuse.reconcile.duplicates import joined_alike
from newsfuse.reconcile.settings import ReconcileSettings
from newsfuse.reconcile.values import Reconciled

TOWN = Place("Mount Pleasant", 40.149, -79.541, "US", 5202009, "Pennsylvania")
DAY = DateValue("2016-03-20", "day", "absolute")
NONE = Fatalities(None, None, None)


def _group(doc: str) -> list[Mention]:
    return [Mention(f"{doc}:0", doc, (0, 5), "Shot.", "Violence against civilians", "Attack", main=f"{doc}:0")]


def _values(killed: int | None, place: Place | None = TOWN, day: DateValue | None = DAY,
            kind: str = "Violence against civilians") -> Reconciled:
    return Reconciled(kind, "Attack", day, place, (), Fatalities(killed, killed, killed), (), NONE)


def _joined(values: list[Reconciled], stories: dict[str, str]) -> list[list[str]]:
    groups = [_group(d) for d in stories]
    return [[m.document for m in g] for g in joined_alike(groups, values, stories, lambda m: (m.document,), ReconcileSettings())]


def test_events_of_one_story_at_one_place_on_one_day_with_no_toll_differing_are_one():
    assert _joined([_values(1), _values(None), _values(1)], {"a": "s", "b": "s", "c": "s"}) == [["a", "b", "c"]]


def test_a_differing_toll_another_story_place_day_or_type_keeps_events_apart():
    assert _joined([_values(1), _values(3)], {"a": "s", "b": "s"}) == [["a"], ["b"]]
    assert _joined([_values(1), _values(1)], {"a": "s", "b": "t"}) == [["a"], ["b"]]
    assert _joined([_values(1), _values(1, day=DateValue("2016-03-21", "day", "absolute"))],
                   {"a": "s", "b": "s"}) == [["a"], ["b"]]
    assert _joined([_values(1), _values(1, kind="Protests")], {"a": "s", "b": "s"}) == [["a"], ["b"]]


def test_events_placed_only_at_an_area_or_dated_only_by_month_are_never_joined_so():
    area = Place("Pennsylvania", 40.9, -77.8, "US", 6254927, "Pennsylvania", "region", "region")
    month = DateValue("2016-03", "month", "absolute")
    assert _joined([_values(1, place=area), _values(1, place=area)], {"a": "s", "b": "s"}) == [["a"], ["b"]]
    assert _joined([_values(1, day=month), _values(1, day=month)], {"a": "s", "b": "s"}) == [["a"], ["b"]]


NEIGHBOUR = Place("Scottdale", 40.100, -79.587, "US", 5211036, "Pennsylvania")  # 7 km away


def _tolls(killed: int | None, injured: int | None, place: Place = TOWN) -> Reconciled:
    return Reconciled("Violence against civilians", "Attack", DAY, place, (), Fatalities(killed, killed, killed), (),
                      Fatalities(injured, injured, injured))


def test_events_of_two_stories_in_neighbouring_towns_on_one_day_telling_one_toll_of_several_are_one():
    assert _joined([_tolls(1, 6), _tolls(None, 6, NEIGHBOUR)], {"a": "s", "b": "t"}) == [["a", "b"]]


def test_events_of_two_stories_telling_one_victim_or_a_toll_apart_stay_two():
    assert _joined([_tolls(1, None), _tolls(1, None, NEIGHBOUR)], {"a": "s", "b": "t"}) == [["a"], ["b"]]
    assert _joined([_tolls(1, 6), _tolls(2, 6, NEIGHBOUR)], {"a": "s", "b": "t"}) == [["a"], ["b"]]
    far = Place("Erie", 42.129, -80.085, "US", 5188843, "Pennsylvania")
    assert _joined([_tolls(None, 6), _tolls(None, 6, far)], {"a": "s", "b": "t"}) == [["a"], ["b"]]
