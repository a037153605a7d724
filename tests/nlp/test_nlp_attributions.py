from newsfuse.nlp.attributions import find_attributions


def _sources(text):
    return [src for _, src in find_attributions(text)]


def test_generic_sources_before_said():
    assert _sources("Militants took the crossing, security sources said on Sunday.") == ["security sources"]


def test_witnesses_said():
    assert _sources("The market burned for hours, witnesses said.") == ["witnesses"]


def test_wire_service_reports():
    assert _sources("Two officers were abducted in Samarra, AFP reports.") == ["AFP"]


def test_said_followed_by_a_titled_name():
    assert _sources("“The road is open,” said Brig. Gen. Saad Maan, a ministry spokesman.")[0] == "Brig. Gen. Saad Maan"


def test_said_followed_by_reported_speech_subject_is_not_a_source():
    assert "ISIL" not in _sources("The monitor said ISIL has withdrawn from the town.")


def test_span_covers_the_attribution_phrase():
    text = "The bridge was destroyed, police said."
    ((span, _),) = find_attributions(text)
    assert text[span[0]:span[1]] == "police said"
