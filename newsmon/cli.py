"""The `newsmon` command: run the monitor flow, query the store.

Settings come from one object (env prefix NEWSMON_); flags override the environment.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsmon.settings import Settings


def _prefect_env() -> None:
    # No network here, and users of an ephemeral server want no telemetry calls either.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Let our own modules' log lines reach the flow run logs in the Prefect UI.
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsmon,extractors")


def cmd_run(args: argparse.Namespace) -> int:
    overrides = {}
    if args.db:
        overrides["db_path"] = args.db
    if args.seeds:
        overrides["seeds_dir"] = args.seeds
    if args.no_seeds:
        overrides["seeds_dir"] = None
    if args.feed:
        overrides["feed_urls"] = args.feed
    if args.feeds_file:
        overrides["feeds_file"] = args.feeds_file
    settings = Settings(**overrides)
    _prefect_env()
    from flows.monitor import monitor  # imported late: Prefect reads its settings at import
    from newsmon.ingest import format_summary

    state = monitor(settings=settings, return_state=True)
    if not state.is_completed():
        print(f"newsmon run failed: {state.message}", file=sys.stderr)
        try:
            state.result()
        except Exception as exc:  # show the cause in one line, not a Prefect traceback dump
            print(f"cause: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(format_summary(state.result()))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from newsmon.store.db import StoreLockedError, connect
    from newsmon.tabulate import render_csv, render_json, render_table

    settings = Settings(**({"db_path": args.db} if args.db else {}))
    if not settings.db_path.exists():
        print(f"no store at {settings.db_path}: run `newsmon run` first", file=sys.stderr)
        return 2
    try:
        con = connect(settings.db_path, read_only=True, lock_wait_s=settings.db_lock_wait_s)
    except StoreLockedError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    try:
        cursor = con.execute(args.query)
        if cursor.description is None:
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except Exception as exc:
        print(f"query failed: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    render = render_json if args.json else render_csv if args.csv else render_table
    print(render(columns, rows))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmon", description="Monitor the news for Venezuela-policy developments.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the monitor flow once (seeds + feeds -> store)")
    run.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb; env NEWSMON_DB_PATH)")
    run.add_argument("--seeds", type=Path, help="folder of *.txt seed articles (default: the repo's seeds/)")
    run.add_argument("--no-seeds", action="store_true", help="ingest no seed folder")
    run.add_argument("--feed", action="append", metavar="URL",
                     help="poll this feed (http(s)://, file:// or a path) instead of the feeds file; repeatable")
    run.add_argument("--feeds-file", type=Path, help="YAML feeds file (default: the repo's feeds.yaml)")
    run.set_defaults(func=cmd_run)

    sql = sub.add_parser("sql", help="run a SQL query on the store (read-only) and print the result")
    sql.add_argument("query", help='e.g. "select source, count(*) from articles group by 1"')
    sql.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb)")
    fmt = sql.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print rows as a JSON array of objects")
    fmt.add_argument("--csv", action="store_true", help="print rows as CSV with a header")
    sql.set_defaults(func=cmd_sql)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
