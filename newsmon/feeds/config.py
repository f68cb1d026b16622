"""Load the feeds file (YAML) into validated FeedSource models."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from newsmon.models import FeedSource


class FeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    feeds: list[FeedSource]


class FeedsConfigError(ValueError):
    pass


def load_feeds(path: Path) -> list[FeedSource]:
    """The feeds of a feeds file; a clear error naming the file when it is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FeedsConfigError(f"feeds file {path} does not exist") from exc
    except yaml.YAMLError as exc:
        raise FeedsConfigError(f"feeds file {path} is not valid YAML: {exc}") from exc
    try:
        feeds = FeedsFile.model_validate(data or {"feeds": []}).feeds
    except ValidationError as exc:
        raise FeedsConfigError(f"feeds file {path}: {exc}") from exc
    names = [f.name for f in feeds]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise FeedsConfigError(f"feeds file {path}: duplicate feed names {duplicates}")
    return feeds


def sources_for_urls(urls: list[str]) -> list[FeedSource]:
    """Ad-hoc feeds given on the command line: named by their URL, not official."""
    return [FeedSource(name=url, url=url, official=False) for url in urls]
