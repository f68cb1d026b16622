"""Resolution at scale: resolve a batch of 1,000 new mentions against a store of 1,000 events,
then of 1,000,000 events (each with one mention and one article), and compare.

Candidate lookup is an index lookup on events.block_key, so the time should not grow with the
store. Each size runs in a fresh subprocess so its peak memory (ru_maxrss) is its own.

    python benchmarks/resolution.py            # 1,000 vs 1,000,000
    python benchmarks/resolution.py --sizes 1000 100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEP = "\x1f"


def fill_store(con, n_events: int) -> None:
    """n synthetic sanction events, each with one article and one mention, in bulk SQL."""
    con.execute(f"""
        INSERT INTO articles
        SELECT 'art' || i, 'feed' || (i % 50), 'http://news.example/' || i, NULL, 'title ' || i,
               TIMESTAMPTZ '2025-01-01' + to_days(CAST(i % 300 AS INTEGER)), TIMESTAMPTZ '2025-11-01',
               'art' || i, 'text ' || i
        FROM range({n_events}) t(i)""")
    con.execute(f"""
        INSERT INTO events
        SELECT 'ev' || i, 'sanction', 'Treasury', 'Target ' || i, NULL, NULL, 'asserted',
               DATE '2025-01-01' + CAST(i % 300 AS INTEGER), 'day', NULL,
               TIMESTAMPTZ '2025-11-01', TIMESTAMPTZ '2025-11-01', 1, 1, false, false,
               'Sanction on Target ' || i, 'event_type=sanction' || chr(31) || 'target=Target ' || i
        FROM range({n_events}) t(i)""")
    con.execute(f"""
        INSERT INTO event_mentions (mention_id, article_id, event_type, actor, target, designation, status, modality,
            event_date, date_precision, amount_usd, is_background, sentence, char_start, char_end, extractor_version,
            actor_text, target_text, extracted_at, event_id, merge_reason)
        SELECT 'm' || i, 'art' || i, 'sanction', 'Treasury', 'Target ' || i, NULL, NULL, 'asserted',
               DATE '2025-01-01' + CAST(i % 300 AS INTEGER), 'day', NULL, false, 'sentence ' || i, 0, 10, 'bench',
               'Treasury', 'Target ' || i, TIMESTAMPTZ '2025-11-01', 'ev' || i, 'bench'
        FROM range({n_events}) t(i)""")


def add_new_mentions(con, n_events: int, n_mentions: int, seed: int = 7) -> None:
    """Half re-report existing events (same target and date), half are new developments."""
    rng = random.Random(seed)
    fetched = datetime(2025, 11, 25, tzinfo=timezone.utc)
    articles, mentions = [], []
    for j in range(n_mentions):
        if j % 2 == 0:
            i = rng.randrange(n_events)
            target, day = f"Target {i}", date(2025, 1, 1) + timedelta(days=i % 300)
        else:
            target, day = f"New target {j}", date(2025, 11, 20)
        articles.append([f"new{j}", "feed-new", f"http://new.example/{j}", None, f"t{j}", fetched, fetched,
                         f"new{j}", f"text {j}"])
        mentions.append([f"nm{j}", f"new{j}", "sanction", "Treasury", target, None, None, "asserted", day, "day",
                         None, False, f"sentence {j}", 0, 10, "bench", "Treasury", target, fetched])
    con.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)", articles)
    con.executemany("INSERT INTO event_mentions (mention_id, article_id, event_type, actor, target, designation,"
                    " status, modality, event_date, date_precision, amount_usd, is_background, sentence, char_start,"
                    " char_end, extractor_version, actor_text, target_text, extracted_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", mentions)


def run_one(n_events: int, n_mentions: int) -> dict:
    from newsmon.events.resolve import resolve_pending
    from newsmon.store.db import open_store

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.duckdb") as con:
        t0 = time.perf_counter()
        fill_store(con, n_events)
        fill_s = time.perf_counter() - t0
        add_new_mentions(con, n_events, n_mentions)
        con.execute("CHECKPOINT")
        t0 = time.perf_counter()
        summary = resolve_pending(con, ["console"])
        resolve_s = time.perf_counter() - t0
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"store_events": n_events, "new_mentions": n_mentions, "fill_s": round(fill_s, 2),
            "resolve_s": round(resolve_s, 3), "events_created": summary.events_created,
            "events_after": events, "alerts": summary.alerts,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 1_000_000])
    parser.add_argument("--mentions", type=int, default=1_000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.mentions)))
        return
    results = []
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--mentions", str(args.mentions)],
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = results[-1]
        print(f"store of {r['store_events']:>9,} events: resolve {r['new_mentions']:,} mentions in "
              f"{r['resolve_s']:.3f}s ({r['events_created']} new events, {r['alerts']} alerts); "
              f"fill {r['fill_s']:.1f}s; peak RSS {r['peak_rss_mb']:.0f} MB")
    if len(results) >= 2:
        ratio = results[-1]["resolve_s"] / results[0]["resolve_s"]
        print(f"ratio {results[-1]['store_events']:,} vs {results[0]['store_events']:,}: {ratio:.2f}x")


if __name__ == "__main__":
    main()
