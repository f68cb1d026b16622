"""Issue 5: a real `prefect server start` on a free local port, `newsmon serve` against it, the
monitor deployment triggered against a local feed, checked through the Prefect API: Completed,
the alerts artifact, the alert events; and a second run triggered while the first is going is
cancelled (deployment concurrency limit 1, CANCEL_NEW)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from feeds_fixtures import rss

ITEM = {"title": "US designates Venezuela's Cartel de los Soles", "link": "http://news.example/fto",
        "pubDate": "Mon, 24 Nov 2025 15:00:00 GMT",
        "description": "On November 24, 2025, the State Department designated Cartel de los Soles as a "
                       "Foreign Terrorist Organization."}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def prefect_server(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": api,
           "PREFECT_UI_API_URL": api, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_API_PORT": str(port), "PREFECT_LOGGING_LEVEL": "WARNING"}
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: _ok(f"{api}/health"), 90, "the Prefect server")
        yield api, env
    finally:
        server.terminate()
        server.wait(timeout=30)


class RetryingClient(httpx.Client):
    """The local server answers 503 while its SQLite database is busy: retry, as clients do."""

    def request(self, *args, **kwargs):
        for _ in range(40):
            response = super().request(*args, **kwargs)
            if response.status_code != 503:
                return response
            time.sleep(0.25)
        return response


def create_run(client: httpx.Client, deployment_id: str) -> str:
    response = client.post(f"/deployments/{deployment_id}/create_flow_run", json={})
    assert response.status_code < 300 and "id" in response.json(), (response.status_code, response.text[:500])
    return response.json()["id"]


def _ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_serve_trigger_complete_artifact_events_and_cancel_new(prefect_server, feed_server, tmp_path):
    api, env = prefect_server
    feed = feed_server.add("/f.xml", rss([ITEM]), delay_s=4)  # a slow feed keeps the first run busy
    serve_env = {**env, "NEWSMON_DB_PATH": str(tmp_path / "store.duckdb"), "NEWSMON_FEED_URLS": f'["{feed}"]',
                 "NEWSMON_SEEDS_DIR": str(tmp_path / "no-seeds"), "NEWSMON_FETCH_DEADLINE_S": "20",
                 "NEWSMON_FETCH_TIMEOUT_S": "10", "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    server = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "serve", "--interval-minutes", "0"],
                              env=serve_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    client = RetryingClient(base_url=api, timeout=10)
    try:
        def deployment_id():
            found = client.post("/deployments/filter", json={"deployments": {"name": {"any_": ["monitor"]}}}).json()
            return found[0]["id"] if found else None

        dep = wait_for(deployment_id, 60, "the monitor deployment")
        first = create_run(client, dep)

        def state(run_id):
            return client.get(f"/flow_runs/{run_id}").json()["state"]["type"]

        wait_for(lambda: state(first) == "RUNNING", 60, "the first run to start")
        second = create_run(client, dep)
        assert wait_for(lambda: state(second) in ("CANCELLED", "COMPLETED", "FAILED", "CRASHED") and state(second),
                        60, "the second run to be decided") == "CANCELLED"
        assert wait_for(lambda: state(first) in ("COMPLETED", "FAILED", "CRASHED") and state(first), 120,
                        "the first run to end") == "COMPLETED"

        artifacts = client.post("/artifacts/filter", json={"artifacts": {"key": {"any_": ["newsmon-alerts"]}},
                                                           "limit": 5, "sort": "CREATED_DESC"}).json()
        assert artifacts and "Cartel de los Soles" in artifacts[0]["data"]

        def alert_events():
            found = client.post("/events/filter", json={"filter": {
                "event": {"prefix": ["newsmon.alert."]}, "occurred": {"since": "2000-01-01T00:00:00Z"}},
                "limit": 20}).json()
            return [e["event"] for e in found.get("events", [])]

        assert "newsmon.alert.new" in wait_for(alert_events, 30, "the alert events")
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
