import pytest

from extractors.money import find_amounts


@pytest.mark.parametrize("text, value", [
    ("a reward of up to $50 million", 50e6),
    ("50 million dollars", 50e6),
    ("a $25M bounty", 25e6),
    ("US$5 million", 5e6),
    ("$1.5 billion", 1.5e9),
    ("$5,000,000 in cash", 5e6),
])
def test_amounts(text, value):
    assert [a.value for a in find_amounts(text)] == [value]


def test_no_amount_in_plain_numbers():
    assert find_amounts("killing 11 people in 2025") == []
