"""Issue 9: scheduled runs must actually run. A real `prefect server start` (free port, its own
PREFECT_HOME), then:

- `newsmon serve --interval-minutes 1`: two monitor runs created by the schedule (not by hand)
  complete; `prefect deployment ls` and `prefect flow-run ls` work against the server; SIGTERM
  during a run stops `newsmon serve` cleanly (the run finishes, the schedule is paused), and a
  restarted one resumes the schedule.
- `prefect deploy --all --prefect-file deployments/prefect.yaml` from the repository root and a
  process worker: deployments that do not collide with `newsmon serve`'s, and a monitor run
  carried out by the worker.

Each would fail with the versions the issue names (SQLAlchemy 2.1: no scheduled run is ever
created; FastAPI >= 0.151: the listings and the workers filter of `prefect deploy` get 422).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest
import yaml

from conftest import (PROJECT_ROOT, RetryingClient, deployment_id, serve_env, start_prefect_server, stop_process,
                      wait_for)
from feeds_fixtures import rss

pytestmark = pytest.mark.slow

ITEM = {"title": "Venezuela: Treasury sanctions PDVSA officials", "link": "http://news.example/sdn",
        "pubDate": "Mon, 24 Nov 2025 15:00:00 GMT",
        "description": "On November 24, 2025, the Treasury Department sanctioned three PDVSA officials."}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One Prefect server for the module: it takes tens of seconds to start on a busy machine."""
    process, api, env = start_prefect_server(tmp_path_factory.mktemp("prefect-home"))
    try:
        yield api, env
    finally:
        stop_process(process)


def prefect_cli(env: dict, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prefect", *args], env=env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout)


def runs_of(client, dep_id: str) -> list[dict]:
    return client.post("/flow_runs/filter", json={"deployments": {"id": {"any_": [dep_id]}},
                                                  "sort": "EXPECTED_START_TIME_ASC", "limit": 50}).json()


def test_scheduled_monitor_runs_complete_and_serve_stops_on_sigterm(server, feed_server, tmp_path):
    api, env = server
    feed = feed_server.add("/f.xml", rss([ITEM]))
    stderr_path = tmp_path / "serve.stderr"
    with stderr_path.open("w") as stderr:
        serve = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "serve", "--interval-minutes", "1"],
                                 env=serve_env(env, tmp_path, feed), stdout=subprocess.DEVNULL, stderr=stderr)
    client = RetryingClient(base_url=api, timeout=10)
    try:
        dep = wait_for(lambda: deployment_id(client, "monitor", "monitor"), 120, "the monitor deployment")

        def two_scheduled_runs_completed():
            runs = runs_of(client, dep)
            bad = [r for r in runs if r["state"]["type"] in ("FAILED", "CRASHED")]
            assert not bad, (bad[0]["state"], stderr_path.read_text()[-3000:])
            assert serve.poll() is None, f"newsmon serve exited: {stderr_path.read_text()[-3000:]}"
            done = [r for r in runs if r["state"]["type"] == "COMPLETED"]
            return done if len(done) >= 2 else None

        # The first run is due about a minute after the deployment is created, the next a minute
        # later; the runner polls every second (PREFECT_RUNNER_POLL_FREQUENCY in serve_env).
        done = wait_for(two_scheduled_runs_completed, 300, "two scheduled monitor runs to complete", every=2)

        for run in done[:2]:  # created by the schedule, not by hand
            assert run["auto_scheduled"] is True, run
            assert (run["created_by"] or {}).get("type") == "SCHEDULE", run["created_by"]
            states = client.get("/flow_run_states/", params={"flow_run_id": run["id"]}).json()
            kinds = [s["type"] for s in sorted(states, key=lambda s: s["timestamp"])]
            assert kinds[0] == "SCHEDULED" and kinds[-1] == "COMPLETED" and "RUNNING" in kinds, kinds
        first, second = (datetime.fromisoformat(r["expected_start_time"]) for r in done[:2])
        assert (second - first).total_seconds() % 60 == 0, (first, second)  # on the 1-minute interval

        for listing in (("deployment", "ls"), ("flow-run", "ls")):
            result = prefect_cli(env, *listing)
            assert result.returncode == 0, (listing, result.stdout[-2000:], result.stderr[-2000:])
        assert "monitor/monitor" in prefect_cli(env, "deployment", "ls").stdout

        # SIGTERM during a scheduled run (a slow feed keeps it going ~10 s): serve lets it finish
        # (it does not stay Running, holding the deployment's only concurrency slot), exits 0
        # within a bound, without a traceback, and pauses the schedule.
        feed_server.add("/f.xml", rss([ITEM]), delay_s=20)  # > NEWSMON_FETCH_TIMEOUT_S
        running = wait_for(lambda: [r for r in runs_of(client, dep) if r["state"]["type"] == "RUNNING"], 150,
                           "the next scheduled run to start", every=0.5)[0]
        stopped_at = time.monotonic()
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
        assert time.monotonic() - stopped_at < 60
        err = stderr_path.read_text()
        assert serve.returncode == 0, err[-3000:]
        assert "Traceback" not in err and "never awaited" not in err, err[-3000:]
        assert client.get(f"/flow_runs/{running['id']}").json()["state"]["type"] == "COMPLETED"
        assert client.get(f"/deployments/{dep}").json()["paused"] is True

        # Started again (a service manager's restart), it resumes the schedule.
        with stderr_path.open("w") as stderr:
            serve = subprocess.Popen([sys.executable, "-m", "newsmon.cli", "serve", "--interval-minutes", "1"],
                                     env=serve_env(env, tmp_path, feed), stdout=subprocess.DEVNULL, stderr=stderr)
        wait_for(lambda: client.get(f"/deployments/{dep}").json()["paused"] is False, 120, "the schedule resumed")
    finally:
        client.close()
        if serve.poll() is None:
            serve.send_signal(signal.SIGTERM)
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                serve.kill()
                serve.wait()


