"""The one settings object: built at the entry point (CLI or flow), passed down.

Every field can be set by an environment variable `NEWSMON_<FIELD>` (e.g. NEWSMON_DB_PATH);
CLI flags override the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The repository root: where `seeds/`, `feeds.yaml` and `sql/` live (editable install).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSMON_", extra="ignore")

    db_path: Path = Field(Path("newsmon.duckdb"), description="DuckDB file of the store")
    seeds_dir: Path | None = Field(PROJECT_ROOT / "seeds", description="folder of *.txt seed articles; None skips seeds")
    feeds_file: Path = Field(PROJECT_ROOT / "feeds.yaml", description="YAML list of feeds to poll")
    feed_urls: list[str] = Field(default_factory=list, description="if set, poll these instead of the feeds file")

    fetch_timeout_s: float = Field(5.0, gt=0, description="connect/read timeout of one request")
    fetch_deadline_s: float = Field(10.0, gt=0, description="whole-fetch deadline of one feed (slow-drip servers)")
    fetch_max_bytes: int = Field(10_000_000, gt=0, description="a feed body larger than this is refused")
    fetch_concurrency: int = Field(8, ge=1, description="feeds fetched at once")
    fetch_allow_networks: list[str] = Field(
        default_factory=list, description="CIDR networks (e.g. 10.0.0.0/8) a redirect may lead into besides "
        "public addresses; the configured feed URL's own host is always allowed")
    fetch_max_retry_after_s: float = Field(86_400.0, gt=0, description="cap on a 429/503 Retry-After wait")
    fetch_max_entry_chars: int = Field(1_000_000, gt=0, description="a feed entry with more text is rejected")
    user_agent: str = "newsmon/0.1 (+https://github.com/newsmon; Venezuela-policy news monitor)"

    db_lock_wait_s: float = Field(30.0, ge=0, description="how long readers wait for a writer's lock")
    # None: a folder `digests` next to the store, not wherever the command or worker happens to
    # run (issue 12: digests/ landed in the repository)
    digest_dir: Path | None = Field(None, description="where the digest flow writes its Markdown files "
                                    "(default: `digests` next to the store)")

    # --- extraction scale-out ---
    task_runner: Literal["threads", "dask"] = Field("threads", description="where extraction chunks run")
    dask_address: str | None = Field(None, description="a Dask scheduler (tcp://host:8786); unset: a local cluster")
    dask_workers: int = Field(2, ge=1, description="workers of the local Dask cluster")
    extract_chunk_articles: int = Field(64, ge=1, description="articles per extraction task")
    extract_max_chars: int = Field(100_000, ge=1_000, description="characters of one article given to spaCy "
                                   "(cut at a paragraph break; bounds time and memory per article)")

    # --- alert delivery ---
    alert_jsonl_path: Path | None = Field(None, description="JSON Lines file of alerts (channel off when unset)")
    alert_webhook_url: str | None = Field(None, description="POST each alert here (channel off when unset)")
    alert_webhook_timeout_s: float = Field(5.0, gt=0)
    alert_webhook_retries: int = Field(3, ge=1, description="attempts per alert within one delivery")
    alert_webhook_backoff_s: float = Field(0.5, ge=0, description="first backoff; doubles per retry, capped at 30s")
    alert_prefect: bool = Field(True, description="markdown artifact + Prefect event per alert (inside flow runs)")
