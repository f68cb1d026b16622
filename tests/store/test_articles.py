from datetime import datetime, timezone

from newsmon.models import Article, FeedFetch
from newsmon.store.articles import article_keys, feed_state, record_fetch, store_articles

NOW = datetime(2025, 11, 24, 12, tzinfo=timezone.utc)


def art(text, url="http://x.org/1", guid=None, source="feed-a"):
    return Article(source=source, url=url, guid=guid, title=text[:20], text=text)


def count(store):
    return store.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_new_articles_are_stored_once_across_batches(store):
    first = store_articles(store, [art("Venezuela story one"), art("Venezuela story two", url="http://x.org/2")], NOW)
    assert first.new == {"feed-a": 2}
    again = store_articles(store, [art("Venezuela story one"), art("Venezuela story two", url="http://x.org/2")], NOW)
    assert again.new == {} and again.seen == {"feed-a": 2}
    assert count(store) == 2


def test_same_item_in_two_feeds_is_one_row(store):
    result = store_articles(store, [
        art("Cartel de los Soles designated", url="http://news.org/a", source="feed-a"),
        art("Cartel de los Soles designated", url="http://news.org/a", source="feed-b"),
    ], NOW)
    assert result.new == {"feed-a": 1} and result.seen == {"feed-b": 1}
    assert count(store) == 1


def test_two_guids_with_the_same_text_are_one_row(store):
    store_articles(store, [art("The same story, told once.", url="http://a.org/1", guid="urn:a:1")], NOW)
    result = store_articles(store, [art("The same  story — told once", url="http://b.org/9", guid="urn:b:9")], NOW)
    assert result.seen == {"feed-a": 1}
    assert count(store) == 1
    # the new identities point at the stored story, so a later edit under them is still "seen"
    keys = dict(store.execute("SELECT key, article_id FROM article_keys").fetchall())
    assert keys["url:http://b.org/9"] == keys["url:http://a.org/1"]


def test_an_edited_item_under_a_known_guid_is_not_stored_again(store):
    store_articles(store, [art("First version", url="http://a.org/1", guid="tag:a,2025:1")], NOW)
    result = store_articles(store, [art("Second, edited version", url="http://a.org/1?v=2", guid="tag:a,2025:1")], NOW)
    assert result.seen == {"feed-a": 1} and count(store) == 1


def test_non_url_guids_are_scoped_by_feed(store):
    result = store_articles(store, [
        art("Feed A item", url="http://a.org/x", guid="1", source="feed-a"),
        art("Feed B item", url="http://b.org/y", guid="1", source="feed-b"),
    ], NOW)
    assert result.new == {"feed-a": 1, "feed-b": 1}


def test_duplicates_within_one_batch(store):
    result = store_articles(store, [art("Dup"), art("Dup", url="http://x.org/other")], NOW)
    assert result.new == {"feed-a": 1} and result.seen == {"feed-a": 1}
    assert count(store) == 1


def test_failed_fetch_keeps_the_last_good_validators(store):
    ok = FeedFetch(url="http://f/", name="f", status="ok", http_status=200, etag='"v1"', last_modified="Mon")
    record_fetch(store, ok, official=True, new_articles=3, now=NOW)
    failed = FeedFetch(url="http://f/", name="f", status="error", error="HTTP 500")
    record_fetch(store, failed, official=True, new_articles=0, now=NOW)
    assert feed_state(store, ["http://f/"]) == {"http://f/": ('"v1"', "Mon")}
    row = store.execute("SELECT last_status, last_error FROM feeds").fetchone()
    assert row == ("error", "HTTP 500")


def test_issue8_the_same_plain_guid_in_two_feeds_on_one_host_is_two_stories(store):
    from feeds_fixtures import rss
    from newsmon.feeds.parse import parse_feed
    from newsmon.models import FeedSource

    batches = []
    for name, text in (("a", "Feed A's story"), ("b", "Feed B's story")):
        source = FeedSource(name=name, url=f"http://127.0.0.1:8000/{name}.xml")
        body = rss([{"title": text, "guid": "12345", "description": f"{text}, told in full."}])
        batches += parse_feed(body.encode(), source)[0]
    assert store_articles(store, batches, NOW).new == {"a": 1, "b": 1}
    assert store_articles(store, batches, NOW).seen == {"a": 1, "b": 1}  # and a rerun stores neither again
    keys = {k for (k,) in store.execute("SELECT key FROM article_keys").fetchall()}
    assert {"guid:a|12345", "guid:b|12345", "url:http://127.0.0.1:8000/a.xml#12345"} <= keys
    # a GUID that is a permalink is one story wherever it appears; `urn:`/`tag:` ids are scoped
    assert article_keys(art("x", guid="https://n.example/1", source="a"))[1] == "guid:https://n.example/1"
    assert article_keys(art("x", guid="ftp://n.example/1", source="a"))[1] == "guid:a|ftp://n.example/1"


def test_issue8_a_retry_after_is_stored_and_cleared_by_the_next_good_fetch(store):
    from datetime import timedelta

    from newsmon.store.articles import feed_holds

    later = NOW + timedelta(minutes=5)
    limited = FeedFetch(url="http://f/", name="f", status="error", http_status=429, error="HTTP 429")
    record_fetch(store, limited, official=False, new_articles=0, now=NOW, next_poll_at=later)
    assert feed_holds(store, ["http://f/"], NOW) == {"http://f/": (later, "HTTP 429")}
    assert feed_holds(store, ["http://f/"], later) == {}  # the wait is over
    record_fetch(store, FeedFetch(url="http://f/", name="f", status="ok"), official=False, new_articles=0, now=later)
    assert store.execute("SELECT next_poll_at FROM feeds").fetchone() == (None,)
