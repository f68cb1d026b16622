"""Drain the outbox: every pending alert to its channel. A failing channel never blocks the
others and never loses an alert: its rows stay pending with the error, retried next run.
The store is not held while channels are talked to (deliver_outbox)."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
from pydantic import BaseModel, Field

from newsmon.alerts.channels import Channel, ConsoleChannel, PendingAlert, build_channels
from newsmon.models import utcnow
from newsmon.settings import Settings
from newsmon.store.db import open_store, query

log = logging.getLogger(__name__)


class ChannelResult(BaseModel):
    delivered: int = 0
    failed: int = 0
    pending: int = 0  # still undelivered on this channel after the run (this run's failures included)
    errors: list[str] = Field(default_factory=list)


class DeliverySummary(BaseModel):
    channels: dict[str, ChannelResult] = Field(default_factory=dict)
    unconfigured: dict[str, int] = Field(default_factory=dict)  # pending rows of channels now turned off
    console_lines: list[str] = Field(default_factory=list)

    @property
    def delivered(self) -> int:
        return sum(c.delivered for c in self.channels.values())

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.channels.values())


def pending_alerts(con: duckdb.DuckDBPyConnection, channels: list[str], now: datetime) -> list[PendingAlert]:
    """Undelivered alerts of these channels that no other run has claimed."""
    cursor = con.execute(query("pending_alerts"), {"channels": channels, "now": now})
    columns = [d[0] for d in cursor.description]
    alerts = []
    for row in cursor.fetchall():
        record = dict(zip(columns, row))
        if isinstance(record["payload"], str):
            record["payload"] = json.loads(record["payload"])
        alerts.append(PendingAlert(**record))
    return alerts


def claim_seconds(settings: Settings, alerts: int) -> float:
    """How long a claim lasts: the worst case of delivering this many alerts (every webhook
    attempt timing out, every backoff slept), plus a margin. A run that dies mid-delivery
    delays its alerts by at most this."""
    backoffs = sum(min(settings.alert_webhook_backoff_s * 2 ** i, 30.0) for i in range(settings.alert_webhook_retries - 1))
    per_alert = settings.alert_webhook_retries * settings.alert_webhook_timeout_s + backoffs
    return 120.0 + alerts * per_alert


def claim_pending(con: duckdb.DuckDBPyConnection, settings: Settings, channels: list[str], now: datetime,
                  run_id: str) -> list[PendingAlert]:
    """Read the pending alerts of the configured channels and claim them, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        alerts = pending_alerts(con, channels, now)
        if alerts:
            until = now + timedelta(seconds=claim_seconds(settings, len(alerts)))
            con.execute(query("claim_alerts"), {"alert_ids": [a.alert_id for a in alerts], "until": until,
                                                "run_id": run_id})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return alerts


def _deliver_batch(name: str, channel: Channel, batch: list[PendingAlert]) -> dict[str, str | None]:
    try:
        return channel.deliver(batch)
    except Exception as exc:  # a broken channel must not stop the others
        log.exception("channel %s failed", name)
        return {a.alert_id: f"{type(exc).__name__}: {exc}" for a in batch}


def _mark(con: duckdb.DuckDBPyConnection, batch: list[PendingAlert], outcome: dict[str, str | None],
          now: datetime | None) -> None:
    con.execute(query("mark_alerts"), {"rows": [
        {"alert_id": a.alert_id, "error": outcome.get(a.alert_id, "no outcome"), "at": now or utcnow()}
        for a in batch]})


def _tally(summary: DeliverySummary, name: str, channel: Channel, batch: list[PendingAlert],
           outcome: dict[str, str | None]) -> None:
    result = summary.channels.setdefault(name, ChannelResult())
    for alert in batch:
        error = outcome.get(alert.alert_id, "no outcome")
        if error is None:
            result.delivered += 1
        else:
            result.failed += 1
            result.errors.append(error)
            log.warning("alert %s not delivered on %s: %s", alert.alert_key, name, error)
    if isinstance(channel, ConsoleChannel):
        summary.console_lines = list(channel.lines)


def _finish(con: duckdb.DuckDBPyConnection, summary: DeliverySummary, configured: dict[str, Channel]) -> DeliverySummary:
    """What is still pending per channel after this delivery, and on channels now turned off."""
    for name, count in con.execute(query("pending_alert_counts")).fetchall():
        if name in configured:
            summary.channels.setdefault(name, ChannelResult()).pending = count
        else:
            summary.unconfigured[name] = count
    return summary


def deliver_pending(con: duckdb.DuckDBPyConnection, settings: Settings, now: datetime | None = None,
                    channels: dict[str, Channel] | None = None) -> DeliverySummary:
    """Deliver on one open connection (tests, tools that already hold the store). A monitor
    run uses deliver_outbox, which does not hold the store while it delivers."""
    channels = channels if channels is not None else build_channels(settings)
    summary = DeliverySummary()
    alerts = claim_pending(con, settings, list(channels), now or utcnow(), uuid.uuid4().hex[:12])
    for name, batch in _by_channel(alerts).items():
        outcome = _deliver_batch(name, channels[name], batch)
        _mark(con, batch, outcome, now)  # per channel, as soon as it is done
        _tally(summary, name, channels[name], batch, outcome)
    return _finish(con, summary, channels)


def deliver_outbox(db_path: Path, settings: Settings, lock_wait_s: float = 0.0, now: datetime | None = None,
                   channels: dict[str, Channel] | None = None) -> DeliverySummary:
    """Deliver every pending alert without holding the store's write lock while channels are
    talked to (issue 8: a webhook that is down must not lock readers and writers out): claim
    the alerts and release the store, deliver, then reopen it briefly per channel to mark."""
    channels = channels if channels is not None else build_channels(settings)
    summary = DeliverySummary()
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        alerts = claim_pending(con, settings, list(channels), now or utcnow(), uuid.uuid4().hex[:12])
    for name, batch in _by_channel(alerts).items():
        outcome = _deliver_batch(name, channels[name], batch)
        with open_store(db_path, lock_wait_s=lock_wait_s) as con:
            _mark(con, batch, outcome, now)  # per channel, as soon as it is done
        _tally(summary, name, channels[name], batch, outcome)
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        return _finish(con, summary, channels)


def _by_channel(alerts: list[PendingAlert]) -> dict[str, list[PendingAlert]]:
    by_channel: dict[str, list[PendingAlert]] = {}
    for alert in alerts:
        by_channel.setdefault(alert.channel, []).append(alert)
    return by_channel


def format_delivery(summary: DeliverySummary) -> list[str]:
    """One line per channel: what was delivered now, what is still pending and why."""
    lines = []
    for name, result in sorted(summary.channels.items()):
        line = f"  {name}: {result.delivered} delivered, {result.pending} pending"
        if result.errors:
            distinct = list(dict.fromkeys(result.errors))
            line += f" ({result.failed} failed: {distinct[0]}" + (f"; +{len(distinct) - 1} other errors" if len(distinct) > 1 else "") + ")"
        lines.append(line)
    for name, count in sorted(summary.unconfigured.items()):
        lines.append(f"  {name}: {count} pending, channel not configured")
    return lines
