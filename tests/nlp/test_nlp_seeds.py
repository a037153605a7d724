"""The five real seed reports (read from ../shared at run time; skipped when absent)."""

import pytest

from newsfuse.config import shared_dir
from newsfuse.nlp import annotate
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document, PublishedDate

SEEDS = shared_dir() / "corpora" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason=f"{SEEDS} not found (shared corpora absent)")


def _annotate(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    doc = Document(id=prefix, source=str(path), text=path.read_text(encoding="utf-8"),
                   published=PublishedDate("2014-06-21", "day", "test"))
    (ann,) = annotate([doc], NlpSettings())
    return doc, ann


@pytest.fixture(scope="module")
def seed003():
    return _annotate("003")


def test_seed003_al_qaim_resolves_to_the_iraqi_town(seed003):
    _, ann = seed003
    qaim = [p for p in ann.places if p.text == "al-Qaim"]
    assert qaim, "al-Qaim not found"
    place = qaim[0].place
    assert place.name == "Al Qā’im" and place.country == "IQ"
    assert place.lat == pytest.approx(34.39, abs=0.01) and place.lon == pytest.approx(40.99, abs=0.01)


def test_seed003_friday_is_the_day_before_the_report(seed003):
    _, ann = seed003
    assert "2014-06-20" in {d.value.date for d in ann.dates if "Friday" in d.text}


def test_seed003_isil_is_islamic_state(seed003):
    _, ann = seed003
    assert {a.canonical for a in ann.actors if a.text == "ISIL"} == {"Islamic State"}


def test_seed003_hawija_clash_killed_15(seed003):
    _, ann = seed003
    assert ("killed", 15, 15, "exact") in {(f.kind, f.low, f.high, f.qualifier) for f in ann.figures}


def test_seed003_hawija_sentence_is_parsed(seed003):
    doc, ann = seed003
    sent = next(s for s in ann.sentences if "killed 15 people" in s.text)
    assert sent.candidate and sent.tokens


def test_seed004_cost_17_lives_is_17_killed():
    _, ann = _annotate("004")
    assert ("killed", 17) in {(f.kind, f.low) for f in ann.figures}
    assert any(p.text == "Kirkuk" and p.place.precision == "region" for p in ann.places)
