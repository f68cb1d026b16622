"""The monitor flow on Prefect's test harness: a real API server, real tasks, a real store,
the real spaCy model."""

import json

import duckdb
import pytest

from conftest import SEEDS_DIR
from feeds_fixtures import rss

FTO_ITEM = {
    "title": "US designates Venezuela's Cartel de los Soles a terrorist group",
    "link": "http://news.example/fto", "pubDate": "Mon, 24 Nov 2025 15:00:00 GMT",
    "description": "On November 24, 2025, the State Department formally designated Cartel de los Soles as a "
                   "Foreign Terrorist Organization, a step Caracas called ridiculous.",
}


@pytest.fixture
def monitor(prefect_harness):
    from flows.monitor import monitor

    return monitor


def run_settings(settings, feed_url, tmp_path, **extra):
    update = {"seeds_dir": SEEDS_DIR, "feed_urls": [feed_url], "alert_jsonl_path": tmp_path / "alerts.jsonl"}
    update.update(extra)
    return settings.model_copy(update=update)


def test_monitor_ingests_extracts_resolves_and_alerts_then_nothing_new(monitor, settings, feed_server, tmp_path):
    url = feed_server.add("/f.xml", rss([FTO_ITEM]))
    s = run_settings(settings, url, tmp_path, feed_urls=[url, feed_server.url("/gone")])

    state = monitor(settings=s, return_state=True)
    assert state.is_completed()
    result = state.result()
    assert {x.source: (x.new, x.failed) for x in result.ingest.sources} == {
        "seeds": (2, 0), url: (1, 0), feed_server.url("/gone"): (0, 1)}
    assert result.extraction.articles == 3 and result.extraction.mentions >= 10
    assert result.resolution.events_created >= 8 and result.resolution.alerts >= 3
    assert any("to list Cartel de los Soles as a terrorist organization (FTO)" in line
               for line in result.delivery.console_lines)

    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        fto = con.execute("SELECT status, article_count, source_count FROM events WHERE designation = 'FTO' "
                          "AND target = 'Cartel de los Soles'").fetchall()
        alerts = con.execute("SELECT count(DISTINCT alert_key), count(*) FILTER (WHERE delivered_at IS NULL "
                             "AND channel IN ('console', 'jsonl')) FROM alerts").fetchone()
    # two seeds and the feed item: one event; each seed file a source of its own (issue 12)
    assert fto == [("effective", 3, 3)]
    assert alerts[1] == 0

    second = monitor(settings=s)
    assert (second.ingest.new, second.extraction.articles, second.resolution.alerts) == (0, 0, 0)
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == alerts[0] and len({json.loads(x)["alert_key"] for x in lines}) == len(lines)


def test_a_run_killed_before_delivery_delivers_each_alert_once_on_rerun(monitor, settings, feed_server, tmp_path):
    """Issue 4: events and alerts written, the run dies before delivering; the next run
    delivers every pending alert exactly once."""
    from newsmon import extraction, ingest, stages
    from newsmon.alerts.channels import configured_channels

    url = feed_server.add("/f.xml", rss([FTO_ITEM]))
    s = run_settings(settings, url, tmp_path)
    # the first run's stages, by hand, up to resolution: then "killed"
    seeds = ingest.read_seeds(s.seeds_dir)
    fetches = ingest.fetch_feeds(ingest.resolve_sources(s), {}, s)
    ingest.store_run(s.db_path, seeds, fetches, ingest.resolve_sources(s), ingest.utcnow())
    extraction.extract_pending(s.db_path)
    raised = stages.resolve_stage(s.db_path, configured_channels(s))
    assert raised.alerts >= 3 and not (tmp_path / "alerts.jsonl").exists()

    rerun = monitor(settings=s)
    assert rerun.resolution.alerts == 0
    assert rerun.delivery.channels["jsonl"].delivered == raised.alerts
    again = monitor(settings=s)
    assert again.delivery.delivered == 0
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == raised.alerts


def test_a_failing_task_fails_the_flow(monitor, settings, tmp_path):
    bad = tmp_path / "feeds.yaml"
    bad.write_text("feeds: [ {name: x} ]", encoding="utf-8")  # no url: invalid
    state = monitor(settings=settings.model_copy(update={"feeds_file": bad}), return_state=True)
    assert state.is_failed()
