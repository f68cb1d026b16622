"""Delivery from the outbox to real channels: a webhook receiver on 127.0.0.1, a JSONL file,
the console; the Prefect channels inside a real flow on the test harness."""

from __future__ import annotations

import json
import socket
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


from helpers import add_article, add_mention
from newsmon.alerts.deliver import deliver_pending
from newsmon.events.resolve import resolve_pending
from newsmon.settings import Settings

NOW = datetime(2025, 11, 25, tzinfo=timezone.utc)


class Receiver:
    """A webhook receiver that fails the first `fail_first` requests with 503."""

    def __init__(self, fail_first: int = 0, port: int = 0) -> None:
        self.fail_first, self.requests = fail_first, []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.requests.append((self.headers.get("Idempotency-Key"), body))
                status = 503 if len(receiver.requests) <= receiver.fail_first else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settings_for(tmp_path, **kw) -> Settings:
    base = dict(db_path=tmp_path / "s.duckdb", alert_prefect=False, alert_webhook_backoff_s=0.01,
                alert_webhook_timeout_s=1.0)
    base.update(kw)
    return Settings(**base)


def raise_one_alert(store, channels):
    a = add_article(store, "a17")
    add_mention(store, a, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                status="announced", modality="intended", event_date="2025-11-24", sentence="State intends to designate.")
    resolve_pending(store, channels, NOW)


def pending(store, channel):
    return store.execute("SELECT attempts, last_error FROM alerts WHERE channel = ? AND delivered_at IS NULL",
                         [channel]).fetchall()


def test_webhook_that_fails_twice_gets_the_alert_once_with_one_idempotency_key(store, tmp_path):
    receiver = Receiver(fail_first=2)
    try:
        raise_one_alert(store, ["console", "webhook"])
        summary = deliver_pending(store, settings_for(tmp_path, alert_webhook_url=receiver.url), NOW)
        assert summary.channels["webhook"].delivered == 1
        keys = [k for k, _ in receiver.requests]
        assert len(keys) == 3 and len(set(keys)) == 1  # 503, 503, 200: the same key each time
        assert receiver.requests[-1][1]["event"]["designation"] == "FTO"
        assert pending(store, "webhook") == []
        assert deliver_pending(store, settings_for(tmp_path, alert_webhook_url=receiver.url), NOW).delivered == 0
        assert len(receiver.requests) == 3
    finally:
        receiver.close()


def test_webhook_down_leaves_the_alert_pending_then_delivers_it_once(store, tmp_path):
    port = free_port()
    settings = settings_for(tmp_path, alert_webhook_url=f"http://127.0.0.1:{port}/hook", alert_webhook_retries=2)
    raise_one_alert(store, ["console", "webhook", "jsonl"])
    settings = settings.model_copy(update={"alert_jsonl_path": tmp_path / "alerts.jsonl"})
    summary = deliver_pending(store, settings, NOW)
    assert summary.channels["webhook"].failed == 1
    assert summary.channels["jsonl"].delivered == 1 and summary.channels["console"].delivered == 1  # not blocked
    ((attempts, error),) = pending(store, "webhook")
    assert attempts == 1 and "ConnectError" in error
    receiver = Receiver(port=port)
    try:
        assert deliver_pending(store, settings, NOW).channels["webhook"].delivered == 1
        assert deliver_pending(store, settings, NOW).delivered == 0
        assert len(receiver.requests) == 1
    finally:
        receiver.close()


def test_jsonl_is_exactly_once_even_after_a_crash_between_append_and_mark(store, tmp_path):
    path = tmp_path / "out" / "alerts.jsonl"
    settings = settings_for(tmp_path, alert_jsonl_path=path)
    raise_one_alert(store, ["console", "jsonl"])
    deliver_pending(store, settings, NOW)
    deliver_pending(store, settings, NOW)
    # the crash: appended, but the mark was lost
    store.execute("UPDATE alerts SET delivered_at = NULL WHERE channel = 'jsonl'")
    assert deliver_pending(store, settings, NOW).channels["jsonl"].delivered == 1
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1 and lines[0]["reason"] == "new" and lines[0]["event"]["target"] == "Cartel de los Soles"


def test_console_lines_and_unconfigured_channels(store, tmp_path):
    raise_one_alert(store, ["console", "webhook"])
    summary = deliver_pending(store, settings_for(tmp_path), NOW)  # webhook not configured any more
    assert summary.console_lines == [
        "NEW: State Department to list Cartel de los Soles as a terrorist organization (FTO), effective "
        "24 Nov 2025 [1 article, 1 source]"]
    assert summary.unconfigured == {"webhook": 1}
    assert len(pending(store, "webhook")) == 1  # kept, never lost


def test_prefect_channels_need_a_run_context(store, tmp_path):
    raise_one_alert(store, ["prefect_artifact", "prefect_event"])
    summary = deliver_pending(store, settings_for(tmp_path, alert_prefect=True), NOW)
    assert summary.failed == 2
    assert {e for c in summary.channels.values() for e in c.errors} == {"no Prefect run context"}


