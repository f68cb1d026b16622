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
        text += "\n" + cross_language(gold.mentions, report.matched, languages, articles, predicted)
    return text


def cross_language(gold_mentions: list, matched: list, languages: dict[str, str], articles: list[dict],
                   predicted: list[dict]) -> str:
    """Issue 11: the gold developments reported in more than one language; of them, those with an
    extracted mention in each of their languages; of those, the ones resolved to one event."""
    from newsmon.cluster_eval import resolve_in_scratch_store

    reported: dict[str, set[str]] = {}
    for gold in gold_mentions:
        if gold.development:
            reported.setdefault(gold.development, set()).add(languages[gold.article])
    multilingual = {d for d, langs in reported.items() if len(langs) > 1}
    assignment, _ = resolve_in_scratch_store(articles, predicted)
    events: dict[str, dict[str, set[str]]] = {}  # development -> language -> event ids
    for gold, pred in matched:
        if gold.development in multilingual:
            events.setdefault(gold.development, {}).setdefault(languages[gold.article], set()).add(
                assignment[pred["mention_id"]])
    covered = [d for d in multilingual if set(events.get(d, {})) == reported[d]]
    one_event = [d for d in covered if len(set().union(*events[d].values())) == 1]
    # an event holding mentions of every language of the development (its other mentions may
    # have been split off: the resolver's doing, in one language as much as across them)
    shared = [d for d in covered if set.intersection(*events[d].values())]
    return (f"developments reported in more than one language: {len(multilingual)}; extracted in each of "
            f"their languages: {len(covered)}; resolved to one event: {len(one_event)}; "
            f"with an event shared across their languages: {len(shared)}")
