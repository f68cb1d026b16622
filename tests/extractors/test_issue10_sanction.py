"""Issue 10, sanction session: economic and immigration measures the rules missed on the
feed-like dev articles, on the real models (sentences written for these tests, not taken from any
evaluation set)."""

from datetime import date

import pytest

from extraction_helpers import mentions_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def es_nlp():
    from extractors import load_pipeline

    return load_pipeline(language="es")


def found(nlp, text, published=date(2025, 11, 20), language="en"):
    return {(m.event_type, m.target) for m in mentions_of(nlp, text, published, language)}


def test_issue10_a_secondary_tariff_is_aimed_at_the_country_whose_buyers_it_taxes(nlp):
    text = ("The president signed a decree that lets the government impose a 15% tariff on all goods from any "
            "country that purchases Venezuelan crude.")
    assert ("sanction", "Venezuela") in found(nlp, text)


def test_issue10_ending_a_tps_designation_is_a_measure_on_the_migrants(nlp):
    text = "The Homeland Security Department on Monday terminated the 2021 designation of Venezuela for TPS."
    assert ("sanction", "Venezuelan TPS holders") in found(nlp, text)
    assert ("sanction", "Venezuela") not in found(nlp, text)


def test_issue10_a_coordinated_clause_with_its_own_subject_is_its_own_act(es_nlp):
    text = ("En enero, la secretaria Kristi Noem revocó la prórroga del TPS para los venezolanos, y en marzo el "
            "Departamento del Tesoro anuló la licencia de Chevron.")
    assert ("sanction", "Chevron") in found(es_nlp, text, language="es")


def test_issue10_two_dated_acts_on_one_target_in_one_sentence_are_two_mentions(nlp):
    text = ("Noem's department terminated the 2023 designation of Venezuela for TPS in February, and in "
            "September it ended the 2021 designation for Venezuelans as well.")
    got = [(m.event_type, m.target) for m in mentions_of(nlp, text)]
    assert got.count(("sanction", "Venezuelan TPS holders")) == 2


def test_issue10_a_company_that_receives_a_licence_is_its_holder(nlp, es_nlp):
    got = found(nlp, "Chevron received a new license to operate in Venezuela from the Treasury on Friday.")
    assert ("sanction", "Chevron") in got and ("sanction", "Venezuela") not in got
    got = found(es_nlp, "Tras meses de gestiones, la petrolera Repsol obtuvo una licencia para exportar crudo desde "
                        "Venezuela.", language="es")
    assert ("sanction", "Repsol") in got


def test_issue10_the_sanctioning_power_is_not_the_target(nlp):
    doc = nlp("Any property of those judges that is located in the United States is now blocked.")
    assert not [c for c in doc._.events if c.event_type == "sanction" and c.target.ent_id_ == "United States"]


def test_issue10_a_venezuelan_name_qualifying_a_licence_is_its_object(nlp):
    text = "The Venezuela gas license, issued last year, lapsed at midnight on Thursday."
    assert ("sanction", "Venezuela") in found(nlp, text)


def test_issue10_who_winds_down_holds_the_licence(nlp):
    text = "Treasury on Friday gave Repsol thirty days to wind down its Venezuelan joint ventures."
    got = found(nlp, text)
    assert ("sanction", "Repsol") in got and ("sanction", "Venezuela") not in got


def test_issue10_would_in_reported_speech_is_a_future_act(nlp):
    text = "Noem announced on Monday that the 2021 TPS designation for Venezuelans would end in April."
    assert ("sanction", "Venezuelan TPS holders") in found(nlp, text)
    text = "Trump said he would not rule out new sanctions on Venezuela."
    assert ("sanction", "Venezuela") not in found(nlp, text)


def test_issue10_ending_an_arrangement_with_a_company_is_a_measure(nlp):
    text = "The president said on Friday that the arrangement with Chevron in Venezuela would be terminated."
    assert ("sanction", "Chevron") in found(nlp, text)


def test_issue10_parolees_are_the_migrants(nlp):
    doc = nlp("The department said it was terminating the program and gave parolees thirty days to leave the country.")
    assert [c.target.ent_id_ for c in doc._.events if c.event_type == "sanction"] == ["Venezuelan migrants"]


def test_issue10_the_company_a_licence_authorizes_is_its_target(nlp):
    text = ("OFAC on Tuesday issued Venezuela General License 50, authorizing Repsol to export crude oil from its "
            "joint ventures.")
    got = found(nlp, text)
    assert ("sanction", "Repsol") in got and ("sanction", "Venezuela") not in got


def test_issue10_a_name_in_a_hyphenated_qualifier_is_not_the_target(nlp):
    doc = nlp("The State Department on Monday imposed visa bans on dozens of Cabello-aligned officials.")
    assert not [c for c in doc._.events if c.target is not None and c.target.ent_id_ == "Diosdado Cabello"]
