"""Extraction speed, measured in one run on the same texts:

1. The Venezuela articles (devset + seeds): the extraction stage (`extract_mentions`: gate, the
   model with our components, rules) against bare `nlp.pipe` of the same spaCy model.
2. A realistic stream: BBC News articles of 2004-2005 (../shared/corpus/bbc-news-2005, read in
   place, never copied) with the Venezuela articles mixed in at about 3%: the stage with its
   relevance gate against running the model on everything, and a check that the gate drops no
   relevant article.

    python benchmarks/extraction.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from extractors import ArticleText, extract_mentions, load_pipeline, model_name  # noqa: E402
from extractors.relevance import passes_gate  # noqa: E402
from newsmon.seeds import read_seed_dir  # noqa: E402

BBC = ROOT.parent / "shared" / "corpus" / "bbc-news-2005"


def venezuela_articles() -> list[ArticleText]:
    texts = []
    for folder in (ROOT / "devset", ROOT / "seeds"):
        articles, _ = read_seed_dir(folder)
        texts += [ArticleText(article_id=Path(a.url).name, text=a.text, published_at=a.published_date)
                  for a in articles if not Path(a.url).name.startswith("distractor_")]
    return texts


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def rate(label: str, seconds: float, articles: int, words: int) -> str:
    return (f"{label:<44} {seconds:8.3f}s  {articles / seconds:9.1f} articles/s  {words / seconds:11.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    parser.add_argument("--share", type=float, default=0.03, help="share of Venezuela articles in the stream")
    args = parser.parse_args()

    nlp = load_pipeline()
    bare = spacy.load(model_name())
    print(f"model {model_name()} {spacy.__version__}; pipeline {nlp.pipe_names}")

    vz = venezuela_articles()
    vz_words = sum(len(a.text.split()) for a in vz)
    bare_pipe = lambda texts: sum(1 for _ in bare.pipe(texts, batch_size=64))  # noqa: E731
    t_bare, _ = best_of(args.repeat, lambda: bare_pipe([a.text for a in vz]))
    t_stage, mentions = best_of(args.repeat, lambda: extract_mentions(nlp, vz))
    print(f"\n1. Venezuela articles: {len(vz)} articles, {vz_words} words, {len(mentions)} mentions")
    print(rate("bare nlp.pipe (same model)", t_bare, len(vz), vz_words))
    print(rate("extraction stage (gate + components + rules)", t_stage, len(vz), vz_words))
    print(f"   stage / bare: {t_stage / t_bare:.2f}x the time")

    if not BBC.is_dir():
        print(f"\n2. skipped: the BBC corpus is not at {BBC} (it lives in ../shared beside the repo)")
        return
    bbc = [ArticleText(article_id=str(p.relative_to(BBC)), text=p.read_text(encoding="utf-8", errors="replace"))
           for p in sorted(BBC.glob("*/*.txt"))]
    n_bbc = min(len(bbc), round(len(vz) * (1 - args.share) / args.share))
    stream = random.Random(7).sample(bbc, n_bbc) + vz
    random.Random(8).shuffle(stream)
    words = sum(len(a.text.split()) for a in stream)
    print(f"\n2. Realistic stream: {len(stream)} articles ({len(vz)} Venezuela = {len(vz) / len(stream):.1%}), {words} words")
    kept = {a.article_id for a in stream if passes_gate(a.text)}
    lost = [a.article_id for a in vz if a.article_id not in kept]
    print(f"   gate keeps {len(kept)} of {len(stream)} articles; relevant articles dropped: {len(lost)} {lost}")
    t_all, _ = best_of(1, lambda: sum(1 for _ in nlp.pipe((a.text for a in stream), batch_size=64)))
    t_bare_all, _ = best_of(1, lambda: bare_pipe([a.text for a in stream]))
    t_gated, stream_mentions = best_of(args.repeat, lambda: extract_mentions(nlp, stream))
    print(rate("bare nlp.pipe on everything", t_bare_all, len(stream), words))
    print(rate("our pipeline on everything (no gate)", t_all, len(stream), words))
    print(rate("extraction stage with the gate", t_gated, len(stream), words))
    print(f"   gate speed-up: {t_all / t_gated:.1f}x against the pipeline on everything, "
          f"{t_bare_all / t_gated:.1f}x against bare nlp.pipe on everything; {len(stream_mentions)} mentions")


if __name__ == "__main__":
    main()
