"""Prefect's overhead on a monitor run: the same work (the dev-set articles as a seed folder:
store, extract, resolve, deliver) called as plain functions and as the `monitor` flow, on fresh
stores, in one run. The flow is timed twice: its first call pays for starting Prefect's
ephemeral server; the second shows the per-run cost once a server is up.

    python benchmarks/prefect_overhead.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def main() -> None:
    from newsmon import extraction, ingest, stages
    from newsmon.settings import Settings

    seeds = ROOT / "devset"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")

        def settings(name: str) -> Settings:
            empty = Path(tmp) / "feeds.yaml"
            empty.write_text("feeds: []\n", encoding="utf-8")
            return Settings(db_path=Path(tmp) / f"{name}.duckdb", seeds_dir=seeds, feeds_file=empty, alert_prefect=False)

        extraction.pipeline()  # load the model once, outside every timing
        s = settings("plain")
        started = time.perf_counter()
        batch = ingest.read_seeds(s.seeds_dir)
        ingest.store_run(s.db_path, batch, [], [], datetime.now(timezone.utc))
        extraction.extract_pending(s.db_path)
        resolved = stages.resolve_stage(s.db_path, ["console"])
        stages.deliver_stage(s)
        plain = time.perf_counter() - started

        from flows.monitor import monitor

        started = time.perf_counter()
        first = monitor(settings=settings("flow1"))
        flow_cold = time.perf_counter() - started
        started = time.perf_counter()
        monitor(settings=settings("flow2"))
        flow_warm = time.perf_counter() - started
    print(f"{len(batch.articles)} articles, {resolved.mentions} mentions, {resolved.events_created} events")
    print(f"plain functions:                      {plain:6.2f}s")
    print(f"monitor flow, first call (+ server):  {flow_cold:6.2f}s  ({flow_cold - plain:+.2f}s)")
    print(f"monitor flow, server already up:      {flow_warm:6.2f}s  ({flow_warm - plain:+.2f}s, "
          f"{flow_warm / plain:.2f}x the plain run)")
    assert first.resolution.events_created == resolved.events_created


if __name__ == "__main__":
    main()
