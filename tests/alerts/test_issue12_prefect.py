"""Issue 12, read back through the Prefect API (test harness): in a run, each console alert line is
in the run's logs, the `newsmon-alerts` artifact and the Prefect events list the alerts in the
order they happened (NEW before its CHANGED), and each event's resource has a readable name."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from helpers import add_article, add_mention
from newsmon.events.resolve import resolve_pending
from newsmon.settings import Settings
from newsmon.store.db import open_store

CHANNELS = ["console", "prefect_artifact", "prefect_event"]
NEW_LINE = ("NEW: State Department to list Cartel de los Soles as a terrorist organization (FTO), effective "
            "24 Nov 2025 [2 articles, 2 sources]")
CHANGED_LINE = ("CHANGED status -> effective: State Department lists Cartel de los Soles as a terrorist organization "
                "(FTO), effective 24 Nov 2025 [2 articles, 2 sources]")


def raise_announced_then_effective(db_path) -> list[str]:
    """The seeds' story: an announcement (its first sentence undated), then the listing."""
    with open_store(db_path) as con:
        a17 = add_article(con, "i12-a17", published="2025-11-17")
        add_mention(con, a17, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                    status="announced", modality="intended")
        add_mention(con, a17, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                    status="announced", modality="intended", event_date="2025-11-24")
        a24 = add_article(con, "i12-a24", source="Wire", published="2025-11-24")
        add_mention(con, a24, "designation", "Cartel de los Soles", actor="United States", designation="FTO",
                    status="effective", event_date="2025-11-24")
        resolve_pending(con, CHANNELS, datetime(2025, 11, 25, tzinfo=timezone.utc))
        return [k for (k,) in con.execute("SELECT DISTINCT alert_key FROM alerts").fetchall()]


async def _read_back(flow_run_id: str, alert_keys: list[str]):
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        api = client._client  # the REST API directly: this client's read_* send nulls its server rejects
        logs = (await api.post("/logs/filter", json={"logs": {"flow_run_id": {"any_": [flow_run_id]}},
                                                     "limit": 200})).json()
        artifacts = (await api.post("/artifacts/filter", json={
            "artifacts": {"key": {"any_": ["newsmon-alerts"]}, "flow_run_id": {"any_": [flow_run_id]}},
            "limit": 10})).json()
        events = []
        for _ in range(40):  # events are persisted asynchronously
            found = (await api.post("/events/filter", json={
                "filter": {"event": {"prefix": ["newsmon.alert."]}, "occurred": {"since": "2000-01-01T00:00:00Z"},
                           "resource": {"id": sorted({f"newsmon.event.{k.split(':')[0]}" for k in alert_keys})}},
                "limit": 50})).json().get("events", [])
            events = [e for e in found if e["payload"].get("alert_key") in alert_keys]
            if len(events) == len(alert_keys):
                break
            await asyncio.sleep(0.5)
        return logs, artifacts, events


def test_issue12_alert_lines_in_run_logs_artifact_and_events_in_order(prefect_harness, db_path):
    from prefect import flow
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    from newsmon.stages import deliver_stage

    alert_keys = raise_announced_then_effective(db_path)
    settings = Settings(db_path=db_path, alert_prefect=True)

    @flow(name="issue12-deliver")
    def deliver_flow():
        return deliver_stage(settings)

    # the tests run Prefect at WARNING (conftest); a served run logs at INFO, Prefect's default
    run_loggers = [logging.getLogger(name) for name in ("prefect.flow_runs", "prefect.task_runs")]
    levels = [logger.level for logger in run_loggers]
    for logger in run_loggers:
        logger.setLevel(logging.INFO)
    try:
        state = deliver_flow(return_state=True)
    finally:
        for logger, level in zip(run_loggers, levels):
            logger.setLevel(level)
    assert state.is_completed()
    summary = state.result()
    assert summary.console_lines == [NEW_LINE, CHANGED_LINE]
    EventsWorker.drain_all(timeout=10)
    APILogWorker.drain_all(timeout=10)
    logs, artifacts, events = asyncio.run(_read_back(str(state.state_details.flow_run_id), alert_keys))

    messages = [entry["message"] for entry in logs]
    assert f"alert: {NEW_LINE}" in messages and f"alert: {CHANGED_LINE}" in messages

    (artifact,) = artifacts
    markdown = artifact["data"]
    assert "| NEW | State Department to list Cartel de los Soles" in markdown
    assert markdown.index("| NEW |") < markdown.index("| CHANGED status")
    assert "?" not in markdown

    events.sort(key=lambda e: e["occurred"])
    assert [e["event"] for e in events] == ["newsmon.alert.new", "newsmon.alert.changed"]
    names = [e["resource"]["prefect.resource.name"] for e in events]
    assert names == ["State Department to list Cartel de los Soles as a terrorist organization (FTO), "
                     "effective 24 Nov 2025",
                     "State Department lists Cartel de los Soles as a terrorist organization (FTO), "
                     "effective 24 Nov 2025"]
    assert events[0]["payload"]["event_date"] == "2025-11-24"
