import numpy as np
from copies_texts import OWN_PARAS, WIRE_PARAS

from newsfuse.copies import tokens
from newsfuse.copies.tokens import WORD, corpus_word_hashes, word_hashes, words_with_offsets

MIXED = [
    "Al-Qaim’s border crossing “fell” on Saturday — officials said 3½ hours later…",
    "Qaïm, QAIM and qaim are one word; naïve_reporting keeps its underscore.",
    "Пограничный переход Аль-Каим закрыт; 국경 검문소 closed\u00a0today.",
    "",
    "   ...   ",
    "antidisestablishmentarianism and supercalifragilisticexpialidocious are long words",
]


def _reference_words(text: str) -> list[str]:
    return WORD.findall(tokens._fold(text.lower()))


def test_word_hashes_give_one_hash_per_regex_word_with_equal_words_equal_hashes():
    texts = MIXED + WIRE_PARAS + OWN_PARAS
    seen: dict[str, int] = {}
    back: dict[int, str] = {}
    for text, hashes in zip(texts, corpus_word_hashes(texts), strict=True):
        words = _reference_words(text)
        assert len(hashes) == len(words)
        for w, h in zip(words, hashes.tolist(), strict=True):
            assert seen.setdefault(w, h) == h  # a word always hashes the same
            assert back.setdefault(h, w) == w  # two different words never share a hash


def test_case_accents_and_quote_styles_do_not_change_word_hashes():
    assert word_hashes("Qaïm’s ‘border’").tolist() == word_hashes("QAIM's 'border'").tolist()


def test_corpus_hashing_matches_one_text_at_a_time_across_batch_boundaries(monkeypatch):
    texts = (MIXED + WIRE_PARAS + OWN_PARAS) * 3
    monkeypatch.setattr(tokens, "_BATCH", 4)
    batched = corpus_word_hashes(texts)
    assert len(batched) == len(texts)
    for text, hashes in zip(texts, batched, strict=True):
        assert hashes.tolist() == word_hashes(text).tolist()


def test_words_longer_than_one_load_differ_in_their_tail_bytes():
    h = word_hashes("internationalisation internationalisatiom internationalisation")
    assert h[0] == h[2] and h[0] != h[1]


def test_texts_without_words_give_empty_hash_arrays():
    assert [len(h) for h in corpus_word_hashes(["", " ,;! ", "one"])] == [0, 0, 1]


def test_word_offsets_point_at_the_hashed_words():
    text = "Al-Qaim’s border crossing “fell” on Saturday"
    w = words_with_offsets(text)
    assert w.hashes.tolist() == word_hashes(text).tolist()
    assert [text[s:e] for s, e in zip(w.starts, w.ends, strict=True)][:3] == ["Al", "Qaim", "s"]
    assert word_hashes("Qaim")[0] == w.hashes[1]


def test_offsets_stay_one_per_word_when_folding_splits_a_word():
    text = "rain for 3½ hours"  # NFKD turns ½ into 1⁄2: one word of the text, two folded words
    w = words_with_offsets(text)
    assert len(w.hashes) == len(w.starts) == 4
    assert w.hashes[0] == word_hashes("rain")[0]


def test_hash_of_words_given_one_by_one_equals_the_hash_in_running_text():
    text = " ".join(WIRE_PARAS)
    assert np.array_equal(tokens._hash_all(_reference_words(text)), word_hashes(text))
