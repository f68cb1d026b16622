"""Connections, schema migrations and named queries.

Schema files `sql/schema/NNN_name.sql` are applied once each, in order, and recorded in
`schema_version`. Queries live in `sql/queries/NAME.sql` and are loaded by name; callers bind
parameters, never format values into SQL.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from newsmon.settings import PROJECT_ROOT

# DuckDB's Python client tries `import pandas` (twice) for every bound value when pandas is not
# installed; each failed import walks sys.path (~0.3 ms). Recording the absence once turns the
# probe into a dict lookup: binding 1,000 rows drops from ~500 ms to ~40 ms. Only when pandas is
# really absent, so a user who has it keeps it.
if importlib.util.find_spec("pandas") is None:
    sys.modules.setdefault("pandas", None)  # type: ignore[assignment]

SQL_DIR = PROJECT_ROOT / "sql"
_SCHEMA_FILE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class StoreLockedError(RuntimeError):
    """Another process holds the DuckDB file (DuckDB allows one writer per file)."""


def schema_files(sql_dir: Path = SQL_DIR) -> list[tuple[int, Path]]:
    files = []
    for path in sorted((sql_dir / "schema").glob("*.sql")):
        match = _SCHEMA_FILE.match(path.name)
        if not match:
            raise ValueError(f"schema file {path.name} is not named NNN_name.sql")
        files.append((int(match.group(1)), path))
    versions = [v for v, _ in files]
    if len(set(versions)) != len(versions):
        raise ValueError(f"duplicate schema version numbers in {sql_dir / 'schema'}")
    return files


def apply_migrations(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[int]:
    """Apply the schema files not applied yet; returns the versions applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    applied = []
    for version, path in schema_files(sql_dir):
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, path.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


@functools.cache
def query(name: str) -> str:
    """The text of `sql/queries/<name>.sql`."""
    path = SQL_DIR / "queries" / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def connect(db_path: Path | str, read_only: bool = False, lock_wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the store, waiting up to `lock_wait_s` while another process holds the file."""
    target = str(db_path)
    deadline = time.monotonic() + lock_wait_s
    delay = 0.1
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"the store {target} is in use by another process (a run is writing it); "
                    f"waited {lock_wait_s:.0f}s. Try again when the run ends."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextmanager
def open_store(db_path: Path | str, lock_wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection with the schema up to date; closed on exit."""
    if str(db_path) != ":memory:":
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    con = connect(db_path, lock_wait_s=lock_wait_s)
    try:
        apply_migrations(con)
        yield con
    finally:
        con.close()
