"""Writers for `event_mentions` and `article_extractions`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable, Protocol

import duckdb

from newsmon.store.db import query


class MentionLike(Protocol):
    """What the store needs of an extracted mention (extractors.models.Mention satisfies it)."""

    mention_id: str
    article_id: str

    def model_dump(self) -> dict[str, Any]: ...


def pending_articles(con: duckdb.DuckDBPyConnection, version: str, limit: int,
                     reextract: bool = False) -> list[tuple[str, str, date | None, str | None]]:
    """(article_id, text, published_date, language) of articles never extracted, or with
    `reextract`, of articles not extracted with `version` (backfill); only articles of the
    languages extracted (issue 11)."""
    from extractors.languages import extracted_languages

    params = {"limit": limit, "languages": extracted_languages()}
    if reextract:
        return con.execute(query("articles_to_reextract"), params | {"version": version}).fetchall()
    return con.execute(query("articles_to_extract"), params).fetchall()


def write_extraction(con: duckdb.DuckDBPyConnection, article_ids: list[str], mentions: Iterable[MentionLike],
                     version: str, now: datetime, failures: dict[str, str] | None = None) -> int:
    """Replace the mentions of these articles by this extraction's, and mark them extracted
    with `version`, in one transaction (a crash leaves them pending, never half-written).
    Articles of `failures` (article_id -> reason) are marked failed: later runs skip them."""
    mentions = list(mentions)
    failures = failures or {}
    per_article: dict[str, int] = {a: 0 for a in article_ids}
    rows = []
    for mention in mentions:
        row = mention.model_dump()
        row = {k: row.get(k) for k in _MENTION_COLUMNS}
        row["extracted_at"] = now
        rows.append(row)
        per_article[mention.article_id] = per_article.get(mention.article_id, 0) + 1
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(query("delete_article_mentions"), {"article_ids": article_ids})
        if rows:
            con.execute(query("insert_mention"), {"rows": rows})
        con.execute(query("insert_article_extraction"), {"rows": [
            {"article_id": a, "extractor_version": version, "extracted_at": now, "mention_count": n,
             "status": "failed" if a in failures else "ok", "error": failures.get(a)}
            for a, n in per_article.items()
        ]})
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(rows)


_MENTION_COLUMNS = (
    "mention_id", "article_id", "event_type", "actor", "target", "designation", "status", "modality",
    "event_date", "date_precision", "amount_usd", "is_background", "sentence", "char_start", "char_end",
    "extractor_version", "actor_text", "target_text",
)
