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


def test_issue8_redirects_within_the_feeds_own_origin_are_followed(feed_server):
    feed_server.add("/new.xml", rss([{"title": "moved", "link": "http://x/1"}]))
    old = feed_server.add("/old.xml", status=301, location="/new.xml")
    (result,) = fetch([src(old)])
    assert result.status == "ok" and b"moved" in result.body
    assert result.final_url == feed_server.url("/new.xml")


def test_issue8_redirect_hops_to_other_private_addresses_are_refused_unless_allowed(feed_server):
    from feed_server import FeedServer

    with FeedServer() as other:  # another port on loopback: "an internal service"
        other.add("/internal", rss([{"title": "internal secret", "link": "http://x/1"}]))
        hop = feed_server.add("/hop.xml", status=302, location=other.url("/internal"))
        metadata = feed_server.add("/meta.xml", status=302, location="http://169.254.169.254/latest/meta-data/")
        local = feed_server.add("/file.xml", status=302, location="file:///etc/passwd")
        loop = feed_server.add("/loop.xml", status=302, location="/loop.xml")
        started = time.perf_counter()
        results = {r.source.url: r for r in fetch([src(hop), src(metadata), src(local), src(loop)])}
        assert time.perf_counter() - started < 3  # refused before connecting, not timed out
        assert results[hop].status == "error"
        assert "refused: 127.0.0.1 is a loopback address" in results[hop].error
        assert "NEWSMON_FETCH_ALLOW_NETWORKS" in results[hop].error
        assert "169.254.169.254 is a link-local address" in results[metadata].error
        assert "only http(s) URLs are followed" in results[local].error
        assert "more than 5 redirects" in results[loop].error
        assert other.requests == []  # the internal service never saw a request

        (allowed,) = fetch([src(hop)], allow_networks=["127.0.0.0/8"])
        assert allowed.status == "ok" and b"internal secret" in allowed.body


def test_issue8_address_policy():
    from newsmon.feeds.fetch import address_refusal, parse_networks

    assert address_refusal("93.184.216.34", []) is None
    for address, label in [("10.1.2.3", "private"), ("192.168.0.1", "private"), ("::1", "loopback"),
                           ("::ffff:127.0.0.1", "loopback"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
                           ("0.0.0.0", "unspecified"), ("100.64.0.1", "not a public")]:
        assert label in address_refusal(address, []), address
    assert address_refusal("10.1.2.3", parse_networks(["10.0.0.0/8"])) is None


def test_issue8_retry_after_seconds_and_http_date_are_honoured_and_capped(feed_server):
    import email.utils
    from datetime import datetime, timedelta, timezone

    from newsmon.feeds.fetch import retry_at

    limited = feed_server.add("/429.xml", status=429, extra_headers={"Retry-After": "120"})
    when = datetime.now(timezone.utc) + timedelta(hours=2)
    busy = feed_server.add("/503.xml", status=503, extra_headers={"Retry-After": email.utils.format_datetime(when)})
    plain = feed_server.add("/503-plain.xml", status=503)
    results = {r.source.url: r for r in fetch([src(limited), src(busy), src(plain)])}
    now = datetime.now(timezone.utc)
    assert results[limited].http_status == 429 and "Retry-After" in results[limited].error
    assert timedelta(seconds=100) < results[limited].retry_at - now <= timedelta(seconds=120)
    assert abs(results[busy].retry_at - when.replace(microsecond=0)) < timedelta(seconds=2)
    assert results[plain].retry_at is None and results[plain].error == "HTTP 503 Service Unavailable"
    # a hostile value cannot silence a feed for years; a date in the past means now; junk is ignored
    assert retry_at("999999999", now, 86_400) == now + timedelta(days=1)
    assert retry_at("Mon, 01 Jan 2001 00:00:00 GMT", now, 86_400) == now
    assert retry_at("soon", now, 86_400) is None


def test_issue12_failed_feeds_are_named_in_one_warning_per_run(feed_server, caplog):
    import logging

    from conftest import free_port

    good = feed_server.add("/ok.xml", rss([{"title": "t", "link": "http://x/1"}]))
    dead = [src(f"http://127.0.0.1:{free_port()}/feed.xml", name=f"Dead feed {i}") for i in range(3)]
    with caplog.at_level(logging.DEBUG, logger="newsmon.feeds.fetch"):
        results = fetch([src(good, name="Good feed")] + dead)
    assert [r.status for r in results] == ["ok", "error", "error", "error"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].startswith("3 of 4 feeds could not be fetched: Dead feed 0, Dead feed 1, Dead feed 2")
    assert "Good feed" not in warnings[0]
    details = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG and "Dead feed" in r.getMessage()]
    assert len(details) == 3  # each feed's error, at DEBUG; the summary and the feeds table have it too
