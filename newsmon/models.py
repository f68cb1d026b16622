"""Pydantic models for the data that enters the pipeline: feed sources, articles, run outcomes.

They are validated where data enters (the feeds file, a seed file, a parsed feed entry),
so code downstream can trust them.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsmon.text import clean_text, content_hash


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class FeedSource(BaseModel):
    """One entry of the feeds file: a source a user wants polled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    url: str = Field(min_length=1)
    official: bool = False
    language: str = "en"
    # Expected volume (items per fetch); a feed outside it is worth a warning, not an error.
    expected_items_min: int | None = None
    expected_items_max: int | None = None
    notes: str | None = None


class Article(BaseModel):
    """One article as stored: a seed file or a feed entry, with clean Unicode text."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1, description="feed name, or 'seeds' for seed files")
    url: str = Field(min_length=1, description="the item's link, or file:// URI of a seed file")
    guid: str | None = None
    title: str = ""
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow)
    text: str = Field(min_length=1)
    # Issue 11: the language the feed or entry declares (a tag: "es-VE"), and the article's
    # language (ISO 639-1, 'und' when it cannot be told), set on validation from both.
    declared_language: str | None = None
    language: str | None = None

    @field_validator("text", "title")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_text(value)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("article text is empty after cleaning")
        return value

    @model_validator(mode="after")
    def _language(self) -> "Article":
        if self.language is None:
            from newsmon.language import detect_language

            self.language = detect_language(self.text, self.declared_language)
        return self

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def identity(self) -> str:
        """GUID if the feed gave one, else the link: what makes an item 'the same item'."""
        return self.guid or self.url

    @property
    def article_id(self) -> str:
        # Derived from the normalised text, so the same story under two GUIDs, or in two
        # feeds, gets one id (and one row).
        return self.content_hash

    @property
    def published_date(self) -> date | None:
        return self.published_at.date() if self.published_at else None


FetchStatus = Literal["ok", "not_modified", "error"]


class FeedFetch(BaseModel):
    """What fetching one feed gave: its articles, or why it gave none."""

    url: str
    name: str
    status: FetchStatus
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    articles: list[Article] = Field(default_factory=list)
    entries_rejected: int = 0  # entries that failed validation (logged, counted)
    elapsed_s: float = 0.0


class SourceSummary(BaseModel):
    """Per-source line of a run summary."""

    source: str
    kind: Literal["seeds", "feed"]
    new: int = 0
    seen: int = 0
    failed: int = 0
    status: str = "ok"
    error: str | None = None


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic short id from parts (reruns produce the same ids)."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]
