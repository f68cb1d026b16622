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
