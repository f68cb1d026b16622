"""Build articles and mentions directly in a real store, without the extractor."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

from newsmon.models import stable_id

_counter = itertools.count()


def add_article(con, article_id: str, source: str = "seeds", published: str | None = "2025-11-17",
                fetched: str = "2025-11-24T12:00:00") -> str:
    published_at = datetime.fromisoformat(published).replace(tzinfo=timezone.utc) if published else None
    fetched_at = datetime.fromisoformat(fetched).replace(tzinfo=timezone.utc)
    # columns named: later schema files add columns (006: language)
    con.execute("INSERT INTO articles (article_id, source, url, guid, title, published_at, fetched_at, content_hash,"
                " text) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                [article_id, source, f"http://news.example/{article_id}", article_id, published_at, fetched_at,
                 article_id, f"text of {article_id}"])
    con.execute("INSERT INTO article_keys VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [f"url:http://news.example/{article_id}", article_id, source, fetched_at])
    return article_id


def add_mention(con, article_id: str, event_type: str, target: str, *, actor: str | None = None,
                designation: str | None = None, status: str | None = None, modality: str = "asserted",
                event_date: str | None = None, precision: str | None = None, amount: float | None = None,
                background: bool = False, sentence: str | None = None) -> str:
    n = next(_counter)
    mention_id = stable_id("m", article_id, n)
    d = None
    if event_date:
        parts = [int(p) for p in event_date.split("-")] + [1, 1]
        d = date(parts[0], parts[1], parts[2])
        precision = precision or {1: "year", 2: "month", 3: "day"}[len(event_date.split("-"))]
    con.execute(
        "INSERT INTO event_mentions (mention_id, article_id, event_type, actor, target, designation, status, modality,"
        " event_date, date_precision, amount_usd, is_background, sentence, char_start, char_end, extractor_version,"
        " actor_text, target_text, extracted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, now())",
        [mention_id, article_id, event_type, actor, target, designation, status, modality, d, precision, amount,
         background, sentence or f"{event_type} {target} #{n}", n * 100, n * 100 + 50, "test", actor, target])
    return mention_id
