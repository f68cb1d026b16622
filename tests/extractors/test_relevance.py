from extractors.relevance import passes_gate


def test_gate_passes_venezuela_terms_whole_words_only():
    assert passes_gate("Caracas rejected the designation")
    assert passes_gate("the cartel de los soles was listed")
    assert passes_gate("Venezuelan migrants")
    assert not passes_gate("Sanctions on Russia and Iran; oil prices rose")
    assert not passes_gate("Madurodam is a miniature park")  # not Maduro


def test_strikes_in_the_caribbean_pass_without_naming_venezuela():
    assert passes_gate("The U.S. military carried out a second strike against a vessel in the Caribbean")
    assert not passes_gate("A holiday in the Caribbean")
