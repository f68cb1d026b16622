"""The `newsmon` command: its verbs and the read-only ones (query the store, list events and
alerts, eval); the verbs that run a flow are in cli_flows.

Settings come from one object (env prefix NEWSMON_); flags override the environment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsmon.cli_flows import (EPHEMERAL_STARTUP_TIMEOUT_S, _parse_since, _settings, cmd_backfill,  # noqa: F401
                               cmd_digest, cmd_run, cmd_serve, ephemeral_startup_timeout)
from newsmon.settings import Settings


def _read_only_query(args: argparse.Namespace, sql: str, params: dict | None = None, table=None) -> int:
    """Run one query on the store opened read-only and print it as the flags ask (`table`: the
    renderer of the terminal table, default all columns)."""
    from newsmon.store.db import StoreLockedError, StoreOpenError, connect
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
    except StoreOpenError as exc:  # a folder, a corrupt or foreign file
        print(str(exc), file=sys.stderr)
        return 2
    try:
        cursor = con.execute(sql, params) if params is not None else con.execute(sql)
        if cursor.description is None:
            return 0
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except Exception as exc:
        print(f"query failed: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    render = render_json if args.json else render_csv if args.csv else (table or render_table)
    print(render(columns, rows))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from newsmon.store.db import SQL_DIR

    if args.saved:
        path = SQL_DIR / "saved" / f"{args.saved}.sql"
        if not path.is_file():
            names = sorted(p.stem for p in (SQL_DIR / "saved").glob("*.sql"))
            print(f"no saved query {args.saved!r}; saved queries: {', '.join(names)}", file=sys.stderr)
            return 2
        return _read_only_query(args, path.read_text(encoding="utf-8"))
    if not args.query:
        print("give a QUERY or --saved NAME", file=sys.stderr)
        return 2
    return _read_only_query(args, args.query)


def cmd_events(args: argparse.Namespace) -> int:
    from newsmon.events.rules import load_rules
    from newsmon.listings import EVENTS_VIEW, renderer
    from newsmon.store.db import query

    types = sorted(load_rules().types)
    if args.type and args.type not in types:
        print(f"newsmon events: there is no event type {args.type!r}; event types: {', '.join(types)}",
              file=sys.stderr)
        return 2
    return _read_only_query(args, query("list_events"), {
        "event_type": args.type, "include_background": args.background, "limit": args.limit},
        table=renderer(EVENTS_VIEW, args.wide))


def cmd_alerts(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta, timezone

    from newsmon.listings import ALERTS_VIEW, renderer
    from newsmon.store.db import query

    since = None
    if args.since:
        try:
            since = _parse_since(args.since, datetime.now(timezone.utc), timedelta)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    return _read_only_query(args, query("list_alerts"), {"since": since, "pending_only": args.pending,
                                                          "limit": args.limit},
                            table=renderer(ALERTS_VIEW, args.wide))


def cmd_eval(args: argparse.Namespace) -> int:
    from newsmon.evaluation import evaluate_dir

    try:
        print(evaluate_dir(args.directory, verbose=args.verbose))
    except (FileNotFoundError, ValueError) as exc:
        print(f"eval failed: {exc}", file=sys.stderr)
        return 2
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from newsmon import __version__

    try:
        return version("newsmon")
    except PackageNotFoundError:  # run from a source tree without installing
        return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmon", description="Monitor the news for Venezuela-policy developments.")
    parser.add_argument("--version", action="version", version=f"newsmon {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the monitor flow once (seeds + feeds -> store)")
    run.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb; env NEWSMON_DB_PATH)")
    run.add_argument("--seeds", type=Path, help="folder of *.txt seed articles (default: the repo's seeds/)")
    run.add_argument("--no-seeds", action="store_true", help="ingest no seed folder")
    run.add_argument("--feed", action="append", metavar="URL",
                     help="poll this feed (http(s)://, file:// or a path) instead of the feeds file; repeatable")
    run.add_argument("--feeds-file", type=Path, help="YAML feeds file (default: the repo's feeds.yaml)")
    run.set_defaults(func=cmd_run)

    serve = sub.add_parser("serve", help="serve the monitor, digest and backfill deployments with their schedules "
                                         "against the Prefect API of the environment (PREFECT_API_URL)")
    serve.add_argument("--interval-minutes", type=float, default=5.0, help="monitor schedule (default 5; 0: on demand only)")
    serve.add_argument("--digest-cron", default="0 7 * * *", help="digest schedule (default daily 07:00 UTC)")
    serve.set_defaults(func=cmd_serve)

    digest = sub.add_parser("digest", help="run the digest flow: the new and changed developments of the last day "
                                           "(or since --since) as Markdown, printed and written to a file")
    digest.add_argument("--since", help="start of the period: e.g. 24h (default), 7d, 2025-11-24")
    digest.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb; env NEWSMON_DB_PATH)")
    digest.add_argument("--out", type=Path, metavar="DIR",
                        help="folder of the Markdown file (default: digests/ next to the store; env NEWSMON_DIGEST_DIR)")
    digest.set_defaults(func=cmd_digest)

    backfill = sub.add_parser("backfill", help="run the backfill flow: re-extract and re-resolve the stored articles "
                                               "with the current extractor and report what changes (a dry run)")
    backfill.add_argument("--apply", action="store_true", help="write the changes (default: report only)")
    backfill.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb; env NEWSMON_DB_PATH)")
    backfill.set_defaults(func=cmd_backfill)

    sql = sub.add_parser("sql", help="run a SQL query on the store (read-only) and print the result")
    sql.add_argument("query", nargs="?", help='e.g. "select source, count(*) from articles group by 1"')
    sql.add_argument("--saved", metavar="NAME", help="run a saved query of sql/saved/ instead")
    _output_flags(sql)
    sql.set_defaults(func=cmd_sql)

    events = sub.add_parser("events", help="list events (one per development), most recently reported first")
    events.add_argument("--type", help="only this event_type (designation, sanction, reward, legal_action, "
                                       "military_action, diplomacy, statement)")
    events.add_argument("--background", action="store_true", help="include events known only as background")
    events.add_argument("--limit", type=int, default=100, metavar="N", help="show at most N events (default 100)")
    events.add_argument("--wide", action="store_true", help="every column, none cut (default: the columns that "
                                                            "fit the terminal, the summary whole)")
    _output_flags(events)
    events.set_defaults(func=cmd_events)

    alerts = sub.add_parser("alerts", help="list alerts, newest first, with their delivery per channel")
    alerts.add_argument("--since", help="e.g. 24h, 7d, 2025-11-24")
    alerts.add_argument("--pending", action="store_true", help="only alerts not yet delivered on some channel")
    alerts.add_argument("--limit", type=int, default=100, metavar="N", help="show at most N alerts (default 100)")
    alerts.add_argument("--wide", action="store_true", help="every column (each channel's delivery, the last "
                                                            "error, the alert key), none cut")
    _output_flags(alerts)
    alerts.set_defaults(func=cmd_alerts)

    ev = sub.add_parser("eval", help="score extraction against an annotated folder (*.txt + gold.jsonl)")
    ev.add_argument("directory", type=Path, help="e.g. devset or seeds")
    ev.add_argument("--verbose", action="store_true", help="list false positives and negatives")
    ev.set_defaults(func=cmd_eval)
    return parser


def _output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="DuckDB file (default ./newsmon.duckdb; env NEWSMON_DB_PATH)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print rows as a JSON array of objects")
    fmt.add_argument("--csv", action="store_true", help="print rows as CSV with a header")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
