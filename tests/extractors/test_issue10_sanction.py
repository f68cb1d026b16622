"""Issue 10, sanction session: economic and immigration measures the rules missed on the
feed-like dev articles, on the real models (sentences written for these tests, not taken from any
evaluation set)."""

from datetime import date

import pytest

from extractors import ArticleText, extract_mentions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def es_nlp():
    from extractors import load_pipeline

    return load_pipeline(language="es")


def found(nlp, text, published=date(2025, 11, 20), language="en"):
    article = ArticleText(article_id="t", text=text, published_at=published, language=language)
    return {(m.event_type, m.target) for m in extract_mentions(nlp, [article])}


def test_issue10_a_secondary_tariff_is_aimed_at_the_country_whose_buyers_it_taxes(nlp):
    text = ("The president signed a decree that lets the government impose a 15% tariff on all goods from any "
            "country that purchases Venezuelan crude.")
    assert ("sanction", "Venezuela") in found(nlp, text)
