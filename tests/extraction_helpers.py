"""The mentions the real pipeline finds in a sentence or two written for a test."""

from datetime import date

from extractors import ArticleText, extract_mentions
from extractors.models import Mention


def mentions_of(nlp, text: str, published: date | None = date(2025, 11, 20), language: str = "en") -> list[Mention]:
    article = ArticleText(article_id="t", text=text, published_at=published, language=language)
    return extract_mentions(nlp, [article])
