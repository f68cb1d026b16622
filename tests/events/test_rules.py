from datetime import date

import pytest

from newsmon.events.rules import TypeRule, block_key, date_gap_days, dates_compatible, load_rules


def test_rules_file_is_valid_and_covers_every_event_type():
    rules = load_rules()
    assert set(rules.types) == {"designation", "sanction", "reward", "legal_action", "military_action",
                                "diplomacy", "statement"}
    assert rules.for_type("designation").status_order == ["announced", "effective", "revoked"]


def test_unknown_rule_field_is_rejected():
    with pytest.raises(ValueError, match="unknown fields"):
        TypeRule(block_on=["event_type", "colour"])


def test_parties_are_unordered():
    rule = TypeRule(block_on=["event_type", "parties"])
    a = block_key({"event_type": "diplomacy", "actor": "Donald Trump", "target": "Nicolás Maduro"}, rule)
    b = block_key({"event_type": "diplomacy", "actor": "Nicolás Maduro", "target": "Donald Trump"}, rule)
    assert a == b


@pytest.mark.parametrize("a, pa, b, pb, tolerance, expected", [
    (date(2025, 7, 1), "month", date(2025, 7, 25), "day", 0, True),     # a month matches its days
    (date(2025, 7, 1), "month", date(2025, 8, 1), "day", 0, False),
    (date(2025, 1, 1), "year", date(2025, 11, 24), "day", 0, True),
    (date(2025, 11, 16), "day", date(2025, 11, 24), "day", 0, False),   # talks possible vs planned call
    (date(2025, 11, 16), "day", date(2025, 11, 24), "day", 60, True),   # announcement vs effective date
    (None, None, date(2025, 11, 24), "day", 0, True),                   # unknown joins anything
])
def test_date_compatibility(a, pa, b, pb, tolerance, expected):
    assert dates_compatible(a, pa, b, pb, tolerance) is expected


def test_date_gap():
    assert date_gap_days(date(2025, 7, 1), "month", date(2025, 8, 5), "day") == 5
    assert date_gap_days(None, None, date(2025, 8, 5), "day") is None
