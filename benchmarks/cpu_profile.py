"""CPU milliseconds per report, per step of nlp and events, beside spaCy's whole pipeline, in one process.

Data: the first N reports of the GVA incident corpus (N = 360, 60 with --quick), cleaned as
``newsfuse run`` cleans them. Every step is a function of ``newsfuse.nlp`` / ``newsfuse.events``
wrapped with a ``time.process_time`` counter (CPU of this process, steadier than wall time on a
shared machine); inside the parse each spaCy component is timed the same way, its own share only
(tokenizer in the first). Steps nest (the parse holds the components, ``_read`` the places, dates,
figures and attributions), so the rows do not add up to the total. Start-up (imports, model
and gazetteer load, first-call warm-up) is measured apart, once.

The peer: spaCy en_core_web_sm ``nlp.pipe`` over the same cleaned texts, every component on.
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict

from benchmarks.process import entry
from evaluation.common import console, table

_SPENT: dict[str, float] = defaultdict(float)
_CALLS: dict[str, int] = defaultdict(int)


def _timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _SPENT[name] += time.process_time() - t
            _CALLS[name] += 1
    return wrapper


_OPEN: list[float] = []  # CPU of the components called inside the one running, per level


def _timed_gen(name: str, fn):
    """A component's ``pipe``: its own CPU only. nlp.pipe chains the components' generators, so
    each next() runs the components before it too; their share is taken off."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        it = fn(*args, **kwargs)
        while True:
            t = time.process_time()
            _OPEN.append(0.0)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                inner = _OPEN.pop()
                spent = time.process_time() - t
                _SPENT[name] += spent - inner
                if _OPEN:
                    _OPEN[-1] += spent
            yield item
    return wrapper


class _TimedComponent:
    """A pipeline component with its ``pipe`` and calls counted (spaCy's Cython components take no
    new attributes, so the pipeline holds this in their place)."""

    def __init__(self, name: str, component) -> None:
        self._name, self._component = name, component
        self.pipe = _timed_gen(name, component.pipe)

    def __call__(self, doc):
        return _timed(self._name, self._component)(doc)  # called alone (never inside another component)

    def __getattr__(self, attr):
        return getattr(self._component, attr)


def _time_components(nlp, prefix: str) -> None:
    nlp._components = [(name, _TimedComponent(f"{prefix}{name}", c) if hasattr(c, "pipe") else c)
                       for name, c in nlp._components]


def cleaned_reports(limit: int):
    """The benchmark's feed (``throughput.write_reports``) read and cleaned as ``newsfuse run`` does."""
    import tempfile
    from pathlib import Path

    from benchmarks.throughput import write_reports
    from newsfuse.clean import clean_documents
    from newsfuse.config import Settings
    from newsfuse.ingest import read_inputs
    from newsfuse.records import Document

    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-cpu-") as tmp:
        feed = Path(tmp, "gva.jsonl")
        write_reports(feed, limit)
        raws = [r for r in read_inputs([str(feed)], settings.ingest) if not hasattr(r, "reason")]
    return [d for d in clean_documents(raws, settings.clean) if isinstance(d, Document)]


def _instrument() -> None:
    import newsfuse.nlp as nlp_pkg

    for name in ("_split", "_parse", "_person_names", "_assemble", "_read", "find_places", "find_dates",
                 "find_attributions", "find_figures", "find_actors", "entity_actors", "is_candidate",
                 "outlet_homes", "_drop_overlapping"):
        setattr(nlp_pkg, name, _timed(name, getattr(nlp_pkg, name)))
    import newsfuse.events as events_pkg  # analyse imports it at each call: wrapped where it is read

    events_pkg.extract_mentions = _timed("events (extract_mentions)", events_pkg.extract_mentions)


def profile(limit: int) -> dict:
    t0 = time.process_time()
    from newsfuse.config import Settings
    from newsfuse.nlp import gazetteer, model
    from newsfuse.workers import analyse

    settings = Settings()
    docs = cleaned_reports(limit)
    clean_s = time.process_time() - t0
    t1 = time.process_time()
    model.sentence_splitter(settings.nlp.model)
    full = model.full_pipeline(settings.nlp.model)
    gazetteer.load(settings.nlp.cache_dir)
    from newsfuse.records import Document
    analyse([Document(id="w", source="w", text="Gunmen killed two people in Mosul on Monday, police said.")], settings)
    start_s = time.process_time() - t1
    _instrument()
    _time_components(full, "  parse: ")
    _SPENT.clear()
    t = time.process_time()
    out = analyse(docs, settings)
    total = time.process_time() - t
    spent = dict(_SPENT)
    peer = model._load(settings.nlp.model)
    texts = [d.text for d in docs]
    t = time.process_time()
    for _ in peer.pipe(texts, batch_size=settings.nlp.batch_size):
        pass
    peer_s = time.process_time() - t
    n = len(docs)
    parsed = sum(1 for a, _ in out if hasattr(a, "sentences") for s in a.sentences if s.candidate)
    sentences = sum(len(a.sentences) for a, _ in out if hasattr(a, "sentences"))
    return {"documents": n, "chars": sum(len(x) for x in texts), "sentences": sentences, "parsed": parsed,
            "mentions": sum(len(m) for _, m in out), "clean_cpu_s": clean_s, "startup_cpu_s": start_s,
            "total_cpu_s": total, "peer_cpu_s": peer_s, "steps_cpu_s": spent}


def _job(limit: str) -> None:
    print(json.dumps(profile(int(limit))))


def main(quick: bool = False) -> dict:
    from benchmarks.process import measure

    r = measure("benchmarks.cpu_profile", str(60 if quick else 360))
    n = r["documents"]
    ms = lambda s: 1000 * s / n  # noqa: E731
    rows = [["peer: spaCy en_core_web_sm nlp.pipe, whole texts", ms(r["peer_cpu_s"]), 1.0],
            ["newsfuse nlp + events, total", ms(r["total_cpu_s"]), r["total_cpu_s"] / r["peer_cpu_s"]]]
    for name, s in sorted(r["steps_cpu_s"].items(), key=lambda kv: -kv[1]):
        rows.append([name, ms(s), s / r["peer_cpu_s"]])
    console.print(table(
        f"CPU per report: {n} cleaned GVA reports, {r['chars']:,} characters; {r['parsed']} of "
        f"{r['sentences']} sentences parsed; {r['mentions']} mentions",
        ["step", "CPU ms per report", "x spaCy whole pipeline"], rows))
    console.print(f"[dim]once per process: start-up (model views, gazetteer, warm-up) {r['startup_cpu_s']:.2f} CPU-s; "
                  f"clean of the {n} reports {ms(r['clean_cpu_s']):.1f} ms per report (includes imports)[/]")
    return r


if __name__ == "__main__":
    entry(_job, main)
