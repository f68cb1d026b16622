"""An event candidate: what the event component found for one trigger token, before it becomes a
Mention (extractors/mentions.py)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass
class Candidate:
    event_type: str
    trigger: int                # token index
    sentence: tuple[int, int]   # token span of the sentence
    actor: Span | None
    target: Span | None
    designation: str | None
    modality: str
    status: str | None
