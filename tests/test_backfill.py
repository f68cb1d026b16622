"""Issue 5: backfill's dry-run report after a gazetteer change, then the real run."""

import shutil
from datetime import datetime, timezone

import duckdb

from conftest import PROJECT_ROOT, SEEDS_DIR
from newsmon import extraction, ingest, stages
from newsmon.backfill import backfill


def state(db_path):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return (con.execute("SELECT count(*) FROM events").fetchone()[0],
                sorted({r[0] for r in con.execute("SELECT extractor_version FROM article_extractions").fetchall()}),
                con.execute("SELECT count(*) FROM events WHERE target = 'Tren de Aragua'").fetchone()[0])


def test_dry_run_reports_then_apply_writes(db_path, tmp_path, monkeypatch):
    ingest.store_run(db_path, ingest.read_seeds(SEEDS_DIR), [], [], datetime.now(timezone.utc))
    extraction.extract_pending(db_path)
    stages.resolve_stage(db_path, ["console"])
    before = state(db_path)
    assert before[2] == 1  # the FTO listing of Tren de Aragua

    # A domain expert removes Tren de Aragua from the gazetteer (in a copy of the data).
    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "extractors" / "data", data)
    lines = (data / "gazetteer.jsonl").read_text(encoding="utf-8").splitlines()
    (data / "gazetteer.jsonl").write_text("\n".join(x for x in lines if '"Tren de Aragua"' not in x) + "\n",
                                          encoding="utf-8")
    monkeypatch.setenv("NEWSMON_EXTRACTOR_DATA", str(data))

    report = backfill(db_path, ["console"], apply=False)
    assert not report.applied and report.articles == 2
    assert report.extractor_version != before[1][0]
    assert [r for r in report.removed if "Tren de Aragua" in r], report.format()
    assert report.added == [] and report.alerts_would_fire == []
    assert state(db_path) == before  # nothing written

    applied = backfill(db_path, ["console"], apply=True)
    assert applied.removed == report.removed
    after = state(db_path)
    assert after[2] == 0 and after[0] == before[0] - 1 and report.extractor_version in after[1]


def test_issue12_backfill_counts_the_stored_articles_when_none_needs_re_extracting(db_path):
    """It said "over 0 articles" with 2 stored: the count was of articles re-extracted."""
    ingest.store_run(db_path, ingest.read_seeds(SEEDS_DIR), [], [], datetime.now(timezone.utc))
    extraction.extract_pending(db_path)
    stages.resolve_stage(db_path, ["console"])
    report = backfill(db_path, ["console"], apply=False)
    assert (report.articles, report.reextracted) == (2, 0)
    first_line = report.format().splitlines()[0]
    assert "over 2 stored articles (all already extracted with this version)" in first_line
    assert report.events_before == report.events_after > 0


def test_issue12_backfill_rewrites_summaries_written_before_the_templates(db_path):
    ingest.store_run(db_path, ingest.read_seeds(SEEDS_DIR), [], [], datetime.now(timezone.utc))
    extraction.extract_pending(db_path)
    stages.resolve_stage(db_path, ["console"])
    with duckdb.connect(str(db_path)) as con:  # a store of before issue 12
        con.execute("UPDATE events SET summary = 'Reward of $' || CAST(amount_usd / 1e6 AS INTEGER) || "
                    "'M for Nicolás Maduro by ?' WHERE event_type = 'reward'")
    report = backfill(db_path, ["console"], apply=False)
    assert report.summaries_rewritten == 2 and "summaries rewritten: 2" in report.format()
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE summary LIKE '%?'").fetchone() == (2,)  # dry run
    assert backfill(db_path, ["console"], apply=True).summaries_rewritten == 2
    with duckdb.connect(str(db_path), read_only=True) as con:
        rewards = sorted(r[0] for r in con.execute("SELECT summary FROM events WHERE event_type = 'reward'").fetchall())
    assert rewards == ["$25M reward offered for Nicolás Maduro (Jan 2025)",  # the article names no one for it
                       "State Department reward for Nicolás Maduro raised to $50M from $25M (Aug 2025)"]
