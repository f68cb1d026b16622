from datetime import date

import pytest

from extractors.dates import DateExpr
from extractors.dates_es import find_dates_es

MONDAY = date(2025, 11, 17)  # an article of Monday 17 November 2025


def one(text, ref=MONDAY) -> DateExpr:
    found = find_dates_es(text, ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, precision", [
    ("con efecto a partir del 24 de noviembre de 2025", date(2025, 11, 24), "day"),
    ("el lunes 24 de noviembre de 2025", date(2025, 11, 24), "day"),
    ("el 1.º de enero de 2026", date(2026, 1, 1), "day"),
    ("el primero de enero del 2026", date(2026, 1, 1), "day"),
    ("el 24/11/2025", date(2025, 11, 24), "day"),
    ("publicado el 2025-11-24", date(2025, 11, 24), "day"),
    ("noviembre de 2025", date(2025, 11, 1), "month"),
    ("en enero del 2025", date(2025, 1, 1), "month"),
    ("acusado en 2020", date(2020, 1, 1), "year"),
])
def test_absolute_dates_need_no_reference(text, value, precision):
    for ref in (MONDAY, None):
        d = one(text, ref)
        assert (d.value, d.precision, d.relative) == (value, precision, False)


@pytest.mark.parametrize("text, value, precision", [
    # a day and month with no year: upcoming within a month, else the most recent past occurrence
    ("entrará en vigor el 24 de noviembre", date(2025, 11, 24), "day"),
    ("el 10 de diciembre", date(2025, 12, 10), "day"),
    ("el 25 de julio", date(2025, 7, 25), "day"),
    ("el 25 de diciembre", date(2024, 12, 25), "day"),
    ("el pasado 25 de julio", date(2025, 7, 25), "day"),
    ("el próximo 3 de abril", date(2026, 4, 3), "day"),
    ("el 24 de noviembre de este año", date(2025, 11, 24), "day"),
    ("en diciembre del año pasado", date(2024, 12, 1), "month"),
    # a bare month: the most recent such month
    ("En julio, el Tesoro sancionó al grupo", date(2025, 7, 1), "month"),
    ("a principios de enero", date(2025, 1, 1), "month"),
    ("a finales de diciembre", date(2024, 12, 1), "month"),
    ("el pasado mes de julio", date(2025, 7, 1), "month"),
    ("en enero próximo", date(2026, 1, 1), "month"),
    # weekdays
    ("este lunes", MONDAY, "day"),
    ("el lunes", MONDAY, "day"),
    ("el domingo", date(2025, 11, 16), "day"),
    ("el próximo lunes", date(2025, 11, 24), "day"),
    ("el lunes pasado", date(2025, 11, 10), "day"),
    ("el pasado jueves", date(2025, 11, 13), "day"),
    ("el miércoles que viene", date(2025, 11, 19), "day"),
    # phrases
    ("ayer", date(2025, 11, 16), "day"),
    ("hoy", MONDAY, "day"),
    ("anteayer", date(2025, 11, 15), "day"),
    ("esta mañana", MONDAY, "day"),
    ("mañana se reúnen", date(2025, 11, 18), "day"),
    ("la semana pasada", date(2025, 11, 1), "month"),
    ("el mes pasado", date(2025, 10, 1), "month"),
    ("el próximo mes", date(2025, 12, 1), "month"),
    ("el año pasado", date(2024, 1, 1), "year"),
    ("en lo que va del año", date(2025, 1, 1), "year"),
    # a day of a month left unsaid
    ("a partir del 24", date(2025, 11, 24), "day"),
    ("a partir del 3", date(2025, 12, 3), "day"),
    ("el pasado 25", date(2025, 10, 25), "day"),
])
def test_relative_dates_resolve_against_the_article_date(text, value, precision):
    d = one(text)
    assert (d.value, d.precision, d.relative, d.same_day) == (value, precision, True, False)


@pytest.mark.parametrize("text", ["ayer", "el lunes", "el próximo lunes", "en julio", "el 24 de noviembre",
                                  "a partir del 24", "la semana pasada", "el año pasado", "noviembre de este año"])
def test_relative_dates_are_never_invented_without_a_reference(text):
    d = one(text, None)
    assert (d.value, d.precision, d.relative) == (None, None, True)


@pytest.mark.parametrize("text", ["el mismo día", "ese mismo día", "el mismo martes", "esa misma jornada"])
def test_same_day_is_left_to_the_caller(text):
    for ref in (MONDAY, None):
        d = one(text, ref)
        assert (d.value, d.same_day, d.relative) == (None, True, True)


def test_a_week_that_spans_two_months_stays_unresolved():
    d = one("la semana pasada", date(2025, 12, 3))  # 24-30 November: one month
    assert d.value == date(2025, 11, 1)
    d = one("esta semana", date(2025, 12, 3))  # 1-7 December
    assert d.value == date(2025, 12, 1)
    d = one("la semana pasada", date(2025, 10, 1))  # 22-28 September
    assert d.value == date(2025, 9, 1)
    d = one("esta semana", date(2025, 10, 1))  # 29 September - 5 October
    assert d.value is None and d.precision is None


@pytest.mark.parametrize("text", [
    "con Julio Borges en Caracas",          # a name, not a month
    "los lunes hay mercado",                # every Monday
    "un arancel del 25 % a los compradores",
    "desde el 24 % de los votos",
    "US$ 2020 millones",
    "unos 2000 soldados",
    "murieron 11 personas",
])
def test_not_dates(text):
    assert find_dates_es(text, MONDAY) == []


def test_morning_is_not_tomorrow():
    found = find_dates_es("el martes por la mañana", MONDAY)
    assert [d.text for d in found] == ["el martes"]


def test_several_dates_left_to_right_with_spans():
    text = "Anunciada el domingo, la designación entra en vigor el 24 de noviembre; en julio hubo otra."
    found = find_dates_es(text, MONDAY)
    assert [d.text for d in found] == ["el domingo", "24 de noviembre", "julio"]
    assert [text[d.start:d.end] for d in found] == [d.text for d in found]
    assert [d.value for d in found] == [date(2025, 11, 16), date(2025, 11, 24), date(2025, 7, 1)]
