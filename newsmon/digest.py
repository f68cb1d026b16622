"""The daily digest: the last day's new and changed developments as Markdown, grouped by
event type, each with its sources and the sentence it came from."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
from pydantic import BaseModel

from newsmon.models import utcnow
from newsmon.store.db import connect, query
from newsmon.text import markdown_link, markdown_text

TYPE_TITLES = {
    "designation": "Designations", "sanction": "Sanctions", "reward": "Rewards", "legal_action": "Legal actions",
    "military_action": "Military actions", "diplomacy": "Diplomacy", "statement": "Statements",
}


class Digest(BaseModel):
    since: datetime
    until: datetime
    developments: int
    markdown: str


def digest_window(until: datetime | None = None, hours: int = 24) -> tuple[datetime, datetime]:
    until = until or utcnow()
    return until - timedelta(hours=hours), until


def build_digest(con: duckdb.DuckDBPyConnection, since: datetime, until: datetime) -> Digest:
    cursor = con.execute(query("digest_alerts"), {"since": since, "until": until})
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
    lines = [f"# newsmon digest: {since:%Y-%m-%d %H:%M} to {until:%Y-%m-%d %H:%M} UTC", ""]
    if not rows:
        lines.append("No new or changed Venezuela-policy developments in this period.")
    by_type: dict[str, list[dict]] = {}
    for row in rows:
        by_type.setdefault(row["event_type"], []).append(row)
    for event_type in sorted(by_type, key=lambda t: list(TYPE_TITLES).index(t) if t in TYPE_TITLES else 99):
        items = by_type[event_type]
        lines += [f"## {TYPE_TITLES.get(event_type, event_type)} ({len(items)})", ""]
        for row in items:
            payload = json.loads(row["payload"]) if isinstance(row["payload"], str) else row["payload"]
            label = "NEW" if row["reason"] == "new" else row["reason"].replace("changed:", "CHANGED ")
            if row["reason"].startswith("changed:"):
                label += f" → {row['alert_key'].rsplit(':', 1)[-1]}"
            official = ", official source" if row["official"] else ""
            # Everything from a feed is text: escaped for Markdown and HTML, links http(s) only (issue 8).
            lines.append(f"- **{markdown_text(label)}** {markdown_text(row['summary'] or '')} — "
                         f"{row['article_count']} article(s), {row['source_count']} source(s): "
                         f"{markdown_text(row['sources'] or '?')}{official}")
            sentence = markdown_text(payload.get("sentence") or "")
            if sentence:
                link = markdown_link(payload.get("url"))
                lines.append(f"  > {sentence}" + (f" ([source]({link}))" if link else ""))
        lines.append("")
    return Digest(since=since, until=until, developments=len(rows), markdown="\n".join(lines).rstrip() + "\n")


def write_digest(db_path: Path, out_dir: Path, until: datetime | None = None, hours: int = 24,
                 lock_wait_s: float = 0.0) -> tuple[Digest, Path]:
    """Build the digest of the `hours` before `until` from the store (read-only) and write it to
    `out_dir/digest-YYYY-MM-DD.md`."""
    since, until = digest_window(until, hours)
    con = connect(db_path, read_only=True, lock_wait_s=lock_wait_s)
    try:
        digest = build_digest(con, since, until)
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"digest-{until:%Y-%m-%d}.md"
    path.write_text(digest.markdown, encoding="utf-8")
    return digest, path