def test_prefect_deploy_all_with_a_process_worker(server, feed_server, tmp_path):
    api, env = server
    prefect_yaml = yaml.safe_load((PROJECT_ROOT / "deployments" / "prefect.yaml").read_text(encoding="utf-8"))
    names = {d["name"] for d in prefect_yaml["deployments"]}
    from flows.deployments import build_deployments

    assert not names & {d.name for d in build_deployments()}, "would overwrite newsmon serve's deployments"

    pool = prefect_cli(env, "work-pool", "create", "newsmon", "--type", "process")
    assert pool.returncode == 0, pool.stdout[-2000:] + pool.stderr[-2000:]
    # As the file's header says: from the repository root, no variable to set.
    deploy = prefect_cli(env, "deploy", "--all", "--prefect-file", "deployments/prefect.yaml")
    assert deploy.returncode == 0, deploy.stdout[-3000:] + deploy.stderr[-3000:]

    client = RetryingClient(base_url=api, timeout=10)
    worker = None
    try:
        deployed = client.post("/deployments/filter",
                               json={"deployments": {"name": {"any_": sorted(names)}}}).json()
        assert {d["name"] for d in deployed} == names
        for d in deployed:
            assert d["work_pool_name"] == "newsmon", d
            assert d["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {
                "directory": str(PROJECT_ROOT)}}], d["pull_steps"]
        dep = deployment_id(client, "monitor", "monitor-worker")

        store = tmp_path / "worker-store.duckdb"
        worker_env = {**serve_env(env, tmp_path, feed_server.add("/w.xml", rss([ITEM]))),
                      "NEWSMON_DB_PATH": str(store), "PREFECT_WORKER_QUERY_SECONDS": "1"}
        stderr_path = tmp_path / "worker.stderr"
        with stderr_path.open("w") as stderr:
            worker = subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", "newsmon"],
                                      env=worker_env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=stderr)
        # The schedule's first run is due now; a run triggered by hand as well. With the limit of
        # one run (CANCEL_NEW) one of them may be cancelled; none may fail.
        client.post(f"/deployments/{dep}/create_flow_run", json={})

        def one_completed():
            runs = runs_of(client, dep)
            bad = [r for r in runs if r["state"]["type"] in ("FAILED", "CRASHED")]
            assert not bad, (bad[0]["state"], stderr_path.read_text()[-3000:])
            assert worker.poll() is None, f"the worker exited: {stderr_path.read_text()[-3000:]}"
            return any(r["state"]["type"] == "COMPLETED" for r in runs)

        wait_for(one_completed, 180, "a monitor-worker run to complete", every=2)
        assert store.is_file()  # the worker's NEWSMON_DB_PATH reached the run
    finally:
        client.close()
        if worker is not None:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
