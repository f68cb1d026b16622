"""Scoring extraction against an annotated folder (`*.txt` + `gold.jsonl`, see
devset/GUIDELINES.md). A predicted mention matches a gold one of the same article when
event_type, target and designation are equal and its sentence contains the gold evidence;
matching is one-to-one, preferring the candidate that agrees on most other fields."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from newsmon.seeds import read_seed_dir

FIELDS = ("actor", "target", "event_date", "designation", "status", "amount_usd", "modality", "is_background")


class GoldMention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str
    event_type: Literal["designation", "sanction", "reward", "legal_action", "military_action", "diplomacy",
                        "statement"]
    actor: str | None = None
    target: str
    designation: Literal["FTO", "SDGT", "SDN", "KINGPIN"] | None = None
    status: Literal["announced", "effective", "revoked"] | None = None
    modality: Literal["asserted", "intended", "possible", "denied"] = "asserted"
    event_date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_precision: Literal["day", "month", "year"] | None = None
    amount_usd: float | None = None
    is_background: bool = False
    evidence: str
    development: str | None = None
    # filled in by load_gold
    evidence_start: int = -1


@dataclass
class GoldSet:
    directory: Path
    articles: dict[str, Any]  # file name -> newsmon Article
    mentions: list[GoldMention]

    @property
    def distractors(self) -> set[str]:
        return {name for name in self.articles if name.startswith("distractor_")}


def load_gold(directory: Path) -> GoldSet:
    articles_list, failures = read_seed_dir(directory)
    if failures:
        raise ValueError(f"unreadable articles in {directory}: {failures}")
    articles = {Path(a.url).name: a for a in articles_list}
    mentions = []
    path = directory / "gold.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            gold = GoldMention.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            raise ValueError(f"{path}:{number}: invalid gold line: {exc}") from exc
        article = articles.get(gold.article)
        if article is None:
            raise ValueError(f"{path}:{number}: no article {gold.article!r} in {directory}")
        gold.evidence_start = article.text.find(gold.evidence)
        if gold.evidence_start < 0:
            raise ValueError(f"{path}:{number}: evidence not found in {gold.article}: {gold.evidence[:60]!r}")
        mentions.append(gold)
    return GoldSet(directory, articles, mentions)


def _date_text(value: Any, precision: str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    assert isinstance(value, date)
    return {"year": f"{value:%Y}", "month": f"{value:%Y-%m}"}.get(precision or "day", value.isoformat())


def field_equal(name: str, gold: GoldMention, pred: dict) -> bool:
    if name == "event_date":
        return gold.event_date == _date_text(pred.get("event_date"), pred.get("date_precision"))
    if name == "amount_usd":
        a, b = gold.amount_usd, pred.get("amount_usd")
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 0.5)
    return getattr(gold, name) == pred.get(name)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    matched: list[tuple[GoldMention, dict]] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[GoldMention] = field(default_factory=list)
    distractor_mentions: int = 0
    distractor_articles_hit: int = 0
    distractor_articles: int = 0


def score(gold: GoldSet, predicted: list[dict]) -> Report:
    report = Report()
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in predicted:
        by_article[p["article"]].append(p)
    gold_by_article: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold.mentions:
        gold_by_article[g.article].append(g)
    for name in gold.articles:
        preds, golds = list(by_article.get(name, [])), gold_by_article.get(name, [])
        used: set[int] = set()
        for g in golds:
            options = [i for i, p in enumerate(preds) if i not in used and p["event_type"] == g.event_type
                       and p.get("target") == g.target and p.get("designation") == g.designation
                       and p["char_start"] <= g.evidence_start < p["char_end"]]
            if not options:
                report.false_negatives.append(g)
                continue
            best = max(options, key=lambda i: sum(field_equal(f, g, preds[i]) for f in FIELDS))
            used.add(best)
            report.matched.append((g, preds[best]))
        report.false_positives += [p for i, p in enumerate(preds) if i not in used]
        if name in gold.distractors:
            report.distractor_articles += 1
            report.distractor_mentions += len(preds)
            report.distractor_articles_hit += bool(preds)
    for g, p in report.matched:
        report.by_type[g.event_type].tp += 1
        for f in FIELDS:
            report.field_right[f] += field_equal(f, g, p)
    for p in report.false_positives:
        report.by_type[p["event_type"]].fp += 1
    for g in report.false_negatives:
        report.by_type[g.event_type].fn += 1
    report.overall = Counts(sum(c.tp for c in report.by_type.values()), sum(c.fp for c in report.by_type.values()),
                            sum(c.fn for c in report.by_type.values()))
    return report


LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def language_part(gold: GoldSet, predicted: list[dict], names: set[str]) -> tuple[GoldSet, list[dict]]:
    """The gold and predictions of the articles `names` only."""
    part = GoldSet(gold.directory, {n: a for n, a in gold.articles.items() if n in names},
                   [m for m in gold.mentions if m.article in names])
    return part, [p for p in predicted if p["article"] in names]


def format_languages(gold: GoldSet, predicted: list[dict], languages: dict[str, str]) -> str:
    """Precision, recall and F1 per article language (file name -> ISO code), then all of them
    (issue 11: a language's figures must be seen apart, the totals hide a weak one)."""
    lines = [f"{'language':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  articles  distractor mentions"]
    codes = sorted(set(languages.values()), key=lambda c: (c not in LANGUAGE_NAMES, c))
    for code, names in [(c, {n for n, lang in languages.items() if lang == c}) for c in codes] + \
            [("all", set(gold.articles))]:
        r = score(*language_part(gold, predicted, names))
        o = r.overall
        label = LANGUAGE_NAMES.get(code, code)
        lines.append(f"{label:<16} {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f} {o.tp:4d} {o.fp:4d} {o.fn:4d}  "
                     f"{len(names):>8}  {r.distractor_mentions} in {r.distractor_articles_hit} of "
                     f"{r.distractor_articles}")
    return "\n".join(lines)


def format_report(report: Report, verbose: bool = False) -> str:
    lines = [f"{'event_type':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name in sorted(report.by_type):
        c = report.by_type[name]
        lines.append(f"{name:<16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    o = report.overall
    lines.append(f"{'overall':<16} {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f} {o.tp:4d} {o.fp:4d} {o.fn:4d}")
    matched = len(report.matched) or 1
    lines.append("field accuracy over matched mentions: " + ", ".join(
        f"{f} {report.field_right[f] / matched:.3f}" for f in FIELDS))
    lines.append(f"distractors: {report.distractor_mentions} mentions in {report.distractor_articles_hit} of "
                 f"{report.distractor_articles} distractor articles")
    if verbose:
        for p in report.false_positives:
            lines.append(f"FP {p['article']}: {p['event_type']} {p.get('actor')} -> {p.get('target')} "
                         f"{p.get('designation') or ''} | {p['sentence'][:100]!r}")
        for g in report.false_negatives:
            lines.append(f"FN {g.article}: {g.event_type} {g.actor} -> {g.target} {g.designation or ''} | "
                         f"{g.evidence[:100]!r}")
        for g, p in report.matched:
            wrong = [f"{f}: gold {getattr(g, f)!r} got {_date_text(p.get(f), p.get('date_precision')) if f == 'event_date' else p.get(f)!r}"
                     for f in FIELDS if not field_equal(f, g, p)]
            if wrong:
                lines.append(f"FIELD {g.article}: {g.event_type} {g.target}: " + "; ".join(wrong))
    return "\n".join(lines)
