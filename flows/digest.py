"""The `digest` flow: the last day's new and changed developments, as a Prefect markdown
artifact (visible in the UI) and a Markdown file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE

from newsmon.digest import Digest, digest_dir, write_digest
from newsmon.settings import Settings


@task(name="build-digest", cache_policy=NONE)
def build_digest_task(db_path: Path, out_dir: Path, until: datetime | None, hours: int,
                      lock_wait_s: float, since: datetime | None = None) -> tuple[Digest, Path]:
    return write_digest(db_path, out_dir, until, hours, lock_wait_s, since)


@task(name="publish-digest", cache_policy=NONE)
def publish_digest_task(digest: Digest) -> None:
    create_markdown_artifact(markdown=digest.markdown, key="newsmon-digest",
                             description=f"{digest.developments} new or changed developments")


@flow(name="digest")
def digest(settings: Settings | None = None, hours: int = 24, until: datetime | None = None,
           since: datetime | None = None) -> Digest:
    """The `hours` before `until` (default: the last day), or from `since` when given."""
    settings = settings or Settings()
    result, _ = build_digest_task(settings.db_path, digest_dir(settings), until, hours, settings.db_lock_wait_s,
                                  since)
    publish_digest_task(result)
    return result
