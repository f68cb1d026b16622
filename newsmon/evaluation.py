"""`newsmon eval DIR`: run extraction over an annotated folder and score it against its gold."""

from __future__ import annotations

import time
from pathlib import Path

from newsmon.extraction import pipelines
from newsmon.seeds import read_seed_dir


def predict_dir(directory: Path, model: str | None = None) -> list[dict]:
    """Extracted mentions of every article of the folder, keyed by file name (`article`). Each
    article goes to the pipeline of its language, told from its text as at ingestion."""
    from extractors import ArticleText, extract_mentions
    from newsmon.language import detect_language

    articles, failures = read_seed_dir(directory)
    if failures:
        raise ValueError(f"unreadable articles in {directory}: {failures}")
    texts = [ArticleText(article_id=Path(a.url).name, text=a.text, published_at=a.published_date,
                         language=detect_language(a.text)) for a in articles]
    mentions = extract_mentions(pipelines(model), texts)
    return [m.model_dump() | {"article": m.article_id} for m in mentions]


def evaluate_dir(directory: Path, verbose: bool = False, model: str | None = None) -> str:
    from extractors import extractor_version
    from extractors.evaluate import format_languages, format_report, load_gold, score
    from newsmon.language import detect_language

    if not (directory / "gold.jsonl").is_file():
        raise FileNotFoundError(f"{directory / 'gold.jsonl'} not found: an evaluation folder holds *.txt and gold.jsonl")
    gold = load_gold(directory)
    started = time.perf_counter()
    predicted = predict_dir(directory, model)
    seconds = time.perf_counter() - started
    report = score(gold, predicted)
    header = f"extractor {extractor_version()} on {directory} ({seconds:.1f}s)"
    text = header + "\n" + format_report(report, verbose=verbose)
    languages = {name: detect_language(a.text) for name, a in gold.articles.items()}
    text += "\nper language:\n" + format_languages(gold, predicted, languages)
    if any(g.development for g in gold.mentions):
        from newsmon.cluster_eval import score_clusters

        articles = [{"article_id": name, "published_at": a.published_at} for name, a in gold.articles.items()]
        clusters = score_clusters([(g.model_dump(), p) for g, p in report.matched], articles, predicted,
                                  [g.model_dump() for g in gold.mentions])
        text += "\nevent resolution (extracted mentions resolved in a scratch store):\n" + clusters.format()
    return text
