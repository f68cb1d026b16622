"""Shared fixtures: real DuckDB stores, a real local feed server, Prefect's test harness."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS_DIR))  # feed_server, feeds_fixtures
sys.path.insert(0, str(TESTS_DIR / "events"))  # helpers
# The project root first: tests/extractors and tests/flows mirror the packages' names and must
# not shadow them.
sys.path.insert(0, str(TESTS_DIR.parent))

# Prefect's home (its database, settings) lives in a temp dir for the whole session, and the
# ephemeral server makes no network calls. Set before anything imports prefect.
_PREFECT_HOME = tempfile.mkdtemp(prefix="newsmon-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
for _var in list(os.environ):
    if _var.startswith("NEWSMON_"):
        del os.environ[_var]  # tests build their own settings

PROJECT_ROOT = TESTS_DIR.parent
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS_DIR = PROJECT_ROOT / "seeds"

from feed_server import FeedServer  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def store(db_path: Path):
    """A migrated file-backed store, closed after the test."""
    from newsmon.store.db import open_store

    with open_store(db_path) as con:
        yield con


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


@pytest.fixture(scope="session")
def prefect_harness():
    """Prefect's test harness: a temporary API server and database for the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def settings(db_path: Path):
    from newsmon.settings import Settings

    return Settings(db_path=db_path, seeds_dir=None, feed_urls=[], fetch_timeout_s=1.0, fetch_deadline_s=2.0)


@pytest.fixture(scope="session")
def nlp():
    """The real extraction pipeline (en_core_web_sm 3.8.0), loaded once per session."""
    from extractors import load_pipeline

    return load_pipeline()
