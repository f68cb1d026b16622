"""Robustness: every feed of feedparser's own test suite, served over local HTTP with the
headers its comment names, goes through fetch -> parse -> store without an unhandled
exception, and every article comes out as clean Unicode text."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone

import duckdb
import feedparser
import pytest

from conftest import SHARED
from newsmon import ingest
from newsmon.models import FeedSource

CORPUS = SHARED / "corpus" / "feedparser-tests"
_HEADER = re.compile(r"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)
_LEFTOVER_MARKUP = re.compile(r"<\s*/?\s*(script|style|p|div|span|a|img|b|i|em|strong|iframe|object|embed)\b[^>]*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at {CORPUS} "
                                "(it lives in ../shared beside the repo, not in the repo)")


def corpus_files():
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".xml", ".rdf", ".json", ".txt")
                  and p.name not in ("README.md", "LICENSE"))


def headers_of(body: bytes) -> dict[str, str]:
    head = body[:2000].decode("latin-1")
    return {k: v for k, v in _HEADER.findall(head)}


def test_every_corpus_feed_goes_through_ingestion(feed_server, settings):
    files = corpus_files()
    assert len(files) > 2000
    sources = []
    for i, path in enumerate(files):
        body = path.read_bytes()
        headers = headers_of(body)
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "application/xml")
        extra = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        route = f"/{i}/{path.relative_to(CORPUS).as_posix()}"
        sources.append(FeedSource(name=str(path.relative_to(CORPUS)),
                                  url=feed_server.add(route, body, content_type=content_type, extra_headers=extra)))

    # generous timeouts: this is about parsing, and CI machines may be busy
    fetches = ingest.fetch_feeds(sources, {}, settings.model_copy(update={
        "fetch_concurrency": 16, "fetch_timeout_s": 20.0, "fetch_deadline_s": 60.0}))
    assert len(fetches) == len(sources)
    transport_errors = [f for f in fetches if f.status == "error" and not f.error.startswith("not a feed")]
    assert transport_errors == [], transport_errors[:3]

    # Nothing is lost: every entry feedparser finds in a file is an article or a counted rejection.
    for path, fetch in zip(files, fetches):
        reference = feedparser.parse(path.read_bytes())
        if fetch.status == "ok":
            assert len(fetch.articles) + fetch.entries_rejected == len(reference.entries), path
        else:
            assert not reference.entries and not reference.get("version"), path
    articles = [a for f in fetches for a in f.articles]
    assert len(articles) > 400
    dirty = []
    for a in articles:
        for field in (a.text, a.title):
            if (_CONTROL.search(field) or _LEFTOVER_MARKUP.search(field)
                    or unicodedata.normalize("NFC", field) != field):
                dirty.append((a.source, field[:80]))
            field.encode("utf-8")  # no lone surrogates
    assert dirty == [], dirty[:5]

    summary = ingest.store_run(settings.db_path, ingest.SeedBatch(), fetches, sources,
                               datetime.now(timezone.utc))
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        feeds = con.execute("SELECT count(*) FROM feeds").fetchone()[0]
    assert stored == summary.new > 0 and feeds == len(sources)
