"""The cheap relevance gate: a whole-word regex of Venezuela-specific terms (data/relevance.yaml,
data/<language>/relevance.yaml for other languages) run on the raw text before the model. It
decides which articles the model sees at all."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from extractors.gazetteer import data_dir


def _words(terms: list[str]) -> re.Pattern:
    alternatives = sorted((re.escape(t) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def gate_patterns(path: str | Path | None = None) -> tuple[re.Pattern, list[list[re.Pattern]]]:
    return _gate_patterns(Path(path or data_dir() / "relevance.yaml"))


@functools.cache
def _gate_patterns(path: Path) -> tuple[re.Pattern, list[list[re.Pattern]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _words(data["terms"]), [[_words(group) for group in entry] for entry in data.get("together", [])]


def passes_gate(text: str, language: str = "en") -> bool:
    any_term, together = gate_patterns(None if language == "en" else data_dir() / language / "relevance.yaml")
    if any_term.search(text):
        return True
    return any(all(group.search(text) for group in entry) for entry in together)
