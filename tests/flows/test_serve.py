"""Issue 5: a real `prefect server start` on a free local port, `newsmon serve` against it, the
monitor deployment triggered against a local feed, checked through the Prefect API: Completed,
the alerts artifact, the alert events; and a second run triggered while the first is going is
cancelled (deployment concurrency limit 1, CANCEL_NEW). Issue 9: Ctrl-C stops `newsmon serve`
cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx

from conftest import RetryingClient, deployment_id, serve_env, wait_for
from feeds_fixtures import rss

ITEM = {"title": "US designates Venezuela's Cartel de los Soles", "link": "http://news.example/fto",
        "pubDate": "Mon, 24 Nov 2025 15:00:00 GMT",
        "description": "On November 24, 2025, the State Department designated Cartel de los Soles as a "
                       "Foreign Terrorist Organization."}


def create_run(client: httpx.Client, dep_id: str) -> str:
    response = client.post(f"/deployments/{dep_id}/create_flow_run", json={})
    assert response.status_code < 300 and "id" in response.json(), (response.status_code, response.text[:500])
    return response.json()["id"]


def test_serve_trigger_complete_artifact_events_and_cancel_new(prefect_server, feed_server, tmp_path):
    api, env = prefect_server
    feed = feed_server.add("/f.xml", rss([ITEM]), delay_s=4)  # a slow feed keeps the first run busy
    server = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "serve", "--interval-minutes", "0"],
                              env=serve_env(env, tmp_path, feed), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    client = RetryingClient(base_url=api, timeout=10)
    try:
        dep = wait_for(lambda: deployment_id(client, "monitor", "monitor"), 60, "the monitor deployment")
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

        # Issue 9: Ctrl-C stops it cleanly (SIGTERM: tests/flows/test_schedule.py).
        server.send_signal(signal.SIGINT)
        _, stderr = server.communicate(timeout=30)
        assert server.returncode == 0, stderr[-2000:]
        assert "Traceback" not in stderr and "never awaited" not in stderr, stderr[-2000:]
    finally:
        client.close()
        if server.poll() is None:
            server.kill()
            server.wait()
