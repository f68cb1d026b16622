"""The digest over a store with known events and alerts (written through real resolution)."""

from datetime import datetime, timedelta, timezone

from helpers import add_article, add_mention
from newsmon.digest import build_digest, write_digest
from newsmon.events.resolve import resolve_pending

NOW = datetime(2025, 11, 25, 8, tzinfo=timezone.utc)


def fill(store):
    a = add_article(store, "a17", source="State", published="2025-11-17")
    add_mention(store, a, "designation", "Cartel de los Soles", actor="State Department", designation="FTO",
                status="announced", modality="intended", event_date="2025-11-24",
                sentence="The Department of State intends to designate Cartel de los Soles as an FTO.")
    add_mention(store, a, "statement", "Cartel de los Soles", actor="Yván Gil", modality="denied",
                sentence="Gil called the cartel non-existent.")
    add_mention(store, a, "designation", "Cartel de los Soles", actor="Treasury", designation="SDGT",
                status="effective", event_date="2025-07", background=True)
    resolve_pending(store, ["console", "jsonl"], NOW - timedelta(hours=30))  # yesterday's run: outside the window
    b = add_article(store, "a24", source="Wire", published="2025-11-24")
    add_mention(store, b, "designation", "Cartel de los Soles", actor="United States", designation="FTO",
                status="effective", event_date="2025-11-24",
                sentence="The United States formally designated Cartel de los Soles as an FTO.")
    add_mention(store, b, "reward", "Nicolás Maduro", actor="State Department", amount=50e6, event_date="2025-11-24")
    resolve_pending(store, ["console", "jsonl"], NOW - timedelta(hours=2))


def test_digest_lists_the_days_new_and_changed_developments_by_type(store):
    fill(store)
    digest = build_digest(store, NOW - timedelta(hours=24), NOW)
    md = digest.markdown
    assert digest.developments == 2  # the status change and the new reward; one row each, not per channel
    assert "## Designations (1)" in md and "## Rewards (1)" in md and "Statements" not in md
    assert ("**CHANGED status → effective** State Department lists Cartel de los Soles as a terrorist organization "
            "(FTO), effective 24 Nov 2025 — 2 articles, 2 sources: State, Wire") in md
    assert "> The United States formally designated Cartel de los Soles as an FTO." in md
    assert "SDGT" not in md  # background: never an alert, never in the digest
    assert md.index("Designations") < md.index("Rewards")


def test_empty_digest_says_so(store):
    assert "No new or changed" in build_digest(store, NOW - timedelta(hours=24), NOW).markdown


def test_write_digest_reads_the_store_read_only_and_writes_markdown(db_path, tmp_path):
    from newsmon.store.db import open_store

    with open_store(db_path) as con:
        fill(con)
    digest, path = write_digest(db_path, tmp_path / "digests", until=NOW)
    assert path.name == "digest-2025-11-25.md" and path.read_text(encoding="utf-8") == digest.markdown


def test_issue12_digests_go_next_to_the_store_unless_set(tmp_path):
    from newsmon.digest import digest_dir
    from newsmon.settings import Settings

    store = tmp_path / "data" / "newsmon.duckdb"
    assert digest_dir(Settings(db_path=store)) == tmp_path / "data" / "digests"
    assert digest_dir(Settings(db_path=store, digest_dir=tmp_path / "elsewhere")) == tmp_path / "elsewhere"


def test_issue12_digests_are_ignored_by_git():
    import shutil
    import subprocess

    from conftest import PROJECT_ROOT

    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        import pytest

        pytest.skip("not a git checkout")
    ignored = subprocess.run(["git", "check-ignore", "-q", "digests/digest-2025-11-25.md"], cwd=PROJECT_ROOT)
    assert ignored.returncode == 0


def test_issue12_digest_over_a_longer_window_in_report_order(store):
    fill(store)
    digest = build_digest(store, NOW - timedelta(hours=40), NOW)
    assert digest.developments == 4  # yesterday's run too: the announcement and the statement
    md = digest.markdown
    assert "Venezuela's foreign minister Yván Gil rejects the FTO listing of Cartel de los Soles (Nov 2025)" in md
    assert md.index("**NEW** State Department to list") < md.index("**CHANGED status → effective**")
