from dataclasses import replace

from newsfuse.config import Settings
from newsfuse.nlp.settings import NlpSettings


def test_reconcile_reads_the_gazetteer_from_where_the_nlp_stage_caches_it():
    settings = Settings(nlp=NlpSettings(cache_dir="/data/newsfuse-cache"))
    assert settings.reconcile.cache_dir == "/data/newsfuse-cache"
    assert replace(settings, nlp=NlpSettings(cache_dir="/elsewhere")).reconcile.cache_dir == "/elsewhere"
    assert Settings().reconcile.cache_dir is None
