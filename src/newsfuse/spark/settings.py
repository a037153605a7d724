"""Knobs of the Spark driver (the stages keep their own settings in ``newsfuse.config.Settings``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SparkSettings:
    app_name: str = "newsfuse"
    # the driver JVM collects only the shard paths; the Python driver reads the shards and does
    # the corpus-level steps in its own process, outside these limits
    driver_memory: str = "1g"
    max_result_size: str = "1g"
    # where executors write their shards (a temporary folder is made inside it and removed after
    # the run); None = the system temp folder. On a cluster: a path every executor and the driver
    # share (NFS, a mounted bucket)
    shard_dir: str | None = None
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