def test_prefect_artifact_and_events_inside_a_flow(prefect_harness, db_path, tmp_path):
    from prefect import flow
    from prefect.client.orchestration import get_client

    from newsmon.store.db import open_store

    settings = Settings(db_path=db_path, alert_prefect=True)
    with open_store(db_path) as con:
        raise_one_alert(con, ["console", "prefect_artifact", "prefect_event"])

    @flow
    def deliver_flow():
        with open_store(db_path) as con:
            return deliver_pending(con, settings)

    summary = deliver_flow()
    assert summary.channels["prefect_artifact"].delivered == 1
    assert summary.channels["prefect_event"].delivered == 1

    import asyncio

    async def read_back():
        # The REST API directly: this client's read_artifacts sends nulls its server rejects.
        async with get_client() as client:
            artifacts = await client._client.post("/artifacts/filter", json={
                "artifacts": {"key": {"any_": ["newsmon-alerts"]}}, "limit": 10, "sort": "CREATED_DESC"})
            for _ in range(30):  # events are flushed and persisted asynchronously
                events = await client._client.post("/events/filter", json={
                    "filter": {"event": {"prefix": ["newsmon.alert."]}, "occurred": {"since": "2000-01-01T00:00:00Z"}},
                    "limit": 10})
                if events.json().get("events"):
                    break
                await asyncio.sleep(0.5)
            return artifacts.json(), events.json()

    from prefect.events.clients import get_events_client  # noqa: F401  (the worker flushes on exit)
    from prefect.events.worker import EventsWorker

    EventsWorker.drain_all(timeout=10)
    artifacts, events = asyncio.run(read_back())
    assert artifacts and "Cartel de los Soles" in artifacts[0]["data"]
    names = [e["event"] for e in events.get("events", [])]
    assert "newsmon.alert.new" in names


class SlowReceiver(Receiver):
    """Answers each POST only when the test lets it (a webhook that hangs), or with `status`."""

    def __init__(self, status: int = 200) -> None:
        self.release, self.arrived, self.status = threading.Event(), threading.Event(), status
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                receiver.requests.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                receiver.arrived.set()
                receiver.release.wait(20)
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def raise_alerts(con, n, channels):
    for i in range(n):
        a = add_article(con, f"a{i}")
        add_mention(con, a, "designation", f"Group {i}", actor="State Department", designation="FTO",
                    status="effective", event_date="2025-11-24", sentence=f"Group {i} designated.")
    resolve_pending(con, channels, NOW)


def test_issue8_delivery_does_not_hold_the_store_while_the_webhook_hangs(db_path, tmp_path):
    import subprocess
    import sys

    from newsmon.alerts.deliver import deliver_outbox
    from newsmon.store.db import open_store

    receiver = SlowReceiver()
    settings = settings_for(tmp_path, db_path=db_path, alert_webhook_url=receiver.url, alert_webhook_timeout_s=30)
    with open_store(db_path) as con:
        raise_alerts(con, 1, ["console", "webhook"])
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("summary", deliver_outbox(db_path, settings, now=NOW)))
    worker.start()
    try:
        assert receiver.arrived.wait(20)
        # while the webhook hangs, another process writes the store: the lock is free
        writer = subprocess.run([sys.executable, "-c", (
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
            "print(con.execute(\"SELECT count(*) FROM alerts WHERE channel = 'webhook' AND claimed_by IS NOT NULL\""
            ").fetchone()[0]); con.close()"), str(db_path)], capture_output=True, text=True, timeout=30)
        assert writer.returncode == 0, writer.stderr
        assert writer.stdout.strip() == "1"  # claimed by the delivering run
        # a second delivery meanwhile does not send the claimed alert again
        second = deliver_outbox(db_path, settings, now=NOW).channels["webhook"]
        assert (second.delivered, second.failed, second.pending) == (0, 0, 1) and len(receiver.requests) == 1
    finally:
        receiver.release.set()
        worker.join(30)
        receiver.close()
    summary = outcome["summary"]
    assert (summary.channels["webhook"].delivered, summary.channels["webhook"].pending) == (1, 0)
    assert len(receiver.requests) == 1


def test_issue8_a_webhook_that_is_down_costs_one_alerts_retries_and_the_summary_says_so(store, tmp_path):
    from newsmon.alerts.deliver import format_delivery

    receiver = Receiver(fail_first=1000)  # 503 on every request
    try:
        raise_alerts(store, 3, ["console", "webhook"])
        summary = deliver_pending(store, settings_for(tmp_path, alert_webhook_url=receiver.url), NOW)
        assert len(receiver.requests) == 3  # the first alert's three attempts; the others not tried
        webhook = summary.channels["webhook"]
        assert (webhook.delivered, webhook.failed, webhook.pending) == (0, 3, 3)
        lines = format_delivery(summary)
        assert "  console: 3 delivered, 0 pending" in lines
        assert any(line.startswith("  webhook: 0 delivered, 3 pending (3 failed: HTTP 503") for line in lines)
        receiver.fail_first = 0
        assert deliver_pending(store, settings_for(tmp_path, alert_webhook_url=receiver.url), NOW
                               ).channels["webhook"].delivered == 3
    finally:
        receiver.close()
