"""The `monitor` flow: one pass of the pipeline.

    seeds + feeds -> store articles -> extract mentions -> resolve events -> deliver alerts

Tasks batch work (one task per stage, not per article): a task run costs tens of ms on
Prefect's server. Nothing here caches: every stage reads the world or writes the store. Each
stage picks up whatever the store says is pending (articles not extracted, mentions not
resolved, alerts not delivered), so a run that died half way is completed by the next one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from flows.extract import run_extraction
from newsmon import ingest, stages
from newsmon.models import FeedFetch, FeedSource, utcnow
from newsmon.report import MonitorResult
from newsmon.settings import Settings


@task(name="load-sources", cache_policy=NONE)
def load_sources_task(settings: Settings) -> list[FeedSource]:
    return ingest.resolve_sources(settings)


@task(name="read-seeds", cache_policy=NONE)
def read_seeds_task(seeds_dir: Path | None) -> ingest.SeedBatch:
    return ingest.read_seeds(seeds_dir)


@task(name="load-feed-state", cache_policy=NONE)
def load_feed_state_task(db_path: Path, urls: list[str], lock_wait_s: float) -> ingest.FeedState:
    return ingest.load_feed_state(db_path, urls, lock_wait_s)


@task(name="fetch-feeds", cache_policy=NONE)
def fetch_feeds_task(sources: list[FeedSource], state: ingest.FeedState, settings: Settings) -> list[FeedFetch]:
    return ingest.fetch_feeds(sources, state, settings)


@task(name="store-articles", cache_policy=NONE)
def store_articles_task(db_path: Path, seeds: ingest.SeedBatch, fetches: list[FeedFetch],
                        sources: list[FeedSource], started_at: datetime, lock_wait_s: float) -> ingest.RunSummary:
    return ingest.store_run(db_path, seeds, fetches, sources, started_at, lock_wait_s)


@task(name="resolve-events", cache_policy=NONE)
def resolve_events_task(db_path: Path, channels: list[str], lock_wait_s: float):
    return stages.resolve_stage(db_path, channels, lock_wait_s)


@task(name="deliver-alerts", cache_policy=NONE)
def deliver_alerts_task(settings: Settings):
    return stages.deliver_stage(settings)


@flow(name="monitor")
def monitor(settings: Settings | None = None) -> MonitorResult:
    """Ingest the seeds and every new item of the feeds, extract, resolve, alert."""
    from newsmon.alerts.channels import configured_channels

    settings = settings or Settings()
    started_at = utcnow()
    seeds = read_seeds_task.submit(settings.seeds_dir)
    sources = load_sources_task(settings)
    state = load_feed_state_task(settings.db_path, [s.url for s in sources], settings.db_lock_wait_s)
    fetches = fetch_feeds_task(sources, state, settings)
    # .result() raises if the seeds task failed: the flow fails visibly, never silently.
    ingested = store_articles_task(settings.db_path, seeds.result(), fetches, sources, started_at,
                                   settings.db_lock_wait_s)
    extracted = run_extraction(settings)  # a subflow: threads locally, or a Dask cluster
    resolved = resolve_events_task(settings.db_path, configured_channels(settings), settings.db_lock_wait_s)
    delivered = deliver_alerts_task(settings)
    result = MonitorResult(ingest=ingested, extraction=extracted, resolution=resolved, delivery=delivered)
    get_run_logger().info("%s", result.one_line())
    return result
