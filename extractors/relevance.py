"""The cheap relevance gate: a whole-word regex of Venezuela-specific terms (data/relevance.yaml)
run on the raw text before the model. It decides which articles the model sees at all."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from extractors.gazetteer import DATA


@functools.cache
def gate_pattern(path: str | Path = DATA / "relevance.yaml") -> re.Pattern:
    terms = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["terms"]
    alternatives = sorted((re.escape(t) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def passes_gate(text: str) -> bool:
    return gate_pattern().search(text) is not None
