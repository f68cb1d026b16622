"""Issue 10, fourth session: the date of an act, on the real model (sentences written for these
tests)."""

from datetime import date

import pytest

from extraction_helpers import mentions_of

pytestmark = pytest.mark.slow


def test_issue10_a_year_naming_another_thing_does_not_date_the_act(nlp):
    text = "Homeland Security Secretary Kristi Noem terminated the 2023 TPS designation for Venezuelans in February."
    mentions = mentions_of(nlp, text, date(2025, 11, 20))
    got = {(m.event_type, str(m.event_date), m.date_precision) for m in mentions}
    assert ("sanction", "2025-02-01", "month") in got, got


def test_issue10_a_listings_effective_date_anywhere_in_its_sentence_wins(nlp):
    text = ("Secretary of State Marco Rubio said on Sunday that the designation of the Cartel de los Soles as "
            "a Foreign Terrorist Organization would take effect on Nov. 24.")
    mentions = mentions_of(nlp, text, date(2025, 11, 17))
    got = {(m.event_type, str(m.event_date)) for m in mentions}
    assert ("designation", "2025-11-24") in got, got


def test_issue10_the_same_day_is_the_last_acts_day_not_a_deadline_or_a_start(nlp):
    text = ("President Donald Trump on Monday signed an order imposing a tariff on countries that buy Venezuelan "
            "oil. The tariff can be applied from April 2.\n\nThe same day, the Treasury Department pushed back "
            "to May 27 the deadline for Chevron to wind down its operations in Venezuela.")
    mentions = mentions_of(nlp, text, date(2025, 3, 25))
    got = {(m.target, str(m.event_date)) for m in mentions if m.event_type == "sanction"}
    assert ("Chevron", "2025-03-24") in got, got
