"""Bars on the development set.

The dev set has three parts: the first 43 short articles (001-192, issue 3); since issue 10, 54
feed-like articles (300-353: 240-500 words, several developments, background, quotes, official
notices) written by people who had not seen the extractor; since issue 11, 24 Spanish articles
(400-423, scored by tests/extractors/test_issue11_spanish.py). The short part keeps issue 3's bar; the
feed-like part holds the floor measured when it last grew, so that a change that loses ground on
realistic text fails here. No distractor may yield a mention."""

from dataclasses import replace

import pytest

from conftest import PROJECT_ROOT
from extractors.evaluate import GoldSet, load_gold, score
from newsmon.evaluation import predict_dir

DEVSET = PROJECT_ROOT / "devset"


def _part(gold: GoldSet, feedlike: bool) -> GoldSet:
    """The short English part (001-199) or the feed-like English part (300-399); the Spanish
    articles (400-) are scored by their own test."""
    first = "3" if feedlike else "0"
    keep = {name for name in gold.articles if name[:1] in (first, "1" if not feedlike else "3")}
    return replace(gold, articles={n: a for n, a in gold.articles.items() if n in keep},
                   mentions=[m for m in gold.mentions if m.article in keep])


@pytest.fixture(scope="module")
def devset(nlp):
    gold = load_gold(DEVSET)
    return gold, predict_dir(DEVSET)


def test_devset_meets_the_bar(devset):
    gold, predicted = devset
    assert len([a for a in gold.articles if not a.startswith("distractor_")]) >= 70
    assert score(gold, predicted).distractor_mentions == 0
    short = score(_part(gold, feedlike=False), predicted)
    assert short.overall.f1 >= 0.85, short.overall
    assert short.by_type["designation"].f1 >= 0.90


def test_issue10_feedlike_devset_holds_its_floor(devset):
    gold, predicted = devset
    feedlike = score(_part(gold, feedlike=True), predicted)
    # measured 0.43 on 300-329 at the end of issue 10's first session; 0.556 on 300-353 at the end
    # of its second (0.567 on 300-329)
    assert feedlike.overall.f1 >= 0.53, feedlike.overall
    matched = len(feedlike.matched)
    assert feedlike.field_right["event_date"] / matched >= 0.75


def test_devset_resolution_meets_the_bar(devset):
    """Issue 4 on the short part: every gold development stored once (pairwise clustering
    precision and recall >= 0.95); alerts within 10% of gold developments reported as news
    plus gold state changes (issue 10's bar)."""
    from newsmon.cluster_eval import score_clusters

    gold, predicted = devset
    short = _part(gold, feedlike=False)
    report = score(short, predicted)
    articles = [{"article_id": name, "published_at": a.published_at} for name, a in short.articles.items()]
    in_short = [p for p in predicted if p["article"] in short.articles]
    clusters = score_clusters([(g.model_dump(), p) for g, p in report.matched], articles, in_short,
                              [g.model_dump() for g in short.mentions])
    assert clusters.pairs_precision >= 0.95 and clusters.pairs_recall >= 0.95, clusters
    assert abs(clusters.alerts - clusters.expected_alerts) <= 0.1 * clusters.expected_alerts, clusters
