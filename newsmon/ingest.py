"""The ingestion steps of a monitor run, as plain functions (the flow's tasks call these).

read_seeds -> (load_feed_state -> fetch_feeds) -> store_run
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from newsmon.feeds.config import load_feeds, sources_for_urls
from newsmon.feeds.fetch import fetch_all, parse_networks
from newsmon.feeds.parse import NotAFeedError, parse_feed
from newsmon.models import Article, FeedFetch, FeedSource, SourceSummary, utcnow
from newsmon.seeds import SEED_SOURCE, read_seed_dir
from newsmon.settings import Settings
from newsmon.store.articles import feed_holds, feed_state, record_fetch, record_run, store_articles
from newsmon.store.db import open_store

log = logging.getLogger(__name__)


class FeedOutcome(FeedFetch):
    """One feed's fetch with the guards of issue 8: `deferred` when an earlier Retry-After says
    not yet (nothing was requested), `next_poll_at` when this response set such a wait, and
    the reasons of the entries rejected."""

    status: Literal["ok", "not_modified", "error", "deferred"]
    next_poll_at: datetime | None = None
    rejections: list[str] = Field(default_factory=list)


class FeedState(BaseModel):
    """What the store knows before fetching: conditional-GET validators, and the feeds that
    may not be polled yet (url -> (next_poll_at, the error that set it))."""

    validators: dict[str, tuple[str | None, str | None]] = Field(default_factory=dict)
    holds: dict[str, tuple[datetime, str | None]] = Field(default_factory=dict)


class SeedBatch(BaseModel):
    directory: str | None = None
    articles: list[Article] = Field(default_factory=list)
    failures: list[tuple[str, str]] = Field(default_factory=list)


class RunSummary(BaseModel):
    run_id: str
    started_at: datetime
    finished_at: datetime
    sources: list[SourceSummary]
    new_article_ids: list[str] = Field(default_factory=list)
    # new articles per language (ISO 639-1, 'und'): those of languages without a pipeline are
    # stored and counted here, not extracted (issue 11)
    languages: dict[str, int] = Field(default_factory=dict)

    @property
    def new(self) -> int:
        return sum(s.new for s in self.sources)

    @property
    def seen(self) -> int:
        return sum(s.seen for s in self.sources)

    @property
    def failed(self) -> int:
        return sum(s.failed for s in self.sources)


def read_seeds(seeds_dir: Path | None) -> SeedBatch:
    if seeds_dir is None:
        return SeedBatch()
    articles, failures = read_seed_dir(Path(seeds_dir))
    return SeedBatch(directory=str(seeds_dir), articles=articles, failures=failures)


def resolve_sources(settings: Settings) -> list[FeedSource]:
    """The feeds of this run: --feed/NEWSMON_FEED_URLS when given, else the feeds file."""
    if settings.feed_urls:
        return sources_for_urls(settings.feed_urls)
    return load_feeds(settings.feeds_file)


def load_feed_state(db_path: Path, urls: list[str], lock_wait_s: float = 0.0, now: datetime | None = None) -> FeedState:
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        return FeedState(validators=feed_state(con, urls), holds=feed_holds(con, urls, now or utcnow()))


def fetch_feeds(sources: list[FeedSource], state: FeedState | dict[str, tuple[str | None, str | None]],
                settings: Settings, now: datetime | None = None) -> list[FeedOutcome]:
    """Fetch every feed concurrently and parse what came back. Never raises for one feed.
    A feed whose Retry-After has not passed is not requested: it comes back `deferred`."""
    if not isinstance(state, FeedState):
        state = FeedState(validators=state)
    now = now or utcnow()
    try:
        allow = [str(n) for n in parse_networks(settings.fetch_allow_networks)]
    except ValueError as exc:
        raise ValueError(f"NEWSMON_FETCH_ALLOW_NETWORKS: {exc}") from exc
    held = {url: hold for url, hold in state.holds.items() if hold[0] > now}
    due = [s for s in sources if s.url not in held]
    raws = iter(fetch_all(due, state.validators, timeout_s=settings.fetch_timeout_s,
                          deadline_s=settings.fetch_deadline_s, max_bytes=settings.fetch_max_bytes,
                          concurrency=settings.fetch_concurrency, user_agent=settings.user_agent,
                          allow_networks=allow, max_retry_after_s=settings.fetch_max_retry_after_s))
    fetched_at = utcnow()
    results = []
    for source in sources:
        if source.url in held:
            until, why = held[source.url]
            asked = (why or "").split(";", 1)[0] or "an earlier answer"
            results.append(FeedOutcome(
                url=source.url, name=source.name, status="deferred", next_poll_at=until,
                error=f"not polled before {until:%Y-%m-%d %H:%M:%S} UTC (Retry-After of {asked})"))
            continue
        raw = next(raws)
        fetch = FeedOutcome(url=raw.source.url, name=raw.source.name, status=raw.status, http_status=raw.http_status,
                            etag=raw.etag, last_modified=raw.last_modified, error=raw.error, elapsed_s=raw.elapsed_s,
                            next_poll_at=raw.retry_at)
        if raw.status == "ok":
            try:
                fetch.articles, rejected = parse_feed(raw.body, raw.source, raw.headers, fetched_at,
                                                      base_url=raw.final_url, max_bytes=settings.fetch_max_bytes,
                                                      max_entry_chars=settings.fetch_max_entry_chars)
                fetch.entries_rejected = len(rejected)
                fetch.rejections = rejected
                if rejected:
                    fetch.error = f"{len(rejected)} {'entry' if len(rejected) == 1 else 'entries'} rejected: " + \
                        "; ".join(rejected[:3]) + ("; ..." if len(rejected) > 3 else "")
            except NotAFeedError as exc:
                fetch.status, fetch.error = "error", str(exc)
                # not this body's validators: the next run must fetch it again, not get a 304
                # that hides the error (or, once the parser copes, the items)
                fetch.etag = fetch.last_modified = None
                log.warning("feed %s (%s): %s", raw.source.name, raw.source.url, exc)
            except Exception as exc:  # a parser bug on one feed must not lose the others
                fetch.status, fetch.error = "error", f"parse failed: {type(exc).__name__}: {exc}"
                fetch.etag = fetch.last_modified = None
                log.exception("feed %s: parse failed", raw.source.name)
        results.append(fetch)
    return results


def store_run(db_path: Path, seeds: SeedBatch, fetches: list[FeedFetch], sources: list[FeedSource],
              started_at: datetime, lock_wait_s: float = 0.0, run_id: str | None = None) -> RunSummary:
    """Store the run's articles and each feed's state in one transaction, so a crash stores
    nothing and the next run, with the old validators, fetches the same items again."""
    run_id = run_id or uuid.uuid4().hex[:12]
    official = {s.url: s.official for s in sources}
    now = utcnow()
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            summaries: list[SourceSummary] = []
            new_ids: list[str] = []
            languages: dict[str, int] = {}
            if seeds.directory is not None:
                result = store_articles(con, seeds.articles, now)
                new_ids += result.new_article_ids
                _add(languages, result.languages)
                summaries.append(SourceSummary(
                    # every seed article, whatever outlet its file names (issue 12)
                    source=SEED_SOURCE, kind="seeds", new=sum(result.new.values()),
                    seen=sum(result.seen.values()), failed=len(seeds.failures),
                    status="ok" if not seeds.failures else "partial",
                    error="; ".join(f"{name}: {err}" for name, err in seeds.failures) or None))
            for fetch in fetches:
                if fetch.status == "deferred":  # not requested: the feed's row stays as it was
                    summaries.append(SourceSummary(source=fetch.name, kind="feed", status="deferred",
                                                   error=fetch.error))
                    continue
                result = store_articles(con, fetch.articles, now)
                new_ids += result.new_article_ids
                _add(languages, result.languages)
                new = sum(result.new.values())
                record_fetch(con, fetch, official.get(fetch.url, False), new, now,
                             next_poll_at=getattr(fetch, "next_poll_at", None))
                summaries.append(SourceSummary(
                    source=fetch.name, kind="feed", new=new, seen=sum(result.seen.values()),
                    failed=fetch.entries_rejected + (1 if fetch.status == "error" else 0),
                    status=fetch.status, error=fetch.error))
            summary = RunSummary(run_id=run_id, started_at=started_at, finished_at=utcnow(),
                                 sources=summaries, new_article_ids=new_ids, languages=languages)
            record_run(con, run_id, started_at, summary.finished_at, summary.new, summary.seen, summary.failed,
                       [s.model_dump() for s in summaries])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return summary


def _add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n


def format_languages(languages: dict[str, int]) -> str | None:
    """"languages of new articles: en 12, es 4, pt 1 (pt stored, not extracted)"."""
    from extractors.languages import pipeline_language

    if not languages:
        return None
    counts = ", ".join(f"{code} {n}" for code, n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    skipped = sorted(code for code in languages if pipeline_language(code) is None)
    return f"languages of new articles: {counts}" + (
        f" ({', '.join(skipped)} stored, not extracted)" if skipped else "")


def format_summary(summary: RunSummary) -> str:
    """The console summary of a run: one line per source, then the totals."""
    width = max([len(s.source) for s in summary.sources] + [6])
    width = min(width, 60)
    lines = [f"{'source':<{width}}  {'new':>5}  {'seen':>5}  {'failed':>6}  status"]
    for s in summary.sources:
        name = s.source if len(s.source) <= width else s.source[: width - 1] + "…"
        status = s.status if not s.error else f"{s.status}: {s.error}"
        lines.append(f"{name:<{width}}  {s.new:>5}  {s.seen:>5}  {s.failed:>6}  {status}")
    lines.append(f"articles: {summary.new} new, {summary.seen} already seen, {summary.failed} failed")
    languages = format_languages(summary.languages)
    if languages:
        lines.append(languages)
    deferred = [s.source for s in summary.sources if s.status == "deferred"]
    if deferred:
        lines.append(f"feeds deferred (Retry-After): {len(deferred)}, polled again once their wait is over")
    if summary.new == 0:
        lines.append("Nothing new since the last run.")
    return "\n".join(lines)
