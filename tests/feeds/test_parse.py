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


@pytest.mark.parametrize("body", [b"/dev/zero", b"/etc/hostname", b"file:///etc/passwd", b"http://169.254.169.254/"])
def test_issue8_a_body_naming_a_path_or_url_is_never_opened(body, tmp_path):
    secret = tmp_path / "local.xml"
    secret.write_text(rss([{"title": "LOCAL FILE CONTENT", "link": "http://x/1"}]), encoding="utf-8")
    for candidate in (body, str(secret).encode()):
        with pytest.raises(NotAFeedError, match="not a feed"):
            parse_feed(candidate, SOURCE)


def test_issue8_plain_guids_are_not_links_and_relative_links_resolve_against_the_feed():
    body = rss([{"title": "Plain", "guid": "12345", "description": "x"},
                {"title": "Relative", "link": "/story/1", "description": "y"},
                {"title": "Permalink", "guid": "https://news.example/p/1", "description": "z"}])
    plain, relative, permalink = parse_feed(body.encode(), SOURCE)[0]
    assert (plain.url, plain.guid) == ("http://127.0.0.1/feed.xml#12345", "12345")
    assert relative.url == "http://127.0.0.1/story/1"
    assert permalink.url == "https://news.example/p/1"
    # after a redirect, links are relative to where the body came from
    (moved,), _ = parse_feed(rss([{"title": "R", "link": "a/2"}]).encode(), SOURCE,
                             base_url="http://127.0.0.1/news/feed.xml")
    assert moved.url == "http://127.0.0.1/news/a/2"


def test_issue8_escaped_markup_stays_literal_text_and_real_tags_are_stripped():
    body = rss([{"title": "Escaped",
                 # the description is HTML: a tag escaped in it is text a reader sees
                 "description": "<p>Shown: &lt;img src=x onerror=alert(1)&gt; and &amp;lt;b&amp;gt;</p>"
                                "<img src=x onerror=alert(2)><script>alert(3)</script>"}])
    (a,), _ = parse_feed(body.encode(), SOURCE)
    assert a.text == "Escaped\n\nShown: <img src=x onerror=alert(1)> and &lt;b&gt;"
    assert "alert(2)" not in a.text and "alert(3)" not in a.text


def billion_laughs(levels: int = 5, uses: int = 20) -> bytes:
    """~600 bytes whose nested internal entities expand to 100 * 10**levels * uses characters."""
    decls = '<!ENTITY a0 "' + "x" * 100 + '">' + "".join(
        f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, levels + 1))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{decls}]><rss version="2.0"><channel><title>t</title>'
            f'<item><title>Bomb</title><description>{f"&a{levels};" * uses}</description></item>'
            '<item><title>Fine</title><link>http://x/ok</link></item></channel></rss>').encode()


def test_issue8_entity_expansion_is_capped_before_parsing():
    import tracemalloc

    from newsmon.feeds.parse import entity_expansion_chars

    bomb = billion_laughs()
    assert entity_expansion_chars(bomb) == 200_000_000
    tracemalloc.start()
    try:
        with pytest.raises(NotAFeedError, match="expand to 200,000,000 characters, over the cap of 10,000,000"):
            parse_feed(bomb, SOURCE, max_bytes=10_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, peak
    # a flat entity used many times: within the cap it parses; the entry-text cap still applies
    flat = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY w "' + "word " * 1000 + '">]><rss version="2.0">'
            '<channel><title>t</title><item><title>Big</title><description>' + "&w;" * 400 +
            '</description></item><item><title>Small</title><link>http://x/s</link></item></channel></rss>').encode()
    assert entity_expansion_chars(flat) == 2_000_000
    articles, rejected = parse_feed(flat, SOURCE, max_bytes=10_000_000, max_entry_chars=100_000)
    assert [a.title for a in articles] == ["Small"]
    assert len(rejected) == 1 and rejected[0].startswith("entry 0: entry of 2,000,0")
    assert rejected[0].endswith("characters exceeds the cap of 100,000")
