"""Incremental runs: reports arriving over several runs give the record of one run over all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse import blocking
from newsfuse.config import Settings
from newsfuse.pipeline import run
from newsfuse.records import Story, to_dict
from newsfuse.store import Store
from newsfuse.store import increments as inc

BODY = """GAO, Mali (Reuters) - Gunmen on motorbikes opened fire at a cattle market on the outskirts of Gao on Monday,
killing three traders and wounding five others, local officials said.

The attackers fled towards the river before soldiers from the nearby camp reached the market, a police officer
said, adding that two of the wounded were in serious condition at the regional hospital.

No group claimed the attack, the second on a market in the region this month, officials said.
"""

WIRE = "Gunmen kill three at market in Gao\n\nPosted 14 March 2023, 09:10\n\n" + BODY
# the same wire story on a site that prints no date, with a paragraph of its own
UNDATED = ("Three traders shot dead in Gao market\n\n" + BODY
           + "\nTraders in Gao said the market would stay closed for the rest of the week.\n")
QUOTING = """Fear grips Gao traders after market shooting

Posted 15 March 2023, 18:00

Market stalls in Gao stayed shut on Tuesday as traders counted their losses and talked of moving their herds to
safer towns along the river, where prices are lower but the roads are watched by the army.

The attackers fled towards the river before soldiers from the nearby camp reached the market, a police officer
said, adding that two of the wounded were in serious condition at the regional hospital.

Local elders said they would ask the governor for a permanent patrol at the market on trading days.
"""
OTHER = """Farmers in Kano welcome early rains

Posted 2 June 2022, 11:00

KANO, Nigeria - Farmers across Kano state said on Wednesday that the early arrival of the rainy season had let
them plant millet and sorghum two weeks ahead of last year, raising hopes of a better harvest after two lean years.

