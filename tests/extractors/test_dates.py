from datetime import date

import pytest

from extractors.dates import find_dates

MON_NOV_17 = date(2025, 11, 17)


def one(text, ref=MON_NOV_17):
    (d,) = find_dates(text, ref)
    return (d.value.isoformat() if d.value else None, d.precision)


@pytest.mark.parametrize("text, expected", [
    ("effective November 24, 2025.", ("2025-11-24", "day")),
    ("on 24 November 2025", ("2025-11-24", "day")),
    ("In July 2025, Treasury", ("2025-07-01", "month")),
    ("a 2020 U.S. indictment", ("2020-01-01", "year")),
    ("said Sunday night that", ("2025-11-16", "day")),      # the Sunday before a Monday article
    ("beginning next Monday:", ("2025-11-24", "day")),
    ("In August, the State Department", ("2025-08-01", "month")),  # the most recent August
    ("set in early January", ("2025-01-01", "month")),
    ("earlier this year", ("2025-01-01", "year")),
    ("the listing last week", ("2025-11-01", "month")),
    ("A day earlier, OFAC", ("2025-11-16", "day")),
])
def test_dates_resolve_against_the_article_date(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("said Sunday night", (None, None)),          # relative, no article date: unresolved
    ("In August, the State Department", (None, None)),
    ("On November 24, 2025, the United States", ("2025-11-24", "day")),  # absolute stays
])
def test_relative_dates_stay_unresolved_without_an_article_date(text, expected):
    assert one(text, ref=None) == expected


def test_the_verb_may_is_not_a_month():
    assert find_dates("We may be having some discussions", MON_NOV_17) == []


def test_same_day_is_flagged_for_the_caller():
    (d,) = find_dates("The same day, Trump told advisers", None)
    assert d.same_day and d.value is None


@pytest.mark.parametrize("text, anchor, offset", [
    ("The same month, Treasury acted", "month", 0),
    ("that day it took effect", "day", 0),
    ("Five days before that, troops moved", "day", -5),
    ("two weeks later the ship arrived", "day", 14),
])
def test_issue10_anchored_expressions_are_flagged_for_the_caller(text, anchor, offset):
    (expr,) = find_dates(text, date(2025, 8, 19))
    assert expr.same_day and expr.anaphor_precision == anchor and expr.offset_days == offset


def test_issue10_vague_recent_time_is_the_month_of_the_recent_days():
    (expr,) = find_dates("The announcement came days after officials said so", date(2025, 8, 19))
    assert (expr.value, expr.precision) == (date(2025, 8, 1), "month")
