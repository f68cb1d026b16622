import subprocess
import sys
import textwrap

import duckdb
import pytest

from newsmon.store.db import StoreLockedError, apply_migrations, connect, query, schema_files


def test_migrations_apply_once_in_order():
    con = duckdb.connect(":memory:")
    applied = apply_migrations(con)
    assert applied == [v for v, _ in schema_files()] and applied[0] == 1
    assert apply_migrations(con) == []
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
    assert versions == applied


def test_public_tables_have_documented_columns(store):
    def columns(table):
        return [r[0] for r in store.execute(f"DESCRIBE {table}").fetchall()]

    assert columns("articles") == ["article_id", "source", "url", "guid", "title", "published_at",
                                   "fetched_at", "content_hash", "text", "language"]
    assert {"url", "etag", "last_modified", "last_fetched_at", "last_status", "last_error"} <= set(columns("feeds"))


def test_unknown_named_query_is_a_clear_error():
    with pytest.raises(KeyError, match="no named query"):
        query("does_not_exist")


def test_a_second_process_gets_a_clear_lock_error(db_path):
    connect(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db_path)!r})
        print("locked", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLockedError, match="in use by another process"):
            connect(db_path, read_only=True, lock_wait_s=0.3)
    finally:
        holder.communicate("done\n", timeout=10)
    connect(db_path, read_only=True).close()  # free again once the writer is gone


def test_a_reader_waits_for_the_writer_then_reads(db_path):
    """Issue 5: `newsmon sql` during a run waits for the writer's lock instead of failing."""
    import time

    connect(db_path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db_path)!r})
        print("locked", flush=True)
        time.sleep(1.0)
        con.close()
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        con = connect(db_path, read_only=True, lock_wait_s=15)
        waited = time.monotonic() - started
        con.close()
        assert 0.3 < waited < 10
    finally:
        holder.wait(timeout=10)
