"""The monitor flow on Prefect's test harness: a real API server, real tasks, a real store."""

import duckdb
import pytest

from conftest import SEEDS_DIR
from feeds_fixtures import rss


@pytest.fixture
def monitor(prefect_harness):
    from flows.monitor import monitor

    return monitor


def test_monitor_ingests_seeds_and_feeds_then_nothing_new(monitor, settings, feed_server):
    url = feed_server.add("/f.xml", rss([{"title": "Maduro reward raised", "link": "http://n/1",
                                          "description": "The reward is now $50 million."}]))
    run_settings = settings.model_copy(update={"seeds_dir": SEEDS_DIR, "feed_urls": [url, feed_server.url("/gone")]})

    state = monitor(settings=run_settings, return_state=True)
    assert state.is_completed()
    summary = state.result()
    assert {s.source: (s.new, s.failed) for s in summary.sources} == {"seeds": (2, 0), url: (1, 0),
                                                                     feed_server.url("/gone"): (0, 1)}
    second = monitor(settings=run_settings)
    assert second.new == 0 and second.seen == 2  # the feed answered 304
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM ingest_runs").fetchone() == (2,)


def test_a_failing_task_fails_the_flow(monitor, settings, tmp_path):
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds: [ {name: x} ]", encoding="utf-8")  # no url: invalid
    state = monitor(settings=settings.model_copy(update={"feeds_file": bad}), return_state=True)
    assert state.is_failed()