The state agriculture office said it had distributed improved seed to more than four thousand smallholders.
"""
REPORTS = {"wire.txt": WIRE, "undated.txt": UNDATED, "quoting.txt": QUOTING, "other.txt": OTHER}


def record(db: Path) -> dict:
    """Everything a run stores; stories named by their members (a story's id is the hash of the
    members that founded it and its members are listed in order of arrival: both depend on which
    run brought which report)."""
    with Store(db, read_only=True) as s:
        members = {x.id: sorted(x.documents) for x in s.stories()}

        def norm(rec) -> str:
            d = to_dict(rec)
            for key in ("id", "story"):
                if d.get(key) in members:
                    d[key] = members[d[key]]
            return json.dumps(d, sort_keys=True)

        g = s.copy_graph()
        return {
            "copies": sorted(norm(r) for r in g.relations), "groups": g.origin_group,
            "origins": {k: [to_dict(c) for c in v] for k, v in g.origins.items()},
            "annotations": {k: to_dict(v) for k, v in s.annotations().items()},
            "mentions": sorted(norm(m) for m in s.mentions()), "stories": sorted(json.dumps([x.title, sorted(x.documents)]) for x in s.stories()),
            "events": sorted(norm(x) for x in s.events()), "briefs": sorted(norm(x) for x in s.briefs()),
        }


def runs(tmp: Path, batches: list[list[str]], name: str, db: Path | None = None,
         reports: dict[str, str] = REPORTS) -> Path:
    db = db or tmp / f"{name}.duckdb"
    for n, batch in enumerate(batches):
        folder = tmp / f"{name}-{n}"
        folder.mkdir()
        for file in batch:
            (folder / file).write_text(reports[file], encoding="utf-8")
        run([str(folder)], db, Settings(workers=1))
    return db


@pytest.fixture(scope="module")
def one_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return record(runs(tmp_path_factory.mktemp("one"), [list(REPORTS)], "all"))


@pytest.mark.parametrize("batches", [
    [["undated.txt"], ["wire.txt", "quoting.txt", "other.txt"]],
    [["other.txt"], ["quoting.txt", "undated.txt"], ["wire.txt"]],
])
def test_reports_arriving_over_several_runs_give_the_record_of_one_run(
    tmp_path: Path, one_run: dict, batches: list[list[str]]
) -> None:
    db = runs(tmp_path, batches, "steps")
    assert record(db) == one_run
    with Store(db, read_only=True) as s:  # the later runs did take the incremental path
        assert inc.indexed_count(s) == 4 and inc.signalled_count(s) == 4


def test_an_undated_report_is_dated_again_when_its_dated_copy_arrives_later(tmp_path: Path) -> None:
    db = runs(tmp_path, [["undated.txt"], ["wire.txt"]], "late")
    with Store(db, read_only=True) as s:
        copy = next(d for d in s.documents() if d.source.endswith("undated.txt"))
        monday = [m.value for m in s.annotations()[copy.id].dates if m.text.endswith("Monday")]
        assert copy.published is None
        assert [(v.date, v.precision) for v in monday] == [("2023-03-13", "day")]
        dated = [m for m in s.mentions() if m.document == copy.id and m.date is not None and "copy" in m.date.resolution]
    assert dated, "the undated copy's mentions were not extracted again with the borrowed date"


def test_documents_a_cut_short_run_left_unannotated_are_annotated_and_placed_by_the_next(tmp_path: Path) -> None:
    from newsfuse.clean import CleanSettings, clean_documents
    from newsfuse.ingest import IngestSettings, read_inputs

    db = runs(tmp_path, [["wire.txt"]], "cut")
    (tmp_path / "orphan").mkdir()
    (tmp_path / "orphan" / "other.txt").write_text(OTHER, encoding="utf-8")
    (orphan,) = clean_documents(list(read_inputs([str(tmp_path / "orphan")], IngestSettings())), CleanSettings())
    with Store(db) as s:  # as if a run died after storing the document, before its nlp stage
        s.add_documents([orphan])
        assert not blocking.can_extend(s, [])  # the copy index misses it: the next run rebuilds it
    runs(tmp_path, [["quoting.txt"]], "next", db)
    with Store(db, read_only=True) as s:
        assert orphan.id in s.annotations()
        assert any(orphan.id in st.documents for st in s.stories())
        assert inc.indexed_count(s) == 3


# An outlet no table places, whose first report names an ambiguous town and whose later reports
# teach its home (Missouri): the first report must read "Columbia" as the later ones make it read.
COURIER = "https://www.lakeside-courier.com/news/"
OUTLET = {
    "columbia": {"url": COURIER + "columbia-shooting", "title": "Man arrested after gas station shooting",
                 "published": "2023-03-14", "text": "A man was arrested in Columbia on Friday after a shooting at a "
                 "gas station left two people wounded, police said.\n\nOfficers found the two men near the pumps."},
    "boonville": {"url": COURIER + "boonville-fight", "title": "Two arrested after downtown fight",
                  "published": "2023-03-15", "text": "Deputies in Boonville, Mo., arrested two men after a fight "
                  "downtown on Saturday night, the sheriff said.\n\nOne man was treated for cuts."},
    "ashland": {"url": COURIER + "ashland-barn", "title": "Barn fire near Ashland",
                "published": "2023-03-16", "text": "A barn burned near Ashland, Missouri, on Sunday, firefighters "
                "said.\n\nNo one was hurt, but the owner lost two tractors and a season's hay."},
}


def outlet_runs(tmp: Path, batches: list[list[str]], name: str, reports: dict[str, dict] = OUTLET) -> Path:
    """``batches`` of ``reports`` (JSONL records by name), each run into one store."""
    db = tmp / f"{name}.duckdb"
    for n, batch in enumerate(batches):
        path = tmp / f"{name}-{n}.jsonl"
        path.write_text("".join(json.dumps(reports[k]) + "\n" for k in batch), encoding="utf-8")
        run([str(path)], db, Settings(workers=1))
    return db


def columbia_state(db: Path) -> list[str]:
    with Store(db, read_only=True) as s:
        doc = next(d for d in s.documents() if d.url == OUTLET["columbia"]["url"])
        return [p.place.admin1 for p in s.annotations()[doc.id].places if p.text == "Columbia"]


@pytest.mark.parametrize("batches", [
    [["columbia"], ["boonville", "ashland"]],
    [["columbia"], ["boonville"], ["ashland"]],
    [["boonville", "columbia"], ["ashland"]],
])
def test_a_report_read_before_its_outlets_home_was_learned_is_read_again_when_a_later_run_learns_it(
    tmp_path: Path, batches: list[list[str]]
) -> None:
    one = outlet_runs(tmp_path, [list(OUTLET)], "one")
    split = outlet_runs(tmp_path, batches, "split")
    assert columbia_state(one) == ["Missouri"]
    assert record(split) == record(one)
    with Store(split, read_only=True) as s:  # the later runs did take the incremental path
        assert inc.indexed_count(s) == 3 and inc.count(s, "outlet_evidence") == 3


def test_a_run_that_leaves_an_outlets_home_where_it_was_reads_none_of_its_stored_reports_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = outlet_runs(tmp_path, [["boonville", "ashland"]], "first")
    annotated: list[set[str]] = []
    real = blocking.annotation_context
    monkeypatch.setattr(blocking, "annotation_context", lambda store, todo: annotated.append(set(todo)) or real(store, todo))
    path = tmp_path / "late.jsonl"
    path.write_text(json.dumps(OUTLET["columbia"]) + "\n", encoding="utf-8")
    run([str(path)], db, Settings(workers=1))
    with Store(db, read_only=True) as s:
        stored = {d.id for d in s.documents() if d.url != OUTLET["columbia"]["url"]}
    assert annotated and not any(todo & stored for todo in annotated)
    assert columbia_state(db) == ["Missouri"]


def test_a_run_that_recomputes_everything_also_reads_again_the_reports_whose_outlets_home_it_moves(
    tmp_path: Path
) -> None:
    one = outlet_runs(tmp_path, [list(OUTLET)], "one")
    db = outlet_runs(tmp_path, [["columbia"]], "full")
    path = tmp_path / "later.jsonl"
    path.write_text("".join(json.dumps(OUTLET[k]) + "\n" for k in ("boonville", "ashland")), encoding="utf-8")
    run([str(path)], db, Settings(workers=1, incremental=False))
    assert columbia_state(db) == ["Missouri"]
    assert record(db) == record(one)


# a shooting, the victim's family two days later, and the charge four and a half months later (the far model's
# pair: the victim's name and the town again), beside a report of the same days on another matter
FAR = {
    "shot.txt": """Man shot dead outside Dayton store

