"""Spanish date expressions, normalised to ISO with a precision: the Spanish twin of
extractors/dates.py, returning the same `DateExpr`.

Absolute dates ("24 de noviembre de 2025", "noviembre de 2025", "24/11/2025", "en 2020") stand
alone. Relative ones ("este lunes", "el lunes pasado", "el próximo lunes", "ayer", "en julio",
"a principios de enero", "la semana pasada", "el 24 de noviembre", "a partir del 24") are
resolved against the article's publication date when it is known; when it is not, they stay
unresolved (value None, precision None): a date is never invented. "El mismo día", "ese mismo
día" and "el mismo martes" are `same_day`: the caller carries the previous date over.

A day and month with no year ("el 24 de noviembre") is the most recent past occurrence, except
within the next UPCOMING_DAYS of the article: news announces effective dates and scheduled
meetings a few days or weeks ahead ("entrará en vigor el 24 de noviembre" of 17 November) but
rarely recalls a date of almost a year ago without its year. "El pasado 25 de julio" is always
past, "el próximo 3 de abril" always ahead.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from extractors.dates import DateExpr

UPCOMING_DAYS = 31

MONTHS_ES = {m: i for i, m in enumerate(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
     "noviembre", "diciembre"], start=1)}
MONTHS_ES.update({"setiembre": 9, "ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
                  "sept": 9, "oct": 10, "nov": 11, "dic": 12})
WEEKDAYS_ES = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
               "sabado": 5, "domingo": 6}

_MONTH = (r"(?P<month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
          r"diciembre)")
_WD = r"(?P<weekday>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
_DAY = r"(?P<day>\d{1,2}|primero)(?:\.?º|°)?"
# "de 2025", "del 2025", "de este año", "del año pasado"
_YEAR = r"(?:de|del)\s+(?:(?P<year>(?:19|20)\d{2})\b|(?P<yearrel>este\s+(?:mismo\s+)?año|el\s+año\s+pasado|año\s+pasado))"
# a qualifier before a date: "el pasado 25 de julio", "el próximo 3 de abril"
_REL = r"(?:(?:el|este)\s+)?(?P<rel>pasado|próximo|proximo)\s+"
_NOT_QUANTITY = r"(?!\s*(?:%|por\s+ciento|mil\b|millones|millón|años|horas|d[íi]as|\d|[.,:]\d))"

_F = re.IGNORECASE
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("dmy", re.compile(r"\b(?:" + _WD + r",?\s+)?" + _DAY + r"\s+de\s+" + _MONTH + r",?\s+" + _YEAR, _F)),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})/(?P<mnum>\d{1,2})/(?P<year>(?:19|20)\d{2})\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("my", re.compile(r"\b" + _MONTH + r"\s+" + _YEAR, _F)),
    ("dm", re.compile(r"\b(?:" + _REL + r")?(?:" + _WD + r",?\s+)?" + _DAY + r"\s+de\s+" + _MONTH + r"\b", _F)),
    # "a partir del 24", "desde el 3", "el pasado 25", "el próximo 3": a day of a month left unsaid
    ("d", re.compile(r"\b(?P<lead>a\s+partir\s+del|desde\s+el|hasta\s+el|(?:el\s+)?(?P<rel>pasado|próximo|proximo))\s+"
                     r"(?P<day>\d{1,2})\b" + _NOT_QUANTITY, _F)),
    ("same", re.compile(r"\b(?:el|ese|aquel|esa|la)\s+(?:mism[oa])\s+(?:d[íi]a|jornada|fecha|" + _WD + r")\b", _F)),
    ("weekday", re.compile(r"(?<!\blos\s)(?<!\blas\s)\b(?:(?P<pre>este|esta|ese|el\s+(?:pasado|próximo|proximo|último|ultimo)"
                           r"|este\s+pasado|el)\s+)?" + _WD + r"(?:\s+(?P<post>pasado|próximo|proximo|que\s+viene|anterior|"
                           r"siguiente))?\b", _F)),
    ("phrase", re.compile(r"\b(?P<phrase>anteayer|antier|ayer|hoy|anoche|esta\s+(?:mañana|tarde|noche|madrugada)|"
                          r"(?:a\s+primera\s+hora\s+de\s+)?mañana|el\s+d[íi]a\s+anterior|un\s+d[íi]a\s+antes|la\s+v[íi]spera|"
                          r"al\s+d[íi]a\s+siguiente|un\s+d[íi]a\s+despu[ée]s|"
                          r"(?:la\s+)?semana\s+pasada|(?:la\s+)?(?:pr[óo]xima\s+semana|semana\s+pr[óo]xima|semana\s+que\s+viene)|"
                          r"esta\s+semana|(?:el\s+)?mes\s+pasado|(?:el\s+)?(?:pr[óo]ximo\s+mes|mes\s+pr[óo]ximo|mes\s+que\s+viene)|"
                          r"este\s+mes|(?:el\s+)?año\s+pasado|(?:el\s+)?(?:pr[óo]ximo\s+año|año\s+pr[óo]ximo|año\s+que\s+viene)|"
                          r"(?:a\s+(?:principios|comienzos|inicios|mediados|finales|fines)\s+de(?:l|\s+este)?\s+)año|"
                          r"en\s+lo\s+que\s+va\s+del?\s+año|este\s+año|el\s+año\s+anterior)\b", _F)),
    # A bare month is a date only after a preposition or a qualifier ("en julio", "a principios de enero",
    # "el pasado mes de julio", "julio pasado"); a capitalised month before a name is a name ("Julio Borges").
    ("m", re.compile(r"\b(?:(?P<lead>en|desde|hasta|durante|entre|para|y|o|a|de|(?:el\s+)?(?:pasado|próximo|proximo)"
                     r"(?:\s+mes\s+de)?)\s+)(?:(?:el\s+)?mes\s+de\s+)?" + _MONTH + r"\b(?P<post>\s+(?:pasado|próximo|proximo))?"
                     r"(?!\s+(?:de\s+)?\d)", _F)),
    ("year", re.compile(r"(?<![\d$.,/º°-])\b(?P<year>(?:19[5-9]|20[0-4])\d)\b(?![\d/-])(?![.,]\d)"
                         r"(?!\s*(?:%|por\s+ciento|mil\b|millones|millón|d[óo]lares|euros|bol[íi]vares|barriles|personas|"
                         r"muertos|efectivos|soldados|km|kil[óo]metros|metros|toneladas)\b)", _F)),
]


def _month(name: str) -> int:
    return MONTHS_ES[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return 1 if text.lower() == "primero" else int(text)


def _rel(g: dict) -> str:
    """'past', 'next' or '' from the qualifiers of a match."""
    words = " ".join(filter(None, (g.get("rel"), g.get("pre"), g.get("post"), g.get("lead")))).lower()
    if re.search(r"pasado|último|ultimo|anterior", words):
        return "past"
    if re.search(r"próximo|proximo|que\s+viene|siguiente", words):
        return "next"
    return ""


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, ref: date, rel: str) -> date | None:
    """A day and month with no year (see the module doc)."""
    past = [d for d in (_safe_date(y, month, day) for y in (ref.year, ref.year - 1, ref.year - 2)) if d and d <= ref]
    ahead = [d for d in (_safe_date(y, month, day) for y in (ref.year, ref.year + 1, ref.year + 2)) if d and d > ref]
    last, upcoming = (max(past) if past else None), (min(ahead) if ahead else None)
    if rel == "past":
        return last
    if rel == "next":
        return upcoming
    if upcoming is not None and (upcoming - ref).days <= UPCOMING_DAYS:
        return upcoming
    return last


def _day_only(day: int, ref: date, rel: str) -> date | None:
    """"A partir del 24": the ref's month if that day is still ahead (or today), else the next month;
    "el pasado 25": the ref's month if that day is past, else the previous month."""
    first = date(ref.year, ref.month, 1)
    if rel == "past":
        cand = _safe_date(ref.year, ref.month, day)
        if cand is None or cand >= ref:
            prev = first - timedelta(days=1)
            cand = _safe_date(prev.year, prev.month, day)
        return cand
    cand = _safe_date(ref.year, ref.month, day)
    if cand is None or cand < ref or (rel == "next" and cand == ref):
        nxt = (first + timedelta(days=32)).replace(day=1)
        cand = _safe_date(nxt.year, nxt.month, day)
    return cand


