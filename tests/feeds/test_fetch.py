import time

from feeds_fixtures import rss
from newsmon.feeds.fetch import fetch_all, local_path
from newsmon.models import FeedSource


def src(url, name=None):
    return FeedSource(name=name or url, url=url)


def fetch(sources, state=None, **kw):
    opts = dict(timeout_s=1.0, deadline_s=2.0, max_bytes=100_000, concurrency=4, user_agent="newsmon-test/1")
    opts.update(kw)
    return fetch_all(sources, state or {}, **opts)


def test_conditional_get_gets_a_304_that_costs_nothing(feed_server):
    url = feed_server.add("/a.xml", rss([{"title": "t", "link": "http://x/1"}]))
    (first,) = fetch([src(url)])
    assert first.status == "ok" and first.etag and first.last_modified and first.body
    (second,) = fetch([src(url)], {url: (first.etag, first.last_modified)})
    assert second.status == "not_modified" and second.body == b""
    assert feed_server.statuses("/a.xml") == [200, 304]
    sent = feed_server.requests[-1].headers
    assert sent["If-None-Match"] == first.etag and sent["User-Agent"] == "newsmon-test/1"


def test_errors_are_results_and_do_not_stop_the_others(feed_server):
    ok = feed_server.add("/ok.xml", rss([{"title": "t", "link": "http://x/1"}]))
    e500 = feed_server.add("/500.xml", status=500)
    slow = feed_server.add("/slow.xml", rss([]), delay_s=5)
    missing = feed_server.url("/missing.xml")
    started = time.perf_counter()
    results = fetch([src(e500), src(slow), src(ok), src(missing), src("http://127.0.0.1:9/closed")])
    elapsed = time.perf_counter() - started
    status = {r.source.url: (r.status, r.error) for r in results}
    assert status[ok][0] == "ok"
    assert status[e500] == ("error", "HTTP 500 Internal Server Error")
    assert status[slow][0] == "error" and "timed out" in status[slow][1]
    assert status[missing] == ("error", "HTTP 404 Not Found")
    assert "unreachable" in status["http://127.0.0.1:9/closed"][1]
    assert elapsed < 4, f"feeds must be fetched concurrently and fail fast, took {elapsed:.1f}s"


def test_size_cap(feed_server):
    url = feed_server.add("/big.xml", b"x" * 50_000)
    (result,) = fetch([src(url)], max_bytes=10_000)
    assert result.status == "error" and "exceeds the cap" in result.error


def test_local_files_and_file_urls(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(rss([{"title": "local", "link": "http://x/1"}]), encoding="utf-8")
    assert local_path(path.as_uri()) == path and local_path(str(path)) == path
    assert local_path("https://example.org/feed") is None
    (first,) = fetch([src(path.as_uri())])
    assert first.status == "ok" and b"local" in first.body
    (second,) = fetch([src(str(path))], {str(path): (None, first.last_modified)})
    assert second.status == "not_modified"
