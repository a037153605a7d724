from newsfuse.learned import ENV, learned_file
from newsfuse.nlp import outlets
from newsfuse.nlp.gazetteer import load
from newsfuse.stories.links import ARTIFACT


def test_the_shipped_artifact_is_read_when_no_folder_replaces_it(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV, raising=False)
    assert learned_file(ARTIFACT) == ARTIFACT
    monkeypatch.setenv(ENV, str(tmp_path))  # a folder without that file replaces nothing
    assert learned_file(ARTIFACT) == ARTIFACT


def test_a_file_of_the_same_name_in_the_learned_folder_replaces_the_shipped_one(monkeypatch, tmp_path):
    (tmp_path / ARTIFACT.name).write_text("{}", encoding="utf-8")
    monkeypatch.setenv(ENV, str(tmp_path))
    assert learned_file(ARTIFACT) == tmp_path / ARTIFACT.name


def test_the_outlet_areas_of_a_learned_folder_are_the_ones_home_area_reads(monkeypatch, tmp_path):
    # an out-of-fold evaluation learns the table without the incidents it scores: lex18.com (Kentucky in the
    # shipped table) is here learned as an Ohio outlet, and a host the shipped table knows may be unknown
    (tmp_path / outlets.AREAS_TABLE.name).write_text("# host\tcountry\tadmin1\nlex18.com\tUS\tOH\t3\t1.0\n",
                                                     encoding="utf-8")
    monkeypatch.setenv(ENV, str(tmp_path))
    outlets.forget_learned_tables()
    try:
        gaz = load()
        assert outlets.home_area("http://www.lex18.com/story/1", gaz) == ("US", "OH")
        assert outlets.home_area("http://www.wkrn.com/story/1", gaz, named=False) is None
    finally:
        outlets.forget_learned_tables()
