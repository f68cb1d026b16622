"""Scoring event resolution against gold developments (issue 4's `newsmon eval` figures).

Gold mentions carry a `development` label (the same label = the same development). The
extracted mentions of an evaluation folder are resolved into events in a scratch in-memory
store; each predicted mention matched to a gold mention inherits its gold label. Then:

- pairwise clustering precision: of the pairs of matched mentions put in one event, the share
  that are one gold development; recall: of the pairs that are one gold development, the share
  put in one event;
- alerts: the alerts the pipeline raised against gold developments reported as news plus gold
  state changes (a development whose designation status moved).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import combinations

import duckdb

from newsmon.events.resolve import resolve_pending
from newsmon.models import stable_id
from newsmon.store.db import apply_migrations


@dataclass
class ClusterScore:
    pairs_precision: float
    pairs_recall: float
    predicted_pairs: int
    gold_pairs: int
    events: int
    gold_developments: int
    alerts: int
    expected_alerts: int

    def format(self) -> str:
        return (f"clustering: pairwise precision {self.pairs_precision:.3f} recall {self.pairs_recall:.3f} "
                f"({self.predicted_pairs} predicted pairs, {self.gold_pairs} gold pairs); "
                f"{self.events} events for {self.gold_developments} gold developments\n"
                f"alerts: {self.alerts} raised, {self.expected_alerts} expected "
                f"(gold developments reported as news + gold state changes)")


def resolve_in_scratch_store(articles: list[dict], mentions: list[dict]) -> tuple[dict[str, str], list[str]]:
    """Resolve mentions in a throwaway in-memory store; returns mention_id -> event_id and the
    alert rows. `articles`: {article_id, published_at}; `mentions`: event_mentions-like dicts."""
    con = duckdb.connect(":memory:")
    apply_migrations(con)
    fetched = datetime(2026, 1, 1, tzinfo=timezone.utc)
    con.execute("INSERT INTO articles BY NAME SELECT unnest($rows, recursive := true)", {"rows": [
        {"article_id": a["article_id"], "source": "eval", "url": f"file:///{a['article_id']}", "guid": None,
         "title": a["article_id"], "published_at": a["published_at"], "fetched_at": fetched,
         "content_hash": a["article_id"], "text": "."} for a in articles]})
    rows = [{**{k: m.get(k) for k in _MENTION_FIELDS}, "extracted_at": fetched} for m in mentions]
    if rows:
        con.execute("INSERT INTO event_mentions BY NAME SELECT unnest($rows, recursive := true)", {"rows": rows})
    resolve_pending(con, ["console"])
    assignment = dict(con.execute("SELECT mention_id, event_id FROM event_mentions").fetchall())
    alerts = con.execute("SELECT alert_key FROM alerts").fetchall()
    con.close()
    return assignment, [a[0] for a in alerts]


def pairwise(labels_true: list[str], labels_pred: list[str]) -> tuple[float, float, int, int]:
    same_true = {(i, j) for i, j in combinations(range(len(labels_true)), 2) if labels_true[i] == labels_true[j]}
    same_pred = {(i, j) for i, j in combinations(range(len(labels_pred)), 2) if labels_pred[i] == labels_pred[j]}
    both = len(same_true & same_pred)
    precision = both / len(same_pred) if same_pred else 1.0
    recall = both / len(same_true) if same_true else 1.0
    return precision, recall, len(same_pred), len(same_true)


def score_clusters(matched: list[tuple[dict, dict]], articles: list[dict], all_predicted: list[dict],
                   gold_mentions: list[dict]) -> ClusterScore:
    """`matched`: (gold mention with `development`, predicted mention) pairs from the extraction
    scorer; `all_predicted`: every predicted mention (all are resolved, as in production)."""
    for m in all_predicted:
        m.setdefault("mention_id", stable_id("eval", m["article_id"], m["char_start"], m["event_type"], m["target"]))
    assignment, alerts = resolve_in_scratch_store(articles, all_predicted)
    labelled = [(g["development"], assignment[p["mention_id"]]) for g, p in matched if g.get("development")]
    precision, recall, n_pred, n_true = pairwise([t for t, _ in labelled], [p for _, p in labelled])
    news = {g["development"] for g in gold_mentions if g.get("development") and not g.get("is_background")}
    changes = _gold_state_changes(gold_mentions, articles)
    return ClusterScore(precision, recall, n_pred, n_true, len(set(assignment.values())),
                        len({g["development"] for g in gold_mentions if g.get("development")}),
                        len(alerts), len(news) + changes)


def _gold_state_changes(gold_mentions: list[dict], articles: list[dict]) -> int:
    """Designation developments whose status moves forward in publication order, counted once
    per new status (reported as news)."""
    order = ["announced", "effective", "revoked"]
    published = {a["article_id"]: a["published_at"] or datetime.max.replace(tzinfo=timezone.utc) for a in articles}
    changes = 0
    by_dev: dict[str, list[dict]] = {}
    for g in gold_mentions:
        if g.get("development") and g.get("status") in order:
            by_dev.setdefault(g["development"], []).append(g)
    for mentions in by_dev.values():
        mentions.sort(key=lambda g: published.get(g["article"]) or datetime.max.replace(tzinfo=timezone.utc))
        current = None
        for g in mentions:
            if current is None:
                current = g["status"]
            elif order.index(g["status"]) > order.index(current):
                current = g["status"]
                changes += 0 if g.get("is_background") else 1
    return changes


_MENTION_FIELDS = ("mention_id", "article_id", "event_type", "actor", "target", "designation", "status", "modality",
                   "event_date", "date_precision", "amount_usd", "is_background", "sentence", "char_start", "char_end",
                   "extractor_version", "actor_text", "target_text")
