"""Issue 3's bar on the development set: F1 >= 0.85 overall, >= 0.90 for designations (type,
target and designation right, same sentence), and no mention on any distractor."""

from conftest import PROJECT_ROOT
from extractors.evaluate import load_gold, score
from newsmon.evaluation import predict_dir


def test_devset_meets_the_bar(nlp):
    devset = PROJECT_ROOT / "devset"
    gold = load_gold(devset)
    assert len([a for a in gold.articles if not a.startswith("distractor_")]) >= 40
    report = score(gold, predict_dir(devset))
    assert report.distractor_mentions == 0
    assert report.overall.f1 >= 0.85, report.overall
    assert report.by_type["designation"].f1 >= 0.90


def test_devset_resolution_meets_the_bar(nlp):
    """Issue 4: every gold development stored exactly once (pairwise clustering precision and
    recall >= 0.95) and alerts = gold developments reported as news + gold state changes."""
    from newsmon.cluster_eval import score_clusters

    devset = PROJECT_ROOT / "devset"
    gold = load_gold(devset)
    predicted = predict_dir(devset)
    report = score(gold, predicted)
    articles = [{"article_id": name, "published_at": a.published_at} for name, a in gold.articles.items()]
    clusters = score_clusters([(g.model_dump(), p) for g, p in report.matched], articles, predicted,
                              [g.model_dump() for g in gold.mentions])
    assert clusters.pairs_precision >= 0.95 and clusters.pairs_recall >= 0.95, clusters
    assert clusters.alerts == clusters.expected_alerts
