"""The public interface is documented: every CLI verb and every public table and column of the
store appears in README.md (a command or table without documentation fails here)."""

import duckdb
import pytest

from conftest import PROJECT_ROOT
from newsmon.cli import build_parser
from newsmon.store.db import apply_migrations

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
PUBLIC = {
    "articles": ["article_id", "source", "url", "title", "published_at", "fetched_at", "content_hash", "text"],
    "feeds": ["url", "etag", "last_modified", "last_fetched_at", "last_status", "last_error"],
    "event_mentions": ["mention_id", "article_id", "event_type", "actor", "target", "designation", "status",
                       "modality", "event_date", "date_precision", "amount_usd", "is_background", "sentence",
                       "char_start", "char_end", "extractor_version", "event_id"],
    "events": ["event_id", "event_type", "actor", "target", "designation", "status", "modality", "event_date",
               "date_precision", "amount_usd", "first_seen_at", "last_seen_at", "article_count", "source_count",
               "summary"],
    "event_history": ["event_id", "changed_at", "field", "old_value", "new_value", "article_id"],
    "alerts": ["alert_id", "event_id", "reason", "created_at", "delivered_at", "channel", "attempts", "last_error"],
}


def test_every_cli_verb_is_documented():
    verbs = build_parser()._subparsers._group_actions[0].choices
    for verb in verbs:
        assert f"newsmon {verb}" in README, verb


@pytest.mark.parametrize("table", sorted(PUBLIC))
def test_public_tables_exist_with_their_columns_and_are_documented(table):
    con = duckdb.connect(":memory:")
    apply_migrations(con)
    columns = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    assert set(PUBLIC[table]) <= columns
    assert f"`{table}`" in README
    for column in PUBLIC[table]:
        assert column in README, (table, column)
