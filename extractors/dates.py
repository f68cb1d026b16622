"""Date expressions in a sentence, normalised to ISO with a precision.

Absolute dates ("November 24, 2025", "July 2025", "2020") stand alone. Relative ones ("Sunday",
"next Monday", "in August", "early January", "earlier this year", "the same day") are resolved
against the article's publication date when it is known; when it is not, they stay unresolved
(date None, precision None); extractors/undated.py gives month-days of an undated article the
year of its own explicit dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_PATTERNS = [
    ("mdy", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("my", re.compile(_MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("md", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d{2})")),
    ("weekday", re.compile(r"\b(?:(?P<rel>next|last|this|on)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("relyear", re.compile(r"\b(?P<phrase>earlier this year|later this year|this year|last year|next year|this month|last month|last week|next week|this week|yesterday|today|a day earlier|the day before|the previous day|a day later|the next day|the same day|that same day)\b", re.I)),
    # "the same month", "that day", "five days before that", "two weeks later": anchored on the
    # previous date of the article (the caller carries it over)
    ("anaphor", re.compile(r"\b(?P<phrase>(?:the\s+same|that(?:\s+same)?)\s+(?P<unit>day|week|month|year))\b(?!\s+(?:of|after|before|when))", re.I)),
    ("offset", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?:(?P<dir>earlier|later)\b|(?P<dir2>before|after)(?:\s+(?:that|then)\b|(?!\s+(?:the|a|an|his|her|its|their|[A-Z]|\w+ing\b))))", re.I)),
    # vague recency: the month the article's recent days fall in
    ("recent", re.compile(r"\b(?P<phrase>in recent (?:days|weeks)|days (?:after|before|earlier|later)|recently|earlier this month|a week (?:after|before|earlier|ago)|days ago|this past week)\b", re.I)),
    # A bare month is a date only after a preposition or a qualifier: "May" alone is a verb.
    ("m", re.compile(r"\b(?i:in|since|until|by|from|through|throughout|during|early|mid|late|mid-|and|or|of)\s+(?i:early\s+|mid-|late\s+)?" + _MONTH + r"\b(?!\s+\d)")),
    ("year", re.compile(r"(?<![\d$.,-])\b(?P<year>(?:19[5-9]|20[0-4])\d)\b(?![\d-])")),
]


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    text: str
    value: date | None
    precision: str | None  # day | month | year | None (unresolved)
    relative: bool
    same_day: bool = False  # "the same day": the caller carries the previous date over
    # "the same month" (month), "that year" (year): the previous date at this precision at most
    anaphor_precision: str | None = None
    # "five days before that": the previous date moved by this many days
    offset_days: int = 0


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _nearest_year(month: int, day: int, ref: date) -> int:
    """A month-day with no year: the occurrence closest to the reference date."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - ref).days)).year


def _resolve(kind: str, m: re.Match, ref: date | None) -> tuple[date | None, str | None, bool, bool]:
    """(value, precision, relative, same_day) of one match."""
    g = m.groupdict()
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["mnum"]) if kind == "iso" else _month(g["month"])
        try:
            return date(int(g["year"]), month, int(g["day"])), "day", False, False
        except ValueError:
            return None, None, False, False
    if kind == "my":
        return date(int(g["year"]), _month(g["month"]), 1), "month", False, False
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year", False, False
    if kind in ("anaphor", "offset"):
        return None, None, True, True  # the caller anchors it on the previous date
    if ref is None:
        phrase = (g.get("phrase") or "").lower()
        return None, None, True, phrase in ("the same day", "that same day")
    if kind == "recent":
        phrase = g["phrase"].lower()
        back = 10 if "week" in phrase else 3
        day = ref - timedelta(days=0 if phrase.startswith("earlier this month") else back)
        return date(day.year, day.month, 1), "month", True, False
    if kind == "md":
        month, day = _month(g["month"]), int(g["day"])
        try:
            return date(_nearest_year(month, day, ref), month, day), "day", True, False
        except ValueError:
            return None, None, True, False
    if kind == "m":
        month = _month(g["month"])
        # the most recent such month: news recalls the past ("in August" of a November article)
        year = ref.year if month <= ref.month else ref.year - 1
        return date(year, month, 1), "month", True, False
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "next":
            ahead = (target - ref.weekday()) % 7 or 7
            return ref + timedelta(days=ahead), "day", True, False
        back = (ref.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return ref - timedelta(days=back), "day", True, False
    phrase = g["phrase"].lower()
    if phrase in ("the same day", "that same day"):
        return None, None, True, True
    if phrase in ("yesterday", "a day earlier", "the day before", "the previous day"):
        return ref - timedelta(days=1), "day", True, False
    if phrase in ("a day later", "the next day"):
        return ref + timedelta(days=1), "day", True, False
    if phrase in ("last week", "next week", "this week"):
        # a week is kept at month precision when all its days fall in one month
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days={"last week": -7, "next week": 7}.get(phrase, 0))
        sunday = monday + timedelta(days=6)
        if monday.month != sunday.month:
            return None, None, True, False
        return date(monday.year, monday.month, 1), "month", True, False
    if phrase == "today":
        return ref, "day", True, False
    if phrase in ("this month",):
        return date(ref.year, ref.month, 1), "month", True, False
    if phrase == "last month":
        first = date(ref.year, ref.month, 1) - timedelta(days=1)
        return date(first.year, first.month, 1), "month", True, False
    if phrase == "last year":
        return date(ref.year - 1, 1, 1), "year", True, False
    if phrase == "next year":
        return date(ref.year + 1, 1, 1), "year", True, False
    return date(ref.year, 1, 1), "year", True, False  # this year, earlier/later this year


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}


def _anchoring(kind: str, m: re.Match) -> tuple[str | None, int]:
    """(anaphor_precision, offset_days) of an expression anchored on the previous date."""
    if kind == "anaphor":
        unit = m.group("unit").lower()
        return {"day": "day", "week": "month", "month": "month", "year": "year"}[unit], 0
    if kind == "offset":
        n = m.group("n").lower()
        days = (int(n) if n.isdigit() else _NUMBERS[n]) * (7 if m.group("unit").lower().startswith("week") else 1)
        direction = (m.group("dir") or m.group("dir2")).lower()
        return "day", days if direction in ("after", "later") else -days
    if kind == "relyear" and m.group("phrase").lower() in ("the same day", "that same day"):
        return "day", 0
    return None, 0


def find_dates(text: str, ref: date | None) -> list[DateExpr]:
    """Date expressions of `text`, left to right, the longest reading of each span."""
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if kind == "m":
                start = m.start("month")
            if any(start < e and s < end for s, e in taken):
                continue
            value, precision, relative, same_day = _resolve(kind, m, ref)
            taken.append((start, end))
            found.append(DateExpr(start, end, text[start:end], value, precision, relative, same_day,
                                  *_anchoring(kind, m)))
    return sorted(found, key=lambda d: d.start)
