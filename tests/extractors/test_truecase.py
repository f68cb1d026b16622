"""Issue 10, fourth session: title-case headlines read as sentences (extractors/truecase.py).
Texts written for these tests."""

from datetime import date

import pytest

from extraction_helpers import mentions_of
from extractors.truecase import truecase_headline

BODY = ("\n\nThe Treasury Department on Monday imposed sanctions on the state oil company of Venezuela, "
        "freezing its assets. Sanctions experts said the move was expected.\n")


def test_issue10_a_title_case_headline_keeps_its_names_and_lowers_its_words():
    text = "Treasury Sanctions Venezuela's State Oil Company" + BODY
    out = truecase_headline(text)
    assert out.splitlines()[0] == "Treasury sanctions Venezuela's state oil company"
    assert len(out) == len(text) and out[len(out.splitlines()[0]):] == text[len(out.splitlines()[0]):]


def test_issue10_a_sentence_case_headline_or_a_lede_is_left_alone():
    for text in ("Treasury sanctions Venezuela's state oil company" + BODY,
                 "The Treasury Department Sanctioned The Company Today." + BODY,
                 "Treasury Sanctions"):
        assert truecase_headline(text) == text


def test_issue10_a_headline_may_end_on_an_abbreviation():
    text = "Treasury Sanctions Oil Company Petróleos de Venezuela, S.A." + BODY
    assert truecase_headline(text).startswith("Treasury sanctions oil company")


@pytest.mark.slow
def test_issue10_a_title_case_headline_reports_its_act_and_keeps_its_words(nlp):
    text = ("Justice Department Charges Maduro With Narco-Terrorism\n\nFederal prosecutors in New York on "
            "Thursday charged Nicolás Maduro with narco-terrorism.\n")
    mentions = mentions_of(nlp, text, date(2025, 11, 20))
    headline = [(m.event_type, m.target) for m in mentions if m.char_start == 0]
    assert headline == [("legal_action", "Nicolás Maduro")], headline  # not "Narco-Terrorism"
    assert [m.sentence for m in mentions if m.char_start == 0][0].startswith("Justice Department Charges")
