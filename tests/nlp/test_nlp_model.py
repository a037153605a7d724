"""The parse's POS, lemma and dependency labels equal the shipped attribute_ruler + lemmatizer's."""

from newsfuse.nlp import model
from newsfuse.nlp.settings import NlpSettings

# invented sentences that reach many of the ruler's patterns: pronouns, auxiliaries, determiners
# used as pronouns, "that" as a relative, expletive "there", two-token forms ("gon na", "let's")
SENTENCES = [
    "Gunmen killed two officers in Kirkuk on Monday, and police said they had arrested three men.",
    "There were no injuries, but the man who fired the shots is gonna face charges, she said.",
    "Let's be clear: I did not see anything that would suggest it was planned, he told us.",
    "Those who fled said this was the worst attack since 2014 ; something must be done .",
    "Residents ain't leaving, y'all, they've got ta stay and rebuild what was destroyed.",
    "Did the army retake the town?  Officials would not say whether troops had withdrawn.",
]


def _shipped(nlp, text):
    return [(t.pos_, t.lemma_, t.dep_) for t in nlp(text)]


def test_tag_attributes_give_what_the_ruler_and_lemmatizer_give_on_every_token():
    name = NlpSettings().model
    nlp = model.full_pipeline(name)
    attributes = model.tag_attributes(name)
    assert attributes is not None
    expected = [_shipped(nlp, s) for s in SENTENCES]
    with nlp.select_pipes(disable=list(attributes.components)):
        got = [attributes(doc) for doc in nlp.pipe(SENTENCES)]
        again = [attributes(doc) for doc in nlp.pipe(SENTENCES)]  # the second time from what was kept
    assert got == expected
    assert again == expected


def test_the_lemma_index_is_read_as_sets_without_changing_a_lemma():
    nlp = model.full_pipeline(NlpSettings().model)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    assert [t.lemma_ for t in nlp("The militants were fleeing after they had seized the villages.")] == \
        ["the", "militant", "be", "flee", "after", "they", "have", "seize", "the", "village", "."]
