from newsfuse.nlp.names import is_latin, name_key


def test_transliterations_of_al_qaim_share_one_key():
    keys = {name_key(s) for s in ["Al-Qaim", "al-Qaim", "Al Qaim", "Al Qa'im", "Al Qā’im", "Al Qāʿim"]}
    assert len(keys) == 1


def test_spelling_families_of_iraqi_towns_meet():
    for family in (["Baiji", "Bayji", "Bayjī"], ["Rawa", "Rawah", "Rāwah"], ["Hawija", "Al Hawijah", "Al Ḩawījah"],
                   ["Anah", "Ana", "‘Anah"], ["Albukamal", "Ālbū Kamāl"]):
        assert len({name_key(s) for s in family}) == 1, family


def test_different_towns_keep_different_keys():
    assert name_key("Mosul") != name_key("Basra")
    assert name_key("Tikrit") != name_key("Kirkuk")


def test_non_latin_names_are_recognised_as_such():
    assert is_latin("Al Qā’im")
    assert not is_latin("القائم")
    assert not is_latin("Сольдеу")
