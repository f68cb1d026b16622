"""The extraction stage of a monitor run: every stored article not yet extracted with the
current extractor version goes through the spaCy pipeline, in batches (`nlp.pipe`)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pydantic import BaseModel

from newsmon.models import utcnow
from newsmon.store.articles import fill_languages
from newsmon.store.db import open_store
from newsmon.store.mentions import pending_articles, write_extraction

log = logging.getLogger(__name__)


class ExtractionSummary(BaseModel):
    extractor_version: str
    articles: int = 0
    mentions: int = 0
    failed: int = 0             # articles marked failed (reason in article_extractions.error)
    seconds: float = 0.0


class ChunkResult(BaseModel):
    """What extracting one chunk gives: its mentions, and the articles that failed (id -> reason)."""
    mentions: list = []
    failures: dict[str, str] = {}


def _texts(rows, max_chars: int) -> list:
    from extractors import ArticleText, cap_text

    return [ArticleText(article_id=a, text=cap_text(t, max_chars), published_at=d, language=lang)
            for a, t, d, lang in rows]


def pipeline(model: str | None = None, language: str = "en"):
    """The extraction pipeline of a language, loaded once per process and extractor version
    (the extractor's own cache: one copy per process, whoever asks)."""
    from extractors.pipeline import pipeline_for

    return pipeline_for(language, model)


def pipelines(model: str | None = None):
    """language -> its pipeline, loaded when first needed (`model` names the English one)."""
    return lambda language: pipeline(model if language == "en" else None, language)


def extract_pending(db_path: Path, lock_wait_s: float = 0.0, batch_articles: int = 256,
                    model: str | None = None, reextract: bool = False,
                    max_chars: int | None = None) -> ExtractionSummary:
    """Extract mentions from every article never extracted (with `reextract`: every article
    not extracted with the current extractor version)."""
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        return extract_with(con, batch_articles, model, reextract, max_chars)


def extract_with(con, batch_articles: int = 256, model: str | None = None,
                 reextract: bool = False, max_chars: int | None = None) -> ExtractionSummary:
    from extractors import MAX_CHARS, extract_articles, extractor_version

    version = extractor_version()
    started = time.perf_counter()
    summary = ExtractionSummary(extractor_version=version)
    fill_languages(con)
    while rows := pending_articles(con, version, batch_articles, reextract):
        mentions, failures = extract_articles(pipelines(model), _texts(rows, max_chars or MAX_CHARS))
        summary.mentions += write_extraction(con, [a for a, _, _, _ in rows], mentions, version, utcnow(), failures)
        summary.articles += len(rows)
        summary.failed += len(failures)
    summary.seconds = round(time.perf_counter() - started, 3)
    log.info("extracted %d mentions from %d articles in %.2fs", summary.mentions, summary.articles, summary.seconds)
    return summary


def pending_chunks(db_path: Path, chunk_articles: int, lock_wait_s: float = 0.0,
                   limit: int = 100_000, max_chars: int | None = None) -> list[list]:
    """The articles never extracted, in chunks of `chunk_articles` (ArticleText lists, texts
    capped), for extraction tasks that may run elsewhere (a Dask cluster)."""
    from extractors import MAX_CHARS, extractor_version

    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        fill_languages(con)
        rows = pending_articles(con, extractor_version(), limit)
    articles = _texts(rows, max_chars or MAX_CHARS)
    return [articles[i:i + chunk_articles] for i in range(0, len(articles), chunk_articles)]


def extract_chunk(articles: list, model: str | None = None, max_chars: int | None = None) -> ChunkResult:
    """Pure compute: the mentions of a chunk of articles and its failed articles (no store
    access: runs on any worker, which loads the pipeline once per process)."""
    from extractors import MAX_CHARS, extract_articles

    mentions, failures = extract_articles(pipelines(model), articles, max_chars=max_chars or MAX_CHARS)
    return ChunkResult(mentions=mentions, failures=failures)


def write_chunks(db_path: Path, chunks: list[list], results: list[ChunkResult], lock_wait_s: float = 0.0,
                 seconds: float = 0.0) -> ExtractionSummary:
    """Write every chunk's mentions (one transaction per chunk), in the flow's own process: the
    store has one writer."""
    from extractors import extractor_version

    version = extractor_version()
    summary = ExtractionSummary(extractor_version=version)
    with open_store(db_path, lock_wait_s=lock_wait_s) as con:
        for chunk, result in zip(chunks, results):
            summary.mentions += write_extraction(con, [a.article_id for a in chunk], result.mentions, version,
                                                 utcnow(), result.failures)
            summary.articles += len(chunk)
            summary.failed += len(result.failures)
    summary.seconds = round(seconds, 3)
    return summary
