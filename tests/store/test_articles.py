from datetime import datetime, timezone

from newsmon.models import Article, FeedFetch
from newsmon.store.articles import feed_state, record_fetch, store_articles

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
