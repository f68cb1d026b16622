"""Issue 5: the extraction stage on a local Dask cluster of 2 workers (prefect-dask's
DaskTaskRunner) gives the same mentions as the default run."""

from datetime import datetime, timezone

import duckdb

from conftest import PROJECT_ROOT
from newsmon import ingest
from newsmon.settings import Settings

COLUMNS = ("mention_id, article_id, event_type, actor, target, designation, status, modality, event_date, "
           "date_precision, amount_usd, is_background, char_start, char_end, extractor_version")


def mentions(db_path):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return sorted(con.execute(f"SELECT {COLUMNS} FROM event_mentions").fetchall())


def test_dask_extraction_matches_the_default(prefect_harness, tmp_path):
    from flows.extract import run_extraction

    runs = {}
    for runner in ("threads", "dask"):
        settings = Settings(db_path=tmp_path / f"{runner}.duckdb", task_runner=runner, dask_workers=2,
                            extract_chunk_articles=8)
        ingest.store_run(settings.db_path, ingest.read_seeds(PROJECT_ROOT / "devset"), [], [],
                         datetime.now(timezone.utc))
        summary = run_extraction(settings)
        runs[runner] = (summary.articles, summary.mentions, mentions(settings.db_path))
    articles = len(list((PROJECT_ROOT / "devset").glob("*.txt")))
    assert runs["threads"][0] == articles and runs["threads"][1] > 40
    assert runs["dask"] == runs["threads"]
