"""Month-days and months without a year in an article with no publication date (issue 10;
devset/GUIDELINES.md, "Dates").

A reader of an undated article still knows the year of "on Aug. 1" or "in late July" from the
dates the article states with their year: the closest one before the expression (else the first
one after it) gives its year: "In July 2025, Treasury ... strikes throughout September" is 2025-09,
"in 2019 ... in March" 2019-03. Weekdays, "yesterday" and the like stay unresolved: they need the
day of publication, which such an article lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from extractors.dates import MONTHS, WEEKDAYS, DateExpr
from extractors.dates_es import MONTHS_ES, WEEKDAYS_ES

_MONTH_WORDS = set(MONTHS) | set(MONTHS_ES)
_WEEKDAY_WORDS = set(WEEKDAYS) | set(WEEKDAYS_ES)
# Any reference serves to read a month and day; the year is decided here, from the anchor.
_PROBE = date(2001, 6, 15)

Finder = Callable[[str, date | None], list[DateExpr]]


def _month_only(expr: DateExpr) -> bool:
    """An unresolved month-day or month: "on Aug. 1", "in late July", "el 5 de marzo"."""
    if expr.value is not None or not expr.relative or expr.same_day:
        return False
    words = re.findall(r"[^\W\d_]+", expr.text.lower())
    return any(w in _MONTH_WORDS for w in words) and not any(w in _WEEKDAY_WORDS for w in words[:1])


def infer_years(sentences: list[tuple[str, list[DateExpr]]], find: Finder) -> list[list[DateExpr]]:
    """The date expressions of each (sentence text, expressions) of an undated article, its
    month-days and months given the year of their closest explicit date."""
    explicit = [((n, e.start), e) for n, (_, exprs) in enumerate(sentences) for e in exprs
                if not e.relative and e.value is not None and e.precision in ("day", "month", "year")]
    resolved = []
    for n, (text, exprs) in enumerate(sentences):
        if not explicit or not any(_month_only(e) for e in exprs):
            resolved.append(exprs)
            continue
        probes = {p.start: p for p in find(text, _PROBE)}
        out = []
        for expr in exprs:
            probe = probes.get(expr.start)
            if not _month_only(expr) or probe is None or probe.value is None:
                out.append(expr)
                continue
            before = [e for pos, e in explicit if pos < (n, expr.start)]
            anchor = before[-1] if before else next(e for pos, e in explicit if pos > (n, expr.start))
            day = probe.value.day if probe.precision == "day" else 1
            try:
                value = date(anchor.value.year, probe.value.month, day)
            except ValueError:
                out.append(expr)
                continue
            out.append(DateExpr(expr.start, expr.end, expr.text, value, probe.precision, True))
        resolved.append(out)
    return resolved
