"""Issue 10, fourth session: month-days of an article with no publication date take the year of
the article's own explicit dates (devset/GUIDELINES.md, "Dates"); a span of time is dated by its
start. Sentences written for these tests."""

from datetime import date

import pytest

from extraction_helpers import mentions_of
from extractors.dates import find_dates
from extractors.dates_es import find_dates_es
from extractors.undated import infer_years


def _values(sentences, find=find_dates):
    found = [(s, find(s, None)) for s in sentences]
    return [[(e.text, e.value, e.precision) for e in exprs] for exprs in (x for x in infer_years(found, find))]


def test_issue10_a_month_takes_the_year_of_the_closest_date_before_it():
    out = _values(["In 2019, Treasury blocked the state oil company.",
                   "In July 2025, Treasury listed the cartel.",
                   "Strikes followed throughout September."])
    assert out[2] == [("September", date(2025, 9, 1), "month")]


def test_issue10_a_month_day_before_any_dated_sentence_takes_the_first_year_after_it():
    out = _values(["On Aug. 1, the envoy met opposition leaders.", "A warrant followed on Sept. 2, 2024."])
    assert out[0] == [("Aug. 1", date(2024, 8, 1), "day")]


def test_issue10_a_bare_year_gives_its_year_too():
    out = _values(["In 2019 the talks collapsed.", "Washington froze the assets in March."])
    assert out[1] == [("March", date(2019, 3, 1), "month")]


def test_issue10_weekdays_and_articles_with_no_year_stay_undated():
    assert _values(["In July 2025, Treasury listed the cartel.", "Bolton spoke on Tuesday."])[1][0][1] is None
    assert _values(["The envoy met Maduro on Aug. 1."]) == [[("Aug. 1", None, None)]]


def test_issue10_a_spanish_month_day_takes_the_year_too():
    out = _values(["En julio de 2025, el Tesoro sancionó al cartel.", "El 5 de agosto, Caracas respondió."],
                  find_dates_es)
    assert out[1][0][1:] == (date(2025, 8, 5), "day")


@pytest.mark.slow
def test_issue10_an_undated_articles_strikes_are_dated_by_the_start_of_their_span(nlp):
    text = ("In July 2025, the Treasury Department designated the Cartel de los Soles as a Specially "
            "Designated Global Terrorist.\n\nU.S. forces carried out strikes on boats in the Caribbean "
            "throughout September and October, prompting Venezuelan militia mobilizations.")
    mentions = mentions_of(nlp, text, None)
    strikes = [m for m in mentions if m.event_type == "military_action"]
    assert strikes and {(m.event_date, m.date_precision) for m in strikes} == {(date(2025, 9, 1), "month")}
