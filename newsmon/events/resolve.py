"""Event resolution: attach each new mention to the event of its development, or open one.

Decisions follow rules.yaml: a candidate must share the mention's block (type, canonical target,
designation ...; an indexed lookup), agree on the `also_equal` fields, and have a compatible date.
Every decision is stored as the mention's `merge_reason`. State changes (a designation announced
then effective) are recorded in event_history, and alerts are written to the outbox in the same
transaction as the events, so a crash never loses or doubles one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb
from pydantic import BaseModel

from newsmon.events.rules import (Rules, TypeRule, block_key, date_gap_days, dates_compatible, field_value,
                                  fields_agree, fmt_date, happened_after, load_rules, more_precise,
                                  speakers_compatible)
from newsmon.events.summaries import about_text, summarise
from newsmon.models import stable_id, utcnow
from newsmon.store.db import query

log = logging.getLogger(__name__)

_EVENT_COLUMNS = ("event_id", "event_type", "actor", "target", "designation", "status", "modality", "event_date",
                  "date_precision", "amount_usd", "first_seen_at", "last_seen_at", "article_count", "source_count",
                  "official", "is_background", "summary", "block_key", "about")


class ResolutionSummary(BaseModel):
    mentions: int = 0
    events_created: int = 0
    events_updated: int = 0
    alerts: int = 0  # distinct alerts raised (each goes to every configured channel)


@dataclass
class _Alert:
    event_id: str
    reason: str
    new_value: str
    mention: dict
    event: dict  # the live event; snapshot() once its article has been read whole
    snapshot: dict = field(default_factory=dict)  # the event as it was when the alert was raised


@dataclass
class _Batch:
    """What one resolution pass changes, written at the end in one transaction."""

    new_events: dict[str, dict] = field(default_factory=dict)
    changed_events: dict[str, dict] = field(default_factory=dict)
    assignments: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    alerts: list[_Alert] = field(default_factory=list)


# How far an undated report may lie from the development it joins: it tells recent news (its
# article appears at most a year after the development, and not more than a week before it),
# issue 10 item 6.
_UNDATED_REACH_DAYS = 366
_UNDATED_LEAD_DAYS = 7


def _published_day(mention: dict) -> date | None:
    published = mention.get("published_at")
    return published.date() if isinstance(published, datetime) else published


def _reported_in_time(mention: dict, event: dict) -> bool:
    """An undated report joins a dated development its article can be about; a dated report
    joins an undated development whose first article could report it."""
    if mention["event_date"] is None and event.get("event_date") is not None:
        reported, happened = _published_day(mention), event["event_date"]
    elif mention["event_date"] is not None and event.get("event_date") is None:
        reported, happened = event.get("_reported"), mention["event_date"]
    else:
        return True
    return reported is None or -_UNDATED_LEAD_DAYS <= (reported - happened).days <= _UNDATED_REACH_DAYS


class Resolver:
    """Resolves mentions in the order their articles appeared. An article's mentions of one
    development are combined before its alerts are raised (issue 12): the announcement that
    also states the effective date raises one NEW alert with that date, and a development an
    article both introduces and moves on (announced, then effective) raises one NEW alert with
    its state at the article's end. Alerts keep the order the reports appeared in."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rules: Rules, now: datetime) -> None:
        self.con, self.rules, self.now = con, rules, now
        self._blocks: dict[str, list[dict]] = {}
        self.batch = _Batch()
        self._article: str | None = None
        self._article_mentions: list[tuple[dict, dict]] = []  # (mention, its event) of the current article
        self._pending: list[_Alert] = []  # the current article's alerts, raised at finish_article()

    def candidates(self, key: str) -> list[dict]:
        if key not in self._blocks:
            cursor = self.con.execute(query("events_in_block"), {"block_key": key})
            columns = [d[0] for d in cursor.description]
            self._blocks[key] = [dict(zip(columns, row)) for row in cursor.fetchall()]
        return self._blocks[key]

    def resolve(self, mention: dict) -> str:
        if mention["article_id"] != self._article:
            self.finish_article()
            self._article = mention["article_id"]
        rule = self.rules.for_type(mention["event_type"])
        if rule.undated_in_article_month and mention["event_date"] is None and mention.get("published_at"):
            published = mention["published_at"]
            mention = {**mention, "event_date": date(published.year, published.month, 1), "date_precision": "month"}
        key = block_key(mention, rule)
        compatible, rejected = [], []
        for event in self.candidates(key):
            why_not = self._mismatch(mention, event, rule)
            (rejected if why_not else compatible).append((event, why_not))
        if compatible:
            event = self._best(mention, [e for e, _ in compatible])
            gap = date_gap_days(mention["event_date"], mention["date_precision"], event["event_date"],
                                event["date_precision"])
            reason = (f"joined: same {'+'.join(rule.block_on)}"
                      + (f"; dates {fmt_date(mention)} ~ {fmt_date(event)} (gap {gap}d <= {rule.date_tolerance_days}d)"
                         if gap is not None else "; no date on one side")
                      + (f"; {len(compatible)} candidates, closest chosen" if len(compatible) > 1 else ""))
            self._join(event, mention, rule)
        else:
            event = self._open(mention, rule, key)
            reason = "new event: " + ("; ".join(f"{e['event_id']} rejected ({why})" for e, why in rejected[:3])
                                      if rejected else f"no event in block {key!r}")
        self.batch.assignments.append({"mention_id": mention["mention_id"], "event_id": event["event_id"],
                                       "merge_reason": reason})
        self._article_mentions.append((mention, event))
        return event["event_id"]

    def finish_article(self) -> None:
        """Raise the alerts of the article just read, each with its event's state after the
        whole article: a change to an event the same article introduced is part of its NEW
        alert, not an alert of its own."""
        self._describe_statements()
        introduced = {a.event_id for a in self._pending if a.reason == "new"}
        for alert in self._pending:
            if alert.reason != "new" and alert.event_id in introduced:
                continue
            alert.snapshot = dict(alert.event)
            self.batch.alerts.append(alert)
        self._pending, self._article_mentions = [], []

    def _describe_statements(self) -> None:
        """A statement says what it is about when its article reports a development of the
        same target (the FTO listing a minister rejects): news before background, the nearest
        mention first."""
        others = [m for m, _ in self._article_mentions if m["event_type"] != "statement"]
        for mention, event in self._article_mentions:
            if mention["event_type"] != "statement" or event.get("about") or not mention.get("target"):
                continue
            related = sorted((m for m in others if m.get("target") == mention["target"]),
                             key=lambda m: (bool(m["is_background"]), abs(m["char_start"] - mention["char_start"])))
            about = next((text for m in related if (text := about_text(m))), None)
            if about:
                event["about"] = about
                self._refresh(event)

    def summary(self, event: dict) -> str:
        """The event's one line; a reward knows the highest earlier reward for the same
        person (its block holds them), so a rise reads as a rise."""
        previous = None
        if event["event_type"] == "reward" and event.get("amount_usd") is not None:
            lower = [e["amount_usd"] for e in self.candidates(event["block_key"])
                     if e.get("amount_usd") is not None and e["amount_usd"] < event["amount_usd"]
                     and not happened_after(e, event)]
            previous = max(lower, default=None)
        return summarise(event, previous)

    def _refresh(self, event: dict) -> None:
        event["summary"] = self.summary(event)
        if event["event_id"] not in self.batch.new_events:
            self.batch.changed_events[event["event_id"]] = event

    def _mismatch(self, mention: dict, event: dict, rule: TypeRule) -> str | None:
        for name in rule.also_equal:
            if not fields_agree(name, mention, event):
                return f"{name} {field_value(mention, name)!r} != {field_value(event, name)!r}"
        if not _reported_in_time(mention, event):
            return "an undated report cannot be years apart from the development it would join"
        if not dates_compatible(mention["event_date"], mention["date_precision"], event["event_date"],
                                event["date_precision"], rule.date_tolerance_days):
            return f"date {fmt_date(mention)} vs {fmt_date(event)} beyond {rule.date_tolerance_days}d"
        return None

    @staticmethod
    def _best(mention: dict, events: list[dict]) -> dict:
        def rank(event: dict) -> tuple:
            gap = date_gap_days(mention["event_date"], mention["date_precision"], event["event_date"],
                                event["date_precision"])
            last_seen = event["last_seen_at"]
            # closest date first; with no date to compare, the latest development, then the
            # most recently reported event
            dated = event["event_date"].toordinal() if event["event_date"] else 0
            return (gap if gap is not None else 10**6, -dated, -(last_seen.timestamp() if last_seen else 0.0))
        return min(events, key=rank)

    def _open(self, mention: dict, rule: TypeRule, key: str) -> dict:
        event = {name: mention.get(name) for name in ("event_type", "actor", "target", "designation", "status",
                                                      "modality", "event_date", "date_precision", "amount_usd")}
        # the article's date stands in for an undated event's own when later reports are matched
        # (in memory only: an event read back from the store has none)
        event["_reported"] = _published_day(mention) if mention["event_date"] is None else None
        event.update(event_id=stable_id("event", key, mention["mention_id"]), block_key=key,
                     first_seen_at=mention["fetched_at"], last_seen_at=mention["fetched_at"], article_count=1,
                     source_count=1, official=False, is_background=bool(mention["is_background"]), about=None)
        self.candidates(key).append(event)
        event["summary"] = self.summary(event)
        self.batch.new_events[event["event_id"]] = event
        self._history(event, mention, "created", None, event["summary"])
        if not mention["is_background"]:
            self._pending.append(_Alert(event["event_id"], "new", "", mention, event))
        return event

    def _join(self, event: dict, mention: dict, rule: TypeRule) -> None:
        before = dict(event)
        if event["is_background"] and not mention["is_background"]:
            # Known only as history until now: its first report as news is what users hear about.
            event["is_background"] = False
            self._pending.append(_Alert(event["event_id"], "new", "", mention, event))
        for name in rule.state_fields:
            new = mention.get(name)
            if new is None or new == event.get(name):
                continue
            order = rule.status_order if name == "status" else []
            if order and event.get(name) in order and new in order and order.index(new) < order.index(event[name]):
                continue  # a late report of an earlier stage does not move the life cycle back
            self._history(event, mention, name, event.get(name), new)
            event[name] = new
            if name == "status" and mention.get("modality"):
                event["modality"] = mention["modality"]
            if not mention["is_background"]:
                self._pending.append(_Alert(event["event_id"], f"changed:{name}", str(new), mention, event))
        if mention["event_date"] is not None and more_precise(mention["date_precision"], event["date_precision"]):
            self._history(event, mention, "event_date", fmt_date(event), fmt_date(mention))
            event["event_date"], event["date_precision"] = mention["event_date"], mention["date_precision"]
        for name in ("actor", "amount_usd"):
            if event.get(name) is None and mention.get(name) is not None:
                event[name] = mention[name]
        if "speaker" in rule.also_equal and mention.get("actor") and event.get("actor") != mention["actor"] and \
                speakers_compatible(mention["actor"], event.get("actor")) and \
                field_value(mention, "side") == event.get("actor"):
            # "Caracas rejected" then "Yván Gil rejected": the position is the minister's, and
            # another official's rejection stays apart
            event["actor"] = mention["actor"]
        event["summary"] = self.summary(event)
        if event != before and event["event_id"] not in self.batch.new_events:
            self.batch.changed_events[event["event_id"]] = event

    def _history(self, event: dict, mention: dict, name: str, old: Any, new: Any) -> None:
        self.batch.history.append({"event_id": event["event_id"], "changed_at": self.now, "field": name,
                                   "old_value": None if old is None else str(old),
                                   "new_value": None if new is None else str(new),
                                   "article_id": mention["article_id"], "mention_id": mention["mention_id"]})


