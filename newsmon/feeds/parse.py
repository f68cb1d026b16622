"""Parse feed bytes with feedparser into validated Articles. Bytes in, models out: no network.

feedparser is tolerant: a feed with recoverable XML errors ("bozo") still yields its entries;
only a body that gives no feed at all is an error.
"""

from __future__ import annotations

import calendar
import logging
from datetime import datetime, timezone
from urllib.parse import urlparse

import feedparser
from pydantic import ValidationError

from newsmon.models import Article, FeedSource, utcnow
from newsmon.text import content_hash, html_to_text

log = logging.getLogger(__name__)

# Headers feedparser uses to pick the encoding and resolve relative links.
_PASS_HEADERS = ("content-type", "content-location", "content-language", "etag", "last-modified")


class NotAFeedError(ValueError):
    pass


def parse_feed(body: bytes, source: FeedSource, headers: dict[str, str] | None = None,
               fetched_at: datetime | None = None) -> tuple[list[Article], list[str]]:
    """Return (articles, rejection reasons). Raises NotAFeedError when the body is no feed."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items() if k.lower() in _PASS_HEADERS}
    response_headers.setdefault("content-location", source.url)
    parsed = feedparser.parse(body, response_headers=response_headers, sanitize_html=True,
                              resolve_relative_uris=True)
    # A feed with no items still has a version; a body with neither is not a feed.
    if not parsed.entries and not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise NotAFeedError(f"not a feed: {type(reason).__name__}: {reason}" if reason else "not a feed")
    fetched_at = fetched_at or utcnow()
    articles, rejected = [], []
    for index, entry in enumerate(parsed.entries):
        try:
            articles.append(entry_to_article(entry, source, fetched_at))
        except (ValueError, ValidationError) as exc:
            reason = f"entry {index}: {_first_error(exc)}"
            log.info("feed %s: %s", source.name, reason)
            rejected.append(reason)
    return articles, rejected


def entry_to_article(entry: dict, source: FeedSource, fetched_at: datetime) -> Article:
    title = html_to_text(entry.get("title") or "")
    body = html_to_text(_best_body(entry))
    # Feed items often put the news in the headline and a teaser in the summary: keep both.
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}" if body else title
    else:
        text = body
    if not text:
        raise ValueError("entry has neither title nor text")
    guid = (entry.get("id") or entry.get("guid") or "").strip() or None
    link = (entry.get("link") or "").strip()
    if not _is_url(link):
        link = guid if _is_url(guid) else f"{source.url}#{guid or _fallback_anchor(text)}"
    return Article(
        source=source.name,
        url=link,
        guid=guid,
        title=title or text.split("\n", 1)[0][:200],
        published_at=_entry_datetime(entry),
        fetched_at=fetched_at,
        text=text,
    )


def _best_body(entry: dict) -> str:
    """The fullest text the entry offers: content:encoded over summary/description."""
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    return max(candidates, key=len)


def _entry_datetime(entry: dict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _is_url(value: str | None) -> bool:
    parsed = urlparse(value or "")
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _fallback_anchor(text: str) -> str:
    return content_hash(text)[:16]


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return f"{'.'.join(map(str, err['loc']))}: {err['msg']}"
    return str(exc)
