"""The Spark driver: ``run_spark(paths, db, settings=None, master="local[*]") -> RunSummary``.

For corpora that outgrow one machine. The per-document stages run inside Spark
``mapPartitions`` (read_inputs -> clean_documents -> annotate -> extract_mentions), one
partition per slice of the input files, the spaCy model loaded once per Python worker;
each partition writes its outcomes to a Parquet shard (shards.py) and only the shard paths come
back, so no document passes through the driver JVM; the driver stores the shards one at a time
and then does the corpus-level steps (copies, stories, reconcile) against the same DuckDB store,
incrementally as the local driver does (blocking.py) when the store's copy index covers it. Same inputs, same stored records as the local
driver; reports already in the store are skipped inside the partitions (a broadcast set of
stored ids) before any cleaning or parsing.

Needs the ``spark`` extra (``pip install 'newsfuse[spark]'``, pyspark 4.3, Java 17)::

    from newsfuse.spark import run_spark
    run_spark(["reports/"], "newsfuse.duckdb", master="local[4]")      # one machine, 4 cores
    run_spark(["/shared/reports/"], "newsfuse.duckdb", master="spark://host:7077")

With a cluster master, the input paths must be readable at the same path on every
executor (a shared file system) and newsfuse plus the model installed in their Python.
"""

from newsfuse.spark.driver import run_spark
from newsfuse.spark.settings import SparkSettings

__all__ = ["run_spark", "SparkSettings"]
