"""The ingestion steps as plain functions, against a real local feed server and a real store."""

from datetime import datetime, timezone

import duckdb

from conftest import SEEDS_DIR
from feeds_fixtures import atom, rss
from newsmon import ingest
from newsmon.models import FeedSource

STARTED = datetime(2025, 11, 24, tzinfo=timezone.utc)


def run_once(settings, sources, seeds_dir=None):
    seeds = ingest.read_seeds(seeds_dir)
    state = ingest.load_feed_state(settings.db_path, [s.url for s in sources])
    fetches = ingest.fetch_feeds(sources, state, settings)
    return ingest.store_run(settings.db_path, seeds, fetches, sources, STARTED)


def rows(db_path, sql):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def items(*numbers):
    return [{"title": f"Venezuela item {n}", "link": f"http://news.example/{n}", "guid": f"http://news.example/{n}",
             "description": f"Body of item {n}.", "pubDate": "Mon, 24 Nov 2025 10:00:00 GMT"} for n in numbers]


def test_first_run_stores_second_gets_304_changed_feed_adds_only_new(settings, feed_server):
    rss_url = feed_server.add("/rss.xml", rss(items(1, 2)))
    atom_url = feed_server.add("/atom.xml", atom([{"title": "Atom one", "id": "urn:a:1", "link": "http://a.example/1",
                                                   "updated": "2025-11-24T10:00:00Z", "content": "<p>Atom body</p>"}]),
                               content_type="application/atom+xml")
    sources = [FeedSource(name="rss", url=rss_url), FeedSource(name="atom", url=atom_url, official=True)]

    first = run_once(settings, sources)
    assert (first.new, first.seen, first.failed) == (3, 0, 0)

    second = run_once(settings, sources)
    assert (second.new, second.seen) == (0, 0)
    assert [s.status for s in second.sources] == ["not_modified", "not_modified"]
    assert feed_server.statuses("/rss.xml") == [200, 304]

    feed_server.update("/rss.xml", rss(items(1, 2, 3)))
    third = run_once(settings, sources)
    assert third.new == 1 and third.seen == 2
    assert rows(settings.db_path, "SELECT count(*) FROM articles") == [(4,)]
    assert rows(settings.db_path, "SELECT url, official, last_status FROM feeds ORDER BY url") == [
        (atom_url, True, "not_modified"), (rss_url, False, "ok")]


def test_broken_feeds_are_recorded_and_the_others_ingested(settings, feed_server):
    good = feed_server.add("/good.xml", rss(items(1)))
    e500 = feed_server.add("/500.xml", status=500)
    notxml = feed_server.add("/notxml", "<html><body>Service page</body></html>", content_type="text/html")
    slow = feed_server.add("/slow.xml", rss(items(9)), delay_s=4)
    sources = [FeedSource(name=n, url=u) for n, u in [("good", good), ("e500", e500), ("notxml", notxml), ("slow", slow)]]

    summary = run_once(settings, sources, SEEDS_DIR)
    by_source = {s.source: s for s in summary.sources}
    assert by_source["seeds"].new == 2 and by_source["good"].new == 1
    assert by_source["e500"].error == "HTTP 500 Internal Server Error"
    assert "not a feed" in by_source["notxml"].error
    assert "timed out" in by_source["slow"].error
    errors = dict(rows(settings.db_path, "SELECT name, last_error FROM feeds WHERE last_status = 'error'"))
    assert set(errors) == {"e500", "notxml", "slow"}
    assert rows(settings.db_path, "SELECT count(*) FROM articles") == [(3,)]

    # The slow feed recovers: the next run picks up what was missed, without duplicates.
    feed_server.routes["/slow.xml"].delay_s = 0
    again = run_once(settings, sources, SEEDS_DIR)
    assert {s.source: s.new for s in again.sources}["slow"] == 1
    assert rows(settings.db_path, "SELECT count(*) FROM articles") == [(4,)]


def test_seeds_rerun_adds_nothing(settings):
    first = run_once(settings, [], SEEDS_DIR)
    second = run_once(settings, [], SEEDS_DIR)
    assert (first.new, second.new, second.seen) == (2, 0, 2)
    dates = rows(settings.db_path, "SELECT published_at IS NULL, CAST(published_at AS DATE) FROM articles ORDER BY url")
    assert [d[0] for d in dates] == [False, True]
    assert str(dates[0][1]) == "2025-11-17"


def test_summary_lists_each_source():
    summary = ingest.RunSummary(run_id="r", started_at=STARTED, finished_at=STARTED, sources=[
        ingest.SourceSummary(source="seeds", kind="seeds", new=2),
        ingest.SourceSummary(source="Treasury", kind="feed", failed=1, status="error", error="unreachable: x"),
    ])
    text = ingest.format_summary(summary)
    assert "Treasury" in text and "error: unreachable: x" in text
    assert "articles: 2 new, 0 already seen, 1 failed" in text


def test_issue8_a_429_with_retry_after_is_skipped_until_then_and_the_summary_says_so(settings, feed_server):
    from datetime import timedelta

    good = feed_server.add("/good.xml", rss(items(1)))
    limited = feed_server.add("/429.xml", status=429, extra_headers={"Retry-After": "600"})
    sources = [FeedSource(name="good", url=good), FeedSource(name="limited", url=limited)]

    first = run_once(settings, sources)
    assert {s.source: s.status for s in first.sources} == {"good": "ok", "limited": "error"}
    assert "HTTP 429 Too Many Requests; Retry-After: not polled again before" in first.sources[1].error
    ((until,),) = rows(settings.db_path, "SELECT next_poll_at FROM feeds WHERE name = 'limited'")

    second = run_once(settings, sources)
    assert {s.source: (s.status, s.failed) for s in second.sources} == {"good": ("not_modified", 0),
                                                                         "limited": ("deferred", 0)}
    assert feed_server.statuses("/429.xml") == [429]  # not asked again
    text = ingest.format_summary(second)
    assert "deferred: not polled before" in text and "feeds deferred (Retry-After): 1" in text

    # once the wait is over it is polled again; a good answer clears the wait
    feed_server.routes["/429.xml"] = type(feed_server.routes["/good.xml"])(body=rss(items(2)).encode())
    later = until + timedelta(seconds=1)
    state = ingest.load_feed_state(settings.db_path, [s.url for s in sources], now=later)
    third = ingest.store_run(settings.db_path, ingest.SeedBatch(), ingest.fetch_feeds(sources, state, settings, now=later),
                             sources, STARTED)
    assert {s.source: s.new for s in third.sources} == {"good": 0, "limited": 1}
    assert rows(settings.db_path, "SELECT next_poll_at FROM feeds WHERE name = 'limited'") == [(None,)]
