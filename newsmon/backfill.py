"""Backfill: re-run extraction and event resolution over the stored articles with the current
extractor version, and report what changes (events added, removed, merged, split, changed, and
the alerts that would fire) before writing anything.

The dry run does exactly what the real run does, on a copy of the store, and diffs the copy
before and after: the report is a prediction by construction, not an estimate. Events are
matched across the two states by their mentions' sentence identity (article, offset, type).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import duckdb
from pydantic import BaseModel, Field

from newsmon.events.resolve import Resolver, resolve_pending
from newsmon.events.rules import load_rules
from newsmon.extraction import extract_with
from newsmon.models import utcnow
from newsmon.store.db import connect, open_store, query


class BackfillReport(BaseModel):
    applied: bool
    extractor_version: str
    articles: int = 0          # articles in the store, all of them looked at
    reextracted: int = 0       # of those, extracted again: not yet with this extractor version
    mentions_before: int = 0
    mentions_after: int = 0
    events_before: int = 0
    events_after: int = 0
    added: list[str] = Field(default_factory=list)      # summaries of events with no counterpart before
    removed: list[str] = Field(default_factory=list)
    merged: list[str] = Field(default_factory=list)     # an event that now holds several old events
    split: list[str] = Field(default_factory=list)      # an old event now spread over several events
    alerts_would_fire: list[str] = Field(default_factory=list)
    summaries_rewritten: int = 0  # events whose summary the current templates write differently

    def format(self) -> str:
        head = "backfill applied" if self.applied else "backfill dry run (nothing written)"
        # issue 12: "over 0 articles" read as an empty store; it meant none needed re-extracting
        done = ("all already extracted with this version" if self.reextracted == 0
                else f"{self.reextracted} re-extracted")
        lines = [f"{head}: extractor {self.extractor_version} over {self.articles} stored "
                 f"article{'' if self.articles == 1 else 's'} ({done}); "
                 f"mentions {self.mentions_before} -> {self.mentions_after}; "
                 f"events {self.events_before} -> {self.events_after}"]
        for name in ("added", "removed", "merged", "split", "alerts_would_fire"):
            items = getattr(self, name)
            lines.append(f"{name.replace('_', ' ')}: {len(items)}")
            lines += [f"  - {item}" for item in items[:50]]
        lines.append(f"summaries rewritten: {self.summaries_rewritten}")
        return "\n".join(lines)


def _state(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, set[str]], dict[str, str], int]:
    """event_id -> its mention keys; event_id -> summary; number of mentions."""
    members: dict[str, set[str]] = defaultdict(set)
    for key, event_id in con.execute(query("mention_event_keys")).fetchall():
        members[event_id].add(key)
    summaries = dict(con.execute(query("event_summaries")).fetchall())
    mentions = con.execute(query("count_mentions")).fetchone()[0]
    return dict(members), summaries, mentions


def refresh_summaries(con: duckdb.DuckDBPyConnection, rules=None) -> int:
    """Rewrite every event's summary from its fields with the current templates (an edited
    summaries.yaml, or a store written before issue 12's summaries); returns how many changed."""
    cursor = con.execute(query("all_events"))
    columns = [d[0] for d in cursor.description]
    resolver = Resolver(con, rules or load_rules(), utcnow())
    for row in cursor.fetchall():
        event = dict(zip(columns, row))
        resolver._blocks.setdefault(event["block_key"], []).append(event)  # every block at once: one scan
    rows = [{"event_id": e["event_id"], "summary": summary} for block in resolver._blocks.values() for e in block
            if (summary := resolver.summary(e)) != e["summary"]]
    if rows:
        con.execute(query("update_event_summaries"), {"rows": rows})
    return len(rows)


def rerun(con: duckdb.DuckDBPyConnection, channels: list[str]) -> tuple[int, int]:
    """Re-extract every article with the current version, re-resolve, drop orphaned events,
    rewrite the summaries with the current templates. Returns (articles re-extracted,
    summaries rewritten)."""
    extracted = extract_with(con, reextract=True)
    resolve_pending(con, channels)
    con.execute(query("delete_orphan_events"))
    return extracted.articles, refresh_summaries(con)


def diff(before: dict[str, set[str]], after: dict[str, set[str]], summaries_before: dict[str, str],
         summaries_after: dict[str, str], report: BackfillReport) -> None:
    owner_before = {k: e for e, keys in before.items() for k in keys}
    owner_after = {k: e for e, keys in after.items() for k in keys}
    for event_id, keys in after.items():
        olds = {owner_before[k] for k in keys if k in owner_before}
        if not olds:
            report.added.append(summaries_after.get(event_id, event_id))
        elif len(olds) > 1:
            report.merged.append(f"{summaries_after.get(event_id)} <- " +
                                 " + ".join(summaries_before.get(o, o) for o in sorted(olds)))
    for event_id, keys in before.items():
        news = {owner_after[k] for k in keys if k in owner_after}
        if not news and event_id not in after:
            report.removed.append(summaries_before.get(event_id, event_id))
        elif len(news) > 1:
            report.split.append(f"{summaries_before.get(event_id)} -> " +
                                " + ".join(summaries_after.get(n, n) for n in sorted(news)))


def backfill(db_path: Path, channels: list[str], apply: bool = False, lock_wait_s: float = 0.0) -> BackfillReport:
    from extractors import extractor_version

    report = BackfillReport(applied=apply, extractor_version=extractor_version())
    with tempfile.TemporaryDirectory(prefix="newsmon-backfill-") as tmp:
        if apply:
            target_ctx = open_store(db_path, lock_wait_s=lock_wait_s)
        else:
            # The copy is taken with the store closed by any writer (wait for its lock first).
            connect(db_path, read_only=True, lock_wait_s=lock_wait_s).close()
            copy = Path(tmp) / "copy.duckdb"
            shutil.copy(db_path, copy)
            target_ctx = open_store(copy)
        with target_ctx as con:
            before, summaries_before, report.mentions_before = _state(con)
            started = utcnow()
            report.articles = con.execute(query("count_articles")).fetchone()[0]
            report.reextracted, report.summaries_rewritten = rerun(con, channels)
            after, summaries_after, report.mentions_after = _state(con)
            report.alerts_would_fire = [f"{reason}: {summary}" for reason, summary in con.execute(
                query("alerts_raised_since"), {"since": started}).fetchall()]
    report.events_before, report.events_after = len(before), len(after)
    diff(before, after, summaries_before, summaries_after, report)
    return report
