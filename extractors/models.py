"""What extraction takes and gives."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

EventType = Literal["designation", "sanction", "reward", "legal_action", "military_action", "diplomacy", "statement"]


class ArticleText(BaseModel):
    article_id: str
    text: str
    published_at: date | None = None
    language: str | None = "en"  # ISO 639-1 (newsmon/language.py); picks the pipeline (issue 11)


class Mention(BaseModel):
    """One sentence reporting one development: the row of `event_mentions`."""

    model_config = ConfigDict(extra="forbid")

    mention_id: str
    article_id: str
    event_type: EventType
    actor: str | None
    target: str | None
    actor_text: str | None = None
    target_text: str | None = None
    designation: Literal["FTO", "SDGT", "SDN", "KINGPIN"] | None = None
    status: Literal["announced", "effective", "revoked"] | None = None
    modality: Literal["asserted", "intended", "possible", "denied"] = "asserted"
    event_date: date | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    amount_usd: float | None = None
    is_background: bool = False
    sentence: str
    char_start: int
    char_end: int
    extractor_version: str
