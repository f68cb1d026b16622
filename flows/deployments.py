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


# How long `newsmon serve` gives runs in progress to finish after a SIGTERM before it cancels them.
RUN_STOP_WAIT_S = 30
# How long it then gives Prefect to cancel them and record them Cancelled.
CANCEL_WAIT_S = 30


def serve_deployments(interval_minutes: float = 5.0, digest_cron: str = "0 7 * * *") -> None:
    """Prefect's `serve` of build_deployments(), except for SIGTERM (issue 9): no new run, the
    runs in progress finish (or are cancelled after RUN_STOP_WAIT_S), the schedules are paused
    and this returns, as on Ctrl-C."""
    import asyncio
    import time

    from prefect.runner import Runner
    from prefect.settings import PREFECT_UI_URL

    class _Runner(Runner):
        async def start(self, *args, **kwargs) -> None:
            self._main = (asyncio.get_running_loop(), asyncio.current_task())
            self._stopping = False
            await super().start(*args, **kwargs)

        def handle_sigterm(self, *args, **kwargs) -> None:
            # Prefect's own handler calls the async stop() from the signal handler ("coroutine
            # 'Runner.astop' was never awaited") and exits from inside the event loop, leaving a
            # run in progress Running in the API, where it holds the deployment's only concurrency
            # slot until its lease runs out. A second SIGTERM stops at once.
            loop, main = self._main
            if self._stopping:
                main.cancel()
            else:
                self._stopping = True
                loop.call_soon_threadsafe(lambda: loop.create_task(self._stop(main)))

        async def _stop(self, main: asyncio.Task) -> None:
            """No new runs; runs in progress get RUN_STOP_WAIT_S to finish (a monitor run takes
            seconds), then are cancelled as Prefect cancels them (Cancelled in the API; the next
            run picks up their work). Then the runner stops as on Ctrl-C: asyncio cancels it; it
            pauses the schedules."""
            poller = getattr(self, "_scheduled_run_poller", None)  # Prefect 3.8's runner internals
            if poller is not None:
                poller.stopping = True
            processes = getattr(self, "_process_manager", None)
            deadline = time.monotonic() + RUN_STOP_WAIT_S
            while processes is not None and processes.flow_run_ids() and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            if processes is not None and processes.flow_run_ids():
                self._logger.info("Cancelling the runs still in progress after %ss...", RUN_STOP_WAIT_S)
                try:
                    await asyncio.wait_for(self.cancel_all(), timeout=CANCEL_WAIT_S)
                except Exception as exc:  # stopping anyway: Prefect kills what is left on its way out
                    self._logger.warning("Could not cancel every run in progress: %r", exc)
            main.cancel()

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
    except (KeyboardInterrupt, asyncio.CancelledError):  # Ctrl-C, SIGTERM
        print("newsmon serve: stopped.", flush=True)
