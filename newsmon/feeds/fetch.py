"""Fetch feed bytes: HTTP(S) with timeouts, a size cap, a User-Agent and conditional GET, or a
local file. Fetching is not parsing: this module returns bytes and headers only.

Feeds are fetched concurrently; one feed's failure is recorded and never stops the others.

Guards against hostile servers (issue 8): redirects are followed by hand, at most
MAX_REDIRECTS, and a hop to another origin must resolve to (and connect to) a public address
unless an allow-listed network holds it; the configured URL's own origin is trusted, since the
user asked for it. A 429 or 503 with Retry-After says when the feed may be polled again.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import socket
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

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
    final_url: str | None = None  # after redirects: what relative links are relative to
    retry_at: datetime | None = None  # a 429/503's Retry-After: not polled again before this


class FeedTooLarge(Exception):
    pass


class RedirectRefused(Exception):
    pass


MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(cidrs: list[str]) -> list[Network]:
    return [ipaddress.ip_network(c.strip(), strict=False) for c in cidrs if c.strip()]


def address_refusal(address: str, allow: list[Network]) -> str | None:
    """Why a redirect may not go to this IP address; None when it may (public, or allowed)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in net for net in allow if net.version == ip.version):
        return None
    for attr, label in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                        ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
                        ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, attr):
            return f"{ip} is a {label} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def _origin(url: str) -> tuple[str, str, int | None]:
    parsed = urlparse(url)
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme)
    return parsed.scheme, (parsed.hostname or "").lower(), port


def _proxied(url: str) -> bool:
    """True when the environment sends this URL through a proxy (which then connects for us)."""
    parsed = urlparse(url)
    return parsed.scheme in urllib.request.getproxies() and not urllib.request.proxy_bypass(parsed.hostname or "")


async def check_hop(url: str, allow: list[Network]) -> None:
    """Refuse a redirect target that is not http(s) or whose host resolves to a non-public
    address outside the allow-list (every address the name resolves to must pass)."""
    scheme, host, port = _origin(url)
    if scheme not in ("http", "https") or not host:
        raise RedirectRefused(f"redirect to {url} refused: only http(s) URLs are followed")
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise RedirectRefused(f"redirect to {url}: cannot resolve {host}: {exc.strerror or exc}") from exc
    for info in infos:
        reason = address_refusal(info[4][0], allow)
        if reason:
            raise RedirectRefused(f"redirect to {url} refused: {reason} "
                                  "(allow it with NEWSMON_FETCH_ALLOW_NETWORKS)")


def check_peer(response: httpx.Response, allow: list[Network]) -> None:
    """The address actually connected to: a name that resolved to a public address for the
    check and to a private one for the connection (DNS rebinding) is caught here."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        reason = address_refusal(str(peer[0]), allow)
        if reason:
            raise RedirectRefused(f"redirect to {response.url} refused: connected to {reason}")


def retry_at(value: str | None, now: datetime, max_wait_s: float) -> datetime | None:
    """When a Retry-After header (seconds, or an HTTP date) allows the next request; capped at
    `max_wait_s` from now, so a hostile value cannot silence a feed for years."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        at = now + timedelta(seconds=min(int(value), max_wait_s))
    else:
        try:
            at = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if at.tzinfo is None:
            at = at.replace(tzinfo=timezone.utc)
    return min(max(at, now), now + timedelta(seconds=max_wait_s))


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
                     last_modified: str | None, max_bytes: int, allow: list[Network] | None = None,
                     max_retry_after_s: float = 86_400.0) -> RawFeed:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    allow = allow or []
    trusted = _origin(source.url)
    url = source.url
    for hop in range(MAX_REDIRECTS + 1):
        untrusted = _origin(url) != trusted
        if untrusted:
            await check_hop(url, allow)
        async with client.stream("GET", url, headers=headers) as response:
            if untrusted and not _proxied(url):
                check_peer(response, allow)
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                url = urljoin(url, location.strip())
                continue
            return await _read_response(response, source, etag, last_modified, max_bytes, max_retry_after_s)
    raise RedirectRefused(f"more than {MAX_REDIRECTS} redirects")


