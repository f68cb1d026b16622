"""Issue 10: each generic rule added for text nobody tuned to, on the real model (sentences
written for these tests, not taken from any evaluation set)."""

from datetime import date

import pytest

from extractors import ArticleText, extract_mentions

pytestmark = pytest.mark.slow


def found(nlp, text, published=date(2025, 11, 20)):
    return [(m.event_type, m.actor, m.target, m.designation, m.event_date and m.event_date.isoformat())
            for m in extract_mentions(nlp, [ArticleText(article_id="t", text=text, published_at=published)])]


def test_issue10_unlisted_names_fill_roles_in_their_fullest_form(nlp):
    text = ("Venezuelan businessman Raúl Gorrín Belisario was indicted in Miami on Tuesday. "
            "Prosecutors charged Gorrín with laundering bribes paid by Caracas.")
    targets = {m[2] for m in found(nlp, text) if m[0] == "legal_action"}
    assert targets == {"Raúl Gorrín Belisario"}


def test_issue10_a_relative_clause_about_the_target_names_no_other_target(nlp):
    text = "The Treasury Department sanctioned the Cartel de los Soles, which supports Tren de Aragua and the Sinaloa Cartel."
    assert {m[2] for m in found(nlp, text)} == {"Cartel de los Soles"}


def test_issue10_coordinated_regimes_are_two_listings(nlp):
    text = "The State Department designated Venezuela's Tren de Aragua as a Foreign Terrorist Organization and a Specially Designated Global Terrorist."
    assert {m[3] for m in found(nlp, text) if m[2] == "Tren de Aragua"} == {"FTO", "SDGT"}


def test_issue10_month_day_without_year_is_the_past_occurrence_in_past_tense(nlp):
    dates = {m[4] for m in found(nlp, "Treasury sanctioned Venezuela's Cartel de los Soles on May 19.")}
    assert dates == {"2025-05-19"}  # nearest to 2025-11-20 would be 2026-05-19


def test_issue10_a_continuing_sentence_lends_its_date(nlp):
    text = ("The State Department designated Venezuela's Tren de Aragua as a Foreign Terrorist Organization. "
            "The notice was published in the Federal Register on Feb. 20, 2025, and took effect that day.")
    assert {m[4] for m in found(nlp, text, published=None)} == {"2025-02-20"}


def test_issue10_a_multiword_trigger_does_not_fire_on_one_of_its_words(nlp):
    assert found(nlp, "Venezuela's Leones del Caracas reach the Caribbean Series final behind Rengifo's homer.") == []


def test_issue10_standing_positions_and_analysts_quotes_are_not_events(nlp):
    assert found(nlp, "Washington has long sanctioned Nicolás Maduro's government.") == []
    assert found(nlp, '"Washington has taken negotiations with Maduro off the table for now," said Luisa Pérez, '
                      'an analyst in Caracas.') == []
    official = found(nlp, 'Trump spoke on Sunday. "We may be having some discussions with Maduro," Trump said.')
    assert ("diplomacy", "Donald Trump", "Nicolás Maduro") in {m[:3] for m in official}
