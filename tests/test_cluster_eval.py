from datetime import date, datetime, timezone

from newsmon.cluster_eval import pairwise, score_clusters


def test_pairwise_precision_recall():
    assert pairwise(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1, 1)
    p, r, n_pred, n_true = pairwise(["a", "a", "b"], ["x", "x", "x"])
    assert (p, r, n_pred, n_true) == (1 / 3, 1.0, 3, 1)


def mention(article, target, designation, status, day, dev, i):
    g = {"article": article, "development": dev, "status": status, "is_background": False}
    p = {"article_id": article, "event_type": "designation", "actor": "State Department", "target": target,
         "designation": designation, "status": status, "modality": "asserted", "event_date": day,
         "date_precision": "day", "amount_usd": None, "is_background": False, "sentence": "s", "char_start": i,
         "char_end": i + 1, "extractor_version": "t", "actor_text": None, "target_text": None}
    return g, p


def test_score_clusters_counts_state_changes_as_expected_alerts():
    pairs = [mention("a1", "Cartel de los Soles", "FTO", "announced", date(2025, 11, 24), "fto", 0),
             mention("a2", "Cartel de los Soles", "FTO", "effective", date(2025, 11, 24), "fto", 0),
             mention("a2", "Tren de Aragua", "FTO", "effective", date(2025, 2, 20), "tda", 5)]
    articles = [{"article_id": "a1", "published_at": datetime(2025, 11, 17, tzinfo=timezone.utc)},
                {"article_id": "a2", "published_at": datetime(2025, 11, 24, tzinfo=timezone.utc)}]
    score = score_clusters(pairs, articles, [p for _, p in pairs], [g for g, _ in pairs])
    assert (score.pairs_precision, score.pairs_recall, score.events, score.gold_developments) == (1.0, 1.0, 2, 2)
    assert (score.alerts, score.expected_alerts) == (3, 3)  # two new + one announced->effective
