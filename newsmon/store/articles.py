"""Writers for the `articles`, `article_keys`, `feeds` and `ingest_runs` tables."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlparse

import duckdb

from newsmon.models import Article, FeedFetch, utcnow
from newsmon.store.db import query


def is_permalink(guid: str) -> bool:
    """An absolute http(s) URL: the same GUID in two feeds is the same story."""
    parsed = urlparse(guid)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def article_keys(article: Article) -> list[str]:
    """The identities an item is known by. A GUID that is not a permalink (`12345`,
    `urn:x:1`) is only unique within its feed, so it is scoped by source (issue 8)."""
    keys = [f"url:{article.url}"]
    if article.guid:
        guid = article.guid.strip()
        scoped = guid if is_permalink(guid) else f"{article.source}|{guid}"
        keys.append(f"guid:{scoped}")
    return keys


@dataclass
class StoreResult:
    """Per-source counts of one batch: new rows, and items that were already stored."""

    new: dict[str, int] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)
    new_article_ids: list[str] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)  # new rows per language (issue 11)

    def count(self, bucket: dict[str, int], source: str) -> None:
        bucket[source] = bucket.get(source, 0) + 1


def store_articles(con: duckdb.DuckDBPyConnection, articles: list[Article], now: datetime | None = None) -> StoreResult:
    """Insert the articles not stored yet (by GUID, link or normalised text), within the
    caller's transaction. Known items only gain the keys they were seen under."""
    now = now or utcnow()
    result = StoreResult()
    if not articles:
        return result
    all_keys = sorted({k for a in articles for k in article_keys(a)})
    known_keys = dict(con.execute(query("known_article_keys"), {"keys": all_keys}).fetchall())
    known_hashes = dict(
        con.execute(query("known_content_hashes"), {"hashes": sorted({a.content_hash for a in articles})}).fetchall()
    )
    new_rows: list[dict] = []
    key_rows: list[dict] = []
    for article in articles:
        keys = article_keys(article)
        existing = next((known_keys[k] for k in keys if k in known_keys), None)
        existing = existing or known_hashes.get(article.content_hash)
        article_id = existing or article.article_id
        if existing is None:
            new_rows.append(_article_row(article))
            known_hashes[article.content_hash] = article_id
            result.count(result.new, article.source)
            result.count(result.languages, article.language or "und")
            result.new_article_ids.append(article_id)
        else:
            result.count(result.seen, article.source)
        for key in keys:
            if key not in known_keys:
                known_keys[key] = article_id
                key_rows.append({"key": key, "article_id": article_id, "source": article.source, "first_seen_at": now})
    if new_rows:
        con.execute(query("insert_article"), {"rows": new_rows})
    if key_rows:
        con.execute(query("insert_article_key"), {"rows": key_rows})
    return result


def fill_languages(con: duckdb.DuckDBPyConnection, batch: int = 1000) -> int:
    """Identify the language of articles stored before the column existed (schema 006) from
    their text; returns how many were filled in."""
    from newsmon.language import detect_language

    filled = 0
    while rows := con.execute(query("article_language_pending"), {"limit": batch}).fetchall():
        con.execute(query("set_article_language"),
                    {"rows": [{"article_id": a, "language": detect_language(text)} for a, text in rows]})
        filled += len(rows)
    return filled


def _article_row(article: Article) -> dict:
    return {
        "article_id": article.article_id,
        "source": article.source,
        "url": article.url,
        "guid": article.guid,
        "title": article.title,
        "published_at": article.published_at,
        "fetched_at": article.fetched_at,
        "content_hash": article.content_hash,
        "text": article.text,
        "language": article.language,
    }


def feed_state(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """url -> (etag, last_modified) of the last good fetch, for conditional GET."""
    if not urls:
        return {}
    rows = con.execute(query("feed_state"), {"urls": urls}).fetchall()
    return {url: (etag, last_modified) for url, etag, last_modified in rows}


def feed_holds(con: duckdb.DuckDBPyConnection, urls: list[str], now: datetime) -> dict[str, tuple[datetime, str | None]]:
    """url -> (next_poll_at, the error that set it) of feeds that asked not to be polled yet."""
    if not urls:
        return {}
    rows = con.execute(query("feed_holds"), {"urls": urls, "now": now}).fetchall()
    return {url: (until, error) for url, until, error in rows}


def record_fetch(con: duckdb.DuckDBPyConnection, fetch: FeedFetch, official: bool, new_articles: int, now: datetime,
                 next_poll_at: datetime | None = None) -> None:
    con.execute(
        query("upsert_feed"),
        {
            "url": fetch.url,
            "name": fetch.name,
            "official": official,
            "etag": fetch.etag,
            "last_modified": fetch.last_modified,
            "fetched_at": now,
            "status": fetch.status,
            "http_status": fetch.http_status,
            "error": fetch.error,
            "new_articles": new_articles,
            "next_poll_at": next_poll_at,
        },
    )


def record_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime, finished_at: datetime,
               new: int, seen: int, failures: int, summary: list[dict]) -> None:
    con.execute(
        query("insert_ingest_run"),
        {
            "run_id": run_id,
            "started_at": started_at,
            "finished_at": finished_at,
            "articles_new": new,
            "articles_seen": seen,
            "failures": failures,
            "summary": json.dumps(summary, default=str),
        },
    )
