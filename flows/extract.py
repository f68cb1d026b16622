"""The extraction stage as a subflow: chunks of pending articles mapped over extraction tasks
on the configured task runner (local threads, or a Dask cluster through prefect-dask), the
results written back in this process (DuckDB has one writer)."""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NONE
from prefect.task_runners import ThreadPoolTaskRunner

from newsmon import extraction
from newsmon.settings import Settings


@task(name="select-pending-articles", cache_policy=NONE)
def select_pending_task(db_path: Path, chunk_articles: int, lock_wait_s: float, max_chars: int) -> list[list]:
    return extraction.pending_chunks(db_path, chunk_articles, lock_wait_s, max_chars=max_chars)


@task(name="extract-chunk", cache_policy=NONE)
def extract_chunk_task(articles: list, max_chars: int) -> extraction.ChunkResult:
    return extraction.extract_chunk(articles, max_chars=max_chars)


@task(name="write-mentions", cache_policy=NONE)
def write_mentions_task(db_path: Path, chunks: list[list], results: list[extraction.ChunkResult], lock_wait_s: float,
                        seconds: float) -> extraction.ExtractionSummary:
    return extraction.write_chunks(db_path, chunks, results, lock_wait_s, seconds)


@flow(name="extract")
def extract_flow(settings: Settings) -> extraction.ExtractionSummary:
    started = time.perf_counter()
    chunks = select_pending_task(settings.db_path, settings.extract_chunk_articles, settings.db_lock_wait_s,
                                 settings.extract_max_chars)
    futures = extract_chunk_task.map(chunks, max_chars=unmapped(settings.extract_max_chars))
    # A failed article is recorded in its chunk's result; a chunk that still raises (a worker
    # lost) fails the flow visibly, and its articles stay pending for the next run.
    results = [f.result() for f in futures]
    return write_mentions_task(settings.db_path, chunks, results, settings.db_lock_wait_s,
                               time.perf_counter() - started)


def task_runner(settings: Settings):
    """Local threads by default (one: the spaCy pipeline is not shared across threads);
    a Dask scheduler when `dask_address` is set, else a local Dask cluster."""
    if settings.task_runner == "threads":
        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": settings.dask_workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def run_extraction(settings: Settings) -> extraction.ExtractionSummary:
    """Call the subflow with the task runner the settings ask for."""
    return extract_flow.with_options(task_runner=task_runner(settings))(settings)