def _year_of(g: dict, ref: date | None) -> int | None:
    if g.get("year"):
        return int(g["year"])
    if ref is None:
        return None
    return ref.year - 1 if "pasado" in g["yearrel"].lower() else ref.year


def _week(ref: date, shift: int) -> tuple[date | None, str | None]:
    """A week is kept at month precision when all its days fall in one month."""
    monday = ref - timedelta(days=ref.weekday()) + timedelta(days=7 * shift)
    sunday = monday + timedelta(days=6)
    if monday.month != sunday.month:
        return None, None
    return date(monday.year, monday.month, 1), "month"


def _month_shift(ref: date, shift: int) -> date:
    index = ref.year * 12 + ref.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _phrase(phrase: str, ref: date) -> tuple[date | None, str | None]:
    p = re.sub(r"\s+", " ", phrase.lower()).replace("í", "i").replace("ó", "o").replace("é", "e")
    if p in ("hoy", "esta mañana", "esta tarde", "esta noche", "esta madrugada"):
        return ref, "day"
    if p in ("ayer", "anoche", "el dia anterior", "un dia antes", "la vispera"):
        return ref - timedelta(days=1), "day"
    if p in ("anteayer", "antier"):
        return ref - timedelta(days=2), "day"
    if p.endswith("mañana") or p in ("al dia siguiente", "un dia despues"):
        return ref + timedelta(days=1), "day"
    if "semana" in p:
        return _week(ref, -1 if "pasada" in p else 0 if "esta" in p else 1)
    if "mes" in p:
        return _month_shift(ref, -1 if "pasado" in p else 0 if "este" in p else 1), "month"
    if "pasado" in p or "anterior" in p:
        return date(ref.year - 1, 1, 1), "year"
    if "proximo" in p or "que viene" in p:
        return date(ref.year + 1, 1, 1), "year"
    return date(ref.year, 1, 1), "year"  # este año, a principios de año, en lo que va del año


