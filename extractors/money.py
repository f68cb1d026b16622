"""Money amounts in US dollars: "$50 million", "US$5 million", "50 million dollars", "$25M",
"$1.5 billion", "$5,000,000"."""

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


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float


def find_amounts(text: str) -> list[Amount]:
    found: list[Amount] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < a.end and a.start < m.end() for a in found):
                continue
            value = float(m.group("num").replace(",", ""))
            scale = (m.group("scale") or "").lower()
            value *= _SCALE.get(scale, 1.0)
            found.append(Amount(m.start(), m.end(), value))
    return sorted(found, key=lambda a: a.start)
