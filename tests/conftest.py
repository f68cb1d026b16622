"""Shared fixtures: real DuckDB stores, a real local feed server, Prefect's test harness."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
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
# A Prefect server (ephemeral, test harness or `prefect server start`) takes ~35 s to start with a
# new PREFECT_HOME on a busy 2-core machine; Prefect waits 20 s. Every test that starts one waits
# this long, in this process and in the `newsmon` subprocesses that inherit the variable (issue 8
# item 11).
PREFECT_STARTUP_TIMEOUT_S = 180
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = str(PREFECT_STARTUP_TIMEOUT_S)
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

    with prefect_test_harness(server_startup_timeout=PREFECT_STARTUP_TIMEOUT_S):
        yield


# --- a real `prefect server start` and `newsmon serve` against it (tests/flows) ---

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def _ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_prefect_server(home: Path) -> tuple[subprocess.Popen, str, dict]:
    """`prefect server start` on a free local port with its own PREFECT_HOME; returns the
    process, its API URL and the environment that points clients (CLI, serve, workers) at it."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api,
           "PREFECT_UI_API_URL": api, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_API_PORT": str(port), "PREFECT_LOGGING_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: server.poll() is not None or _ok(f"{api}/health"), PREFECT_STARTUP_TIMEOUT_S,
                 "the Prefect server")
    except BaseException:
        stop_process(server)
        raise
    assert server.poll() is None, f"prefect server start exited with code {server.returncode}"
    return server, api, env


def stop_process(process: subprocess.Popen, timeout: float = 30) -> None:
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def prefect_server(tmp_path):
    """A real Prefect server for one test: (API URL, environment for its clients)."""
    server, api, env = start_prefect_server(tmp_path / "prefect-home")
    try:
        yield api, env
    finally:
        stop_process(server)


class RetryingClient(httpx.Client):
    """The local server answers 503 while its SQLite database is busy: retry, as clients do."""

    def request(self, *args, **kwargs):
        for _ in range(40):
            response = super().request(*args, **kwargs)
            if response.status_code != 503:
                return response
            time.sleep(0.25)
        return response


def serve_env(env: dict, tmp_path: Path, feed_url: str) -> dict:
    """`newsmon serve`'s environment: its store in tmp_path, one feed, no seeds."""
    return {**env, "NEWSMON_DB_PATH": str(tmp_path / "store.duckdb"), "NEWSMON_FEED_URLS": f'["{feed_url}"]',
            "NEWSMON_SEEDS_DIR": str(tmp_path / "no-seeds"), "NEWSMON_FETCH_DEADLINE_S": "20",
            "NEWSMON_FETCH_TIMEOUT_S": "10", "PREFECT_RUNNER_POLL_FREQUENCY": "1"}


def deployment_id(client: httpx.Client, flow: str, name: str) -> str | None:
    found = client.post("/deployments/filter", json={"flows": {"name": {"any_": [flow]}},
                                                      "deployments": {"name": {"any_": [name]}}}).json()
    return found[0]["id"] if found else None


@pytest.fixture
def settings(db_path: Path):
    from newsmon.settings import Settings

    return Settings(db_path=db_path, seeds_dir=None, feed_urls=[], fetch_timeout_s=1.0, fetch_deadline_s=2.0)


@pytest.fixture(scope="session")
def nlp():
    """The real extraction pipeline (en_core_web_sm 3.8.0), loaded once per session."""
    from extractors import load_pipeline

    return load_pipeline()
