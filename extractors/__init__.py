"""Extraction of Venezuela-policy events and designations with spaCy.

    nlp = load_pipeline()
    mentions = extract_mentions(nlp, [ArticleText(article_id=..., text=..., published_at=...)])

Domain knowledge lives in data/ (gazetteer, triggers, designations, relevance terms); the
components are registered spaCy factories (newsmon_gazetteer, newsmon_events).
"""

from extractors.models import ArticleText, Mention
from extractors.pipeline import (EXTRACTOR_VERSION, MAX_CHARS, cap_text, extract_articles, extract_mentions,
                                 extractor_version, load_pipeline, model_name)

__all__ = ["ArticleText", "EXTRACTOR_VERSION", "MAX_CHARS", "Mention", "cap_text", "extract_articles", "extract_mentions", "extractor_version", "load_pipeline",
           "model_name"]
