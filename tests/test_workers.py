"""The driver's worker processes give what one process gives, in input order."""

from __future__ import annotations

from newsfuse.config import Settings
from newsfuse.records import Document, RawDocument, Rejected
from newsfuse.workers import WorkerPool, analyse, clean_text_pages

TEXTS = [
    "Gunmen killed two police officers at a checkpoint in Mosul on Monday, officials said.",
    "Farmers in Kano said the early rains let them plant millet two weeks ahead of last year.",
    "Protesters marched through central Bamako on Friday to demand the release of detained students.",
    "A roadside bomb wounded three soldiers near Gao on Sunday, the army said in a statement.",
    "Heavy rain cut the main road between Mopti and Sevare, leaving hundreds of trucks stranded.",
]


# an outlet no table knows, whose three reports teach its home only to a run that sees them together:
# in chunks of two, the report naming Columbia alone shares its chunk with none of the others
OUTLET = [
    "A man was arrested in Columbia on Friday after a shooting at a gas station.",
    "Deputies in Boonville, Mo., arrested two men after a fight downtown.",
    "A barn burned near Ashland, Missouri, on Sunday, firefighters said.",
]


def test_the_worker_pool_analyses_and_cleans_like_one_process_in_input_order() -> None:
    settings = Settings(workers=2)
    docs = [Document(id=f"d{i}", source=f"d{i}.txt", text=t) for i, t in enumerate(TEXTS)]
    docs[1:1] = [Document(id=f"o{i}", source=f"o{i}.txt", text=t, url=f"http://www.lakeside-courier.com/news/{i}")
                 for i, t in enumerate(OUTLET)]
    docs[3], docs[5] = docs[5], docs[3]  # the Columbia report first, then two chunks without it
    raws = [RawDocument(id=f"r{i}", source=f"r{i}.txt", content=t + "\n\n" + t, kind="text")
            for i, t in enumerate(TEXTS)]
    with WorkerPool(settings, chunk=2, min_documents=1) as pool:
        pool.expect(len(docs))
        assert pool._pool is not None  # the processes really started
        pooled = list(pool.analyse(docs))
        cleaned = list(pool.clean_text_pages(raws))
    assert [a.document for a, _ in pooled] == [d.id for d in docs]
    assert pooled == analyse(docs, settings)
    columbia = next(a for a, _ in pooled if a.document == "o0")
    assert [(p.text, p.place.admin1) for p in columbia.places] == [("Columbia", "Missouri")]
    assert cleaned == clean_text_pages(raws, settings)
    assert any(mentions for _, mentions in pooled)


def test_a_small_batch_stays_in_this_process() -> None:
    with WorkerPool(Settings(workers=2)) as pool:
        pool.expect(3)
        (ann, _), = pool.analyse([Document(id="x", source="x.txt", text=TEXTS[0])])
        assert pool._pool is None  # no process was started for three documents
    assert not isinstance(ann, Rejected)


def test_the_workers_fork_server_is_stopped_and_waited_for_when_the_pool_closes() -> None:
    from multiprocessing import forkserver

    with WorkerPool(Settings(workers=2), chunk=2, min_documents=1) as pool:
        pool.expect(2)
        list(pool.analyse([Document(id=f"d{i}", source=f"d{i}.txt", text=t) for i, t in enumerate(TEXTS[:2])]))
        assert forkserver._forkserver._forkserver_pid is not None
    assert forkserver._forkserver._forkserver_pid is None  # its model's memory is free, its CPU counted


def test_a_paused_pool_frees_its_processes_and_starts_them_again_for_its_next_job() -> None:
    from multiprocessing import forkserver

    settings = Settings(workers=2)
    docs = [Document(id=f"d{i}", source=f"d{i}.txt", text=t) for i, t in enumerate(TEXTS)]
    with WorkerPool(settings, chunk=2, min_documents=1) as pool:
        pool.expect(len(docs))
        pool.pause()
        assert pool._pool is None and forkserver._forkserver._forkserver_pid is None
        pooled = list(pool.analyse(docs))
        assert pool._pool is not None  # the parse ran on processes started again, not in this one
    assert pooled == analyse(docs, settings)


def _pid(_: object) -> int:
    import os

    return os.getpid()


def test_workers_are_replaced_after_their_share_of_documents_and_still_give_what_one_process_gives() -> None:
    settings = Settings(workers=2, worker_documents=2)  # with chunks of 2: a fresh process every chunk
    docs = [Document(id=f"d{i}", source=f"d{i}.txt", text=t) for i, t in enumerate(TEXTS * 2)]
    with WorkerPool(settings, chunk=2, min_documents=1) as pool:
        pool.expect(len(docs))
        pooled = list(pool.analyse(docs))
        pids = set(pool._pool.map(_pid, range(8), chunksize=1))
    assert pooled == analyse(docs, settings)
    assert len(pids) > 2  # more processes served than the pool holds at once: they were replaced
