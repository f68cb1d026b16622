"""Issue 4's bar on the two seed articles, through the real pipeline (real spaCy model, real
store): ingested in either order they give one FTO event for Cartel de los Soles (effective,
2025-11-24, two articles) and one SDGT event (July 2025, two articles); a rerun adds nothing."""

import shutil
from datetime import datetime, timezone

import pytest

from conftest import SEEDS_DIR
from newsmon import extraction, ingest, stages

SEED_FILES = ["000_d3ddbd832c743706.txt", "002_1aeb7da22f5ccb56.txt"]


def run_pipeline(db_path, seeds_dir):
    seeds = ingest.read_seeds(seeds_dir)
    ingest.store_run(db_path, seeds, [], [], datetime.now(timezone.utc))
    extraction.extract_pending(db_path)
    return stages.resolve_stage(db_path, ["console"])


@pytest.mark.parametrize("order", [SEED_FILES, SEED_FILES[::-1]], ids=["000-first", "002-first"])
def test_seeds_in_either_order(tmp_path, order):
    db_path = tmp_path / "store.duckdb"
    for i, name in enumerate(order):
        folder = tmp_path / f"batch{i}"
        folder.mkdir()
        shutil.copy(SEEDS_DIR / name, folder / name)
        run_pipeline(db_path, folder)

    import duckdb

    with duckdb.connect(str(db_path)) as con:
        def events(designation):
            return con.execute(
                "SELECT status, event_date, date_precision, article_count FROM events "
                "WHERE event_type = 'designation' AND target = 'Cartel de los Soles' AND designation = ?",
                [designation]).fetchall()

        (fto,) = events("FTO")
        assert (fto[0], str(fto[1]), fto[3]) == ("effective", "2025-11-24", 2)
        (sdgt,) = events("SDGT")
        assert (str(sdgt[1])[:7], sdgt[3]) == ("2025-07", 2)
        rewards = con.execute("SELECT amount_usd FROM events WHERE event_type = 'reward' ORDER BY 1").fetchall()
        assert [r[0] for r in rewards] == [25e6, 50e6]
        counts = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM alerts)").fetchone()

    # both seeds again, together: nothing new
    again = run_pipeline(db_path, SEEDS_DIR)
    assert (again.events_created, again.alerts) == (0, 0)
    with duckdb.connect(str(db_path)) as con:
        assert con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM alerts)").fetchone() == counts
