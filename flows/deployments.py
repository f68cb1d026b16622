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
    """Prefect's `serve` of build_deployments(), except that SIGTERM stops it as Ctrl-C does
    (issue 9): the runner stops polling, pauses the schedules and this returns."""
    import asyncio
    import signal

    from prefect.runner import Runner
    from prefect.settings import PREFECT_UI_URL

    class _Runner(Runner):
        def handle_sigterm(self, *args, **kwargs) -> None:
            # Prefect's handler calls the async stop() from the signal handler ("coroutine
            # 'Runner.astop' was never awaited") and exits from inside the event loop. Ctrl-C's
            # path is the clean one: asyncio cancels the runner and its shutdown runs.
            signal.raise_signal(signal.SIGINT)

    deployments = build_deployments(interval_minutes, digest_cron)
    runner = _Runner(pause_on_shutdown=True)
    for deployment in deployments:
        runner.add_deployment(deployment)
    names = ", ".join(f"{d.flow_name}/{d.name}" for d in deployments)
    ui = f" UI: {PREFECT_UI_URL.value()}/deployments." if PREFECT_UI_URL.value() else ""
    print(f"Serving {names}: polling for their scheduled and triggered runs.{ui} Ctrl-C or SIGTERM stops.",
          flush=True)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        print("newsmon serve: stopped.", flush=True)
