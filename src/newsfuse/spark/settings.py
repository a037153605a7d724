"""Knobs of the Spark driver (the stages keep their own settings in ``newsfuse.config.Settings``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SparkSettings:
    app_name: str = "newsfuse"
    # the driver JVM holds the collected records (see max_result_size); the Python driver does
    # the corpus-level steps in its own process, outside this limit
    driver_memory: str = "1g"
    # all partitions' records (documents, annotations with parsed event sentences, mentions)
    # come back in one collect, held by the driver JVM: for big runs raise both this cap and
    # driver_memory (measured: ~13 KB pickled per 2 KB MUC-4 text, ~6.5x the text)
    max_result_size: str = "1g"
    # no shuffles happen today (mapPartitions + collect), so keep Spark SQL from planning 200 tasks
    shuffle_partitions: int = 2
    ui_enabled: bool = False
    # input files are spread over this many partitions per core: several per core so one slow
    # partition (a big WARC, a page that hits the clean time limit) does not leave cores idle
    partitions_per_core: int = 4
    # documents cleaned and annotated together inside a partition: bounds executor memory and
    # keeps nlp.pipe / the trafilatura pool fed in batches, as the local driver does
    batch: int = 256
    # HTML extraction processes per Spark task: Spark already runs one task per core, so the
    # clean stage's default (one process per core, per task) would oversubscribe the machine
    clean_workers_per_task: int = 1
    log_level: str = "WARN"
