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


@pytest.mark.parametrize("text, value", [
    ("una recompensa de hasta 50 millones de dólares", 50e6),
    ("ofrece US$50 millones por su captura", 50e6),
    ("USD 50 millones", 50e6),
    ("US$ 25 millones", 25e6),
    ("$50 millones", 50e6),
    ("$50 millones de dólares", 50e6),
    ("15 millones de dólares estadounidenses", 15e6),
    ("25 mil millones de dólares", 25e9),
    ("US$25 mil millones", 25e9),
    ("1,5 millones de dólares", 1.5e6),
    ("1.5 millones de dólares", 1.5e6),
    ("50.000.000 de dólares", 50e6),
    ("1.500 millones de dólares", 1.5e9),
    ("un millón de dólares", 1e6),
    ("500 mil dólares", 500e3),
    ("más de 700 mdd en bienes", 700e6),
    ("50 millones de dolares", 50e6),
    ("US$ 50.000 en efectivo", 50e3),
    ("USD 1.234,56", 1234.56),
])
def test_spanish_amounts(text, value):
    found = find_amounts(text)
    assert [a.value for a in found] == [value]
    assert text[found[0].start:found[0].end].strip() == text[found[0].start:found[0].end]


@pytest.mark.parametrize("text", [
    "42 millones de euros",
    "un arancel del 25 % a los compradores",
    "desplegó 200.000 efectivos en 2025",
    "1,5 millones de barriles diarios",
])
def test_no_dollar_amount_in_spanish_quantities(text):
    assert find_amounts(text) == []


def test_spanish_amounts_in_a_sentence_left_to_right():
    text = "La recompensa pasó de 25 millones de dólares en enero a US$50 millones en agosto."
    assert [a.value for a in find_amounts(text)] == [25e6, 50e6]
