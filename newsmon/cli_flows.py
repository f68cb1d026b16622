"""Commands that run a Prefect flow: `newsmon run`, `digest`, `backfill` and `serve`. Each
starts Prefect's ephemeral server itself (unless PREFECT_API_URL is set) so a slow or failed
start-up is one line, not a traceback, and prints the flow's result."""

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


def free_port() -> int:
    """A loopback port the OS hands out as free. Prefect picks one at random in 8000-8999 and
    checks it with a bind before its server binds it, so two runs started at the same moment can
    both pick the same one: the second one's health check is then answered by the first run's
    server, which dies when the first run ends, and the second run fails with 'connection
    refused' minutes later (seen in CI with two concurrent `newsmon run`). The OS does not hand
    out a port that is bound, nor, in practice, the same free one to two callers in a row."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    server = SubprocessASGIServer()  # the instance the flow engine's client looks up later
    if server.port is None:
        server.port = free_port()
    try:
        server.start(timeout=timeout)
    except Exception:  # Prefect raises a RuntimeError with a long message; one line is enough
        code = server.server_process.poll() if server.server_process else None
        what = f"exited with code {code}" if code is not None else f"did not come up within {timeout} s"
        return (f"newsmon run: Prefect's ephemeral API server {what}; on a busy machine set "
                f"{STARTUP_TIMEOUT_VAR} higher (e.g. 180), or start a server (`prefect server start`) "
                f"and set PREFECT_API_URL")
    if server.server_process is not None and server.server_process.poll() is not None:
        # the health check was answered, but not by our server: something else holds the port
        return (f"newsmon run: Prefect's ephemeral API server exited with code "
                f"{server.server_process.returncode}: another process answers on its port {server.port}")
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


def cmd_serve(args: argparse.Namespace) -> int:
    _prefect_env()
    from flows.deployments import serve_deployments

    serve_deployments(args.interval_minutes, args.digest_cron)
    return 0
