"""The deployments a user serves: `monitor` on an interval (one run at a time, a new run
cancelled while one is going: no pile-up, never two writers on the DuckDB file) and `digest`
daily. `newsmon serve` serves them with Prefect's `serve` (no work pool needed)."""

from __future__ import annotations

from datetime import timedelta

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

from flows.backfill import backfill_flow
from flows.digest import digest
from flows.monitor import monitor

# One monitor run at a time: DuckDB allows one writer per file, and a run behind a slow one
# would only redo its work.
MONITOR_CONCURRENCY = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)


def build_deployments(interval_minutes: float = 5.0, digest_cron: str = "0 7 * * *"):
    """interval_minutes 0 serves monitor without a schedule (runs on demand only)."""
    return [
        monitor.to_deployment(name="monitor", interval=timedelta(minutes=interval_minutes) if interval_minutes else None,
                              concurrency_limit=MONITOR_CONCURRENCY,
                              description="Poll the feeds and seeds, extract, resolve events, alert.",
                              tags=["newsmon"]),
        digest.to_deployment(name="digest", cron=digest_cron,
                             description="The last day's new and changed developments (artifact + Markdown).",
                             tags=["newsmon"]),
        backfill_flow.to_deployment(name="backfill", concurrency_limit=MONITOR_CONCURRENCY,
                                    description="Re-extract and re-resolve stored articles for a new extractor "
                                                "version; a dry-run report unless apply=true.",
                                    tags=["newsmon"]),
    ]


def serve_deployments(interval_minutes: float = 5.0, digest_cron: str = "0 7 * * *") -> None:
    from prefect import serve

    serve(*build_deployments(interval_minutes, digest_cron))
