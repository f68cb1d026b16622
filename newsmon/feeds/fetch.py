"""Fetch feed bytes: HTTP(S) with timeouts, a size cap, a User-Agent and conditional GET, or a
local file. Fetching is not parsing: this module returns bytes and headers only.

Feeds are fetched concurrently; one feed's failure is recorded and never stops the others.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from newsmon.models import FeedSource

log = logging.getLogger(__name__)


@dataclass
class RawFeed:
    """The outcome of fetching one feed, before parsing."""

    source: FeedSource
    status: str  # ok | not_modified | error
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    elapsed_s: float = 0.0


class FeedTooLarge(Exception):
    pass


def local_path(url: str) -> Path | None:
    """The file a feed URL names, for file:// URLs and plain paths; None for http(s)."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    if parsed.scheme in ("", ) or (len(parsed.scheme) == 1 and url[1:3] in (":\\", ":/")):
        return Path(url)
    return None


def read_local(source: FeedSource, path: Path, last_modified: str | None) -> RawFeed:
    """A local file as a feed; its mtime plays Last-Modified, so an unchanged file costs nothing."""
    try:
        stat = path.stat()
        mtime = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if last_modified == mtime:
            return RawFeed(source, "not_modified", last_modified=mtime)
        return RawFeed(source, "ok", body=path.read_bytes(), last_modified=mtime)
    except OSError as exc:
        return RawFeed(source, "error", error=f"cannot read {path}: {exc.strerror or exc}")


async def fetch_http(client: httpx.AsyncClient, source: FeedSource, etag: str | None,
                     last_modified: str | None, max_bytes: int) -> RawFeed:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    async with client.stream("GET", source.url, headers=headers) as response:
        if response.status_code == 304:
            return RawFeed(source, "not_modified", http_status=304, etag=etag, last_modified=last_modified)
        if response.status_code >= 400:
            return RawFeed(source, "error", http_status=response.status_code,
                           error=f"HTTP {response.status_code} {response.reason_phrase}".strip())
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FeedTooLarge(f"body of {declared} bytes exceeds the cap of {max_bytes}")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FeedTooLarge(f"body exceeds the cap of {max_bytes} bytes")
            chunks.append(chunk)
        return RawFeed(
            source, "ok", body=b"".join(chunks), headers=dict(response.headers),
            http_status=response.status_code, etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def describe_error(exc: BaseException) -> str:
    """One line a user can act on."""
    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException)):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.ConnectError):
        return f"unreachable: {exc or 'connection failed'}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def _fetch_one(client: httpx.AsyncClient, gate: asyncio.Semaphore, source: FeedSource,
                     state: tuple[str | None, str | None], max_bytes: int, deadline_s: float) -> RawFeed:
    etag, last_modified = state
    started = time.perf_counter()
    async with gate:
        path = local_path(source.url)
        try:
            if path is not None:
                raw = read_local(source, path, last_modified)
            else:
                raw = await asyncio.wait_for(fetch_http(client, source, etag, last_modified, max_bytes), deadline_s)
        except Exception as exc:  # one feed's failure is data, not a crash
            raw = RawFeed(source, "error", error=describe_error(exc))
    raw.elapsed_s = time.perf_counter() - started
    if raw.status == "error":
        log.warning("feed %s (%s) failed: %s", source.name, source.url, raw.error)
    return raw


async def fetch_all_async(sources: list[FeedSource], state: dict[str, tuple[str | None, str | None]],
                          *, timeout_s: float, deadline_s: float, max_bytes: int, concurrency: int,
                          user_agent: str) -> list[RawFeed]:
    timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 3.0))
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=True, headers={
        "User-Agent": user_agent,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    }) as client:
        return await asyncio.gather(*(
            _fetch_one(client, gate, s, state.get(s.url, (None, None)), max_bytes, deadline_s) for s in sources
        ))


def fetch_all(sources: list[FeedSource], state: dict[str, tuple[str | None, str | None]], *,
              timeout_s: float = 5.0, deadline_s: float = 10.0, max_bytes: int = 10_000_000,
              concurrency: int = 8, user_agent: str = "newsmon") -> list[RawFeed]:
    """Fetch every feed concurrently; results in the order of `sources`."""
    return asyncio.run(fetch_all_async(sources, state, timeout_s=timeout_s, deadline_s=deadline_s,
                                       max_bytes=max_bytes, concurrency=concurrency, user_agent=user_agent))
