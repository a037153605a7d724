"""A SparkContext for one run: small, quiet, and stopped afterwards.

pyspark is imported here and nowhere else, lazily, because it is an optional extra
(``pip install 'newsfuse[spark]'``) and starting its JVM costs seconds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsfuse.spark.settings import SparkSettings


@contextmanager
def spark_context(master: str, conf: SparkSettings) -> Iterator[Any]:
    """A new SparkContext on ``master``, stopped when the block ends."""
    # workers must run this same interpreter: it is the one with newsfuse and the model installed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as err:
        raise RuntimeError("the Spark driver needs pyspark: pip install 'newsfuse[spark]'") from err
    spark_conf = (
        SparkConf()
        .setMaster(master)
        .setAppName(conf.app_name)
        .set("spark.ui.enabled", str(conf.ui_enabled).lower())
        .set("spark.driver.memory", conf.driver_memory)
        .set("spark.driver.maxResultSize", conf.max_result_size)
        .set("spark.sql.shuffle.partitions", str(conf.shuffle_partitions))
        # a reused Python worker keeps the spaCy model and gazetteer loaded between partitions
        .set("spark.python.worker.reuse", "true")
    )
    sc = SparkContext(conf=spark_conf)
    sc.setLogLevel(conf.log_level)
    try:
        yield sc
    finally:
        sc.stop()
