"""Delivery channels. Each takes a batch of pending alerts of its channel and returns, per
alert_id, None (delivered) or the error (left pending, retried next run, never lost)."""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from pathlib import Path
from typing import Protocol

import httpx
from pydantic import BaseModel

from newsmon.settings import Settings
from newsmon.text import markdown_text

log = logging.getLogger(__name__)


class PendingAlert(BaseModel):
    alert_id: str
    alert_key: str
    event_id: str
    reason: str
    created_at: str
    channel: str
    attempts: int
    payload: dict


class Channel(Protocol):
    name: str

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]: ...


def configured_channels(settings: Settings) -> list[str]:
    """The channels alerts are written for: console always; the others when configured."""
    channels = ["console"]
    if settings.alert_jsonl_path:
        channels.append("jsonl")
    if settings.alert_webhook_url:
        channels.append("webhook")
    if settings.alert_prefect:
        channels += ["prefect_artifact", "prefect_event"]
    return channels


def alert_head(reason: str, alert_key: str) -> str:
    """NEW, or what changed: `CHANGED status -> effective`."""
    if reason == "new":
        return "NEW"
    return f"CHANGED {reason.split(':', 1)[-1]} -> {alert_key.rsplit(':', 1)[-1]}"


def count_noun(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def alert_line(alert: PendingAlert) -> str:
    """One readable line: what happened (the summary says who did what to whom, and when),
    and how well it is sourced."""
    p = alert.payload
    sources = (f"[{count_noun(p.get('article_count', 1), 'article')}, "
               f"{count_noun(p.get('source_count', 1), 'source')}" + (", official]" if p.get("official") else "]"))
    summary = p.get("summary") or f"{p.get('event_type')} {p.get('target') or ''}".strip()
    return f"{alert_head(alert.reason, alert.alert_key)}: {summary} {sources}"


def _run_logger() -> logging.Logger | logging.LoggerAdapter:
    """The Prefect run's logger inside a flow or task run (its lines show in the run's logs in
    the UI), else this module's."""
    if _in_prefect_run():
        from prefect import get_run_logger

        return get_run_logger()
    return log


class ConsoleChannel:
    """Each alert line is logged (in a served run: the run's logs in the Prefect UI) and handed
    to the CLI, which prints them in its summary of `newsmon run`."""

    name = "console"

    def __init__(self) -> None:
        self.lines: list[str] = []

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]:
        logger = _run_logger()
        for alert in batch:
            line = alert_line(alert)
            logger.info("alert: %s", line)
            self.lines.append(line)
        return {a.alert_id: None for a in batch}


