"""Read a directory of seed articles (`*.txt`).

A seed file may start with a marker `date YYYY-MM-DD` (leading whitespace allowed): it sets
the publication date and is not part of the text. Without it the date is unknown (None),
never invented.
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
    published, body = split_date_marker(raw)
    try:
        return Article(
            source=source,
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