Posted 5 March 2016, 08:30

DAYTON, Ohio - Kevin Parker, 31, was shot and killed outside a convenience store on Salem Avenue in Dayton late
Friday, police said.

Officers found Parker lying in the parking lot with several gunshot wounds. He died at Miami Valley Hospital a short
time later. Police said they were looking for a man who ran from the store after the shots were fired.
""",
    "family.txt": """Family mourns Dayton father killed on Salem Avenue

Posted 7 March 2016, 17:45

Relatives of Kevin Parker gathered on Sunday outside the Dayton convenience store where the 31-year-old father of two
was shot dead on Friday night. Dayton police asked anyone who saw the shooting to call Crime Stoppers.
""",
    "charged.txt": """Murder charge in Salem Avenue killing

Posted 21 July 2016, 11:10

A 24-year-old Dayton man was charged on Wednesday with murder in the death of Kevin Parker, who was shot outside a
convenience store on Salem Avenue in Dayton in March.

Prosecutors said the suspect was identified through video from the store. He is held in the Montgomery County jail.
""",
    "park.txt": """Kettering council approves new park

Posted 8 March 2016, 10:00

KETTERING, Ohio - The Kettering city council on Tuesday approved plans for a new park with a playground and walking
trails near the recreation complex. Work is expected to start in the summer, the city manager said.
""",
}


def test_a_follow_up_months_after_its_incident_joins_its_story_in_a_later_run_as_in_one_run(tmp_path: Path) -> None:
    one = record(runs(tmp_path, [list(FAR)], "one", reports=FAR))
    db = runs(tmp_path, [["shot.txt", "family.txt", "park.txt"], ["charged.txt"]], "steps", reports=FAR)
    with Store(db, read_only=True) as s:
        stories = sorted(sorted(Path(d.source).name for d in s.documents(x.documents)) for x in s.stories())
    # the charge is 138 days after the shooting: beyond the days a run looks back over, found by the victim's name
    assert stories == [["charged.txt", "family.txt", "shot.txt"], ["park.txt"]]
    assert record(db)["stories"] == one["stories"]


def test_a_store_whose_names_were_keyed_another_way_is_indexed_again_before_a_later_run_looks_them_up(
        tmp_path: Path) -> None:
    db = runs(tmp_path, [["shot.txt", "family.txt", "park.txt"]], "steps", reports=FAR)
    with Store(db) as s, s._write() as con:  # as a store written when names were keyed otherwise would hold them
        con.execute("UPDATE story_names SET key = key + 1")
        con.execute("UPDATE store_meta SET value = 'full name' WHERE key = 'story_names'")
    runs(tmp_path, [["charged.txt"]], "later", db=db, reports=FAR)
    with Store(db, read_only=True) as s:
        stories = sorted(sorted(Path(d.source).name for d in s.documents(x.documents)) for x in s.stories())
    assert stories == [["charged.txt", "family.txt", "shot.txt"], ["park.txt"]]


def test_a_later_report_regroups_a_story_an_earlier_run_split_in_two_as_one_run_groups_it(
        tmp_path: Path, one_run: dict) -> None:
    db = runs(tmp_path, [["wire.txt", "quoting.txt", "other.txt"]], "split")
    with Store(db) as s:  # the Gao story as a run that met its reports apart would have left it: two stories
        gao = next(x for x in s.stories() if len(x.documents) == 2)
        halves = [Story(gao.id, gao.title, gao.documents[:1]), Story("s-second-half", gao.title, gao.documents[1:])]
        inc.upsert_stories(s, halves)
        blocking.reconcile_touched(s, Settings(), blocking.Touched(stories={x.id for x in halves}))
        assert len(s.stories()) == 3 and {e.story for e in s.events()} >= {"s-second-half"}
    runs(tmp_path, [["undated.txt"]], "later", db=db)
    assert record(db) == one_run
    with Store(db, read_only=True) as s:
        assert "s-second-half" not in {x.id for x in s.stories()} | {e.story for e in s.events()}


def test_stories_read_the_report_main_mentions_of_the_documents_they_cluster_in_full_and_incremental_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfuse import pipeline

    seen: list[tuple[set[str], dict | None]] = []

    def spy(real):
        def cluster(docs, annotations, existing, settings, mains=None):
            seen.append(({d.id for d in docs}, mains))
            return real(docs, annotations, existing, settings, mains)
        return cluster

    monkeypatch.setattr(pipeline, "cluster_stories", spy(pipeline.cluster_stories))
    monkeypatch.setattr(blocking, "cluster_stories", spy(blocking.cluster_stories))
    db = runs(tmp_path, [["wire.txt"], ["quoting.txt"]], "mains")
    with Store(db, read_only=True) as s:
        mains = {m.document: m for m in s.mentions() if m.report_main}
    assert len(seen) == 2 and len(mains) == 2  # the full run, then the incremental one
    for ids, given in seen:
        assert given and set(given) <= ids and all(m.report_main and mains[d] == m for d, m in given.items())
    assert len(seen[1][1]) == 2  # the new report's main event and its stored neighbour's


# An outlet no table places: its first report names no place, its later ones teach its home town (Dothan).
LEDGER = "https://www.wiregrass-ledger.com/news/"
UNPLACED = {
    "unplaced": {"url": LEDGER + "store-shooting", "title": "Man shot dead outside store",
                 "published": "2023-03-14", "text": "A 24-year-old man was shot and killed outside a convenience "
                 "store on Monday night, police said.\n\nOfficers found him in the parking lot."},
    "first": {"url": LEDGER + "dothan-shooting", "title": "Woman wounded in Dothan shooting",
              "published": "2023-04-02", "text": "A woman was shot and wounded in Dothan, Ala., on Saturday "
              "night, police said.\n\nShe was taken to a hospital in stable condition."},
    "second": {"url": LEDGER + "dothan-robbery", "title": "Clerk shot in Dothan robbery",
               "published": "2023-05-09", "text": "A store clerk was shot during a robbery in Dothan, Alabama, "
               "on Monday, police said.\n\nThe robber fled on foot."},
}


def test_a_report_no_text_places_is_placed_at_its_outlets_home_when_a_later_run_learns_it_as_in_one_run(
    tmp_path: Path,
) -> None:
    one = outlet_runs(tmp_path, [list(UNPLACED)], "one", UNPLACED)
    split = outlet_runs(tmp_path, [["unplaced"], ["first"], ["second"]], "split", UNPLACED)
    with Store(one, read_only=True) as s:
        unplaced = next(d.id for d in s.documents() if d.url == UNPLACED["unplaced"]["url"])
        [event] = [e for e in s.events() if unplaced in e.documents]
        assert (event.place.name, event.place.geo_precision) == ("Dothan", 3)
    assert record(split) == record(one)


# a plea months after a shooting, naming no one the shooting's report names: a story of its own, joined to the
# town's one earlier event across stories (reconcile/later.py)
PLEA = {
    "shot.txt": """Man shot dead outside Pocatello bar

