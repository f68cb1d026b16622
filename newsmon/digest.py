"""The daily digest: the last day's new and changed developments as Markdown, grouped by
event type, each with its sources and the sentence it came from."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
from pydantic import BaseModel

from newsmon.alerts.channels import alert_head, count_noun
from newsmon.models import utcnow
from newsmon.settings import Settings
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
    path: str | None = None  # the Markdown file it was written to


def digest_window(until: datetime | None = None, hours: int = 24,
                  since: datetime | None = None) -> tuple[datetime, datetime]:
    """[since, until): the `hours` before `until` (now), or from `since` when given."""
    until = until or utcnow()
    return (since if since is not None else until - timedelta(hours=hours)), until


def digest_dir(settings: Settings) -> Path:
    """Where digests are written: NEWSMON_DIGEST_DIR, else `digests` next to the store."""
    return settings.digest_dir or Path(settings.db_path).parent / "digests"


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
            label = alert_head(row["reason"], row["alert_key"]).replace(" -> ", " → ")
            official = ", official source" if row["official"] else ""
            # Everything from a feed is text: escaped for Markdown and HTML, links http(s) only (issue 8).
            # the development as the alert told it (a NEW and a CHANGED of one event differ)
            summary = payload.get("summary") or row["summary"] or ""
            lines.append(f"- **{markdown_text(label)}** {markdown_text(summary)} — "
                         f"{count_noun(row['article_count'], 'article')}, {count_noun(row['source_count'], 'source')}"
                         + (f": {markdown_text(row['sources'])}" if row["sources"] else "") + official)
            sentence = markdown_text(payload.get("sentence") or "")
            if sentence:
                link = markdown_link(payload.get("url"))
                lines.append(f"  > {sentence}" + (f" ([source]({link}))" if link else ""))
        lines.append("")
    return Digest(since=since, until=until, developments=len(rows), markdown="\n".join(lines).rstrip() + "\n")


def write_digest(db_path: Path, out_dir: Path, until: datetime | None = None, hours: int = 24,
                 lock_wait_s: float = 0.0, since: datetime | None = None) -> tuple[Digest, Path]:
    """Build the digest of the `hours` before `until` (or from `since`) from the store
    (read-only) and write it to `out_dir/digest-YYYY-MM-DD.md`."""
    since, until = digest_window(until, hours, since)
    con = connect(db_path, read_only=True, lock_wait_s=lock_wait_s)
    try:
        digest = build_digest(con, since, until)
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"digest-{until:%Y-%m-%d}.md"
    path.write_text(digest.markdown, encoding="utf-8")
    digest.path = str(path)
    return digest, path