class JsonlChannel:
    """Appends one JSON object per alert to a file. Exactly once across crashes: alerts already
    in the file (appended, then the run died before marking them) are not appended again."""

    name = "jsonl"

    def __init__(self, path: Path) -> None:
        self.path = path

    def _already_written(self) -> set[str]:
        if not self.path.exists():
            return set()
        seen = set()
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    seen.add(json.loads(line)["alert_id"])
                except (ValueError, KeyError, TypeError):
                    continue  # a torn last line from a crash: its alert is written again
        return seen

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            seen = self._already_written()
            with self.path.open("a", encoding="utf-8") as handle:
                for alert in batch:
                    if alert.alert_id not in seen:
                        handle.write(json.dumps({"alert_id": alert.alert_id, "alert_key": alert.alert_key,
                                                 "reason": alert.reason, "created_at": alert.created_at,
                                                 "event": alert.payload}, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            return {a.alert_id: f"cannot write {self.path}: {exc.strerror or exc}" for a in batch}
        return {a.alert_id: None for a in batch}


_RETRYABLE = {408, 425, 429, 500, 502, 503, 504}


class WebhookChannel:
    """HTTP POST of each alert as JSON, with an Idempotency-Key header (the alert_key, the same
    on every retry) and retries with exponential backoff on 5xx, 408, 429 and network errors."""

    name = "webhook"

    def __init__(self, url: str, timeout_s: float, retries: int, backoff_s: float, user_agent: str) -> None:
        self.url, self.retries, self.backoff_s = url, max(1, retries), backoff_s
        self.client = httpx.Client(timeout=timeout_s, headers={"User-Agent": user_agent})

    def _post(self, alert: PendingAlert) -> str | None:
        body = {"alert_key": alert.alert_key, "reason": alert.reason, "created_at": alert.created_at,
                "event": alert.payload}
        error = None
        for attempt in range(self.retries):
            if attempt:
                time.sleep(min(self.backoff_s * 2 ** (attempt - 1), 30.0))
            try:
                response = self.client.post(self.url, json=body, headers={"Idempotency-Key": alert.alert_key})
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
                continue
            if response.is_success:
                return None
            error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
            if response.status_code not in _RETRYABLE:
                break  # a misconfigured receiver: keep the alert pending, retry next run
        return error

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]:
        """Post each alert; once one has failed all its attempts on a network error or a
        retryable status, the receiver is taken to be down: the rest are not tried this run
        (they stay pending), so a dead webhook costs one alert's retries, not every alert's."""
        results: dict[str, str | None] = {}
        down: str | None = None
        try:
            for alert in batch:
                if down:
                    results[alert.alert_id] = f"not tried: the webhook is down ({down})"
                    continue
                error = results[alert.alert_id] = self._post(alert)
                if error and (not error.startswith("HTTP ") or int(error.split()[1]) in _RETRYABLE):
                    down = error
            return results
        finally:
            self.client.close()


def _in_prefect_run() -> bool:
    from prefect.context import FlowRunContext, TaskRunContext

    return FlowRunContext.get() is not None or TaskRunContext.get() is not None


class PrefectArtifactChannel:
    """One markdown artifact per delivery listing the new developments (visible in the UI)."""

    name = "prefect_artifact"

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]:
        if not _in_prefect_run():
            return {a.alert_id: "no Prefect run context" for a in batch}
        from prefect.artifacts import create_markdown_artifact

        # what happened first, in the analyst's words; the fields after it for who filters
        rows = ["| alert | development | sources | type | status | date | sentence |",
                "|---|---|---|---|---|---|---|"]
        for a in batch:
            p = a.payload
            sources = f"{p.get('article_count', 1)} art., {p.get('source_count', 1)} src." + \
                      (" (official)" if p.get("official") else "")
            cells = [alert_head(a.reason, a.alert_key), p.get("summary") or "", sources, p.get("event_type"),
                     p.get("status") or "", p.get("event_date") or "",
                     " ".join(str(p.get("sentence") or "").split())[:200]]
            # every cell is text from a feed: escaped, so `<img onerror=...>` shows as text (issue 8)
            rows.append("| " + " | ".join(markdown_text(str(c)) for c in cells) + " |")
        markdown = f"# newsmon: {len(batch)} new or changed developments\n\n" + "\n".join(rows)
        try:
            create_markdown_artifact(markdown=markdown, key="newsmon-alerts",
                                     description=f"{len(batch)} alerts")
        except Exception as exc:  # the API being down must not lose the alerts
            return {a.alert_id: f"artifact failed: {exc}" for a in batch}
        return {a.alert_id: None for a in batch}


class PrefectEventChannel:
    """One Prefect event per alert (`newsmon.alert.new` / `newsmon.alert.changed`), so a user can
    wire a Prefect Automation to any notification."""

    name = "prefect_event"

    def deliver(self, batch: list[PendingAlert]) -> dict[str, str | None]:
        if not _in_prefect_run():
            return {a.alert_id: "no Prefect run context" for a in batch}
        from prefect.events import emit_event

        results: dict[str, str | None] = {}
        for a in batch:
            try:
                emitted = emit_event(
                    # the same alert always gets the same event id: a re-emission after a crash
                    # between emitting and marking it delivered is recognisably the same event
                    id=uuid.uuid5(uuid.NAMESPACE_URL, f"newsmon:{a.alert_id}"),
                    event=f"newsmon.alert.{a.reason.split(':', 1)[0]}",
                    resource={"prefect.resource.id": f"newsmon.event.{a.event_id}",
                              "prefect.resource.name": str(a.payload.get("summary") or a.event_id)[:200]},
                    payload={"alert_key": a.alert_key, "reason": a.reason, **a.payload},
                )
                results[a.alert_id] = None if emitted is not None else "event not emitted (events disabled?)"
            except Exception as exc:
                results[a.alert_id] = f"emit failed: {exc}"
        return results


def build_channels(settings: Settings) -> dict[str, Channel]:
    channels: dict[str, Channel] = {"console": ConsoleChannel()}
    if settings.alert_jsonl_path:
        channels["jsonl"] = JsonlChannel(settings.alert_jsonl_path)
    if settings.alert_webhook_url:
        channels["webhook"] = WebhookChannel(settings.alert_webhook_url, settings.alert_webhook_timeout_s,
                                             settings.alert_webhook_retries, settings.alert_webhook_backoff_s,
                                             settings.user_agent)
    if settings.alert_prefect:
        channels["prefect_artifact"] = PrefectArtifactChannel()
        channels["prefect_event"] = PrefectEventChannel()
    return channels
