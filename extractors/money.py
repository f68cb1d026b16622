"""Money amounts in US dollars.

English: "$50 million", "US$5 million", "50 million dollars", "$25M", "$1.5 billion", "$5,000,000".
Spanish: "50 millones de dólares", "US$50 millones", "USD 50 millones", "$50 millones",
"15 millones de dólares estadounidenses", "25 mil millones de dólares" (a billion: "mil
millones"), "1,5 millones de dólares", "50.000.000 de dólares", "700 mdd".

Spanish amounts are told apart by their words (millones, mil millones, dólares, mdd), so the
Spanish patterns run first and English text is read exactly as before. In a Spanish amount the
separators are read from their shape, since outlets differ: "1,5" and "1.5" are decimals,
"50.000.000" and "1,500" are thousands (a single separator followed by exactly three digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_WORDS = r"(?P<scale>thousand|million|billion|trillion|mln|mn|bn|[kKmMbB])\b"
_PATTERNS = [
    re.compile(r"(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$)\s?" + _NUMBER + r"(?:\s?" + _SCALE_WORDS + r")?", re.I),
    re.compile(r"\b" + _NUMBER + r"\s?" + r"(?P<scale>thousand|million|billion|trillion)?\s?(?:US\s)?dollars\b", re.I),
]

# Spanish: "mil millones" is a (short-scale) billion; "billón" is a million million.
_SCALE_ES = {"mil millones": 1e9, "millones": 1e6, "millón": 1e6, "millon": 1e6, "billones": 1e12, "billón": 1e12,
             "billon": 1e12, "mil": 1e3, "mdd": 1e6, "mmdd": 1e9}
_NUMBER_ES = r"(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|un|una)"
_SCALE_WORDS_ES = r"(?P<scale>mil\s+millones|millones|millón|millon|billones|billón|billon)"
_DOLLARS_ES = r"(?:de\s+)?(?:d[óo]lares(?:\s+(?:estadounidenses|americanos|norteamericanos))?|USD\b|US\$)"
_PATTERNS_ES = [
    # "US$50 millones", "USD 50 millones", "$50 millones (de dólares)", "US$25 mil millones"
    re.compile(r"(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$)\s?" + _NUMBER_ES + r"\s+" + _SCALE_WORDS_ES + r"\b"
               r"(?:\s+" + _DOLLARS_ES + r")?", re.I),
    # "50 millones de dólares", "50.000.000 de dólares", "500 mil dólares", "un millón de dólares"
    re.compile(r"\b" + _NUMBER_ES + r"(?:\s+(?P<scale>mil\s+millones|millones|millón|millon|billones|billón|billon|mil))?"
               r"\s+" + _DOLLARS_ES, re.I),
    # "US$ 50.000", "USD 1.234,56": a number only Spanish writes so (dot thousands, comma decimals)
    re.compile(r"(?:US\s?\$|USD\s?|\$)\s?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})(?![\d.,])(?P<scale>)", re.I),
    # "700 mdd", "25 mmdd" (millones / miles de millones de dólares)
    re.compile(r"\b" + _NUMBER_ES + r"\s?(?P<scale>mmdd|mdd)\b", re.I),
]


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float


def _number_es(text: str) -> float:
    """A Spanish-press number, its separators read from their shape (see the module doc)."""
    if text.lower() in ("un", "una"):
        return 1.0
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        return float(text.replace(thousands, "").replace(decimal, "."))
    for sep in (".", ","):
        if sep in text:
            parts = text.split(sep)
            if len(parts) > 2 or len(parts[-1]) == 3:
                return float(text.replace(sep, ""))
            return float(text.replace(sep, "."))
    return float(text)


def find_amounts(text: str) -> list[Amount]:
    found: list[Amount] = []
    for pattern in _PATTERNS_ES:
        for m in pattern.finditer(text):
            if any(m.start() < a.end and a.start < m.end() for a in found):
                continue
            scale = re.sub(r"\s+", " ", (m.group("scale") or "").lower())
            if m.group("num").lower() in ("un", "una") and not scale:
                continue  # "una de dólares"
            found.append(Amount(m.start(), m.end(), _number_es(m.group("num")) * _SCALE_ES.get(scale, 1.0)))
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < a.end and a.start < m.end() for a in found):
                continue
            value = float(m.group("num").replace(",", ""))
            scale = (m.group("scale") or "").lower()
            value *= _SCALE.get(scale, 1.0)
            found.append(Amount(m.start(), m.end(), value))
    return sorted(found, key=lambda a: a.start)