def resolve_pending(con: duckdb.DuckDBPyConnection, channels: list[str], now: datetime | None = None,
                    rules: Rules | None = None, batch_size: int = 5000) -> ResolutionSummary:
    """Resolve every mention not yet attached to an event; write events, history and alerts."""
    now = now or utcnow()
    rules = rules or load_rules()
    summary = ResolutionSummary()
    raised = 0  # alerts raised so far by this pass: their order across batches
    while True:
        cursor = con.execute(query("unresolved_mentions"), {"limit": batch_size})
        columns = [d[0] for d in cursor.description]
        mentions = [dict(zip(columns, row)) for row in cursor.fetchall()]
        if not mentions:
            return summary
        resolver = Resolver(con, rules, now)
        for mention in mentions:
            resolver.resolve(mention)
        resolver.finish_article()
        _write(con, resolver.batch, channels, now, raised)
        raised += len(resolver.batch.alerts)
        summary.mentions += len(mentions)
        summary.events_created += len(resolver.batch.new_events)
        summary.events_updated += len(resolver.batch.changed_events)
        summary.alerts += len({(a.event_id, a.reason, a.new_value) for a in resolver.batch.alerts})


def _write(con: duckdb.DuckDBPyConnection, batch: _Batch, channels: list[str], now: datetime,
           first_seq: int = 0) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        if batch.new_events:
            con.execute(query("insert_event"), {"rows": [{k: e[k] for k in _EVENT_COLUMNS}
                                                         for e in batch.new_events.values()]})
        if batch.changed_events:
            con.execute(query("update_event"), {"rows": [
                {k: e[k] for k in ("event_id", "actor", "status", "modality", "event_date", "date_precision",
                                   "amount_usd", "is_background", "summary", "about")}
                for e in batch.changed_events.values()]})
        con.execute(query("assign_mention"), {"rows": batch.assignments})
        if batch.history:
            con.execute(query("insert_event_history"), {"rows": batch.history})
        touched = sorted({a["event_id"] for a in batch.assignments})
        cursor = con.execute(query("event_corroboration"), {"event_ids": touched})
        columns = [d[0] for d in cursor.description]
        corroboration = {row[0]: dict(zip(columns, row)) for row in cursor.fetchall()}
        if corroboration:
            con.execute(query("update_event_corroboration"), {"rows": list(corroboration.values())})
        _raise_alerts(con, batch, corroboration, channels, now, first_seq)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _raise_alerts(con: duckdb.DuckDBPyConnection, batch: _Batch, corroboration: dict[str, dict],
                  channels: list[str], now: datetime, first_seq: int = 0) -> None:
    rows = []
    events = {**batch.changed_events, **batch.new_events}
    for seq, alert in enumerate(batch.alerts, start=first_seq):
        event = alert.snapshot or events.get(alert.event_id) or {}
        counts = corroboration.get(alert.event_id, {})
        payload = {k: event.get(k) for k in ("event_id", "event_type", "actor", "target", "designation", "status",
                                             "modality", "event_date", "date_precision", "amount_usd", "summary")}
        payload.update(reason=alert.reason, sentence=alert.mention["sentence"], article_id=alert.mention["article_id"],
                       url=alert.mention["url"], source=alert.mention["source"],
                       official=counts.get("official", False), article_count=counts.get("article_count", 1),
                       source_count=counts.get("source_count", 1))
        alert_key = f"{alert.event_id}:{alert.reason}:{alert.new_value}".rstrip(":")
        for channel in channels:
            rows.append({"alert_id": stable_id("alert", alert_key, channel), "alert_key": alert_key,
                         "event_id": alert.event_id, "reason": alert.reason, "created_at": now, "seq": seq,
                         "channel": channel, "payload": json.dumps(payload, default=str, ensure_ascii=False)})
    if rows:
        con.execute(query("insert_alert"), {"rows": rows})
