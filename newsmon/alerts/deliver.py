"""Drain the outbox: every pending alert to its channel. A failing channel never blocks the
others and never loses an alert: its rows stay pending with the error, retried next run."""

from __future__ import annotations

import json
import logging
from datetime import datetime

import duckdb
from pydantic import BaseModel, Field

from newsmon.alerts.channels import Channel, ConsoleChannel, PendingAlert, build_channels
from newsmon.models import utcnow
from newsmon.settings import Settings
from newsmon.store.db import query

log = logging.getLogger(__name__)


class ChannelResult(BaseModel):
    delivered: int = 0
    failed: int = 0
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


def pending_alerts(con: duckdb.DuckDBPyConnection) -> list[PendingAlert]:
    cursor = con.execute(query("pending_alerts"))
    columns = [d[0] for d in cursor.description]
    alerts = []
    for row in cursor.fetchall():
        record = dict(zip(columns, row))
        if isinstance(record["payload"], str):
            record["payload"] = json.loads(record["payload"])
        alerts.append(PendingAlert(**record))
    return alerts


def deliver_pending(con: duckdb.DuckDBPyConnection, settings: Settings, now: datetime | None = None,
                    channels: dict[str, Channel] | None = None) -> DeliverySummary:
    channels = channels if channels is not None else build_channels(settings)
    summary = DeliverySummary()
    by_channel: dict[str, list[PendingAlert]] = {}
    for alert in pending_alerts(con):
        by_channel.setdefault(alert.channel, []).append(alert)
    for name, batch in by_channel.items():
        channel = channels.get(name)
        if channel is None:
            summary.unconfigured[name] = len(batch)
            continue
        try:
            outcome = channel.deliver(batch)
        except Exception as exc:  # a broken channel must not stop the others
            log.exception("channel %s failed", name)
            outcome = {a.alert_id: f"{type(exc).__name__}: {exc}" for a in batch}
        # Marked per channel as soon as it is done: a crash later re-sends nothing marked here.
        con.execute(query("mark_alerts"), {"rows": [
            {"alert_id": a.alert_id, "error": outcome.get(a.alert_id, "no outcome"), "at": now or utcnow()}
            for a in batch]})
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
    return summary
