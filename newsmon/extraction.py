"""The extraction stage of a monitor run: every stored article not yet extracted with the
current extractor version goes through the spaCy pipeline, in batches (`nlp.pipe`)."""

from __future__ import annotations

import functools
import logging
import time
from pathlib import Path

from pydantic import BaseModel

from newsmon.models import utcnow
from newsmon.store.db import open_store
from newsmon.store.mentions import pending_articles, write_extraction

log = logging.getLogger(__name__)


class ExtractionSummary(BaseModel):
    extractor_version: str
    articles: int = 0
    mentions: int = 0
    seconds: float = 0.0


def pipeline(model: str | None = None):
    """The extraction pipeline, loaded once per process and data version (about a second)."""
    from extractors import extractor_version

    return _pipeline(model, extractor_version())


@functools.cache
def _pipeline(model: str | None, version: str):
    from extractors import load_pipeline

    return load_pipeline(model)


def extract_pending(db_path: Path, lock_wait_s: float = 0.0, batch_articles: int = 256,
                    model: str | None = None, reextract: bool = False) -> ExtractionSummary:
    """Extract mentions from every article never extracted (with `reextract`: every article
    not extracted with the current extractor version)."""
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        return extract_with(con, batch_articles, model, reextract)


def extract_with(con, batch_articles: int = 256, model: str | None = None,
                 reextract: bool = False) -> ExtractionSummary:
    from extractors import ArticleText, extract_mentions, extractor_version

    version = extractor_version()
    started = time.perf_counter()
    summary = ExtractionSummary(extractor_version=version)
    while rows := pending_articles(con, version, batch_articles, reextract):
        nlp = pipeline(model)
        articles = [ArticleText(article_id=a, text=t, published_at=d) for a, t, d in rows]
        mentions = extract_mentions(nlp, articles)
        summary.mentions += write_extraction(con, [a for a, _, _ in rows], mentions, version, utcnow())
        summary.articles += len(rows)
    summary.seconds = round(time.perf_counter() - started, 3)
    log.info("extracted %d mentions from %d articles in %.2fs", summary.mentions, summary.articles, summary.seconds)
    return summary


def pending_chunks(db_path: Path, chunk_articles: int, lock_wait_s: float = 0.0,
                   limit: int = 100_000) -> list[list]:
    """The articles never extracted, in chunks of `chunk_articles` (ArticleText lists), for
    extraction tasks that may run elsewhere (a Dask cluster)."""
    from extractors import ArticleText, extractor_version

    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        rows = pending_articles(con, extractor_version(), limit)
    articles = [ArticleText(article_id=a, text=t, published_at=d) for a, t, d in rows]
    return [articles[i:i + chunk_articles] for i in range(0, len(articles), chunk_articles)]


def extract_chunk(articles: list, model: str | None = None) -> list:
    """Pure compute: the mentions of a chunk of articles (no store access: runs on any worker,
    which loads the pipeline once per process)."""
    from extractors import extract_mentions

    return extract_mentions(pipeline(model), articles)


def write_chunks(db_path: Path, chunks: list[list], results: list[list], lock_wait_s: float = 0.0,
                 seconds: float = 0.0) -> ExtractionSummary:
    """Write every chunk's mentions (one transaction per chunk), in the flow's own process: the
    store has one writer."""
    from extractors import extractor_version

    version = extractor_version()
    summary = ExtractionSummary(extractor_version=version)
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        for chunk, mentions in zip(chunks, results):
            summary.mentions += write_extraction(con, [a.article_id for a in chunk], mentions, version, utcnow())
            summary.articles += len(chunk)
    summary.seconds = round(seconds, 3)
    return summary