def _resolve(kind: str, m: re.Match, ref: date | None) -> tuple[date | None, str | None, bool, bool]:
    """(value, precision, relative, same_day) of one match."""
    g = m.groupdict()
    if kind in ("numeric", "iso"):
        value = _safe_date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        return value, ("day" if value else None), False, False
    if kind == "dmy":
        year = _year_of(g, ref)
        relative = not g.get("year")
        if year is None:
            return None, None, True, False
        value = _safe_date(year, _month(g["month"]), _day(g["day"]))
        return value, ("day" if value else None), relative, False
    if kind == "my":
        year = _year_of(g, ref)
        if year is None:
            return None, None, True, False
        return date(year, _month(g["month"]), 1), "month", not g.get("year"), False
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year", False, False
    if kind == "same":
        return None, None, True, True
    if ref is None:
        return None, None, True, False
    rel = _rel(g)
    if kind == "dm":
        value = _month_day(_month(g["month"]), _day(g["day"]), ref, rel)
        return value, ("day" if value else None), True, False
    if kind == "d":
        value = _day_only(int(g["day"]), ref, rel)
        return value, ("day" if value else None), True, False
    if kind == "m":
        month = _month(g["month"])
        if rel == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif rel == "past":
            year = ref.year if month < ref.month else ref.year - 1
        else:  # the most recent such month: news recalls the past ("en agosto" of a November article)
            year = ref.year if month <= ref.month else ref.year - 1
        return date(year, month, 1), "month", True, False
    if kind == "weekday":
        target = WEEKDAYS_ES[g["weekday"].lower()]
        if rel == "next":
            return ref + timedelta(days=(target - ref.weekday()) % 7 or 7), "day", True, False
        back = (ref.weekday() - target) % 7
        if rel == "past" and back == 0:
            back = 7
        return ref - timedelta(days=back), "day", True, False
    value, precision = _phrase(g["phrase"], ref)
    return value, precision, True, False


def _is_morning(text: str, m: re.Match) -> bool:
    """"por la mañana", "el martes en la mañana", "cada mañana": the morning, not tomorrow."""
    if not m.group("phrase").lower().endswith("mañana") or m.group("phrase").lower().startswith("esta"):
        return False
    before = text[max(0, m.start() - 12):m.start()].lower()
    return bool(re.search(r"\b(?:la|esa|cada|una|toda|aquella|de|por)\s+$", before))


def find_dates_es(text: str, ref: date | None) -> list[DateExpr]:
    """Date expressions of Spanish `text`, left to right, the longest reading of each span."""
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if kind == "m" and not m.group("lead").lower().strip().startswith(("el", "pasado", "próximo", "proximo")):
                start = m.start("month")  # "en julio": the date is "julio"
            if kind == "m" and m.group("month")[0].isupper() and re.match(r"\s+[A-ZÁÉÍÓÚÑ]", text[m.end():]):
                continue  # "con Julio Borges": a name
            if kind == "phrase" and _is_morning(text, m):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            value, precision, relative, same_day = _resolve(kind, m, ref)
            taken.append((start, end))
            found.append(DateExpr(start, end, text[start:end], value, precision, relative, same_day))
    return sorted(found, key=lambda d: d.start)
