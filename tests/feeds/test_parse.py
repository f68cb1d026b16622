from datetime import datetime, timezone

import pytest

from feeds_fixtures import atom, rss
from newsmon.feeds.config import FeedsConfigError, load_feeds
from newsmon.feeds.parse import NotAFeedError, parse_feed
from newsmon.models import FeedSource

SOURCE = FeedSource(name="test", url="http://127.0.0.1/feed.xml")


def test_rss_items_become_articles_with_clean_text():
    body = rss([{
        "title": "US designates <b>Cartel de los Soles</b>",
        "link": "http://news.example/1",
        "guid": "http://news.example/1",
        "description": "<p>The State Department&#8217;s FTO designation takes effect.</p><p>More.</p>",
        "pubDate": "Mon, 24 Nov 2025 14:00:00 GMT",
    }])
    articles, rejected = parse_feed(body.encode(), SOURCE)
    assert rejected == []
    (a,) = articles
    assert a.title == "US designates Cartel de los Soles"
    assert a.text == ("US designates Cartel de los Soles\n\n"
                      "The State Department\u2019s FTO designation takes effect.\n\nMore.")
    assert a.published_at == datetime(2025, 11, 24, 14, tzinfo=timezone.utc)
    assert a.url == "http://news.example/1" and a.source == "test"


def test_atom_entries_prefer_content_and_keep_missing_dates_unknown():
    body = atom([{"title": "Talks possible", "id": "urn:uuid:1", "link": "http://n.example/t",
                  "content": "<div>Trump said talks with <i>Maduro</i> are possible.</div>"}])
    (a,), _ = parse_feed(body.encode(), SOURCE)
    assert a.text == "Talks possible\n\nTrump said talks with Maduro are possible."
    assert a.guid == "urn:uuid:1" and a.published_at is None


def test_entry_without_link_gets_a_stable_url():
    # (an RSS <guid> is a permalink by default, so feedparser makes it the link; Atom ids are not)
    body = atom([{"title": "No link here", "id": "urn:x:1", "content": "text"}])
    (a,), _ = parse_feed(body.encode(), SOURCE)
    assert a.url == "http://127.0.0.1/feed.xml#urn:x:1"


def test_empty_entries_are_rejected_and_counted():
    body = rss([{"link": "http://x/1"}, {"title": "Kept", "link": "http://x/2"}])
    articles, rejected = parse_feed(body.encode(), SOURCE)
    assert [a.title for a in articles] == ["Kept"]
    assert len(rejected) == 1 and "neither title nor text" in rejected[0]


@pytest.mark.parametrize("body", [b"<html><body>Not a feed</body></html>", b"\x00\x01garbage", b""])
def test_non_feeds_raise_a_clear_error(body):
    with pytest.raises(NotAFeedError, match="not a feed"):
        parse_feed(body, SOURCE)


def test_feeds_file_validation(tmp_path):
    good = tmp_path / "f.yaml"
    good.write_text("feeds:\n  - name: A\n    url: http://a/\n    official: true\n", encoding="utf-8")
    assert load_feeds(good)[0].official is True
    bad = tmp_path / "bad.yaml"
    bad.write_text("feeds:\n  - name: A\n    uri: http://a/\n", encoding="utf-8")
    with pytest.raises(FeedsConfigError, match="bad.yaml"):
        load_feeds(bad)
    dup = tmp_path / "dup.yaml"
    dup.write_text("feeds:\n  - {name: A, url: 'http://a/'}\n  - {name: A, url: 'http://b/'}\n", encoding="utf-8")
    with pytest.raises(FeedsConfigError, match="duplicate"):
        load_feeds(dup)


def test_the_repo_feeds_file_is_valid():
    from newsmon.settings import PROJECT_ROOT

    feeds = load_feeds(PROJECT_ROOT / "feeds.yaml")
    assert len(feeds) >= 6
    assert any(f.official for f in feeds) and any(not f.official for f in feeds)
    assert all(f.url.startswith("https://") for f in feeds)
