"""Issue 10, statements: forms and targets of official positions the rules missed on the feed-like
dev articles, on the real model (sentences written for these tests, not taken from any evaluation
set)."""

from datetime import date

import pytest

from extraction_helpers import mentions_of

pytestmark = pytest.mark.slow


def found(nlp, text, published=date(2025, 11, 20), language="en"):
    return [(m.event_type, m.actor, m.target) for m in mentions_of(nlp, text, published, language)]


@pytest.fixture(scope="module")
def es_nlp():
    from extractors import load_pipeline

    return load_pipeline(language="es")


def test_a_venezuelan_position_on_a_measure_is_about_venezuela(nlp):
    text = ("The Treasury on Tuesday extended Chevron's licence to operate in Venezuela for six months. "
            "Caracas denounced Washington's order as an aggression against its oil industry.")
    statements = [m for m in found(nlp, text) if m[0] == "statement"]
    assert statements == [("statement", "Venezuela", "Venezuela")]


def test_a_position_on_the_listing_of_a_group_stays_on_the_group(nlp):
    text = ("The State Department designated Venezuela's Cartel de los Soles as a foreign terrorist organization "
            "on Monday. Foreign Minister Yván Gil called the measure ridiculous.")
    assert ("statement", "Yván Gil", "Cartel de los Soles") in found(nlp, text)


def test_a_position_is_not_about_who_holds_it(nlp):
    # the speaker's own words ("Maduro's foreign minister, Yván Gil") name no target
    text = "Maduro's foreign minister, Yván Gil, said on Friday that the accusations against Cilia Flores were a lie."
    assert {m[2] for m in found(nlp, text) if m[0] == "statement"} == {"Cilia Flores"}


def test_an_aside_on_the_speaker_may_be_what_the_position_is_about(nlp):
    text = ("Interior Minister Diosdado Cabello, himself accused by Washington of leading the Cartel de los Soles, "
            "dismissed the accusation as a lie.")
    assert ("statement", "Diosdado Cabello", "Cartel de los Soles") in found(nlp, text)


def test_a_position_on_an_act_aimed_at_the_speaker_is_about_himself(nlp):
    text = ("The Treasury on Monday sanctioned Venezuela's vice president Tareck El Aissami and businessman "
            "Samark López. El Aissami dismissed the accusation as a political attack.")
    assert ("statement", "Tareck El Aissami", "Tareck El Aissami") in found(nlp, text)


def test_words_of_contempt_make_a_characterisation_a_position(nlp):
    text = "Nicolás Maduro told supporters on Friday that the sanctions on PDVSA were a racist attack."
    assert ("statement", "Nicolás Maduro", "PDVSA") in found(nlp, text)


def test_saying_that_someone_rejected_an_act_reports_the_rejection(nlp):
    text = ("Judge Fernando Rodriguez Jr. ruled on Tuesday that the deportations of Venezuelan migrants under the "
            "Alien Enemies Act were unlawful. Secretary of State Marco Rubio said the administration rejected the "
            "ruling.")
    assert ("statement", "United States", "Venezuelan detainees") in found(nlp, text)


def test_a_threat_is_conditional_by_nature(nlp):
    text = "President Donald Trump said on Friday that all options remain open on Venezuela."
    assert ("statement", "Donald Trump", "Venezuela") in found(nlp, text)


def test_a_threat_that_names_no_target_is_aimed_at_the_other_side_even_with_a_rejection_cue(nlp):
    text = ("The United States sent more warships to the Caribbean on Tuesday. Nicolás Maduro told militia members "
            "on Wednesday night that Venezuela would answer any aggression with force.")
    assert ("statement", "Nicolás Maduro", "United States") in found(nlp, text)


def test_a_position_may_be_about_an_act_against_the_speakers_own_country(nlp):
    text = "Interior Minister Diosdado Cabello said on Monday that the accusations against Venezuela were a lie."
    assert ("statement", "Diosdado Cabello", "Venezuela") in found(nlp, text)


