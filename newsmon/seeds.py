"""Read a directory of seed articles (`*.txt`).

A seed file may start with a marker `date YYYY-MM-DD` (leading whitespace allowed): it sets
the publication date and is not part of the text. Without it the date is unknown (None),
never invented. A line `source NAME` (or `Source: NAME`) among the first lines names the
article's outlet, as does a wire dateline (`CARACAS, Nov 24 (Reuters) -`); the outlet is the
article's source, so two outlets' seed articles are two sources of a development (issue 12).
Without one the article's source is `seeds` and each seed file counts as a source of its own.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from newsmon.models import Article

log = logging.getLogger(__name__)

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
# a marker like `date` (lower case), or a "Source:" line of a copied article
_SOURCE_MARKER = re.compile(r"^\s*(?:source:?|Source:|SOURCE:)[ \t]+([^\n]{1,80}?)[ \t]*(?:\n|$)")
# "CARACAS (Reuters) -", "WASHINGTON, Nov. 24 (AP) —": a location in capitals, the outlet in parentheses
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:,[^()\n]{0,30})?\s*\(([A-Z][\w .&-]{1,38})\)\s*[-—–]")
# A first sentence ends at . ! or ? followed by a space and a capital/quote, not inside "U.S."
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bU\.S)[.!?](?=\s+[\"“A-Z])")
SEED_SOURCE = "seeds"


def split_date_marker(raw: str) -> tuple[datetime | None, str]:
    """Return (publication datetime or None, text without the marker)."""
    match = _DATE_MARKER.match(raw)
    if not match:
        return None, raw
    try:
        published = datetime.strptime(match.group(1), "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:  # "date 2025-13-40": not a date; keep the text as it is
        return None, raw
    return published, raw[match.end():]


def split_markers(raw: str) -> tuple[datetime | None, str | None, str]:
    """(publication datetime or None, outlet or None, text without the markers). The `date`
    and `source` markers may come in either order."""
    published, outlet, text = None, None, raw
    for _ in range(2):
        if published is None:
            published, text = split_date_marker(text)
        match = _SOURCE_MARKER.match(text) if outlet is None else None
        if match:
            outlet, text = match.group(1).strip(), text[match.end():]
    if outlet is None:
        dateline = _DATELINE.match(text)
        outlet = dateline.group(1).strip() if dateline else None
    return published, outlet, text


def title_from_text(text: str, limit: int = 200) -> str:
    """First line if it is short (a headline), else the first sentence, capped."""
    first_line = text.strip().split("\n", 1)[0].strip()
    if len(first_line) <= 120:
        return first_line
    match = _SENTENCE_END.search(first_line)
    title = first_line[: match.start() + 1] if match else first_line
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def read_seed_file(path: Path, source: str = SEED_SOURCE) -> Article:
    """Parse one seed file into an Article; raises ValueError on unreadable or empty input."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    published, outlet, body = split_markers(raw)
    try:
        return Article(
            source=outlet or source,
            url=path.resolve().as_uri(),
            guid=None,
            title=title_from_text(body),
            published_at=published,
            text=body,
        )
    except ValidationError as exc:
        raise ValueError(f"{path.name}: {exc.errors()[0]['msg']}") from exc


def read_seed_dir(directory: Path, source: str = SEED_SOURCE) -> tuple[list[Article], list[tuple[str, str]]]:
    """Read every `*.txt` in `directory` (sorted). Returns (articles, [(file, error)])."""
    articles: list[Article] = []
    failures: list[tuple[str, str]] = []
    if not directory.is_dir():
        return [], [(str(directory), "seed directory does not exist")]
    for path in sorted(directory.glob("*.txt")):
        try:
            articles.append(read_seed_file(path, source))
        except (ValueError, OSError) as exc:
            log.warning("seed %s rejected: %s", path.name, exc)
            failures.append((path.name, str(exc)))
    return articles, failures
