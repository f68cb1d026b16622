"""Parse feed bytes with feedparser into validated Articles. Bytes in, models out: no network.

feedparser is tolerant: a feed with recoverable XML errors ("bozo") still yields its entries;
only a body that gives no feed at all is an error.

A feed body is hostile input (issue 8): feedparser gets a file object, never bytes or a str
(which it would open as a local path or fetch as a URL); the internal entities a body declares
may not expand past the body cap; an entry's text has a cap.
"""

from __future__ import annotations

import calendar
import io
import logging
import re
from datetime import datetime, timezone
from urllib.parse import urljoin, urlparse

import feedparser
from pydantic import ValidationError

from newsmon.models import Article, FeedSource, utcnow
from newsmon.text import content_hash, html_to_text

log = logging.getLogger(__name__)

# Headers feedparser uses to pick the encoding. Not Content-Location: feedparser would resolve
# a plain GUID (`12345`) against it into a link (`http://host/12345`) that two feeds on one
# host share (issue 8); links are resolved here instead, GUIDs never.
_PASS_HEADERS = ("content-type", "content-language", "etag", "last-modified")
DEFAULT_MAX_ENTRY_CHARS = 1_000_000

_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.S | re.I)
_ENTITY_DECL = re.compile(rb"""<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])(.*?)\2\s*>""", re.S)
_ENTITY_REF = re.compile(rb"&([A-Za-z_][\w.-]*);")


class NotAFeedError(ValueError):
    pass


def entity_expansion_chars(body: bytes) -> int:
    """How many characters the internal entities a body declares would expand to where the
    document uses them (nested references counted). 0 without such declarations."""
    head = body[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        for encoding in ("utf-16", "utf-32"):  # ASCII-incompatible: scan the decoded text
            try:
                body = body.decode(encoding).encode("utf-8")
                break
            except UnicodeDecodeError:
                continue
    match = _DOCTYPE_SUBSET.search(body, 0, 1_000_000)
    if not match:
        return 0
    values = {m.group(1): m.group(3) for m in _ENTITY_DECL.finditer(match.group(1))}
    sizes: dict[bytes, int] = {}

    def size(name: bytes, depth: int = 0) -> int:
        if name not in sizes:
            if depth > 20:  # a cycle or absurd nesting: as bad as it gets
                return 1 << 62
            sizes[name] = 0  # provisional: breaks self-reference
            value = values[name]
            sizes[name] = len(value) + sum(size(ref, depth + 1) - len(ref) - 2
                                           for ref in _ENTITY_REF.findall(value) if ref in values)
        return sizes[name]

    document = body[match.end():]
    return sum(size(ref) for ref in _ENTITY_REF.findall(document) if ref in values)


def parse_feed(body: bytes, source: FeedSource, headers: dict[str, str] | None = None,
               fetched_at: datetime | None = None, *, base_url: str | None = None,
               max_bytes: int | None = None,
               max_entry_chars: int = DEFAULT_MAX_ENTRY_CHARS) -> tuple[list[Article], list[str]]:
    """Return (articles, rejection reasons). Raises NotAFeedError when the body is no feed.

    base_url: where the body came from (the last redirect), for relative links; max_bytes: the
    cap the body was fetched under, which its expanded entities must respect too."""
    cap = max_bytes or max(len(body), 1) * 10
    expanded = entity_expansion_chars(body)
    if expanded > cap:
        raise NotAFeedError(f"not a feed: its internal XML entities expand to {expanded:,} characters, "
                            f"over the cap of {cap:,}")
    response_headers = {k.lower(): v for k, v in (headers or {}).items() if k.lower() in _PASS_HEADERS}
    # A file object: feedparser reads it and nothing else. Given bytes or a str that names a
    # path or URL (`/dev/zero`, `/etc/passwd`, `http://169.254.169.254/`), it opens that.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=response_headers, sanitize_html=True,
                              resolve_relative_uris=True)
    # A feed with no items still has a version; a body with neither is not a feed.
    if not parsed.entries and not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        raise NotAFeedError(f"not a feed: {type(reason).__name__}: {reason}" if reason else "not a feed")
    fetched_at = fetched_at or utcnow()
    base = _base_url(base_url or source.url, headers)
    articles, rejected = [], []
    # the language the feed declares (RSS <language>, Atom xml:lang), else the one its entry in
    # the feeds file states explicitly (issue 11)
    feed_language = parsed.feed.get("language") or (source.language if "language" in source.model_fields_set else None)
    for index, entry in enumerate(parsed.entries):
        try:
            articles.append(entry_to_article(entry, source, fetched_at, base=base, max_chars=max_entry_chars,
                                             declared_language=feed_language))
        except (ValueError, ValidationError) as exc:
            reason = f"entry {index}: {_first_error(exc)}"
            log.info("feed %s: %s", source.name, reason)
            rejected.append(reason)
    return articles, rejected


def _base_url(url: str, headers: dict[str, str] | None) -> str:
    """What relative links are relative to: Content-Location, resolved against the URL."""
    location = next((v for k, v in (headers or {}).items() if k.lower() == "content-location"), None)
    return urljoin(url, location.strip()) if location else url


def entry_to_article(entry: dict, source: FeedSource, fetched_at: datetime, *, base: str | None = None,
                     max_chars: int = DEFAULT_MAX_ENTRY_CHARS, declared_language: str | None = None) -> Article:
    raw_title, raw_body = entry.get("title") or "", _best_body(entry)
    if len(raw_title) + len(raw_body) > 2 * max_chars + 1000:  # before any work on it
        raise ValueError(f"entry of {len(raw_title) + len(raw_body):,} characters exceeds the cap of {max_chars:,}")
    title = html_to_text(raw_title)
    body = html_to_text(raw_body)
    # Feed items often put the news in the headline and a teaser in the summary: keep both.
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}" if body else title
    else:
        text = body
    if not text:
        raise ValueError("entry has neither title nor text")
    if len(text) > max_chars:
        raise ValueError(f"entry text of {len(text):,} characters exceeds the cap of {max_chars:,}")
    guid = (entry.get("id") or entry.get("guid") or "").strip() or None
    link = (entry.get("link") or "").strip()
    if entry.get("guidislink") and not _is_url(guid):
        link = ""  # a plain GUID (`12345`) is no link, whatever isPermaLink says
    elif link and base:
        link = urljoin(base, link)  # relative links, against the feed's own URL
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
        declared_language=_entry_language(entry) or declared_language,
    )


def _entry_language(entry: dict) -> str | None:
    """The language an entry declares (xml:lang on its content or title; feedparser also puts
    the feed's language and a Content-Language header there)."""
    details = [c for c in entry.get("content") or []] + [entry.get("summary_detail") or {}, entry.get("title_detail") or {}]
    return next((d.get("language") for d in details if d.get("language")), None)


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
