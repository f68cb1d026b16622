"""The `backfill` flow: re-run extraction and resolution over the stored articles for a new
extractor version. A dry run by default: it reports what would change and writes nothing."""

from __future__ import annotations

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE

from newsmon.backfill import BackfillReport, backfill
from newsmon.settings import Settings


@task(name="backfill", cache_policy=NONE)
def backfill_task(settings: Settings, apply: bool) -> BackfillReport:
    from newsmon.alerts.channels import configured_channels

    return backfill(settings.db_path, configured_channels(settings), apply, settings.db_lock_wait_s)


@task(name="publish-backfill-report", cache_policy=NONE)
def publish_report_task(report: BackfillReport) -> None:
    create_markdown_artifact(markdown="```\n" + report.format() + "\n```", key="newsmon-backfill",
                             description="backfill applied" if report.applied else "backfill dry run")


@flow(name="backfill")
def backfill_flow(settings: Settings | None = None, apply: bool = False) -> BackfillReport:
    settings = settings or Settings()
    report = backfill_task(settings, apply)
    publish_report_task(report)
    return report
