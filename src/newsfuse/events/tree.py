"""Read the dependency tree of one parsed sentence from its ``Token`` records.

The nlp stage hands over plain token records (no spaCy ``Doc``), so these few
tree walks are written here rather than rebuilding a ``Doc`` per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsfuse.records import Span, Token


IRREGULAR = {"retook": "retake", "retaken": "retake", "took": "take", "taken": "take", "shot": "shoot",
             "fought": "fight", "overran": "overrun", "stole": "steal", "stolen": "steal",
             "blew": "blow", "blown": "blow", "fell": "fall", "fallen": "fall", "held": "hold",
             "left": "leave", "bases": "base", "forces": "force", "beaten": "beat", "struck": "strike",
             "threw": "throw", "thrown": "throw", "hit": "hit", "set": "set", "won": "win"}


@lru_cache(maxsize=65536)
def forms(text: str, lemma: str) -> frozenset[str]:
    w = text.lower()
    out = {lemma.lower(), w}
    if w in IRREGULAR:
        out.add(IRREGULAR[w])
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            out.update((stem, stem + "e"))
            if len(stem) > 3 and stem[-1] == stem[-2]:  # "grabbed" -> "grab"
                out.add(stem[:-1])
    return frozenset(out)


@dataclass(frozen=True)
class Tree:
    tokens: tuple[Token, ...]

    @cached_property
    def children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            h = tok.head
            if 0 <= h < len(self.tokens) and h != i:
                kids[h].append(i)
        return tuple(tuple(k) for k in kids)

    def head(self, i: int) -> int | None:
        """Index of the head of token i, None for the root (spaCy roots point at themselves)."""
        h = self.tokens[i].head
        return None if h == i or not 0 <= h < len(self.tokens) else h

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        h = self.head(i)
        while h is not None and h not in seen:
            out.append(h)
            seen.add(h)
            h = self.head(h)
        return out

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def char_span(self, indices: list[int]) -> Span:
        toks = [self.tokens[j] for j in indices]
        return min(t.start for t in toks), max(t.start + len(t.text) for t in toks)

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def forms(self, i: int) -> frozenset[str]:
        """The lemma plus the base forms the word itself could have.

        The small English model mis-lemmatises rarer verbs ("raped" -> "rap",
        "retook" -> "retook", "bases" -> "basis"), so rules also see these.
        """
        return forms(self.tokens[i].text, self.tokens[i].lemma)

    def index_at(self, offset: int) -> int | None:
        """The token covering character ``offset`` (document offsets)."""
        for j, tok in enumerate(self.tokens):
            if tok.start <= offset < tok.start + len(tok.text):
                return j
        return None