async def _read_response(response: httpx.Response, source: FeedSource, etag: str | None, last_modified: str | None,
                         max_bytes: int, max_retry_after_s: float) -> RawFeed:
    if response.status_code == 304:
        return RawFeed(source, "not_modified", http_status=304, etag=etag, last_modified=last_modified)
    if response.status_code >= 400:
        error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        wait_until = None
        if response.status_code in (429, 503):
            wait_until = retry_at(response.headers.get("retry-after"), datetime.now(timezone.utc),
                                  max_retry_after_s)
            if wait_until:
                error += f"; Retry-After: not polled again before {wait_until:%Y-%m-%d %H:%M:%S} UTC"
        return RawFeed(source, "error", http_status=response.status_code, error=error, retry_at=wait_until)
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
        last_modified=response.headers.get("last-modified"), final_url=str(response.url),
    )


def describe_error(exc: BaseException) -> str:
    """One line a user can act on."""
    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException)):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.ConnectError):
        return f"unreachable: {exc or 'connection failed'}"
    if isinstance(exc, (RedirectRefused, FeedTooLarge)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def _fetch_one(client: httpx.AsyncClient, gate: asyncio.Semaphore, source: FeedSource,
                     state: tuple[str | None, str | None], max_bytes: int, deadline_s: float,
                     allow: list[Network], max_retry_after_s: float) -> RawFeed:
    etag, last_modified = state[:2]
    started = time.perf_counter()
    async with gate:
        path = local_path(source.url)
        try:
            if path is not None:
                raw = read_local(source, path, last_modified)
            else:
                raw = await asyncio.wait_for(fetch_http(client, source, etag, last_modified, max_bytes, allow,
                                                        max_retry_after_s), deadline_s)
        except Exception as exc:  # one feed's failure is data, not a crash
            raw = RawFeed(source, "error", error=describe_error(exc))
    raw.elapsed_s = time.perf_counter() - started
    if raw.status == "error":  # the run's one WARNING names them all (fetch_all); details here
        log.debug("feed %s (%s) failed: %s", source.name, source.url, raw.error)
    return raw


async def fetch_all_async(sources: list[FeedSource], state: dict[str, tuple[str | None, str | None]],
                          *, timeout_s: float, deadline_s: float, max_bytes: int, concurrency: int,
                          user_agent: str, allow_networks: list[str] | None = None,
                          max_retry_after_s: float = 86_400.0) -> list[RawFeed]:
    timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 3.0))
    gate = asyncio.Semaphore(concurrency)
    allow = parse_networks(allow_networks or [])
    # Redirects are followed by fetch_http, hop by hop, each checked.
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False, headers={
        "User-Agent": user_agent,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    }) as client:
        return await asyncio.gather(*(
            _fetch_one(client, gate, s, state.get(s.url, (None, None)), max_bytes, deadline_s, allow,
                       max_retry_after_s) for s in sources
        ))


def fetch_all(sources: list[FeedSource], state: dict[str, tuple[str | None, str | None]], *,
              timeout_s: float = 5.0, deadline_s: float = 10.0, max_bytes: int = 10_000_000,
              concurrency: int = 8, user_agent: str = "newsmon", allow_networks: list[str] | None = None,
              max_retry_after_s: float = 86_400.0) -> list[RawFeed]:
    """Fetch every feed concurrently; results in the order of `sources`. The feeds that failed
    are named in one WARNING line (issue 12: fifteen unreachable feeds gave fifteen WARNING
    lines per run); each one's error is in the run summary and the `feeds` table."""
    raws = asyncio.run(fetch_all_async(sources, state, timeout_s=timeout_s, deadline_s=deadline_s,
                                       max_bytes=max_bytes, concurrency=concurrency, user_agent=user_agent,
                                       allow_networks=allow_networks, max_retry_after_s=max_retry_after_s))
    failed = [raw.source.name for raw in raws if raw.status == "error"]
    if failed:
        log.warning("%d of %d feeds could not be fetched: %s (errors in the feeds table: newsmon sql "
                    "\"select name, last_error from feeds where last_status = 'error'\")",
                    len(failed), len(raws), ", ".join(failed))
    return raws
