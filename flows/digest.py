"""The `digest` flow: the last day's new and changed developments, as a Prefect markdown
artifact (visible in the UI) and a Markdown file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE

from newsmon.digest import Digest, write_digest
from newsmon.settings import Settings


@task(name="build-digest", cache_policy=NONE)
def build_digest_task(db_path: Path, out_dir: Path, until: datetime | None, hours: int,
                      lock_wait_s: float) -> tuple[Digest, Path]:
    return write_digest(db_path, out_dir, until, hours, lock_wait_s)


@task(name="publish-digest", cache_policy=NONE)
def publish_digest_task(digest: Digest) -> None:
    create_markdown_artifact(markdown=digest.markdown, key="newsmon-digest",
                             description=f"{digest.developments} new or changed developments")


@flow(name="digest")
def digest(settings: Settings | None = None, hours: int = 24, until: datetime | None = None) -> Digest:
    settings = settings or Settings()
    result, _ = build_digest_task(settings.db_path, settings.digest_dir, until, hours, settings.db_lock_wait_s)
    publish_digest_task(result)
    return result
