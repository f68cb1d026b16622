"""The `newsmon` command: run the monitor flow, query the store.

Settings come from one object (env prefix NEWSMON_); flags override the environment.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsmon.settings import Settings


# Prefect's ephemeral server takes ~35 s to start with a new PREFECT_HOME on a busy 2-core
# machine; Prefect waits 20 s by default. The user's own setting wins (issue 9).
EPHEMERAL_STARTUP_TIMEOUT_S = 90
STARTUP_TIMEOUT_VAR = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


def _prefect_env() -> None:
    # No network here, and users of an ephemeral server want no telemetry calls either.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Let our own modules' log lines reach the flow run logs in the Prefect UI.
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newsmon,extractors")


def ephemeral_startup_timeout() -> int:
    """How long `newsmon run` waits for Prefect's ephemeral server: the user's
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (environment or Prefect profile) if set,
    else EPHEMERAL_STARTUP_TIMEOUT_S."""
    from prefect.settings import get_current_settings

    ephemeral = get_current_settings().server.ephemeral
    if "startup_timeout_seconds" in ephemeral.model_fields_set:
        return ephemeral.startup_timeout_seconds
    return EPHEMERAL_STARTUP_TIMEOUT_S


def _start_ephemeral_server() -> str | None:
    """Start Prefect's ephemeral API server now, when no PREFECT_API_URL is set, so that a slow
    start-up is waited out and a failed one is told in one line (returned) instead of a
    traceback out of the flow engine. The engine then finds the server running and uses it."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        return None
    from prefect.server.api.server import SubprocessASGIServer

    timeout = ephemeral_startup_timeout()
    server = SubprocessASGIServer()
    try:
        server.start(timeout=timeout)
    except Exception:  # Prefect raises a RuntimeError with a long message; one line is enough
        code = server.server_process.poll() if server.server_process else None
        what = f"exited with code {code}" if code is not None else f"did not come up within {timeout} s"
        return (f"newsmon run: Prefect's ephemeral API server {what}; on a busy machine set "
                f"{STARTUP_TIMEOUT_VAR} higher (e.g. 180), or start a server (`prefect server start`) "
                f"and set PREFECT_API_URL")
    return None


def _settings(args: argparse.Namespace, **overrides) -> Settings:
    if getattr(args, "db", None):
        overrides["db_path"] = args.db
    return Settings(**overrides)


def _run_flow(command: str, settings: Settings, flow_name: str, **params):
    """Run one of newsmon's flows (on Prefect's ephemeral server unless PREFECT_API_URL is set)
    and return its result, or the exit code after saying in one line what went wrong."""
    from newsmon.store.db import StoreOpenError, check_store_path

    try:  # before Prefect starts: a bad path is one line, not a failed flow run's traceback
        check_store_path(settings.db_path)
    except StoreOpenError as exc:
        print(f"newsmon {command}: {exc}", file=sys.stderr)
        return 2
    _prefect_env()
    import importlib  # the flows are imported late: Prefect reads its settings at import

    module, name = flow_name.rsplit(".", 1)
    flow = getattr(importlib.import_module(module), name)
    failed_start = _start_ephemeral_server()
    if failed_start:
        print(failed_start.replace("newsmon run:", f"newsmon {command}:"), file=sys.stderr)
        return 1
    state = flow(settings=settings, return_state=True, **params)
    if not state.is_completed():
        print(f"newsmon {command} failed: {state.message}", file=sys.stderr)
        try:
            state.result()
        except Exception as exc:  # show the cause in one line, not a Prefect traceback dump
            print(f"cause: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return state.result()


def cmd_run(args: argparse.Namespace) -> int:
    overrides = {}
    if args.seeds:
        overrides["seeds_dir"] = args.seeds
    if args.no_seeds:
        overrides["seeds_dir"] = None
    if args.feed:
        overrides["feed_urls"] = args.feed
    if args.feeds_file:
        overrides["feeds_file"] = args.feeds_file
    result = _run_flow("run", _settings(args, **overrides), "flows.monitor.monitor")
    if isinstance(result, int):
        return result
    from newsmon.report import format_result

    print(format_result(result))
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta, timezone

    settings = _settings(args, **({"digest_dir": args.out} if args.out else {}))
    if not Path(settings.db_path).exists():
        print(f"no store at {settings.db_path}: run `newsmon run` first", file=sys.stderr)
        return 2
    try:
        since = _parse_since(args.since, datetime.now(timezone.utc), timedelta) if args.since else None
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    result = _run_flow("digest", settings, "flows.digest.digest", since=since)
    if isinstance(result, int):
        return result
    print(result.markdown.rstrip())
    print(f"\n(written to {result.path})")
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not Path(settings.db_path).exists():
        print(f"no store at {settings.db_path}: run `newsmon run` first", file=sys.stderr)
        return 2
    result = _run_flow("backfill", settings, "flows.backfill.backfill_flow", apply=args.apply)
    if isinstance(result, int):
        return result
    print(result.format())
    if not args.apply:
        print("(a dry run: run `newsmon backfill --apply` to write it)")
    return 0


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


def cmd_serve(args: argparse.Namespace) -> int:
    _prefect_env()
    from flows.deployments import serve_deployments

    serve_deployments(args.interval_minutes, args.digest_cron)
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


def _parse_since(text: str, now, timedelta):
    """'24h', '7d', '30m' ago, or an ISO date/time."""
    from datetime import datetime, timezone

    units = {"m": "minutes", "h": "hours", "d": "days"}
    if text[:-1].isdigit() and text[-1] in units:
        return now - timedelta(**{units[text[-1]]: int(text[:-1])})
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since {text!r}: give e.g. 24h, 7d, 2025-11-24 or 2025-11-24T08:00") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


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