Posted 12 March 2016, 08:15

POCATELLO, Idaho - A 41-year-old man was shot and killed early Saturday outside a bar on Main Street in Pocatello,
police said. Officers found the man in the parking lot shortly after 1 a.m. He died at the scene.

Police said a suspect left in a pickup truck before officers arrived. The man's name was not released.
""",
    "plea.txt": """Plea deal in Main Street bar killing

Posted 18 August 2016, 14:30

POCATELLO, Idaho - A 29-year-old man pleaded guilty on Wednesday to voluntary manslaughter for the fatal shooting
outside a Pocatello bar in March. Prosecutors said he faces up to 15 years in prison when he is sentenced in October.
""",
    "park.txt": FAR["park.txt"],
}


@pytest.mark.parametrize("batches", [[["shot.txt", "park.txt"], ["plea.txt"]], [["plea.txt"], ["park.txt", "shot.txt"]]])
def test_an_event_joined_across_stories_in_one_run_is_joined_when_its_reports_arrive_in_two(
    tmp_path: Path, batches: list[list[str]]
) -> None:
    one = record(runs(tmp_path, [list(PLEA)], "one", reports=PLEA))
    steps = record(runs(tmp_path, batches, "steps", reports=PLEA))
    assert len(one["stories"]) == 3 and len(one["events"]) == 1  # two stories, one event
    assert steps["events"] == one["events"] and steps["briefs"] == one["briefs"]


# the same at a county: both reports' main events placed at Itasca County (no town named), the plea 4 months on
COUNTY = {
    "shot.txt": """Teen killed in hunting accident in Itasca County

Posted 15 November 2015, 09:20

A 15-year-old boy was shot and killed in a hunting accident in Itasca County on Saturday, the sheriff's office
said. Deputies said the boy was hunting deer with a friend when a rifle went off.
""",
    "plea.txt": """Itasca County teen pleads guilty in friend's shooting death

Posted 9 March 2016, 14:10

A 16-year-old pleaded guilty on Tuesday to manslaughter in the shooting death of his friend in Itasca County last
November, prosecutors said. He will be sentenced in April.
""",
}


def test_a_plea_at_a_county_joins_the_countys_earlier_event_when_it_arrives_in_a_later_run(tmp_path: Path) -> None:
    with Store(runs(tmp_path, [list(COUNTY)], "one", reports=COUNTY), read_only=True) as s:
        [one] = s.events()
    with Store(runs(tmp_path, [["shot.txt"], ["plea.txt"]], "steps", reports=COUNTY), read_only=True) as s:
        [steps] = s.events()  # the plea's story is its own here (no name to fetch it by), its event is not
        assert len(s.stories()) == 2
    assert (steps.date, steps.place, steps.fatalities, len(steps.documents)) == \
        (one.date, one.place, one.fatalities, 2)