def test_brushing_off_an_act_is_a_position_on_it(nlp):
    text = ("The State Department doubled the reward for Nicolás Maduro's capture to $50 million on Thursday. "
            "Venezuela's government brushed off the move on Friday.")
    assert ("statement", "Venezuela", "Nicolás Maduro") in found(nlp, text)


def test_accusing_the_other_government_is_a_position(nlp):
    text = ("Venezuela's ambassador to the United Nations, Samuel Moncada, on Tuesday accused Washington of "
            "preparing a regime-change operation.")
    assert ("statement", "Samuel Moncada", "United States") in found(nlp, text)


def test_accusing_the_other_government_is_a_position_in_spanish_too(es_nlp):
    text = "El presidente Nicolás Maduro acusó el viernes a Washington de preparar una operación de cambio de régimen."
    assert ("statement", "Nicolás Maduro", "United States") in found(es_nlp, text, language="es")


def test_a_headline_may_end_on_a_quotation_and_the_act_answered_is_not_its_target(nlp):
    text = ('Caracas scorns doubled U.S. bounty on Maduro as "a smokescreen"\n\n'
            "The State Department doubled the reward for Nicolás Maduro's capture to $50 million on Thursday. "
            "Venezuela's government brushed off the move on Friday. Foreign Minister Yván Gil accused "
            "Washington of preparing an invasion.")
    statements = [m for m in found(nlp, text) if m[0] == "statement"]
    assert statements == [("statement", "Venezuela", "Nicolás Maduro")] * 2 + [("statement", "Yván Gil", "United States")]


def test_a_venezuelan_rejection_of_a_us_decision_is_about_venezuela(nlp):
    text = ("The Treasury on Tuesday extended Chevron's licence to operate in Venezuela for six months. "
            "Caracas rejected the U.S. decision as illegal.")
    assert [m for m in found(nlp, text) if m[0] == "statement"] == [("statement", "Venezuela", "Venezuela")]


def test_a_name_the_position_characterises_is_what_it_is_about(nlp):
    text = ("The Treasury on Tuesday extended Chevron's licence to operate in Venezuela for six months. "
            "Foreign Minister Yván Gil rejected the U.S. decision, calling the Cartel de los Soles a ridiculous "
            "invention.")
    assert [m for m in found(nlp, text) if m[0] == "statement"] == [("statement", "Yván Gil", "Cartel de los Soles")]


def test_in_spanish_the_counterpart_after_de_is_the_author_of_the_act_answered(es_nlp):
    text = ("El Departamento del Tesoro prorrogó el martes la licencia de Chevron en Venezuela. El Gobierno "
            "venezolano rechazó la decisión de Washington por considerarla ilegal.")
    statements = [m for m in found(es_nlp, text, language="es") if m[0] == "statement"]
    assert statements == [("statement", "Venezuela", "Venezuela")]


def test_a_verb_of_saying_is_a_position_only_if_what_is_said_has_the_cue(nlp):
    text = ("The FTO listing of the Cartel de los Soles took effect on Monday. The listing makes it a federal crime "
            "to provide material support to the group, which Washington says Nicolás Maduro leads.")
    assert "statement" not in {m[0] for m in found(nlp, text)}


def test_a_threat_by_an_unlisted_official_is_made_for_the_government_of_its_clause(nlp):
    text = ("National Security Adviser John Bolton said on Tuesday that the United States had all options on the "
            "table regarding the Maduro government.")
    assert {m[2] for m in found(nlp, text) if m[0] == "statement"} == {"Venezuela"}


def test_a_position_is_not_about_the_author_of_what_it_characterises(nlp):
    text = "Nicolás Maduro on Thursday vowed to fight what he called a racist campaign by the Trump administration."
    assert ("statement", "Nicolás Maduro", "United States") not in found(nlp, text)


def test_an_agencys_warning_is_no_official_position(nlp):
    text = ("The Venezuelan government on Wednesday revoked the operating permits of six airlines that halted "
            "flights after an FAA warning about military activity.")
    assert "statement" not in {m[0] for m in found(nlp, text)}
